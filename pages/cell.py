"""Cell: one unit of one layer at the current step — diagram, reading, equations, every unit,
the pseudocode; with "Predict" on, a question about the next step before it is shown. Every step is drawn in the browser (``ui.stepper``) from the views of all
steps, built once per model, layer, unit, language and number of decimals."""

import streamlit as st

from ui.shell import page
from ui.shell.i18n import tx
from ui.stepper import stepper
from ui.teach import predict
from viz.equations import symbolic

ctx = page.context()
lt = ctx.result.trace.layers[ctx.layer]
cell = ctx.cfg.cell

st.title(tx("cell_title_" + cell))
st.caption(tx("cell_intro_" + cell))
st.caption(page.network_line(ctx))

if lt.x.shape[1] > 1 or ctx.layer > 0:
    st.caption(tx("x_vector_note", layer=ctx.layer + 1, d=lt.x.shape[1]))
limit = predict.step_question(ctx) if predict.mode_toggle() else None
stepper("cell", ctx, limit=limit)
with st.expander(tx("equations_symbols"), expanded=False):
    st.latex(symbolic(cell))  # the symbols never change with t: typeset once, on the server
if lt.kind.code_order:  # the article's LSTMCELL loop, and its swapped (h, C)
    st.caption(tx("code_note"))
st.caption(tx("credit"))
