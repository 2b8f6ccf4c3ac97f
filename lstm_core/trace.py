"""What a run produced: every input, gate, memory and output, per layer and step.

A ``Trace`` is plain data (frozen dataclasses over read-only NumPy arrays).
Arrays are (T, ·) for one sequence, or (B, T, ·) for a batch. Timesteps are
0-based here; the app shows them 1-based (t = 1 … T).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .cell import GATES, LayerParams


@dataclass(frozen=True, eq=False)
class LayerTrace:
    """One layer's run. H = hidden size, D = this layer's input size.

    LSTM: i, f, g, o, c, h are (T, H); ``pre``, ``ih``, ``hh`` are (T, 4H) in
    gate order i, f, g, o and ``bias`` = b_ih + b_hh is (4H,). RNN: only h
    (and c_prev, i, f, g, o, c are None); ``pre`` etc. are (T, H).
    """

    cell: str
    params: LayerParams
    x: np.ndarray  # (T, D) x_t as this layer sees it (layer k>0: h_t of layer k-1)
    h_prev: np.ndarray  # (T, H) h_{t-1}
    c_prev: np.ndarray | None  # (T, H) C_{t-1}
    ih: np.ndarray  # (T, GH) W_ih·x_t
    hh: np.ndarray  # (T, GH) W_hh·h_{t-1}
    bias: np.ndarray  # (GH,) b_ih + b_hh
    pre: np.ndarray  # (T, GH) ih + hh + bias: what goes into σ or tanh
    i: np.ndarray | None
    f: np.ndarray | None
    g: np.ndarray | None  # candidate C̃_t
    o: np.ndarray | None
    c: np.ndarray | None  # C_t
    h: np.ndarray  # h_t
    forced: np.ndarray | None  # (T, GH) bool, True where an override set the gate

    @property
    def hidden_size(self) -> int:
        return self.h.shape[-1]

    @cached_property
    def kept(self) -> np.ndarray:
        """f_t ⊙ C_{t-1}: the part of the old memory that is kept, (T, H)."""
        return freeze(self.f * self.c_prev)

    @cached_property
    def written(self) -> np.ndarray:
        """i_t ⊙ g_t: what is written into the memory, (T, H)."""
        return freeze(self.i * self.g)

    @cached_property
    def tanh_c(self) -> np.ndarray:
        """tanh(C_t): the memory squashed to −1 … 1 before the output gate, (T, H)."""
        return freeze(np.tanh(self.c))

    @property
    def steps(self) -> int:
        return self.h.shape[-2]

    def gate(self, name: str) -> np.ndarray:
        """The (T, H) array of gate ``name`` in i, f, g, o, or of c / h."""
        return getattr(self, name)

    def gate_terms(self, name: str) -> dict[str, np.ndarray]:
        """The parts of gate ``name``'s pre-activation, each (T, H) (bias (H,)).

        ``ih`` = W_i·x_t, ``hh`` = W_h·h_{t-1}, ``bias`` = b_ih + b_hh,
        ``pre`` = their sum. For an RNN use name "h".
        """
        rows = self.params.rows(name) if self.cell == "lstm" else slice(None)
        return {
            "ih": self.ih[..., rows],
            "hh": self.hh[..., rows],
            "bias": self.bias[rows],
            "pre": self.pre[..., rows],
        }

    def forced_mask(self, name: str) -> np.ndarray:
        """(T, H) bool: where gate ``name`` was forced by an override."""
        if self.forced is None or self.cell != "lstm":
            return np.zeros(self.h.shape[-2:], dtype=bool)
        return self.forced[:, self.params.rows(name)]

    def contributions(self, name: str, t: int, unit: int) -> dict[str, np.ndarray]:
        """Per-input products for one unit's pre-activation at step t (0-based).

        ``x``: W[unit, j]·x_t[j] for each input j (D,); ``h``: W_hh[unit, j]·h_{t-1}[j]
        (H,); their sums are ``ih`` and ``hh`` of ``gate_terms``.
        """
        rows = self.params.rows(name) if self.cell == "lstm" else slice(None)
        r = rows.start + unit if rows.start is not None else unit
        if self.x.ndim != 2:
            raise ValueError("contributions() works on a single-sequence trace, not a batch.")
        return {
            "x": self.params.W_ih[r] * self.x[t],
            "h": self.params.W_hh[r] * self.h_prev[t],
        }


@dataclass(frozen=True, eq=False)
class Trace:
    """A whole run: the input and one ``LayerTrace`` per layer, bottom first."""

    cell: str
    x: np.ndarray  # (T, D_in) or (B, T, D_in)
    layers: tuple[LayerTrace, ...]

    @property
    def steps(self) -> int:
        return self.x.shape[-2]

    @property
    def output(self) -> np.ndarray:
        """h_t of the top layer, (T, H_top)."""
        return self.layers[-1].h

    def gates(self) -> tuple[str, ...]:
        return GATES if self.cell == "lstm" else ()


def freeze(a: np.ndarray | None) -> np.ndarray | None:
    """Mark an array read-only so no one can change a trace after the fact."""
    if a is not None:
        a.setflags(write=False)
    return a
