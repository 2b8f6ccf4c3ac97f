"""Colours, number format and fonts shared by every figure.

Gates (i, f, o: 0 … 1) use a sequential scale; signed values (g, C, h, x:
−1 … 1) a diverging one, so a student can tell "how open" from "which sign"
at a glance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from plotly.colors import sample_colorscale

GATE_SCALE = "Greens"  # 0 -> white, 1 -> deep green (not blue: blue is a negative value)
VALUE_SCALE = "RdBu_r"  # −1 -> blue, 0 -> white, +1 -> red
FONT = dict(family="Inter, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", size=15)
GRID = "#eee"
CURSOR = dict(color="#111", width=2, dash="dot")  # the current step, on every chart over t
# On hover, Plotly's modebar and Streamlit's toolbar take the top right of a chart, this many px
# high: every title starts under that band (and the plot under the title), so none is covered.
TOOLBAR = 30
TITLE_AT = dict(x=0.01, yref="container", y=1.0, yanchor="top", pad=dict(t=TOOLBAR + 6))
SYMBOL = {"c": "C"}  # the notation's spelling of a trace field (C, not c)
# Series are told apart by more than colour (a red-green colour-blind student reads every chart):
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", ".", "x", "-", "\\")  # bar fill patterns, one per series


def num(v: float, digits: int = 2) -> str:
    """A number as a student reads it: 2 decimals, a real minus sign ("—" for NaN or infinity).

    Written for speed as well: the browser-side stepper gets every step's numbers at once
    (tens of thousands of calls per model)."""
    v = float(v)
    if not math.isfinite(v):
        return "—"
    s = f"{v:.{digits}f}"
    if s[0] != "-":
        return s
    if not s.strip("-0."):
        return s[1:]  # no "−0.00"
    return "−" + s[1:]


def vec(v: Sequence[float], digits: int = 2, limit: int = 8) -> str:
    """[0.12, −0.40, …] with at most ``limit`` entries shown."""
    items = [num(x, digits) for x in list(v)[:limit]]
    more = ", …" if len(v) > limit else ""
    return "[" + ", ".join(items) + more + "]"


# Colour look-up tables, 101 entries each: sampling a Plotly colour scale per
# value is slow (it looks the scale up by name every time) and a step needs ~30.
_LUT = {
    "gate": sample_colorscale(GATE_SCALE, list(np.linspace(0, 1, 101) * 0.85 + 0.05)),
    "value": sample_colorscale(VALUE_SCALE, list(np.linspace(0, 1, 101))),
}


def colors(values: np.ndarray, kind: str) -> list[str]:
    """Colours of many values: kind "gate" (0…1) or "value" (−1…1); NaN -> grey."""
    v = np.asarray(values, dtype=np.float64)
    pos = np.clip(v, 0.0, 1.0) if kind == "gate" else (np.clip(v, -1.0, 1.0) + 1.0) / 2.0
    idx = np.rint(np.nan_to_num(pos, nan=0.5) * 100).astype(int)
    lut = _LUT[kind]
    return [lut[i] if np.isfinite(x) else "#9aa0a6" for i, x in zip(idx, v, strict=True)]


def ink(value: float, kind: str) -> str:
    """Text colour readable on the fill ``colors([value], kind)``."""
    if kind == "gate":
        return "white" if value > 0.55 else "#1b1b1b"
    return "white" if abs(value) > 0.6 else "#1b1b1b"


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) 0-based index of every run of True in a 1-D mask: shaded spans on a time axis."""
    t = np.flatnonzero(mask)
    if t.size == 0:
        return []
    starts = t[np.r_[True, np.diff(t) > 1]]
    ends = t[np.r_[np.diff(t) > 1, True]]
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def shade(fig, mask: np.ndarray, colour: str, opacity: float, label: str | None = None) -> None:
    """Shade every run of steps where ``mask`` holds on a 1-based time axis; ``label``
    names the first run."""
    for k, (a, b) in enumerate(runs(mask)):
        note = {}
        if label and k == 0:
            note = dict(
                annotation_text=label,
                annotation_position="top left",
                annotation_font=dict(size=12, color="#444"),
            )
        fig.add_vrect(x0=a + 0.5, x1=b + 1.5, fillcolor=colour, opacity=opacity, line_width=0, **note)


def time_layout(fig, tx: Callable[[str], str], title: str, height: int, legend: dict, **layout) -> None:
    """The house style of a line chart over time t: title, font, white plot, grid, t axis."""
    fig.update_layout(
        title=dict(text=title, **TITLE_AT),
        font=FONT,
        height=height + TOOLBAR,
        plot_bgcolor="white",
        margin=dict(l=10, r=10, t=50 + TOOLBAR, b=40),
        legend=dict(orientation="h", **legend),
        **layout,
    )
    fig.update_xaxes(title_text=tx("time_axis"), gridcolor=GRID)
    fig.update_yaxes(gridcolor=GRID)
