// Gate Lab's stepper: every step of a view, drawn in the browser from data sent once per model.
// The address bar names the step shown once stepping pauses (URL_MS), written here; every rerun
// the browser asks for carries it to the server. The server is also told, at most every
// REPORT_MS, through the beacon (one small script run; nothing on the page is redrawn).
// Data (ui/stepper/__init__.py): {id, view, T, seek: [token, step], ui: {...strings}, payload, cursor, limit, locked, hide}.
// ``payload``: the view's numbers for every step and its sentences' templates (viz/stepdata.py, as JSON
// text); ``words`` (words.js, loaded before this file) builds a step's sentences from them.
// ``locked``: a live class's following student (ui/stepper/owner.py): the controls show the class's step
// and do not move it; only the class moves it (``follow``).
// seek changes only when the server itself moved the step (a link, a preset, a chart click, a
// shorter input); otherwise the browser's own latest step (window.__gatelab) stays on screen,
// across reruns, rebuilt views and pages.

const SVGNS = "http://www.w3.org/2000/svg";
const LATEST = window.__gatelab || (window.__gatelab = { token: null, step: null }); // this tab's step
const URL_MS = 450; // the address bar names the step this long after the last step
const REPORT_MS = 4000; // and the server is told at most this often
const X0 = -0.4, Y0 = -0.7, Y1 = 7.8; // the diagram's frame in diagram units; its right edge is the kind's

function el(tag, attrs = {}, parent = null, ns = null) {
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  if (parent) parent.appendChild(e);
  return e;
}
const sv = (tag, attrs, parent) => el(tag, attrs, parent, SVGNS);

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
// the markdown the server's sentences use: **bold** only
const md = (s) => esc(s).replace(/ %/g, "\u00a0%").replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");

// "C<sub>t−1</sub> = 0.12" as SVG text with a real subscript
function setSubText(node, text) {
  while (node.firstChild) node.removeChild(node.firstChild);
  const parts = String(text).split(/(<sub>.*?<\/sub>)/);
  let shifted = false;
  for (const p of parts) {
    if (!p) continue;
    const m = p.match(/^<sub>(.*)<\/sub>$/);
    const span = sv("tspan", {}, node);
    if (m) {
      span.setAttribute("font-size", "70%");
      span.setAttribute("dy", "0.3em");
      span.textContent = m[1];
      shifted = true;
    } else {
      if (shifted) span.setAttribute("dy", "-0.3em");
      span.textContent = p;
      shifted = false;
    }
  }
}

const ICONS = {
  first: "M6 6h2v12H6zm3.5 6 8.5 6V6z",
  prev: "M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z",
  next: "M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z",
  last: "M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z",
  play: "M8 5v14l11-7z",
  pause: "M6 19h4V5H6v14zm8-14v14h4V5h-4z",
};
function icon(name, parent) {
  const s = sv("svg", { viewBox: "0 0 24 24", width: "20", height: "20", "aria-hidden": "true", focusable: "false" }, parent);
  sv("path", { d: ICONS[name], fill: "currentColor" }, s);
  return s;
}

// ---- the cell diagram ------------------------------------------------------------------------

