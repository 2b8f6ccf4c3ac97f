"""Cell: one unit of one layer at the current step — diagram, equations, reading, code."""

import streamlit as st

from ui import page
from ui.engine import run
from ui.i18n import lang, tx
from ui.steps import jump_to_clicked, step_caption, step_fragment
from ui.strings import STRINGS
from viz.diagram import colour_key_figure, diagram_figure
from viz.equations import numbers, reading, symbolic
from viz.pseudocode import pseudocode, stacked_pseudocode
from viz.style import num
from viz.tables import step_table

ctx = page.context()
lt = ctx.result.trace.layers[ctx.layer]
digits = int(st.session_state.get("digits", 2))
T = lt.steps
cell = ctx.cfg.cell

st.title(tx("cell_title_" + cell))
st.caption(tx("cell_intro_" + cell))
st.caption(page.network_line(ctx))


def view(s: int) -> None:
    # Few elements on purpose: what a step costs is mostly what the browser redraws.
    top_left, top_right = st.columns([2, 1], gap="large")
    with top_left:
        playing = st.session_state.get("step_play", False)
        title = tx("diagram_title", layer=ctx.layer + 1, unit=ctx.unit + 1, t=s + 1)
        if playing:
            fig = animated_diagram(
                ctx.cfg, ctx.layer, ctx.unit, st.session_state.get("play_speed", 20), lang()
            )
            # a click on a node (its customdata is the frame's step) stops playing at that step
            st.plotly_chart(
                fig,
                key="play_diagram",
                config={"displaylogo": False},
                on_select=stop_playing_here,
                selection_mode="points",
            )
        else:
            fig = diagram_figure(lt, s, ctx.unit, tx, title=title, colour_bars=False, digits=digits)
            st.plotly_chart(fig, key="cell_diagram", config={"displaylogo": False})
            # the same figure at every step: Streamlit keeps it, the browser does not redraw it
            st.plotly_chart(colour_key(lang()), key="colour_key", config={"displayModeBar": False})
    with top_right:
        if ctx.result.base is not None:
            b, u = ctx.result.base.layers[ctx.layer], ctx.unit
            st.warning(
                tx(
                    "whatif_cell_note",
                    h=num(lt.h[s, u]),
                    c=num(lt.c[s, u]) if lt.c is not None else "—",
                    h0=num(b.h[s, u]),
                    c0=num(b.c[s, u]) if b.c is not None else "—",
                ),
                icon="🔀",
            )
        step_line = "" if st.session_state.get("step_play") else step_caption(s, T) + "\n\n"
        st.markdown(f"{step_line}### {tx('reading_header')}\n\n{reading(lt, s, ctx.unit, tx)}")
    # The symbols are typeset once (identical at every step, so the browser keeps them);
    # this step's numbers sit beside them as text: re-typesetting at every step cost the most.
    st.markdown(f"### {tx('equations_header', unit=ctx.unit + 1)}")
    sym, nums = st.columns([1, 1], vertical_alignment="center")
    sym.latex(symbolic(cell))
    nums.markdown("\n\n".join(numbers(lt, s, ctx.unit, forced_word=tx("forced"), digits=digits)))
    st.markdown(
        f"### {tx('all_units_header', layer=ctx.layer + 1, t=s + 1)}\n\n{step_table(lt, s, digits + 1, tx('unit'))}"
    )
    # the code stays collapsed until opened: a closed expander costs the browser nothing per step
    with st.expander(tx("code_header"), expanded=False):
        st.caption(tx("code_corrected"))
        st.code(pseudocode(lt, s, tx, digits), language="python")
        st.markdown(tx("code_stack_header"))
        st.code(stacked_pseudocode(ctx.result.trace, s, tx, digits), language="python")


def stop_playing_here() -> None:
    """Play -> a node of the animated diagram was clicked: go to the step it showed, Play off.
    (A click on a label or the background carries no step: it keeps playing.)"""
    if jump_to_clicked(st.session_state["play_diagram"], T, "customdata"):
        st.session_state["step_play"] = False


@st.cache_resource(max_entries=2, show_spinner=False)
def colour_key(language: str):
    return colour_key_figure(lambda k: STRINGS[k][language])


@st.cache_resource(max_entries=16, show_spinner=False)
def animated_diagram(cfg, layer: int, unit: int, speed: int, language: str):
    """The diagram with one frame per step, built once per model, view and speed."""
    lt_ = run(cfg).trace.layers[layer]
    return diagram_figure(
        lt_, 0, unit, lambda k: STRINGS[k][language], frames=True, ms_per_step=int(1000 / speed)
    )


if lt.x.shape[1] > 1 or ctx.layer > 0:
    st.caption(tx("x_vector_note", layer=ctx.layer + 1, d=lt.x.shape[1]))
step_fragment(T, view, can_play=True, caption=False)  # the step line opens the reading instead
if cell == "lstm":
    st.caption(tx("code_note"))
st.caption(tx("credit"))
