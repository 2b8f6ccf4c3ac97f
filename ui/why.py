"""The "Why LSTM" page's own controls: the recurrent spectral radius and the
four presets, each a set of knob values (they also move the shared sidebar)."""

from __future__ import annotations

import numpy as np
import streamlit as st

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
    for key, value in PRESETS[name].items():
        st.session_state[key] = value


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
    T = w.x.shape[0]
    h = w.rnn_trace.layers[-1].h
    dtanh = float(np.mean(1 - h * h))
    per_step = w.rnn_rho * dtanh
    rnn = w.rnn_reach.dx
    lstm = w.lstm_reach.dx

    def span(d: np.ndarray, over: np.ndarray, under: np.ndarray) -> str:
        if over[0]:
            return t("why_span_over")
        if under[0]:
            return t("why_span_under")
        return f"{np.log10(d[0] / d[-1]):+.1f}"

    f = w.lstm_trace.layers[-1].f
    fp = w.lstm_reach.fprod
    f_span = abs(np.log10(fp[0] / fp[-1])) if np.isfinite(fp[0]) else 308.0
    rnn_text = t(
        "why_explain_rnn",
        rho=f"{w.rnn_rho:.2f}",
        dtanh=f"{dtanh:.2f}",
        per_step=f"{per_step:.2f}",
        T=T,
        rnn_span=span(rnn, w.rnn_reach.overflow, w.rnn_reach.underflow),
    )
    lstm_text = t(
        "why_explain_lstm_keeps" if f_span < 1.0 else "why_explain_lstm_loses",
        fmean=f"{float(f.mean()):.3f}",
        f_span=f"{f_span:.1f}",
        lstm_span=span(lstm, w.lstm_reach.overflow, w.lstm_reach.underflow),
    )
    return rnn_text + "\n\n" + lstm_text
