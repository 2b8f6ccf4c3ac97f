"""The lesson: the article's path in ten chapters, each a text, a live view set up for it, one
thing to do, one predict-then-reveal question and folded teacher notes.

A chapter is data: the fields it sets (through ``state.update``, so the sidebar shows and
changes the same model), the view it shows (the pages' own stepper and figures) and the
question it asks (``lstm_core.questions``, answered from the run on screen). Its words are
``lesson_<name>_{title,text,do,notes}`` in the string table. The chapter is in the link
(``/lesson?chapter=4``); opening a chapter sets its model up once, and the student's own
model is kept to go back to (``lesson_restore``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from lstm_core import classify, datasets, questions
from ui.shell import page, state, weights
from ui.shell.i18n import tx
from ui.shell.state import CHAPTERS, STEP

APPLIED = state.LESSON_APPLIED  # the chapter whose setup the session has (None: none yet)
OWN = "_lesson_own"  # the student's own fields, from before the lesson first changed them
SERIES = "_lesson_series"  # chapter 10: which test series the classifier reads

_BASE = {
    "input_kind": "sine",
    "seq_len": 40,
    "amplitude": 1.0,
    "period": 20.0,
    "onset": 5,
    "seed": 0,
    "weight_scale": 1.0,
    "forget_bias": 1.0,
    "num_layers": 1,
    "hidden_size": 4,
    "view_layer": 1,
    "view_unit": 1,
    STEP: 2,
}
_LSTM = _BASE | {"cell_kind": "lstm"}


@dataclass(frozen=True)
class Chapter:
    name: str  # its strings: lesson_<name>_title, _text, _do, _notes
    view: str  # "cell", "layers" (the stepper's views), "why" (the gradient chart), "classify"
    question: tuple[str, str]  # (kind, gate) of lstm_core.questions
    setup: dict = field(default_factory=dict)  # session fields it sets
    controls: tuple[str, ...] = ()  # sidebar fields its task names: on the page when the sidebar is hidden


LESSON: tuple[Chapter, ...] = (
    Chapter("rnn", "cell", ("state_dir", ""), _BASE | {"cell_kind": "rnn"}),
    Chapter(
        "vanish",
        "why",
        ("grad_below", ""),
        _BASE | {"cell_kind": "rnn", "seq_len": 200, "hidden_size": 8, "vg_rho": 0.5, STEP: 0},
    ),
    Chapter("memory", "cell", ("state_dir", ""), _LSTM),
    Chapter("forget", "cell", ("gate_half", "f"), _LSTM, controls=("forget_bias",)),
    Chapter("input", "cell", ("write_sign", ""), _LSTM),
    Chapter("output", "cell", ("gate_half", "o"), _LSTM),
    Chapter("step", "cell", ("most_closed", ""), _LSTM | {"seed": 3}),
    Chapter(
        "stack",
        "layers",
        ("state_dir", ""),
        _LSTM | {"num_layers": 2, "hidden_size_l2": 3, "view_layer": 2},
    ),
    Chapter("code", "cell", ("code_order", ""), _LSTM),
    Chapter("classify", "classify", ("decide", ""), _LSTM),
)
assert len(LESSON) == CHAPTERS


def _own_fields() -> dict:
    """Every field the lesson may change, as the student has it now."""
    keep = {f.key for f in state.FIELDS} - {"lang", "lesson_chapter", "present", "hide_parts"}
    return {k: st.session_state[k] for k in keep if k in st.session_state}


def apply(n: int) -> None:
    """Set chapter ``n`` (0-based) up: its model, input and step. The student's own is kept once."""
    ss = st.session_state
    if OWN not in ss and ss.get(APPLIED) is None:
        ss[OWN] = _own_fields()
    if weights.custom() or weights.overrides():
        weights.reset_to_seed()
    state.update(LESSON[n].setup | {"lesson_chapter": n})
    ss[APPLIED] = n


def prepare(here: str) -> None:
    """Before the sidebar is drawn: the lesson page sets its chapter's model up (once per chapter)."""
    if here == "lesson" and st.session_state.get(APPLIED) != state.get("lesson_chapter"):
        apply(state.get("lesson_chapter"))


