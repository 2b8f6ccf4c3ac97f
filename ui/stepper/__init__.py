"""Stepping in the browser: the step controls and every step-dependent view in one
Streamlit component (components v2: inline html, css and js, no build step).

The component gets each view for every step once per model (``viz.stepdata``: every step's
numbers and the sentences' templates, which ``words.js`` fills in) and changes step without
asking the server. When stepping pauses it writes the step into
the address bar itself, so every rerun the browser asks for carries it to the server
(``steps.adopt_browser_step``); and at most every few seconds it tells the server
through a beacon: a second, empty component in the sidebar in its own fragment, whose
rerun touches nothing in the main area. The share box is the stepper's own: the address
bar's link. The server tells the component a step of its own (a link, a preset, a click
on a chart, a shorter input) through ``seek``, a (token, step) pair whose token changes
only then: a rerun for any other reason leaves the browser's step where it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from lstm_core.classify import read_out
from ui.shell import state, weights
from ui.shell.engine import Config, run
from ui.shell.i18n import lang, speaking, translator, tx
from ui.shell.page import Context
from ui.shell.share import left_out_notes
from ui.shell.state import KNOWN, sync_url
from ui.stepper import owner
from ui.stepper.steps import LIMIT, clamp, mode, move
from viz.readout import readout_data
from viz.stepdata import cell_data, layers_data, tables_data, wire

_HERE = Path(__file__).parent
COMPONENT = st.components.v2.component(
    "gatelab_stepper",
    html="",
    css=(_HERE / "stepper.css").read_text(encoding="utf-8"),
    # words.js (the sentences from the numbers, no DOM) and stepper.js (the page) share one module
    js="\n".join((_HERE / f).read_text(encoding="utf-8") for f in ("words.js", "stepper.js")),
)
BEACON = st.components.v2.component(
    "gatelab_step_beacon", html="", js=(_HERE / "beacon.js").read_text("utf-8")
)
SEEK = "_stepper_seek"  # (token, step): the step the server last put on screen; a new token each time
BEACON_KEY = "step_beacon"


def _ui() -> dict[str, str]:
    return {
        "controls": tx("step_controls_label"),
        "first": tx("step_first_help"),
        "prev": tx("step_prev_help"),
        "next": tx("step_next_help"),
        "last": tx("step_last_help"),
        "play": tx("play"),
        "pause": tx("pause"),
        "speed": tx("play_speed_label"),
        "slider": tx("step_slider_short"),
        "caption": tx("step_caption", t="{t}", T="{T}"),
        "reading_header": tx("reading_header"),
        "equations_header": tx("equations_header_short"),
        "code_header": tx("code_header"),
        "code_corrected": tx("code_corrected"),
        "code_stack_header": tx("code_stack_header"),
    }


_ON_STEP: list[Callable[[int], None]] = []  # what features built on the stepper do with a reported step


def on_step(hear: Callable[[int], None]) -> Callable[[int], None]:
    """Let a feature built on the stepper (the live class) hear every step the browser reports: the
    stepper never imports the features that use it."""
    if hear not in _ON_STEP:
        _ON_STEP.append(hear)
    return hear


_ON_DRAW: list[Callable[[str, int, Callable[[str], dict]], None]] = []  # who hears each stepper drawn


def on_draw(hear: Callable[[str, int, Callable[[str], dict]], None]) -> Callable:
    """Let a feature hear every stepper the page draws: ``hear(view, ident, data_in)``, where ``ident``
    names the model and view shown and ``data_in(language)`` builds the data a following student's
    stepper gets for it (a live class's teacher stores it for students whose app is still opening,
    ``live.hall``)."""
    if hear not in _ON_DRAW:
        _ON_DRAW.append(hear)
    return hear


def _reported(key: str, T: int) -> None:
    """The beacon says which step the stepper shows ([step, nonce, seek token]): the server's step
    follows (no seek), unless the server has moved the step since (the report is about an older view)."""
    value = st.session_state.get(key)
    step = value.get("step") if hasattr(value, "get") else None
    if isinstance(step, list) and step:
        if len(step) > 2 and step[2] != st.session_state.get(SEEK, (None,))[0]:
            return
        step = step[0]
    try:
        step = min(max(int(step), 0), T - 1)
    except (TypeError, ValueError):
        return
    step = move(step, owner.BROWSER, shown=True)
    for hear in _ON_STEP:
        hear(step)


def _share() -> dict:
    """The share box's words and what a link cannot carry (the link is the address bar's)."""
    notes = left_out_notes(state.link())
    if state.get("input_kind") == "csv":
        notes.append(tx("share_csv_note"))
    return {
        "header": tx("share_header"),
        "help": tx("share_help"),
        "copy": tx("share_copy"),
        "copied": tx("share_copied"),
        "notes": notes,
    }


@st.cache_resource(max_entries=32, show_spinner=False)
def _views(view: str, cfg: Config, layer: int, unit: int, digits: int, language: str) -> str:
    """The view of every step (``viz.stepdata``, as its compact JSON text), once per model, view,
    decimals, language and chosen unit (the Cell page's; the Layers page shows the page of units
    that holds it)."""
    result = run(cfg)
    words = translator(language)
    if view == "cell":
        return wire(cell_data(result.trace, layer, unit, words, digits, base=result.base))
    if view == "layers":
        return wire(layers_data(result.trace, words, digits, layer, unit))
    return wire(tables_data(result.trace, words, digits))


def _readout(ctx: Context, digits: int) -> dict | None:
    """A trained classifier's read-out at every step (Classify → Open), or None for any other model."""
    head = weights.head(ctx.cfg.weights)
    if head is None:
        return None
    W, b, names, how = head
    return readout_data(read_out(ctx.result.trace.output, W, b, how), names, tx, digits)


