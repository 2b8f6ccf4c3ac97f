"""The badge on every page while the model is not the sidebar's seeded random one:
it names the custom weights and the forced gates, and clears both in one click."""

from __future__ import annotations

import streamlit as st

from ui.shell import weights
from ui.shell.i18n import tx
from ui.shell.sidebar import custom_label


def units_label(ov) -> str:
    """'all units' or 'units 1, 3': which hidden units a forced gate applies to."""
    if ov.units is None:
        return tx("ov_units_all")
    return tx("ov_units_some", list=", ".join(str(u + 1) for u in ov.units))


def describe_overrides() -> str:
    parts = []
    for ov in weights.overrides():
        units = units_label(ov)
        stop = "T" if ov.stop is None else str(ov.stop)
        parts.append(
            tx(
                "badge_override",
                g=ov.gate,
                v=f"{ov.value:g}",
                layer=ov.layer + 1,
                a=ov.start + 1,
                b=stop,
                units=units,
            )
        )
    return "; ".join(parts)


def badge() -> None:
    custom, ovs = weights.custom(), weights.overrides()
    if not custom and not ovs:
        return
    parts = []
    if custom:
        parts.append(tx("badge_weights", what=custom_label()))
    if ovs:
        parts.append(tx("badge_forced", what=describe_overrides()))
    with st.container(key="custom_badge", horizontal=True, vertical_alignment="center"):
        st.markdown(":orange-badge[:material/tune: " + tx("badge_title") + "] " + " · ".join(parts))
        st.button(
            tx("badge_clear"),
            key="badge_clear",
            on_click=weights.reset_to_seed,
            icon=":material/restart_alt:",
            width="content",
        )
