// The class's diagram before the student's app (live/hall.py, which serves this file after words.js,
// stepper.js as STEPPER and stepper.css as STEPPER_CSS, one module): a hall opens the teacher's link at once,
// and every student's Streamlit page waits its turn on the server; this draws what the teacher's app
// already stored, the stepper's data of the class's view in the student's language, with the stepper's
// own code (stepper.js, in a shadow root of its own), over the page, at the class's step. It follows the
// class's stream (live/push.py) meanwhile: a step moves it at once; another view is fetched again (or, if
// it has no diagram, the diagram goes). It goes away when the student's app has drawn the class's page
// (the app's stepper is there, or the class bar's follow.js has its data), or when the class ends (the app
// then opens at once and says so); it is never needed:
// without it the app opens as it always did.
const H = window.__gatelabHall;
const READY_MS = 250; // how often the app is asked whether it has drawn the class's page
const GIVE_UP_MS = 180000; // and for how long
const AFTER_RUN_MS = 5000; // an app that ran without the class's bar (the join failed: it says why) is shown

function hallText(parent, tag, s, cls) { // **bold** as Markdown has it, every other character as text
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  String(s).split("**").forEach((part, i) => {
    if (!part) return;
    if (i % 2) { const b = document.createElement("strong"); b.textContent = part; e.append(b); } else e.append(part);
  });
  parent.append(e);
  return e;
}

const STYLE = `
#gatelab-hall { position: fixed; inset: 0; z-index: 1000000; overflow: auto; background: #fff; color: #141312;
  --st-font: "Gate Lab Sans", "Source Sans Pro", system-ui, sans-serif; font-family: var(--st-font); padding: 1.25rem clamp(1rem, 4vw, 5rem) 3rem; }
#gatelab-hall .hall-head { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; margin-bottom: 0.5rem; }
#gatelab-hall .hall-title { font-size: 1.25rem; margin: 0; }
#gatelab-hall .hall-note { color: #5f5b57; margin: 0 0 1rem; font-size: 1rem; display: flex; gap: 0.5rem; align-items: center; }
#gatelab-hall .hall-spin { width: 1rem; height: 1rem; border-radius: 50%; border: 2px solid #e6e3df; border-top-color: #a3212e;
  animation: gatelab-hall-spin 0.9s linear infinite; flex: none; }
#gatelab-hall .hall-paused { font-size: 1.5rem; padding: 2rem; border: 1px solid #e6e3df; border-radius: 0.75rem; text-align: center; }
@keyframes gatelab-hall-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { #gatelab-hall .hall-spin { animation: none; } }
`;

function appReady() { // the student's app has drawn the class's page: its stepper (the app's own, not this
  // file's copy), or its class bar (follow.js) has its data
  const bar = window.__gatelabClass;
  return !!(window.__gatelabStepper || (bar && bar.data));
}

