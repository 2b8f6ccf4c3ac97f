"""What a first-time student reads: decimals on demand, C on its own scale, whole
units, the badge that names what is not the random model, Classify's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.conftest import arr, chart, make_app, step_to, stepper
from tests.app.test_pages import default_trace, latex_numbers
from ui.labs.classify_ui import RESULT
from ui.shell import weights


def test_more_decimals_on_demand():
    at = make_app({"t": "3"})
    tr = default_trace().layers[0]
    at.sidebar.number_input(key="digits").set_value(5).run()
    eq = latex_numbers(at)
    assert f"= {tr.h[2, 0]:.5f}" in eq and f"= {tr.c[2, 0]:.5f}" in eq
    row = [v.replace("−", "-") for v in stepper(at)["payload"]["table"]["rows"][2][0]]
    assert row[:2] == [f"{tr.i[2, 0]:.5f}", f"{tr.f[2, 0]:.5f}"]  # the table shows as many (issue 20)
    labels = " ".join(stepper(at)["payload"]["diagram"]["text"][2])
    assert f"{tr.f[2, 0]:.5f}" in labels.replace("−", "-")
    assert at.query_params["dec"] == "5"


def test_c_beyond_one_gets_its_own_labelled_scale_and_units_are_whole():
    at = make_app(page="weights")
    at.selectbox(key="preset_choice").set_value("counter").run()
    at.button(key="preset_load").click().run()
    at.sidebar.selectbox(key="input_kind").set_value("typed").run()
    at.sidebar.text_area(key="typed_numbers").input(
        ", ".join(["1"] * 25)
    ).run()  # the counter adds them up: C ≈ 11.5
    at.switch_page("pages/timeline.py").run()
    fig = chart(at, "heatmaps_0")
    heat = {d["name"]: d for d in fig["data"] if d["type"] == "heatmap"}
    c = arr(heat["c"]["z"])
    assert np.abs(c).max() > 1  # the counter's memory leaves ±1 …
    assert (
        heat["c"]["zmax"] == -heat["c"]["zmin"] == pytest.approx(np.abs(c).max(), abs=1e-3)
    )  # … the scale too
    assert heat["c"]["showscale"] and "C (scale ±" in heat["c"]["colorbar"]["title"]["text"]
    assert heat["h"]["zmax"] == 1 and heat["c"]["hovertemplate"].startswith("C:")
    assert all(fig["layout"][k]["type"] == "category" for k in fig["layout"] if k.startswith("yaxis"))
    at.switch_page("pages/layers.py").run()
    top = stepper(at)["payload"]["layers"][0]["top"]
    assert top >= np.abs(c).max()  # the C bars stay inside the axis


def test_the_badge_names_custom_weights_and_forced_gates_and_clears_both():
    at = make_app({"ov": "f.1.1.5-.all"}, page="why")
    text = " ".join(m.value for m in at.main.markdown)
    assert "forced gates: f = 1 in layer 1, steps 5–T, all units" in text
    assert "Custom weights and forced gates are not used here" in " ".join(c.value for c in at.caption)
    at.switch_page("pages/weights.py").run()
    at.segmented_control(key="edit_gate").set_value("o").run()
    at.slider(key="bias_o").set_value(-2.0).run()
    at.switch_page("pages/layers.py").run()
    text = " ".join(m.value for m in at.main.markdown)
    assert "custom weights (edited by hand)" in text and "forced gates" in text
    at.button(key="badge_clear").click().run()
    assert not at.session_state[weights.CUSTOM] and not at.session_state[weights.OVERRIDES]
    assert not [b for b in at.button if b.key == "badge_clear"]
    assert "ov" not in at.query_params and "w" not in at.query_params


def test_sidebar_reset_clears_forced_gates_too():
    at = make_app({"ov": "i.1.0.1-.all"}, page="weights")
    at.segmented_control(key="edit_gate").set_value("f").run()
    at.slider(key="bias_f").set_value(3.0).run()
    at.sidebar.button(key="weights_reset").click().run()
    assert not at.session_state[weights.OVERRIDES] and "ov" not in at.query_params


def test_classify_says_what_its_numbers_mean():
    at = make_app(page="classify")
    at.selectbox(key="clf_task").set_value("speed").run()
    at.slider(key="clf_epochs").set_value(3).run()
    at.slider(key="clf_hidden").set_value(4).run()
    at.button(key="clf_train").click().run(timeout=120)
    res = at.session_state[RESULT]
    metric = next(m for m in at.metric if m.label == "LSTM test accuracy")
    delta = metric.proto.delta
    lstm, knn = (float(m.value.rstrip(" %")) for m in at.metric[:2])
    assert delta.startswith("-" if lstm < knn else "+")  # Streamlit colours and points the arrow by this sign
    best = min(range(3), key=lambda k: (res["history"][k][1], -k))
    epochs = " ".join(c.value for c in at.caption)
    assert f"epoch {res['best_epoch']} of 3" in epochs and res["best_epoch"] == res["history"][best][0]
    conf = chart(at, "clf_confusion")
    assert conf["layout"]["xaxis"]["type"] == "category" and conf["layout"]["yaxis"]["type"] == "category"
    assert "the model would give if the series ended at step t" in epochs


def test_the_layers_page_gives_its_numbers_as_tables_on_demand():
    at = make_app({"layers": "2", "h2": "3", "t": "4"}, page="layers")
    trace = default_trace(hidden=(4, 3))
    layers = stepper(at)["payload"]["layers"]  # top layer first
    for k, H in ((0, 4), (1, 3)):
        lt, tab = trace.layers[k], layers[1 - k]
        assert tab["table_title"] == f"Layer {k + 1} (H = {H})"
        row = [v.replace("−", "-") for v in tab["table"]["rows"][3][H - 1]]
        assert row[:2] == [f"{lt.i[3, H - 1]:.2f}", f"{lt.f[3, H - 1]:.2f}"]


def test_one_share_box_per_page_and_it_names_the_step():
    at = make_app({"t": "5"})
    for page, in_sidebar in (("cell", False), ("timeline", False), ("weights", True), ("classify", True)):
        at.switch_page(f"pages/{page}.py").run()
        labels = [e.label for e in at.sidebar.children.values() if type(e).__name__ == "Expander"]
        assert ("🔗 Share this view" in labels) == in_sidebar, page
    at.switch_page("pages/cell.py").run()
    step_to(at, 5)  # the stepper reports the step the student stopped on
    # the share box is the stepper's: the address bar's link, with the step shown (e2e checks it)
    assert stepper(at)["share"]["header"] == "🔗 Share this view" and at.query_params["t"] == "6"
