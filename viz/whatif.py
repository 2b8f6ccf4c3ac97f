"""A what-if run beside the original: one unit's C and h over time, forced steps shaded."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from lstm_core import LayerTrace

from .style import shade, time_layout


def whatif_figure(
    lt: LayerTrace, base: LayerTrace, unit: int, tx: Callable[[str], str], digits: int = 2
) -> go.Figure:
    T = lt.steps
    t = np.arange(1, T + 1)
    fig = go.Figure()
    colour_of = {"h": "#d62728", "c": "#6a51a3"}
    for name in reversed(lt.kind.states):  # h, and C with a memory line
        colour = colour_of[name]
        fig.add_trace(
            go.Scatter(
                x=t,
                y=base.gate(name)[:, unit],
                name=f"{name} — {tx('whatif_original')}",
                line=dict(color=colour, width=2, dash="dot"),
                hovertemplate=f"%{{y:.{digits}f}}",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=t,
                y=lt.gate(name)[:, unit],
                name=f"{name} — {tx('whatif_forced')}",
                line=dict(color=colour, width=3),
                hovertemplate=f"%{{y:.{digits}f}}",
            )
        )
    forced = np.zeros(T, dtype=bool)
    for g in lt.kind.gates:
        forced |= lt.forced_mask(g)[:, unit]
    shade(fig, forced, "#d62728", 0.08)
    time_layout(fig, tx, tx("whatif_chart_title"), 340, dict(y=-0.25), hovermode="x unified")
    fig.update_yaxes(zerolinecolor="#bbb")
    return fig


def twin_figure(lstm_h: np.ndarray, rnn_h: np.ndarray, tx: Callable[[str], str]) -> go.Figure:
    """The rnn_lstm preset: the LSTM memory cell's h beside its plain-RNN twin's."""
    t = np.arange(1, lstm_h.size + 1)
    fig = go.Figure(
        [
            go.Scatter(x=t, y=lstm_h, name="LSTM h_t", line=dict(color="#1f77b4", width=3)),
            go.Scatter(x=t, y=rnn_h, name="RNN h_t", line=dict(color="#d62728", width=3, dash="dash")),
        ]
    )
    time_layout(fig, tx, tx("twin_title"), 320, dict(y=-0.25))
    return fig
