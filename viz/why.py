"""Charts of how far back a network sees: ‖∂h_T/∂x_t‖ for every kind,
and the LSTM's memory path ‖∂C_T/∂C_t‖ with ∏f, on a log scale.

Where float64 could not hold a value (an exploding gradient past ~1e308, or
one that vanished below ~1e-308) the curve stops and a shaded band says so.

Both charts have fixed margins (``WHY_MARGIN``, no auto-expansion) and a fixed time range, so
that step t is always at the same fraction of their width: the browser's stepper moves a CSS
cursor over them (as over the Timeline's heatmaps) and no step redraws them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import plotly.graph_objects as go

from lstm_core.reach import Reach

from .kinds import LOOKS
from .style import TOOLBAR, shade, time_layout

RNN_COLOUR, LSTM_COLOUR, F_COLOUR, GRU_COLOUR = "#d62728", "#1f77b4", "#2ca02c", "#9467bd"
WHY_MARGIN = dict(l=78, r=24, t=56 + TOOLBAR, b=112)  # px, fixed: the CSS cursor is placed from them


def _layout(fig: go.Figure, title: str, ytitle: str, tx: Callable[[str], str], T: int) -> None:
    time_layout(fig, tx, title, 400, dict(y=-0.24, yanchor="top", x=0), hovermode="x unified")
    fig.update_layout(margin=dict(WHY_MARGIN, autoexpand=False))
    fig.update_xaxes(range=[0.5, T + 0.5], fixedrange=True, automargin=False)
    fig.update_yaxes(type="log", title_text=ytitle, exponentformat="power", fixedrange=True, automargin=False)


def reach_figure(reaches: Mapping[str, Reach], tx: Callable[[str], str]) -> go.Figure:
    """‖∂h_T/∂x_t‖ of every network against t, one line per kind (``reaches``: kind name -> Reach,
    in the order drawn; colours and dashes from the kind's ``Look``)."""
    T = next(iter(reaches.values())).dx.size
    t = np.arange(1, T + 1)
    fig = go.Figure()
    nets = [(name.upper(), r, *LOOKS[name].line) for name, r in reaches.items()]
    for name, r, colour, dash in nets:
        fig.add_trace(
            go.Scatter(
                x=t,
                y=r.dx,
                name=f"{name}: ‖∂h<sub>T</sub>/∂x<sub>t</sub>‖",
                line=dict(color=colour, width=3, dash=dash),  # not by colour alone
                hovertemplate="%{y:.3g}",
            )
        )
        shade(fig, r.overflow, colour, 0.12, tx("why_overflow").format(name=name))
        shade(fig, r.underflow, colour, 0.12, tx("why_underflow").format(name=name))
    _layout(fig, tx("why_reach_title"), tx("why_reach_axis"), tx, T)
    return fig


def memory_figure(lstm: Reach, tx: Callable[[str], str]) -> go.Figure:
    """The LSTM's memory path: ‖∂C_T/∂C_t‖ and the norm of ∏ f beside it."""
    T = lstm.dc.size
    t = np.arange(1, T + 1)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=t,
            y=lstm.dc,
            name="‖∂C<sub>T</sub>/∂C<sub>t</sub>‖<sub>F</sub> / √H",
            line=dict(color=LSTM_COLOUR, width=3),
            hovertemplate="%{y:.3g}",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=t,
            y=lstm.fprod,
            name="RMS<sub>units</sub> ∏<sub>k>t</sub> f<sub>k</sub>",
            line=dict(color=F_COLOUR, width=3, dash="dash"),
            hovertemplate="%{y:.3g}",
        )
    )
    shade(fig, np.isnan(lstm.dc), LSTM_COLOUR, 0.12, tx("why_underflow").format(name="LSTM"))
    _layout(fig, tx("why_memory_title"), tx("why_memory_axis"), tx, T)
    return fig
