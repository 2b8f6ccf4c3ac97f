"""Whole-sequence charts: heatmaps (units × time) of every gate, C and h, and
the input as lines, each with a cursor at the current step.

The heatmaps do not depend on the step, so the app draws them once per model
and moves their cursor with a CSS rule (``cursor_css``): a changed Plotly
figure is a new chart to Streamlit (a full redraw, 130 ms per layer measured),
a changed style rule is not. For that the heatmaps have fixed margins
(``HEAT_MARGIN``, no auto-expansion) and a fixed time range, so that step t
is always at the same fraction of the chart's width; zooming is off. The
input chart is small and keeps a Plotly cursor (and answers clicks).

Hovers show *Decimals shown* (the sidebar's); the figure keeps one more (at least 3), for the colours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lstm_core import LayerTrace

from .kinds import LOOKS
from .style import CURSOR, DASHES, FONT, GATE_SCALE, GRID, SYMBOL, TITLE_AT, TOOLBAR, VALUE_SCALE

HEAT_MARGIN = dict(l=58, r=96, t=60 + TOOLBAR, b=48)  # px, fixed: the CSS cursor is placed from them


def _fixed_frame(fig: go.Figure, T: int) -> None:
    """Margins that never grow and a time axis 0.5 … T + 0.5 that never moves (no zoom)."""
    fig.update_layout(margin=dict(HEAT_MARGIN, autoexpand=False))
    fig.update_xaxes(range=[0.5, T + 0.5], fixedrange=True, automargin=False)
    fig.update_yaxes(fixedrange=True, automargin=False)
    fig.update_traces(colorbar=dict(x=1.0, xpad=12, xanchor="left"), selector=dict(type="heatmap"))


def c_scale(lt: LayerTrace) -> float:
    """Half the range of C's colour scale: 1, or the largest |C| of the run when C leaves ±1."""
    if lt.c is None:
        return 1.0
    return max(1.0, float(np.abs(lt.c).max()))


def cursor_css(scope: str, step: int, T: int) -> str:
    """A <style> that draws the step's dotted cursor over every Plotly chart inside the
    container keyed ``scope`` (charts built with ``_fixed_frame``). Column t (1-based) is
    centred at (t − 0.5) / T of the plot area's width."""
    m = HEAT_MARGIN
    frac = (step + 0.5) / T
    chart = f".st-key-{scope} [data-testid=stPlotlyChart]"
    return (
        f"<style>{chart}{{position:relative}}"
        f"{chart}::after{{content:'';position:absolute;pointer-events:none;z-index:3;"
        f"top:{m['t']}px;bottom:{m['b']}px;left:calc({m['l']}px + (100% - {m['l'] + m['r']}px) * {frac:.6f} - 1px);"
        f"border-left:2px dotted {CURSOR['color']}}}</style>"
    )


def layer_heatmaps(lt: LayerTrace, tx: Callable[[str], str], title: str = "", digits: int = 3) -> go.Figure:
    """One figure per layer: a heatmap per quantity, time on x (1-based), units on y.
    The same at every step (the cursor is ``cursor_css``)."""
    rows = LOOKS[lt.cell].rows + ((("dc", "value"),) if lt.c is not None else ())  # ΔC beside C
    names = [tx(f"row_{n}") for n, _ in rows]
    fig = make_subplots(
        rows=len(rows), cols=1, shared_xaxes=True, vertical_spacing=0.03, subplot_titles=names
    )
    T, H = lt.h.shape
    t_axis = np.arange(1, T + 1)
    units = [str(u + 1) for u in range(H)]
    c_max = c_scale(lt)  # C is unbounded: its own scale when it leaves ±1, so C = −7 does not look like −1
    bars = {1: (1.0, "legend_gate"), 3: (0.66 if c_max > 1 else 0.45, "legend_value")}
    if c_max > 1:
        bars[5] = (0.33, None)
    for r, (name, kind) in enumerate(rows, start=1):
        series = lt.c - lt.c_prev if name == "dc" else lt.gate(name)  # ΔC = Cₜ − Cₜ₋₁
        z = np.round(series.T, max(3, digits + 1))  # (H, T); the hover shows ``digits``
        lo, hi, scale = (0, 1, GATE_SCALE) if kind == "gate" else (-1, 1, VALUE_SCALE)
        if name in ("c", "dc"):  # ΔC on C's own scale
            lo, hi = -c_max, c_max
        y_bar, bar_title = bars.get(r, (0.45, None))
        fig.add_trace(
            go.Heatmap(
                z=z,
                x=t_axis,
                y=units,
                zmin=lo,
                zmax=hi,
                colorscale=scale,
                showscale=r in bars,
                colorbar=dict(
                    len=0.28 if len(rows) > 1 else 1.0,  # a plain RNN has one row: a full-height bar
                    y=y_bar,
                    yanchor="top",
                    thickness=12,
                    title=dict(
                        text=tx(bar_title) if bar_title else tx("c_range").format(m=f"{c_max:.3g}"),
                        side="right",
                    ),
                ),
                hovertemplate=f"{SYMBOL.get(name, 'ΔC' if name == 'dc' else name)}: %{{z:.{digits}f}}<br>t = %{{x}}<br>{tx('unit')} %{{y}}<extra></extra>",
                name=name,
            ),
            row=r,
            col=1,
        )
        if name in lt.kind.gates and lt.forced is not None:
            tt, uu = np.nonzero(lt.forced_mask(name))
            if tt.size:  # what-if: mark the forced cells
                fig.add_trace(
                    go.Scatter(
                        x=tt + 1,
                        y=[units[u] for u in uu],
                        mode="markers",
                        showlegend=False,
                        marker=dict(symbol="x-thin", size=9, line=dict(width=2, color="#d62728")),
                        hoverinfo="skip",
                        name=f"forced {name}",
                    ),
                    row=r,
                    col=1,
                )
        # categories: with two units a numeric axis would label 0.5, 1, 1.5 …
        fig.update_yaxes(
            title_text=tx("unit"), row=r, col=1, tickfont=dict(size=11), autorange="reversed", type="category"
        )
    fig.update_xaxes(title_text=tx("time_axis"), row=len(rows), col=1)
    fig.update_layout(
        title=dict(text=title, **TITLE_AT),
        font=FONT,
        height=120 + TOOLBAR + 105 * len(rows) + 6 * H * len(rows) ** 0.5,
        plot_bgcolor="white",
    )
    fig.update_annotations(font_size=14, x=0.0, xanchor="left")
    _fixed_frame(fig, T)
    return fig


