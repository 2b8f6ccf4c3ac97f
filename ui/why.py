"""The "Why LSTM" page's own controls: the recurrent spectral radius and the
four presets, each a set of knob values (they also move the shared sidebar)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from lstm_core.reach import Reach, decades, mean_tanh_slope

from . import state
from .engine import Why
from .i18n import t

RHO = "vg_rho"  # session key of the spectral radius knob (in the URL as "rho")

# Each preset: the knob values it sets. Their claims are tested in tests/app/test_why.py.
_SINE = {"input_kind": "sine", "seq_len": 200, "amplitude": 1.0, "num_layers": 1, "seed": 0}
_REMEMBER = _SINE | {RHO: 0.1, "forget_bias": 5.0, "weight_scale": 0.3, "hidden_size": 8}
PRESETS: dict[str, dict[str, object]] = {
    "vanish": _SINE | {RHO: 0.5, "forget_bias": 1.0, "weight_scale": 1.0, "hidden_size": 8},
    "explode": _SINE
    | {RHO: 3.0, "forget_bias": 1.0, "weight_scale": 1.0, "hidden_size": 16, "amplitude": 0.1},
    "remember": _REMEMBER,
    "forget": _REMEMBER | {"forget_bias": -3.0},
}


def _apply(name: str) -> None:
    state.update(PRESETS[name])


def controls_ui() -> float:
    """The ρ slider and the preset buttons; returns ρ."""
    rho = st.slider(t("why_rho_label"), 0.0, 5.0, step=0.05, key=RHO, help=t("why_rho_help"))
    cols = st.columns(len(PRESETS))
    for col, name in zip(cols, PRESETS, strict=True):
        col.button(
            t(f"why_preset_{name}"), key=f"why_preset_{name}", on_click=_apply, args=(name,), width="stretch"
        )
    return float(rho)


def explanation(w: Why) -> str:
    """The paragraph under the charts, with this run's own numbers in it."""
    dtanh = mean_tanh_slope(w.rnn_trace)

    def span(r: Reach) -> str:
        if r.overflow[0]:
            return t("why_span_over")
        if r.underflow[0]:
            return t("why_span_under")
        return f"{decades(r.dx):+.1f}"

    f_span = abs(decades(w.lstm_reach.fprod)) if np.isfinite(w.lstm_reach.fprod[0]) else 308.0
    rnn_text = t(
        "why_explain_rnn",
        rho=f"{w.rnn_rho:.2f}",
        dtanh=f"{dtanh:.2f}",
        per_step=f"{w.rnn_rho * dtanh:.2f}",
        T=w.x.shape[0],
        rnn_span=span(w.rnn_reach),
    )
    lstm_text = t(
        "why_explain_lstm_keeps" if f_span < 1.0 else "why_explain_lstm_loses",
        fmean=f"{float(w.lstm_trace.layers[-1].f.mean()):.3f}",
        f_span=f"{f_span:.1f}",
        lstm_span=span(w.lstm_reach),
    )
    return rnn_text + "\n\n" + lstm_text
