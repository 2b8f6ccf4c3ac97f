"""Presenter mode on a projector, in Chromium: at 1024×768 and at 1920×1080 every lesson chapter's
first screen holds both its live view (the diagram, the stack or the chart) and its question, with
nothing scrolled; every control a chapter's task names is on the page, though the sidebar is
hidden; and a teacher leading a live class sees the class's question beside the view too.
Screenshots of every chapter at both sizes go to test-artifacts/presenter_*.png."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app
from tests.e2e.test_live_class import start_class
from ui.shell.strings import STRINGS
from ui.teach.lesson import LESSON

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)  # the machine is shared: generous waits, never a fixed sleep
SIZES = [(1024, 768), (1920, 1080)]
VIEW = {  # the chapter's live view, by its kind (before its question is answered; after, for charts)
    "cell": "svg.diagram",
    "layers": "svg.bars",
    "why": ".st-key-lesson_view [data-testid=stVegaLiteChart]",
    "classify": ".st-key-lesson_view [data-testid=stVegaLiteChart]",
}
ANSWERED = {"why": ".st-key-lesson_reach .main-svg", "classify": ".st-key-lesson_probs .main-svg"}  # drawn
STEPS = "[data-gatelab=step_next]"


def link(name: str) -> str:
    return f"a:has-text('{STRINGS[name]['en']}')"  # a page in the navigation on top


NAMED = {  # what each chapter's task (lesson_<name>_do) names: the stepper's parts, a page, a setting
    "rnn": [STEPS, "[data-gatelab=unit_table]"],  # step with → or the buttons; the table of every unit
    "vanish": [link("page_why")],  # open the Why LSTM page
    "memory": [STEPS, "svg.diagram"],  # step on and watch C along the top of the diagram
    "forget": [".st-key-forget_bias"],  # set the forget-gate bias b_f
    "input": [STEPS],  # find the step where unit 1's i is smallest
    "output": ["[data-gatelab=reading]"],  # compare h with tanh(C) in the reading
    "step": ["[data-gatelab=equations]"],  # check one line of the equations
    "stack": [STEPS, "svg.bars"],  # step through and compare the two layers
    "code": ["details.code summary"],  # open the article's pseudocode below the cell
    "classify": [link("page_classify")],  # train your own on the Classify page (and, answered: ask again)
}


def present(page) -> None:
    """Presenter mode on. A click that lands while the class's counts redraw (every 0.5 s) can be lost,
    as a person's can: they click again, and so does this, only while the mode is still off."""
    toggle = page.locator(".st-key-present_toggle")
    for _ in range(3):
        if "Exit presenter mode" in toggle.inner_text():
            break
        button(page, "present_toggle").click()
        try:
            expect(toggle).to_contain_text("Exit presenter mode", timeout=10_000)
        except AssertionError:
            continue
    expect(toggle).to_contain_text("Exit presenter mode")
    page.wait_for_selector(DONE)


def on_first_screen(page, selector: str, what: str) -> None:
    """``selector``'s element lies wholly inside the viewport, the page scrolled to its top."""
    el = page.locator(selector).first
    expect(el).to_be_visible()
    box = el.bounding_box()
    view = page.viewport_size
    assert box is not None and box["height"] > 20, (what, box)
    assert box["y"] >= 0 and box["x"] >= 0, (what, box)
    assert box["y"] + box["height"] <= view["height"] + 1, (what, box, view)
    assert box["x"] + box["width"] <= view["width"] + 1, (what, box, view)


def to_top(page) -> None:
    page.evaluate("document.querySelectorAll('[data-testid=stMain], html').forEach((e) => e.scrollTo(0, 0))")


def answer(page) -> None:
    panel = page.locator(".st-key-predict_panel")
    panel.locator("[role=radiogroup] label").first.click()
    page.wait_for_selector(DONE)
    button(page, "predict_commit").click()
    expect(panel.locator("[data-testid=stAlert]")).to_be_visible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_chapters_view_and_question_share_the_first_screen(new_page, app_url, artifacts, size):
    width, height = size
    page = open_app(new_page, f"{app_url}/lesson?chapter=1&present=1", width=width, height=height)
    expect(page.locator("[data-testid=stSidebar]")).to_be_hidden()
    for n, ch in enumerate(LESSON):
        if n:
            button(page, "lesson_next").click()
        expect(page.locator("h1").first).to_have_text(STRINGS[f"lesson_{ch.name}_title"]["en"])
        page.wait_for_selector(DONE)
        to_top(page)
        where = f"chapter {n + 1} at {width}x{height}"
        on_first_screen(page, VIEW[ch.view], f"{where}: the view")
        on_first_screen(page, ".st-key-predict_panel", f"{where}: the question")
        for selector in NAMED[ch.name]:
            expect(page.locator(selector).first).to_be_visible()
        page.screenshot(path=str(artifacts / f"presenter_{width}_{n + 1}.png"))
        if ch.view in ANSWERED:  # a chart the question hides: shown with the answer, both on the first screen
            answer(page)
            to_top(page)
            on_first_screen(page, ANSWERED[ch.view], f"{where}: the view, answered")
            on_first_screen(page, ".st-key-predict_panel", f"{where}: the answer")
            if ch.name == "classify":  # "Ask again for another series"
                expect(button(page, "predict_next")).to_be_visible()
            page.screenshot(path=str(artifacts / f"presenter_{width}_{n + 1}_answered.png"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_teacher_projecting_a_class_sees_the_question_beside_the_view(new_page, app_url, artifacts, size):
    """Issue 22: projected in a live class, chapter 4's diagram was below the fold."""
    width, height = size
    teacher = open_app(new_page, f"{app_url}/lesson?chapter=4", width=width, height=height)
    start_class(teacher)
    present(teacher)
    expect(teacher.locator(".st-key-lesson_words .st-key-class_bar")).to_be_visible()  # beside the view
    button(teacher, "class_ask").click()
    expect(teacher.locator(".st-key-class_answers")).to_contain_text("t = 4")
    teacher.mouse.move(0, 0)  # no tooltip over the page
    to_top(teacher)
    on_first_screen(teacher, "svg.diagram", "the view")
    on_first_screen(teacher, ".st-key-class_answers", "the class's question")
    on_first_screen(teacher, ".st-key-class_code", "the join code")
    teacher.screenshot(path=str(artifacts / f"presenter_{width}_class.png"))