function buildDiagram(host, d, wd) { // wd: the view's words (words.js)
  const S = 1000 / (d.x1 - X0); // diagram units -> SVG units
  const PX = S / 45; // the Plotly diagram's pixels at 45 px a unit -> SVG units
  const X = (x) => (x - X0) * S;
  const Y = (y) => (Y1 - y) * S;
  const svg = sv("svg", {
    viewBox: `0 0 1000 ${((Y1 - Y0) * S).toFixed(0)}`,
    class: "diagram",
    role: "group",
    "data-gatelab": "diagram",
  }, host);
  sv("rect", {
    x: X(1.6), y: Y(7.1), width: X(d.box_right) - X(1.6), height: Y(0.55) - Y(7.1),
    fill: "rgba(240,240,240,0.35)", stroke: "#bbb", "stroke-width": 2 * PX,
  }, svg);
  const wires = d.wires.map((w) => {
    let path = "", move = true;
    for (const p of w.points) {
      if (p === null) { move = true; continue; }
      path += `${move ? "M" : "L"} ${X(p[0]).toFixed(1)} ${Y(p[1]).toFixed(1)} `;
      move = false;
    }
    const bus = w.kind === "bus";
    return {
      w,
      e: sv("path", {
        d: path, fill: "none", stroke: bus ? "#9aa0a6" : "#ccc",
        "stroke-width": (bus ? 5 : 9) * PX, "stroke-linejoin": "round",
      }, svg),
    };
  });
  const nodes = d.nodes.map((n) => {
    const g = sv("g", { "data-node": n.key }, svg);
    sv("title", {}, g).textContent = d.hover[n.key] || n.key;
    const r = (n.size / 2) * PX;
    const shape = n.shape === "square"
      ? sv("rect", { x: X(n.x) - r, y: Y(n.y) - r, width: 2 * r, height: 2 * r }, g)
      : sv("circle", { cx: X(n.x), cy: Y(n.y), r }, g);
    const text = sv("text", {
      x: X(n.x), y: Y(n.y), "text-anchor": "middle", "dominant-baseline": "central",
      "font-size": 19 * PX, class: "node-text",
    }, g);
    text.textContent = n.text;
    return { n, shape, text };
  });
  const labels = d.labels.map((lb) => sv("text", {
    x: X(lb.x), y: Y(lb.y), "text-anchor": { right: "start", left: "end", center: "middle" }[lb.side],
    "dominant-baseline": "central", "font-size": 18.5 * PX, class: "label", "data-label": "1",
  }, svg));
  for (const c of d.captions) {
    sv("text", { x: X(c.x), y: Y(0.95), "text-anchor": "middle", "dominant-baseline": "central",
      "font-size": 15 * PX, class: "caption" }, svg).textContent = c.text;
  }
  const keys = el("div", { class: "legend-row" }, host);
  for (const k of d.legend) {
    const box = el("div", { class: "colour-key" }, keys);
    el("div", { class: "key-title" }, box).textContent = k.title;
    el("div", { class: "key-bar", style: `background: linear-gradient(to right, ${k.colours.join(", ")})`, "aria-hidden": "true" }, box);
    const ticks = el("div", { class: "key-ticks", "aria-hidden": "true" }, box);
    for (const tk of k.ticks) el("span", {}, ticks).textContent = tk;
  }
  if (d.top) {
    sv("text", { x: X((1.6 + d.box_right) / 2), y: Y(7.45), "text-anchor": "middle", "dominant-baseline": "central",
      "font-size": 15 * PX, class: "caption" }, svg).textContent = d.top;
  }
  return (t) => {
    for (const { w, e } of wires) {
      if (w.kind !== "bus") e.setAttribute("stroke", wd.fill(w.kind, w.key, t));
    }
    const forced = new Set(d.forced[t]);
    for (const { n, shape, text } of nodes) {
      shape.setAttribute("fill", wd.fill(n.kind, n.key, t));
      const f = forced.has(n.key);
      shape.setAttribute("stroke", f ? "#d62728" : "#444");
      shape.setAttribute("stroke-width", (f ? 4 : 2) * PX);
      shape.setAttribute("stroke-dasharray", f ? `${4 * PX} ${2 * PX}` : "none"); // not by colour alone
      text.setAttribute("fill", wd.ink(n.key, t));
    }
    wd.labels(t).forEach((s, i) => setSubText(labels[i], s));
  };
}

// ---- the stack of layers -----------------------------------------------------------------------

const PATTERN_PATHS = {
  "/": "M0 8 L8 0", "\\": "M0 0 L8 8", "x": "M0 8 L8 0 M0 0 L8 8", "-": "M0 4 L8 4", ".": null,
};

function patternDefs(svg, series, uid) {
  const defs = sv("defs", {}, svg);
  series.forEach((s, k) => {
    if (!s.pattern) return;
    const p = sv("pattern", { id: `${uid}-p${k}`, width: 8, height: 8, patternUnits: "userSpaceOnUse" }, defs);
    sv("rect", { width: 8, height: 8, fill: s.colour }, p);
    if (s.pattern === ".") sv("circle", { cx: 4, cy: 4, r: 1.6, fill: "white" }, p);
    else sv("path", { d: PATTERN_PATHS[s.pattern], stroke: "white", "stroke-width": 1.6 }, p);
  });
}
const fillOf = (s, k, uid) => (s.pattern ? `url(#${uid}-p${k})` : s.colour);

