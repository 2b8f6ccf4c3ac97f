"""What a run produced: every input, gate, memory and output, per layer and step.

A ``Trace`` is plain data (frozen dataclasses over read-only NumPy arrays).
Arrays are (T, ·) for one sequence, or (B, T, ·) for a batch. Timesteps are
0-based here; the app shows them 1-based (t = 1 … T).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .cell import LayerParams
from .kinds import KINDS_BY_NAME, Kind

# every name a layer's series may have, over all kinds: absent ones read as None
SERIES = frozenset(name for k in KINDS_BY_NAME.values() for name in k.series)


@dataclass(frozen=True, eq=False)
class LayerTrace:
    """One layer's run. H = hidden size, D = this layer's input size.

    Each of the kind's gates is an attribute, (T, H): ``lt.f`` of an LSTM,
    ``lt.r`` / ``lt.z`` / ``lt.n`` of a GRU; a name the kind does not have
    reads as None (a plain RNN's ``lt.f``, a GRU's ``lt.c``). ``pre``, ``ih``,
    ``hh`` are (T, G·H) in the kind's block order and ``bias`` = b_ih + b_hh
    (G·H,).
    """

    cell: str
    params: LayerParams
    x: np.ndarray  # (T, D) x_t as this layer sees it (layer k>0: h_t of layer k-1)
    h_prev: np.ndarray  # (T, H) h_{t-1}
    c_prev: np.ndarray | None  # (T, H) C_{t-1}, with a memory line
    ih: np.ndarray  # (T, GH) W_ih·x_t
    hh: np.ndarray  # (T, GH) W_hh·h_{t-1}
    bias: np.ndarray  # (GH,) b_ih + b_hh
    pre: np.ndarray  # (T, GH) what goes into σ or tanh (GRU n: W_in·x + b_in + r ⊙ (W_hn·h + b_hn))
    acts: Mapping[str, np.ndarray]  # the kind's gates by name, each (T, H)
    c: np.ndarray | None  # C_t, with a memory line
    h: np.ndarray  # h_t
    forced: np.ndarray | None  # (T, GH) bool, True where an override set the gate

    def __getattr__(self, name: str) -> np.ndarray | None:
        # only reached when normal lookup fails: the gates, by name
        if name in SERIES and "acts" in self.__dict__:
            return self.__dict__["acts"].get(name)
        raise AttributeError(name)

    @property
    def kind(self) -> Kind:
        return KINDS_BY_NAME[self.cell]

    @property
    def hidden_size(self) -> int:
        return self.h.shape[-1]

    @cached_property
    def kept(self) -> np.ndarray | None:
        """What the step keeps of the old state (LSTM f_t ⊙ C_{t-1}, GRU z_t ⊙ h_{t-1}, MGU
        (1 − f_t) ⊙ h_{t-1}), (T, H); None for a plain RNN, which keeps nothing."""
        return freeze(self.kind.kept(self)) if self.kind.kept else None

    @cached_property
    def written(self) -> np.ndarray | None:
        """What the step writes into the state (LSTM i_t ⊙ g_t, GRU (1 − z_t) ⊙ n_t, MGU f_t ⊙ n_t),
        (T, H); the state is kept + written."""
        return freeze(self.kind.written(self)) if self.kind.written else None

    @cached_property
    def tanh_c(self) -> np.ndarray:
        """tanh(C_t): the memory squashed to −1 … 1 before the output gate, (T, H)."""
        return freeze(np.tanh(self.c))

    @cached_property
    def reset_h(self) -> np.ndarray:
        """GRU: r_t ⊙ (W_hn·h_{t-1} + b_hn), the part of h_{t-1} the candidate reads, (T, H)."""
        H = self.hidden_size
        return freeze(self.r * (self.hh[..., 2 * H :] + self.params.b_hh[2 * H :]))

    @property
    def steps(self) -> int:
        return self.h.shape[-2]

    def gate(self, name: str) -> np.ndarray:
        """The (T, H) array of gate ``name`` (one of the kind's gates), or of c / h."""
        return getattr(self, name)

    def rows(self, name: str) -> slice:
        """The rows of W_ih, W_hh, b_ih, b_hh (and columns of pre, ih, hh) of block ``name``."""
        return self.params.block_rows(self.kind.block(name))

    def gate_terms(self, name: str) -> dict[str, np.ndarray]:
        """The parts of block ``name``'s pre-activation, each (T, H) (biases (H,)).

        ``ih`` = W_i·x_t, ``hh`` = W_h·h_{t-1}, ``b_ih``, ``b_hh``, ``bias`` = their
        sum, ``pre`` = what goes into σ or tanh. For a plain RNN use name "h".
        """
        rows = self.rows(name)
        return {
            "ih": self.ih[..., rows],
            "hh": self.hh[..., rows],
            "b_ih": self.params.b_ih[rows],
            "b_hh": self.params.b_hh[rows],
            "bias": self.bias[rows],
            "pre": self.pre[..., rows],
        }

    def forced_mask(self, name: str) -> np.ndarray:
        """(T, H) bool: where gate ``name`` was forced by an override."""
        if self.forced is None or name not in self.kind.gates:
            return np.zeros(self.h.shape[-2:], dtype=bool)
        return self.forced[:, self.rows(name)]

    def contributions(self, name: str, t: int, unit: int) -> dict[str, np.ndarray]:
        """Per-input products for one unit's pre-activation at step t (0-based).

        ``x``: W[unit, j]·x_t[j] for each input j (D,); ``h``: W_hh[unit, j]·h_{t-1}[j]
        (H,); their sums are ``ih`` and ``hh`` of ``gate_terms``.
        """
        r = self.rows(name).start + unit
        if self.x.ndim != 2:
            raise ValueError("contributions() works on a single-sequence trace, not a batch.")
        reads = self.kind.reads(self.h_prev, self.gate) if self.kind.reads else None
        h_read = reads[self.kind.block(name)] if reads else self.h_prev  # MGU's n reads f ⊙ h_{t-1}
        return {
            "x": self.params.W_ih[r] * self.x[t],
            "h": self.params.W_hh[r] * h_read[t],
        }


@dataclass(frozen=True, eq=False)
class Trace:
    """A whole run: the input and one ``LayerTrace`` per layer, bottom first."""

    cell: str
    x: np.ndarray  # (T, D_in) or (B, T, D_in)
    layers: tuple[LayerTrace, ...]

    @property
    def kind(self) -> Kind:
        return KINDS_BY_NAME[self.cell]

    @property
    def steps(self) -> int:
        return self.x.shape[-2]

    @property
    def output(self) -> np.ndarray:
        """h_t of the top layer, (T, H_top)."""
        return self.layers[-1].h


def freeze(a: np.ndarray | None) -> np.ndarray | None:
    """Mark an array read-only so no one can change a trace after the fact."""
    if a is not None:
        a.setflags(write=False)
    return a
