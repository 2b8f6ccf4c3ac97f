"""The Layers page's pager for big models (imported ones go up to 256 units a layer): the stack
shows at most ``viz.stepview.UNITS_PAGE`` units of each layer, the page that holds the chosen
unit. Choosing another page chooses its first unit (the state owner's ``unit``, so the choice
outlives the page and travels in a link), so the chosen unit is always on screen.

Widget key: ``layers_units``."""

from __future__ import annotations

import streamlit as st

from ui.shell import state
from ui.shell.i18n import tx
from ui.shell.page import Context
from viz.stepview import UNITS_PAGE

KEY = "layers_units"


def _choose(sizes: tuple[int, ...]) -> None:
    """The chosen page's first unit becomes the chosen unit, on the chosen layer if it has that
    many units, else on the lowest layer that has."""
    ss = st.session_state
    start = int(ss[KEY])
    layer = int(ss["view_layer"]) - 1
    if sizes[layer] <= start:
        layer = next(k for k, h in enumerate(sizes) if h > start)
    state.update({"view_layer": layer + 1, "view_unit": start + 1})


def units_pager(ctx: Context) -> None:
    """A pager when some layer has more than a page of units (the stack shows the chosen unit's page)."""
    sizes = tuple(lt.hidden_size for lt in ctx.result.trace.layers)
    start = ctx.unit // UNITS_PAGE * UNITS_PAGE
    if max(sizes) <= UNITS_PAGE:
        return
    H = max(sizes)
    # the labels are made now, in today's language (AppTest calls a format_func outside a run)
    names = {
        s: tx("layers_units_page", a=s + 1, b=min(s + UNITS_PAGE, H), H=H) for s in range(0, H, UNITS_PAGE)
    }
    st.session_state[KEY] = start  # follows the chosen unit, however it was chosen
    st.selectbox(
        tx("layers_units_label"),
        list(names),
        key=KEY,
        format_func=names.get,
        on_change=_choose,
        args=(sizes,),
        help=tx("layers_units_help", n=UNITS_PAGE),
    )
