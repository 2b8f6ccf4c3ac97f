"""ui/stepper/words.js, the browser's one formatter, builds every sentence and number that Python
builds (viz/stepview.py, the reference) at every step: in a blank Chromium page for every kind,
forced gates, a what-if, 2, 3 and 6 decimals and both languages (fast: no app), and on the Cell,
Layers and Timeline pages of the running app, from the data Streamlit delivered."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_core import KINDS_BY_NAME, Network
from tests import steptext
from tests.e2e.harness import DONE, ROOT
from tests.unit.test_stepdata import FLOATS, model
from ui.shell.engine import InputSpec, build_input
from ui.shell.i18n import translator
from viz import stepdata, stepview
from viz.readout import readout_data, readout_view
from viz.style import num

pytestmark = pytest.mark.e2e
WORDS = (ROOT / "ui" / "stepper" / "words.js").read_text("utf-8")
ALL = (Path(__file__).parent / "words_all.js").read_text("utf-8")


@pytest.fixture(scope="module")
def js(browser):
    """A blank page with words.js and the helper that builds every step's text."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.set_content("<!doctype html><title>words</title>")
    page.add_script_tag(content=WORDS + "\n" + ALL)
    yield page
    ctx.close()


def in_browser(js, cases: list[tuple[str, str, int]]) -> list[dict]:
    """allText for each (view, payload text, T), in one call."""
    return js.evaluate(
        "cases => cases.map(([v, p, T]) => { const d = JSON.parse(p); return allText(v, words(d), d, T); })",
        cases,
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cell", list(KINDS_BY_NAME))
def test_words_js_builds_every_sentence_python_builds(js, cell, lang):
    tx = translator(lang)
    cases, want = [], []
    for D, scale, forced in ((1, 1.0, True), (5, 30.0, False)):
        tr, base = model(cell, D, scale, forced)
        for digits in (2, 3, 6):
            for layer, unit in ((0, 0), (1, 1), (0, 8)):
                cases.append(
                    ("cell", stepdata.wire(stepdata.cell_data(tr, layer, unit, tx, digits, base)), tr.steps)
                )
                old = stepview.cell_view(tr, layer, unit, tx, digits, base=base)
                want.append(steptext.in_words_shape("cell", old, tr.x, digits))
            for view, new, old in (
                ("layers", stepdata.layers_data, stepview.layers_view),
                ("tables", stepdata.tables_data, stepview.tables_view),
            ):
                cases.append((view, stepdata.wire(new(tr, tx, digits)), tr.steps))
                want.append(steptext.in_words_shape(view, old(tr, tx, digits), tr.x, digits))
    got = in_browser(js, cases)
    for (view, _, _), g, w in zip(cases, got, want, strict=True):
        for part in w:
            assert g[part] == w[part], (view, part)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(FLOATS, min_size=1, max_size=200), digits=st.integers(0, 6))
def test_words_js_prints_a_number_as_viz_style_num(js, values, digits):
    e = [stepdata.enc(v, digits) for v in values]
    got = js.evaluate(
        "([e, d]) => e.map((x) => [fixed(x, d), num(x, d), d >= 2 ? [signed(x, d), plus(x, d), par(x, d)] : null])",
        [e, digits],
    )
    for v, (fixed, shown, forms) in zip(values, got, strict=True):
        assert fixed == f"{v:.{digits}f}" and shown == num(v, digits)
        if forms:
            e1 = stepdata.enc(v, digits)
            assert forms == [steptext.signed(e1, digits), steptext.plus(e1, digits), steptext.par(e1, digits)]


# ---- the running app: what Streamlit delivered, built by the stepper on the page ----------------

