// The stepper's sentences, built in the browser from every step's numbers and the string tables'
// templates (viz/stepdata.py: the wire format). One formatter: ``fixed`` is Python's f"{v:.{d}f}",
// ``num`` is viz.style.num, ``say`` fills a template's parts. tests/steptext.py is the same in
// Python; tests check both against viz/stepview.py (the sentences as Python writes them) at every
// step. No DOM here: stepper.js places what these return.

// f"{v:.{d}f}" of the value viz.stepdata.enc encoded as e: an integer of its digits, or that text
function fixed(e, d) {
  if (typeof e === "string") return e;
  const s = String(Math.abs(e)).padStart(d + 1, "0");
  const body = d ? `${s.slice(0, -d)}.${s.slice(-d)}` : s;
  return e < 0 ? `-${body}` : body;
}

// viz.style.num: a real minus sign, no "−0.00", "—" for NaN or infinity
function num(e, d) {
  const s = fixed(e, d);
  if (s === "nan" || s.endsWith("inf")) return "—";
  if (s[0] !== "-") return s;
  if (/^[-0.]*$/.test(s)) return s.slice(1);
  return `−${s.slice(1)}`;
}

// viz.equations: a change with its sign (+0.12), a term of a sum ( − 0.12), a factor ((−0.12))
function signed(e, d) {
  const s = num(e, d);
  return s.startsWith("−") || /^[0.]*$/.test(s) ? s : `+${s}`;
}
function plus(e, d) {
  const str = typeof e === "string";
  const neg = str ? e.startsWith("-") : e < 0;
  const s = num(str ? (neg ? e.slice(1) : e) : Math.abs(e), d);
  return neg && s !== num(0, d) ? ` − ${s}` : ` + ${s}`;
}
function par(e, d) {
  const s = num(e, d);
  return s.startsWith("−") ? `(${s})` : s;
}
const HOW = { num, p: par, plus, signed };

// viz.style.vec: [0.12, −0.40, …] (``brackets`` false: without its brackets)
function vecText(items, n, d, limit, brackets) {
  const body = items.slice(0, limit).map((e) => num(e, d)).join(", ") + (n > limit ? ", …" : "");
  return brackets ? `[${body}]` : body;
}

// The sentences of one view (its payload p; a classifier's read-out r) at step t.
function words(p, r = null) {
  const d = p.d ?? 2;
  const rows = p.table ? p.table.rows : null;
  const forced = p.diagram ? p.diagram.forced : [];
  const variable = (name, t) => {
    const v = p.vars[name];
    return Array.isArray(v) ? v[t] : rows[t][v.u][v.c];
  };
  const vector = (name, t) => {
    const v = p.vecs[name];
    if (v.c !== undefined) return [rows[t].map((u) => u[v.c]), rows[t].length];
    return [v.e[t], v.n];
  };
  const ref = (x, t) => {
    const how = x[0];
    if (how === "t") return String(t + 1);
    if (how === "gates") return forced[t].join(", ");
    if (how === "name") return r.names[r.choice[t]];
    if (how === "vec" || how === "items") {
      const [items, n] = vector(x[1], t);
      return vecText(items, n, d, x[2], how === "vec");
    }
    const e = variable(x[1], t);
    return how === "fixed" ? fixed(e, x[2]) : HOW[how](e, d);
  };
  // a template's parts: text, or a reference to this step's numbers
  const say = (parts, t) => parts.map((x) => (typeof x === "string" ? x : ref(x, t))).join("");
  const code = (lines, t) => lines.map(([c, head, note]) => (note ? head + say(note, t) : c)).join("\n");
  const table = (tab, t) => tab.rows[t].map((unit) => unit.map((e) => num(e, d)));
  return {
    num: (e) => num(e, d),
    say,
    table,
    title: (t) => say(p.title, t),
    tableTitle: (t) => say(p.table_title, t),
    labels: (t) => p.diagram.text.map((s) => say(s, t)),
    reading: (t) => {
      const parts = p.reading.map((s) => say(s, t));
      if (forced[t].length) parts.push(say(p.read_forced, t));
      return parts.join(" ").replaceAll("。 ", "。"); // a space between sentences, none after a Chinese 。
    },
    equations: (t) => p.equations.map((q) => say(q.when && q.when[t] === "1" ? q.forced : q.line, t))
      .concat(p.state.map((s) => say(s, t))),
    code: (t) => code(p.code, t),
    stackCode: (t) => code(p.stack_code, t),
    whatif: (t) => (p.whatif ? say(p.whatif, t) : null),
    // the diagram's colours: an index into the kind's colour table (−1: no value, grey)
    fill: (kind, key, t) => {
      const i = p.diagram.fill[kind][key][t];
      return i >= 0 ? p.diagram.lut[kind][i] : p.diagram.lut.grey;
    },
    ink: (key, t) => (p.diagram.ink[key][t] === "1" ? "white" : "#1b1b1b"),
    // a bar's height: the number shown (its label)
    value: (e) => (typeof e === "string" ? parseFloat(e) : e / 10 ** d),
    // the read-out's numbers and sentence
    readout: (t) => ({ text: r.e[t].map((e) => num(e, r.d)), said: say(r.said, t) }),
  };
}
