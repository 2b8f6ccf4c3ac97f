"""Cell: one unit of one layer at the current step — diagram, reading, equations, every unit,
the pseudocode. Every step is drawn in the browser (``ui.stepper``) from the views of all
steps, built here once per model, layer, unit, language and number of decimals."""

import streamlit as st

from ui import page
from ui.engine import run
from ui.i18n import lang, translator, tx
from ui.stepper import stepper
from viz.equations import symbolic
from viz.stepview import cell_view

ctx = page.context()
lt = ctx.result.trace.layers[ctx.layer]
digits = int(st.session_state.get("digits", 2))
cell = ctx.cfg.cell

st.title(tx("cell_title_" + cell))
st.caption(tx("cell_intro_" + cell))
st.caption(page.network_line(ctx))


@st.cache_resource(max_entries=16, show_spinner=False)
def views(cfg, layer: int, unit: int, digits: int, language: str) -> dict:
    """Every step's diagram, reading, numbers, table and code, once per view."""
    result = run(cfg)
    words = translator(language)
    return cell_view(result.trace, layer, unit, words, digits, base=result.base)


if lt.x.shape[1] > 1 or ctx.layer > 0:
    st.caption(tx("x_vector_note", layer=ctx.layer + 1, d=lt.x.shape[1]))
key = (ctx.cfg, ctx.layer, ctx.unit, digits, lang())
stepper("cell", lt.steps, lambda: views(*key), key)
with st.expander(tx("equations_symbols"), expanded=False):
    st.latex(symbolic(cell))  # the symbols never change with t: typeset once, on the server
if cell == "lstm":
    st.caption(tx("code_note"))
st.caption(tx("credit"))
