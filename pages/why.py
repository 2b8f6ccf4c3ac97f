"""Why LSTM: a network of every kind side by side (plain RNN, GRU, MGU, LSTM) — how far back each can see."""

import streamlit as st

from ui.labs.why_controls import controls_ui, explanation, rho_line
from ui.shell import page
from ui.shell.engine import why
from ui.shell.i18n import tx
from ui.stepper.steps import step_fragment
from viz.tables import columns
from viz.why import memory_figure, reach_figure

ctx = page.context()
st.title(tx("why_title"))
st.markdown(tx("why_intro"))
rho = controls_ui()
w = why(ctx.cfg, rho)
st.caption(rho_line(w))


def view(s: int) -> None:
    left, right = st.columns(2, gap="large")
    left.plotly_chart(
        reach_figure(w.reaches, s, tx),
        key="why_reach",
        config={"displaylogo": False},
    )
    right.plotly_chart(memory_figure(w.lstm_reach, s, tx), key="why_memory", config={"displaylogo": False})


step_fragment(w.x.shape[0], view)
norms = {
    **{f"{name.upper()} ‖∂h_T/∂x_t‖": r.dx for name, r in w.reaches.items()},
    "LSTM ‖∂C_T/∂C_t‖_F/√H": w.lstm_reach.dc,
    "LSTM RMS ∏f": w.lstm_reach.fprod,
}
page.data_table(columns("t", norms), scientific=tuple(norms))
st.markdown(explanation(w))
st.caption(tx("why_sidebar_note"))
st.caption(tx("why_network_note"))
