"""Stepping in the browser (ui/stepper): every step control moves the diagram, the reading and
the equations to the engine's values at that step, without a server round trip per step; the
server learns the step when stepping pauses; the diagram's labels never overlap."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.app.test_pages import default_trace
from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, diagram_labels, open_app, step_caption

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)


def n2(v: float) -> str:
    s = f"{v:.2f}"
    return ("0.00" if s == "-0.00" else s).replace("-", "−")


def shown_step(page) -> int:
    """The step on screen, 0-based, from the stepper's slider."""
    return int(page.locator("[data-gatelab=step_slider]").input_value()) - 1


def check_step(page, lt, lang: str = "en") -> int:
    """The diagram, the reading and the equations show the engine's values at the step on screen."""
    s = shown_step(page)
    labels = diagram_labels(page)
    for name, arr in (("f", lt.f), ("i", lt.i), ("o", lt.o), ("h", lt.h)):
        assert f"{name}t = {n2(arr[s, 0])}" in labels, (s, name, labels)
    assert f"Ct = {n2(lt.c[s, 0])}" in labels
    reading = page.locator("[data-gatelab=reading]").inner_text()
    pct = f"{100 * lt.f[s, 0]:.0f}"
    assert (f"{pct}\u00a0%" if lang == "en" else f"{pct}%") in reading, (s, reading)
    eqs = page.locator("[data-gatelab=equations]").inner_text().splitlines()
    assert eqs[-1].endswith(f"= {n2(lt.h[s, 0])}") and eqs[0].endswith(f"= {n2(lt.f[s, 0])}"), (s, eqs)
    return s


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_step_control_shows_the_engines_values(new_page, app_url, lang):
    lt = default_trace().layers[0]
    page = open_app(new_page, f"{app_url}/?t=5&lang={lang}")
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("5")
    assert check_step(page, lt, lang) == 4
    for key, want in (
        ("step_next", 5),
        ("step_next", 6),
        ("step_prev", 5),
        ("step_last", 39),
        ("step_first", 0),
    ):
        button(page, key).click()
        assert shown_step(page) == want
        check_step(page, lt, lang)
    page.locator("h1").first.click()  # the page has the focus, not a control
    for k, want in (("ArrowRight", 1), ("ArrowRight", 2), ("End", 39), ("ArrowLeft", 38), ("Home", 0)):
        page.keyboard.press(k)
        assert shown_step(page) == want, k
        check_step(page, lt, lang)
    slider = page.locator("[data-gatelab=step_slider]")
    slider.focus()
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    assert shown_step(page) == 7
    check_step(page, lt, lang)
    button(page, "step_play").click()
    page.wait_for_timeout(500)
    page.locator("svg.diagram").click()  # a click on the diagram while playing stops there
    expect(button(page, "step_play")).to_have_attribute("aria-pressed", "false")
    assert check_step(page, lt, lang) > 7  # it played on from t = 8
    # the server learns the step once stepping pauses: the address bar names it
    expect(page).to_have_url(re.compile(rf"[?&]t={shown_step(page) + 1}\b"))


def runs_while(page, action) -> int:
    """How many script runs start while ``action`` runs (and for a second after it)."""
    page.evaluate(
        """() => {
            window.__runs = 0;
            const app = document.querySelector('[data-testid=stApp]');
            new MutationObserver(() => {
                if (app.dataset.testScriptState === 'running') window.__runs += 1;
            }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
        }"""
    )
    action()
    page.wait_for_timeout(1500)
    page.wait_for_selector(DONE)
    return page.evaluate("window.__runs")


def test_stepping_every_200_ms_costs_at_most_one_run_per_four_steps(new_page, app_url):
    page = open_app(new_page, app_url + "/?t=1")
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 1 of 40")
    page.wait_for_selector(DONE)

    def step_16() -> None:
        for _ in range(16):
            button(page, "step_next").click()
            page.wait_for_timeout(200)

    runs = runs_while(page, step_16)
    assert shown_step(page) == 16
    assert runs <= 4, runs  # 16 steps: at most one run per four
    expect(page).to_have_url(re.compile(r"[?&]t=17\b"))


