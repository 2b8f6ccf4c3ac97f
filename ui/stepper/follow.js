// A live class's student (ui/teach/classroom.py): the class's stream (live/push.py) tells this tab every
// move of the class as it happens. A step goes to this tab's stepper at once (ui/stepper/stepper.js
// listens), with no Streamlit rerun, and so is the answer to the class's question when the teacher reveals
// it (the message brings it: the browser had nothing of it before; it is drawn under the question, in
// place of the choices, until the bar's next run draws it itself); any other move (page, model, chapter,
// question, pace, the class paused or ended) runs the class bar's fragment once (this component's
// trigger), which reads the store and applies it; another page is opened through the app's own navigation
// link, as if the student had clicked it.
//
// One stream per tab, kept across the bar's reruns (window.__gatelabClass). If the stream breaks, the
// browser opens it again after 2 s, then backs off to 30 s; every new stream starts with the class's
// state now, so nothing missed is lost. Where a proxy holds streams back (no message ever arrives), the
// tab asks with long polls instead (/wait).
const S = window.__gatelabClass || (window.__gatelabClass = {
  url: null, es: null, data: null, trigger: null, last: null, asked: null, tries: 0, askedAt: 0, v: null, at: 0,
  delay: 2000, opened: false, fails: 0, timer: null, polling: false, closeTimer: null, heard: 0, watch: null,
});
const SILENT_MS = 40000; // the server pings every 15 s: a stream silent this long is dead (a laptop that
// woke on a connection nobody closed), and is opened again; its first message catches the tab up

