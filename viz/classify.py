"""Figures of the classification lab: training curves, confusion matrix, class
probabilities over time."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .style import DASHES, FONT, TITLE_AT, TOOLBAR


def curves_figure(history: Sequence[tuple], tx: Callable[[str], str]) -> go.Figure:
    """history: (epoch, loss, train accuracy, test accuracy) per epoch."""
    h = np.array(history, dtype=float).reshape(-1, 4)
    fig = make_subplots(rows=1, cols=2, subplot_titles=[tx("clf_loss"), tx("clf_accuracy")])
    fig.add_trace(
        go.Scatter(x=h[:, 0], y=h[:, 1], name=tx("clf_loss"), line=dict(color="#6a51a3", width=3)), 1, 1
    )
    fig.add_trace(
        go.Scatter(
            x=h[:, 0], y=h[:, 2], name=tx("clf_train"), line=dict(color="#1f77b4", width=3, dash="dash")
        ),
        1,
        2,
    )
    fig.add_trace(
        go.Scatter(x=h[:, 0], y=h[:, 3], name=tx("clf_test"), line=dict(color="#d62728", width=3)), 1, 2
    )
    fig.update_yaxes(range=[0, 1.02], row=1, col=2)
    fig.update_xaxes(title_text=tx("clf_epoch"))
    fig.update_layout(
        font=FONT,
        height=320 + TOOLBAR,
        margin=dict(l=10, r=10, t=40 + TOOLBAR, b=40),
        plot_bgcolor="white",
        legend=dict(orientation="h", y=-0.3),
    )
    return fig


def _plain(names: Sequence[str]) -> list[str]:
    """Class names from a user's file, as text: Plotly reads tags (<a href>, <b>, <br>) in labels."""
    return [html.escape(str(n), quote=False) for n in names]


def confusion_figure(m: np.ndarray, names: Sequence[str], tx: Callable[[str], str]) -> go.Figure:
    names = _plain(names)
    fig = go.Figure(
        go.Heatmap(
            z=m,
            x=list(names),
            y=list(names),
            colorscale="Blues",
            text=m,
            texttemplate="%{text}",
            showscale=False,
            hovertemplate="%{y} → %{x}: %{z}<extra></extra>",
        )
    )
    # categories, not numbers: classes named "1" and "2" must not get ticks at 0.5 and 1.5
    fig.update_xaxes(title_text=tx("clf_predicted"), side="bottom", type="category")
    fig.update_yaxes(title_text=tx("clf_true"), autorange="reversed", type="category")
    fig.update_layout(
        title=dict(text=tx("clf_confusion"), **TITLE_AT),
        font=FONT,
        height=340 + TOOLBAR,
        margin=dict(l=10, r=10, t=50 + TOOLBAR, b=40),
    )
    return fig


def probabilities_figure(
    p: np.ndarray,
    x: np.ndarray,
    names: Sequence[str],
    tx: Callable[[str], str],
    title: str | None = None,
    every: np.ndarray | None = None,
    k: int = 1,
) -> go.Figure:
    """p: (T, K) class probabilities after each step; x: (T,) the series; ``title`` of the lower panel;
    ``every``: the series before it was shortened to x (x_t the mean of every ``k`` points, the last
    window of whatever is left), drawn thin under x, the k points of step t spread over t − ½ … t + ½."""
    names = _plain(names)
    t = np.arange(1, len(p) + 1)
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.35, 0.65],
        vertical_spacing=0.08,
        subplot_titles=[tx("input_chart_title"), title or tx("clf_probs_title")],
    )
    if every is not None:
        k = max(int(k), 1)  # the model's own: ceil(T / steps) is not always it (150 points, k = 20: 8 steps)
        i = np.arange(len(every))
        pos = i // k + 0.5 + (i % k + 0.5) / k  # point i sits inside step i // k + 1, at t − ½ … t + ½
        fig.add_trace(
            go.Scatter(
                x=pos,
                y=every,
                name=tx("clf_every_point"),
                line=dict(color="#aaa", width=1),
                hoverinfo="skip",
                showlegend=False,
            ),
            1,
            1,
        )
    mode = "lines+markers" if every is not None else "lines"
    fig.add_trace(
        go.Scatter(x=t, y=x, name="x_t", mode=mode, line=dict(color="#555", width=2), showlegend=False), 1, 1
    )
    for k, name in enumerate(names):
        dash = DASHES[k % len(DASHES)]  # classes differ by line style too, not by colour alone
        fig.add_trace(go.Scatter(x=t, y=p[:, k], name=name, line=dict(width=3, dash=dash)), 2, 1)
    fig.update_yaxes(range=[0, 1.02], row=2, col=1)
    fig.update_xaxes(title_text=tx("time_axis"), row=2, col=1)
    fig.update_layout(
        font=FONT,
        height=420 + TOOLBAR,
        margin=dict(l=10, r=10, t=40 + TOOLBAR, b=40),
        plot_bgcolor="white",
        legend=dict(orientation="h", y=-0.2),
    )
    fig.update_annotations(font_size=14, x=0.0, xanchor="left")
    return fig