function buildBars(host, p, uid, w) {
  const digits = p.digits ?? 2; // Decimals shown (the sidebar's), as everywhere else
  const W = 1000, PANEL = 230, INPUT = 160, PAD = 10;
  const L = p.layers.length;
  const H = L * PANEL + INPUT + PAD;
  const svg = sv("svg", { viewBox: `0 0 ${W} ${H}`, class: "bars", role: "group", "data-gatelab": "stack" }, host);
  patternDefs(svg, p.series, uid);
  const updates = [];
  const panel = (y0, h, title, names, nSeries, top, getter, chosen = null) => {
    sv("text", { x: 10, y: y0 + 18, class: "panel-title" }, svg).textContent = title;
    const plotTop = y0 + 34, plotH = h - 70, x0 = 60, x1 = W - 10;
    const Yv = (v) => plotTop + plotH / 2 - (v / top) * (plotH / 2);
    // round ticks (…, −1, −0.5, 0, 0.5, 1, …): at most three on each side of 0
    const stepV = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100].find((q) => top / q <= 3) || top;
    for (let k = -Math.floor(top / stepV); k <= Math.floor(top / stepV); k++) {
      const v = k * stepV;
      sv("line", { x1: x0, x2: x1, y1: Yv(v), y2: Yv(v), stroke: k === 0 ? "#888" : "#eee" }, svg);
      sv("text", { x: x0 - 6, y: Yv(v), "text-anchor": "end", "dominant-baseline": "central", class: "tick" }, svg)
        .textContent = String(v).replace("-", "−");
    }
    const groupW = (x1 - x0) / names.length;
    const barW = Math.min(40, (groupW * 0.8) / nSeries);
    const rects = [];
    names.forEach((name, u) => {
      const gx = x0 + groupW * u + (groupW - barW * nSeries) / 2;
      sv("text", { x: x0 + groupW * (u + 0.5), y: plotTop + plotH + 18, "text-anchor": "middle",
        class: u === chosen ? "tick chosen" : "tick" }, svg).textContent = u === chosen ? `▸${name}◂` : name;
      for (let k = 0; k < nSeries; k++) {
        const r = sv("rect", { x: gx + k * barW, width: barW * 0.92 }, svg);
        // a value over each bar when there is room for it (else the tables below give it)
        const lab = barW >= 5 * (digits + 3) ? sv("text", { x: gx + k * barW + barW * 0.46, "text-anchor": "middle", class: "bar-value" }, svg) : null;
        rects.push({ r, lab, u, k });
      }
    });
    updates.push((t) => {
      for (const { r, lab, u, k } of rects) {
        const e = getter(t, k, u), v = w.value(e); // the number shown: the tables' too
        const y = Yv(Math.max(v, 0)), h = Math.abs(Yv(v) - Yv(0));
        r.setAttribute("y", y);
        r.setAttribute("height", Math.max(h, 0.5));
        if (lab) {
          lab.setAttribute("y", v >= 0 ? y - 4 : y + h + 14);
          lab.textContent = w.num(e);
        }
      }
    });
    return rects;
  };
  p.layers.forEach((layer, i) => {
    const rects = panel(PAD + i * PANEL, PANEL, layer.title, layer.units, p.series.length, layer.top,
      (t, k, u) => layer.table.rows[t][u][k], layer.chosen);
    for (const { r, k } of rects) r.setAttribute("fill", fillOf(p.series[k], k, uid));
  });
  const inp = p.input;
  const rects = panel(PAD + L * PANEL, INPUT + 30, inp.title, inp.names, 1, inp.top, (t, k, u) => inp.values[t][u]);
  for (const { r } of rects) r.setAttribute("fill", "#555");
  // legend: the series by colour and fill pattern, as text that wraps (any language, any width)
  const leg = el("div", { class: "bars-legend" });
  host.insertBefore(leg, svg);
  p.series.forEach((s, k) => {
    const item = el("span", { class: "legend-item" }, leg);
    const sw = sv("svg", { width: 16, height: 16, "aria-hidden": "true" }, item);
    sv("rect", { width: 16, height: 16, fill: fillOf(s, k, uid), stroke: "#666" }, sw);
    el("span", {}, item).textContent = s.label;
  });
  return (t) => updates.forEach((u) => u(t));
}

// ---- tables (the charts' text alternative) -------------------------------------------------------

