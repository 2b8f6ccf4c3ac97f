"""``move``, the one writer of the step, and what the server knows about it.

The current step lives in session state under ``state.STEP`` (0-based), not
in a widget, so it survives page changes. Every move goes through ``move(step, event)``, which
asks ``ui.stepper.owner`` who may move the step in the session's mode (alone, a question open,
teaching, following, exploring). Every stepping page (Cell, Layers, Timeline, Why) steps in the
browser: ``ui.stepper``.
"""

from __future__ import annotations

import streamlit as st

from ui.shell.engine import MAX_T
from ui.shell.state import KNOWN, STEP
from ui.stepper import owner

CLASS = "_class"  # a live class (ui/teach/classroom.py): {"code", "role", "following", …}
CLASS_VIEW = "_class_view"  # the class's view as a following student last took it
LIMIT = "_step_limit"  # the last step the open question lets through (ui/stepper/__init__.py), None: any
CLASS_Q = "_predict_class_q"  # {"key", "q"}: the question *Ask the class* would ask (ui/teach/predict.py)


def new_run() -> None:
    """At the top of a run, after the browser's step is taken: what the last page said about the
    step (its question's limit, the question it offered the class) is said again by this page."""
    st.session_state.pop(LIMIT, None)
    st.session_state.pop(CLASS_Q, None)


def mode() -> str:
    """The session's mode (``ui.stepper.owner``): from its class role and its open question."""
    k = st.session_state.get(CLASS) or {}
    limit = st.session_state.get(LIMIT)
    return owner.mode(k.get("role", ""), bool(k.get("following")), limit is not None)


def class_step() -> int | None:
    """The class's step (0-based) as this student last took it; None outside a class."""
    view = st.session_state.get(CLASS_VIEW) or {}
    try:
        return int(view["params"]["t"]) - 1
    except (KeyError, TypeError, ValueError):
        return None


def move(wanted: int, event: str, shown: bool = False) -> int:
    """The one writer of the step: ``event`` asks for step ``wanted`` (0-based); ``ui.stepper.owner``
    decides what the step becomes in this session's mode. ``shown``: the browser already shows
    ``wanted`` (its own report), so the stepper needs no seek unless the rule put another step."""
    ss = st.session_state
    current = int(ss.get(STEP, 0))
    step = owner.moved_step(mode(), event, current, int(wanted), ss.get(LIMIT), class_step())
    ss[STEP] = step
    if shown:
        ss[KNOWN] = int(wanted)  # what the browser shows: a different step is sought at the next draw
    elif event == owner.CLASS_MOVE:
        ss[KNOWN] = None  # the stepper shows the class's step (a server move)
    return step


def clamp(T: int) -> int:
    """Keep the step inside 0 … T−1 (the sequence may have become shorter)."""
    s = min(max(int(st.session_state.get(STEP, 0)), 0), T - 1)
    st.session_state[STEP] = s
    return s


def jump_to_clicked(selection: object, T: int, field: str = "x") -> bool:
    """Set the step from a Plotly selection: ``field`` (its x, or a customdata step) of the
    first clicked point, 1-based. False (and no change) if the click carried no step."""
    try:
        v = selection["selection"]["points"][0][field]
        x = int(round(float(v[0] if isinstance(v, list) else v)))
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    move(min(max(x - 1, 0), T - 1), owner.PRESET)
    return True


def adopt_browser_step() -> None:
    """The stepper steps in the browser and keeps the address bar's ``t`` current; every rerun the
    browser asks for carries it here. Adopt it, unless the server itself moved the step since it
    last knew the browser's (a link, a preset, a chart click): then the server's step stands."""
    ss = st.session_state
    raw = st.query_params.get("t")
    if raw is None or ss.get(KNOWN) is None or ss.get(STEP) != ss.get(KNOWN):
        return
    try:
        step = int(raw) - 1
    except ValueError:
        return
    if 0 <= step < MAX_T:
        move(step, owner.BROWSER, shown=True)
