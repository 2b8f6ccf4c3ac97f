"""The cached link between the settings and the engine.

``Config`` is small, frozen and hashable; ``run(cfg)`` builds the input and
the network and runs it once per configuration. Stepping through time only
indexes the cached trace. ``st.cache_resource`` (not ``cache_data``) because
the trace is immutable (read-only arrays) and can be shared as it is: no
pickled copy per rerun. The cache is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

import lstm_core
from lstm_core import GateOverride, Network, Trace, layouts
from lstm_core.reach import Reach, reach, recurrent_radius, with_spectral_radius

MAX_T = 500  # steps shown
MAX_D = 1024  # inputs per step
SHOW_LAYERS = 8  # imported, linked or trained models Gate Lab shows (the sidebar's random ones are smaller)
SHOW_H = 256


@dataclass(frozen=True)
class InputSpec:
    kind: str  # a generator kind, "typed" or "csv"
    length: int = 40
    amplitude: float = 1.0
    period: float = 20.0
    onset: int = 5  # 1-based, as shown
    seed: int = 0
    text: str = ""  # typed numbers or CSV text
    width: int = 1  # a generated signal's columns (a model that reads D numbers per step gets D)


@dataclass(frozen=True)
class Config:
    cell: str
    hidden: tuple[int, ...]
    seed: int
    scale: float
    forget_bias: float
    input: InputSpec
    weights: str | None = None  # custom weights (edited, preset, imported), lstm_core.layouts.encode form
    overrides: tuple[GateOverride, ...] = ()  # "what if" gate overrides


@dataclass(frozen=True, eq=False)
class Result:
    net: Network
    trace: Trace  # with the overrides, if any
    x: np.ndarray  # (T, D) the input as used
    names: tuple[str, ...]  # input column names
    truncated_from: int  # original length if the data was cut to MAX_T, else 0
    base: Trace | None = None  # the same run without the overrides (None when there are none)


def build_input(spec: InputSpec) -> tuple[np.ndarray, tuple[str, ...], int]:
    """(T, D) input, column names, original length if cut. Raises GateLabError."""
    if spec.kind == "typed":
        x, names = lstm_core.parse_numbers(spec.text), ("x",)
    elif spec.kind == "csv":
        x, names = lstm_core.parse_csv(spec.text, max_columns=MAX_D)
    else:
        onset = min(max(spec.onset - 1, 0), spec.length - 1)
        cols = [
            lstm_core.generate(spec.kind, spec.length, spec.amplitude, spec.period, spec.seed + j, onset)
            for j in range(spec.width)
        ]  # the same signal in every column (noise and walks: one seed each)
        x = np.hstack(cols)
        names = ("x",) if spec.width == 1 else tuple(f"x{j + 1}" for j in range(spec.width))
    cut = 0
    if len(x) > MAX_T:
        cut, x = len(x), x[:MAX_T]
    return x, names, cut


@st.cache_resource(max_entries=64, show_spinner=False)
def cached_input(spec: InputSpec) -> tuple[np.ndarray, tuple[str, ...], int]:
    """``build_input`` once per spec, shared by the view's check and the run (read-only array).
    A bad spec raises every time: Streamlit does not cache exceptions."""
    x, names, cut = build_input(spec)
    x.setflags(write=False)
    return x, names, cut


def network(cfg: Config, input_size: int) -> Network:
    """The model a configuration describes: its custom weights, or the seeded random ones."""
    if cfg.weights:
        return decode_network(cfg.weights)
    return Network.random(input_size, cfg.hidden, cfg.cell, cfg.seed, cfg.scale, cfg.forget_bias)


@st.cache_resource(max_entries=64, show_spinner=False)
def decode_network(text: str) -> Network:
    return layouts.decode(text)


@st.cache_resource(max_entries=64, show_spinner=False)
def run(cfg: Config) -> Result:
    """Input -> network -> trace, once per configuration."""
    x, names, cut = cached_input(cfg.input)
    net = network(cfg, x.shape[1])
    if not cfg.overrides:
        return Result(net, net.run(x), x, names, cut)
    return Result(net, net.run(x, overrides=cfg.overrides), x, names, cut, base=net.run(x))


@dataclass(frozen=True, eq=False)
class Why:
    """A plain RNN, a GRU and an LSTM of the same sizes on the same input."""

    x: np.ndarray
    rnn: Network
    lstm: Network
    rnn_trace: Trace
    lstm_trace: Trace
    rnn_reach: Reach
    lstm_reach: Reach
    rnn_rho: float  # ρ(W_hh) of the RNN's first layer, from numpy.linalg.eigvals
    lstm_rho: float  # ρ(W_hg) of the LSTM's first layer
    gru: Network
    gru_trace: Trace
    gru_reach: Reach
    gru_rho: float  # ρ(W_hn) of the GRU's first layer


@st.cache_resource(max_entries=32, show_spinner=False)
def why(cfg: Config, rho: float) -> Why:
    """All three networks with their recurrence rescaled to spectral radius ``rho``, and how far back each sees."""
    x, _, _ = cached_input(cfg.input)
    D = x.shape[1]
    rnn = with_spectral_radius(Network.random(D, cfg.hidden, "rnn", cfg.seed, cfg.scale), rho)
    lstm = with_spectral_radius(
        Network.random(D, cfg.hidden, "lstm", cfg.seed, cfg.scale, cfg.forget_bias), rho
    )
    gru = with_spectral_radius(Network.random(D, cfg.hidden, "gru", cfg.seed, cfg.scale), rho)
    if cfg.forget_bias is not None:  # the GRU's z plays the forget gate's part (z ≈ 1 keeps h): same bias
        gru = gru.with_bias("z", cfg.forget_bias)
    rt, lt, gt = rnn.run(x), lstm.run(x), gru.run(x)
    return Why(
        x,
        rnn,
        lstm,
        rt,
        lt,
        reach(rnn, rt),
        reach(lstm, lt),
        recurrent_radius(rnn),
        recurrent_radius(lstm),
        gru,
        gt,
        reach(gru, gt),
        recurrent_radius(gru),
    )


@st.cache_resource(max_entries=8, show_spinner=False)
def twin_outputs(cfg: Config) -> tuple[np.ndarray, np.ndarray]:
    """h_t of unit 1 for the rnn_lstm preset's LSTM and its plain-RNN twin, on this input."""
    from lstm_core.presets import preset

    p = preset("rnn_lstm")
    x, _, _ = cached_input(cfg.input)
    return p.network.run(x).output[:, 0], p.twin.run(x).output[:, 0]
