"""The "Why LSTM" page's own controls: the recurrent spectral radius and the
four presets, each a set of knob values (they also move the shared sidebar)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from lstm_core.reach import TINY, decades, gap_at_start, geometric_mean, mean_tanh_slope, per_step
from ui.shell import state
from ui.shell.engine import Why
from ui.shell.i18n import tx

RHO = "vg_rho"  # session key of the spectral radius knob (in the URL as "rho")

FITS = 0.05  # ρ·average tanh′ "fits" the measured per-step factor when within 5 % of it
MEMORY_CARRIES = 1.0  # decades: the full memory Jacobian this close to ∏f means the memory line carries it

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
    rho = st.slider(tx("why_rho_label"), 0.0, 5.0, step=0.05, key=RHO, help=tx("why_rho_help"))
    cols = st.columns(len(PRESETS))
    for col, name in zip(cols, PRESETS, strict=True):
        col.button(
            tx(f"why_preset_{name}"), key=f"why_preset_{name}", on_click=_apply, args=(name,), width="stretch"
        )
    return float(rho)


def _span(r_values: np.ndarray, over: bool, under: bool) -> tuple[str, float]:
    """'falls by 15.2 decades' (and the signed number: + means the curve is higher at t = 1)."""
    last = r_values[-1]
    if over:  # the true value at t = 1 is beyond 1.8e308: at least this many decades above the last one
        return tx("why_rises_beyond", d=f"{np.log10(np.finfo(float).max / last):.0f}"), np.inf
    if under:  # below float64's smallest normal number
        return tx("why_falls_beyond", d=f"{np.log10(last / TINY):.0f}"), -np.inf
    d = decades(r_values)
    return tx("why_rises" if d >= 0 else "why_falls", d=f"{abs(d):.1f}"), d


def _estimate(rho: float, slope: float, rate: float) -> str:
    """The sentence that checks ρ(W_hh) × average tanh′ against the measured per-step factor."""
    if not (np.isfinite(rate) and rate > 0):
        return ""
    est = rho * slope
    off = abs(est / rate - 1)
    key = "why_estimate_fits" if off <= FITS else "why_estimate_misses"
    return tx(
        key, rho=f"{rho:.2f}", slope=f"{slope:.3f}", estimate=f"{est:.3g}", off=f"{max(100 * off, 1):.0f}"
    )


def rho_line(w: Why) -> str:
    """ρ as measured on every kind's first layer: its recurrence block (W_hh of a plain RNN, the
    candidate's W_h· otherwise), in the kind table's order."""
    parts = [
        tx("why_rho_item", kind=name.upper(), block=f"W_h{r.net.kind.candidate}", rho=f"{r.rho:.2f}")
        for name, r in w.runs.items()
    ]
    return tx("why_rho_shown", items=tx("list_sep").join(parts))


def explanation(w: Why) -> str:
    """The paragraphs under the charts, every number measured on this run (tested against the curves)."""
    T, r, m = w.x.shape[0], w.plain.reach, w.memory.reach
    rnn_span, _ = _span(r.dx, r.overflow[0], r.underflow[0])
    rate = per_step(r.dx)
    rnn_text = tx(
        f"why_explain_{w.plain.net.cell}",  # the words for the plain kind
        rnn_span=rnn_span,
        per_step=f"{rate:.3g}" if np.isfinite(rate) and rate > 0 else "—",
        n=T - 1,
        estimate=_estimate(w.plain.rho, mean_tanh_slope(w.plain.trace), rate),
    )
    lstm_span, d = _span(m.dx, m.overflow[0], m.underflow[0])
    f_span, _ = _span(m.fprod, False, bool(np.isnan(m.fprod[0])))
    verdict = "keeps" if abs(d) <= 2 else ("grows" if d > 0 else "loses")
    f = w.memory.trace.layers[-1].f
    gap = gap_at_start(m.dc, m.fprod)  # the full memory Jacobian against the direct path
    carrier = ""
    if verdict == "keeps" and np.isfinite(gap):
        near = abs(gap) <= MEMORY_CARRIES
        carrier = (
            tx("why_carrier_memory", gap=f"{max(abs(gap), 0.1):.1f}") if near else tx("why_carrier_gates")
        )
    lstm_text = tx(
        f"why_explain_{w.memory.net.cell}_{verdict}",  # the words for the kind with a memory line
        fgeo=f"{geometric_mean(f):.3f}",
        f_span=f_span,
        lstm_span=lstm_span,
        carrier=carrier,
    )
    gated = []  # every kind between the two ends: gates, but no memory line (GRU, MGU)
    for name, run in w.runs.items():
        kind = run.net.kind
        if kind.memory or not kind.keep_bias:
            continue
        span, _ = _span(run.reach.dx, run.reach.overflow[0], run.reach.underflow[0])
        gate, sign = kind.keep_bias
        g = run.trace.layers[-1].gate(gate)
        geo = f"{geometric_mean(g if sign > 0 else 1 - g):.3f}"  # the share of h_{t−1} kept
        gated.append(tx(f"why_explain_{name}", **{f"{name}_span": span}, zgeo=geo, keepgeo=geo))
    gru_text = "\n\n".join(gated)
    path = ""
    if np.isfinite(gap):
        where = tx("why_above" if gap >= 0 else "why_below")
        path = "\n\n" + tx("why_path_gap", gap=f"{abs(gap):.1f}", where=where, H=f.shape[1])
    return rnn_text + "\n\n" + lstm_text + path + "\n\n" + gru_text
