"""What every page needs: the view built from state, the cached run, and the
page-level pieces app.py draws around every page (the language attribute, the
link's notices)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.shell.engine import Config, Result, run
from ui.shell.i18n import outside, tx
from ui.shell.state import View

CONTEXT = "_page_context"
SLOT = "_page_question_slot"  # where this run's page puts a question (the live class's goes there too)
# Widgets of pages that are not always drawn, whose values must outlive a visit elsewhere
KEEP = (
    "clf_task",
    "clf_znorm",
    "clf_cell",
    "clf_layers",
    "clf_hidden",
    "clf_epochs",
    "clf_epochs_ucr",
    "clf_batch",
    "clf_lr",
    "clf_clip",
    "clf_seed",
    "clf_series",
    "preset_choice",
    "edit_gate",
    "ov_gate",
    "ov_units",
    "ov_value",
    "class_hide",
)


@dataclass(frozen=True)
class Context:
    cfg: Config
    layer: int  # 0-based
    unit: int  # 0-based
    result: Result


def set_context(v: View) -> None:
    st.session_state[CONTEXT] = v
    st.session_state.pop(SLOT, None)  # every run's page offers its own


def question_slot(where=None):
    """The page's place for a question, offered by a page whose layout has one (the lesson in presenter
    mode: beside its view); ``question_slot()`` returns it for this run, or None."""
    if where is not None:
        st.session_state[SLOT] = where
    return st.session_state.get(SLOT)


def ensure_app() -> None:
    """Pages that need no model call this, so that a page opened on its own still gets app.py."""
    if CONTEXT not in st.session_state:
        _restart_through_app()


def context() -> Context:
    if CONTEXT not in st.session_state:
        _restart_through_app()
    v: View = st.session_state[CONTEXT]
    return Context(v.cfg, v.layer, v.unit, run(v.cfg))


def network_line(ctx: Context) -> str:
    """Which network this page shows, in one line."""
    from ui.shell import weights
    from ui.shell.sidebar import custom_label

    cfg = ctx.cfg
    sizes = " × ".join(map(str, cfg.hidden))
    cell = tx(f"cell_{cfg.cell}")
    if weights.custom():
        return tx("network_line_custom", cell=cell, what=custom_label(), sizes=sizes)
    return tx("network_line_random", cell=cell, seed=cfg.seed, scale=f"{cfg.scale:g}", sizes=sizes)


# Scrolling boxes that hold no control cannot take the keyboard's focus (axe:
# scrollable-region-focusable): the typeset equations and the charts keep their size instead.
PAGE_CSS = (
    "<style>.katex-display{overflow:visible!important}"
    "[class*='st-key-heatmaps_'],[class*='st-key-diff_']{overflow:visible!important}"
    # the stepper's beacon (ui/stepper/__init__.py) has nothing to show: it takes no room in the sidebar
    ".st-key-step_beacon{position:absolute!important;width:0;height:0;overflow:hidden}"
    # a live class's join code, read aloud and off a projector
    ".st-key-class_code strong{font-size:1.6rem;letter-spacing:0.12em;font-family:'Source Code Pro',monospace}"
    ".st-key-class_follow:not(:has(.gatelab-reveal)),.st-key-class_keep"
    "{position:absolute!important;width:0;height:0;overflow:hidden}"
    # a class question's answer as the stream brought it (ui/stepper/follow.js), drawn like st.info /
    # st.success, in place of the choices and the Send button until the bar's next run draws it itself
    ".gatelab-reveal{display:flex;gap:0.75rem;padding:1rem;border-radius:0.5rem;line-height:1.6;"
    "background:rgba(28,131,225,0.1);color:#004280}"
    ".gatelab-reveal.right{background:rgba(33,195,84,0.1);color:#145c2a}.gatelab-reveal p{margin:0 0 0.5rem}"
    ".gatelab-reveal p:last-child{margin:0}"
    ".st-key-class_bar:has(.gatelab-reveal) .st-key-class_question :is([class*=st-key-class_choice_],"
    ".st-key-class_send,.stElementContainer:has([data-testid=stCaptionContainer])){display:none}"
    # the class's place on top (app.py) holding nothing to see takes no room either (a teacher's bar can
    # be beside the view: ui/teach/lesson.py)
    "div:has(> .st-key-class_slot):not(:has(.st-key-class_bar,[data-testid=stAlert],form))"
    "{position:absolute!important;width:0;height:0;overflow:hidden}"
    # a live class's pause card (ui/teach/classroom.py): over the whole page, the sidebar too (Streamlit puts a
    # narrow screen's sidebar at 999995, its header at 999990), until the teacher resumes
    ".gatelab-pause{position:fixed;inset:0;z-index:1000000;display:flex;align-items:center;justify-content:center;"
    "background:rgba(250,249,247,0.97);font-size:2rem;font-weight:600;text-align:center;padding:2rem}"
    ".gatelab-pause p{font-size:1.75rem;font-weight:600;line-height:1.4;margin:auto;max-width:34rem;padding:1.5rem 2rem;"
    "background:#fff;border:2px solid #b9b2a8;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.12)}</style>"
)


def data_table(cols: dict, scientific: tuple[str, ...] = ()) -> None:
    """A chart's numbers, folded away under it (its text alternative). Columns named in ``scientific``
    hold values far from 1 (1e-200, 1e14): shown as 1.23457e-200, never cut off in fixed point."""
    config = {name: st.column_config.NumberColumn(format="%.5e") for name in scientific}
    with st.expander(tx("chart_table")):
        st.dataframe(cols, hide_index=True, column_config=config or None)


def html_lang(code: str, css: str = "") -> None:
    """The page's lang attribute follows the UI language (screen readers pick their voice by it),
    and the page-wide style above (with ``css``: presenter mode's, a class link's)."""
    value = "zh-Hans" if code == "zh" else "en"
    st.html(
        f"{PAGE_CSS}<style>{css}</style><script>document.documentElement.lang = {value!r};</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


# What a link's dropped value leaves in its place, in words, where its value is empty or on/off
INSTEAD_WORDS = {"join": "url_instead_join", "hide": "url_instead_hide", "wsrc": "url_instead_wsrc",
                 "ov": "url_instead_ov", "w": "url_instead_w", "teach": "url_instead_teach"}  # fmt: skip


def instead(name: str) -> str:
    """What the view uses in place of the link's ``name``, in words: "off", "no class", "t=1", or the
    lesson chapter's own value."""
    from ui.shell import state

    f = state.BY_URL[name]
    v = state.get(f.key)
    if f.url == "present":
        return tx("url_instead_on" if v else "url_instead_off")
    if not v and name in INSTEAD_WORDS:
        return tx(INSTEAD_WORDS[name])
    shown = f"{name}={outside(f.dump(v))}"
    if st.session_state.get(state.PAGE) == "lesson" and v != f.default and name != "chapter":
        return tx("url_instead_chapter", value=shown)  # the chapter set it up
    return shown