def input_chart(
    x: np.ndarray, names: Sequence[str], step: int | None, tx: Callable[[str], str], digits: int = 4
) -> go.Figure:
    """The input x_t (one line per dimension), with a cursor at ``step`` (None: none drawn, the
    page moves a CSS cursor over it, as over the heatmaps); hovers with ``digits`` decimals."""
    t_axis = np.arange(1, len(x) + 1)
    fig = go.Figure()
    for d in range(x.shape[1]):
        fig.add_trace(
            go.Scatter(
                x=t_axis,
                y=np.round(x[:, d], max(4, digits)),  # the line keeps its shape; the hover rounds
                mode="lines+markers" if len(x) <= 80 else "lines",
                hovertemplate=f"x: %{{y:.{digits}f}}<br>t = %{{x}}<extra>%{{fullData.name}}</extra>",
                name=names[d] if d < len(names) else f"x{d + 1}",
                line=dict(dash=DASHES[d % len(DASHES)]),
                marker=dict(size=5),
            )
        )
        if step is not None:
            fig.add_trace(
                go.Scatter(
                    x=[step + 1],
                    y=[x[step, d]],
                    mode="markers",
                    marker=dict(size=12, color="#d62728"),
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    if step is not None:
        fig.add_vline(x=step + 1, line=CURSOR)
    fig.update_layout(
        title=dict(text=tx("input_chart_title"), **TITLE_AT),
        font=FONT,
        height=240 + TOOLBAR,
        xaxis_title=tx("time_axis"),
        showlegend=x.shape[1] > 1,
        legend=dict(orientation="h", x=1.0, xanchor="right", y=1.02, yanchor="bottom"),
        plot_bgcolor="white",
    )
    fig.update_xaxes(gridcolor=GRID)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor="#bbb")
    _fixed_frame(fig, len(x))  # the same frame as the heatmaps below: step t lines up in all of them
    return fig


def difference_heatmaps(
    lt: LayerTrace, base: LayerTrace, tx: Callable[[str], str], title: str, digits: int = 3
) -> go.Figure:
    """The state (C and h, or h alone) of the what-if run minus the original run (units × time),
    zero in white. The same at every step (the cursor is ``cursor_css``)."""
    states = lt.kind.states
    fig = make_subplots(
        rows=len(states),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=[f"Δ {tx('row_' + name)}" for name in states],
    )
    T, H = lt.h.shape
    t_axis = np.arange(1, T + 1)
    units = [str(u + 1) for u in range(H)]
    for r, name in enumerate(states, start=1):
        d = np.round((lt.gate(name) - base.gate(name)).T, max(3, digits + 1))
        lim = max(float(np.abs(d).max()), 1e-3)
        fig.add_trace(
            go.Heatmap(
                z=d,
                x=t_axis,
                y=units,
                zmid=0,
                zmin=-lim,
                zmax=lim,
                colorscale=VALUE_SCALE,
                showscale=r == 1,
                colorbar=dict(thickness=12, len=0.8),
                hovertemplate=f"Δ: %{{z:.{digits}f}}<br>t = %{{x}}<extra></extra>",
                name=f"d{name}",
            ),
            row=r,
            col=1,
        )
        fig.update_yaxes(title_text=tx("unit"), autorange="reversed", row=r, col=1, type="category")
    fig.update_layout(
        title=dict(text=title, **TITLE_AT),
        font=FONT,
        height=160 + TOOLBAR + 60 * len(states) + 12 * H,
        plot_bgcolor="white",
    )
    fig.update_annotations(font_size=14, x=0.0, xanchor="left")
    _fixed_frame(fig, T)
    return fig
