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


def test_a_256_unit_model_shows_a_page_of_units_with_the_chosen_one_and_pages_on():
    """An imported 256-unit model (a 4-unit layer on top): the stack shows 16 units of each layer,
    the page with the chosen unit; the pager moves the chosen unit to its page's first; the data
    sent to the browser stays a page's worth."""
    from lstm_core import Network, layouts
    from tests.app.test_bad_inputs import f32
    from ui.shell.engine import run
    from ui.shell.page import CONTEXT
    from viz.stepview import UNITS_PAGE

    net = f32(Network.random(1, (256, 4), "rnn", seed=2))  # a link carries an RNN of 256 (an LSTM's is 4×)
    at = make_app({"w": layouts.encode(net), "layer": "1", "unit": "40", "t": "3"}, page="layers")
    assert not at.exception and not at.error
    pager = at.selectbox(key="layers_units")
    assert pager.value == 32 and pager.options[:2] == ["units 1–16 of 256", "units 17–32 of 256"]
    top, bottom = stepper(at)["payload"]["layers"]  # top layer first
    assert bottom["title"] == "Layer 1 (H = 256) — its h_t goes up · units 33–48 of 256"
    assert (
        bottom["units"] == [str(u) for u in range(33, 49)] and bottom["chosen"] == 40 - 33
    )  # unit 40, marked
    assert top["units"] == ["unit 1", "unit 2", "unit 3", "unit 4"] and top["chosen"] is None  # all its units
    tr = run(at.session_state[CONTEXT].cfg).trace
    assert np.array(bottom["values"]).shape == (tr.steps, 1, UNITS_PAGE)  # (T, series, a page of units)
    assert bottom["values"][2][0][40 - 33] == pytest.approx(
        tr.layers[0].h[2, 39], abs=0.005 + 1e-12
    )  # h, unit 40, t=3 (the bars: the 2 decimals shown)
    table = bottom["table"]
    assert table["first"] == 32 and len(table["rows"][2]) == UNITS_PAGE
    assert table["rows"][2][7][0].replace("−", "-") == f"{tr.layers[0].h[2, 39]:.2f}"

    pager.set_value(224).run()  # "units 225–240 of 256"
    assert (at.session_state["view_layer"], at.session_state["view_unit"]) == (1, 225)
    assert stepper(at)["payload"]["layers"][1]["units"][0] == "225"
    assert at.query_params["unit"] == "225"

    at.sidebar.number_input(key="view_unit").set_value(3).run()  # chosen elsewhere: the pager follows
    assert at.selectbox(key="layers_units").value == 0

    at.sidebar.number_input(key="view_layer").set_value(2).run()  # the 4-unit layer chosen
    at.selectbox(key="layers_units").set_value(64).run()  # a page only layer 1 has: layer 1 chosen
    assert (at.session_state["view_layer"], at.session_state["view_unit"]) == (1, 65)
    at.sidebar.segmented_control(key="lang").set_value("zh").run()  # the pager's words in 中文
    assert at.selectbox(key="layers_units").options[4] == "第 65–80 个隐藏单元（共 256 个）"


def test_no_chart_title_sits_where_the_toolbars_appear():
    """Plotly's modebar and Streamlit's toolbar appear over a chart's top right on hover: every
    chart's title starts under that band, and its plot under the title."""
    from tests.app.conftest import charts
    from viz.style import TOOLBAR

    at = make_app({"ov": "f.1.1.5-10.all"})
    seen = 0
    for page in ("timeline", "why", "weights"):
        at.switch_page(f"pages/{page}.py").run()
        for fig in charts(at):
            layout = fig["layout"]
            title = layout.get("title", {})
            if title.get("text"):
                assert title["yref"] == "container" and title["yanchor"] == "top", title
                assert title["pad"]["t"] >= TOOLBAR + 4
                assert layout["margin"]["t"] >= TOOLBAR + title["pad"]["t"] + 10, layout["margin"]
                seen += 1
    assert seen >= 5  # the input, the layer, the difference, Why's two charts, …


def test_every_uploader_states_one_limit_the_one_it_enforces():
    """The limit a file uploader shows under its drop zone ("Limit … MB per file") is the limit its
    label or the words beside it say: the CSV input, the weights import, the UCR files."""
    import re

    def uploaders(at):
        return {u.proto.id.split("-")[-1]: u.proto for u in at.get("file_uploader")}

    def said(at, proto) -> set[int]:
        words = " ".join(
            [proto.label, proto.help] + [i.value for i in at.info] + [c.value for c in at.caption]
        )
        return {int(m) for m in re.findall(r"(\d+) MB", words)}

    at = make_app({"input": "csv"})
    csv = at.sidebar.get("file_uploader")[0]
    assert said(at, csv.proto) == {csv.proto.max_upload_size_mb} == {1}
    at.switch_page("pages/weights.py").run()
    up = [p for p in uploaders(at).values() if "weights_upload" in p.id]
    assert up and said(at, up[0]) >= {up[0].max_upload_size_mb} and up[0].max_upload_size_mb == 8
    at.switch_page("pages/classify.py").run()
    at.selectbox(key="clf_task").set_value("ucr").run()
    ucr = [p for p in uploaders(at).values() if "clf_ucr" in p.id]
    assert len(ucr) == 2 and {p.max_upload_size_mb for p in ucr} == {1}
    assert "(up to 1 MB each)" in " ".join(c.value for c in at.caption)  # the words beside them
