"""Classify: train an LSTM on time series in the browser, compare with 1-NN, open what it learned."""

import streamlit as st

from ui.labs import classify_ui
from ui.shell import page
from ui.shell.i18n import tx

page.ensure_app()
st.title(tx("clf_title"))
st.markdown(tx("clf_intro"))
st.caption(tx("clf_sidebar_note"))
data = classify_ui.data_ui()
if data is not None:
    with st.expander(tx("clf_settings"), expanded=True):
        settings = classify_ui.settings_ui(data)
    classify_ui.train_ui(data, settings)
    classify_ui.results_ui(data)
    classify_ui.link_ui(data)
    with st.expander(tx("clf_import_header")):
        classify_ui.import_ui(data)
