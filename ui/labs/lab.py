"""The Weights lab's widget groups: edit, presets, what-if, import/export.

Every change goes through ``ui.shell.weights`` (the session's model), inside a
widget callback, so that the same run already shows the new model on every
page and nothing is lost when the student moves between pages.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import lstm_core
from lstm_core import GateOverride, Network, layouts
from lstm_core.presets import PRESETS, preset
from ui.shell import state, weights
from ui.shell.badge import units_label
from ui.shell.errors import say
from ui.shell.files import MAX_BYTES, WeightsFileError, read_weights, to_npz
from ui.shell.i18n import labels, outside, tx
from ui.shell.page import Context
from ui.shell.state import STEP

ERROR = "_lab_error"
PENDING = "_lab_pending_import"


def _net(ctx: Context) -> Network:
    return ctx.result.net


def _fail(msg: str) -> None:
    st.session_state[ERROR] = msg


def show_error() -> None:
    msg = st.session_state.pop(ERROR, None)
    if msg:
        st.error(msg, icon="⚠️")


# ---- edit -------------------------------------------------------------------------


def _table(net: Network, layer: int, gate: str) -> pd.DataFrame:
    """One gate block of one layer: a row per unit; x…, h…, b_ih, b_hh columns."""
    p = net.layers[layer]
    rows = weights.gate_rows(p, net.cell, gate)
    cols = {}
    for j in range(p.input_size):
        cols[f"x{j + 1}"] = p.W_ih[rows, j]
    for j in range(p.hidden_size):
        cols[f"h{j + 1}"] = p.W_hh[rows, j]
    cols["b_ih"], cols["b_hh"] = p.b_ih[rows], p.b_hh[rows]
    return pd.DataFrame(cols, index=[f"{tx('unit')} {u + 1}" for u in range(p.hidden_size)])


def _on_edit(ctx: Context, layer: int, gate: str, key: str) -> None:
    edits = st.session_state[key].get("edited_rows", {})
    try:
        net = weights.edit_cells(_net(ctx), layer, gate, {int(r): c for r, c in edits.items()})
    except (ValueError, lstm_core.GateLabError) as e:
        _fail(tx("edit_refused", msg=say(e)))
        st.session_state[weights.VERSION] = st.session_state.get(weights.VERSION, 0) + 1
        return
    weights.set_network(net, "edited")


def _on_bias(ctx: Context, layer: int, gate: str) -> None:
    net = weights.set_bias(_net(ctx), layer, gate, float(st.session_state[f"bias_{gate}"]))
    weights.set_network(net, "edited")


def _on_mult(ctx: Context, layer: int, gate: str) -> None:
    mult = float(st.session_state[f"mult_{gate}"])
    net = weights.scale_gate(_net(ctx), layer, gate, mult)
    weights.set_network(net, "edited", reset_multipliers=False)
    st.session_state[f"_mult_prev_{gate}"] = mult


def edit_ui(ctx: Context) -> None:
    net, layer = _net(ctx), ctx.layer
    gates = net.kind.blocks  # a plain RNN's one block is h
    st.caption(tx("edit_help", layer=layer + 1))
    if st.session_state.get("edit_gate") not in gates:
        st.session_state["edit_gate"] = gates[0]
    gate = st.segmented_control(
        tx("edit_gate_label"), gates, key="edit_gate", required=True, format_func=labels("gate_name_")
    )
    p = net.layers[layer]
    rows = weights.gate_rows(p, net.cell, gate)
    c1, c2 = st.columns(2)
    st.session_state[f"bias_{gate}"] = float(
        np.clip(np.round(np.mean(p.b_ih[rows] + p.b_hh[rows]), 2), -10, 10)
    )
    c1.slider(
        tx("edit_bias_label", g=gate),
        -10.0,
        10.0,
        step=0.1,
        key=f"bias_{gate}",
        on_change=_on_bias,
        args=(ctx, layer, gate),
        help=tx("edit_bias_help"),
    )
    st.session_state.setdefault(f"mult_{gate}", 1.0)
    c2.slider(
        tx("edit_mult_label", g=gate),
        0.0,
        3.0,
        step=0.05,
        key=f"mult_{gate}",
        on_change=_on_mult,
        args=(ctx, layer, gate),
        help=tx("edit_mult_help"),
    )
    key = f"edit_{layer}_{gate}_{st.session_state.get(weights.VERSION, 0)}"
    df = _table(net, layer, gate)
    fmt = {c: st.column_config.NumberColumn(c, format="%.3f", step=0.001) for c in df.columns}
    st.data_editor(
        df,
        key=key,
        on_change=_on_edit,
        args=(ctx, layer, gate, key),
        column_config=fmt,
        width="stretch",
        num_rows="fixed",
    )
    st.caption(tx("edit_columns", d=p.input_size, h=p.hidden_size))


# ---- presets ------------------------------------------------------------------------


def _load_preset(name: str) -> None:
    p = preset(name)
    weights.clear_overrides()
    weights.set_network(p.network, f"preset:{name}")
    s = p.input
    values: dict = {"input_kind": s["kind"], STEP: 0, "view_layer": 1, "view_unit": 1}
    if s["kind"] == "typed":
        values["typed_numbers"] = s["text"]
    else:
        values |= {
            "seq_len": s["length"],
            "amplitude": float(s.get("amplitude", 1.0)),
            "period": float(s.get("period", 20.0)),
            "onset": int(s.get("onset", 5)),
        }
    state.update(values)


def presets_ui(ctx: Context) -> None:
    name = st.selectbox(
        tx("preset_label"), list(PRESETS), key="preset_choice", format_func=labels("preset_title_")
    )
    st.markdown(tx(f"preset_text_{name}"))
    st.button(tx("preset_load"), key="preset_load", on_click=_load_preset, args=(name,), type="primary")
    if weights.label() == "preset:rnn_lstm":
        from ui.shell.engine import twin_outputs
        from viz.whatif import twin_figure

        lstm_h, rnn_h = twin_outputs(ctx.cfg)
        st.plotly_chart(twin_figure(lstm_h, rnn_h, tx), key="twin_chart")


# ---- what if -----------------------------------------------------------------------------


def _add_override(T: int, layer: int) -> None:
    ss = st.session_state
    gate = ss["ov_gate"]
    a, b = ss["ov_steps"]
    units = tuple(sorted(u - 1 for u in ss.get("ov_units") or ()))
    ov = GateOverride(gate, layer, float(ss["ov_value"]), int(a) - 1, int(b), units or None)
    weights.add_override(ov)


def whatif_ui(ctx: Context) -> None:
    net, lt = _net(ctx), ctx.result.trace.layers[ctx.layer]
    kind = net.kind
    if not kind.gates:
        st.info(tx("whatif_rnn"))
        return
    T, H = lt.steps, lt.hidden_size
    st.caption(tx("whatif_help", layer=ctx.layer + 1))
    c1, c2, c3 = st.columns([4, 2, 3])
    if st.session_state.get("ov_gate") not in kind.gates:
        st.session_state["ov_gate"] = "f" if "f" in kind.gates else kind.gates[0]
    gate = c1.segmented_control(
        tx("ov_gate_label"), kind.gates, key="ov_gate", required=True, format_func=labels("gate_name_")
    )
    c2.multiselect(
        tx("ov_units_label"), list(range(1, H + 1)), key="ov_units", placeholder=tx("ov_units_all")
    )
    lo = kind.bounds(gate)[0]
    if not lo <= st.session_state.get("ov_value", 1.0) <= 1.0:
        st.session_state["ov_value"] = 1.0
    c3.slider(tx("ov_value_label", g=gate), lo, 1.0, step=0.05, key="ov_value", value=1.0)
    if T > 1:
        st.slider(tx("ov_steps_label"), 1, T, value=(1, T), key="ov_steps")
    else:
        st.session_state["ov_steps"] = (1, 1)
    b1, b2 = st.columns(2)
    b1.button(
        tx("ov_add"),
        key="ov_add",
        on_click=_add_override,
        args=(T, ctx.layer),
        type="primary",
        width="stretch",
    )
    b2.button(
        tx("ov_clear"),
        key="ov_clear",
        on_click=weights.clear_overrides,
        width="stretch",
        disabled=not weights.overrides(),
    )
    for ov in weights.overrides():
        units = units_label(ov)
        stop = T if ov.stop is None else ov.stop
        st.markdown(
            tx(
                "ov_item",
                g=ov.gate,
                v=f"{ov.value:g}",
                layer=ov.layer + 1,
                units=units,
                a=ov.start + 1,
                b=stop,
            )
        )
    if ctx.result.base is not None:
        from viz.whatif import whatif_figure

        st.plotly_chart(
            whatif_figure(lt, ctx.result.base.layers[ctx.layer], ctx.unit, tx, int(state.get("digits"))),
            key="whatif_chart",
        )


# ---- import / export ------------------------------------------------------------------------


def _confirm_import(ctx: Context) -> None:
    pending = st.session_state.get(PENDING)
    if pending is None:
        return
    name, text = pending
    net = layouts.decode(text)
    weights.clear_overrides()
    weights.set_network(net, f"import:{name}")
    st.session_state.pop(PENDING, None)


def files_ui(ctx: Context) -> None:
    net = _net(ctx)
    st.download_button(
        tx("export_label"),
        to_npz(net),
        file_name="gate-lab-weights.npz",
        mime="application/octet-stream",
        key="weights_export",
        icon="⬇️",
    )
    st.caption(tx("export_help"))
    st.divider()
    up = st.file_uploader(
        tx("import_label", mb=MAX_BYTES // (1024 * 1024)), type=["npz", "safetensors"], key="weights_upload"
    )
    if up is not None:
        _import_ui(ctx, up)
    else:
        st.session_state.pop(PENDING, None)
    with st.expander(tx("export_code_header")):
        st.code(EXPORT_SNIPPET, language="python")


def _import_ui(ctx: Context, up) -> None:
    """What the uploaded file holds, and a button to make it the model (the previous one stays until then)."""
    st.session_state.pop(PENDING, None)
    try:
        found = layouts.detect(read_weights(up.name, up.getvalue()))
    except (WeightsFileError, lstm_core.GateLabError) as e:
        st.error(tx("import_refused", msg=say(e)), icon="⚠️")
        return
    n = found.network
    too_big = state.too_big_to_show(n)
    if too_big:
        st.error(tx("model_too_big", **too_big), icon="⚠️")
        return
    st.session_state[PENDING] = (up.name, layouts.encode(n))
    st.success(
        tx(
            "import_found",
            layout=tx(f"layout_{found.layout}"),
            cell=tx(f"cell_{n.cell}"),
            layers=n.num_layers,
            sizes=", ".join(map(str, n.hidden_sizes)),
            d=n.input_size,
        )
    )
    if found.ignored:
        st.caption(tx("import_ignored", names=", ".join(outside(n) for n in found.ignored[:8])))
    for note in found.notes:
        st.info(tx(f"import_{note}"), icon="ℹ️")
    st.button(
        tx("import_confirm"), key="weights_import", on_click=_confirm_import, args=(ctx,), type="primary"
    )


EXPORT_SNIPPET = """# PyTorch: an nn.LSTM (or nn.RNN) -> weights.npz
import numpy as np
np.savez("weights.npz", **{k: v.detach().cpu().numpy() for k, v in lstm.state_dict().items()})

# Keras 3: a model with LSTM (or SimpleRNN) layers -> weights.npz (kernel, recurrent_kernel, bias per layer)
import numpy as np
np.savez("weights.npz", **{w.path: w.numpy() for w in model.weights})
"""


def status(ctx: Context) -> str:
    if weights.custom():
        from ui.shell.sidebar import custom_label

        return tx("custom_active", what=custom_label())
    return tx("status_seed", seed=ctx.cfg.seed)


__all__ = ["edit_ui", "presets_ui", "whatif_ui", "files_ui", "status", "show_error"]
