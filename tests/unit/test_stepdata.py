"""The stepper's data (viz/stepdata.py): every step's numbers once and the sentences as templates
carry every sentence of the reference (viz/stepview.py) at every step, for every kind, forced gates,
a what-if, any decimals and both languages; and it stays small (issue 24: ≤ 300 KB at T = 500).

The sentences are built back here by tests/steptext.py, the Python twin of ui/stepper/words.js;
tests/e2e/test_words.py checks words.js itself against the same reference in Chromium."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import KINDS_BY_NAME, GateOverride, Network, generate
from tests import steptext
from ui.shell.i18n import translator
from viz import stepdata, stepview
from viz.equations import _par_d, _plus_d, _signed
from viz.readout import readout_data, readout_view
from viz.style import num

T = 24


def model(cell: str, D: int = 1, scale: float = 1.0, forced: bool = False, hidden=(9, 2), steps: int = T):
    """A trace (and the run without its overrides, when it has some) with two layers, the first wider
    than a vector shows (8), an input of D columns, forced gates on unit 1 for t = 4 … 9."""
    x = np.hstack([generate("walk", steps, 50.0, 20.0, j, 4).reshape(-1, 1) for j in range(D)])
    net = Network.random(D, hidden, cell, 1, scale, 1.0)
    gates = KINDS_BY_NAME[cell].gates[:2] if forced else ()
    ovs = [GateOverride(g, 0, -0.25 if g in ("g", "n") else 0.5, 3, 9, (0,)) for g in gates]
    return (net.run(x, overrides=ovs), net.run(x)) if ovs else (net.run(x), None)


CASES = [
    (cell, D, scale, forced)
    for cell in KINDS_BY_NAME
    for D, scale, forced in ((1, 1.0, True), (5, 30.0, False))
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("cell", "D", "scale", "forced"), CASES)
def test_every_sentence_of_every_step_comes_back_from_the_numbers(cell, D, scale, forced, lang):
    tr, base = model(cell, D, scale, forced)
    tx = translator(lang)
    for digits in (2, 3, 6):
        for layer, unit in ((0, 0), (1, 1), (0, 8)):
            if unit >= tr.layers[layer].hidden_size:
                continue
            want = stepview.cell_view(tr, layer, unit, tx, digits, base=base)
            got = steptext.text(
                "cell", stepdata.wire(stepdata.cell_data(tr, layer, unit, tx, digits, base)), T
            )
            assert got == want, (digits, layer, unit)
        want = stepview.tables_view(tr, tx, digits)
        assert steptext.text("tables", stepdata.wire(stepdata.tables_data(tr, tx, digits)), T) == want
        want = stepview.layers_view(tr, tx, digits)
        got = steptext.text("layers", stepdata.wire(stepdata.layers_data(tr, tx, digits)), T)
        for g, w in zip(got["layers"], want["layers"], strict=True):  # the bars: the numbers shown
            np.testing.assert_allclose(g.pop("values"), w.pop("values"), atol=0.5 * 10**-digits + 1e-9)
        assert got | {"input": None} == want | {"input": None}


def test_a_what_if_says_the_forced_and_the_original_values():
    tr, base = model("lstm", forced=True)
    data = stepdata.cell_data(tr, 0, 0, translator("en"), 2, base)
    notes = steptext.text("cell", data, T)["whatif"]
    assert notes == stepview.cell_view(tr, 0, 0, translator("en"), 2, base=base)["whatif"]
    assert notes[5].startswith(f"**What if:** with the overrides h_t = {num(tr.layers[0].h[5, 0])}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_read_out_says_what_it_said(lang):
    p = np.random.default_rng(0).dirichlet([1, 1, 1], size=50)
    names = ["a {b}", "<i>x</i>", "c"]  # a file's labels: filled in as they are, never as a template
    for digits in (2, 6):
        tx = translator(lang)
        assert steptext.readout_text(readout_data(p, names, tx, digits)) == readout_view(p, names, tx, digits)


FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-10, 10),
    st.integers(-(10**6), 10**6).map(lambda n: n / 1000),  # ties: 0.125, −2.5, …
    st.sampled_from([0.0, -0.0, 1e-300, -1e-300, 0.005, -0.005, 2.0**53, -(2.0**60), 1e21, -1e22]),
)


@settings(max_examples=2000, deadline=None)
@given(v=FLOATS, digits=st.integers(0, 6))
def test_a_number_comes_back_as_python_prints_it(v, digits):
    e = stepdata.enc(v, digits)
    assert steptext.fixed(e, digits) == f"{v:.{digits}f}"
    assert steptext.num(e, digits) == num(v, digits)
    if digits >= 2:  # the equations' forms (they print 2 or more decimals)
        assert steptext.signed(e, digits) == _signed(v, digits)
        assert steptext.plus(e, digits) == _plus_d(v, digits)
        assert steptext.par(e, digits) == _par_d(v, digits)
    assert isinstance(e, str) or abs(e) < 2**53  # exact in JavaScript


def test_a_template_is_filled_as_str_format_fills_it():
    parts = stepdata.say("{{a}} {x} = {}, {y}!", {"x": "1", "y": ["t"]}, positional=(["num", "v"],))
    assert parts == ["{a} 1 = ", ["num", "v"], ", ", ["t"], "!"]
    with pytest.raises(ValueError, match="plain fields"):
        stepdata.say("{x:.2f}", {"x": "1"})
    with pytest.raises(ValueError, match="plain fields"):
        stepdata.say("{x!r}", {"x": "1"})


def test_the_data_per_model_is_small():
    """Issue 24's target: the Cell page's data for 1 layer × 4 units at T = 500 ≤ 300 KB, as
    Streamlit sends it (json.dumps of the component's data); it was 1,878 KB as text."""
    tr, _ = model("lstm", hidden=(4,), steps=500)
    tx = translator("en")
    size = len(json.dumps({"payload": stepdata.wire(stepdata.cell_data(tr, 0, 0, tx, 2))}))
    old = len(json.dumps({"payload": stepview.cell_view(tr, 0, 0, tx, 2)}))
    assert size <= 300_000 and size < old / 8, (size, old)
