"""Gate Lab in real Chromium: step with buttons and keys, switch pages, change
layers, open a shared link in a fresh browser, switch to 中文. Screenshots of
every page go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)  # the machine is shared: give a rerun time, never a fixed sleep


def open_app(new_page, url: str, **kw):
    """A page of the app, open: its run done, its title shown, and a class link's hall view (the class's
    diagram drawn before the app, live/hall.py) gone."""
    page = new_page(**kw)
    page.goto(url)
    page.wait_for_selector(DONE, timeout=30_000)
    expect(page.locator("#gatelab-hall")).to_have_count(0, timeout=30_000)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    return page


def button(page, key: str):
    """The control ``key``: the stepper's element carrying data-gatelab=key, or the button of a
    keyed st.button (its help tooltip wraps it in a second one), once no rerun is in flight
    (a click on a button being redrawn can be lost)."""
    page.wait_for_selector(DONE)
    return page.locator(f"[data-gatelab={key}], .st-key-{key} button").first


def step_caption(page):
    return page.get_by_text(re.compile(r"^Step t = \d+ of \d+"))


def reading_text(page) -> str:
    block = page.locator("[data-gatelab=reading]", has_text=re.compile("forget gate keeps|遗忘门保留"))
    return block.first.inner_text()


def diagram_labels(page) -> list[str]:
    """The text of every label of the cell diagram (SVG text drawn by the stepper)."""
    return page.locator("svg.diagram text[data-label]").all_text_contents()


def test_step_with_buttons_and_keys(new_page, app_url, artifacts):
    page = open_app(new_page, app_url)
    expect(step_caption(page)).to_have_text(re.compile("Step t = 1 of 40"))
    first = reading_text(page)
    button(page, "step_next").click()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 2 of 40"))
    page.wait_for_selector(DONE)  # the caption comes first; the rest of the step follows it
    assert reading_text(page) != first
    page.get_by_role(
        "heading", name="One hidden unit of an LSTM cell"
    ).click()  # focus the page, not a widget
    for key, t in (("ArrowRight", 3), ("End", 40), ("ArrowLeft", 39), ("Home", 1)):
        page.wait_for_selector(DONE)  # a key pressed mid-rerun could land on a button being redrawn
        page.keyboard.press(key)
        expect(step_caption(page)).to_have_text(re.compile(f"Step t = {t} of 40"))
    button(page, "step_last").click()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 40 of 40"))
    expect(page).to_have_url(re.compile(r"[?&]t=40\b"))
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "cell.png"), full_page=True)


def test_pages_layers_and_shared_link(new_page, app_url, artifacts):
    page = open_app(new_page, app_url)
    button(page, "step_next").click()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 2 of"))
    # two layers: move the layers slider with the keyboard
    slider = page.locator(".st-key-num_layers input[type=range]")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".st-key-hidden_size_l2")).to_be_visible()
    page.wait_for_selector(DONE)
    page.locator("[data-testid=stSidebarNav] a", has_text="Timeline").click()
    expect(
        page.get_by_role("heading", name="Gates, candidate, memory and output across time")
    ).to_be_visible()
    expect(page.get_by_text("Layer 2 (H = 4)")).to_be_visible(timeout=20_000)
    for k in range(3, 8):
        button(page, "step_next").click()
        expect(step_caption(page)).to_have_text(re.compile(f"Step t = {k} of 40"))
    page.wait_for_selector(DONE)
    expect(page).to_have_url(re.compile(r"/timeline\?.*layers=2.*t=7"))
    # the heatmaps are drawn once; their cursor is a CSS line: it must stand on column 7
    # exactly where Plotly draws t = 7 (its own axis mapping), in every layer's chart
    where = page.eval_on_selector_all(
        ".st-key-timeline_heatmaps [data-testid=stPlotlyChart]",
        """els => els.map(el => {
            const fl = el.querySelector('.js-plotly-plot')._fullLayout;
            return [parseFloat(getComputedStyle(el, '::after').left) + 1, fl._size.l + fl.xaxis.l2p(7)];
        })""",
    )
    assert len(where) == 3 and all(abs(css - plotly) < 1.5 for css, plotly in where), (
        where
    )  # input + 2 layers
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)
    page.locator("[data-testid=stSidebarNav] a", has_text="Layers").click()
    expect(page.get_by_role("heading", name="The stack at this step")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 7 of 40"))  # the step survived
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "layers.png"), full_page=True)
    page.locator("[data-testid=stSidebarNav] a", has_text="Cell").click()
    # the caption already says t = 7 on the Layers page: wait for the Cell page itself,
    # and for its address, before taking the link (else the link can still be /layers)
    expect(page.get_by_role("heading", name="One hidden unit of an LSTM cell")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 7 of 40"))
    page.wait_for_selector(DONE)
    expect(page).to_have_url(re.compile(r"^http://[^/]+/\?.*layers=2.*t=7"))
    shared = page.url
    page.wait_for_selector(DONE)
    here = reading_text(page)

    # a student opens the link in a browser that has never seen the app
    other = open_app(new_page, shared)
    expect(step_caption(other)).to_have_text(re.compile("Step t = 7 of 40"))
    other.wait_for_selector(DONE)
    assert reading_text(other) == here
    expect(other.locator(".st-key-hidden_size_l2")).to_be_visible()


def test_switch_to_chinese(new_page, app_url, artifacts):
    page = open_app(new_page, app_url + "/?t=5")
    page.locator(".st-key-lang button", has_text="简体中文").click()
    expect(page.get_by_role("heading", name="LSTM 单元中的一个隐藏单元")).to_be_visible()
    expect(page.get_by_text(re.compile("第 t = 5 步"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=zh"))
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "cell_zh.png"), full_page=True)


def test_rnn_and_bad_input_in_the_browser(new_page, app_url, artifacts):
    page = open_app(new_page, app_url + "/?cell=rnn&input=typed&data=0,1,0.5")
    expect(page.get_by_role("heading", name="One hidden unit of a plain RNN cell")).to_be_visible()
    box = page.locator(".st-key-typed_numbers textarea")
    box.fill("1, 2, x")
    box.press("Control+Enter")
    expect(page.get_by_text("'x' is not a number")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("of 3"))  # the last good input is still shown
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "rnn_bad_input.png"), full_page=True)


def test_step_through_a_gru_and_load_its_preset(new_page, app_url, artifacts):
    """cell=gru in the browser: the GRU's reading follows the steps; the Timeline draws r, z, n, h;
    the GRU preset loads from the Weights lab, and its link opens it on the Cell page."""
    page = open_app(new_page, app_url + "/?cell=gru&input=typed&data=0,0,1,0,0,0.2,0,0.8,0")
    expect(page.get_by_role("heading", name="One hidden unit of a GRU cell")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 1 of 9"))
    reading = page.locator("[data-gatelab=reading]", has_text="update gate keeps").first
    first = reading.inner_text()
    for t in (2, 3):
        button(page, "step_next").click()
        expect(step_caption(page)).to_have_text(re.compile(f"Step t = {t} of 9"))
    page.wait_for_selector(DONE)
    assert reading.inner_text() != first
    page.locator("details.code summary").click()  # the code is filled in when opened
    expect(page.locator("[data-gatelab=code]")).to_contain_text("GRUCELL")
    page.screenshot(path=str(artifacts / "gru_cell.png"), full_page=True)
    page.goto(app_url + "/timeline?cell=gru&t=3")
    page.wait_for_selector(DONE)
    expect(page.get_by_text("z (update gate)").first).to_be_visible()
    expect(page.get_by_text("r (reset gate)").first).to_be_visible()
    page.goto(app_url + "/weights")
    page.wait_for_selector(DONE)
    page.get_by_role("tab", name="Teaching presets").click()
    page.locator(".st-key-preset_choice [role=combobox]").click()
    page.get_by_role("option", name="GRU: the update gate as a latch").click()
    expect(page.get_by_text("ignores the 0.2")).to_be_visible()
    button(page, "preset_load").click()
    expect(page).to_have_url(re.compile(r"[?&]w=[^&]+"))  # the preset's weights are in the link
    page.wait_for_selector(DONE)
    page.goto(page.url.replace("/weights", "/").split("#")[0])  # the link carries the preset's weights
    page.wait_for_selector(DONE)
    expect(page.get_by_role("heading", name="One hidden unit of a GRU cell")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("of 24"))


def test_why_lstm_page_and_presets(new_page, app_url, artifacts):
    page = open_app(new_page, app_url + "/why")
    expect(page.get_by_role("heading", name=re.compile("Why LSTM"))).to_be_visible()
    button(page, "why_preset_explode").click()
    expect(step_caption(page)).to_have_text(re.compile("of 200"))
    expect(page.get_by_text(re.compile(r"ρ\(W_hh\) of the RNN = 3\.00"))).to_be_visible()
    button(page, "why_preset_vanish").click()
    expect(page.get_by_text(re.compile(r"ρ\(W_hh\) of the RNN = 0\.50"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/why\?.*rho=0\.5"))
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "why.png"), full_page=True)


def test_import_a_trained_model_step_and_ask_what_if(new_page, app_url, artifacts, tmp_path):
    import numpy as np
    import torch

    from lstm_core import generate, layouts
    from ui.shell.files import read_weights

    torch.manual_seed(5)
    lstm = torch.nn.LSTM(1, 3, dtype=torch.float32)
    path = tmp_path / "my_lstm.npz"
    np.savez(path, **{k: v.detach().numpy() for k, v in lstm.state_dict().items()})
    page = open_app(new_page, app_url + "/weights")
    page.get_by_role("tab", name=re.compile("Import")).click()
    page.locator(".st-key-weights_upload input[type=file]").set_input_files(str(path))
    expect(page.get_by_text(re.compile(r"Found PyTorch weights \(LSTM\): 1 layer"))).to_be_visible(
        timeout=20_000
    )
    button(page, "weights_import").click()
    expect(page.get_by_text(re.compile("imported from my_lstm.npz")).first).to_be_visible()
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "weights_import.png"), full_page=True)

    net = layouts.detect(read_weights("m.npz", path.read_bytes())).network
    h = net.run(generate("sine", 40, 1.0, 20.0, 0, 4)).output
    page.locator("[data-testid=stSidebarNav] a", has_text="Cell").click()
    expect(page.get_by_role("heading", name="One hidden unit of an LSTM cell")).to_be_visible()
    for k in range(2, 5):
        button(page, "step_next").click()
        expect(step_caption(page)).to_have_text(re.compile(f"Step t = {k} of 40"))
    want = f"{h[3, 0]:.2f}".replace("-", "−")
    page.wait_for_selector(DONE)
    labels = diagram_labels(page)
    assert f"ht = {want}" in labels, [x for x in labels if x.startswith("h")]  # the diagram label

    page.wait_for_selector(DONE)
    page.locator("[data-testid=stSidebarNav] a", has_text="Weights lab").click()
    expect(page).to_have_url(re.compile(r"/weights"))
    page.wait_for_selector(DONE)
    page.get_by_role("tab", name=re.compile("What if")).click()
    button(page, "ov_add").click()
    expect(page.get_by_text(re.compile(r"f = 1.*layer 1, all units"))).to_be_visible()
    page.locator("[data-testid=stSidebarNav] a", has_text="Timeline").click()
    expect(page.get_by_text("Layer 1: what the overrides changed (forced run − original)")).to_be_visible(
        timeout=20_000
    )
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "timeline_whatif.png"), full_page=True)
    page.locator("[data-testid=stSidebarNav] a", has_text="Cell").click()
    expect(page.get_by_text(re.compile("What if: with the overrides"))).to_be_visible()


def test_after_a_server_restart_the_page_reconnects_to_the_same_view(new_page, artifacts):
    from tests.e2e.harness import free_port, serve_process

    port = free_port()
    view = f"http://127.0.0.1:{port}/timeline?layers=2&h2=3&seed=5&t=9"
    with serve_process(port=port):
        page = new_page()
        page.goto(view)
        expect(step_caption(page)).to_have_text(re.compile("Step t = 9 of 40"))
        button(page, "step_next").click()
        expect(step_caption(page)).to_have_text(re.compile("Step t = 10 of 40"))
        expect(page).to_have_url(re.compile(r"t=10"))
    with serve_process(port=port):  # the server comes back (a restart); the page reconnects by itself
        expect(step_caption(page)).to_have_text(re.compile("Step t = 10 of 40"), timeout=60_000)
        expect(page.get_by_text("Layer 2 (H = 3)")).to_be_visible()
        expect(page).to_have_url(re.compile(r"seed=5"))


def test_click_on_the_input_chart_jumps_to_that_step(new_page, app_url):
    page = open_app(new_page, app_url + "/timeline?t=3")
    expect(step_caption(page)).to_have_text(re.compile("Step t = 3 of 40"))
    for _ in range(3):  # (a click while the chart is still being drawn, under a loaded CI, can be lost)
        page.wait_for_selector(DONE)
        box = page.locator(".js-plotly-plot").first.locator(".nsewdrag").first.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.5)
        try:
            expect(step_caption(page)).not_to_have_text(re.compile("Step t = 3 of 40"), timeout=8_000)
            break
        except AssertionError:
            continue
    expect(step_caption(page)).not_to_have_text(re.compile("Step t = 3 of 40"))
    expect(page).not_to_have_url(re.compile(r"[?&]t=3\b"))


def test_train_a_classifier_and_open_it_in_the_cell_page(new_page, app_url, artifacts, tmp_path):
    import numpy as np

    from lstm_core import datasets, layouts
    from ui.shell.files import read_weights

    page = open_app(new_page, app_url + "/classify", height=1800)  # the default task: shapes
    button(page, "clf_train").click()
    expect(page.get_by_text("LSTM test accuracy")).to_be_visible(timeout=120_000)
    page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "classify.png"), full_page=True)
    with page.expect_download() as dl:
        page.locator(".st-key-clf_export button").first.click()
    path = tmp_path / "clf.npz"
    dl.value.save_as(path)
    net = layouts.detect(read_weights("clf.npz", path.read_bytes())).network
    _, _, Xte, _ = datasets.make_task("shapes", seed=0, n_train=500, n_test=500)
    h = net.run(Xte[0]).output
    button(page, "clf_open").click()
    expect(page.get_by_role("heading", name="One hidden unit of an LSTM cell")).to_be_visible()
    expect(page.get_by_text(re.compile("trained on “shapes”")).first).to_be_visible()
    for k in range(2, 4):
        button(page, "step_next").click()
        expect(step_caption(page)).to_have_text(re.compile(f"Step t = {k} of 40"))
    page.wait_for_selector(DONE)
    labels = diagram_labels(page)
    want = f"{h[2, 0]:.2f}".replace("-", "−")
    assert f"ht = {want}" in labels, [x for x in labels if x.startswith("h")]
    assert np.isfinite(h).all()


def test_play_then_click_the_diagram_to_stop_at_that_step(new_page, app_url):
    """Play runs in the browser from the current step; a click on the diagram stops it there,
    and the address bar follows within a second."""
    page = open_app(new_page, app_url + "/?t=3")
    expect(step_caption(page)).to_have_text(re.compile("Step t = 3 of 40"))
    page.locator("[data-gatelab=play_speed]").select_option("5")
    button(page, "step_play").click()
    expect(button(page, "step_play")).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(700)  # a few steps at 5 a second, no server involved
    page.locator("svg.diagram").click()
    expect(button(page, "step_play")).to_have_attribute("aria-pressed", "false")
    frame = int(page.locator("[data-gatelab=step_slider]").input_value())
    assert 4 <= frame < 40  # it played from t = 3, not from 1
    expect(step_caption(page)).to_have_text(re.compile(f"Step t = {frame} of 40"))
    expect(page).to_have_url(re.compile(rf"[?&]t={frame}\b"))
