"""Predict, then reveal: the student commits to an answer before the step is shown.

A question (``lstm_core.questions``) is asked about the step after the one on
screen; the stepper may not go past the step on screen until the student
commits (``limit``). Committing scores the answer, moves the step to the one
asked about and explains the answer from that step's own numbers. The Cell
page asks in turn every kind of question the model's cells allow; a lesson
chapter asks its own. The score is the session's, over every page.

Widget keys: ``predict_mode`` (the Cell page's toggle), ``predict_choice``,
``predict_commit``, ``predict_next``, ``predict_restart``; the score's
container is ``predict_score``.

In a live class (``ui.stepper.owner``) nobody has a question of their own: the teacher's page keeps the
question about the step after the one on screen for *Ask the class* (``CLASS_Q``), never locking
the teacher's stepper; a following student answers the class's question in the class's bar.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lstm_core import kind_of
from lstm_core.questions import SAME, STEP_QUESTIONS, Question, ask, askable, step_kinds
from lstm_core.trace import LayerTrace
from ui.shell import state
from ui.shell.i18n import tx
from ui.shell.page import Context
from ui.stepper import owner
from ui.stepper.steps import CLASS_Q, clamp, mode, move
from viz.style import num

PENDING = "_predict_pending"  # {"key": what the question is about, "q": Question}
LAST = "_predict_last"  # {"key": …, "q": Question, "choice": option id}: the answer revealed
SCORE = "_predict_score"  # [right, asked], over the session
CLASS_SHOWN = "_class_question"  # the class's question as this session last saw it (ui/teach/classroom.py)
CHOICE = "predict_choice"
MODE = "predict_mode"


def score() -> tuple[int, int]:
    right, asked = st.session_state.get(SCORE, (0, 0))
    return int(right), int(asked)


def _score_line() -> None:
    right, asked = score()
    with st.container(key="predict_score"):
        st.caption(tx("predict_score", right=right, asked=asked) if asked else tx("predict_score_none"))


def _commit(key: tuple) -> None:
    ss = st.session_state
    pending, choice = ss.get(PENDING), ss.get(CHOICE)
    if not pending or pending["key"] != key or choice is None:
        return
    q: Question = pending["q"]
    right, asked = score()
    ss[SCORE] = (right + q.right(choice), asked + 1)
    ss[LAST] = {"key": key, "q": q, "choice": choice}
    ss.pop(PENDING, None)
    ss[CHOICE] = None
    if q.step >= 0:
        move(q.step, owner.QUESTION)  # reveal: the server moves the stepper to the step asked about


def _next() -> None:
    st.session_state.pop(LAST, None)
    st.session_state[CHOICE] = None


def _again(change: Callable[[], None] | None) -> None:
    if change is not None:
        change()
    _next()


def _restart() -> None:
    move(0, owner.PRESET)
    _next()


def _fmt(v: float, signed: bool = False) -> str:
    """A number of the explanation: one decimal more than the page shows (at least 3), so that the
    differences it quotes add up on screen."""
    text = num(v, max(int(state.get("digits")), 2) + 1)
    return "+" + text if signed and text[0] != "−" and text.strip("0.") else text


def _sci(v: float) -> str:
    """6.3e-04 as a reader writes it: 6.3 × 10⁻⁴."""
    mantissa, exponent = f"{v:.1e}".split("e")
    sup = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
    return f"{mantissa} × 10{str(int(exponent)).translate(sup)}"


def _fmt_near(v: float, edge: float) -> str:
    """A signed change beside the threshold ``edge`` it is judged by: with more decimals where the usual
    ones would show it equal to ±edge (−0.00509 is "−0.0051", not "−0.005", against ±0.005)."""
    digits = max(int(state.get("digits")), 2) + 1
    while digits < 8 and abs(abs(round(v, digits)) - edge) < 0.5 * 10**-digits and abs(v) != edge:
        digits += 1
    text = num(v, digits)
    return "+" + text if text[0] != "−" and text.strip("0.") else text


def option_label(q: Question, option: str) -> str:
    if q.kind == "most_closed":
        return tx(f"gate_name_{option}")
    if q.kind == "decide":
        T = q.values["T"]
        return tx(f"opt_decide_{option}", a=(int(option[1]) - 1) * T // 4 + 1, b=int(option[1]) * T // 4)
    return tx(f"opt_{q.kind}_{option}")


def question_text(q: Question, cell: str = "", unit: int = 0, layer: int = 0, layers: int = 1) -> str:
    """The question, in words: which step, unit (and layer, in a stack) it is about."""
    u = str(unit + 1) if layers == 1 else tx("unit_in_layer", u=unit + 1, k=layer + 1)
    where = dict(t=q.step + 1, u=u)
    if q.kind == "state_dir":
        return tx("q_state_dir_" + kind_of(cell).states[0] if cell else "q_state_dir_h", **where)
    if q.kind == "gate_half":
        return tx("q_gate_half", gate=tx(f"q_gate_{q.gate}"), **where)
    if q.kind in ("grad_below", "decide"):
        return tx(f"q_{q.kind}", T=q.values["T"])
    return tx(f"q_{q.kind}", **where)


def explanation(q: Question, cell: str) -> str:
    """Why the answer is what it is, from the numbers of the step (or series) asked about; a step's
    numbers carry one decimal more than the page, and the explanation says so."""
    body = _explanation(q, cell)
    if q.kind in (*STEP_QUESTIONS, "code_order"):
        body += ("" if body.endswith("）") else " ") + tx("predict_digits_note")  # （…）（…）: no space
    return body


def _explanation(q: Question, cell: str) -> str:
    v = {k: (_fmt(x) if isinstance(x, float) else x) for k, x in q.values.items()}
    if q.kind == "state_dir":
        v["delta"] = _fmt_near(q.values["delta"], SAME)
        v["same"] = f"{SAME:g}"
        if "lost" in v and v["lost"].startswith("−"):  # a subtraction of a negative amount: in parentheses
            v["lost_term"] = f"({v['lost']})"
        else:
            v["lost_term"] = v.get("lost", "")
        return tx(f"why_state_dir_{cell}", **v)
    if q.kind == "h_flip":  # why the sign changes, or not, is the kind's own maths
        return tx(f"why_h_flip_{cell}", **v)
    if q.kind == "gate_half":
        return tx("why_gate_half", gate=q.gate, **v)
    if q.kind == "most_closed":
        listed = ", ".join(f"{g} = {v[g]}" for g in q.options)
        return tx("why_most_closed", listed=listed, gate=q.answer)
    if q.kind == "grad_below":
        if q.values["back"] is None:
            return tx("why_grad_below_never", T=q.values["T"])
        return tx(
            "why_grad_below",
            back=q.values["back"],
            t=q.values["t"],
            T=q.values["T"],
            value=_sci(q.values["value"]),
        )
    if q.kind == "decide":
        pc = {k: f"{100 * x:.0f}" for k, x in q.values.items() if k in ("p", "p_at", "p_before", "other")}
        return tx(
            "why_decide" if "other" in pc else "why_decide_first", t=q.values["t"], T=q.values["T"], **pc
        )
    return tx(f"why_{q.kind}", **v)


def _ask_form(key: tuple, q: Question, text: str) -> None:
    if st.session_state.get(CHOICE) not in q.options:  # a choice made for another question
        st.session_state[CHOICE] = None
    st.markdown(f"**{tx('predict_header')}** {text}")
    choice = st.radio(
        tx("predict_choose"),
        q.options,
        index=None,
        format_func=lambda o: option_label(q, o),
        key=CHOICE,
        horizontal=True,
    )
    st.button(
        tx("predict_commit"),
        key="predict_commit",
        type="primary",
        disabled=choice is None,
        on_click=_commit,
        args=(key,),
        icon=":material/lock:",
    )


def _reveal(last: dict, text: str, cell: str) -> None:
    q: Question = last["q"]
    st.markdown(f"**{tx('predict_header')}** {text}")
    said = option_label(q, last["choice"])
    body = explanation(q, cell)
    if q.right(last["choice"]):
        st.success(tx("predict_right", said=said) + "\n\n" + body, icon="✅")
    else:
        st.error(tx("predict_wrong", said=said, answer=option_label(q, q.answer)) + "\n\n" + body, icon="💡")


def step_question(ctx: Context, fixed: tuple[str, str] | None = None) -> int | None:
    """The question about the step after the one on screen, for the page's layer and unit, or its
    answer once revealed. ``fixed``: (kind, gate) to ask every time (a lesson chapter); else every
    kind this cell allows, in turn. Returns the last step the stepper may show (None: any)."""
    ss = st.session_state
    lt = ctx.result.trace.layers[ctx.layer]
    T, u, layers = lt.h.shape[0], ctx.unit, len(ctx.result.trace.layers)
    key = (ctx.cfg, ctx.layer, u, fixed)
    if not owner.own_question(mode()):  # a live class: the class's question, never a lock
        q = _new_question(lt, u, clamp(T) + 1, fixed) if mode() == owner.TEACHER else None
        ss[CLASS_Q] = {"key": key, "q": q} if q is not None else None
        return None
    with st.container(key="predict_panel", border=True):
        last = ss.get(LAST)
        if last and last["key"] == key:
            _reveal(last, question_text(last["q"], lt.cell, u, ctx.layer, layers), lt.cell)
            st.button(tx("predict_next"), key="predict_next", on_click=_next, icon=":material/arrow_forward:")
            _score_line()
            return None
        pending = ss.get(PENDING)
        if not pending or pending["key"] != key or pending["q"].step >= T:
            q = _new_question(lt, u, clamp(T) + 1, fixed)
            if q is None and T < 2:  # going back would ask nothing either
                st.info(tx("predict_one_step"), icon="ℹ️")
                return None
            if q is None:
                st.info(tx("predict_at_end"), icon="⏮️")
                st.button(tx("predict_restart"), key="predict_restart", on_click=_restart)
                _score_line()
                return None
            pending = ss[PENDING] = {"key": key, "q": q}
        q = pending["q"]
        _ask_form(key, q, question_text(q, lt.cell, u, ctx.layer, layers))
        _score_line()
        return q.step - 1


def _new_question(lt: LayerTrace, unit: int, first: int, fixed: tuple[str, str] | None) -> Question | None:
    """The next question from step ``first`` on (the first step where its kind can be asked)."""
    T = lt.h.shape[0]
    asked = score()[1]
    kinds = [fixed[0]] if fixed else list(step_kinds(lt))
    for step in range(max(first, 1), T):
        for n in range(len(kinds)):
            kind = kinds[(asked + n) % len(kinds)]
            if not askable(lt, kind, unit, step):
                continue
            gate = fixed[1] if fixed else ""
            if kind == "gate_half" and not gate:
                order = lt.kind.asked_gates  # gate_half asks about these in turn
                gate = order[(asked // len(kinds)) % len(order)]
            return ask(lt, kind, unit, step, gate)
    return None


def series_question(
    key: tuple, make: Callable[[], Question], cell: str, again: Callable[[], None] | None = None
) -> bool:
    """A question about a whole series (the lesson's gradient and classifier chapters).
    Returns True once it is answered: the caller then shows what it hid. ``again``: what "ask
    again" changes first (another series), if anything."""
    ss = st.session_state
    if not owner.own_question(mode()):  # a live class: shown once the class's question is revealed
        q = make()
        if mode() == owner.TEACHER:
            ss[CLASS_Q] = {"key": key, "q": q, "cell": cell}  # the kind the series question is about
        shown = ss.get(CLASS_SHOWN) or {}
        spec = shown.get("spec") or {}
        same = (spec.get("kind"), spec.get("step"), spec.get("answer")) == (q.kind, q.step, q.answer)
        return bool(shown.get("revealed")) and same
    with st.container(key="predict_panel", border=True):
        last = ss.get(LAST)
        if last and last["key"] == key:
            _reveal(last, question_text(last["q"]), cell)
            st.button(
                tx("predict_again"),
                key="predict_next",
                on_click=_again,
                args=(again,),
                icon=":material/replay:",
            )
            _score_line()
            return True
        pending = ss.get(PENDING)
        if not pending or pending["key"] != key:
            pending = ss[PENDING] = {"key": key, "q": make()}
        _ask_form(key, pending["q"], question_text(pending["q"]))
        _score_line()
        return False


def mode_toggle() -> bool:
    """The Cell page's switch: predict every step before it is shown."""
    return st.toggle(tx("predict_mode"), key=MODE, help=tx("predict_mode_help"))
