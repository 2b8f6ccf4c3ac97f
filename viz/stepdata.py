"""The stepper's data as the browser gets it: every step's numbers once, and the sentences as the
string tables' templates, which the browser fills (``ui/stepper/words.js``). No Streamlit here.

``viz.stepview`` builds the same views as text, one string per step: it stays the reference (a
test builds both and compares every sentence of every step, in Python and in Chromium) and the
text for anything that does not run the stepper's JavaScript. Sending that text cost 1.9 MB at
T = 500 (mostly the same sentences with other numbers); this is about a tenth (bench/stepdata.py).

The wire format:

- a number is what ``viz.style.num`` prints, as one integer of its printed digits (``enc``:
  −0.1234 at 2 decimals is −12), or the printed text where an integer would not do ("nan",
  "inf", "-0.00", more than 2⁵³);
- ``vars``: per-step scalars of the chosen unit, each a list over t, or ``{"u", "c"}``: column c
  of unit u's row in the unit table; ``vecs``: per-step vectors (their first 8 entries) with
  their length ``n``, or ``{"c"}``: column c of the unit table (every unit of the layer);
- a sentence is a list of parts, text or a reference: ``["t"]`` the step (1-based),
  ``["num" | "p" | "plus" | "signed", var]`` a number as ``num`` / ``(−0.12)`` / `` − 0.12`` /
  ``+0.12`` print it, ``["fixed", var, digits]`` as ``f"{v:.{digits}f}"``, ``["vec" | "items",
  vec, limit]`` a vector as ``viz.style.vec`` prints it (``items``: without its brackets),
  ``["gates"]`` the gates forced at t, ``["name"]`` the read-out's class at t. ``say`` turns a
  template into parts with Python's own parser (``string.Formatter``), so what is filled in is
  what ``str.format`` fills in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from string import Formatter

import numpy as np

from lstm_core import LayerTrace, Trace

from .equations import SIGNED, SUB, _par_d, _plus_d
from .kinds import LOOKS, gate_like, step_values
from .stepview import UNITS_PAGE, diagram_fill, diagram_frame, diagram_series, window
from .style import _LUT, PATTERNS, SYMBOL, colors, ink, num

VEC = 8  # entries of a vector the pseudocode shows (viz.style.vec's limit)
WHITE = "white"


def enc(v: float, digits: int) -> int | str:
    """``f"{v:.{digits}f}"`` as one integer of its digits (0.125 at 2 decimals -> 12), or as that
    text where an integer would lose something (NaN, ±inf, a negative zero, |n| ≥ 2⁵³)."""
    s = f"{float(v):.{digits}f}"
    if not math.isfinite(float(v)):
        return s
    n = int(s.replace(".", ""))
    if (n == 0 and s[0] == "-") or abs(n) >= 2**53:
        return s
    return n


def enc_all(a: np.ndarray, digits: int) -> list:
    """``enc`` of every entry, nested like ``a``."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return enc(float(a), digits)
    return [enc_all(x, digits) for x in a] if a.ndim > 1 else [enc(x, digits) for x in a.tolist()]


def say(template: str, refs: dict[str, object] | None = None, positional: tuple = ()) -> list:
    """``template.format(**refs)`` as parts: a ref that is text is filled in at once, any other
    (a list: see the module's docstring) is left for the browser; adjacent text is joined."""
    refs = refs or {}
    parts: list = []
    auto = 0

    def add(p) -> None:
        if isinstance(p, str):
            if p and parts and isinstance(parts[-1], str):
                parts[-1] += p
            elif p:
                parts.append(p)
        elif isinstance(p, tuple):  # a sentence of its own, spliced in
            for q in p:
                add(q)
        else:
            parts.append(p)

    for literal, field, spec, conversion in Formatter().parse(template):
        add(literal)
        if field is None:
            continue
        if spec or conversion:
            raise ValueError(f"template {template!r}: only plain fields, not {{{field}!{conversion}:{spec}}}")
        if field == "" or field.isdigit():
            index = auto if field == "" else int(field)
            auto += 1
            add(positional[index])
        else:
            add(refs[field])
    return parts


