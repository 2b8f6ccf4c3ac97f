"""Weights lab: hand-tune a cell, load teaching presets, ask "what if", import and export."""

import streamlit as st

from ui import lab, page
from ui.i18n import t

ctx = page.context()
st.title(t("weights_title"))
st.markdown(t("weights_intro"))
st.info(lab.status(ctx), icon="🎛️")
lab.show_error()
edit, presets, whatif, files = st.tabs([t("tab_edit"), t("tab_presets"), t("tab_whatif"), t("tab_files")])
with edit:
    lab.edit_ui(ctx)
with presets:
    lab.presets_ui(ctx)
with whatif:
    lab.whatif_ui(ctx)
with files:
    lab.files_ui(ctx)
