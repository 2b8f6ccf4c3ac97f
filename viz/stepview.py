"""Every step's view as text: the cell diagram's labels and colours, the reading, the
equations' numbers, every unit's values and the pseudocode for any step t, one entry per step,
made by the same functions the rest of the app uses (``viz.equations``, ``viz.pseudocode``,
``viz.style.num``). No Streamlit here.

This is the reference. The browser gets the same views as every step's numbers once and the
sentences' templates (``viz.stepdata``; the text of every step was 1.9 MB at T = 500) and builds
the text itself (``ui/stepper/words.js``); tests compare what it builds with these lists at every
step. ``window`` and ``UNITS_PAGE`` (the Layers page's pages of units) are shared by both.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lstm_core import LayerTrace, Trace

from .equations import numbers, reading
from .kinds import LOOKS, step_values
from .pseudocode import pseudocode, stacked_pseudocode
from .style import PATTERNS, SYMBOL, colors, ink, num

unit_values = step_values  # the scalars on the diagram for one unit at step t (viz/kinds.py)


def _x_text(lt: LayerTrace, t: int, digits: int) -> str:
    x = lt.x[t]
    if x.size == 1:
        return num(float(x[0]), digits)
    shown = ", ".join(num(v, digits) for v in x[:3]) + (", …" if x.size > 3 else "")
    return f"[{shown}]"


def diagram_frame(look, tx: Callable[[str], str]) -> dict:
    """What of a kind's diagram no step changes: its wires, nodes, the labels' places, the captions
    and the hover texts (``viz.kinds.Look``)."""
    return {
        "wires": [
            {"points": [list(p) if p else None for p in pts], "key": key, "kind": kind}
            for pts, key, kind in look.wires.values()
        ],
        "nodes": [
            {"x": x, "y": y, "shape": sym, "text": text, "key": key, "kind": kind, "size": size}
            for x, y, sym, text, key, kind, size in look.nodes
        ],
        "labels": [{"x": x, "y": y, "side": side} for x, y, side, *_ in look.labels],
        "captions": [{"x": x, "text": tx(name)} for x, name in look.captions],
        "top": tx(look.top) if look.top else "",
        "box_right": look.box_right,
        "x1": look.x1,
        "hover": {n[4]: tx(f"{look.hover}{n[4]}") for n in look.nodes},
    }


def diagram_series(lt: LayerTrace, unit: int) -> tuple:
    """The kind's ``Look``, one unit's values at every step, and each value the diagram colours or
    labels as a series over the steps (NaN where a step has none)."""
    look = LOOKS[lt.cell]
    per_step = [unit_values(lt, t, unit) for t in range(lt.steps)]
    keys = {key for _, key, _ in look.wires.values() if key} | {n[4] for n in look.nodes}
    keys |= {lb[4] for lb in look.labels}
    return look, per_step, {k: np.array([v.get(k, np.nan) for v in per_step]) for k in keys}


def diagram_fill(look, series: dict, colour: Callable) -> dict:
    """The colour of every wire and node at every step: ``colour(values, "gate" | "value")``."""
    fill: dict[str, dict[str, list]] = {"gate": {}, "value": {}}
    for _, key, kind in look.wires.values():
        if key and kind != "bus" and key not in fill[kind]:
            fill[kind][key] = colour(series[key], kind)
    for n in look.nodes:
        if n[4] not in fill[n[5]]:
            fill[n[5]][n[4]] = colour(series[n[4]], n[5])
    return fill


def diagram_data(lt: LayerTrace, unit: int, tx: Callable[[str], str], digits: int) -> dict:
    """The diagram of one unit at every step: its wiring (the kind's ``Look``), and per step the
    colour of every wire and node, the text of every label, which gates were forced."""
    look, per_step, series = diagram_series(lt, unit)
    T = lt.steps
    fill = diagram_fill(look, series, colors)
    inks = {n[4]: [ink(float(v), n[5]) for v in series[n[4]]] for n in look.nodes}
    labels = [
        [
            tmpl.format(_x_text(lt, t, digits) if key == "x" else num(per_step[t][key], digits))
            for *_, tmpl, key in look.labels
        ]
        for t in range(T)
    ]
    forced = [[g for g in lt.kind.gates if lt.forced_mask(g)[t, unit]] for t in range(T)]
    return {
        **diagram_frame(look, tx),
        "fill": fill,
        "ink": inks,
        "text": labels,
        "forced": forced,
        "legend": [  # the two colour keys: what a colour means (every value is printed too)
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


def unit_table(lt: LayerTrace, digits: int, units: range | None = None) -> dict:
    """The units of one layer (all, or ``units``) at every step: the columns (the kind's series)
    and, per step, one row of numbers per unit; ``first`` the first unit's index (0-based)."""
    units = units if units is not None else range(lt.hidden_size)
    names = lt.kind.series
    vals = np.stack([lt.gate(n)[:, units.start : units.stop] for n in names], axis=-1)  # (T, units, C)
    return {
        "head": [SYMBOL.get(n, n) for n in names],
        "rows": [[[num(v, digits) for v in unit] for unit in step] for step in vals],
        "first": units.start,
    }


def cell_view(
    trace: Trace,
    layer: int,
    unit: int,
    tx: Callable[..., str],
    digits: int,
    base: Trace | None = None,
) -> dict:
    """Everything the Cell page shows that changes with t, for every t."""
    lt = trace.layers[layer]
    T = lt.steps
    out = {
        "diagram": diagram_data(lt, unit, tx, digits),
        "title": [tx("diagram_title", layer=layer + 1, unit=unit + 1, t=t + 1) for t in range(T)],
        "reading": [reading(lt, t, unit, tx, digits) for t in range(T)],
        "equations": [numbers(lt, t, unit, forced_word=tx("forced"), digits=digits) for t in range(T)],
        "table": unit_table(lt, digits),
        "table_title": [tx("all_units_header", layer=layer + 1, t=t + 1) for t in range(T)],
        "code": [pseudocode(lt, t, tx, digits) for t in range(T)],
        "stack_code": [stacked_pseudocode(trace, t, tx, digits) for t in range(T)],
        "unit_word": tx("unit"),
    }
    if base is not None:
        b = base.layers[layer]
        out["whatif"] = [
            tx(
                "whatif_cell_note",
                h=num(lt.h[t, unit], digits),
                c=num(lt.c[t, unit], digits) if lt.c is not None else "—",
                h0=num(b.h[t, unit], digits),
                c0=num(b.c[t, unit], digits) if b.c is not None else "—",
            )
            for t in range(T)
        ]
    return out


UNITS_PAGE = 16  # the most units of a layer the stack draws at once (the sidebar's models have at most 16)


def window(H: int, start: int) -> range:
    """The units of a layer of H the stack shows when the page starts at ``start``: that page, or
    the layer's last page when it has fewer units."""
    lo = min(start, (H - 1) // UNITS_PAGE * UNITS_PAGE)
    return range(lo, min(lo + UNITS_PAGE, H))


def layers_view(trace: Trace, tx: Callable[..., str], digits: int, layer: int = 0, unit: int = 0) -> dict:
    """The stack at every step: per layer (top first) the bars of every series for the units of
    the page that holds the chosen unit (``window``; its label marked), on an axis fixed over
    time; and the input x_t."""
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
        shown = slice(units.start, units.stop)
        c = lt.c[:, shown] if lt.c is not None else None
        top = 1.25 * max(1.0, float(np.abs(c).max())) if c is not None else 1.25
        vals = np.stack([lt.gate(s["name"])[:, shown] for s in series], axis=1)  # (T, S, units)
        title = tx("stack_layer").format(k=k + 1, H=lt.hidden_size)
        paged = len(units) < lt.hidden_size
        if paged:
            title += " · " + tx("layers_units_page", a=units.start + 1, b=units.stop, H=lt.hidden_size)
        many = len(units) > 8  # numbers only, or the names overprint at 1024 px
        table = unit_table(lt, digits, units)
        layers.append(
            {
                "title": title,
                "units": [str(u + 1) if many else f"{tx('unit')} {u + 1}" for u in units],
                # the chosen unit, marked where a layer is shown a page at a time
                "chosen": units.index(unit) if k == layer and unit in units and paged else None,
                "top": top,
                "values": np.round(
                    vals, digits + 3
                ).tolist(),  # the digits shown are rounded once, like num()
                "table": table,
                "table_title": tx("layer_title", k=k + 1, H=lt.hidden_size),
            }
        )
    x = trace.x
    return {
        "series": series,
        "layers": layers,
        "input": {
            "title": tx("stack_input"),
            "names": [f"x{d + 1}" for d in range(x.shape[1])],
            "top": 1.3 * max(1.0, float(np.abs(x).max())),
            "values": np.round(x, digits + 3).tolist(),
        },
        "digits": digits,  # the bars' labels
        "unit_word": tx("unit"),
        "text_alt": tx("chart_table_switch"),
    }


def tables_view(trace: Trace, tx: Callable[..., str], digits: int) -> dict:
    """Every layer's units at every step, as tables: the heatmaps' text alternative."""
    return {
        "tables": [
            {
                "title": tx("layer_title", k=k + 1, H=lt.hidden_size),
                **unit_table(lt, digits),
            }
            for k, lt in enumerate(trace.layers)
        ],
        "unit_word": tx("unit"),
        "text_alt": tx("chart_table_switch"),
    }
