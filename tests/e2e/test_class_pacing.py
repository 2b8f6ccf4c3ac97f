"""A live class's pacing and its way back, in Chromium, with one class for every check (the machine
is shared: one set-up, generous waits, no timing asserts): *Lock to my screen* (students cannot
explore: no *Explore on my own*, their stepper locked) and unlocking; *Pause screens* (the card is
on every student's screen) and resuming; *Back to the class* from every page (a student who
explored there lands on the class's page, chapter and step); a following student who clicks a page
in the sidebar is put back to the class's view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app
from tests.e2e.test_live_class import caption, start_class
from ui.shell.strings import STRINGS
from ui.teach.lesson import LESSON

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)
MS = 20_000  # a student's screen follows within this (bench/class.py measures the real latency)
PAGES = ("cell", "timeline", "layers", "weights", "why", "classify", "lesson")  # every page of app.py
CHAPTER = 3  # 0-based: the class is on lesson chapter 4 …
STEP = 5  # … at t = 5


def nav(page, name: str):
    """The link to page ``name`` in the sidebar's navigation."""
    return page.locator("[data-testid=stSidebarNav] a", has_text=STRINGS[f"page_{name}"]["en"]).first


def on_the_class_view(s, lang: str = "en") -> None:
    """The student shows the class's page, chapter and step."""
    expect(s).to_have_url(re.compile(r"/lesson\?"), timeout=MS)
    expect(s.locator("h1").first).to_have_text(
        STRINGS[f"lesson_{LESSON[CHAPTER].name}_title"][lang], timeout=MS
    )
    want = f"Step t = {STEP} of" if lang == "en" else f"第 t = {STEP} 步"
    expect(caption(s)).to_contain_text(want, timeout=MS)


def test_pacing_pause_and_the_way_back_to_the_class(new_page, app_url, artifacts):
    teacher = open_app(new_page, f"{app_url}/lesson?chapter={CHAPTER + 1}", width=1400, height=1000)
    code = start_class(teacher)
    s1 = open_app(new_page, f"{app_url}/?join={code}", width=1100, height=900)
    s2 = open_app(new_page, f"{app_url}/?join={code}&lang=zh", width=1100, height=900)
    students = ((s1, "en"), (s2, "zh"))
    t0 = int(re.search(r"t = (\d+)", caption(teacher).inner_text()).group(1))
    for _ in range(STEP - t0):
        button(teacher, "step_next").click()
    expect(caption(teacher)).to_contain_text(f"Step t = {STEP} of")
    for s, lang in students:
        on_the_class_view(s, lang)

    # Lock to my screen: nobody can explore, every stepper is locked; unlocked, they may again
    button(s2, "class_leave").click()  # one student was exploring: locking brings them back
    expect(s2.locator(".st-key-class_back")).to_be_visible()
    teacher.locator(".st-key-class_lock label").first.click()
    teacher.wait_for_selector(DONE)
    for s, lang in students:
        expect(s.locator(".st-key-class_leave")).to_have_count(0, timeout=MS)
        expect(s.locator(".st-key-class_back")).to_have_count(0)
        expect(s.locator(".st-key-class_bar")).to_contain_text(STRINGS["class_locked"][lang])
        expect(s.locator("[data-gatelab=step_next]")).to_be_disabled()
        on_the_class_view(s, lang)
    s1.screenshot(path=str(artifacts / "class_locked_student.png"))
    teacher.locator(".st-key-class_lock label").first.click()
    teacher.wait_for_selector(DONE)
    for s, _ in students:
        expect(s.locator(".st-key-class_leave")).to_be_visible(timeout=MS)

    # Pause screens: a card on every student's screen until the teacher resumes
    teacher.locator(".st-key-class_pause label").first.click()
    teacher.wait_for_selector(DONE)
    for s, lang in students:
        card = s.locator(".gatelab-pause")
        expect(card).to_be_visible(timeout=MS)
        expect(card).to_contain_text(STRINGS["class_paused_card"][lang])
        # over everything, the sidebar too: the point a sidebar link sits at is the card's
        assert s.evaluate("!!document.elementFromPoint(40, 200).closest('.gatelab-pause')")
    expect(teacher.locator(".st-key-class_counts")).to_contain_text("paused 2", timeout=MS)
    s2.screenshot(path=str(artifacts / "class_paused_student.png"))
    teacher.locator(".st-key-class_pause label").first.click()
    teacher.wait_for_selector(DONE)
    for s, lang in students:
        expect(s.locator(".gatelab-pause")).to_have_count(0, timeout=MS)
        on_the_class_view(s, lang)

    # a following student who clicks a page in the sidebar is put back to the class's view
    for name in ("timeline", "weights"):
        nav(s1, name).click()
        s1.wait_for_timeout(2_000)  # (not an assert: the click's run starts before the checks below)
        s1.wait_for_selector(DONE)
        on_the_class_view(s1)
        expect(s1.locator(".st-key-class_leave")).to_be_visible()  # still following, and says so

    # Back to the class from every page: explore there, step or change something, come back
    for name in PAGES:
        button(s1, "class_leave").click()
        expect(s1.locator(".st-key-class_back")).to_be_visible(timeout=MS)
        nav(s1, name).click()
        s1.wait_for_url(
            re.compile(rf"/{name}\b") if name != "cell" else re.compile(r"/(\?|cell)"), timeout=MS
        )
        s1.wait_for_selector(DONE)
        if s1.locator("[data-gatelab=step_first]").count():  # a page with a stepper: the student's own step
            try:
                expect(s1.locator("[data-gatelab=step_first]").first).to_be_enabled(timeout=MS)
            except AssertionError:
                s1.screenshot(path=str(artifacts / f"class_explore_{name}.png"), full_page=True)
                raise AssertionError(f"exploring on {name}: the stepper is still locked") from None
            button(s1, "step_first").click()  # (the lesson's own question limits later steps)
            expect(caption(s1)).to_contain_text("Step t = 1 of")
        expect(s1.locator(".st-key-class_back")).to_be_visible()  # exploring, and the bar says so
        button(s1, "class_back").click()
        s1.wait_for_timeout(2_000)  # (as above: the way back starts at the student's next poll)
        try:
            on_the_class_view(s1)
        except AssertionError:
            s1.screenshot(path=str(artifacts / f"class_back_from_{name}.png"), full_page=True)
            raise
        expect(s1.locator(".st-key-class_leave")).to_be_visible()
    expect(caption(teacher)).to_contain_text(f"Step t = {STEP} of")  # nobody moved the teacher