function tableHTML(tab, t, unitWord, w) {
  const head = `<tr><th scope="col">${esc(unitWord)}</th>${tab.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr>`;
  const rows = w.table(tab, t).map((row, u) =>
    `<tr><th scope="row">${(tab.first || 0) + u + 1}</th>${row.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`).join("");
  return `<table>${head}${rows}</table>`;
}

// ---- a trained classifier's read-out (viz/readout.py): what it would say if the series ended at t ----

function buildReadout(host, r) {
  const w = words({ d: r.d }, r);
  const box = el("div", { class: "readout", role: "group", "aria-label": r.title, "data-gatelab": "readout" }, host);
  el("p", { class: "readout-title" }, box).textContent = r.title;
  const rows = r.names.map((name) => {
    const row = el("div", { class: "readout-row" }, box);
    el("span", { class: "readout-name" }, row).textContent = name; // text, never markup (a file's labels)
    const bar = el("span", { class: "readout-bar" }, el("span", { class: "readout-track" }, row));
    return { row, bar, value: el("span", { class: "readout-value" }, row) };
  });
  const said = el("p", { class: "readout-said", "data-gatelab": "readout_said" }, box);
  const settle = el("p", { class: "readout-settle", "data-gatelab": "readout_settle" }, box);
  return (t) => {
    const now = w.readout(t);
    rows.forEach((x, k) => {
      x.bar.style.width = `${(100 * r.p[t][k]).toFixed(1)}%`;
      x.value.textContent = now.text[k];
      x.row.classList.toggle("chosen", r.choice[t] === k);
    });
    said.textContent = now.said;
    settle.textContent = t >= r.settles ? r.settled : r.not_yet;
  };
}

// ---- one stepper instance ------------------------------------------------------------------------

