"""One step of an LSTM cell and of a plain RNN cell, written as the maths reads.

Notation (ARCHITECTURE.md, the article's symbols): input x_t (D,), previous output h_{t-1} (H,), previous
memory C_{t-1} (H,). PyTorch's layout: W_ih (4H, D), W_hh (4H, H), b_ih, b_hh
(4H,), rows in gate order i, f, g, o.

    i_t = σ(W_ii·x_t + W_hi·h_{t-1} + b_i)        input gate
    f_t = σ(W_if·x_t + W_hf·h_{t-1} + b_f)        forget gate
    g_t = tanh(W_ig·x_t + W_hg·h_{t-1} + b_g)     candidate C̃_t
    o_t = σ(W_io·x_t + W_ho·h_{t-1} + b_o)        output gate
    C_t = f_t ⊙ C_{t-1} + i_t ⊙ g_t
    h_t = o_t ⊙ tanh(C_t)

Plain RNN (nn.RNN, tanh): h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh).

GRU (nn.GRU), rows r, z, n (reset gate, update gate, candidate):

    r_t = σ(W_ir·x_t + b_ir + W_hr·h_{t-1} + b_hr)
    z_t = σ(W_iz·x_t + b_iz + W_hz·h_{t-1} + b_hz)
    n_t = tanh(W_in·x_t + b_in + r_t ⊙ (W_hn·h_{t-1} + b_hn))
    h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}

MGU (minimal gated unit, Zhou et al. 2016; no PyTorch module), rows f, n:

    f_t = σ(W_if·x_t + b_if + W_hf·h_{t-1} + b_hf)
    n_t = tanh(W_in·x_t + b_in + W_hn·(f_t ⊙ h_{t-1}) + b_hn)
    h_t = (1 − f_t) ⊙ h_{t-1} + f_t ⊙ n_t

The idea and the order of the story come from zuotongbin's article on LSTMs
(cnblogs, 2019-04-12, CC BY-SA 4.0), whose LSTMCELL joins h_{t-1} and x_t into
one vector [h_{t-1}, x_t]; multiplying that by [W_hh | W_ih] is the same as the
two products above. These functions are the readable reference; ``layer.py``
runs the same maths fast over a whole sequence, and tests check they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GATES = ("i", "f", "g", "o")  # the LSTM's row order in W_ih, W_hh, b_ih, b_hh (see kinds.py for every kind)


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a) = 1 / (1 + e^{-a}), written as (1 + tanh(a/2)) / 2.

    The tanh form never overflows (e^{-a} does for a < -709) and so never
    warns, at any finite a.
    """
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(a, dtype=np.float64)))


@dataclass(frozen=True)
class LayerParams:
    """One layer's weights in PyTorch's layout (G = 4 for LSTM, 3 for GRU, 1 for RNN)."""

    W_ih: np.ndarray  # (G·H, D_in)
    W_hh: np.ndarray  # (G·H, H)
    b_ih: np.ndarray  # (G·H,)
    b_hh: np.ndarray  # (G·H,)

    @property
    def hidden_size(self) -> int:
        return self.W_hh.shape[1]

    @property
    def input_size(self) -> int:
        return self.W_ih.shape[1]

    def block_rows(self, k: int) -> slice:
        """The rows of W_ih, W_hh, b_ih, b_hh of block ``k`` (a kind's ``block(name)``)."""
        H = self.hidden_size
        return slice(k * H, (k + 1) * H)


@dataclass(frozen=True)
class LSTMStep:
    """Everything one LSTM step computes; each array is (H,)."""

    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    o: np.ndarray
    c: np.ndarray
    h: np.ndarray


def lstm_step(x_t: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, p: LayerParams) -> LSTMStep:
    """One LSTM step: (x_t, h_{t-1}, C_{t-1}) -> gates, C_t, h_t."""
    a = p.W_ih @ x_t + p.b_ih + p.W_hh @ h_prev + p.b_hh  # (4H,)
    a_i, a_f, a_g, a_o = np.split(a, 4)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c = f * c_prev + i * g  # keep some old memory, write some new
    h = o * np.tanh(c)  # show some of the memory
    return LSTMStep(i=i, f=f, g=g, o=o, c=c, h=h)


def rnn_step(x_t: np.ndarray, h_prev: np.ndarray, p: LayerParams) -> np.ndarray:
    """One plain RNN step: h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh)."""
    return np.tanh(p.W_ih @ x_t + p.b_ih + p.W_hh @ h_prev + p.b_hh)


@dataclass(frozen=True)
class GRUStep:
    """Everything one GRU step computes; each array is (H,)."""

    r: np.ndarray
    z: np.ndarray
    n: np.ndarray
    h: np.ndarray


def gru_step(x_t: np.ndarray, h_prev: np.ndarray, p: LayerParams) -> GRUStep:
    """One GRU step: (x_t, h_{t-1}) -> r, z, n, h_t (PyTorch's nn.GRU)."""
    gi = p.W_ih @ x_t + p.b_ih  # (3H,)
    gh = p.W_hh @ h_prev + p.b_hh
    (i_r, i_z, i_n), (h_r, h_z, h_n) = np.split(gi, 3), np.split(gh, 3)
    r = sigmoid(i_r + h_r)  # how much of h_{t-1} the candidate reads
    z = sigmoid(i_z + h_z)  # how much of h_{t-1} is kept as it is
    n = np.tanh(i_n + r * h_n)
    h = (1 - z) * n + z * h_prev
    return GRUStep(r=r, z=z, n=n, h=h)


@dataclass(frozen=True)
class MGUStep:
    """Everything one MGU step computes; each array is (H,)."""

    f: np.ndarray
    n: np.ndarray
    h: np.ndarray


def mgu_step(x_t: np.ndarray, h_prev: np.ndarray, p: LayerParams) -> MGUStep:
    """One MGU step: (x_t, h_{t-1}) -> f, n, h_t."""
    H = p.hidden_size
    W_hf, W_hn = p.W_hh[:H], p.W_hh[H:]
    f = sigmoid(p.W_ih[:H] @ x_t + p.b_ih[:H] + W_hf @ h_prev + p.b_hh[:H])  # forget / write gate
    n = np.tanh(p.W_ih[H:] @ x_t + p.b_ih[H:] + W_hn @ (f * h_prev) + p.b_hh[H:])  # reads f ⊙ h_{t-1}
    h = (1 - f) * h_prev + f * n
    return MGUStep(f=f, n=n, h=h)
