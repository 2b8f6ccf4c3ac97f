"""Layers: the whole stack at the current step — a cell is one layer of neurons. The bars of
every layer at every step are drawn in the browser (``ui.stepper``)."""

import streamlit as st

from ui import page
from ui.engine import run
from ui.i18n import lang, translator, tx
from ui.stepper import stepper
from viz.stepview import layers_view

ctx = page.context()
trace = ctx.result.trace

st.title(tx("layers_title"))
st.markdown(tx("layers_intro"))
st.caption(page.network_line(ctx))


@st.cache_resource(max_entries=16, show_spinner=False)
def views(cfg, digits: int, language: str) -> dict:
    words = translator(language)
    return layers_view(run(cfg).trace, words, digits)


digits = int(st.session_state.get("digits", 2))
key = (ctx.cfg, digits, lang())
stepper("layers", trace.steps, lambda: views(*key), key)
