"""The "Why LSTM" page: the curves are the engine's, the presets do what they say."""

from __future__ import annotations

import numpy as np
import pytest

from lstm_core import Network, generate
from lstm_core.reach import with_spectral_radius
from tests.app.conftest import arr, chart, make_app, read, step_to, stepper


def curves(at) -> dict[str, np.ndarray]:
    fig = chart(at, "why_reach")
    return {
        d["name"].split(":")[0]: arr(d["y"]).astype(float)
        for d in fig["data"]
        if d.get("name", "").endswith("‖")
    }


def test_page_renders_and_rho_is_the_measured_spectral_radius():
    at = make_app({"rho": "0.8", "h1": "6", "seed": "3"}, page="why")
    assert not at.exception
    rnn = with_spectral_radius(Network.random(1, [6], "rnn", 3, 1.0), 0.8)
    shown = at.caption[0].value
    want = np.abs(np.linalg.eigvals(rnn.layers[0].W_hh)).max()
    assert f"ρ(W_hh) of the RNN = {want:.2f}" in shown
    at.slider(key="vg_rho").set_value(1.7).run()
    assert "ρ(W_hh) of the RNN = 1.70" in at.caption[0].value
    assert at.query_params["rho"] == "1.7"


def test_curves_are_the_engines_jacobian_norms():
    at = make_app({"rho": "0.9", "T": "30"}, page="why")
    c = curves(at)
    from lstm_core.reach import reach

    x = generate("sine", 30, 1.0, 20.0, 0, 4)
    net = with_spectral_radius(Network.random(1, [4], "rnn", 0, 1.0), 0.9)
    np.testing.assert_allclose(c["RNN"], reach(net, net.run(x)).dx, rtol=1e-12)
    assert c["LSTM"].shape == (30,)


@pytest.mark.parametrize("preset", ["vanish", "explode", "remember", "forget"])
def test_presets_do_what_they_claim(preset):
    at = make_app(page="why")
    at.button(key=f"why_preset_{preset}").click().run()
    assert not at.exception
    c = curves(at)
    T = at.sidebar.slider(key="seq_len").value
    assert T == 200 and len(c["RNN"]) == 200
    rnn, lstm = c["RNN"], c["LSTM"]

    def vanished(c):  # NaN here means: below float64's smallest number, and labelled so
        return np.isnan(c[0]) or c[0] <= 1e-6 * c[-1]

    if preset == "vanish":
        assert vanished(rnn)
    if preset == "explode":
        assert rnn[0] >= 1e6 * rnn[-1]
    if preset == "remember":
        assert np.nanmax(lstm) <= 10 * np.nanmin(lstm)  # within 10× across T = 200
        assert np.isfinite(lstm).all()
    if preset == "forget":
        assert vanished(lstm) and np.isfinite(lstm[-1])
    text = " ".join(m.value for m in at.main.markdown)
    assert "decades" in text


def test_underflow_is_labelled_not_drawn_as_nan():
    at = make_app({"rho": "0.05", "T": "300", "h1": "8"}, page="why")
    fig = chart(at, "why_reach")
    rnn = arr(fig["data"][0]["y"]).astype(float)
    assert np.isnan(rnn[:50]).all() and np.isfinite(rnn[-50:]).all()
    labels = [s.get("text", "") for s in fig["layout"].get("annotations", [])]
    assert any("below float64" in s for s in labels)
    d = np.log10(rnn[-1] / np.finfo(float).tiny)  # from the last value down to float64's smallest normal
    text = " ".join(m.value for m in at.main.markdown)
    assert f"falls by more than {d:.0f} decades (below 2.2e-308" in text


def test_the_why_page_steps_with_the_browser_stepper_and_a_cursor_over_both_charts():
    """The Why page has the stepper of the other stepping pages (buttons, slider, keys, Play, t=);
    its charts are drawn once, in the fixed frame the stepper's CSS cursor is placed from."""
    at = make_app({"t": "10"}, page="why")
    data = stepper(at)
    assert data["view"] == "why" and data["play"] and data["T"] == 40 and data["seek"][1] == 9
    assert not [b for b in at.button if b.key and b.key.startswith("step_")]  # no server-side controls
    cursor = data["cursor"]
    assert cursor["scope"] == "why_charts"
    for key in ("why_reach", "why_memory"):
        layout = chart(at, key)["layout"]
        margin = layout["margin"]
        assert [margin[k] for k in "lrtb"] == [cursor[k] for k in "lrtb"] and margin["autoexpand"] is False
        assert layout["xaxis"]["range"] == [0.5, 40.5] and layout["xaxis"]["fixedrange"]  # t at a fixed place
        lines = [s for s in layout.get("shapes", []) if s["type"] == "line"]
        assert not lines  # no cursor drawn by the server
    step_to(at, 4)  # the step the stepper reports: the link names it
    assert at.query_params["t"] == "5"