class _Numbers:
    """The per-step numbers of a view: scalars and vectors, each sent once (a second one with the
    same numbers is the first one)."""

    def __init__(self, digits: int, table_rows: list | None = None):
        self.digits = digits
        self.vars: dict[str, object] = {}
        self.vecs: dict[str, object] = {}
        self._rows = table_rows

    def scalar(
        self, name: str, values: np.ndarray, digits: int | None = None, at: tuple | None = None
    ) -> str:
        """``at``: (unit, column) of the unit table that may hold the same numbers."""
        e = enc_all(values, self.digits if digits is None else digits)
        for k, have in self.vars.items():
            if have == e:
                return k
        if at is not None and self._rows is not None:
            u, c = at
            if all(row[u][c] == x for row, x in zip(self._rows, e, strict=True)):
                self.vars[name] = {"u": u, "c": c}
                return name
        self.vars[name] = e
        return name

    def vector(self, name: str, values: np.ndarray, column: int | None = None) -> str:
        """values: (T, n); ``column``: the same numbers are that column of the unit table."""
        if column is not None:
            self.vecs[name] = {"c": column}
            return name
        v = {"e": enc_all(np.asarray(values)[:, :VEC], self.digits), "n": int(np.asarray(values).shape[1])}
        for k, have in self.vecs.items():
            if have == v:
                return k
        self.vecs[name] = v
        return name


def _table(lt: LayerTrace, digits: int, units: range | None = None) -> dict:
    """``stepview.unit_table`` with its numbers as ``enc`` integers."""
    units = units if units is not None else range(lt.hidden_size)
    names = lt.kind.series
    vals = np.stack([lt.gate(n)[:, units.start : units.stop] for n in names], axis=-1)  # (T, units, C)
    return {"head": [SYMBOL.get(n, n) for n in names], "rows": enc_all(vals, digits), "first": units.start}


def _colours(values: np.ndarray, kind: str) -> list[int]:
    """The index into ``style._LUT[kind]`` that ``style.colors`` picks for each value; −1: grey."""
    lut = {c: i for i, c in enumerate(_LUT[kind])}
    return [lut.get(c, -1) for c in colors(values, kind)]


def _diagram(lt: LayerTrace, unit: int, tx: Callable[..., str], nums: _Numbers, refs: dict) -> dict:
    """``stepview.diagram_data`` with colours as indices into one table and labels as templates."""
    look, per_step, series = diagram_series(lt, unit)
    T = lt.steps
    fill = diagram_fill(look, series, _colours)
    inks = {
        n[4]: "".join("1" if ink(float(v), n[5]) == WHITE else "0" for v in series[n[4]]) for n in look.nodes
    }
    if lt.x.shape[1] == 1:
        x_label = ["num", nums.scalar("x", lt.x[:, 0])]
    else:
        x_label = ["vec", nums.vector("x", lt.x), 3]
    labels = [say(tmpl, positional=(x_label if key == "x" else refs[key],)) for *_, tmpl, key in look.labels]
    return {
        **diagram_frame(look, tx),
        "lut": {**_LUT, "grey": colors(np.array([np.nan]), "gate")[0]},
        "fill": fill,
        "ink": inks,
        "text": labels,
        "forced": [[g for g in lt.kind.gates if lt.forced_mask(g)[t, unit]] for t in range(T)],
        "legend": [
            {
                "title": tx("legend_gate"),
                "ticks": ["0", "0.5", "1"],
                "colours": colors(np.linspace(0, 1, 11), "gate"),
            },
            {
                "title": tx("legend_value"),
                "ticks": ["−1", "0", "+1"],
                "colours": colors(np.linspace(-1, 1, 11), "value"),
            },
        ],
    }


def _lines(lines: list[tuple[str, object]]) -> list:
    """``pseudocode._comment_block``'s lines: [code, code padded to the notes' column + "# ",
    note] (note None: the line has none)."""
    width = max(len(code) for code, _ in lines) + 2
    out = []
    for code, note in lines:
        parts = note if isinstance(note, list) else [note] if note else []
        out.append([code, f"{code:<{width}}# ", parts or None])
    return out


