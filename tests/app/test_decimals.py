"""One precision: *Decimals shown* governs every number a student reads on the stepping pages — the
reading, the equations, the diagram, the tables, the Layers bars, the Timeline's hovers and the
what-if hover (issue 20: at 4 the tables showed 5, the hovers 3, the reading 2, the what-if 7)."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import chart, make_app, shown, stepper
from tests.app.test_pages import default_trace

DECIMALS = re.compile(r"−?\d+\.(\d+)")


def places(text: str) -> set[int]:
    """How many decimals each number in ``text`` has (percentages excluded)."""
    text = re.sub(r"\d+(\.\d+)? ?%", "", text)
    return {len(m.group(1)) for m in DECIMALS.finditer(text)}


@pytest.mark.parametrize("digits", [2, 4, 6])
def test_the_cell_page_shows_every_number_with_the_decimals_chosen(digits):
    at = make_app({"t": "3", "dec": str(digits)})
    tr = default_trace().layers[0]
    reading = shown(at, "reading")
    assert places(reading) == {digits}, reading
    assert f"{tr.c[2, 0]:.{digits}f}".replace("-", "−") in reading
    pct = f"{100 * tr.f[2, 0]:.{max(digits - 2, 0)}f}"  # the shares keep as many significant places
    assert f"**{pct} %**" in reading
    assert places(" ".join(shown(at, "equations"))) == {digits}
    diagram = " ".join(stepper(at)["payload"]["diagram"]["text"][2])
    assert places(re.sub(r"<[^>]+>", "", diagram)) == {digits}
    rows = stepper(at)["payload"]["table"]["rows"][2]
    assert {len(v.split(".")[1]) for row in rows for v in row} == {digits}


@pytest.mark.parametrize("digits", [2, 4, 6])
def test_the_layers_bars_and_tables_and_the_timeline_hovers_follow_it(digits):
    at = make_app({"dec": str(digits)}, page="layers")
    data = stepper(at)["payload"]
    assert data["digits"] == digits  # the bars' labels (stepper.js: v.toFixed(digits))
    rows = data["layers"][0]["table"]["rows"][0]
    assert {len(v.split(".")[1]) for row in rows for v in row} == {digits}
    at.switch_page("pages/timeline.py").run()
    heat = [d for d in chart(at, "heatmaps_0")["data"] if d["type"] == "heatmap"]
    assert heat and all(f":.{digits}f}}" in d["hovertemplate"] for d in heat)
    lines = [d for d in chart(at, "input_chart")["data"] if d.get("mode", "").startswith("lines")]
    assert lines and all(f"%{{y:.{digits}f}}" in d["hovertemplate"] for d in lines)  # the input x_t too
    tables = stepper(at)["payload"]["tables"][0]["rows"][0]
    assert {len(v.split(".")[1]) for row in tables for v in row} == {digits}


@pytest.mark.parametrize("digits", [2, 4, 6])
def test_the_what_if_hover_follows_it(digits):
    at = make_app({"dec": str(digits)}, page="weights")
    at.segmented_control(key="ov_gate").set_value("f").run()
    at.button(key="ov_add").click().run()
    fig = chart(at, "whatif_chart")
    assert all(d["hovertemplate"] == f"%{{y:.{digits}f}}" for d in fig["data"] if d["type"] == "scatter")


def test_the_memorys_change_is_beside_c_in_the_reading_and_the_equations():
    """ΔC = Cₜ − Cₜ₋₁, signed, where a student reads C (the Timeline has it as a row: test_pages)."""
    at = make_app({"t": "3"})
    tr = default_trace().layers[0]
    dc = tr.c[2, 0] - tr.c[1, 0]
    want = ("+" if dc >= 0 else "−") + f"{abs(dc):.2f}"
    assert f"ΔC = Cₜ − Cₜ₋₁ = {want}" in shown(at, "reading")
    assert any(f"ΔCₜ = Cₜ − Cₜ₋₁ = {want}" in line for line in shown(at, "equations"))


@pytest.mark.parametrize("series, which", [("f", "min"), ("c", "max"), ("dc", "max")])
def test_the_timeline_jumps_to_where_a_units_gate_or_state_is_lowest_or_highest(series, which):
    import numpy as np

    at = make_app({"layers": "2", "h2": "3"}, page="timeline")
    trace = default_trace(hidden=(4, 3))
    at.selectbox(key="find_series").set_value(series).run()
    at.selectbox(key="find_unit").set_value((1, 2)).run()  # unit 3 of layer 2
    at.segmented_control(key="find_which").set_value(which).run()
    at.button(key="find_go").click().run()
    lt = trace.layers[1]
    v = (lt.c - lt.c_prev if series == "dc" else lt.gate(series))[:, 2]
    want = int(np.argmin(v) if which == "min" else np.argmax(v))
    assert stepper(at)["seek"][1] == want and at.query_params["t"] == str(want + 1)
    caption = " ".join(c.value for c in at.caption)
    assert f"3 of layer 2: t = {want + 1}, value {v[want]:.2f}".replace("-", "−") in caption


def test_t_and_the_number_of_layers_can_be_typed_as_well_as_slid():
    at = make_app()
    at.sidebar.number_input(key="seq_len_typed").set_value(123).run()
    assert at.sidebar.slider(key="seq_len").value == 123 and at.query_params["T"] == "123"
    at.sidebar.number_input(key="num_layers_typed").set_value(3).run()
    assert at.sidebar.slider(key="num_layers").value == 3
    assert len(stepper(at)["payload"]["equations"]) == 123
    at.sidebar.slider(key="seq_len").set_value(60).run()  # the box follows the slider
    assert at.sidebar.number_input(key="seq_len_typed").value == 60
