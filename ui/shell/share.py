"""The share box: the link to exactly this view, from ``state.link()`` (the same
function that writes the address bar), with what a link cannot carry said."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from ui.shell import state
from ui.shell.i18n import tx


def left_out_notes(link: state.Link) -> list[str]:
    """What a link cannot carry, in words: weights or typed numbers too long for it."""
    notes = []
    if "w" in link.left_out:
        notes.append(tx("share_too_big"))
    if "data" in link.left_out:
        notes.append(tx("share_data_too_long", n=state.URL_BUDGET // 1024))
    return notes


def page_url() -> str:
    """This page's address without its query (the address bar writes the root as http://host/)."""
    base = str(st.context.url or "").split("?")[0]
    if base and not urlsplit(base).path:
        base += "/"
    return base


def share_body() -> None:
    link = state.link()
    st.caption(tx("share_help"))
    for note in left_out_notes(link):
        st.warning(note)
    st.code(link.url(page_url()), language=None, wrap_lines=True)
    if state.get("input_kind") == "csv":
        st.caption(tx("share_csv_note"))


def share_ui() -> None:
    """In the sidebar, on pages without step controls."""
    with st.expander(tx("share_header"), key="share_box"):
        share_body()