def _step_numbers(lt: LayerTrace, unit: int, digits: int, nums: _Numbers) -> tuple[dict, dict, dict]:
    """The chosen unit's per-step numbers as the diagram, the reading and the equations name them:
    (labels', reading's, equations' references by placeholder). ``viz.equations.reading`` says a
    gate as a share in % and a change with its sign; ``numbers`` has v, v_p and v_plus for every v."""
    T = lt.steps
    steps = [step_values(lt, t, unit) for t in range(T)]
    values = {k: np.array([s[k] for s in steps]) for k in steps[0]}
    col = {n: c for c, n in enumerate(lt.kind.series)}
    per_step = {
        k: nums.scalar(k, v, at=(unit, col[k]) if k in col else None)
        for k, v in values.items()
        if k != "x" or lt.x.shape[1] == 1
    }
    nan = float("nan")  # x_t of a model that reads several numbers a step: "—" at every step
    in_reading: dict[str, object] = {} if "x" in per_step else {"x": num(nan, digits)}
    in_eq: dict[str, object] = {}
    if "x" not in per_step:
        in_eq |= {"x": num(nan, digits), "x_p": _par_d(nan, digits), "x_plus": _plus_d(nan, digits)}
    shares = gate_like(lt)
    for k, name in per_step.items():
        if k in shares:
            dp = max(digits - 2, 0)
            in_reading[k] = ["fixed", nums.scalar(f"{k}%", 100 * values[k], dp), dp]
        else:
            in_reading[k] = ["signed" if k in SIGNED else "num", name]
        in_eq[k], in_eq[f"{k}_p"], in_eq[f"{k}_plus"] = ["num", name], ["p", name], ["plus", name]
        if k in SIGNED:
            in_eq[k] = ["signed", name]
    for block in lt.kind.blocks:
        terms = lt.gate_terms(block)
        for k in ("ih", "hh", "pre"):
            name = nums.scalar(f"{block}_{k}", terms[k][:, unit])
            key = f"{block}_{k}"
            in_eq[key], in_eq[f"{key}_p"], in_eq[f"{key}_plus"] = ["num", name], ["p", name], ["plus", name]
        for k, b in (
            ("b_ih", terms["b_ih"][unit]),
            ("b_hh", terms["b_hh"][unit]),
            ("b", terms["bias"][unit]),
        ):
            key = f"{block}_{k}"  # the same at every step: filled in here
            in_eq[key], in_eq[f"{key}_p"] = num(b, digits), _par_d(b, digits)
            in_eq[f"{key}_plus"] = _plus_d(b, digits)
    labels = {k: ["num", name] for k, name in per_step.items()}
    return labels, in_reading, in_eq


def _equations(lt: LayerTrace, unit: int, in_eq: dict, forced_word: str) -> list[dict]:
    """``viz.equations.numbers``'s block lines: the line, the line when the block is forced, and
    at which steps it is ("0"/"1" a step; None: never)."""
    out = []
    for name in LOOKS[lt.cell].eq_blocks:
        act = "σ" if name in lt.kind.sigmoids else "tanh"
        plain = (
            f"{SUB[name]} = {act}({{{name}_ih}}{{{name}_hh_plus}}{{{name}_b_plus}}) = {act}({{{name}_pre}})"
        )
        line = say(LOOKS[lt.cell].eq_lines.get(name, plain), in_eq)
        forced = lt.forced_mask(name)[:, unit]
        out.append(
            {
                "line": [*line, " = **", in_eq[name], "**"],
                "forced": [*line, " → **", in_eq[name], f"** ({forced_word})"],
                "when": "".join("1" if f else "0" for f in forced) if forced.any() else None,
            }
        )
    return out


def _code(trace: Trace, layer: int, tx: Callable[..., str], nums: _Numbers) -> tuple[list, list]:
    """``viz.pseudocode``'s two blocks (the layer's step, the stacked loop) as lines with notes."""
    lt = trace.layers[layer]
    look = LOOKS[lt.cell]
    # the notes' vectors: the unit table's columns, the step's input and h_{t−1}, what it reads
    vec_of = {n: ["vec", nums.vector(n, None, c), VEC] for c, n in enumerate(lt.kind.series)}
    refs: dict[str, object] = dict(vec_of)
    hp, lx = nums.vector("h_prev", lt.h_prev), nums.vector("layer_x", lt.x)
    refs["combine"] = ("[", ["items", hp, VEC], " | ", ["items", lx, VEC], "]")
    if lt.kind.reads:
        refs["read"] = ["vec", nums.vector("read", lt.kind.reads(lt.h_prev, lt.gate)[-1]), VEC]
    refs |= {"step": ("t = ", ["t"]), "code_returns": tx("code_returns")}
    refs["code_article_wrong"] = tx("code_article_wrong")
    code = _lines([(c, say(note, refs) if note else "") for c, note in look.code])
    memory = trace.kind.memory
    sizes = ", ".join(str(x.hidden_size) for x in trace.layers)
    stack: list[tuple[str, object]] = [
        (f"hidden_sizes = [{sizes}]", tx("code_stack_sizes")),
        ("hts = [zeros(H) for H in hidden_sizes]", ""),
    ]
    if memory:
        stack.append(("cts = [zeros(H) for H in hidden_sizes]", ""))
    x_all = ["vec", nums.vector("x_all", trace.x), VEC]
    stack += [("for input in inputs:", ""), ("    x = input", ["t = ", ["t"], ": x_t = ", x_all])]
    stack += [("    for k in range(len(hidden_sizes)):", ""), (f"        {look.call}", "")]
    for k, other in enumerate(trace.layers):
        note = [f"k = {k}: ht = ", vec_of["h"] if k == layer else ["vec", nums.vector(f"h{k}", other.h), VEC]]
        if memory:
            note += [", ct = ", vec_of["c"] if k == layer else ["vec", nums.vector(f"c{k}", other.c), VEC]]
        stack.append(("", note))
    stack.append(("        x = hts[k]", tx("code_stack_up")))
    return code, _lines(stack)


