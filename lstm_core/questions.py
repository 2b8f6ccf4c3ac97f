"""Predict-then-reveal questions, answered from a run's own numbers.

A question asks about one step of one unit of one layer before the student
sees it; its answer and the numbers that explain it are read from the trace
(or, for the two lesson questions that are not about one step, from the
gradient curve or a classifier's probabilities over time). Nothing here is
written by hand: the same question gets a different answer on another model,
input or step. The words live in the app's string table under the kind's
name; the engine gives ids and numbers.

    state_dir     will the state go up, down or stay? (C of an LSTM, h otherwise)
    gate_half     is gate g above or below 0.5?
    most_closed   which gate is the most closed (the smallest)?
    h_flip        will h change sign? (asked only where h_{t−1} ≠ 0)
    write_sign    LSTM: will i ⊙ g add to C or take from it?
    code_order    the article's loop unpacks LSTMCELL's (h, C) as (c, h): which number lands in its ct?
    grad_below    how many steps back does ‖∂h_T/∂x_t‖ fall below 10⁻³?
    decide        in which quarter of the series does the classifier settle on its answer?
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .cell import lstm_step
from .kinds import Kind
from .trace import LayerTrace

STEP_QUESTIONS = ("state_dir", "gate_half", "most_closed", "h_flip", "write_sign")  # about one step

SAME = 0.005  # |Δ| below this reads as "stays about the same": it rounds to 0.00 on screen
GRAD_LEVEL = 1e-3
GRAD_BUCKETS = ((1, 5), (6, 20), (21, 50))  # steps back; then "more than 50, or never"


@dataclass(frozen=True)
class Question:
    kind: str  # one of the kinds above
    step: int  # 0-based step asked about (−1: the question is about the whole series)
    options: tuple[str, ...]  # option ids, shown in this order
    answer: str  # the right option id
    values: dict = field(default_factory=dict)  # the numbers the explanation quotes
    gate: str = ""  # gate_half: which gate

    def right(self, choice: str | None) -> bool:
        return choice == self.answer


def step_kinds(lt: LayerTrace) -> tuple[str, ...]:
    """The step questions a layer of this kind can be asked, in the order a class meets them."""
    return lt.kind.questions


def applies(kind: Kind, question: str, gate: str = "") -> bool:
    """Whether ``question`` (about ``gate``, if it names one) can be asked of a layer of ``kind``."""
    if question == "code_order":
        return kind.code_order
    if question in STEP_QUESTIONS and question not in kind.questions:
        return False
    return not gate or gate in kind.sigmoids


def askable(lt: LayerTrace, kind: str, unit: int, step: int) -> bool:
    """Whether ``kind`` makes sense here (h_flip needs an h_{t−1} with a sign)."""
    if kind == "code_order":
        return lt.kind.code_order
    if kind not in step_kinds(lt):
        return False
    if kind == "h_flip":
        return float(lt.h_prev[step, unit]) != 0.0
    return True


def ask(lt: LayerTrace, kind: str, unit: int, step: int, gate: str = "") -> Question:
    """The question ``kind`` about ``unit`` (0-based) at ``step`` (0-based), with its answer."""
    u, t = unit, step
    if not askable(lt, kind, u, t):
        raise ValueError(f"{kind} cannot be asked of a {lt.cell} layer here")
    if kind == "state_dir":
        name = lt.kind.states[0]  # what moves: C with a memory line, else h
        series, prev = lt.gate(name), getattr(lt, f"{name}_prev")
        before, after = float(prev[t, u]), float(series[t, u])
        d = after - before
        answer = "same" if abs(d) < SAME else ("up" if d > 0 else "down")
        values = dict(before=before, after=after, delta=d)
        if lt.kept is not None:
            values |= dict(kept=float(lt.kept[t, u]), written=float(lt.written[t, u]))
        values |= {g: float(lt.gate(g)[t, u]) for g in lt.kind.gates}  # what the explanation may quote
        rows = lt.rows(
            lt.kind.candidate
        )  # what goes into tanh (a plain RNN: hₜ = tanh(W_ih·xₜ + W_hh·hₜ₋₁ + b))
        values |= dict(ih=float(lt.ih[t, rows][u]), hh=float(lt.hh[t, rows][u]), b=float(lt.bias[rows][u]))
        values |= dict(pre=float(lt.pre[t, rows][u]))
        if lt.kind.memory:  # ΔC = i·g − (1 − f)·Cₜ₋₁: what the memory loses
            values |= dict(lost=float(lt.c_prev[t, u] - lt.kept[t, u]))
        return Question(kind, t, ("up", "down", "same"), answer, values)
    if kind == "gate_half":
        gate = gate or lt.kind.sigmoids[0]
        if gate not in lt.kind.sigmoids:
            raise ValueError(f"a {lt.cell} layer has no gate {gate!r}")
        v = float(getattr(lt, gate)[t, u])
        pre = float(lt.pre[t, lt.kind.block(gate) * lt.hidden_size + u])
        return Question(
            kind, t, ("above", "below"), "above" if v >= 0.5 else "below", dict(v=v, pre=pre), gate
        )
    if kind == "most_closed":
        gates = lt.kind.sigmoids
        vals = {g: float(getattr(lt, g)[t, u]) for g in gates}
        return Question(kind, t, gates, min(gates, key=vals.__getitem__), vals)
    if kind == "h_flip":
        before, after = float(lt.h_prev[t, u]), float(lt.h[t, u])
        values = dict(before=before, after=after)
        values |= {g: float(lt.gate(g)[t, u]) for g in lt.kind.gates}  # what the explanation may quote
        if lt.kind.memory:  # hₜ = o·tanh(Cₜ), o > 0: h has C's sign
            values |= dict(c_before=float(lt.c_prev[t, u]), c_after=float(lt.c[t, u]))
        if lt.kept is not None:  # h mixes the old h and the candidate
            values |= dict(kept=float(lt.kept[t, u]), written=float(lt.written[t, u]))
        values |= dict(pre=float(lt.pre[t, lt.rows(lt.kind.candidate)][u]))  # what goes into tanh
        return Question(kind, t, ("yes", "no"), "yes" if before * after < 0 else "no", values)
    if kind == "write_sign":
        w = float(lt.written[t, u])
        values = dict(i=float(lt.i[t, u]), g=float(lt.g[t, u]), written=w)
        return Question(kind, t, ("add", "take"), "add" if w >= 0 else "take", values)
    if kind == "code_order":
        ct, ht = article_loop(lt)
        values = dict(
            h=float(lt.h[t, u]), c=float(lt.c[t, u]), ct=float(ct[t, u]), ht=float(ht[t, u]), t=t + 1
        )
        return Question(kind, t, ("h", "c"), "h", values)
    raise ValueError(f"unknown question kind {kind!r}")


def article_loop(lt: LayerTrace) -> tuple[np.ndarray, np.ndarray]:
    """The article's own driver loop, run as written: ``ct, ht = LSTMCELL(ct, ht, input)`` with an
    LSTMCELL that returns ``(ht, Ct)``. Returns its variables ``ct`` and ``ht`` after every step, (T, H)
    each: its ``ct`` always holds an h, but from step 2 on an h of a run fed the swapped pair."""

    H = lt.hidden_size
    ct, ht = np.zeros(H), np.zeros(H)
    cts, hts = [], []
    for x_t in lt.x:
        out = lstm_step(x_t, ht, ct, lt.params)  # LSTMCELL(prev_ct=ct, prev_ht=ht, input)
        ct, ht = out.h, out.c  # the article's unpacking of `return ht, Ct`
        cts.append(ct)
        hts.append(ht)
    return np.array(cts), np.array(hts)


def steps_back_below(dx: np.ndarray, level: float = GRAD_LEVEL) -> int | None:
    """How many steps back from the last input ‖∂h_T/∂x_t‖ first falls below ``level`` (None: never).
    ``dx[t]`` is the gradient's size for input t (0-based); t = T−1 is 0 steps back."""
    T = len(dx)
    for back in range(T):
        v = dx[T - 1 - back]
        if np.isfinite(v) and v < level:
            return back
    return None