PAGES = [  # page, link, model: cell kind, hidden sizes, overrides, digits, language
    (
        "cell",
        "cell=lstm&T=60&ov=f.1.0.2-9.1;i.1.1.5-6.all",
        "lstm",
        (4,),
        "f.1.0.2-9.1;i.1.1.5-6.all",
        2,
        "en",
    ),
    ("cell", "cell=gru&dec=6&lang=zh&T=30", "gru", (4,), "", 6, "zh"),
    (
        "cell",
        "cell=mgu&layers=2&h2=3&layer=2&unit=3&T=30&ov=f.1.0.5-.all",
        "mgu",
        (4, 3),
        "f.1.0.5-.all",
        2,
        "en",
    ),
    ("cell", "cell=rnn&lang=zh&dec=3&T=30", "rnn", (4,), "", 3, "zh"),
    ("layers", "cell=lstm&layers=2&h2=16&dec=6&lang=zh&T=30", "lstm", (4, 16), "", 6, "zh"),
    ("timeline", "cell=gru&layers=2&T=30", "gru", (4, 4), "", 2, "en"),
]


def reference(view: str, cell: str, hidden, ov: str, digits: int, lang: str, T: int, layer=0, unit=0):
    """The Python sentences for the model the link describes (the sidebar's defaults otherwise)."""
    from ui.shell.weights import overrides_from_text

    x, _, _ = build_input(InputSpec("sine", T))
    net = Network.random(1, hidden, cell, 0, 1.0, 1.0)
    ovs = overrides_from_text(ov)
    tr, base = (net.run(x, overrides=ovs), net.run(x)) if ovs else (net.run(x), None)
    tx = translator(lang)
    if view == "cell":
        old = stepview.cell_view(tr, layer, unit, tx, digits, base=base)
    elif view == "layers":
        old = stepview.layers_view(tr, tx, digits, layer, unit)
    else:
        old = stepview.tables_view(tr, tx, digits)
    return steptext.in_words_shape(view, old, tr.x, digits)


@pytest.mark.parametrize(("page_path", "link", "cell", "hidden", "ov", "digits", "lang"), PAGES)
def test_every_page_builds_the_sentences_python_builds(
    new_page, app_url, page_path, link, cell, hidden, ov, digits, lang
):
    page = new_page(width=1024, height=768)
    page.goto(f"{app_url}/{page_path}?{link}")
    page.wait_for_selector(DONE, timeout=60_000)
    page.locator("[data-gatelab=step_next]").first.wait_for(timeout=60_000)
    page.wait_for_function("() => window.__gatelabStepper && window.__gatelabStepper.payload", timeout=60_000)
    page.add_script_tag(content=ALL)
    view = {"cell": "cell", "layers": "layers", "timeline": "tables"}[page_path]
    T = int(dict(p.split("=") for p in link.split("&"))["T"])
    got = page.evaluate(
        "([v, T]) => { const a = window.__gatelabStepper; return allText(v, a.words, a.payload, T); }",
        [view, T],
    )
    q = dict(p.split("=", 1) for p in link.split("&"))
    layer, unit = int(q.get("layer", 1)) - 1, int(q.get("unit", 1)) - 1
    want = reference(view, cell, hidden, ov, digits, lang, T, layer, unit)
    for part in want:
        assert got[part] == want[part], part
    if view == "cell":  # and on screen: the step shown is built by the same words
        s = int(page.locator("[data-gatelab=step_slider]").input_value()) - 1
        reading = page.locator("[data-gatelab=reading]").first.inner_text()
        assert reading.replace("\u00a0", " ") == want["reading"][s].replace("**", "")
        eqs = page.locator("[data-gatelab=equations]").first.inner_text().splitlines()
        flat = [" ".join(line.split()) for line in eqs if line.strip()]  # HTML shows runs of spaces as one
        assert flat == [" ".join(line.replace("**", "").split()) for line in want["equations"][s]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_js_says_what_the_read_out_says(js, lang):
    p = np.random.default_rng(1).dirichlet([0.5, 0.5, 0.5], size=60)
    names = ["sine {x}", "<b>square</b>", "saw"]  # a file's labels: text, never a template
    tx = translator(lang)
    for digits in (2, 6):
        data = readout_data(p, names, tx, digits)
        got = js.evaluate(
            "r => r.choice.map((_, t) => words({ d: r.d }, r).readout(t))", json.loads(json.dumps(data))
        )
        want = readout_view(p, names, tx, digits)
        assert [g["text"] for g in got] == want["text"] and [g["said"] for g in got] == want["said"]
