"""A what-if run beside the original: one unit's C and h over time, forced steps shaded."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from lstm_core import LayerTrace

from .style import FONT, runs


def whatif_figure(lt: LayerTrace, base: LayerTrace, unit: int, tr: Callable[[str], str]) -> go.Figure:
    T = lt.steps
    t = np.arange(1, T + 1)
    fig = go.Figure()
    for name, colour in (("h", "#d62728"), ("c", "#6a51a3")):
        fig.add_trace(
            go.Scatter(
                x=t,
                y=base.gate(name)[:, unit],
                name=f"{name} — {tr('whatif_original')}",
                line=dict(color=colour, width=2, dash="dot"),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=t,
                y=lt.gate(name)[:, unit],
                name=f"{name} — {tr('whatif_forced')}",
                line=dict(color=colour, width=3),
            )
        )
    forced = np.zeros(T, dtype=bool)
    for g in "ifgo":
        forced |= lt.forced_mask(g)[:, unit]
    for a, b in runs(forced):
        fig.add_vrect(x0=a + 0.5, x1=b + 1.5, fillcolor="#d62728", opacity=0.08, line_width=0)
    fig.update_layout(
        title=dict(text=tr("whatif_chart_title"), x=0.01),
        font=FONT,
        height=340,
        plot_bgcolor="white",
        margin=dict(l=10, r=10, t=50, b=40),
        legend=dict(orientation="h", y=-0.25),
        hovermode="x unified",
    )
    fig.update_xaxes(title_text=tr("time_axis"), gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee", zerolinecolor="#bbb")
    return fig


def twin_figure(lstm_h: np.ndarray, rnn_h: np.ndarray, tr: Callable[[str], str]) -> go.Figure:
    """The rnn_lstm preset: the LSTM memory cell's h beside its plain-RNN twin's."""
    t = np.arange(1, lstm_h.size + 1)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=lstm_h, name="LSTM h_t", line=dict(color="#1f77b4", width=3)),
            go.Scatter(x=t, y=rnn_h, name="RNN h_t", line=dict(color="#d62728", width=3)),
        ]
    )
    fig.update_layout(
        title=dict(text=tr("twin_title"), x=0.01),
        font=FONT,
        height=320,
        plot_bgcolor="white",
        margin=dict(l=10, r=10, t=50, b=40),
        legend=dict(orientation="h", y=-0.25),
    )
    fig.update_xaxes(title_text=tr("time_axis"), gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee")
    return fig