async function main() {
  if (!H) return;
  const got = await H.got;
  if (!got || !got.data || !got.msg || got.msg.state !== "live") return; // nothing to show: the app opens alone
  if (appReady()) return; // (the app was quicker)
  const S = { msg: got.msg, data: got.data, api: null, cleanup: null, es: null, done: false, delay: 2000, fetching: false };
  const css = document.createElement("style");
  // the app's own font (Streamlit's page preloads it): the same letters before and after
  const font = document.querySelector('link[rel="preload"][as="font"]');
  css.textContent = (font ? `@font-face { font-family: "Gate Lab Sans"; font-weight: 200 900; src: url("${font.href}") format("woff2"); }\n` : "") + STYLE;
  document.title = "Gate Lab"; // (the app's run names the page itself)
  document.head.append(css);
  const box = document.createElement("div");
  box.id = "gatelab-hall";
  box.setAttribute("role", "region");
  const words = got.data.hall || {};
  box.setAttribute("aria-label", words.region || "");
  document.documentElement.setAttribute("lang", got.lang === "zh" ? "zh-CN" : "en");
  const head = document.createElement("div");
  head.className = "hall-head";
  hallText(head, "h1", words.title || "", "hall-title");
  box.append(head);
  const note = document.createElement("p");
  note.className = "hall-note";
  const spin = document.createElement("span");
  spin.className = "hall-spin";
  spin.setAttribute("aria-hidden", "true");
  note.append(spin);
  const said = hallText(note, "span", words.opening || "");
  box.append(note);
  function say(diagram) { // what is on screen now: the diagram following the teacher, or the app on its way
    said.textContent = "";
    hallText(said, "span", (diagram ? words.opening : words.waiting) || "");
  }
  const paused = hallText(box, "div", `⏸️ ${words.paused || ""}`, "hall-paused"); // (as the app's own card)
  paused.hidden = true;
  const host = document.createElement("div");
  box.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  const sheet = document.createElement("style");
  sheet.textContent = STEPPER_CSS; // (the stepper's own style: this file's bundle carries it, live/hall.py)
  shadow.append(sheet);
  const inner = document.createElement("div");
  shadow.append(inner);
  document.body.append(box);
  const app = document.getElementById("root"); // the app opening behind it: out of reach of Tab meanwhile
  if (app) app.inert = true;
  const stepper = STEPPER; // the stepper's own code (stepper.js), bundled before this file (live/hall.py)

  function draw(data, msg) {
    const pause = !!(data && msg.pace && msg.pace.pause);
    if (data && S.api && S.shown === data.id && paused.hidden === !pause) { // the same diagram: its step
      if (typeof msg.t === "number") S.api.show(msg.t);
      return;
    }
    S.shown = data && data.id;
    if (S.cleanup) S.cleanup();
    inner.replaceChildren();
    S.api = null;
    paused.hidden = !pause;
    say(data && !pause);
    if (!data || !paused.hidden) return;
    data.seek = [`hall:${msg.v}`, typeof msg.t === "number" ? msg.t : 0];
    data.locked = true;
    S.cleanup = stepper({ data, parentElement: inner });
    S.api = inner.querySelector(".gatelab-stepper").__gl.api;
  }
  const t0 = Date.now();
  let ran = 0; // when the app first finished a run (Streamlit sets prerenderReady then)
  S.timer = setInterval(() => { // first: whatever happens below, the hall view goes when the app is there
    if (window.prerenderReady === true && !ran) ran = Date.now();
    if (appReady() || (ran && Date.now() - ran > AFTER_RUN_MS) || Date.now() - t0 > GIVE_UP_MS) finish();
  }, READY_MS);
  try {
    draw(got.data, { ...got.msg, pace: got.pace });
  } catch (e) { // never in the app's way: the app, now
    H.start();
    finish();
    throw e;
  }

  async function refetch() { // another view: its diagram (the teacher's app stores it as it draws it)
    if (S.fetching) return;
    S.fetching = true;
    try {
      for (let i = 0; i < 6 && !S.done; i++) {
        const r = await fetch(`/gatelab/class/${H.code}/hall?lang=${got.lang}`, { cache: "no-store" });
        if (r.status !== 200) return;
        const now = await r.json();
        if (now.msg.state !== "live") return;
        if (now.data || i === 5) { draw(now.data, { ...now.msg, pace: now.pace }); S.msg = now.msg; return; }
        // (a view with no diagram: the note says the app is on its way, which opens at this student's turn)
        await new Promise((ok) => setTimeout(ok, 500)); // (stored a moment after the view changed)
      }
    } catch { /* the app opens meanwhile */ } finally { S.fetching = false; }
  }

  function hear(msg) {
    if (msg.state === "ended") { H.start(); finish(); return; } // the app says so, now
    if (msg.state !== "live") return;
    if (msg.key !== S.msg.key) { S.msg = { ...msg, key: msg.key }; refetch(); return; }
    S.msg = msg;
    if (S.api && typeof msg.t === "number") S.api.show(msg.t);
  }

  function open() {
    if (S.done) return;
    const es = new EventSource(`/gatelab/class/${H.code}/events?s=${encodeURIComponent(got.token)}`);
    S.es = es;
    es.onmessage = (e) => { S.delay = 2000; try { hear(JSON.parse(e.data)); } catch { /* not ours */ } };
    es.onerror = () => {
      es.close();
      if (S.es !== es || S.done) return;
      setTimeout(open, S.delay);
      S.delay = Math.min(2 * S.delay, 30000);
    };
  }
  open();

  function finish() {
    if (S.done) return;
    S.done = true;
    clearInterval(S.timer);
    if (S.es) S.es.close();
    if (S.cleanup) S.cleanup();
    box.remove();
    css.remove();
    if (app) app.inert = false;
  }
  window.__gatelabHallView = { finish, get step() { return S.api ? S.api.step : null; } }; // (tests)
}

main();