function navLink(page) {
  // the default page's link is the app's root (its href ends in "/"); every other ends in its url path
  const links = document.querySelectorAll("[data-testid=stSidebarNavLink], [data-testid=stTopNavLink]");
  for (const a of links) {
    const href = a.getAttribute("href") || "";
    if (page === "" ? href.endsWith("/") : href.replace(/[?#].*$/, "").endsWith(`/${page}`)) return a;
  }
  return null;
}

function close() {
  if (S.es) S.es.close();
  clearTimeout(S.timer);
  clearInterval(S.watch); S.watch = null;
  S.es = null; S.url = null; S.last = null; S.asked = null; S.polling = false; S.opened = false;
}

function open() {
  const url = S.url;
  if (!url || S.polling) return;
  const es = new EventSource(`${url}events?s=${encodeURIComponent(S.data.token)}`);
  S.es = es;
  S.heard = Date.now();
  es.onopen = () => { S.opened = true; S.heard = Date.now(); };
  es.addEventListener("ping", () => { S.heard = Date.now(); });
  es.onmessage = (e) => {
    S.heard = Date.now();
    S.delay = 2000; S.fails = 0;
    let msg; try { msg = JSON.parse(e.data); } catch { return; }
    hear(msg);
    if (msg.state === "ended") close();
  };
  es.onerror = () => {
    // a closed stream: the browser's own retry is replaced by ours, with backoff
    if (S.es !== es) return;
    es.close(); S.es = null;
    S.fails += 1;
    if (!S.opened && S.fails >= 3) { S.polling = true; poll(url, null); return; } // a proxy that holds streams
    S.timer = setTimeout(() => { if (S.url === url) open(); }, S.delay + Math.random() * 500);
    S.delay = Math.min(S.delay * 2, 30000);
  };
}

async function poll(url, after) {
  while (S.url === url && S.polling) {
    try {
      const q = `s=${encodeURIComponent(S.data.token)}` + (after === null ? "" : `&after=${after}`);
      const r = await fetch(`${url}wait?${q}`, { cache: "no-store", signal: AbortSignal.timeout(SILENT_MS) });
      const msg = await r.json();
      S.delay = 2000;
      if (S.url !== url) return;
      hear(msg);
      if (msg.state === "ended") { close(); return; }
      after = msg.state === "live" ? msg.v : null;
      if (msg.state !== "live") await new Promise((ok) => setTimeout(ok, 2000));
    } catch {
      await new Promise((ok) => setTimeout(ok, S.delay));
      S.delay = Math.min(S.delay * 2, 30000);
    }
  }
}

// a message of the class: the stepper's step, or one run of the class bar if the app has not applied it
// (asked again every 2 s, a few times, while the app still shows an older view: a run asked for while the
// page was busy can be lost)
function behind(msg = S.last, d = S.data) {
  return !!(msg && d && (msg.state !== d.state || (msg.state === "live" && msg.key !== d.key)));
}

function hear(msg) {
  S.last = msg;
  const d = S.data;
  if (!d) return;
  if (behind(msg, d)) {
    const ask = `${msg.state}:${msg.key}:${msg.v}`;
    if (S.asked !== ask) { S.asked = ask; S.tries = 0; }
    if (S.trigger && S.tries < 6 && (S.tries === 0 || Date.now() - S.askedAt > 2000)) {
      S.tries += 1; S.askedAt = Date.now();
      S.trigger("event", `${ask}:${S.tries}`);
    }
    return;
  }
  if (msg.state === "live" && d.following && typeof msg.t === "number") {
    S.v = `s${msg.v}`;
    deliver(msg.t, 25, S.v);
  }
  reveal(msg.state === "live" ? msg.reveal : null);
}

// the revealed answer under the question: the bar's own sentences (data.q.words, in the student's
// language) with the answer and its explanation from the message; **bold** as Markdown has it, every
// other character as text
function reveal(rv) {
  const d = S.data, q = d && d.q, host = S.host;
  if (!host) return;
  let box = host.querySelector(".gatelab-reveal");
  if (!(rv && q && d.following && !q.revealed && q.id === rv.id)) { if (box) box.remove(); return; }
  const lang = rv.why[d.lang] !== undefined ? d.lang : "en";
  const values = { answer: rv.answer_label[lang], said: q.said };
  const right = q.sent != null && q.sent === rv.answer;
  const head = q.sent == null ? q.words.was : right ? q.words.right : q.words.wrong;
  const text = head.replace(/\{(answer|said)\}/g, (_, k) => values[k]);
  const shown = `${q.id}|${lang}|${text}`;
  if (box && box.dataset.shown === shown) return;
  if (!box) box = document.createElement("div");
  box.className = `gatelab-reveal${right ? " right" : ""}`;
  box.setAttribute("role", "status");
  box.dataset.shown = shown;
  box.replaceChildren();
  const icon = document.createElement("span");
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = right ? "✅" : "💡";
  const body = document.createElement("div");
  for (const para of [text, rv.why[lang]]) {
    const p = document.createElement("p");
    para.split("**").forEach((part, i) => {
      if (!part) return;
      if (i % 2) { const b = document.createElement("strong"); b.textContent = part; p.append(b); } else p.append(part);
    });
    body.append(p);
  }
  box.append(icon, body);
  host.append(box);
}

export default function ({ data, setTriggerValue, parentElement }) {
  if (!data) return;
  clearTimeout(S.closeTimer);
  S.trigger = setTriggerValue;
  S.data = data;
  S.host = parentElement;
  if (S.url !== data.stream) { close(); S.url = data.stream; open(); }
  if (!S.watch) S.watch = setInterval(watch, 1000);
  const fresh = data.v !== S.dv;
  S.dv = data.v;
  // another page: its link, once per move, and again every 2 s while the server still asks for it
  // (a click made while the page was busy can be lost)
  if (typeof data.page === "string" && (fresh || Date.now() - S.at > 2000)) {
    const link = navLink(data.page);
    if (link) { S.at = Date.now(); link.click(); return cleanup; }
  }
  if (fresh && data.following) { S.v = `d${data.v}`; deliver(data.step, 25, S.v); }
  // a message heard while this run was on its way: the app may not have applied it
  if (S.last && S.last.state === data.state && S.last.key === data.key) {
    if (data.following && S.last.state === "live" && typeof S.last.t === "number" && S.last.t !== data.step) {
      S.v = `s${S.last.v}`; deliver(S.last.t, 25, S.v);
    }
    reveal(S.last.state === "live" ? S.last.reveal : null);
  } else if (S.last) hear(S.last);
  else reveal(null);
  return cleanup;
}

// every second: a stream silent too long is opened again; a bar run asked for and lost is asked again
function watch() {
  if (S.es && Date.now() - S.heard > (window.__gatelabSilentMs || SILENT_MS)) { S.es.close(); S.es = null; open(); }
  if (behind()) hear(S.last);
}

// the bar is gone (the class ended, or the student left it): the stream closes unless it comes back
function cleanup() {
  clearTimeout(S.closeTimer);
  S.closeTimer = setTimeout(close, 3000);
}

// to the stepper, once it is on the page (a page still loading gets it when its stepper is built);
// then checked for a few seconds: a stepper built again meanwhile (the page's own run, started
// before this step was known) shows its older step, and is put on this one while it is still the
// class's latest (and the student still follows: a following student's stepper is locked)
function deliver(step, tries, v) {
  if (S.v !== v) return;
  const api = window.__gatelabStepper;
  if (api && api.locked && api.step !== step) window.dispatchEvent(new CustomEvent("gatelab-follow", { detail: step }));
  if (tries > 0) setTimeout(() => deliver(step, tries - 1, v), 200);
}