function build(root, data, report) {
  root.innerHTML = "";
  const ui = data.ui, T = data.T;
  const p = typeof data.payload === "string" ? JSON.parse(data.payload) : data.payload;
  const w = words(p);
  const uid = `gl${Math.random().toString(36).slice(2, 8)}`;
  const st = { t: 0, limit: T - 1, every: REPORT_MS, playing: false, locked: false, timer: null, urlTimer: null, reportTimer: null, sent: null, lastReport: -1e9, speed: 10 };

  // controls
  const bar = el("div", { class: "controls", role: "group", "aria-label": ui.controls }, root);
  const btn = (key, ic, label) => {
    const b = el("button", { type: "button", "data-gatelab": key, "aria-label": label, title: label }, bar);
    icon(ic, b);
    return b;
  };
  const bFirst = btn("step_first", "first", ui.first);
  const bPrev = btn("step_prev", "prev", ui.prev);
  const bNext = btn("step_next", "next", ui.next);
  const bLast = btn("step_last", "last", ui.last);
  let bPlay = null, speed = null;
  if (data.play && T > 1) {
    bPlay = el("button", { type: "button", "data-gatelab": "step_play", "aria-pressed": "false", class: "play" }, bar);
    speed = el("select", { "data-gatelab": "play_speed", "aria-label": ui.speed, title: ui.speed }, bar);
    for (const v of [1, 2, 5, 10, 20, 30, 60]) {
      const o = el("option", { value: v }, speed);
      o.textContent = `${v}/s`;
      if (v === st.speed) o.selected = true;
    }
  }
  const sliderBox = el("label", { class: "slider" }, bar);
  const sliderText = el("span", { class: "slider-label" }, sliderBox);
  sliderText.textContent = ui.slider;
  const slider = el("input", { type: "range", min: 1, max: Math.max(T, 1), step: 1, "data-gatelab": "step_slider" }, sliderBox);
  if (T < 2) slider.disabled = true;
  // the share box: the address bar's link with the step shown (the server writes every other field)
  const sh = data.share;
  const shareBtn = el("button", { type: "button", "data-gatelab": "share", class: "share part-share", "aria-expanded": "false" }, bar);
  shareBtn.textContent = sh.header;
  const panel = el("div", { class: "share-panel part-share", "data-gatelab": "share_panel", hidden: "" }, root);
  el("p", { class: "note" }, panel).textContent = sh.help;
  const linkRow = el("div", { class: "share-row" }, panel);
  const linkBox = el("input", { type: "text", readonly: "", "data-gatelab": "share_link", "aria-label": sh.header }, linkRow);
  const copy = el("button", { type: "button", "data-gatelab": "share_copy" }, linkRow);
  copy.textContent = sh.copy;
  for (const note of sh.notes) el("p", { class: "share-note", role: "note" }, panel).textContent = note;
  const linkAt = (s) => {
    const href = window.location.href.split("#")[0];
    return /([?&])t=\d+/.test(href) ? href.replace(/([?&])t=\d+/, `$1t=${s + 1}`)
      : href + (href.includes("?") ? "&" : "?") + `t=${s + 1}`;
  };
  shareBtn.addEventListener("click", () => {
    const open = panel.hidden;
    panel.hidden = !open;
    shareBtn.setAttribute("aria-expanded", String(open));
    if (open) { linkBox.value = linkAt(st.t); linkBox.focus(); linkBox.select(); }
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { panel.hidden = true; shareBtn.setAttribute("aria-expanded", "false"); shareBtn.focus(); }
  });
  copy.addEventListener("click", async () => {
    linkBox.select();
    try { await navigator.clipboard.writeText(linkBox.value); } catch (e) { document.execCommand("copy"); }
    copy.textContent = sh.copied;
    setTimeout(() => { copy.textContent = sh.copy; }, 1500);
  });
  const caption = el("p", { class: "step-caption", "data-gatelab": "step_caption" }, root);
  const drawReadout = data.readout ? buildReadout(root, data.readout) : () => {};

  // the view
  let draw = () => {};
  if (data.view === "cell") {
    const top = el("div", { class: "cell-top" }, root);
    const left = el("div", { class: "cell-left" }, top);
    const title = el("div", { class: "diagram-title" }, left);
    const drawDiagram = buildDiagram(left, p.diagram, w);
    // while playing, a click on the diagram stops at the step it shows
    left.querySelector("svg").addEventListener("click", () => { if (st.playing) stop(); });
    const right = el("div", { class: "cell-right" }, top);
    let whatif = null;
    if (p.whatif) whatif = el("div", { class: "whatif", role: "note" }, right);
    el("h2", {}, right).textContent = ui.reading_header;
    const reading = el("div", { class: "reading", "aria-live": "polite", "data-gatelab": "reading" }, right);
    el("h2", { class: "part-equations" }, root).textContent = ui.equations_header;
    const eqs = el("div", { class: "equations part-equations", "data-gatelab": "equations" }, root);
    const tabTitle = el("h2", { class: "part-units" }, root);
    const table = el("div", { class: "table part-units", "data-gatelab": "unit_table" }, root);
    const details = el("details", { class: "code part-code" }, root);
    el("summary", {}, details).textContent = ui.code_header;
    el("p", { class: "note" }, details).textContent = ui.code_corrected;
    const code = el("pre", { "data-gatelab": "code" }, details);
    el("p", {}, details).innerHTML = md(ui.code_stack_header);
    const stack = el("pre", { "data-gatelab": "stack_code" }, details);
    draw = (t) => {
      title.textContent = w.title(t);
      drawDiagram(t);
      if (whatif) whatif.innerHTML = "🔀 " + md(w.whatif(t));
      reading.innerHTML = md(w.reading(t));
      eqs.innerHTML = w.equations(t).map((l) => `<p>${md(l)}</p>`).join("");
      tabTitle.textContent = w.tableTitle(t);
      table.innerHTML = tableHTML(p.table, t, p.unit_word, w);
      if (details.open) { code.textContent = w.code(t); stack.textContent = w.stackCode(t); }
    };
    details.addEventListener("toggle", () => draw(st.t)); // the code is filled in only while it is open
  } else if (data.view === "layers") {
    const drawBars = buildBars(root, p, uid, w);
    const tabs = tablesBlock(root, p.layers, p.text_alt, p.unit_word);
    draw = (t) => { drawBars(t); tabs(t); };
  } else if (data.view === "tables") {
    draw = tablesBlock(root, p.tables, p.text_alt, p.unit_word);
  }

  function tablesBlock(host, tables, label, unitWord) {
    const details = el("details", { class: "tables" }, host);
    el("summary", {}, details).textContent = label;
    const body = el("div", {}, details);
    const fill = (t) => {
      if (!details.open) return;
      body.innerHTML = tables.map((tab) => `<p><strong>${esc(tab.table_title || tab.title)}</strong></p>${tableHTML(tab.table || tab, t, unitWord, w)}`).join("");
    };
    details.addEventListener("toggle", () => fill(st.t));
    return fill;
  }

  function cursor(t) {
    const c = data.cursor;
    if (!c) return;
    let style = document.getElementById(`gl-cursor-${c.scope}`);
    if (!style) style = el("style", { id: `gl-cursor-${c.scope}` }, document.head);
    const frac = (t + 0.5) / T;
    const chart = `.st-key-${c.scope} [data-testid=stPlotlyChart]`;
    style.textContent = `${chart}{position:relative}${chart}::after{content:'';position:absolute;pointer-events:none;z-index:3;`
      + `top:${c.t}px;bottom:${c.b}px;left:calc(${c.l}px + (100% - ${c.l + c.r}px) * ${frac.toFixed(6)} - 1px);`
      + `border-left:2px dotted ${c.colour}}`;
  }

  function show(t) {
    st.t = Math.min(Math.max(t, 0), st.limit);
    const s = st.t;
    LATEST.step = s;
    bFirst.disabled = bPrev.disabled = st.locked || s === 0;
    bNext.disabled = bLast.disabled = st.locked || s === st.limit;
    slider.disabled = st.locked || T < 2;
    if (bPlay) bPlay.disabled = st.locked;
    slider.value = s + 1;
    slider.setAttribute("aria-valuetext", `t = ${s + 1} / ${T}`);
    caption.textContent = ui.caption.replace("{t}", s + 1).replace("{T}", T);
    root.dataset.step = s;
    if (!panel.hidden) linkBox.value = linkAt(s);
    cursor(s);
    drawReadout(s);
    draw(s);
  }
  function tell() {
    st.reportTimer = null;
    if (st.locked) return; // a following student's step is the class's: the server has it from the store
    if (st.sent !== st.t) {
      st.sent = st.t;
      st.lastReport = performance.now();
      report(st.t);
    }
  }
  function scheduleSync() {
    clearTimeout(st.urlTimer);
    st.urlTimer = setTimeout(() => {
      const want = linkAt(st.t);
      if (window.location.href !== want) window.history.replaceState(window.history.state, "", want);
    }, URL_MS);
    if (!st.reportTimer) {
      const every = st.every; // a live class's teacher reports every step at once
      st.reportTimer = setTimeout(tell, Math.max(Math.min(URL_MS, every), st.lastReport + every - performance.now()));
    }
  }
  function go(t) {
    if (st.playing) stop();
    show(t);
    scheduleSync();
  }
  const mine = (f) => (...a) => { if (!st.locked) f(...a); }; // a student's own control, unless locked
  function tick() {
    if (st.t >= st.limit) { stop(); return; }
    show(st.t + 1);
    if (st.every < REPORT_MS) scheduleSync(); // a live class follows its teacher's Play too
  }
  // the Play button, the page's live regions (quiet while playing) and the class follow st.playing
  function setPlaying(on) {
    st.playing = on;
    clearInterval(st.timer);
    root.classList.toggle("playing", on);
    root.querySelectorAll("[aria-live]").forEach((e) => e.setAttribute("aria-live", on ? "off" : "polite"));
    if (!bPlay) return;
    bPlay.setAttribute("aria-pressed", String(on));
    bPlay.replaceChildren();
    icon(on ? "pause" : "play", bPlay);
    el("span", {}, bPlay).textContent = on ? ui.pause : ui.play;
  }
  function play() {
    if (!bPlay) return;
    if (st.t >= st.limit) show(0); // at the end, Play starts again from 1
    setPlaying(true);
    st.timer = setInterval(tick, 1000 / st.speed);
  }
  function stop() {
    setPlaying(false);
    scheduleSync();
  }
  if (bPlay) {
    setPlaying(false);
    bPlay.addEventListener("click", mine(() => (st.playing ? stop() : play())));
    speed.addEventListener("change", () => {
      st.speed = Number(speed.value);
      if (st.playing) play();
    });
  }
  bFirst.addEventListener("click", mine(() => go(0)));
  bPrev.addEventListener("click", mine(() => go(st.t - 1)));
  bNext.addEventListener("click", mine(() => go(st.t + 1)));
  bLast.addEventListener("click", mine(() => go(st.limit)));
  slider.addEventListener("input", mine(() => go(Number(slider.value) - 1)));
  const api = {
    words: w, payload: p, // this view's sentences at any step, its data (tests compare them with Python's)
    go, show, key: (k) => {
      const to = { ArrowRight: st.t + 1, ArrowLeft: st.t - 1, Home: 0, End: st.limit }[k];
      if (to === undefined || st.locked) return false;
      go(to);
      return true;
    },
    get step() { return st.t; },
    get locked() { return st.locked; },
    // a question about a later step is open (ui/teach/predict.py): the steps after ``limit`` stay hidden
    limit: (l) => {
      const lim = l === null || l === undefined ? T - 1 : Math.min(Math.max(l, 0), T - 1);
      root.classList.toggle("limited", lim < T - 1);
      if (lim !== st.limit) { st.limit = lim; if (st.playing && st.t >= lim) stop(); show(st.t); }
    },
    hide: (parts) => { root.dataset.hide = (parts || []).join(" "); },
    lock: (on) => { on = !!on; if (on !== st.locked) { st.locked = on; root.classList.toggle("locked", on); if (on && st.playing) stop(); show(st.t); } },
    reportEvery: (ms) => { st.every = ms || REPORT_MS; },
    sync: scheduleSync,
    dispose: (tell) => { // a step not yet told to the server is told now, unless the server moved it since
      clearInterval(st.timer);
      clearTimeout(st.reportTimer);
      if (!tell) clearTimeout(st.urlTimer);
      else if (st.sent !== st.t) report(st.t);
    },
  };
  return api;
}

