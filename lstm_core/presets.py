"""Hand-designed teaching cells: each makes one idea visible when you step through it.

Every preset is a tiny network with large, round weights (±10 puts a gate
firmly at 0 or 1: σ(10) = 0.99995) and a suggested input. Its claim (what a
student should see) is asserted numerically in tests/unit/test_presets.py.

    memory    f ≈ 1, i opens only near x = 1: after the first impulse C never changes, whatever g is
    forget    f ≈ 0: C is only this step's write, C_t = i_t·g_t; it no longer depends on C_{t−1}
    latch     two units remember the sign of the last impulse until the next one
    counter   f ≈ 1, i ≈ 1: C adds up the input (an integrator)
    spike     h fires only when the input changes
    copy      a delay line: unit 2 repeats unit 1's output one step late, read through W_hh
    rnn_lstm  the memory cell on a long input, with a plain-RNN twin that forgets
    gru_hold  a GRU whose update gate is a latch: z ≈ 1 holds h, z ≈ 0 (an input above ½) rewrites it
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .network import Network

BIG = 10.0  # σ(±10) = 0.99995 / 0.00005: a gate firmly open or shut


@dataclass(frozen=True)
class Preset:
    name: str
    network: Network
    input: dict = field(
        default_factory=dict
    )  # suggested input: kind, length, amplitude, period, onset (1-based) | text
    twin: Network | None = None  # a network to compare with (rnn_lstm)


def _block(v: object, shape: tuple[int, int]) -> np.ndarray:
    """A scalar for every entry, one value per row (a column), or the full matrix."""
    return np.broadcast_to(np.asarray(v, dtype=float), shape)


def _lstm(H: int, D: int, **rows: tuple) -> Network:
    """An LSTM from per-gate (W_ih rows, W_hh rows, bias) given for i, f, g, o."""
    W_ih, W_hh, b = np.zeros((4 * H, D)), np.zeros((4 * H, H)), np.zeros(4 * H)
    for k, gate in enumerate("ifgo"):
        wi, wh, bias = rows.get(gate, (0.0, 0.0, 0.0))
        W_ih[k * H : (k + 1) * H] = _block(wi, (H, D))
        W_hh[k * H : (k + 1) * H] = _block(wh, (H, H))
        b[k * H : (k + 1) * H] = bias
    sd = {"weight_ih_l0": W_ih, "weight_hh_l0": W_hh, "bias_ih_l0": b, "bias_hh_l0": np.zeros(4 * H)}
    return Network.from_state_dict(sd, "lstm")


MEMORY_INPUT = ", ".join(["1"] + ["-0.5", "-1", "-0.5", "0"] * 8)[:-3]  # an impulse, then a wave in −1 … 0


def memory() -> Preset:
    # the input keeps moving after t = 1, so the candidate g = tanh(2x) is far from 0: only i ≈ 0 keeps C
    net = _lstm(1, 1, i=(2 * BIG, 0, -BIG), f=(0, 0, BIG), g=(2.0, 0, 0), o=(0, 0, BIG))
    return Preset("memory", net, dict(kind="typed", text=MEMORY_INPUT))


def forget() -> Preset:
    net = _lstm(1, 1, i=(0, 0, BIG), f=(0, 0, -BIG), g=(1.0, 0, 0), o=(0, 0, BIG))
    # white noise: successive inputs are unrelated, so C_t visibly does not depend on C_{t−1}
    return Preset("forget", net, dict(kind="noise", length=40, amplitude=1.0, period=20.0))


def latch() -> Preset:
    # unit 0 counts + impulses since the last −, unit 1 the other way round: h0 − h1 has the last sign
    net = _lstm(
        2,
        1,
        i=([[2 * BIG], [-2 * BIG]], 0, [-BIG, -BIG]),
        f=([[2 * BIG], [-2 * BIG]], 0, [BIG, BIG]),
        g=(0, 0, [BIG, BIG]),
        o=(0, 0, [BIG, BIG]),
    )
    text = "0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0"
    return Preset("latch", net, dict(kind="typed", text=text))


def counter() -> Preset:
    net = _lstm(1, 1, i=(0, 0, BIG), f=(0, 0, BIG), g=(0.5, 0, 0), o=(0, 0, BIG))
    return Preset("counter", net, dict(kind="square", length=60, amplitude=0.2, period=20.0))


def copy() -> Preset:
    # unit 1 writes tanh(x_t); unit 2 writes tanh(1.3·h1_{t−1}), h of unit 1 one step back, read through W_hh
    net = _lstm(
        2,
        1,
        i=(0, 0, [BIG, BIG]),
        f=(0, 0, [-BIG, -BIG]),
        g=([[1.0], [0.0]], [[0.0, 0.0], [1.3, 0.0]], 0),
        o=(0, 0, [BIG, BIG]),
    )
    return Preset("copy", net, dict(kind="square", length=40, amplitude=1.0, period=10.0))


def spike(k: float = 3.0) -> Preset:
    # unit 0 copies x (h0 ≈ α·x for x = ±1); unit 1 writes tanh(k·x_t − k·h0_{t−1}/α): zero while x holds still
    sig = 1 / (1 + np.exp(-BIG))
    c = sig * np.tanh(1.0) / (1 - (1 - sig))  # unit 0's steady memory for x = 1 (f = σ(−10) leaks a little)
    alpha = sig * np.tanh(c)
    net = _lstm(
        2,
        1,
        i=(0, 0, [BIG, BIG]),
        f=(0, 0, [-BIG, -BIG]),
        g=([[1.0], [k]], [[0.0, 0.0], [-k / alpha, 0.0]], 0),
        o=(0, 0, [BIG, BIG]),
    )
    return Preset("spike", net, dict(kind="square", length=60, amplitude=1.0, period=20.0))


def rnn_lstm() -> Preset:
    lstm = memory().network
    sd = {
        "weight_ih_l0": np.array([[2.0]]),
        "weight_hh_l0": np.array([[0.9]]),
        "bias_ih_l0": np.zeros(1),
        "bias_hh_l0": np.zeros(1),
    }
    twin = Network.from_state_dict(sd, "rnn")
    return Preset("rnn_lstm", lstm, dict(kind="impulse", length=200, amplitude=1.0, onset=1), twin)


GRU_HOLD_INPUT = "0, 0, 1, 0, 0, 0, 0.2, 0, 0, 0, 0.8, 0, 0, 0, 0, -0.4, 0, 0, 0.7, 0, 0, 0, 0, 0"


def gru_hold() -> Preset:
    # z = σ(2·BIG − 4·BIG·x): ≈ 1 (keep h) while x < ½, ≈ 0 (write n) above; n = tanh(1.5·x), and
    # W_hn = 0, so r does not matter here: the update gate alone decides what h holds
    H = 1
    W_ih = np.array([[0.0], [-4 * BIG], [1.5]])
    b_ih = np.array([0.0, 2 * BIG, 0.0])
    sd = {
        "weight_ih_l0": W_ih,
        "weight_hh_l0": np.zeros((3 * H, H)),
        "bias_ih_l0": b_ih,
        "bias_hh_l0": np.zeros(3 * H),
    }
    return Preset("gru_hold", Network.from_state_dict(sd, "gru"), dict(kind="typed", text=GRU_HOLD_INPUT))


PRESETS = {p.__name__: p for p in (memory, forget, latch, counter, spike, copy, rnn_lstm, gru_hold)}


def preset(name: str) -> Preset:
    if name not in PRESETS:
        raise ValueError(f"Unknown preset {name!r}; choose one of {', '.join(PRESETS)}.")
    return PRESETS[name]()
