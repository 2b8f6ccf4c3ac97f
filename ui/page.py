"""What every page needs: the settings chosen in the sidebar and the cached run."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from .engine import Config, Result, run

CONTEXT = "_page_context"


@dataclass(frozen=True)
class Context:
    cfg: Config
    layer: int  # 0-based
    unit: int  # 0-based
    result: Result


def set_context(cfg: Config, layer: int, unit: int) -> None:
    st.session_state[CONTEXT] = (cfg, layer, unit)


def ensure_app() -> None:
    """Pages that need no model call this, so that a page opened on its own still gets app.py."""
    if CONTEXT not in st.session_state:
        _restart_through_app()


def context() -> Context:
    if CONTEXT not in st.session_state:
        _restart_through_app()
    cfg, layer, unit = st.session_state[CONTEXT]
    return Context(cfg, layer, unit, run(cfg))


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
