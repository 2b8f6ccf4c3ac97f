"""Layers: the whole stack at the current step — a cell is one layer of neurons."""

import streamlit as st

from ui import page
from ui.i18n import tx
from ui.steps import step_fragment
from viz.stack import stack_figure

ctx = page.context()
trace = ctx.result.trace

st.title(tx("layers_title"))
st.markdown(tx("layers_intro"))
st.caption(page.network_line(ctx))


def view(s: int) -> None:
    st.plotly_chart(stack_figure(trace, s, tx), key="stack_chart", config={"displaylogo": False})
    page.step_tables(trace, s)


step_fragment(trace.steps, view)
