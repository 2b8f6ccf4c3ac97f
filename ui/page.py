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


def context() -> Context:
    cfg, layer, unit = st.session_state[CONTEXT]
    return Context(cfg, layer, unit, run(cfg))
