"""Weights lab: hand-tune a cell, load teaching presets, ask "what if", import and export."""

import streamlit as st

from ui.labs import lab
from ui.shell import page
from ui.shell.i18n import tx

ctx = page.context()
st.title(tx("weights_title"))
st.markdown(tx("weights_intro"))
st.info(lab.status(ctx), icon="🎛️")
lab.show_error()
# keyed and tracked: a rerun (Force it, a preset) stays on the tab the student is on
edit, presets, whatif, files = st.tabs(
    [tx("tab_edit"), tx("tab_presets"), tx("tab_whatif"), tx("tab_files")],
    key="weights_tab",
    on_change="rerun",
)
with edit:
    lab.edit_ui(ctx)
with presets:
    lab.presets_ui(ctx)
with whatif:
    lab.whatif_ui(ctx)
with files:
    lab.files_ui(ctx)
