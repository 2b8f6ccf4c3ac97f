"""The Timeline's finder: jump to the step where one unit's gate or state is at its minimum or
maximum (issue 20: "find the step where unit 1's forget gate is lowest" took 60 hovers).

Widget keys: ``find_series``, ``find_unit``, ``find_which``, ``find_go``."""

from __future__ import annotations

import numpy as np
import streamlit as st

from lstm_core.trace import Trace
from ui.shell import state
from ui.shell.i18n import labels, tx
from ui.stepper import owner
from ui.stepper.steps import move
from viz.style import num

FOUND = "_find_found"  # what the last jump found: (series, layer, unit, step, value)


def _values(trace: Trace, name: str, layer: int) -> np.ndarray:
    lt = trace.layers[layer]
    return lt.c - lt.c_prev if name == "dc" else lt.gate(name)  # (T, H)


def _go(trace: Trace) -> None:
    ss = st.session_state
    name, (layer, unit), which = ss["find_series"], ss["find_unit"], ss["find_which"]
    v = _values(trace, name, layer)[:, unit]
    step = int(np.argmin(v) if which == "min" else np.argmax(v))
    move(step, owner.PRESET)  # the one writer of the step
    ss[FOUND] = (name, layer, unit, step, float(v[step]))


def finder(trace: Trace) -> None:
    """Series, unit, lowest/highest and a button; the step moves on the click (before the rerun)."""
    series = trace.kind.series + (("dc",) if trace.layers[0].c is not None else ())
    units = [(k, u) for k, lt in enumerate(trace.layers) for u in range(lt.hidden_size)]
    many = len(trace.layers) > 1

    # the labels are made now, in today's language (AppTest calls a format_func outside a run)
    names = {(k, u): tx("unit_in_layer", u=u + 1, k=k + 1) if many else str(u + 1) for k, u in units}
    unit_label = names.get

    with st.container(key="finder", border=True):
        st.markdown(f"**{tx('find_header')}**")
        c1, c2 = st.columns(2)
        c3, c4 = st.columns(2, vertical_alignment="bottom")
        c1.selectbox(tx("find_series"), series, key="find_series", format_func=labels("row_"))
        if st.session_state.get("find_unit") not in units:
            st.session_state["find_unit"] = units[0]
        c2.selectbox(tx("view_unit_label"), units, key="find_unit", format_func=unit_label)
        c3.segmented_control(
            tx("find_which"),
            ("min", "max"),
            key="find_which",
            format_func=labels("find_"),
            default="min",
            required=True,
        )
        c4.button(tx("find_go"), key="find_go", on_click=_go, args=(trace,), width="stretch")
        found = st.session_state.get(FOUND)
        if found and found[1] < len(trace.layers) and found[3] < trace.steps:
            name, k, u, s, v = found
            digits = int(state.get("digits"))
            st.caption(
                tx("find_result", what=tx(f"row_{name}"), unit=unit_label((k, u)), t=s + 1, v=num(v, digits))
            )
