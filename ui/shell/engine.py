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
from lstm_core import KINDS_BY_NAME, GateOverride, Network, Trace, layouts
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


@dataclass(frozen=True)
class KindRun:
    """One kind's network on the Why page's input, and how far back it sees."""

    net: Network
    trace: Trace
    reach: Reach
    rho: float  # ρ of the first layer's recurrence matrix (W_hh of an RNN, the candidate's block otherwise)


@dataclass(frozen=True, eq=False)
class Why:
    """A network of every kind (the kind table's order), of the same sizes on the same input."""

    x: np.ndarray
    runs: dict[str, KindRun]  # kind name -> its run

    @property
    def reaches(self) -> dict[str, Reach]:
        """Every kind's reach, the plain RNN first and the LSTM last (the story's two ends)."""
        order = sorted(
            self.runs, key=lambda n: (self.runs[n].net.kind.gates != (), self.runs[n].net.kind.memory)
        )
        return {n: self.runs[n].reach for n in order}

    # the page's story compares its two ends, found by role in the kind table, never by name
    @property
    def plain(self) -> KindRun:
        """The kind without gates (the plain RNN): where the story starts."""
        return next(r for r in self.runs.values() if not r.net.kind.gates)

    @property
    def memory(self) -> KindRun:
        """The kind with a memory line besides h (the LSTM): where the story ends."""
        return next(r for r in self.runs.values() if r.net.kind.memory)


@st.cache_resource(max_entries=32, show_spinner=False)
def why(cfg: Config, rho: float) -> Why:
    """A network of every kind with its recurrence rescaled to spectral radius ``rho``, and how far
    back each sees. Every gated kind gets the same forget bias on the gate that keeps its state
    (the LSTM's f, the GRU's z, the MGU's 1 − f: ``Kind.keep_bias``)."""
    x, _, _ = cached_input(cfg.input)
    D = x.shape[1]
    runs = {}
    for name, kind in KINDS_BY_NAME.items():
        net = with_spectral_radius(Network.random(D, cfg.hidden, name, cfg.seed, cfg.scale), rho)
        if cfg.forget_bias is not None and kind.keep_bias:
            gate, sign = kind.keep_bias
            net = net.with_bias(gate, sign * cfg.forget_bias)
        tr = net.run(x)
        runs[name] = KindRun(net, tr, reach(net, tr), recurrent_radius(net))
    return Why(x, runs)


@st.cache_resource(max_entries=8, show_spinner=False)
def twin_outputs(cfg: Config) -> tuple[np.ndarray, np.ndarray]:
    """h_t of unit 1 for the rnn_lstm preset's LSTM and its plain-RNN twin, on this input."""
    from lstm_core.presets import preset

    p = preset("rnn_lstm")
    x, _, _ = cached_input(cfg.input)
    return p.network.run(x).output[:, 0], p.twin.run(x).output[:, 0]
