"""The hall view in Chromium (live/hall.py, ui/stepper/hall.js): a student who opens the teacher's link
sees the class's diagram at the class's step before their app has started; the teacher's steps move
it; when the student's turn comes, their app opens as the same student, at the same step, and the hall
view goes. In 中文 too, and with nothing serious for axe-core. The teacher's own browser, and a class on
a page with no diagram, open the app at once."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app
from tests.e2e.test_live_class import FOLLOW_S, caption, start_class

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)
HELD_MS = 8000  # the student's turn, as a crowded hall would make it (the server said 0: one student)


def held(page) -> list[dict]:
    """The hall's answer as the server gives it, but the app's turn ``HELD_MS`` away."""
    answers: list[dict] = []

    def later(route):
        r = route.fetch()
        got = r.json() if r.status == 200 else None
        if got is None:
            route.fulfill(response=r)
            return
        answers.append(got)
        route.fulfill(response=r, body=json.dumps(dict(got, wait_ms=HELD_MS)))

    page.route("**/gatelab/class/*/hall*", later)
    return answers


def hall_caption(page):
    return page.locator("#gatelab-hall [data-gatelab=step_caption]")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_student_sees_the_class_diagram_before_the_app_then_the_app(new_page, app_url, artifacts, lang):
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    for t in (2, 3, 4):
        button(teacher, "step_next").click()
        expect(caption(teacher)).to_contain_text(f"Step t = {t} of 40")
    student = new_page(width=1100, height=900, locale="zh-CN" if lang == "zh" else "en-US")
    answers = held(student)
    student.goto(f"{app_url}/?join={code}")
    hall = student.locator("#gatelab-hall")
    expect(hall).to_be_visible()
    want = "第 t = {t} 步" if lang == "zh" else "Step t = {t} of 40"
    expect(hall_caption(student)).to_contain_text(want.format(t=4))
    assert student.evaluate("window.__gatelabHall.started") is False  # the app waits for its turn
    expect(hall.get_by_role("heading", level=1)).to_contain_text(code)
    expect(hall.locator("svg").first).to_be_visible()  # the diagram itself
    student.screenshot(path=str(artifacts / f"hall_view_{lang}.png"))
    if lang == "en":
        from axe_playwright_python.sync_playwright import Axe

        result = Axe().run(student).response
        bad = [v["id"] for v in result["violations"] if v.get("impact") in ("serious", "critical")]
        assert not bad, bad
    button(teacher, "step_next").click()  # the class's stream moves it, with no app at all yet
    expect(hall_caption(student)).to_contain_text(want.format(t=5), timeout=FOLLOW_S * 1000)
    assert student.evaluate("window.__gatelabHall.started") is False
    # the turn comes: the app opens, as the same student, at the class's step, and the hall view goes
    expect(hall).to_have_count(0, timeout=HELD_MS + 30_000)
    student.wait_for_selector(DONE)
    expect(caption(student)).to_contain_text(want.format(t=5))
    expect(student.locator(".st-key-class_code").first).to_contain_text(code)
    token = student.evaluate("window.__gatelabClass.data.token")
    assert answers and answers[0]["token"] == token
    button(teacher, "step_next").click()
    expect(caption(student)).to_contain_text(want.format(t=6), timeout=FOLLOW_S * 1000)


def test_a_teachers_reload_and_a_page_without_a_diagram_open_the_app_at_once(new_page, app_url):
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    teacher.goto(f"{app_url}/?join={code}")  # the browser keeps the teacher's key
    teacher.wait_for_selector(DONE)
    expect(teacher.locator(".st-key-class_code").first).to_contain_text(code)
    assert teacher.evaluate("window.__gatelabHall.started") is True
    expect(teacher.locator("#gatelab-hall")).to_have_count(0)
    expect(teacher.locator(".st-key-class_end").first).to_be_visible()  # still the teacher
    teacher.get_by_role("link", name="Weights lab").click()  # a page with no stepper: nothing to show first
    teacher.wait_for_url(re.compile(r"/weights"))
    teacher.wait_for_selector(DONE)
    student = new_page(width=1100, height=900)
    student.goto(f"{app_url}/?join={code}")
    student.wait_for_selector(DONE)
    student.wait_for_url(re.compile(r"/weights"), timeout=FOLLOW_S * 1000 + 5000)
    assert student.evaluate("window.__gatelabHall.started") is True
    expect(student.locator("#gatelab-hall")).to_have_count(0)
    expect(student.locator(".st-key-class_code").first).to_contain_text(code)


def test_a_class_that_ends_during_the_hall_view_opens_the_app_at_once(new_page, app_url):
    """No blank page until the turn: the class's end starts the app, which says the class is over."""
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    student = new_page(width=1024, height=768)
    held(student)
    student.goto(f"{app_url}/?join={code}")
    expect(student.locator("#gatelab-hall")).to_be_visible()
    teacher.locator(".st-key-class_end button").first.click()
    teacher.locator(".st-key-class_end_now button").click()
    expect(student.locator("#gatelab-hall")).to_have_count(0, timeout=FOLLOW_S * 1000)
    assert student.evaluate("window.__gatelabHall.started") is True  # long before its turn
    student.wait_for_selector(DONE)
    expect(student.get_by_text(code).first).to_be_visible()  # the app's notice names the class