def notice_text(notice: tuple[str, ...]) -> str:
    """The sentence for one of ``state.notices()``; every value from the link is quoted escaped."""
    kind, *values = notice
    if kind == "bad":
        name, value = values
        return tx("url_notice", name=name, value=outside(value), instead=instead(name))
    if kind == "unknown":
        return tx("url_notice_unknown", name=outside(values[0]))
    if kind == "repeated":
        return tx("url_notice_repeated", name=values[0], n=values[1])
    if kind == "model":
        return tx("model_too_big", **values[0])
    if kind == "forced_dropped":
        return tx("url_notice_forced_dropped", ov=outside(values[0], 80), cell=tx(f"cell_{values[1]}"))
    if kind == "teach_alone":
        return tx("url_notice_teach_alone")
    if kind == "chapter_elsewhere":
        return tx("url_notice_chapter_elsewhere", n=values[0])
    return tx("url_notice_weights")


def _restart_through_app() -> None:
    """A page ran on its own, without app.py: rerun through app.py.

    Streamlit decides per process, before any script runs, whether this is an
    old-style app with a ``pages/`` folder; until the first ``st.navigation``
    call it is. So when the very first visitor of a freshly started server
    opens a link to a page (``/timeline?…``), Streamlit runs that page file
    alone. Switch the old mode off, as ``st.navigation`` would, and rerun.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()
