"""AppTest: every page and control, asserting the values a student would check."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lstm_core import Network
from tests.app.conftest import arr, chart, make_app, shown, step_to, stepper
from ui.shell.engine import InputSpec, build_input
from ui.shell.strings import STRINGS


def default_trace(**over):
    """The trace the app should show for the default settings with ``over`` changed."""
    cfg = dict(cell="lstm", hidden=(4,), seed=0, scale=1.0, forget_bias=1.0, input=InputSpec("sine", 40))
    cfg |= over
    x, _, _ = build_input(cfg["input"])
    net = Network.random(
        x.shape[1], cfg["hidden"], cfg["cell"], cfg["seed"], cfg["scale"], cfg["forget_bias"]
    )
    return net.run(x)


def latex_numbers(at) -> str:
    """This step's numbers in the Cell page's equations (the stepper's lines at the step on
    screen), with ASCII minus signs and no bold, to compare with Python's formatting."""
    lines = "\n\n".join(shown(at, "equations"))
    return lines.replace("−", "-").replace("**", "").replace("-0.00", "0.00")


def test_sidebar_survives_reruns_and_page_switches():
    at = make_app()
    assert not at.exception
    keys = {w.key for w in at.sidebar.slider} | {w.key for w in at.sidebar.number_input}
    assert {"num_layers", "seq_len", "weight_scale", "forget_bias", "hidden_size", "seed"} <= keys
    at.run()  # the second run is where the pages-folder pitfall bites
    assert at.sidebar.slider(key="num_layers").value == 1
    for page in ("timeline", "layers", "why", "cell"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
        assert at.sidebar.slider(key="num_layers").value == 1
        assert at.sidebar.number_input(key="hidden_size").value == 4


def test_the_stepper_has_every_steps_equations_from_the_engine():
    at = make_app()
    tr = default_trace().layers[0]
    assert at.session_state["step"] == 0
    data = stepper(at)
    assert data["T"] == 40 and data["seek"][1] == 0 and data["view"] == "cell"
    assert len(data["payload"]["equations"]) == 40  # every step, sent once
    step_to(at, 2)  # the stepper reports where the student stopped
    assert stepper(at)["seek"][1] == 2 and at.query_params["t"] == "3"
    eq = latex_numbers(at)
    for name in ("f", "i", "g", "o"):
        pre = tr.gate_terms(name)["pre"][2, 0]
        assert f"({pre:.2f}) = {tr.gate(name)[2, 0]:.2f}" in eq.replace("-0.00", "0.00"), name
    assert f"= {tr.c[2, 0]:.2f}" in eq and f"= {tr.h[2, 0]:.2f}" in eq
    lines = stepper(at)["payload"]["equations"]
    for t in (0, 17, 39):  # any step the browser may show
        assert lines[t][-1].replace("−", "-").endswith(f"**{tr.h[t, 0]:.2f}**".replace("-0.00", "0.00"))
    step_to(at, 60)  # a report beyond the end is clamped
    assert at.session_state["step"] == 39 and at.query_params["t"] == "40"


def test_diagram_shows_the_traces_values():
    at = make_app({"t": "6", "unit": "2"})
    tr = default_trace().layers[0]
    d = stepper(at)["payload"]["diagram"]
    text = " ".join(d["text"][5]).replace("−", "-")
    for name in ("f", "i", "g", "o"):
        assert f"{name}<sub>t</sub> = {tr.gate(name)[5, 1]:.2f}" in text
    assert f"C<sub>t</sub> = {tr.c[5, 1]:.2f}" in text
    assert f"h<sub>t</sub> = {tr.h[5, 1]:.2f}" in text
    assert f"C<sub>t−1</sub> = {tr.c[4, 1]:.2f}".replace("−", "-") in text
    # the colours are the app's scales: the forget gate's node at every step
    from viz.style import colors

    assert d["fill"]["gate"]["f"] == colors(tr.f[:, 1], "gate")
    assert shown(at, "title") == "Layer 1 · unit 2 · t = 6"


def test_reading_and_pseudocode():
    at = make_app({"t": "3"})
    tr = default_trace().layers[0]
    md = shown(at, "reading")
    assert f"{100 * tr.f[2, 0]:.0f} %" in md and f"{100 * tr.o[2, 0]:.0f} %" in md
    code, stacked = shown(at, "code"), shown(at, "stack_code")
    assert "combine = np.concatenate([prev_ht, input])" in code  # joined (拼接), not added
    assert "hts[k], cts[k] = LSTMCELL(cts[k], hts[k], x)" in stacked and "x = hts[k]" in stacked
    assert f"k = 0: ht = [{tr.h[2, 0]:.2f}".replace("-", "−") in stacked  # the loop's live values
    assert "ht, ct = LSTMCELL(ct, ht, input)" in code
    assert "# ct, ht = LSTMCELL(ct, ht, input)" in code
    assert f"{tr.f[2, 0]:.2f}" in code
    assert any("unpack" in c.value.lower() for c in at.caption)
    rows = stepper(at)["payload"]["table"]["rows"][2]  # the all-units table
    assert rows[0][:2] == [f"{tr.i[2, 0]:.2f}".replace("-", "−"), f"{tr.f[2, 0]:.2f}".replace("-", "−")]


def test_model_controls_reach_the_engine():
    at = make_app()
    at.sidebar.slider(key="num_layers").set_value(3).run()
    assert at.sidebar.number_input(key="hidden_size_l3").value == 4
    at.sidebar.number_input(key="hidden_size_l2").set_value(7).run()
    at.switch_page("pages/layers.py").run()
    layers = stepper(at)["payload"]["layers"]
    assert len(layers[1]["units"]) == 7  # layer 2 drawn in the 2nd row from the top
    tr = default_trace(hidden=(4, 7, 4))
    f_top = np.array(layers[0]["values"])[0, 1]  # step 1, series f (i, f, g, o, C, h), every unit
    np.testing.assert_allclose(f_top, tr.layers[2].f[0], atol=0.005 + 1e-12)  # the bars: the 2 decimals shown
    at.switch_page("pages/cell.py").run()
    at.sidebar.slider(key="forget_bias").set_value(3.0).run()
    assert "+ 3.00)" in latex_numbers(at)  # b_f shows in the f equation
    at.sidebar.number_input(key="seed").set_value(5).run()
    at.sidebar.slider(key="weight_scale").set_value(2.0).run()
    tr = default_trace(hidden=(4, 7, 4), seed=5, scale=2.0, forget_bias=3.0).layers[0]
    assert f"= {tr.h[0, 0]:.2f}" in latex_numbers(at)


def test_rnn_cell():
    at = make_app({"cell": "rnn", "t": "4"})
    assert at.sidebar.slider(key="forget_bias").disabled
    eq = latex_numbers(at)
    assert r"\tanh(W_{ih}" in at.main.latex[0].value and "f_t" not in at.main.latex[0].value
    tr = default_trace(cell="rnn").layers[0]
    assert f"= {tr.h[3, 0]:.2f}" in eq
    assert "RNNCELL" in shown(at, "code") and "hts[k] = RNNCELL(hts[k], x)" in shown(at, "stack_code")


def test_gru_cell_page_shows_the_traces_numbers():
    """cell=gru: the GRU's diagram, equations with this step's numbers, reading and code, all from the trace."""
    at = make_app({"cell": "gru", "t": "5", "unit": "2"})
    assert not at.exception
    assert at.sidebar.slider(key="forget_bias").disabled
    assert r"n_t &= \tanh(W_{in}" in at.main.latex[0].value
    lt = default_trace(cell="gru").layers[0]
    s, u = 4, 1
    eq = latex_numbers(at)
    for name in ("r", "z", "n"):
        assert f"{name}ₜ = " in eq and f"= {lt.gate(name)[s, u]:.2f}" in eq, name
    n = lt.gate_terms("n")
    assert f"tanh({n['ih'][s, u]:.2f} - {abs(n['b_ih'][u]):.2f} + {lt.r[s, u]:.2f}·(" in eq  # b_in < 0 here
    assert f"= {lt.h[s, u]:.2f}" in eq.splitlines()[-1]
    text = " ".join(stepper(at)["payload"]["diagram"]["text"][s])
    assert f"z<sub>t</sub> = {lt.z[s, u]:.2f}".replace("-", "−") in text
    assert f"1−z = {1 - lt.z[s, u]:.2f}".replace("-", "−") in text
    assert f"h<sub>t</sub> = {lt.h[s, u]:.2f}".replace("-", "−") in text
    md = shown(at, "reading")
    assert f"**{100 * lt.z[s, u]:.0f} %**" in md and f"**{100 * (1 - lt.z[s, u]):.0f} %**" in md
    assert "GRUCELL" in shown(at, "code") and "hts[k] = GRUCELL(hts[k], x)" in shown(at, "stack_code")
    row = stepper(at)["payload"]["table"]["rows"][s][0]
    assert row[:2] == [f"{lt.r[s, 0]:.2f}".replace("-", "−"), f"{lt.z[s, 0]:.2f}".replace("-", "−")]


@pytest.mark.parametrize("kind", ["sine", "square", "sawtooth", "step", "impulse", "noise", "walk"])
def test_every_generator(kind):
    at = make_app({"input": kind, "T": "30"})
    assert not at.exception and not at.error
    at.switch_page("pages/timeline.py").run()
    x = arr(chart(at, "input_chart")["data"][0]["y"])
    assert len(x) == 30


def test_input_settings():
    at = make_app({"input": "impulse"})
    at.sidebar.number_input(key="onset").set_value(9).run()
    at.sidebar.number_input(key="amplitude").set_value(2.5).run()
    at.sidebar.slider(key="seq_len").set_value(25).run()
    at.switch_page("pages/timeline.py").run()
    y = arr(chart(at, "input_chart")["data"][0]["y"]).tolist()
    assert len(y) == 25 and y[8] == 2.5 and sum(v != 0 for v in y) == 1
    at.switch_page("pages/cell.py").run()
    at.sidebar.selectbox(key="input_kind").set_value("sine").run()
    at.sidebar.number_input(key="period").set_value(10.0).run()
    at.switch_page("pages/timeline.py").run()
    y = arr(chart(at, "input_chart")["data"][0]["y"]).tolist()
    assert y[0] == 0 and y[5] == 0.0 and y[2] == pytest.approx(2.5 * np.sin(2 * np.pi * 2 / 10), abs=1e-4)


def test_typed_numbers_and_bad_text_keep_the_last_good_model():
    at = make_app({"input": "typed", "data": "0, 1, 0.5, -1"})
    at.switch_page("pages/timeline.py").run()
    assert arr(chart(at, "input_chart")["data"][0]["y"]).tolist() == [0, 1, 0.5, -1]
    at.sidebar.text_area(key="typed_numbers").input("0, 1, banana").run()
    assert not at.exception
    assert "'banana' is not a number" in at.sidebar.error[0].value
    assert arr(chart(at, "input_chart")["data"][0]["y"]).tolist() == [
        0,
        1,
        0.5,
        -1,
    ]  # last good input still shown
    at.sidebar.text_area(key="typed_numbers").input("").run()
    assert "No numbers found" in at.sidebar.error[0].value


def test_view_layer_and_unit():
    at = make_app({"layers": "2", "h2": "3", "layer": "2", "unit": "3", "t": "5"})
    tr = default_trace(hidden=(4, 3)).layers[1]
    assert f"= {tr.h[4, 2]:.2f}" in latex_numbers(at)
    assert shown(at, "title") == "Layer 2 · unit 3 · t = 5"
    at.sidebar.number_input(key="view_unit").set_value(1).run()
    assert f"= {tr.h[4, 0]:.2f}" in latex_numbers(at)
    at.sidebar.slider(key="num_layers").set_value(1).run()  # the chosen layer no longer exists
    assert at.sidebar.number_input(key="view_layer").value == 1
    assert not at.exception


def test_timeline_heatmaps_and_cursor():
    at = make_app({"layers": "2", "h2": "3", "t": "9"}, page="timeline")
    trace = default_trace(hidden=(4, 3))
    for k in range(2):
        fig = chart(at, f"heatmaps_{k}")
        heat = {d["name"]: d for d in fig["data"] if d["type"] == "heatmap"}
        assert set(heat) == {"f", "i", "g", "o", "c", "h", "dc"}  # ΔC beside C (issue 20)
        lt = trace.layers[k]
        np.testing.assert_allclose(arr(heat["dc"]["z"]), np.round((lt.c - lt.c_prev).T, 3))
        assert heat["dc"]["zmax"] == heat["c"]["zmax"]  # on C's own scale
        np.testing.assert_allclose(arr(heat["f"]["z"]), np.round(trace.layers[k].f.T, 3))
        np.testing.assert_allclose(arr(heat["c"]["z"]), np.round(trace.layers[k].c.T, 3))
        assert fig["layout"]["xaxis"]["range"] == [0.5, 40.5]  # the frame the CSS cursor relies on
        assert not fig["layout"].get("shapes")  # the same figure at every step
    # the cursor is drawn by the stepper in the browser, over these charts, from their fixed frame
    data = stepper(at)
    assert data["cursor"]["scope"] == "timeline_heatmaps" and data["cursor"]["l"] == 58
    assert data["seek"][1] == 8  # t = 9
    before = chart(at, "heatmaps_0")
    step_to(at, 9)
    assert chart(at, "heatmaps_0") == before
    tables = stepper(at)["payload"]["tables"]  # the heatmaps' numbers at every step
    assert tables[1]["rows"][9][2][1] == f"{trace.layers[1].f[9, 2]:.2f}".replace("-", "−")
    assert at.get("download_button")


def test_url_round_trip_and_tampered_values():
    q = {
        "cell": "lstm",
        "layers": "2",
        "h1": "5",
        "h2": "2",
        "seed": "7",
        "scale": "1.5",
        "fbias": "2",
        "input": "square",
        "T": "60",
        "amp": "0.5",
        "period": "12",
        "layer": "2",
        "unit": "2",
        "t": "33",
        "lang": "zh",
    }
    at = make_app(q, page="timeline")
    assert not at.warning
    for k, v in q.items():
        assert at.query_params[k] == v, k
    assert at.session_state["step"] == 32
    bad = make_app(
        {"layers": "9", "seed": "abc", "scale": "nan", "input": "<script>", "t": "1000", "lang": "xx"}
    )
    assert not bad.exception
    texts = " ".join(w.value for w in bad.warning)
    for name in ("layers=9", "seed=abc", "scale=nan", r"input=\<script\>", "t=1000", "lang=xx"):
        assert name in texts  # a value from the link is quoted escaped: < > are the characters they are
    assert bad.sidebar.slider(key="num_layers").value == 1 and bad.session_state["step"] == 0
    bad.run()
    assert not bad.warning  # the notice is shown once


def test_step_is_clamped_when_the_sequence_gets_shorter():
    at = make_app({"t": "40"})
    at.sidebar.slider(key="seq_len").set_value(10).run()
    assert at.session_state["step"] == 9 and stepper(at)["seek"][1] == 9 and stepper(at)["T"] == 10


def test_single_step_sequence():
    at = make_app({"input": "typed", "data": "0.7"})
    assert not at.exception
    assert stepper(at)["T"] == 1 and len(shown(at, "equations")) == 6  # one step, every equation


def test_both_languages_render_every_page_without_missing_strings():
    for key, langs in STRINGS.items():
        assert set(langs) == {"en", "zh"}, key
        assert langs["en"].strip() and langs["zh"].strip(), key
        fields = lambda s: set(re.findall(r"(?<!\{)\{(\w+)\}", s))  # noqa: E731
        assert fields(langs["en"]) == fields(langs["zh"]), key
    for cell, lg in (("lstm", "zh"), ("rnn", "zh"), ("gru", "zh"), ("gru", "en")):
        at = make_app({"lang": lg, "cell": cell, "layers": "2"})
        for page in ("cell", "timeline", "layers", "why", "weights", "classify"):
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, (cell, page)
            assert not at.error, (cell, page, [e.value for e in at.error])
        assert at.title[0].value == STRINGS["clf_title"][lg]
    at = make_app()
    at.sidebar.get("button_group")[0].set_value("zh").run()
    assert at.title[0].value == STRINGS["cell_title_lstm"]["zh"]
    assert at.query_params["lang"] == "zh"
