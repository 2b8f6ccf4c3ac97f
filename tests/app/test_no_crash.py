"""The two views a first-time student broke, through AppTest: a forced gate on a GRU (Timeline and
Weights lab) and the sidebar's cell kind after its widget was hidden by a custom model."""

from __future__ import annotations

import numpy as np
import pytest

from lstm_core import KINDS_BY_NAME, GateOverride, Network, layouts
from tests.app.conftest import arr, chart, make_app
from ui.shell import weights
from ui.shell.engine import InputSpec, build_input
from ui.shell.strings import STRINGS


def runs(cell: str, ov: GateOverride):
    """The forced run and the original the pages should show for the default settings."""
    x, _, _ = build_input(InputSpec("sine", 40))
    net = Network.random(x.shape[1], (4,), cell, 0, 1.0, 1.0)
    return net.run(x, overrides=[ov]).layers[0], net.run(x).layers[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("gate", KINDS_BY_NAME["gru"].gates)
def test_a_forced_gate_on_a_gru_shows_what_it_changed(gate, lang):
    kind = KINDS_BY_NAME["gru"]
    value = 0.5 if kind.bounds(gate)[0] == 0 else -0.5
    forced, base = runs("gru", GateOverride(gate, 0, value, 4, 10, None))
    at = make_app({"cell": "gru", "ov": f"{gate}.1.{value}.5-10.all", "lang": lang}, page="timeline")
    assert not at.exception and not at.error
    diff = chart(at, "diff_0")
    heat = [d for d in diff["data"] if d["type"] == "heatmap"]
    assert [d["name"] for d in heat] == ["dh"]  # a GRU's state is h alone: no Δ C row
    np.testing.assert_allclose(arr(heat[0]["z"]), np.round((forced.h - base.h).T, 3))
    titles = [a["text"] for a in diff["layout"]["annotations"]]
    assert titles == [f"Δ {STRINGS['row_h'][lang]}"]
    marks = next(d for d in chart(at, "heatmaps_0")["data"] if d.get("name") == f"forced {gate}")
    assert sorted(set(arr(marks["x"]).tolist())) == list(range(5, 11))  # steps 5–10, 1-based
    at.switch_page("pages/weights.py").run()
    assert not at.exception and not at.error
    lines = chart(at, "whatif_chart")["data"]
    assert [d["name"].split(" — ")[0] for d in lines] == ["h", "h"]  # original, forced
    np.testing.assert_allclose(arr(lines[1]["y"]), forced.h[:, 0])
    np.testing.assert_allclose(arr(lines[0]["y"]), base.h[:, 0])
    shaded = chart(at, "whatif_chart")["layout"]["shapes"]
    assert [(s["x0"], s["x1"]) for s in shaded] == [(4.5, 10.5)]


def test_the_cell_kind_outlives_its_hidden_widget():
    """A custom model hides the sidebar's cell kind; Streamlit may forget a hidden widget's value.
    Back to the random model, the kind is the one the student had, not None (KeyError)."""
    at = make_app({"cell": "gru"})
    at.session_state[weights.CUSTOM] = layouts.encode(Network.random(1, (3,), "lstm", seed=1))
    at.run()
    assert not [w for w in at.sidebar.get("button_group") if w.key == "cell_kind"]  # hidden
    for page in ("layers", "timeline", "cell"):
        at.switch_page(f"pages/{page}.py").run()
    del at.session_state["cell_kind"]  # what Streamlit does to a widget it did not draw
    at.run()
    at.button(key="badge_clear").click().run()
    assert not at.exception and not at.error
    assert at.session_state["cell_kind"] == "gru"
    assert [w.value for w in at.sidebar.get("button_group") if w.key == "cell_kind"] == ["gru"]
