"""Why LSTM: a network of every kind side by side (plain RNN, GRU, MGU, LSTM) — how far back each can see.
The charts are drawn once per model; a step moves their cursor (a CSS rule) in the browser (``ui.stepper``)."""

import streamlit as st

from ui.labs.why_controls import controls_ui, explanation, rho_line
from ui.shell import page
from ui.shell.engine import why
from ui.shell.i18n import tx
from ui.stepper import stepper
from viz.style import CURSOR
from viz.tables import columns
from viz.why import WHY_MARGIN, memory_figure, reach_figure

ctx = page.context()
st.title(tx("why_title"))
st.markdown(tx("why_intro"))
rho = controls_ui()
w = why(ctx.cfg, rho)
st.caption(rho_line(w))

stepper("why", ctx, cursor=dict(scope="why_charts", colour=CURSOR["color"], **WHY_MARGIN))
with st.container(key="why_charts"):
    st.plotly_chart(reach_figure(w.reaches, tx), key="why_reach", config={"displaylogo": False})
    st.plotly_chart(memory_figure(w.memory.reach, tx), key="why_memory", config={"displaylogo": False})
memory = w.memory.net.cell.upper()
norms = {
    **{f"{name.upper()} ‖∂h_T/∂x_t‖": r.dx for name, r in w.reaches.items()},
    f"{memory} ‖∂C_T/∂C_t‖_F/√H": w.memory.reach.dc,
    f"{memory} RMS ∏f": w.memory.reach.fprod,
}
page.data_table(columns("t", norms), scientific=tuple(norms))
st.markdown(explanation(w))
st.caption(tx("why_sidebar_note"))
st.caption(tx("why_network_note"))
