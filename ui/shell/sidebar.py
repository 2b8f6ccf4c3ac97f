"""The shared sidebar: language, model, input, view and (on pages without step
controls) the share box. Small ``*_ui`` functions that draw widgets from the
field table in ``ui.shell.state``; none of them builds the model: ``state.view()``
does that from session state alone, before the sidebar is drawn."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lstm_core import KINDS_BY_NAME
from ui.shell import state, weights
from ui.shell.i18n import LANGS, labels, outside, tx
from ui.shell.share import share_ui
from ui.shell.state import BY_KEY, HIDDEN_KEYS, INPUT_KINDS, View
from ui.shell.strings import STRINGS

MAX_UPLOAD_MB = 1  # the one limit said, by the label and by the uploader itself (its "Limit 1MB")
CSV_ERROR = "_csv_error"


def _bounds(key: str) -> tuple:
    f = BY_KEY[key]
    return f.lo, f.hi


def _typed_beside(key: str, label: str) -> None:
    """A number box beside ``key``'s slider: the same value, typed (issue 20). The slider's key stays
    the one owner (URL, presets, lesson); the box follows it on every run and writes back to it."""
    typed = f"{key}_typed"
    st.session_state[typed] = st.session_state[key]

    def _write() -> None:
        st.session_state[key] = int(st.session_state[typed])

    st.number_input(label, *_bounds(key), step=1, key=typed, on_change=_write)


def language_ui() -> None:
    st.segmented_control(
        "🌐",
        options=list(LANGS),
        format_func=LANGS.get,
        key="lang",
        required=True,
        label_visibility="collapsed",
    )


def model_ui() -> None:
    st.subheader(tx("model_header"))
    net = state.custom_network()
    if net is not None:  # custom weights fix the shape; the seed knobs do not apply
        st.info(tx("custom_active", what=custom_label()), icon="🎛️")
        st.markdown(
            tx(
                "custom_shape",
                cell=tx(f"cell_{net.cell}"),
                layers=net.num_layers,
                sizes=", ".join(map(str, net.hidden_sizes)),
                d=net.input_size,
            )
        )
        st.button(tx("weights_reset"), key="weights_reset", on_click=weights.reset_to_seed, width="stretch")
        return
    cell = st.segmented_control(
        tx("cell_kind_label"),
        list(KINDS_BY_NAME),
        format_func=labels("cell_"),
        key="cell_kind",
        required=True,
    ) or state.get("cell_kind")  # never None: the state owner has the kind when the widget lost it
    c_slide, c_type = st.columns([3, 1], vertical_alignment="bottom")
    with c_slide:
        layers = st.slider(
            tx("num_layers_label"), *_bounds("num_layers"), key="num_layers", help=tx("num_layers_help")
        )
    with c_type:
        _typed_beside("num_layers", tx("or_type_label"))
    cols = st.columns(2)
    for k, key in enumerate(HIDDEN_KEYS[:layers]):
        cols[k % 2].number_input(
            tx("hidden_size_label", k=k + 1), *_bounds(key), step=1, key=key, help=tx("hidden_size_help")
        )
    st.number_input(tx("seed_label"), *_bounds("seed"), step=1, key="seed", help=tx("seed_help"))
    st.slider(
        tx("weight_scale_label"),
        *_bounds("weight_scale"),
        step=0.1,
        key="weight_scale",
        help=tx("weight_scale_help"),
    )
    st.slider(
        tx("forget_bias_label"),
        *_bounds("forget_bias"),
        step=0.5,
        key="forget_bias",
        help=tx("forget_bias_help"),
        disabled="f" not in KINDS_BY_NAME[cell].blocks,
    )


def _read_csv() -> None:
    """The uploader's callback: keep the file's text in the session (it outlives the widget)."""
    ss = st.session_state
    up = ss.get("csv_upload")
    ss.pop(CSV_ERROR, None)
    if up is None:
        return
    raw = up.getvalue()
    if len(raw) > MAX_UPLOAD_MB * 1024 * 1024:
        ss[CSV_ERROR] = tx("csv_too_big", mb=MAX_UPLOAD_MB, got=len(raw) // 1024)
        return
    try:
        ss["csv_text"] = raw.decode("utf-8-sig")
        ss["csv_name"] = up.name
    except UnicodeDecodeError:
        ss[CSV_ERROR] = tx("csv_not_text")


def input_ui() -> None:
    st.subheader(tx("input_header"))
    kind = st.selectbox(tx("input_kind_label"), INPUT_KINDS, format_func=labels("kind_"), key="input_kind")
    if kind == "typed":
        st.text_area(tx("typed_label"), key="typed_numbers", help=tx("typed_help"), height=100)
        return
    if kind == "csv":
        st.file_uploader(
            tx("csv_label", mb=MAX_UPLOAD_MB),
            type=["csv", "txt", "tsv"],
            max_upload_size=MAX_UPLOAD_MB,
            key="csv_upload",
            on_change=_read_csv,
        )
        if st.session_state.get(CSV_ERROR):
            st.error(st.session_state[CSV_ERROR], icon="⚠️")
        if st.session_state.get("csv_text") and st.session_state.get("csv_upload") is None:
            st.caption(tx("csv_kept", name=outside(st.session_state.get("csv_name", ""))))
        st.caption(tx("csv_help"))
        return
    c_slide, c_type = st.columns([3, 1], vertical_alignment="bottom")
    c_slide.slider(tx("seq_len_label"), *_bounds("seq_len"), key="seq_len")
    with c_type:
        _typed_beside("seq_len", tx("or_type_label"))
    c1, c2 = st.columns(2)
    c1.number_input(tx("amplitude_label"), *_bounds("amplitude"), step=0.5, key="amplitude")
    if kind in ("step", "impulse"):
        c2.number_input(tx("onset_label"), *_bounds("onset"), step=1, key="onset")
    else:
        c2.number_input(tx("period_label"), *_bounds("period"), step=1.0, key="period")


def view_ui(v: View) -> None:
    st.subheader(tx("view_header"))
    sizes = v.cfg.hidden
    c1, c2 = st.columns(2)
    c1.number_input(tx("view_layer_label"), 1, len(sizes), step=1, key="view_layer")
    c2.number_input(tx("view_unit_label"), 1, sizes[v.layer], step=1, key="view_unit")
    st.number_input(tx("digits_label"), *_bounds("digits"), step=1, key="digits", help=tx("digits_help"))


LEVEL = {
    "input_cut": "warning",
    "overrides_dropped": "warning",
    "url_clamped": "warning",
    "input_dims": "caption",
}


def show_problems(v: View, where: str) -> None:
    """The view's messages for one place (``"input"``, ``"model"``, ``"link"``), each at its level."""
    for w, key, values in v.problems:
        if w != where:
            continue
        level = LEVEL.get(key, "error")
        if level == "caption":
            st.caption(tx(key, **values))
        else:
            getattr(st, level)(tx(key, **values), icon="🔗" if where == "link" else "⚠️")


def sidebar(
    v: View,
    share: bool = True,
    top: Callable[[], None] = lambda: None,
    bottom: Callable[[], None] = lambda: None,
) -> None:
    """Draw the sidebar for the view ``v`` (built from state before it). ``top`` and ``bottom``: what
    the features built on the shell add (app.py passes presenter mode's button and the teaching box),
    so that the shell never imports them."""
    with st.sidebar:
        language_ui()
        top()  # outside any expander: presenter mode's key P works only while its button is on the page
        model_ui()
        input_ui()
        show_problems(v, "input")
        view_ui(v)
        if share:
            share_ui()
        bottom()


def custom_label() -> str:
    """Where the custom weights came from, in words; a name from outside (a file's, a link's) escaped."""
    kind, _, name = weights.label().partition(":")
    if kind == "preset" and f"preset_title_{name}" in STRINGS:
        return tx("custom_preset", name=tx(f"preset_title_{name}"))
    if f"custom_{kind}" in STRINGS:
        return tx(f"custom_{kind}", name=outside(name))
    return outside(weights.label())