// keys ← → Home End step the stepper on screen, unless a field or another control has the focus
function onKey(e) {
  const api = window.__gatelabStepper;
  if (!api || e.altKey || e.ctrlKey || e.metaKey) return;
  const path = e.composedPath ? e.composedPath() : [e.target];
  const t = path[0];
  const tag = (t && t.tagName) || "";
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (t && t.isContentEditable)) {
    if (!(t.dataset && t.dataset.gatelab)) return; // our own slider handles its arrows itself
    if (t.dataset.gatelab === "step_slider") return;
  }
  if (path.some((n) => n && n.getAttribute && /^(slider|combobox|listbox|menu|tab|tablist)$/.test(n.getAttribute("role") || ""))) return;
  if (api.key(e.key)) e.preventDefault();
}

// The step goes to the server through the beacon (ui/stepper/__init__.py): its rerun touches only the
// sidebar, so nothing in the main area is redrawn when the server learns the step.
let nonce = 0;
function report(t) {
  // the seek token says which server step this one follows: a report sent just before the server
  // moved the step (a new chapter, a preset) arrives after it and is then ignored
  window.dispatchEvent(new CustomEvent("gatelab-step", { detail: [t, ++nonce, LATEST.token] }));
}

export default function (component) {
  const { data, parentElement } = component;
  let host = parentElement.querySelector(".gatelab-stepper");
  if (!host) host = el("div", { class: "gatelab-stepper" }, parentElement);
  const mine = host.__gl || (host.__gl = { id: null, seek: null, api: null });
  let fresh = false;
  if (mine.id !== data.id) { // a new model or view: build it
    if (mine.api) mine.api.dispose(data.seek[0] === LATEST.token); // a new token: the server's step stands
    mine.api = build(host, data, report);
    mine.id = data.id;
    fresh = true;
  }
  mine.api.hide(data.hide);
  mine.api.reportEvery(data.report_ms);
  mine.api.limit(data.limit);
  mine.api.lock(data.locked);
  const [token, step] = data.seek;
  if (token !== LATEST.token || LATEST.step === null) { // the server moved the step
    LATEST.token = token;
    mine.api.show(step);
  } else if (fresh || mine.seek !== token) { // same server step: this tab's latest step stays
    mine.api.show(LATEST.step);
    if (LATEST.step !== step) mine.api.sync();
  }
  mine.seek = token;
  window.__gatelabStepper = mine.api;
  if (!window.__gatelabKeys) {
    window.__gatelabKeys = true;
    document.addEventListener("keydown", onKey);
    // a live class's step (ui/stepper/follow.js): shown at once, as if the student had stepped there
    window.addEventListener("gatelab-follow", (e) => { if (window.__gatelabStepper) window.__gatelabStepper.go(e.detail); });
  }
  return () => {
    if (window.__gatelabStepper === mine.api) window.__gatelabStepper = null;
  };
}
