"""What a cell kind is, as data: one ``Kind`` per kind, in ``KINDS_BY_NAME``.

A kind names its weight blocks (the rows of W_ih, W_hh, b_ih, b_hh, in
PyTorch's order), which of them are gates (σ, 0…1) and which candidates
(tanh, −1…1), whether it has a memory line C, its forward and backward
passes over a sequence (``layer.py``), and its PyTorch and Keras file
layouts. Everything else in the engine asks the kind; nothing tests a name.
The words (gate names in English and 中文) live in the app's string table
under ``gate_name_<block>``, and the drawing (diagram wiring, equations) in
``viz/kinds.py``: the engine never knows it is shown.

Adding a kind is a ``Kind`` here plus its maths in ``layer.py`` (see the README).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import layer as L
from .errors import GateLabError


@dataclass(frozen=True)
class Kind:
    name: str  # "lstm", "gru", "rnn", "mgu": the ``cell`` of a Network and of a link
    blocks: tuple[str, ...]  # row blocks of the weights, PyTorch's order
    squash: tuple[str, ...]  # per block: "sigmoid" (a gate, 0…1) or "tanh" (a value, −1…1)
    memory: bool  # has a memory line C besides h
    code: int  # in the compact link form (layouts.encode); never reuse one
    forward: Callable  # (x, params, h0, c0, forced, forced_value) -> LayerRun
    backward: Callable  # (run, params, dH) -> (dA_ih, dA_hh, dh0, dc0 | None)
    torch_class: str  # the PyTorch module whose state_dict loads as it is ("": none exists)
    keras_class: str  # the Keras layer whose weights load ("": none exists)
    keras_blocks: tuple[str, ...]  # Keras's block order in kernel / recurrent_kernel / bias
    keras_biases: int  # bias rows in a Keras file: 1 (b_hh = 0) or 2 (GRU reset_after: b_ih, b_hh)
    # what the step keeps of the old state and what it writes, from a layer's trace (None: a plain
    # RNN keeps nothing); the state moves as kept + written (C of an LSTM, h otherwise)
    kept: Callable | None = None  # (lt) -> (T, H)
    written: Callable | None = None  # (lt) -> (T, H)
    # what each block of W_hh multiplies, (h_{t-1}, gate(name)) -> one array per block; None: h_{t-1}
    reads: Callable | None = None
    questions: tuple[str, ...] = ("state_dir", "h_flip")  # step questions that apply (lstm_core.questions)
    code_order: bool = False  # the article's LSTMCELL loop applies (its (h, C) order question)
    ask_order: tuple[str, ...] = ()  # the σ gates "above or below ½?" asks about in turn (): block order
    # the gate whose bias makes it keep the old state, and the sign that means "keep" (the Why page
    # gives every gated kind the same forget bias): LSTM f, GRU z, MGU −f (it keeps 1 − f)
    keep_bias: tuple[str, float] | None = None

    @property
    def G(self) -> int:
        """Blocks per layer: W_ih is (G·H, D)."""
        return len(self.blocks)

    @property
    def gates(self) -> tuple[str, ...]:
        """The blocks a student sees as gates and candidates (a plain RNN has none: its one block is h)."""
        return () if self.blocks == ("h",) else self.blocks

    @property
    def sigmoids(self) -> tuple[str, ...]:
        """The σ gates (0…1) alone, without the tanh candidate, in block order: LSTM i f o, GRU r z."""
        return tuple(b for b, sq in zip(self.blocks, self.squash, strict=True) if sq == "sigmoid")

    @property
    def states(self) -> tuple[str, ...]:
        """What a step carries to the next: C and h with a memory line, else h alone."""
        return ("c",) * self.memory + ("h",)

    @property
    def series(self) -> tuple[str, ...]:
        """Every per-step (T, H) array of a layer's trace, in the order the pages list them."""
        return self.gates + self.states

    @property
    def candidate(self) -> str:
        """The tanh block: what is written (LSTM g, GRU n, RNN h). Its W_hh block is the recurrence."""
        return self.blocks[self.squash.index("tanh")]

    @property
    def asked_gates(self) -> tuple[str, ...]:
        """The σ gates a gate_half question asks about, in turn."""
        return self.ask_order or self.sigmoids

    def block(self, name: str) -> int:
        return self.blocks.index(name)

    def bounds(self, gate: str) -> tuple[float, float]:
        """The range a gate's value lives in: what an override may force it to."""
        return (0.0, 1.0) if self.squash[self.block(gate)] == "sigmoid" else (-1.0, 1.0)


KINDS_BY_NAME: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "lstm",
            ("i", "f", "g", "o"),
            ("sigmoid", "sigmoid", "tanh", "sigmoid"),
            True,
            0,
            L.lstm_forward,
            L.lstm_backward_grads,
            "nn.LSTM",
            "LSTM",
            ("i", "f", "g", "o"),
            1,
            kept=lambda lt: lt.f * lt.c_prev,
            written=lambda lt: lt.i * lt.g,
            questions=("state_dir", "gate_half", "write_sign", "most_closed", "h_flip"),
            code_order=True,
            ask_order=("f", "o", "i"),
            keep_bias=("f", 1.0),
        ),
        Kind(
            "gru",
            ("r", "z", "n"),
            ("sigmoid", "sigmoid", "tanh"),
            False,
            2,
            L.gru_forward,
            L.gru_backward,
            "nn.GRU",
            "GRU (reset_after=True)",
            ("z", "r", "n"),
            2,
            kept=lambda lt: lt.z * lt.h_prev,
            written=lambda lt: (1 - lt.z) * lt.n,
            questions=("state_dir", "gate_half", "most_closed", "h_flip"),  # (1−z)·n is no signed write
            ask_order=("z", "r"),
            keep_bias=("z", 1.0),
        ),
        Kind(
            "rnn",
            ("h",),
            ("tanh",),
            False,
            1,
            L.rnn_forward,
            L.rnn_backward_grads,
            "nn.RNN",
            "SimpleRNN",
            ("h",),
            1,
        ),
        Kind(  # the minimal gated unit (Zhou et al. 2016): one gate f does a GRU's r and z
            "mgu",
            ("f", "n"),
            ("sigmoid", "tanh"),
            False,
            3,
            L.mgu_forward,
            L.mgu_backward,
            "",  # no PyTorch module: checked against finite differences only
            "",
            ("f", "n"),
            1,
            kept=lambda lt: (1 - lt.f) * lt.h_prev,
            written=lambda lt: lt.f * lt.n,
            reads=L.mgu_reads,
            questions=("state_dir", "gate_half", "h_flip"),
            keep_bias=("f", -1.0),
        ),
    )
}
CELLS = {name: k.G for name, k in KINDS_BY_NAME.items()}  # blocks per layer, by kind
ALL_BLOCKS = tuple(dict.fromkeys(b for k in KINDS_BY_NAME.values() for b in k.blocks))  # i f g o r z n h


def kind_of(cell: str) -> Kind:
    if cell not in KINDS_BY_NAME:
        names = ", ".join(repr(n) for n in KINDS_BY_NAME)
        raise GateLabError(
            f"Cell kind is {cell!r}; expected one of {names}.", "cell_kind", cell=cell, names=names
        )
    return KINDS_BY_NAME[cell]
