"""The cell diagram: one unit of an LSTM, GRU or RNN at one step, values on every wire.

Drawn in the classic style (the wiring of each kind is in ``viz/kinds.py``):
for an LSTM the memory C runs along the top, the three σ gates and the tanh
candidate sit below, × and + nodes join them, h leaves at the bottom right;
for a GRU h itself runs along the top. Everything that changes with t lives in trace data (wire
colours, node colours, labels), so the same builder also makes a Plotly
animation whose frames play in the browser without a server round trip.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from lstm_core import LayerTrace

from .kinds import LOOKS
from .style import FONT, GATE_SCALE, VALUE_SCALE, colors, ink, num

GREY = "#9aa0a6"


def unit_values(lt: LayerTrace, t: int, unit: int) -> dict[str, float]:
    """The scalars on the diagram for one unit at step t (0-based)."""
    x = lt.x[t]
    vals = {
        "x": float(x[0]) if x.size == 1 else float("nan"),
        "h_prev": float(lt.h_prev[t, unit]),
        "h": float(lt.h[t, unit]),
    }
    look = LOOKS[lt.cell]
    for name in look.values:
        vals[name] = float(getattr(lt, name)[t, unit])
    for name, fn in look.derived.items():
        vals[name] = float(fn(vals))
    return vals


def _parts(cell: str):
    look = LOOKS[cell]
    return look.wires, look.nodes, look.labels


def _x_text(lt: LayerTrace, t: int, digits: int = 2) -> str:
    x = lt.x[t]
    if x.size == 1:
        return num(float(x[0]), digits)
    shown = ", ".join(num(v, digits) for v in x[:3]) + (", …" if x.size > 3 else "")
    return f"[{shown}]"


def _path(points: list) -> str:
    """SVG path of a wire; None in the list starts a new branch."""
    out, move = [], True
    for p in points:
        if p is None:
            move = True
            continue
        out.append(f"{'M' if move else 'L'} {p[0]},{p[1]}")
        move = False
    return " ".join(out)


def _wire_shapes(lt: LayerTrace, v: dict[str, float]) -> list[dict]:
    """The box and every wire as layout shapes, coloured by the value it carries.

    Shapes, not traces: Plotly draws twenty shapes in a fraction of the time
    of twenty line traces (measured: ~17 ms vs ~60 ms per redraw).
    """
    wires, _, _ = _parts(lt.cell)
    box = dict(
        type="rect",
        x0=1.6,
        x1=LOOKS[lt.cell].box_right,
        y0=0.55,
        y1=6.9,
        layer="below",
        line=dict(color="#bbb", width=2),
        fillcolor="rgba(240,240,240,0.35)",
    )
    shapes = [box]
    for pts, key, kind in wires.values():
        val = v.get(key, float("nan")) if key else float("nan")
        colour = GREY if kind == "bus" else colors(np.array([val]), kind)[0]
        shapes.append(
            dict(
                type="path",
                path=_path(pts),
                layer="below",
                line=dict(color=colour, width=5 if kind == "bus" else 9),
            )
        )
    return shapes


def _dynamic(lt: LayerTrace, t: int, unit: int, digits: int = 2) -> tuple[list[dict], list[dict]]:
    """What changes with t: (updates of the gate-node, value-node and label
    traces, the wire shapes)."""
    _, nodes, labels = _parts(lt.cell)
    v = unit_values(lt, t, unit)
    forced = {g for g in lt.kind.gates if lt.forced_mask(g)[t, unit]}
    data = []
    for kind in ("gate", "value"):
        mine = [n for n in nodes if n[5] == kind]
        vals = [v[n[4]] for n in mine]
        data.append(
            {
                "marker": {
                    "color": [round(x, 4) for x in vals],
                    "line": {
                        "color": ["#d62728" if n[4] in forced else "#444" for n in mine],
                        "width": [4 if n[4] in forced else 2 for n in mine],
                    },
                },
                "textfont": {"color": [ink(x, kind) for x in vals]},
                "customdata": [t + 1] * len(mine),  # a click on a node while playing says which step
            }
        )
    data.append(
        {
            "text": [
                tmpl.format(_x_text(lt, t, digits) if key == "x" else num(v[key], digits))
                for *_, tmpl, key in labels
            ]
        }
    )
    return data, _wire_shapes(lt, v)


def diagram_figure(
    lt: LayerTrace,
    t: int,
    unit: int,
    tx: Callable[[str], str],
    title: str = "",
    frames: bool = False,
    ms_per_step: int = 100,
    colour_bars: bool = True,
    digits: int = 2,
) -> go.Figure:
    """The cell diagram at step t for one unit (``digits`` decimals); with ``frames`` a browser-side animation.

    Without ``colour_bars`` the two colour keys are left out (a page that steps draws
    them once with ``colour_key_figure``: they cost a third of a redraw)."""
    _, nodes, labels = _parts(lt.cell)
    dyn, shapes = _dynamic(lt, t, unit, digits)
    bars = {
        "gate": (GATE_SCALE, 0, 1, tx("legend_gate"), 0.03),
        "value": (VALUE_SCALE, -1, 1, tx("legend_value"), 0.53),
    }
    data = []
    for kind, d in zip(("gate", "value"), dyn[:2], strict=True):
        scale, lo, hi, name, x = bars[kind]
        mine = [n for n in nodes if n[5] == kind]
        data.append(
            dict(
                type="scatter",
                x=[n[0] for n in mine] or [None],
                y=[n[1] for n in mine] or [None],
                mode="markers+text",
                name=f"{kind} nodes",
                showlegend=False,
                hoverinfo="text",
                marker=dict(
                    symbol=[n[2] for n in mine],
                    size=[n[6] for n in mine],
                    color=d["marker"]["color"] or [lo],
                    colorscale=scale,
                    cmin=lo,
                    cmax=hi,
                    line=d["marker"]["line"],
                    showscale=colour_bars,
                    colorbar=dict(
                        orientation="h",
                        x=x,
                        xanchor="left",
                        y=-0.04,
                        yanchor="top",
                        len=0.44,
                        thickness=12,
                        title=dict(text=name, side="top"),
                        tickfont=dict(size=12),
                    ),
                ),
                text=[n[3] for n in mine],
                textfont=dict(size=17, color=d["textfont"]["color"]),
                customdata=d["customdata"],
                hovertext=[tx(f"{LOOKS[lt.cell].hover}{n[4]}") for n in mine],
            )
        )
    data.append(
        dict(
            type="scatter",
            x=[lb[0] for lb in labels],
            y=[lb[1] for lb in labels],
            mode="text",
            text=dyn[2]["text"],
            textposition=[("middle " + lb[2]) for lb in labels],
            textfont=dict(size=16, color="#111"),
            hoverinfo="skip",
            showlegend=False,
            name="labels",
        )
    )
    look = LOOKS[lt.cell]
    notes = [dict(x=x, y=0.95, text=tx(name)) for x, name in look.captions]
    if look.top:
        notes.append(dict(x=6.7, y=7.25, text=tx(look.top)))
    layout = dict(
        title=dict(text=title, x=0.01, font=dict(size=17)),
        font=FONT,
        height=600 if colour_bars else 520,
        margin=dict(l=10, r=10, t=40 if title else 10, b=90 if colour_bars else 10, autoexpand=False),
        plot_bgcolor="white",
        paper_bgcolor="white",
        dragmode=False,
        shapes=shapes,
        xaxis=dict(range=[-0.4, 15.0], visible=False, fixedrange=True),
        yaxis=dict(range=[-0.7, 7.6], visible=False, fixedrange=True),
        annotations=[dict(n, showarrow=False, font=dict(size=13, color="#555")) for n in notes],
    )
    if frames:
        layout |= _animation(lt, unit, tx, ms_per_step)
        return go.Figure(data=data, layout=layout, frames=_frames(lt, unit))
    return go.Figure(data=data, layout=layout)


def _frames(lt: LayerTrace, unit: int) -> list[dict]:
    """One frame per step: the three moving traces and the wire colours."""
    out = []
    for t in range(lt.steps):
        dyn, shapes = _dynamic(lt, t, unit)
        out.append(
            dict(
                name=str(t + 1),
                data=[dict(d, type="scatter") for d in dyn],
                traces=[0, 1, 2],
                layout=dict(shapes=shapes),
            )
        )
    return out


def _animation(lt: LayerTrace, unit: int, tx: Callable[[str], str], ms: int) -> dict:
    """Play/pause buttons and a time slider that run in the browser.

    ``redraw`` is on because the wires are layout shapes; a redraw of this
    figure takes ~20 ms, well inside a frame at 10–30 steps per second.
    """
    still = dict(frame=dict(duration=0, redraw=True), mode="immediate", transition=dict(duration=0))
    play = dict(
        frame=dict(duration=ms, redraw=True), transition=dict(duration=0), mode="immediate", fromcurrent=True
    )
    return dict(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0.0,
                y=1.0,
                yanchor="bottom",
                xanchor="left",
                showactive=False,
                pad=dict(t=0, b=8),
                buttons=[
                    dict(label="▶ " + tx("play"), method="animate", args=[None, play]),
                    dict(label="⏸ " + tx("pause"), method="animate", args=[[None], still]),
                ],
            )
        ],
        # tick labels hidden (200 of them would overlap); the current value says where we are
        sliders=[
            dict(
                active=0,
                x=0.25,
                len=0.75,
                y=1.0,
                yanchor="bottom",
                pad=dict(t=0, b=0),
                ticklen=0,
                font=dict(color="rgba(0,0,0,0)"),
                currentvalue=dict(prefix="t = ", font=dict(color="#111")),
                steps=[
                    dict(method="animate", label=str(t + 1), args=[[str(t + 1)], still])
                    for t in range(lt.steps)
                ],
            )
        ],
        margin=dict(t=120, l=10, r=10, b=90, autoexpand=False),
        height=680,
    )


def colour_key_figure(tx: Callable[[str], str]) -> go.Figure:
    """The diagram's two colour keys (gates 0…1, values −1…+1) on their own, the same at
    every step, so that stepping does not redraw them."""
    data = []
    for scale, lo, hi, name, x in (
        (GATE_SCALE, 0, 1, tx("legend_gate"), 0.03),
        (VALUE_SCALE, -1, 1, tx("legend_value"), 0.53),
    ):
        data.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                showlegend=False,
                hoverinfo="skip",
                marker=dict(
                    color=[lo],
                    colorscale=scale,
                    cmin=lo,
                    cmax=hi,
                    showscale=True,
                    colorbar=dict(
                        orientation="h",
                        x=x,
                        xanchor="left",
                        y=1.0,
                        yanchor="top",
                        len=0.44,
                        thickness=12,
                        title=dict(text=name, side="top"),
                        tickfont=dict(size=12),
                    ),
                ),
            )
        )
    fig = go.Figure(data=data)
    fig.update_layout(
        font=FONT,
        height=80,
        margin=dict(l=10, r=10, t=0, b=0, autoexpand=False),
        plot_bgcolor="white",
        paper_bgcolor="white",
        xaxis=dict(visible=False, fixedrange=True),
        yaxis=dict(visible=False, fixedrange=True),
    )
    return fig
