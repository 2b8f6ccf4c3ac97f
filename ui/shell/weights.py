"""Custom weights and "what if" overrides in the session.

The model is the seeded random network until the student edits a weight,
loads a preset or imports a file; from then on the session holds the whole
network (``CUSTOM``, in ``lstm_core.layouts.encode`` form) and a label saying
where it came from. ``Reset to seed`` drops it. Overrides are a list of
``GateOverride`` that every page runs with.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lstm_core import ALL_BLOCKS, GateOverride, LayerParams, Network, kind_of, layouts

CUSTOM = "custom_weights"  # encoded network, or absent
LABEL = "custom_label"  # e.g. "edited", "preset:latch", "import:model.npz"
OVERRIDES = "overrides"  # list[GateOverride]
VERSION = "_weights_version"  # bumped at every change, so editors start fresh
MULT_BASE = "_mult_base"  # (layer, gate) -> weights at multiplier 1
HEAD = "_classifier_head"  # (encoded network, W, b, class names): a trained classifier's softmax head


def custom() -> str | None:
    return st.session_state.get(CUSTOM)


def label() -> str:
    return st.session_state.get(LABEL, "")


def set_network(net: Network, how: str, reset_multipliers: bool = True) -> None:
    """Make ``net`` the session's model. Its shape is its own: the sidebar's random-model
    settings stay as they were, for when the student goes back to them."""
    ss = st.session_state
    ss[CUSTOM] = layouts.encode(net)
    ss[LABEL] = how
    ss[VERSION] = ss.get(VERSION, 0) + 1
    if reset_multipliers:
        _reset_multipliers()
    drop_overrides_that_do_not_fit(net)


def set_head(W: np.ndarray, b: np.ndarray, names: tuple[str, ...], readout: str = "last") -> None:
    """The session's model is a trained classifier: keep its head (``W`` (K, H_top), ``b`` (K,), what it
    reads: h_T or the mean over time) with it."""
    st.session_state[HEAD] = (custom(), np.array(W), np.array(b), tuple(names), readout)


def head(weights: str | None) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], str] | None:
    """The classifier's head if the network ``weights`` (a Config's) is the one it was trained with."""
    kept = st.session_state.get(HEAD)
    if not weights or not kept or kept[0] != weights:
        return None
    return kept[1:]


def reset_to_seed() -> None:
    """Back to the seeded random model: custom weights and forced gates both go."""
    ss = st.session_state
    ss[CUSTOM], ss[LABEL] = None, ""
    ss[VERSION] = ss.get(VERSION, 0) + 1
    clear_overrides()
    _reset_multipliers()


def _reset_multipliers() -> None:
    st.session_state[MULT_BASE] = {}
    for g in ALL_BLOCKS:
        st.session_state[f"mult_{g}"] = 1.0


# ---- edits ---------------------------------------------------------------------


def gate_rows(p: LayerParams, cell: str, gate: str) -> slice:
    """The rows of block ``gate`` (a plain RNN's one block is "h")."""
    return p.block_rows(kind_of(cell).block(gate))


def edit_cells(net: Network, layer: int, gate: str, edits: dict[int, dict[str, float]]) -> Network:
    """Apply data-editor edits {row: {column: value}} to one gate block of one layer.

    Columns are the input names (x1 …), then h1 … (recurrent), then b_ih, b_hh.
    """
    p = net.layers[layer]
    W_ih, W_hh, b_ih, b_hh = (np.array(a) for a in (p.W_ih, p.W_hh, p.b_ih, p.b_hh))
    rows = gate_rows(p, net.cell, gate)
    start = rows.start or 0
    D, H = p.input_size, p.hidden_size
    for r, cols in edits.items():
        for col, value in cols.items():
            v = float(value)
            if not np.isfinite(v) or abs(v) > layouts.MAX_ABS:
                raise ValueError(
                    f"{col} of unit {int(r) + 1}: {value!r} is not a number between ±{layouts.MAX_ABS:g}."
                )
            row = start + int(r)
            if col == "b_ih":
                b_ih[row] = v
            elif col == "b_hh":
                b_hh[row] = v
            elif col.startswith("x") and 1 <= int(col[1:]) <= D:
                W_ih[row, int(col[1:]) - 1] = v
            elif col.startswith("h") and 1 <= int(col[1:]) <= H:
                W_hh[row, int(col[1:]) - 1] = v
    return net.with_layer(layer, LayerParams(W_ih, W_hh, b_ih, b_hh))


def set_bias(net: Network, layer: int, gate: str, value: float) -> Network:
    """Every unit's bias of ``gate`` becomes ``value`` (b_ih = value − b_hh)."""
    p = net.layers[layer]
    rows = gate_rows(p, net.cell, gate)
    b_ih = np.array(p.b_ih)
    b_ih[rows] = value - p.b_hh[rows]
    return net.with_layer(layer, LayerParams(p.W_ih, p.W_hh, b_ih, p.b_hh))


def scale_gate(net: Network, layer: int, gate: str, mult: float) -> Network:
    """The gate's W_ih and W_hh rows become ``mult`` × their values at multiplier 1."""
    base = st.session_state.setdefault(MULT_BASE, {})
    p = net.layers[layer]
    rows = gate_rows(p, net.cell, gate)
    key = (layer, gate)
    if key not in base:
        prev = float(st.session_state.get(f"_mult_prev_{gate}", 1.0)) or 1.0
        base[key] = (np.array(p.W_ih[rows]) / prev, np.array(p.W_hh[rows]) / prev)
    wi, wh = base[key]
    W_ih, W_hh = np.array(p.W_ih), np.array(p.W_hh)
    W_ih[rows], W_hh[rows] = wi * mult, wh * mult
    return net.with_layer(layer, LayerParams(W_ih, W_hh, p.b_ih, p.b_hh))


# ---- overrides -----------------------------------------------------------------


def overrides() -> tuple[GateOverride, ...]:
    return tuple(st.session_state.get(OVERRIDES, ()))


def add_override(ov: GateOverride) -> None:
    st.session_state[OVERRIDES] = [*overrides(), ov]


def clear_overrides() -> None:
    st.session_state[OVERRIDES] = []


def drop_overrides_that_do_not_fit(net: Network) -> None:
    """Remove overrides that name a layer or unit the model does not have."""
    st.session_state[OVERRIDES] = [
        ov
        for ov in overrides()
        if ov.gate in net.kind.gates
        and ov.layer < net.num_layers
        and (ov.units is None or max(ov.units) < net.hidden_sizes[ov.layer])
    ]


def overrides_to_text(ovs: tuple[GateOverride, ...]) -> str:
    """f.1.1.5-40.all;i.1.0.1-10.1+2 — gate, layer, value, steps (1-based, inclusive), units."""
    parts = []
    for ov in ovs:
        stop = "" if ov.stop is None else str(ov.stop)
        units = "all" if ov.units is None else "+".join(str(u + 1) for u in ov.units)
        parts.append(f"{ov.gate}.{ov.layer + 1}.{ov.value:g}.{ov.start + 1}-{stop}.{units}")
    return ";".join(parts)


def overrides_from_text(text: str) -> tuple[GateOverride, ...]:
    """The inverse of ``overrides_to_text``; ValueError when the text is not of that form."""
    out = []
    for part in filter(None, text.split(";")):
        gate, layer, rest = part.split(".", 2)
        value, steps, units = rest.rsplit(".", 2)
        a, b = steps.split("-")
        if gate not in ALL_BLOCKS or gate == "h":
            raise ValueError(gate)
        out.append(
            GateOverride(
                gate,
                int(layer) - 1,
                float(value),
                int(a) - 1,
                int(b) if b else None,
                None if units == "all" else tuple(int(u) - 1 for u in units.split("+")),
            )
        )
    return tuple(out)