def ask_grad_below(dx: np.ndarray, level: float = GRAD_LEVEL) -> Question:
    """How far back a plain RNN can see: the bucket of steps back where its gradient falls below ``level``."""
    back = steps_back_below(dx, level)
    options = tuple(f"{lo}-{hi}" for lo, hi in GRAD_BUCKETS) + ("more",)
    answer = "more"
    if back is not None:
        for lo, hi in GRAD_BUCKETS:
            if lo <= max(back, 1) <= hi:
                answer = f"{lo}-{hi}"
    values = dict(back=back, T=len(dx), level=level)
    if back is not None:
        values |= dict(t=len(dx) - back, value=float(dx[len(dx) - 1 - back]))
    return Question("grad_below", -1, options, answer, values)


def settle_step(probs: np.ndarray) -> int:
    """The first step (0-based) from which the most likely class never changes again."""
    top = probs.argmax(axis=1)
    changed = np.flatnonzero(top != top[-1])
    return int(changed[-1]) + 1 if len(changed) else 0


def ask_decide(probs: np.ndarray) -> Question:
    """In which quarter of the series the classifier settles (probs: (T, K) over time)."""
    T = len(probs)
    s = settle_step(probs)
    quarter = min(4 * s // T, 3) + 1
    cls = int(probs[-1].argmax())
    values = dict(t=s + 1, T=T, cls=cls, p=float(probs[-1].max()), p_at=float(probs[s, cls]))
    if s > 0:  # the step before: another class was ahead
        values |= dict(p_before=float(probs[s - 1, cls]), other=float(probs[s - 1].max()))
    return Question("decide", -1, ("q1", "q2", "q3", "q4"), f"q{quarter}", values)