def test_a_link_taken_after_stepping_opens_the_same_numbers(new_page, app_url):
    page = open_app(new_page, app_url + "/layers?layers=2&t=3")
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 3 of 40")
    for _ in range(4):
        button(page, "step_next").click()
    expect(page).to_have_url(re.compile(r"[?&]t=7\b"))
    bars = page.locator("svg.bars text.bar-value").all_text_contents()
    other = open_app(new_page, page.url)
    expect(other.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 7 of 40")
    assert other.locator("svg.bars text.bar-value").all_text_contents() == bars
    trace = default_trace(hidden=(4, 4))
    want = [n2(v) for v in trace.layers[1].f[6]]
    assert all(w in bars for w in want), (want, " ".join(bars))


OVERLAPS = """(all) => {
    const boxes = all.filter(t => t.textContent.trim()).map(t => {
        const r = t.getBoundingClientRect();
        return {s: t.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
    });
    const out = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) out.push([a.s, b.s]);
    }
    return [boxes.length, out];
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900), (1920, 1080)])
def test_no_two_labels_of_the_diagram_overlap(new_page, app_url, size):
    for cell in ("lstm", "rnn", "gru"):
        page = open_app(new_page, f"{app_url}/?cell={cell}&t=12", width=size[0], height=size[1])
        expect(page.locator("svg.diagram text[data-label]").first).not_to_be_empty()
        n, overlaps = page.locator("svg.diagram text").evaluate_all(OVERLAPS)
        assert n >= 5 and not overlaps, (cell, size, overlaps)
        # and the labels are big enough to read: at least 13 px
        px = page.locator("svg.diagram text[data-label]").first.evaluate(
            "t => t.getBoundingClientRect().height"
        )
        assert px >= 13, (cell, size, px)
        page.context.close()


CURSOR_AT = """els => els.map(el => {
    const fl = el.querySelector('.js-plotly-plot')._fullLayout;
    return [parseFloat(getComputedStyle(el, '::after').left) + 1, fl._size.l + fl.xaxis.l2p(%d)];
})"""


def test_the_why_cursor_follows_browser_steps_and_keys(new_page, app_url):
    """The Why page steps with the same stepper: buttons, keys, Play; its cursor moves in the browser."""
    page = open_app(new_page, app_url + "/why?t=3", width=1024, height=768)
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 3 of 40")
    expect(page.locator(".st-key-why_charts [data-testid=stPlotlyChart] .main-svg").nth(1)).to_be_attached()
    button(page, "step_next").click()
    button(page, "step_next").click()
    page.locator("[data-gatelab=step_slider]").focus()
    page.keyboard.press("ArrowRight")  # the slider's own key: one more step
    expect(step_caption(page)).to_have_text(re.compile("Step t = 6 of 40"))
    where = page.eval_on_selector_all(".st-key-why_charts [data-testid=stPlotlyChart]", CURSOR_AT % 6)
    assert len(where) == 2 and all(abs(css - plotly) < 1.5 for css, plotly in where), where
    expect(page).to_have_url(re.compile(r"/why\?.*t=6"), timeout=20_000)  # the share link names the step
    expect(page.locator("[data-gatelab=step_play]")).to_be_visible()


def test_the_timeline_cursor_follows_browser_steps(new_page, app_url):
    page = open_app(new_page, app_url + "/timeline?t=3")
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 3 of 40")
    expect(page.locator("[data-testid=stPlotlyChart] .main-svg").nth(1)).to_be_attached()
    for _ in range(4):
        button(page, "step_next").click()
    page.wait_for_selector(DONE)
    where = page.eval_on_selector_all(
        ".st-key-timeline_heatmaps [data-testid=stPlotlyChart]",
        """els => els.map(el => {
            const fl = el.querySelector('.js-plotly-plot')._fullLayout;
            return [parseFloat(getComputedStyle(el, '::after').left) + 1, fl._size.l + fl.xaxis.l2p(7)];
        })""",
    )
    assert len(where) == 2 and all(abs(css - plotly) < 1.5 for css, plotly in where), where  # input + 1 layer
    expect(step_caption(page)).to_have_text(re.compile("Step t = 7 of 40"))


def test_a_32_unit_layer_is_paged_readably_at_1024(new_page, app_url, artifacts):
    """An imported model with 32 units in a layer: the stack shows 16 of them (the chosen unit's
    page, its label marked), no two unit labels overlap at 1024×768, and the pager turns the page."""
    from lstm_core import Network, layouts
    from tests.app.test_bad_inputs import f32

    net = f32(Network.random(1, (32, 4), "lstm", seed=2))
    url = f"{app_url}/layers?unit=20&layer=1&t=3&w={layouts.encode(net)}"
    page = open_app(new_page, url, width=1024, height=768)
    stack = page.locator("svg.bars")
    expect(stack.locator("text.tick.chosen")).to_have_text("▸20◂")
    ticks = stack.locator("text.tick").evaluate_all(
        """els => els.filter(e => /^(▸)?\\d+(◂)?$/.test(e.textContent) && e.getAttribute('text-anchor') === 'middle')
            .map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.right]; })"""
    )
    bottom = [t for t in ticks if t[0].strip("▸◂").isdigit() and int(t[0].strip("▸◂")) >= 17]
    assert [t[0].strip("▸◂") for t in bottom] == [str(u) for u in range(17, 33)], bottom
    assert all(a[2] < b[1] for a, b in zip(bottom, bottom[1:], strict=False)), bottom  # no overlap
    stack.locator("text.panel-title").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "layers-32-units.png"))
    # the list closes on a scroll (react-aria): a click that first scrolls the box into view can open and
    # close it at once, so the box is clicked again
    for attempt in range(3):
        page.wait_for_selector(DONE)
        page.locator(".st-key-layers_units [role=combobox]").click()
        try:
            page.get_by_role("option", name="units 1–16 of 32").click(timeout=8_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    expect(stack.locator("text.tick.chosen")).to_have_text("▸1◂", timeout=30_000)
    expect(page).to_have_url(re.compile(r"unit=1(&|$)"), timeout=30_000)
