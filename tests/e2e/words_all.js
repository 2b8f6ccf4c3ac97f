// Every sentence and number of a view at every step, in viz.stepview's shape: what a test compares
// with the Python reference. ``w``: words(p) (ui/stepper/words.js); p: the view's payload.
function allText(view, w, p, T) {
  const steps = [...Array(T).keys()];
  const table = (tab) => ({ head: tab.head, rows: steps.map((t) => w.table(tab, t)), first: tab.first });
  if (view === "cell") {
    const dg = p.diagram;
    const fill = {};
    for (const kind of Object.keys(dg.fill)) {
      fill[kind] = {};
      for (const key of Object.keys(dg.fill[kind])) fill[kind][key] = steps.map((t) => w.fill(kind, key, t));
    }
    const ink = {};
    for (const key of Object.keys(dg.ink)) ink[key] = steps.map((t) => w.ink(key, t));
    const out = {
      fill, ink, text: steps.map((t) => w.labels(t)),
      title: steps.map(w.title), reading: steps.map(w.reading), equations: steps.map(w.equations),
      table: table(p.table), table_title: steps.map(w.tableTitle), code: steps.map(w.code),
      stack_code: steps.map(w.stackCode),
    };
    if (p.whatif) out.whatif = steps.map(w.whatif);
    return out;
  }
  if (view === "layers") {
    return { tables: p.layers.map((l) => table(l.table)), input: p.input.values.map((r) => r.map(w.num)) };
  }
  return { tables: p.tables.map(table) };
}
