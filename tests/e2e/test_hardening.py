"""Hardening in real Chromium: axe-core on every page in both languages, the
keyboard reaching every control, the share box equal to the address bar after
every kind of step, and bad links and files through the real UI."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app, step_caption

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)

PAGES = {
    "": 0,
    "timeline": 2,
    "layers": 0,
    "weights": 0,
    "why": 2,
    "classify": 0,
}  # path -> Plotly charts it draws
STEPPERS = {"", "timeline", "layers", "why"}  # pages whose steps are drawn in the browser


def settled(page, lang: str, charts: int, stepper: bool = False) -> None:
    """Wait until the page is drawn: no rerun, its charts in the DOM, the stepper drawn, the
    language attribute set."""
    page.wait_for_selector(DONE)
    want = "zh-Hans" if lang == "zh" else "en"
    page.wait_for_function(f"document.documentElement.lang === {want!r}")
    if charts:
        expect(page.locator("[data-testid=stPlotlyChart] .main-svg").nth(charts - 1)).to_be_attached()
    if stepper:
        expect(page.locator("[data-gatelab=step_caption]")).not_to_be_empty()
    page.wait_for_selector(DONE)


def test_axe_finds_no_serious_violation_on_any_page_in_either_language(new_page, app_url, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    axe, report, bad = Axe(), {}, []
    for lang in ("en", "zh"):
        for path, charts in PAGES.items():
            page = open_app(new_page, f"{app_url}/{path}?lang={lang}", width=1400, height=1000)
            settled(page, lang, charts, path in STEPPERS)
            result = axe.run(page).response
            serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
            name = f"{path or 'cell'}-{lang}"
            report[name] = {
                "passes": len(result["passes"]),
                "violations": {v["id"]: (v["impact"], len(v["nodes"])) for v in result["violations"]},
            }
            bad += [(name, v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
            page.screenshot(path=str(artifacts / f"axe-{name}.png"), full_page=True)
            page.context.close()
    (artifacts / "axe.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    assert not bad, bad


def focused_key(page) -> str | None:
    """The stable key (st-key-…) of the control that has the keyboard focus."""
    return page.evaluate(
        """() => {
            let el = document.activeElement;
            while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
            if (el && el.dataset && el.dataset.gatelab) return el.dataset.gatelab;  // the stepper's controls
            const box = el && el.closest('[class*="st-key-"]');
            if (!box) return el && el.getAttribute('aria-label');
            return [...box.classList].find(c => c.startsWith('st-key-')).slice(7);
        }"""
    )


def test_the_keyboard_alone_reaches_every_control_of_the_cell_page(new_page, app_url):
    page = open_app(new_page, f"{app_url}/?t=5", width=1400, height=1000)
    settled(page, "en", 0, stepper=True)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # Tab starts at the top
    seen = set()
    for _ in range(160):
        page.keyboard.press("Tab")
        key = focused_key(page)
        if key:
            seen.add(key)
    want = {
        "lang",
        "cell_kind",
        "num_layers",
        "hidden_size",
        "seed",
        "weight_scale",
        "forget_bias",
        "input_kind",
        "seq_len",
        "amplitude",
        "period",
        "view_layer",
        "view_unit",
        "digits",
        "step_first",
        "step_prev",
        "step_next",
        "step_last",
        "step_play",
        "step_slider",
        "share",
    }
    assert want <= seen, sorted(want - seen)


def share_link(page) -> str:
    """Open the share box (the stepper's), read the link it shows, close it."""
    page.wait_for_selector(DONE)
    page.locator("[data-gatelab=share]").click()
    box = page.locator("[data-gatelab=share_link]")
    expect(box).to_be_visible()
    text = box.input_value().strip()
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    return text


def test_the_share_box_always_names_the_step_shown(new_page, app_url, artifacts):
    page = open_app(new_page, app_url)
    button(page, "step_next").click()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 2 of 40"))
    expect(page).to_have_url(re.compile(r"[?&]t=2\b"))
    assert share_link(page) == page.url
    page.get_by_role("heading", name="One hidden unit of an LSTM cell").click()
    page.keyboard.press("End")
    expect(step_caption(page)).to_have_text(re.compile("Step t = 40 of 40"))
    expect(page).to_have_url(re.compile(r"[?&]t=40\b"))
    assert share_link(page) == page.url
    slider = page.locator("[data-gatelab=step_slider]")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    expect(step_caption(page)).to_have_text(re.compile("Step t = 35 of 40"))
    expect(page).to_have_url(re.compile(r"[?&]t=35\b"))
    link = share_link(page)
    assert link == page.url
    page.locator("[data-gatelab=share]").click()
    page.screenshot(path=str(artifacts / "share-box.png"))
    other = open_app(new_page, link)
    expect(step_caption(other)).to_have_text(re.compile("Step t = 35 of 40"))


def test_a_tampered_link_opens_with_notices_and_no_traceback(new_page, app_url, artifacts):
    page = open_app(new_page, f"{app_url}/?t=999&foo=1&w=xyz&layer=3&unit=9&lang=zh")
    settled(page, "zh", 0, stepper=True)
    for words in ("“foo”", "t=999", "w=xyz", "layer=3", "unit=9"):
        expect(page.get_by_text(words).first).to_be_visible()
    assert page.locator("[data-testid=stException]").count() == 0
    page.screenshot(path=str(artifacts / "bad-link-zh.png"), full_page=True)


def test_a_bad_csv_upload_keeps_the_last_input(new_page, app_url, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("a,b\n1,2\n3,4\n5,6\n")
    bad.write_text("a,b\n1,2\n3,banana\n")
    page = open_app(new_page, f"{app_url}/?input=csv")
    page.locator(".st-key-csv_upload input[type=file]").set_input_files(str(good))
    expect(step_caption(page)).to_have_text(re.compile("Step t = 1 of 3"))
    page.locator(".st-key-csv_upload input[type=file]").set_input_files(str(bad))
    expect(page.get_by_text("Line 3, column 2: 'banana' is not a number")).to_be_visible()
    expect(step_caption(page)).to_have_text(re.compile("Step t = 1 of 3"))  # the good file is still shown


DOM_MARKUP = """() => {
    // every anchor, image and emphasis in the page, shadow roots included
    const out = [];
    const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
            if (el.closest('[data-testid=stCode]')) continue;  // the share box's link, shown as code text
            const tag = el.tagName.toLowerCase();
            if (tag === 'a') out.push(['a', el.getAttribute('href') || '', el.textContent]);
            if (tag === 'img' || tag === 'image') out.push(['img', el.getAttribute('src') || el.getAttribute('href') || '', '']);
            if (['strong', 'em', 'b', 'i', 'code', 'del', 's'].includes(tag)) out.push([tag, '', el.textContent]);
            if (el.shadowRoot) walk(el.shadowRoot);
        }
    };
    walk(document);
    return out;
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_crafted_link_draws_no_link_image_or_emphasis_of_its_own(new_page, app_url, artifacts, lang):
    from urllib.parse import urlencode

    from lstm_core import Network, layouts

    query = {
        "w": layouts.encode(Network.random(1, [2], "gru", seed=1)),
        "wsrc": "**PWN** ![i](http://127.0.0.1:9/i.png)",  # the weights' label: badge, sidebar, Showing:
        "seed": "[PWN](http://127.0.0.1:9/s)_PWN_",
        "[PWN](http://127.0.0.1:9/k)": "1",  # an unknown name
        "hide": "<img src=http://127.0.0.1:9/h.png>",
        "join": ":red[PWN] http://127.0.0.1:9/j",
        "lang": lang,
    }
    page = new_page(width=1024, height=768)
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "127.0.0.1:9/" in r.url else None)
    page.goto(f"{app_url}/?{urlencode(query)}")
    settled(page, lang, 0, stepper=True)
    expect(page.get_by_text("PWN").first).to_be_visible()  # the payload is on screen, as its characters
    bad = [m for m in page.evaluate(DOM_MARKUP) if "127.0.0.1:9" in m[1] or "PWN" in m[2]]
    page.screenshot(path=str(artifacts / f"crafted-link-{lang}.png"), full_page=True)
    assert not bad, bad
    assert not asked, asked  # no image was fetched from the sender's server
