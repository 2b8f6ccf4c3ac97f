"""The stack at one step: x_t enters layer 1, each layer's h_t is the next
layer's x_t. One row of bars per layer (top layer on top), grouped by unit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lstm_core import Trace

from .kinds import LOOKS
from .style import FONT, PATTERNS


def stack_figure(trace: Trace, step: int, tx: Callable[[str], str]) -> go.Figure:
    L = len(trace.layers)
    titles = [tx("stack_layer").format(k=k, H=trace.layers[k - 1].hidden_size) for k in range(L, 0, -1)]
    titles.append(tx("stack_input"))
    fig = make_subplots(
        rows=L + 1,
        cols=1,
        vertical_spacing=0.25 / (L + 1),
        subplot_titles=titles,
        row_heights=[1.0] * L + [0.55],
    )
    series = [(name, LOOKS[trace.cell].colours[name]) for name in trace.kind.series]
    for row, k in enumerate(range(L - 1, -1, -1), start=1):
        lt = trace.layers[k]
        units = [f"{tx('unit')} {u + 1}" for u in range(lt.hidden_size)]
        for (name, colour), pattern in zip(series, PATTERNS, strict=False):
            v = lt.gate(name)[step]
            fig.add_trace(
                go.Bar(
                    x=units,
                    y=np.round(v, 3),
                    name=tx(f"row_{name}"),
                    marker_color=colour,
                    marker_pattern_shape=pattern,  # the series differ by pattern too, not by colour alone
                    legendgroup=name,
                    showlegend=row == 1,
                    text=[f"{a:.2f}" for a in v],
                    textposition="outside",
                    textfont=dict(size=11),
                    cliponaxis=False,
                ),
                row=row,
                col=1,
            )
        # fixed over time (bars move, the axis does not); C is unbounded, so the axis takes its largest |C|
        top = 1.25 * max(1.0, float(np.abs(lt.c).max())) if lt.c is not None else 1.25
        fig.update_yaxes(range=[-top, top], row=row, col=1, zerolinecolor="#888", gridcolor="#eee")
    x = trace.x[step]
    fig.add_trace(
        go.Bar(
            x=[f"x{d + 1}" for d in range(x.size)],
            y=np.round(x, 3),
            marker_color="#555",
            name="x_t",
            text=[f"{a:.2f}" for a in x],
            textposition="outside",
            showlegend=False,
            cliponaxis=False,
            width=0.25 if x.size == 1 else None,
        ),
        row=L + 1,
        col=1,
    )
    top = 1.3 * max(1.0, float(np.abs(trace.x).max()))  # fixed over time: bars move, the axis does not
    fig.update_yaxes(zerolinecolor="#888", gridcolor="#eee", range=[-top, top], row=L + 1, col=1)
    fig.update_layout(
        barmode="group",
        font=FONT,
        height=260 * L + 200,
        margin=dict(l=10, r=10, t=90, b=20),
        legend=dict(orientation="h", yref="container", y=0.99, yanchor="top", x=0),
        plot_bgcolor="white",
    )
    fig.update_annotations(font_size=15, x=0.0, xanchor="left")
    return fig
