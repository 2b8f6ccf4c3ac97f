"""Cell: one unit of one layer at the current step — diagram, equations, reading, code."""

import streamlit as st

from ui import page
from ui.i18n import t, tr
from ui.steps import step_fragment
from viz.diagram import diagram_figure
from viz.equations import block, equations, reading
from viz.pseudocode import pseudocode

ctx = page.context()
lt = ctx.result.trace.layers[ctx.layer]
T = lt.steps
cell = ctx.cfg.cell

st.title(t("cell_title_" + cell))
st.caption(t("cell_intro_" + cell))


def view(s: int) -> None:
    left, right = st.columns([11, 9], gap="large")
    title = t("diagram_title", layer=ctx.layer + 1, unit=ctx.unit + 1, t=s + 1)
    with left:
        playing = st.session_state.get("step_play", False)
        fig = diagram_figure(lt, s, ctx.unit, tr, title=title, frames=playing,
                             ms_per_step=int(1000 / st.session_state.get("play_speed", 10)))
        st.plotly_chart(fig, key="cell_diagram", config={"displaylogo": False})
        if lt.x.shape[1] > 1 or ctx.layer > 0:
            st.caption(t("x_vector_note", layer=ctx.layer + 1, d=lt.x.shape[1]))
    with right:
        st.subheader(t("reading_header"))
        st.markdown(reading(lt, s, ctx.unit, t))
        st.subheader(t("equations_header", unit=ctx.unit + 1))
        st.latex(block(equations(lt, s, ctx.unit, forced_word=t("forced"))))
    with st.expander(t("all_units_header", layer=ctx.layer + 1, t=s + 1), expanded=lt.hidden_size <= 4):
        names = ("i", "f", "g", "o", "c", "h") if cell == "lstm" else ("h",)
        table = {t("unit"): list(range(1, lt.hidden_size + 1))}
        table |= {t(f"row_{n}"): lt.gate(n)[s].round(3).tolist() for n in names}
        fmt = {t(f"row_{n}"): st.column_config.NumberColumn(format="%.3f") for n in names}
        st.dataframe(table, hide_index=True, column_config=fmt, width="stretch")
    st.subheader(t("code_header"))
    st.code(pseudocode(lt, s, tr), language="python")
    if cell == "lstm":
        st.caption(t("code_note"))


step_fragment(T, view, can_play=True)
st.caption(t("credit"))