def test_bad_settings_give_messages_not_nan():
    at = make_app({"rho": "-1", "input": "typed", "data": ""})
    assert any("rho=-1" in read(w.value) for w in at.warning)  # shown once, on the first page opened
    at.switch_page("pages/why.py").run()
    assert not at.exception
    assert "No numbers found" in at.sidebar.error[0].value
    assert at.slider(key="vg_rho").value == 1.0
    fig = chart(at, "why_reach")
    assert all(np.isfinite(arr(d["y"]).astype(float)).any() for d in fig["data"][:1])


@pytest.mark.parametrize("preset", ["vanish", "explode", "remember", "forget"])
def test_every_number_in_the_explanation_is_measured_on_the_curves(preset):
    """The per-step factor, the spans, the verdict and the geometric mean of f, read back from the
    charts the page draws (issue: the text once said ×0.94 per step beside a curve rising 15 decades)."""
    import re

    at = make_app(page="why")
    at.button(key=f"why_preset_{preset}").click().run()
    text = " ".join(m.value for m in at.main.markdown)
    c = curves(at)
    rnn, lstm = c["RNN"], c["LSTM"]
    T = len(rnn)
    if np.isfinite(rnn[0]):
        d = np.log10(rnn[0] / rnn[-1])
        assert f"{'rises' if d >= 0 else 'falls'} by {abs(d):.1f} decades" in text
        assert f"{10 ** (d / (T - 1)):.3g} per step" in text
        assert f"= {T - 1} times" in text
    if np.isfinite(lstm[0]):
        d = np.log10(lstm[0] / lstm[-1])
        verdict = "does not have to" if abs(d) <= 2 else ("grows too" if d > 0 else "it forgets")
        assert verdict in text
        assert f"**{'rises' if d >= 0 else 'falls'} by {abs(d):.1f} decades**" in text
    mem = chart(at, "why_memory")
    fprod = arr(next(d for d in mem["data"] if "RMS" in d["name"])["y"]).astype(float)
    dc = arr(next(d for d in mem["data"] if "√H" in d["name"])["y"]).astype(float)
    assert fprod[-1] == pytest.approx(1.0) and dc[-1] == pytest.approx(1.0)  # RMS: both start at 1
    geo = float(re.search(r"geometric mean here (?:is )?(?:only )?([0-9.]+)", text).group(1))
    from ui.shell.engine import why

    w = why(at.session_state["_page_context"].cfg, at.slider(key="vg_rho").value)
    f = w.memory.trace.layers[-1].f
    assert geo == pytest.approx(np.exp(np.log(f).mean()), abs=6e-4)
    if preset == "explode":
        assert "it forgets" not in text  # the LSTM's curve rose: it must not be said to vanish


def test_the_numbers_table_shows_values_far_from_1_in_scientific_notation():
    """The forget preset's gradients reach 7e-202 (RNN) and 3.6e-229 (LSTM): in the table they are numbers,
    not NaN, and their columns are formatted as 1.23457e-200, not cut-off fixed point."""
    at = make_app(page="why")
    at.button(key="why_preset_forget").click().run()
    df = at.dataframe[0]
    import json

    config = json.loads(df.proto.columns)
    for name in ("RNN ‖∂h_T/∂x_t‖", "GRU ‖∂h_T/∂x_t‖", "LSTM ‖∂h_T/∂x_t‖", "LSTM RMS ∏f"):
        assert config[name]["type_config"]["format"] == "%.5e"
    table = df.value
    assert table["RNN ‖∂h_T/∂x_t‖"].iloc[0] == pytest.approx(7.07e-202, rel=0.01)
    assert table["LSTM ‖∂h_T/∂x_t‖"].iloc[0] == pytest.approx(3.59e-229, rel=0.01)
    assert table.notna().all().all()
