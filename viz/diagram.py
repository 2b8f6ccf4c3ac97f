"""The cell diagram: one unit of an LSTM (or RNN) at one step, values on every wire.

Drawn in the classic style: the memory C runs along the top, the three σ
gates and the tanh candidate sit below, × and + nodes join them, h leaves at
the bottom right. Everything that changes with t lives in trace data (wire
colours, node colours, labels), so the same builder also makes a Plotly
animation whose frames play in the browser without a server round trip.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from lstm_core import LayerTrace

from .style import FONT, GATE_SCALE, VALUE_SCALE, colors, ink, num

GREY = "#9aa0a6"
Y_C, Y_BUS, Y_GATE, Y_MIX = 6.0, 1.4, 3.0, 4.6
XF, XI, XG, XO, XPLUS, XT, XIN = 3.4, 5.4, 7.4, 9.4, 6.4, 10.8, 2.2
RIGHT = 13.6

# wires: name -> (points, value key, colour kind); "bus" wires carry [h_{t-1}, x_t]
LSTM_WIRES = {
    "c_prev": ([(0.3, Y_C), (XF, Y_C)], "c_prev", "value"),
    "kept": ([(XF, Y_C), (XPLUS, Y_C)], "kept", "value"),
    "c": ([(XPLUS, Y_C), (RIGHT, Y_C)], "c", "value"),
    "c_down": ([(XT, Y_C), (XT, Y_MIX)], "c", "value"),
    "tanh_c": ([(XT, Y_MIX), (XT, Y_GATE)], "tanh_c", "value"),
    "h_prev": ([(0.3, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
    "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
    "bus": (
        [(XIN, Y_BUS), (XO, Y_BUS)] + [p for x in (XF, XI, XG, XO) for p in (None, (x, Y_BUS), (x, Y_GATE))],
        None,
        "bus",
    ),
    "f": ([(XF, Y_GATE), (XF, Y_C)], "f", "gate"),
    "i": ([(XI, Y_GATE), (XI, Y_MIX), (XPLUS, Y_MIX)], "i", "gate"),
    "g": ([(XG, Y_GATE), (XG, Y_MIX), (XPLUS, Y_MIX)], "g", "value"),
    "written": ([(XPLUS, Y_MIX), (XPLUS, Y_C)], "written", "value"),
    "o": ([(XO, Y_GATE), (XT, Y_GATE)], "o", "gate"),
    "h": ([(XT, Y_GATE), (XT, Y_BUS), (RIGHT, Y_BUS), None, (13.0, Y_BUS), (13.0, 7.3)], "h", "value"),
}
# nodes: (x, y, symbol, text, value key, kind, size)
LSTM_NODES = [
    (XF, Y_GATE, "square", "σ", "f", "gate", 58),
    (XI, Y_GATE, "square", "σ", "i", "gate", 58),
    (XG, Y_GATE, "square", "tanh", "g", "value", 58),
    (XO, Y_GATE, "square", "σ", "o", "gate", 58),
    (XF, Y_C, "circle", "×", "kept", "value", 38),
    (XPLUS, Y_MIX, "circle", "×", "written", "value", 38),
    (XPLUS, Y_C, "circle", "+", "c", "value", 38),
    (XT, Y_MIX, "circle", "tanh", "tanh_c", "value", 50),
    (XT, Y_GATE, "circle", "×", "h", "value", 38),
]
# labels: (x, y, side of the point the text sits on, template, value key)
LSTM_LABELS = [
    (0.3, 6.5, "right", "C<sub>t−1</sub> = {}", "c_prev"),
    (4.9, 6.5, "center", "f·C<sub>t−1</sub> = {}", "kept"),
    (RIGHT, 6.5, "left", "C<sub>t</sub> = {}", "c"),
    (XF + 0.15, 4.45, "right", "f<sub>t</sub> = {}", "f"),
    (XI - 0.15, 3.95, "left", "i<sub>t</sub> = {}", "i"),
    (XG + 0.15, 3.95, "right", "g<sub>t</sub> = {}", "g"),
    (XPLUS + 0.15, 5.3, "right", "i·g = {}", "written"),
    ((XO + XT) / 2, 2.4, "center", "o<sub>t</sub> = {}", "o"),
    (XT + 0.65, Y_MIX, "right", "tanh(C<sub>t</sub>) = {}", "tanh_c"),
    (0.3, 1.85, "right", "h<sub>t−1</sub> = {}", "h_prev"),
    (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
    (RIGHT, 0.95, "left", "h<sub>t</sub> = {}", "h"),
]
GATE_CAPTIONS = ((XF, "gate_f"), (XI, "gate_i"), (XG, "gate_g"), (XO, "gate_o"))

RNN_WIRES = {
    "h_prev": ([(0.3, Y_BUS), (XIN, Y_BUS)], "h_prev", "value"),
    "x": ([(XIN, -0.3), (XIN, Y_BUS)], "x", "value"),
    "bus": ([(XIN, Y_BUS), (6.4, Y_BUS), (6.4, 3.4)], None, "bus"),
    "h": ([(6.4, 3.4), (6.4, Y_C), (RIGHT, Y_C), None, (11.0, Y_C), (11.0, 7.3)], "h", "value"),
}
RNN_NODES = [(6.4, 3.4, "square", "tanh", "h", "value", 72)]
RNN_LABELS = [
    (0.3, 0.95, "right", "h<sub>t−1</sub> = {}", "h_prev"),
    (XIN + 0.15, -0.2, "right", "x<sub>t</sub> = {}", "x"),
    (6.55, 2.2, "right", "a<sub>t</sub> = {}", "pre"),
    (RIGHT, 6.5, "left", "h<sub>t</sub> = {}", "h"),
]


def unit_values(lt: LayerTrace, t: int, unit: int) -> dict[str, float]:
    """The scalars on the diagram for one unit at step t (0-based)."""
    x = lt.x[t]
    vals = {
        "x": float(x[0]) if x.size == 1 else float("nan"),
        "h_prev": float(lt.h_prev[t, unit]),
        "h": float(lt.h[t, unit]),
    }
    if lt.cell == "rnn":
        vals["pre"] = float(lt.pre[t, unit])
        return vals
    for name in ("i", "f", "g", "o", "c", "c_prev", "kept", "written", "tanh_c"):
        vals[name] = float(getattr(lt, name)[t, unit])
    return vals


def _parts(cell: str):
    return (LSTM_WIRES, LSTM_NODES, LSTM_LABELS) if cell == "lstm" else (RNN_WIRES, RNN_NODES, RNN_LABELS)


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
        x1=11.8 if lt.cell == "lstm" else 8.4,
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
    forced = {g for g in "ifgo" if lt.cell == "lstm" and lt.forced_mask(g)[t, unit]}
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
    tr: Callable[[str], str],
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
        "gate": (GATE_SCALE, 0, 1, tr("legend_gate"), 0.03),
        "value": (VALUE_SCALE, -1, 1, tr("legend_value"), 0.53),
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
                hovertext=[tr(f"node_{n[4]}") for n in mine],
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
    notes = []
    if lt.cell == "lstm":
        notes = [dict(x=x, y=0.95, text=tr(name)) for x, name in GATE_CAPTIONS]
        notes.append(dict(x=6.7, y=7.25, text=tr("memory_line")))
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
        layout |= _animation(lt, unit, tr, ms_per_step)
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


def _animation(lt: LayerTrace, unit: int, tr: Callable[[str], str], ms: int) -> dict:
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
                    dict(label="▶ " + tr("play"), method="animate", args=[None, play]),
                    dict(label="⏸ " + tr("pause"), method="animate", args=[[None], still]),
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


def colour_key_figure(tr: Callable[[str], str]) -> go.Figure:
    """The diagram's two colour keys (gates 0…1, values −1…+1) on their own, the same at
    every step, so that stepping does not redraw them."""
    data = []
    for scale, lo, hi, name, x in (
        (GATE_SCALE, 0, 1, tr("legend_gate"), 0.03),
        (VALUE_SCALE, -1, 1, tr("legend_value"), 0.53),
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
