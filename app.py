"""Gate Lab: step through an LSTM or RNN one timestep at a time.

Entry point: page config, the shared sidebar, navigation over pages/. Run
with ``streamlit run app.py``.
"""

import logging

import streamlit as st

from ui import page, state
from ui.i18n import t
from ui.sidebar import sidebar

st.set_page_config(page_title="Gate Lab", page_icon="🔬", layout="wide")
state.init()
state.keep(*state.BY_KEY)  # settings survive pages whose widgets are not drawn

nav = st.navigation(
    [
        st.Page("pages/cell.py", title=t("page_cell"), icon="🔬", url_path="cell", default=True),
        st.Page("pages/timeline.py", title=t("page_timeline"), icon="📈", url_path="timeline"),
        st.Page("pages/layers.py", title=t("page_layers"), icon="🧱", url_path="layers"),
        st.Page("pages/weights.py", title=t("page_weights"), icon="🎛️", url_path="weights"),
        st.Page("pages/why.py", title=t("page_why"), icon="📉", url_path="why"),
        st.Page("pages/classify.py", title=t("page_classify"), icon="🏷️", url_path="classify"),
    ]
)
cfg, layer, unit = sidebar()
for name, raw, default in state.notices():
    if name == "wsrc":
        st.warning(t("url_notice_weights"), icon="🔗")
    else:
        st.warning(t("url_notice", name=name, value=raw, default=default), icon="🔗")
page.set_context(cfg, layer, unit)
try:
    nav.run()
except Exception:  # a student sees a sentence; the server log keeps the traceback
    logging.getLogger("gatelab").exception("a page failed")
    st.error(t("internal_error"), icon="⚠️")
state.sync_url()
