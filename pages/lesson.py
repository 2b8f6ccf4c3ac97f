"""Lesson: the article's path in ten chapters (ui.teach.lesson), each with a live view, a thing to do,
a predict-then-reveal question and folded teacher notes."""

import streamlit as st

from lstm_core.questions import applies, ask_grad_below
from ui.shell import page, state
from ui.shell.engine import why
from ui.shell.i18n import labels, tx
from ui.shell.share import share_ui
from ui.shell.state import CHAPTERS
from ui.stepper import stepper
from ui.teach import lesson, predict, present
from viz.classify import probabilities_figure
from viz.why import reach_figure

ctx = page.context()
n = state.get("lesson_chapter")
ch = lesson.LESSON[n]

nav = st.container(horizontal=True, vertical_alignment="center", key="lesson_nav")
nav.button(
    tx("lesson_prev"),
    key="lesson_prev",
    icon=":material/arrow_back:",
    on_click=lesson.go,
    args=(n - 1,),
    disabled=n == 0,
)
st.session_state["lesson_pick"] = n  # one key for every chapter: a key per chapter leaves ghosts behind
nav.selectbox(
    tx("lesson_pick"),
    range(CHAPTERS),
    key="lesson_pick",
    label_visibility="collapsed",
    format_func=lesson.title,
    on_change=lambda: lesson.go(st.session_state["lesson_pick"]),
    width="stretch",
)
nav.button(
    tx("lesson_next"),
    key="lesson_next",
    icon=":material/arrow_forward:",
    on_click=lesson.go,
    args=(n + 1,),
    disabled=n == CHAPTERS - 1,
    type="primary",
)
if not state.sidebar_shown():
    present.top_bar(nav)  # the language and presenter mode, in this row: a projector's first screen is short

view, words = lesson.frame(ch)  # presenter mode: the view and its question side by side, on the first screen
ask = lesson.words(ch, words)

if ch.view in ("cell", "layers"):
    limit = None
    with ask:
        if not applies(ctx.result.trace.kind, *ch.question):  # the question needs a kind it was written for
            st.warning(tx("lesson_needs_lstm", cell=labels("cell_")(ctx.cfg.cell)), icon="⚠️")
        else:
            limit = predict.step_question(ctx, ch.question)
    with view:
        stepper(ch.view, ctx, limit=limit)
elif ch.view == "why":
    w = why(ctx.cfg, float(state.get("vg_rho")))
    key = ("grad_below", ctx.cfg, float(state.get("vg_rho")))
    with ask:
        answered = predict.series_question(key, lambda: ask_grad_below(w.plain.reach.dx), w.plain.net.cell)
    with view:
        if answered:
            st.plotly_chart(
                reach_figure(w.reaches, tx),
                key="lesson_reach",
                config={"displaylogo": False},
            )
            st.caption(tx("lesson_vanish_after"))
        else:  # what the network reads; its gradients wait for the prediction
            x = w.x[:, 0]
            st.line_chart({"t": range(1, len(x) + 1), "x_t": x}, x="t", y="x_t", height=220)
            st.caption(tx("lesson_vanish_input", T=len(x)))
        share_ui()
elif ch.view == "classify":
    index = st.session_state.get(lesson.SERIES, 0)
    q, probs, x = lesson.decide_question(index)
    names = (tx("clf_class_trend_0"), tx("clf_class_trend_1"))
    again = lambda: st.session_state.update({lesson.SERIES: index + 1})  # noqa: E731
    with ask:
        answered = predict.series_question(
            ("decide", index), lambda: q, lesson.classifier()[0].net.cell, again=again
        )
    with view:
        if answered:
            st.plotly_chart(probabilities_figure(probs, x[:, 0], names, tx), key="lesson_probs")
        else:
            st.line_chart({"t": range(1, len(x) + 1), "x_t": x[:, 0]}, x="t", y="x_t", height=220)
        st.caption(tx("lesson_classify_own"))
        share_ui()

with st.expander(tx("lesson_notes_header"), icon=":material/school:"):
    st.markdown(tx(f"lesson_{ch.name}_notes"))
if lesson.has_own():
    c1, c2 = st.columns([3, 1], vertical_alignment="center")
    c1.caption(tx("lesson_own_note"))
    c2.button(tx("lesson_restore"), key="lesson_restore", on_click=lesson.restore)
st.caption(tx("credit"))
