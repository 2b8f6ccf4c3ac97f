"""Presenter mode and class links.

Presenter mode (``present=1`` in the link, the ``present_toggle`` button, or the key P) draws no
sidebar (its settings are not drawn; the sidebar itself is hidden), puts the pages' navigation on top and sizes type for a projector at 1024×768 and
1920×1080; the stepping keys still work. A class link (``class_link`` in the sidebar) is the
current link with the parts the teacher hides from students (``hide=sidebar,equations,…``, in
the spirit of TensorFlow Playground's ``*_hide``): the sidebar (every setting), the equations,
the table of every unit, the article's code, the share box.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ui.shell import state
from ui.shell.i18n import LANGS, labels, tx
from ui.shell.share import page_url
from ui.shell.state import HIDEABLE

# Streamlit's own type is in rem: a larger root size scales text, controls and the stepper alike.
PRESENT_CSS = (
    "html{font-size:20px}"
    "@media (min-width:1600px){html{font-size:24px}}"
    "@media (max-width:1100px){html{font-size:18px}}"
    ".stMainBlockContainer{max-width:none!important;padding-left:2rem!important;padding-right:2rem!important}"
    # a title that leaves the first screen to the view and its question; the view is sized to that screen
    # (the stepper's diagram and stack read --gatelab-view-h: ui/stepper/stepper.css)
    ".stMainBlockContainer h1{font-size:2rem!important;padding:0.1rem 0 0.2rem!important}"
    ".st-key-lesson_view{--gatelab-view-h:calc(100vh - 22rem)}"
    ".st-key-share_box{display:none!important}"  # (the stepper hides its own: ui/stepper/__init__.py)
)
# No sidebar: the stepper's beacon (an empty component) stays in it, so it is hidden rather than left
# out; with the pages' navigation on top, Streamlit's fixed header (3.75rem) would cover the first row.
NO_SIDEBAR_CSS = (
    "[data-testid=stSidebar],[data-testid=stSidebarCollapsedControl]{display:none!important}"
    ".stMainBlockContainer{padding-top:4.75rem!important}"
)
HIDE_CSS = {  # the parts outside the stepper (the stepper hides its own: ui/stepper/__init__.py)
    "share": ".st-key-share_box,.st-key-class_link{display:none!important}",
}


def toggle() -> None:
    st.session_state["present"] = not state.get("present")


def button(where) -> None:
    on = bool(state.get("present"))
    where.button(
        tx("present_exit" if on else "present_enter"),
        key="present_toggle",
        icon=":material/cancel_presentation:" if on else ":material/slideshow:",
        on_click=toggle,
        shortcut="P",
        help=tx("present_help"),
        type="secondary",
    )


def top_bar(where) -> None:
    """Without a sidebar: the language and the presenter button, at the top right of the page (``st``),
    or at the end of a row of the page's own (the lesson's chapter row)."""
    bar = where.container(
        horizontal=True,
        horizontal_alignment="right",
        vertical_alignment="center",
        key="present_bar",
        width="stretch" if where is st else "content",
    )
    with bar:
        st.segmented_control(
            "🌐", list(LANGS), format_func=LANGS.get, key="lang", required=True, label_visibility="collapsed"
        )
    if state.get("present") or "sidebar" not in state.get("hide_parts"):
        button(bar)


def css() -> str:
    """The page-wide style of presenter mode and of the parts a class link hides."""
    out = (PRESENT_CSS if state.get("present") else "") + ("" if state.sidebar_shown() else NO_SIDEBAR_CSS)
    return out + "".join(HIDE_CSS.get(p, "") for p in state.get("hide_parts"))


def class_link_ui() -> None:
    """In the sidebar: the link to send a class, with the parts it hides."""
    from ui.teach.classroom import start_ui

    with st.expander(tx("teach_header"), icon=":material/school:", key="teach_box"):
        start_ui()
        hide = st.multiselect(
            tx("class_hide_label"),
            HIDEABLE,
            key="class_hide",
            format_func=labels("hide_"),
            help=tx("class_hide_help"),
        )
        params = state.link().params | ({"hide": ",".join(h for h in HIDEABLE if h in hide)} if hide else {})
        with st.container(key="class_link"):
            st.caption(tx("class_link_help"))
            st.code(f"{page_url()}?{urlencode(params)}", language=None, wrap_lines=True)
