"""Paths a first-time student took that once broke a page, in real Chromium."""

from __future__ import annotations

import os
import random
import re

import pytest
from playwright.sync_api import expect

from tests.app.test_matrix import CASES, PAGES, imported
from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app, step_caption
from ui.shell.strings import STRINGS

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)

BROKEN = re.compile(
    "|".join(re.escape(STRINGS["internal_error"][lang][:20]) for lang in ("en", "zh"))
    + "|This app has encountered an error|KeyError|Traceback"
)


def nav(page, title: str) -> None:
    page.wait_for_selector(DONE)
    page.locator("[data-testid=stSidebarNav] a", has_text=title).click()
    page.wait_for_selector(DONE)


def test_back_to_the_random_model_after_opening_a_trained_classifier(new_page, app_url, artifacts):
    """Classify → train → open in the Cell page → Layers → Timeline → Cell → unit 2 → step →
    Back to the random model: the sidebar's cell kind is back, nothing breaks."""
    page = open_app(new_page, app_url + "/classify", width=1280, height=1600)
    page.locator(".st-key-clf_epochs input[type=range]").focus()
    for _ in range(20):
        page.keyboard.press("ArrowLeft")  # the fewest epochs: the path, not the training, is tested
    page.wait_for_selector(DONE)
    button(page, "clf_train").click()
    expect(page.get_by_text("LSTM test accuracy")).to_be_visible(timeout=300_000)  # a shared, loaded machine
    button(page, "clf_open").click()
    expect(page.get_by_role("heading", name="One hidden unit of an LSTM cell")).to_be_visible()
    for title in ("Layers", "Timeline", "Cell"):
        nav(page, title)
    unit = page.locator(".st-key-view_unit input")
    unit.fill("2")
    unit.press("Enter")
    page.wait_for_selector(DONE)
    button(page, "step_next").click()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 2 of"))
    page.wait_for_selector(DONE)
    button(page, "badge_clear").click()
    page.wait_for_selector(DONE)
    expect(page.locator(".st-key-cell_kind")).to_be_visible()
    expect(page.locator(".st-key-custom_badge")).to_have_count(0)
    expect(
        page.locator(".st-key-cell_kind [aria-checked=true], .st-key-cell_kind [aria-pressed=true]").first
    ).to_be_visible()
    expect(step_caption(page)).to_be_visible()
    page.screenshot(path=str(artifacts / "back-to-random.png"), full_page=True)
    assert not BROKEN.search(page.locator("[data-testid=stApp]").inner_text())


SEED = int(os.environ.get("GATELAB_MATRIX_SEED") or random.SystemRandom().randrange(10**6))
PATHS = {"cell": ""}  # the url path of each page file (the Cell page is the default one)


def _sample(n: int = 4) -> list:
    rng = random.Random(SEED)
    return [(rng.choice(PAGES), *rng.choice(CASES).values) for _ in range(n)]


def test_print_the_matrix_sample_seed():
    print(f"matrix sample seed: {SEED} (GATELAB_MATRIX_SEED={SEED} replays it)")


@pytest.mark.parametrize("page_name, cell, ov, lang, model", _sample())
def test_a_sample_of_the_matrix_opens_in_chromium(new_page, app_url, page_name, cell, ov, lang, model):
    """A few views of the AppTest matrix (tests/app/test_matrix.py) in real Chromium, a new sample
    every run (the seed is printed; GATELAB_MATRIX_SEED replays one)."""
    print(f"seed {SEED}: /{page_name} cell={cell} ov={ov} lang={lang} model={model}")
    from urllib.parse import urlencode

    query = {"cell": cell, "lang": lang} | ({"ov": ov} if ov else {})
    if model == "imported":
        query |= {"w": imported(cell), "wsrc": "import:model.npz"}
    path = PATHS.get(page_name, page_name)
    page = open_app(new_page, f"{app_url}/{path}?{urlencode(query)}", width=1024, height=768)
    page.wait_for_timeout(500)  # a component's first draw may ask for one more run
    page.wait_for_selector(DONE)
    assert not BROKEN.search(page.locator("[data-testid=stApp]").inner_text()), (SEED, page_name, cell, ov)
    assert page.locator("[data-testid=stException]").count() == 0


def test_force_it_stays_on_the_what_if_tab_and_shows_its_result(new_page, app_url):
    page = open_app(new_page, app_url + "/weights", width=1024, height=768)
    page.get_by_role("tab", name=STRINGS["tab_whatif"]["en"]).click()
    page.wait_for_selector(DONE)
    button(page, "ov_add").click()
    page.wait_for_selector(DONE)
    expect(page.get_by_role("tab", name=STRINGS["tab_whatif"]["en"])).to_have_attribute(
        "aria-selected", "true"
    )
    expect(page.locator(".st-key-whatif_chart, [class*='st-key-whatif_chart']").first).to_be_visible()
    expect(page.locator(".st-key-custom_badge")).to_be_visible()  # the forced gate is named