def cell_data(
    trace: Trace,
    layer: int,
    unit: int,
    tx: Callable[..., str],
    digits: int,
    base: Trace | None = None,
) -> dict:
    """``stepview.cell_view`` as numbers and templates (the module's docstring)."""
    lt = trace.layers[layer]
    look = LOOKS[lt.cell]
    table = _table(lt, digits)
    nums = _Numbers(digits, table["rows"])
    labels, in_reading, in_eq = _step_numbers(lt, unit, digits, nums)
    code, stack = _code(trace, layer, tx, nums)
    out = {
        "d": digits,
        "diagram": _diagram(lt, unit, tx, nums, labels),
        "title": say(tx("diagram_title"), {"layer": str(layer + 1), "unit": str(unit + 1), "t": ["t"]}),
        "reading": [say(tx(key), in_reading) for key in look.readings],
        "read_forced": say(tx("read_forced"), {"gates": ["gates"]}),
        "equations": _equations(lt, unit, in_eq, tx("forced")),
        "state": [say(template, in_eq) for template in look.eq_state],
        "table": table,
        "table_title": say(tx("all_units_header"), {"layer": str(layer + 1), "t": ["t"]}),
        "code": code,
        "stack_code": stack,
        "unit_word": tx("unit"),
    }
    if base is not None:
        b = base.layers[layer]
        h, c = lt.kind.series.index("h"), lt.kind.series.index("c") if lt.c is not None else None
        out["whatif"] = say(
            tx("whatif_cell_note"),
            {
                "h": ["num", nums.scalar("h", lt.h[:, unit], at=(unit, h))],
                "c": ["num", nums.scalar("c", lt.c[:, unit], at=(unit, c))] if lt.c is not None else "—",
                "h0": ["num", nums.scalar("h0", b.h[:, unit])],
                "c0": ["num", nums.scalar("c0", b.c[:, unit])] if b.c is not None else "—",
            },
        )
    out["vars"], out["vecs"] = nums.vars, nums.vecs
    return out


def layers_data(trace: Trace, tx: Callable[..., str], digits: int, layer: int = 0, unit: int = 0) -> dict:
    """``stepview.layers_view`` with every number once: a layer's bars are its unit table's numbers."""
    start = unit // UNITS_PAGE * UNITS_PAGE
    look = LOOKS[trace.cell]
    series = [
        {"name": n, "label": tx(f"row_{n}"), "colour": look.colours[n], "pattern": p}
        for n, p in zip(trace.kind.series, PATTERNS, strict=False)
    ]
    layers = []
    for k in range(len(trace.layers) - 1, -1, -1):
        lt = trace.layers[k]
        units = window(lt.hidden_size, start)
        c = lt.c[:, units.start : units.stop] if lt.c is not None else None
        title = tx("stack_layer").format(k=k + 1, H=lt.hidden_size)
        paged = len(units) < lt.hidden_size
        if paged:
            title += " · " + tx("layers_units_page", a=units.start + 1, b=units.stop, H=lt.hidden_size)
        many = len(units) > 8
        layers.append(
            {
                "title": title,
                "units": [str(u + 1) if many else f"{tx('unit')} {u + 1}" for u in units],
                "chosen": units.index(unit) if k == layer and unit in units and paged else None,
                "top": 1.25 * max(1.0, float(np.abs(c).max())) if c is not None else 1.25,
                "table": _table(lt, digits, units),  # the bars: its columns (series) per unit
                "table_title": tx("layer_title", k=k + 1, H=lt.hidden_size),
            }
        )
    x = trace.x
    return {
        "d": digits,
        "series": series,
        "layers": layers,
        "input": {
            "title": tx("stack_input"),
            "names": [f"x{d + 1}" for d in range(x.shape[1])],
            "top": 1.3 * max(1.0, float(np.abs(x).max())),
            "values": enc_all(x, digits),
        },
        "digits": digits,
        "unit_word": tx("unit"),
        "text_alt": tx("chart_table_switch"),
    }


def tables_data(trace: Trace, tx: Callable[..., str], digits: int) -> dict:
    """``stepview.tables_view`` with the numbers as ``enc`` integers."""
    return {
        "d": digits,
        "tables": [
            {"title": tx("layer_title", k=k + 1, H=lt.hidden_size), **_table(lt, digits)}
            for k, lt in enumerate(trace.layers)
        ],
        "unit_word": tx("unit"),
        "text_alt": tx("chart_table_switch"),
    }


def wire(data: dict) -> str:
    """The data as the component's payload: one compact JSON text (Streamlit would add a space
    after every comma of a nested value)."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
