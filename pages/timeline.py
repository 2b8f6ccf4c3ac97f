"""Timeline: every layer's gates, C and h as units × time heatmaps, and the input. The charts
are drawn once per model; a step moves their cursor (a CSS rule) in the browser (``ui.stepper``)."""

from functools import partial

import streamlit as st

from lstm_core.export import trace_to_csv
from ui.shell import page, state
from ui.shell.i18n import tx
from ui.stepper import stepper
from ui.stepper.find import finder
from ui.stepper.steps import jump_to_clicked
from viz.style import CURSOR
from viz.timeline import HEAT_MARGIN, difference_heatmaps, input_chart, layer_heatmaps

ctx = page.context()
trace = ctx.result.trace
digits = int(state.get("digits"))  # Decimals shown: the heatmaps' hovers too

st.title(tx("timeline_title"))
st.caption(tx("timeline_intro"))
st.caption(page.network_line(ctx))
st.download_button(
    tx("download_csv"),
    trace_to_csv(trace),
    file_name="gate-lab-trace.csv",
    mime="text/csv",
    key="download_trace",
    icon="⬇️",
)


def jump_to(key: str) -> None:
    """A click on a point of the input chart moves the step there. (Clicks on heatmap cells
    would be nicer, but Streamlit reports no selection for heatmaps: streamlit/streamlit#8760.)"""
    jump_to_clicked(st.session_state[key], trace.steps)


finder(trace)
cursor = dict(scope="timeline_heatmaps", colour=CURSOR["color"], **HEAT_MARGIN)
stepper("tables", ctx, cursor=cursor)
base = ctx.result.base
with st.container(key="timeline_heatmaps"):
    st.plotly_chart(
        input_chart(ctx.result.x, ctx.result.names, None, tx, digits),
        key="input_chart",
        config={"displaylogo": False},
        on_select=partial(jump_to, "input_chart"),
        selection_mode="points",
    )
    for k, lt in enumerate(trace.layers):
        if base is not None:
            fig = difference_heatmaps(lt, base.layers[k], tx, title=tx("diff_title", k=k + 1), digits=digits)
            st.plotly_chart(fig, key=f"diff_{k}", config={"displaylogo": False})
        fig = layer_heatmaps(lt, tx, title=tx("layer_title", k=k + 1, H=lt.hidden_size), digits=digits)
        st.plotly_chart(fig, key=f"heatmaps_{k}", config={"displaylogo": False})