def go(n: int) -> None:
    apply(min(max(n, 0), CHAPTERS - 1))


def restore() -> None:
    """Back to the model the student had before the lesson."""
    ss = st.session_state
    own = ss.pop(OWN, None)
    if own is None:
        return
    for k, v in own.items():
        ss[k] = v
    ss[weights.VERSION] = ss.get(weights.VERSION, 0) + 1


VIEW_ONLY = {STEP, "view_layer", "view_unit"}  # moving these does not change the chapter's model


def changed(n: int) -> list[str]:
    """The chapter's model fields the student has changed since it was set up (the text's numbers
    describe the chapter's own model, not the changed one)."""
    return sorted(k for k, v in LESSON[n].setup.items() if k not in VIEW_ONLY and state.get(k) != v)


def has_own() -> bool:
    return OWN in st.session_state


def frame(ch: Chapter) -> tuple:
    """The chapter's title, and where its view and its words go: (view, words). In presenter mode
    side by side, the title and the view on the left and the task, the question and the text beside
    them, so that the view and its question share a projector's first screen (1024×768 and
    1920×1080); else one column: the title, the words, the view."""
    if state.get("present"):
        left, right = st.columns([3, 2], gap="medium")
        left.title(tx(f"lesson_{ch.name}_title"))
        return left.container(key="lesson_view"), right.container(key="lesson_words")
    st.title(tx(f"lesson_{ch.name}_title"))
    words = st.container(key="lesson_words")
    return st.container(key="lesson_view"), words


def words(ch: Chapter, where) -> object:
    """The chapter's text, task and the controls it names, in ``where``; returns the place for its
    question. In presenter mode the question comes first (every task starts with it) and the text
    last, so that the question shares the first screen with the view (a live class's teacher
    controls go there too: ``page.question_slot``)."""
    present = state.get("present")
    n = LESSON.index(ch)
    with where:
        ask = st.container() if present else None
        if not present:
            st.markdown(tx(f"lesson_{ch.name}_text"))
        st.info(tx(f"lesson_{ch.name}_do"), icon="👉")
        controls(ch)
        if ch.view != "classify" and changed(n):  # the text's numbers are the chapter's model's
            st.caption(tx("lesson_model_changed"))
        if present:
            st.markdown(tx(f"lesson_{ch.name}_text"))
            page.question_slot(ask)
        return ask if ask is not None else st.container()


def controls(ch: Chapter) -> None:
    """The settings the chapter's task names, on the page where the sidebar (which has them) is hidden:
    the same widget keys, so the state owner keeps their values across modes."""
    if state.sidebar_shown():
        return
    for key in ch.controls:
        f = state.BY_KEY[key]
        st.slider(tx(f"{key}_label"), f.lo, f.hi, step=0.5, key=key, help=tx(f"{key}_help"))


@st.cache_resource(show_spinner=False)
def classifier() -> tuple[classify.Classifier, np.ndarray, np.ndarray]:
    """Chapter 10's model: an LSTM trained (here, once per process, in about a second) to tell a
    rising series from a falling one; and the test series it reads."""
    Xtr, ytr, Xte, yte = datasets.make_task("trend", seed=0, n_train=200, n_test=100)
    for epoch in classify.train(Xtr, ytr, Xte, yte, hidden=(8,), epochs=10, lr=0.02, seed=0):
        model = epoch.model
    return model, Xte, yte


def decide_question(index: int) -> tuple[questions.Question, np.ndarray, np.ndarray]:
    """Chapter 10's question about test series ``index``: its probabilities over time and the series."""
    model, Xte, _ = classifier()
    x = Xte[index % len(Xte)]
    probs = classify.probabilities_over_time(model, x)
    return questions.ask_decide(probs), probs, x


def title(n: int) -> str:
    return tx("lesson_chapter_title", n=n + 1, N=CHAPTERS, title=tx(f"lesson_{LESSON[n].name}_title"))
