"""The lesson in Chromium: a scripted student takes the whole lesson (answering, stepping,
following the links); every chapter in English and 中文 at 1024×768 and 1920×1080 in presenter
mode, nothing cut off, no overlapping labels, type large enough for a room (screenshots in
test-artifacts/lesson/); a prediction hides the next step; presenter mode's keys."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.app.test_pages import default_trace
from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app
from tests.e2e.test_stepper import OVERLAPS, shown_step
from ui.shell.strings import STRINGS
from ui.teach.lesson import LESSON

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)

OVERFLOW = """() => {
    const main = document.querySelector('[data-testid=stMain]');
    const cut = [];
    for (const el of document.querySelectorAll('h1, [data-testid=stMarkdownContainer] p, .st-key-predict_panel label, button')) {
        const r = el.getBoundingClientRect();
        if (r.width && (r.right > window.innerWidth + 1 || r.left < -1)) cut.push(el.textContent.slice(0, 40));
    }
    return [main.scrollWidth - main.clientWidth, cut];
}"""


def commit_first_option(page) -> str:
    """Choose the first option, commit; the revealed verdict's text."""
    page.locator(".st-key-predict_panel [role=radiogroup] label").first.click()
    page.wait_for_selector(DONE)
    commit = button(page, "predict_commit")
    expect(commit).to_be_enabled()
    commit.click()
    verdict = page.locator(".st-key-predict_panel [data-testid=stAlert]")
    expect(verdict).to_be_visible()
    return verdict.inner_text()


def test_a_student_takes_the_whole_lesson(new_page, app_url, artifacts):
    page = open_app(new_page, f"{app_url}/lesson?chapter=1", width=1024, height=768)
    for n, ch in enumerate(LESSON, start=1):
        expect(page.locator("h1").first).to_have_text(STRINGS[f"lesson_{ch.name}_title"]["en"])
        expect(page).to_have_url(re.compile(f"chapter={n}(&|$)"))  # the address follows the page's run
        if ch.view in ("cell", "layers"):
            asked = shown_step(page) + 1  # the question is about the step after the one on screen
            expect(button(page, "step_next")).to_be_disabled()  # … which stays hidden until committed
        verdict = commit_first_option(page)
        assert re.search(r"^(Right|Not this time):", verdict.strip(" \n✅💡"), re.M), verdict
        if ch.view in ("cell", "layers"):
            expect(page.locator("[data-gatelab=step_slider]")).to_have_value(str(asked + 1))
            page.keyboard.press("ArrowRight")  # free to step on once revealed
            expect(page.locator("[data-gatelab=step_slider]")).to_have_value(str(asked + 2))
        expect(page.locator(".st-key-predict_score")).to_contain_text(f"of {n} right")
        if n < len(LESSON):
            button(page, "lesson_next").click()
            page.wait_for_url(re.compile(f"chapter={n + 1}"))
            page.wait_for_selector(DONE)
    page.screenshot(path=str(artifacts / "lesson_end.png"), full_page=True)
    # the chapter's link brings a classmate to the same chapter
    other = open_app(new_page, page.url)
    expect(other.locator("h1").first).to_have_text(STRINGS["lesson_classify_title"]["en"])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_every_chapter_on_a_projector(new_page, app_url, artifacts, lang, size):
    out = artifacts / "lesson"
    out.mkdir(exist_ok=True)
    w, h = size
    page = new_page(width=w, height=h)
    for n, ch in enumerate(LESSON, start=1):
        page.goto(f"{app_url}/lesson?chapter={n}&present=1&lang={lang}")
        page.wait_for_selector(DONE, timeout=30_000)
        expect(page.locator("h1").first).to_have_text(STRINGS[f"lesson_{ch.name}_title"][lang])
        expect(page.locator("[data-testid=stSidebar]")).to_be_hidden()
        # presenter mode's style comes with the page's last element: wait for the run to draw it
        page.wait_for_function("getComputedStyle(document.documentElement).fontSize !== '16px'")
        if ch.view in ("cell", "layers"):
            expect(page.locator(".gatelab-stepper svg").first).to_be_visible()
        page.wait_for_selector(DONE)
        overflow, cut = page.evaluate(OVERFLOW)
        assert overflow <= 1 and not cut, (n, lang, size, overflow, cut)
        if ch.view == "cell":
            count, overlaps = page.locator("svg.diagram text").evaluate_all(OVERLAPS)
            assert count >= 5 and not overlaps, (n, lang, size, overlaps)
        text = STRINGS[f"lesson_{ch.name}_text"][lang][:12]  # the chapter's text (beside its view)
        body = page.locator("[data-testid=stMain] [data-testid=stMarkdown] p", has_text=text).first
        px = float(body.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
        assert px >= (18 if w < 1100 else 24), (n, size, px)  # readable from the back of a room
        page.screenshot(path=str(out / f"{lang}_{w}x{h}_{n:02d}.png"))


def test_predict_on_the_cell_page_hides_the_next_step_until_committed(new_page, app_url):
    lt = default_trace().layers[0]
    page = open_app(new_page, f"{app_url}/?t=5")
    page.locator(".st-key-predict_mode label").first.click()
    page.wait_for_selector(DONE)
    expect(page.locator(".st-key-predict_panel")).to_contain_text("t = 6")
    expect(button(page, "step_next")).to_be_disabled()
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("End")  # the keys cannot reveal it either
    assert shown_step(page) == 4
    page.locator(".st-key-predict_panel [role=radiogroup] label", has_text="goes up").click()
    page.wait_for_selector(DONE)
    button(page, "predict_commit").click()
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 6 of 40")
    verdict = page.locator(".st-key-predict_panel [data-testid=stAlert]").inner_text()
    assert ("Right" in verdict) == (lt.c[5, 0] - lt.c[4, 0] >= 0.005), verdict
    expect(button(page, "step_next")).to_be_enabled()


def test_presenter_mode_by_key_and_the_step_keys_still_work(new_page, app_url, artifacts):
    page = open_app(new_page, f"{app_url}/?t=3", width=1024, height=768)
    expect(button(page, "present_toggle")).to_be_visible()  # its key works once it is on the page
    page.evaluate("document.activeElement.blur()")
    for _ in range(4):  # a key pressed while a fresh page is still settling can be lost
        page.wait_for_timeout(2_000)
        page.keyboard.press("p")
        try:
            page.wait_for_url(re.compile("present=1"), timeout=5_000)
            break
        except PlaywrightTimeout:
            pass
    expect(page.locator("[data-testid=stSidebar]")).to_be_hidden()
    page.wait_for_selector(DONE)
    root = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert root == "18px", root
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 4 of 40")
    page.screenshot(path=str(artifacts / "presenter_cell.png"))
    button(page, "present_toggle").click()
    expect(page.locator("[data-testid=stSidebar]")).to_be_visible()
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 4 of 40")


def test_a_class_link_hides_what_the_teacher_chose(new_page, app_url):
    page = open_app(new_page, f"{app_url}/?hide=sidebar,equations,code,share&t=4")
    expect(page.locator("[data-testid=stSidebar]")).to_be_hidden()
    expect(page.locator("[data-gatelab=reading]")).to_be_visible()
    for part in ("equations", "code", "share"):
        expect(page.locator(f"[data-gatelab={part}]")).to_be_hidden()
    expect(page.locator("[data-gatelab=unit_table]")).to_be_visible()
    button(page, "step_next").click()
    expect(page.locator("[data-gatelab=step_caption]")).to_contain_text("Step t = 5 of 40")