def stepper(view: str, ctx: Context, cursor: dict | None = None, limit: int | None = None) -> None:
    """The browser-side stepper for ``view`` ("cell", "layers", "tables" or "why") of the page's model.
    ``cursor``: the fixed frame of charts over t whose CSS cursor it moves (the Timeline, the Why page).
    ``limit``: the last step it may show (0-based), while a prediction about the next is open.
    A following student's stepper is locked: it shows the class's steps only (``ui.stepper.owner``)."""
    ss = st.session_state
    ss[LIMIT] = limit
    T = ctx.result.trace.steps
    s = clamp(T)
    if ss.get(KNOWN) != s:  # the server moved the step (or it is the first run): show it
        ss[SEEK] = (uuid.uuid4().hex[:12], s)  # unique: a new session (a server restart) never reuses one
        ss[KNOWN] = s
    chosen = view in ("cell", "layers")  # the Cell page shows one layer and unit; the Layers page marks it
    key = (
        view,
        ctx.cfg,
        ctx.layer if chosen else 0,
        ctx.unit if chosen else 0,
        int(state.get("digits")),
        lang(),
    )
    data = {
        "id": f"{view}:{hash(key)}",
        "view": view,
        "T": T,
        "seek": list(ss[SEEK]),
        "ui": _ui(),
        "share": _share(),
        "payload": _views(*key) if view != "why" else "{}",  # the Why page's charts move only their cursor
        "cursor": cursor,
        "play": view in ("cell", "why"),
        "limit": limit,
        "locked": owner.locked(mode()),
        "report_ms": 100 if mode() == owner.TEACHER else None,  # the class follows the teacher's steps
        "hide": sorted({*state.get("hide_parts"), *(["share"] if state.get("present") else [])}),
        "readout": _readout(ctx, key[4]),
    }
    COMPONENT(key=f"stepper_{view}", data=data)  # no state: it never reruns the app itself
    if _ON_DRAW:

        def data_in(language: str) -> dict:  # a following student's stepper of this view, in ``language``
            k = (*key[:-1], language)
            with speaking(language):
                return data | {
                    "id": f"{view}:{hash(k)}",
                    "ui": _ui(),
                    "share": _share() | {"notes": []},
                    "payload": _views(*k) if view != "why" else "{}",
                    "cursor": None,
                    "limit": None,
                    "locked": True,
                    "report_ms": None,
                    "hide": ["share"],  # (a student's own parts: the class's link carries no ``hide``)
                    "readout": _readout(ctx, key[4]),
                }

        for hear in _ON_DRAW:
            hear(view, hash(key[:-1]), data_in)
    with st.sidebar:  # hidden, not left out, without a sidebar (ui/teach/present.py): a fragment drawn in a
        _beacon(T)  # new place leaves its old element behind, and an empty sidebar would stay on screen


@st.fragment
def _beacon(T: int) -> None:
    BEACON(
        key=BEACON_KEY, data={"T": T}, default={"step": None}, on_step_change=lambda: _reported(BEACON_KEY, T)
    )
    sync_url()  # the address bar names the step the stepper shows
