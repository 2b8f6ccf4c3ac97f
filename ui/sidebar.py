"""The shared sidebar: language, model, input and view. Small ``*_ui`` functions
that draw a group of widgets and return plain values (or a Config)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

import lstm_core
from lstm_core.overrides import override_masks

from . import state, weights
from .engine import Config, InputSpec, build_input, decode_network
from .i18n import LANGS, labels, t
from .state import INPUT_KINDS, MAX_H, MAX_LAYERS, MAX_T
from .strings import STRINGS

LAST_GOOD = "_last_good_input"
MAX_UPLOAD_KB = 200


def language_ui() -> None:
    st.segmented_control(
        "🌐",
        options=list(LANGS),
        format_func=LANGS.get,
        key="lang",
        required=True,
        label_visibility="collapsed",
    )


def model_ui() -> tuple[str, tuple[int, ...], int, float, float]:
    st.subheader(t("model_header"))
    fixed = bool(weights.custom())  # custom weights fix the shape; the seed knobs do not apply
    if fixed:
        st.info(t("custom_active", what=custom_label()), icon="🎛️")
        st.button(t("weights_reset"), key="weights_reset", on_click=weights.reset_to_seed, width="stretch")
    cell = st.segmented_control(
        t("cell_kind_label"),
        ["lstm", "rnn"],
        format_func=labels("cell_"),
        key="cell_kind",
        required=True,
        disabled=fixed,
    )
    layers = st.slider(
        t("num_layers_label"), 1, MAX_LAYERS, key="num_layers", help=t("num_layers_help"), disabled=fixed
    )
    sizes = []
    cols = st.columns(2)
    for k in range(layers):
        key = "hidden_size" if k == 0 else f"hidden_size_l{k + 1}"
        with cols[k % 2]:
            sizes.append(
                st.number_input(
                    t("hidden_size_label", k=k + 1),
                    1,
                    MAX_H,
                    step=1,
                    key=key,
                    help=t("hidden_size_help"),
                    disabled=fixed,
                )
            )
    seed = st.number_input(
        t("seed_label"), 0, 2**31 - 1, step=1, key="seed", help=t("seed_help"), disabled=fixed
    )
    scale = st.slider(
        t("weight_scale_label"),
        0.0,
        10.0,
        step=0.1,
        key="weight_scale",
        help=t("weight_scale_help"),
        disabled=fixed,
    )
    fbias = st.slider(
        t("forget_bias_label"),
        -5.0,
        5.0,
        step=0.5,
        key="forget_bias",
        help=t("forget_bias_help"),
        disabled=cell == "rnn" or fixed,
    )
    return cell, tuple(int(s) for s in sizes), int(seed), float(scale), float(fbias)


def input_ui(seed: int) -> InputSpec:
    st.subheader(t("input_header"))
    kind = st.selectbox(t("input_kind_label"), INPUT_KINDS, format_func=labels("kind_"), key="input_kind")
    if kind == "typed":
        text = st.text_area(t("typed_label"), key="typed_numbers", help=t("typed_help"), height=100)
        return InputSpec("typed", text=text)
    if kind == "csv":
        up = st.file_uploader(t("csv_label", kb=MAX_UPLOAD_KB), type=["csv", "txt", "tsv"], key="csv_upload")
        if up is not None:
            raw = up.getvalue()
            if len(raw) > MAX_UPLOAD_KB * 1024:
                st.error(t("csv_too_big", kb=MAX_UPLOAD_KB, got=len(raw) // 1024))
            else:
                try:
                    st.session_state["csv_text"] = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    st.error(t("csv_not_text"))
        st.caption(t("csv_help"))
        return InputSpec("csv", text=st.session_state.get("csv_text", ""))
    length = st.slider(t("seq_len_label"), 1, MAX_T, key="seq_len")
    c1, c2 = st.columns(2)
    amp = c1.number_input(t("amplitude_label"), -100.0, 100.0, step=0.5, key="amplitude")
    if kind in ("step", "impulse"):
        onset = c2.number_input(t("onset_label"), 1, MAX_T, step=1, key="onset")
        period = state.get("period")
    else:
        period = c2.number_input(t("period_label"), 0.5, 1000.0, step=1.0, key="period")
        onset = state.get("onset")
    return InputSpec(kind, int(length), float(amp), float(period), int(onset), seed)


def view_ui(num_layers: int, sizes: tuple[int, ...]) -> tuple[int, int]:
    st.subheader(t("view_header"))
    c1, c2 = st.columns(2)
    if st.session_state.get("view_layer", 1) > num_layers:
        st.session_state["view_layer"] = num_layers
    layer = c1.number_input(t("view_layer_label"), 1, num_layers, step=1, key="view_layer")
    H = sizes[layer - 1]
    if st.session_state.get("view_unit", 1) > H:
        st.session_state["view_unit"] = H
    unit = c2.number_input(t("view_unit_label"), 1, H, step=1, key="view_unit")
    return int(layer) - 1, int(unit) - 1


def checked_input(spec: InputSpec) -> InputSpec:
    """The spec if it gives a usable input, else a message and the last good one."""
    try:
        x, _, cut = build_input(spec)
        need = decode_network(weights.custom()).input_size if weights.custom() else None
        if need is not None and x.shape[1] != need:
            raise lstm_core.ShapeError(t("input_dim_mismatch", need=need, got=x.shape[1]))
    except lstm_core.GateLabError as e:
        st.error(t("input_error", msg=str(e)), icon="⚠️")
        return st.session_state.get(LAST_GOOD, InputSpec("sine"))
    if cut:
        st.warning(t("input_cut", n=cut, max=MAX_T))
    if x.shape[1] > 1:
        st.caption(t("input_dims", d=x.shape[1]))
    st.session_state[LAST_GOOD] = spec
    return spec


def sidebar() -> tuple[Config, int, int]:
    """Draw the sidebar; return the model config and the chosen (layer, unit), 0-based."""
    with st.sidebar:
        language_ui()
        cell, sizes, seed, scale, fbias = model_ui()
        spec = checked_input(input_ui(seed))
        layer, unit = view_ui(len(sizes), sizes)
        ovs = fitting_overrides(cell, sizes, spec)
        share_ui()
    return Config(cell, sizes, seed, scale, fbias, spec, weights.custom(), ovs), layer, unit


def fitting_overrides(cell: str, sizes: tuple[int, ...], spec: InputSpec) -> tuple:
    """The session's overrides, if they still fit the model and the input; else none, with a message."""
    ovs = weights.overrides()
    if not ovs:
        return ()
    try:
        T = len(build_input(spec)[0])
        override_masks(ovs, cell, sizes, T)
    except lstm_core.GateLabError as e:
        weights.clear_overrides()
        st.warning(t("overrides_dropped", msg=str(e)), icon="⚠️")
        return ()
    return ovs


def custom_label() -> str:
    kind, _, name = weights.label().partition(":")
    if kind == "preset" and f"preset_title_{name}" in STRINGS:
        name = t(f"preset_title_{name}")
    return t(f"custom_{kind}", name=name) if f"custom_{kind}" in STRINGS else weights.label()


def share_ui() -> None:
    with st.expander(t("share_header")):
        st.caption(t("share_help"))
        if weights.custom() and not weights.small_enough_to_share(decode_network(weights.custom())):
            st.warning(t("share_too_big"))
        base = str(st.context.url or "").split("?")[0]
        query = urlencode(state.url_params())
        st.code(f"{base}?{query}", language=None, wrap_lines=True)
        if state.get("input_kind") == "csv":
            st.caption(t("share_csv_note"))
