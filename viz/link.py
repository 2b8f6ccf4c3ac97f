"""The link the article's author asked for: one convolution filter sliding along a series beside
one LSTM cell stepping along it. A Plotly figure whose own slider moves t in the browser.

Top: the series with the filter's window at t (fixed width: the same weights at every position)
and the filter's output along the series. Bottom: the series with everything the cell has read
by t (it carries C and h forward: no fixed width) and the cell's C_t and h_t along the series.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .style import FONT

WINDOW = "rgba(31, 119, 180, 0.18)"
REACH = "rgba(163, 33, 46, 0.14)"


def link_figure(
    x: np.ndarray,
    conv: np.ndarray,
    left: int,
    right: int,
    c: np.ndarray | None,
    h: np.ndarray,
    tx: Callable[..., str],
    start: int = 0,
) -> go.Figure:
    """x (T,) the series; conv (T,) one first-layer filter's output ('same' padding: ``left`` values
    before t and ``right`` after it); c, h (T,) one LSTM unit's C_t (None for a kind without one) and h_t. ``start``: the step shown
    first (0-based). Steps are shown 1-based."""
    T = len(x)
    t = np.arange(1, T + 1)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.14,
        subplot_titles=[tx("link_conv_panel", w=left + right + 1), tx("link_cell_panel")],
    )
    fig.add_trace(go.Scatter(x=t, y=x, name="x_t", line=dict(color="#555", width=2)), 1, 1)
    fig.add_trace(
        go.Scatter(x=t, y=conv, name=tx("link_conv_out"), line=dict(color="#1f77b4", width=3, dash="dash")),
        1,
        1,
    )
    fig.add_trace(go.Scatter(x=t, y=x, name="x_t", line=dict(color="#555", width=2), showlegend=False), 2, 1)
    if c is not None:  # a GRU, MGU or plain RNN carries h only
        fig.add_trace(go.Scatter(x=t, y=c, name="C_t", line=dict(color="#6a51a3", width=3, dash="dot")), 2, 1)
    fig.add_trace(go.Scatter(x=t, y=h, name="h_t", line=dict(color="#a3212e", width=3)), 2, 1)

    def shapes(s: int) -> list[dict]:
        def cursor(xref: str, yref: str, color: str) -> dict:
            return dict(
                type="line", xref=xref, yref=yref, x0=s + 1, x1=s + 1, y0=0, y1=1, line=dict(color=color)
            )

        lo, hi = max(1, s + 1 - left), min(T, s + 1 + right)
        band = dict(type="rect", yref="y domain", y0=0, y1=1, line_width=0, layer="below")
        return [
            band | dict(xref="x", x0=lo - 0.5, x1=hi + 0.5, fillcolor=WINDOW),
            band | dict(xref="x2", yref="y2 domain", x0=0.5, x1=s + 1.5, fillcolor=REACH),
            cursor("x", "y domain", "#1f77b4"),
            cursor("x2", "y2 domain", "#a3212e"),
        ]

    steps = [
        dict(method="relayout", args=[{"shapes": shapes(s)}], label=str(s + 1)) for s in range(T)
    ]  # the browser moves t: no rerun
    fig.update_layout(
        shapes=shapes(start),
        sliders=[
            dict(
                active=start,
                steps=steps,
                currentvalue=dict(prefix="t = "),
                pad=dict(t=50),
                x=0,
                len=1,
            )
        ],
        font=FONT,
        height=560,
        margin=dict(l=10, r=10, t=40, b=20),
        plot_bgcolor="white",
        legend=dict(orientation="h", y=1.12, x=0),
    )
    fig.update_xaxes(title_text=tx("time_axis"), row=2, col=1)
    fig.update_annotations(font_size=14, x=0.0, xanchor="left")
    return fig
