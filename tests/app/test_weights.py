"""Weights lab through AppTest: edits, presets, overrides, import, export, links."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
import torch

from lstm_core import GateOverride, Network, generate, layouts
from lstm_core.presets import PRESETS, preset
from tests.app.conftest import arr, chart, make_app
from tests.app.test_pages import default_trace, latex_numbers
from ui.shell import weights
from ui.shell.files import to_npz


def model(at) -> Network:
    return layouts.decode(at.session_state[weights.CUSTOM])


def npz(net: Network | dict) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **(net.state_dict() if isinstance(net, Network) else net))
    return buf.getvalue()


def test_bias_slider_reaches_the_engine_and_reset_undoes_it():
    at = make_app(page="weights")
    at.segmented_control(key="edit_gate").set_value("f").run()
    at.slider(key="bias_f").set_value(4.0).run()
    net = model(at)
    p = net.layers[0]
    np.testing.assert_allclose(p.b_ih[4:8] + p.b_hh[4:8], 4.0)
    assert at.session_state[weights.LABEL] == "edited"
    # custom weights fix the shape: the seeded model's knobs give way to what the model is
    assert "num_layers" not in {w.key for w in at.sidebar.slider}
    assert "seed" not in {w.key for w in at.sidebar.number_input}
    assert "LSTM: 1 layer(s) of 4 hidden units, 1 input(s) per step." in " ".join(
        m.value for m in at.sidebar.markdown
    )
    at.switch_page("pages/cell.py").run()
    assert "+ 4.00)" in latex_numbers(at)  # f_t = σ(… + b_f) with b_f = 4
    at.sidebar.button(key="weights_reset").click().run()
    assert not (weights.CUSTOM in at.session_state and at.session_state[weights.CUSTOM])
    assert "+ 1.00)" in latex_numbers(at)  # back to the sidebar's forget bias
    assert not at.sidebar.slider(key="num_layers").disabled and at.sidebar.slider(key="num_layers").value == 1


def test_multiplier_scales_one_gate_and_edits_survive_page_changes():
    at = make_app(page="weights")
    base = default_trace().layers[0].params
    at.segmented_control(key="edit_gate").set_value("i").run()
    at.slider(key="mult_i").set_value(2.0).run()
    at.slider(key="mult_i").set_value(0.5).run()
    p = model(at).layers[0]
    np.testing.assert_allclose(p.W_ih[0:4], 0.5 * base.W_ih[0:4])
    np.testing.assert_allclose(p.W_hh[0:4], 0.5 * base.W_hh[0:4])
    np.testing.assert_array_equal(p.W_ih[4:], base.W_ih[4:])
    for page in ("timeline", "layers", "why", "cell", "weights"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
    np.testing.assert_allclose(model(at).layers[0].W_ih[0:4], 0.5 * base.W_ih[0:4])
    x = generate("sine", 40, 1.0, 20.0, 0, 4)
    want = model(at).run(x).layers[0]
    at.switch_page("pages/timeline.py").run()
    heat = {d["name"]: d for d in chart(at, "heatmaps_0")["data"] if d["type"] == "heatmap"}
    np.testing.assert_allclose(arr(heat["i"]["z"]), np.round(want.i.T, 3))


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_loads_with_its_input(name):
    at = make_app(page="weights")
    at.selectbox(key="preset_choice").set_value(name).run()
    at.button(key="preset_load").click().run()
    assert not at.exception
    p = preset(name)
    assert at.session_state[weights.LABEL] == f"preset:{name}"
    for k, v in p.network.state_dict().items():
        np.testing.assert_array_equal(model(at).state_dict()[k], v)
    assert at.sidebar.selectbox(key="input_kind").value == p.input["kind"]
    at.switch_page("pages/timeline.py").run()
    heat = {d["name"]: d for d in chart(at, "heatmaps_0")["data"] if d["type"] == "heatmap"}
    if name == "memory":  # the claim, read off the app's own chart: C never changes after step 1
        c = arr(heat["c"]["z"])[0]
        assert np.abs(c[1:] - c[0]).max() < 0.01
    if name == "rnn_lstm":
        at.switch_page("pages/weights.py").run()
        twin = chart(at, "twin_chart")
        lstm_h, rnn_h = (arr(d["y"]) for d in twin["data"])
        assert abs(rnn_h[-1]) < 0.01 * abs(rnn_h[0]) and abs(lstm_h[-1]) > 0.9 * abs(lstm_h[0])


def test_override_matches_the_engine_and_clears():
    at = make_app(page="weights")
    at.segmented_control(key="ov_gate").set_value("f").run()
    at.slider(key="ov_value").set_value(1.0).run()
    at.slider(key="ov_steps").set_value((5, 40)).run()
    at.multiselect(key="ov_units").set_value([2]).run()
    at.button(key="ov_add").click().run()
    assert weights.overrides_to_text(tuple(at.session_state[weights.OVERRIDES])) == "f.1.1.5-40.2"
    assert chart(at, "whatif_chart")
    x = generate("sine", 40, 1.0, 20.0, 0, 4)
    net = Network.random(1, [4], "lstm", 0, 1.0, 1.0)
    want = net.run(x, overrides=[GateOverride("f", 0, 1.0, 4, 40, (1,))]).layers[0]
    at.switch_page("pages/timeline.py").run()
    heat = {d["name"]: d for d in chart(at, "heatmaps_0")["data"] if d["type"] == "heatmap"}
    np.testing.assert_allclose(arr(heat["c"]["z"]), np.round(want.c.T, 3))
    diff = {d["name"]: d for d in chart(at, "diff_0")["data"]}
    dc = arr(diff["dc"]["z"])
    assert np.abs(dc[:, :4]).max() == 0 and np.abs(dc[1, 4:]).max() > 0  # nothing changes before step 5
    assert at.query_params["ov"] == "f.1.1.5-40.2"
    at.switch_page("pages/cell.py").run()
    from tests.app.conftest import stepper

    notes = stepper(at)["payload"]["whatif"]  # forced against original, at every step
    assert len(notes) == 40 and notes[19].startswith("**What if:**")
    at.switch_page("pages/weights.py").run()
    at.button(key="ov_clear").click().run()
    assert at.session_state[weights.OVERRIDES] == []
    at.switch_page("pages/timeline.py").run()
    assert not [c for c in at.get("plotly_chart") if "diff_" in c.proto.id]


def test_import_torch_file_confirm_and_export_round_trip():
    torch.manual_seed(2)
    lstm = torch.nn.LSTM(1, 3, num_layers=2, dtype=torch.float32)
    sd = {f"lstm.{k}": v.detach().numpy() for k, v in lstm.state_dict().items()}
    at = make_app(page="weights")
    at.file_uploader(key="weights_upload").upload("trained.npz", npz(sd)).run()
    found = " ".join(s.value for s in at.success)
    assert (
        "Found PyTorch weights (LSTM)" in found
        and "2 layer(s) of hidden size 3, 3" in found
        and "1 input(s)" in found
    )
    assert not at.session_state[weights.CUSTOM]  # nothing changes before the student confirms
    at.button(key="weights_import").click().run()
    assert at.session_state[weights.LABEL] == "import:trained.npz"
    x = generate("sine", 40, 1.0, 20.0, 0, 4)
    out, _ = lstm(torch.tensor(x, dtype=torch.float32))
    np.testing.assert_allclose(model(at).run(x).output, out.detach().numpy(), atol=1e-6)
    assert any(b.key == "weights_export" for b in at.get("download_button"))
    exported = np.load(io.BytesIO(to_npz(model(at))), allow_pickle=False)  # what that button serves
    for k, v in lstm.state_dict().items():
        assert torch.equal(torch.from_numpy(exported[k]).float(), v)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("notes.npz", b"just some text", ["not a valid .npz"]),
        ("five_blocks.npz", None, ["(10, 2)", "nn.GRU (6, 2)"]),
        ("nine_layers.npz", "deep", ["9 layer(s)", "up to 8 layers", "previous model is kept"]),
        ("wide.npz", "wide", ["300 hidden units", "256 hidden units per layer"]),
    ],
)
def test_bad_imports_leave_the_model_as_it_was(name, data, words):
    at = make_app(page="weights")
    at.segmented_control(key="edit_gate").set_value("f").run()
    at.slider(key="bias_f").set_value(2.0).run()
    before = at.session_state[weights.CUSTOM]
    if data is None:
        data = npz(
            {
                "weight_ih_l0": np.zeros((10, 1)),
                "weight_hh_l0": np.zeros((10, 2)),
                "bias_ih_l0": np.zeros(10),
                "bias_hh_l0": np.zeros(10),
            }
        )
    elif data == "deep":
        data = npz(Network.random(1, [2] * 9, seed=1))
    elif data == "wide":
        data = npz(Network.random(1, [300], seed=1))
    at.file_uploader(key="weights_upload").upload(name, data).run()
    if at.get("button") and any(b.key == "weights_import" for b in at.button):
        at.button(key="weights_import").click().run()
    text = re.sub(r"\\(.)", r"\1", " ".join(e.value for e in at.error))  # as a student reads it
    for w in words:
        assert w in text
    assert at.session_state[weights.CUSTOM] == before


def test_small_edited_model_travels_in_the_link_and_big_ones_say_so():
    at = make_app({"h1": "2"}, page="weights")
    at.segmented_control(key="edit_gate").set_value("o").run()
    at.slider(key="bias_o").set_value(-2.5).run()
    q = dict(at.query_params)
    assert "w" in q and q["wsrc"] == "edited"
    other = make_app(q, page="weights")
    assert not other.warning
    for k, v in model(at).state_dict().items():
        np.testing.assert_array_equal(model(other).state_dict()[k], v)
    big = make_app({"h1": "16"}, page="weights")  # 1,216 float64 weights: more than a link's 8 KB
    big.slider(key="bias_i").set_value(1.0).run()
    assert "w" not in big.query_params and big.query_params["wsrc"] == "edited"
    assert any("too big for a link" in w.value for w in big.sidebar.warning)
    opened = make_app(dict(big.query_params))
    assert any("too big to travel in a link" in w.value for w in opened.warning)


def test_custom_model_refuses_an_input_of_the_wrong_dimension():
    at = make_app(page="weights")
    at.file_uploader(key="weights_upload").upload("m.npz", npz(Network.random(1, [2], seed=0))).run()
    at.button(key="weights_import").click().run()
    at.sidebar.selectbox(key="input_kind").set_value("csv").run()
    at.sidebar.file_uploader(key="csv_upload").upload("two.csv", b"a,b\n1,2\n3,4\n", "text/csv").run()
    assert "The model reads 1 numbers per step" in at.sidebar.error[0].value
    assert not at.exception


def test_a_model_that_reads_two_inputs_is_shown_on_a_two_column_signal():
    at = make_app(page="weights")
    net = Network.random(2, [3], seed=1)
    at.file_uploader(key="weights_upload").upload("two_inputs.npz", npz(net)).run()
    at.button(key="weights_import").click().run()
    assert not at.error and not at.exception
    at.switch_page("pages/timeline.py").run()
    fig = chart(at, "input_chart")
    lines = [d for d in fig["data"] if d.get("name") in ("x1", "x2")]
    assert len(lines) == 2  # the sine feeds both inputs
    x = np.stack([arr(d["y"]) for d in lines], axis=1)
    np.testing.assert_allclose(model(at).run(x).layers[0].h[-1], net.run(x).layers[0].h[-1])
