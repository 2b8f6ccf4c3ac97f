"""One step of an LSTM cell and of a plain RNN cell, written as the maths reads.

Notation (DESIGN.md): input x_t (D,), previous output h_{t-1} (H,), previous
memory C_{t-1} (H,). PyTorch's layout: W_ih (4H, D), W_hh (4H, H), b_ih, b_hh
(4H,), rows in gate order i, f, g, o.

    i_t = σ(W_ii·x_t + W_hi·h_{t-1} + b_i)        input gate
    f_t = σ(W_if·x_t + W_hf·h_{t-1} + b_f)        forget gate
    g_t = tanh(W_ig·x_t + W_hg·h_{t-1} + b_g)     candidate C̃_t
    o_t = σ(W_io·x_t + W_ho·h_{t-1} + b_o)        output gate
    C_t = f_t ⊙ C_{t-1} + i_t ⊙ g_t
    h_t = o_t ⊙ tanh(C_t)

Plain RNN (nn.RNN, tanh): h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh).

The idea and the order of the story come from zuotongbin's article on LSTMs
(cnblogs, 2019-04-12, CC BY-SA 4.0), whose LSTMCELL joins h_{t-1} and x_t into
one vector [h_{t-1}, x_t]; multiplying that by [W_hh | W_ih] is the same as the
two products above. These functions are the readable reference; ``layer.py``
runs the same maths fast over a whole sequence, and tests check they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GATES = ("i", "f", "g", "o")  # PyTorch's row order in W_ih, W_hh, b_ih, b_hh


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a) = 1 / (1 + e^{-a}), written as (1 + tanh(a/2)) / 2.

    The tanh form never overflows (e^{-a} does for a < -709) and so never
    warns, at any finite a.
    """
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(a, dtype=np.float64)))


@dataclass(frozen=True)
class LayerParams:
    """One layer's weights in PyTorch's layout (G = 4 for LSTM, 1 for RNN)."""

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

    def rows(self, gate: str) -> slice:
        """The rows of W_ih, W_hh, b_ih, b_hh that belong to ``gate``."""
        H = self.hidden_size
        k = GATES.index(gate)
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
