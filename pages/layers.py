"""Layers: the whole stack at the current step — a cell is one layer of neurons. The bars of
every layer at every step are drawn in the browser (``ui.stepper``)."""

import streamlit as st

from ui.shell import page
from ui.shell.i18n import tx
from ui.stepper import stepper
from ui.stepper.pager import units_pager

ctx = page.context()

st.title(tx("layers_title"))
st.markdown(tx("layers_intro"))
st.caption(page.network_line(ctx))

units_pager(ctx)
stepper("layers", ctx)
