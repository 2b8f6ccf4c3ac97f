"""A live class in Chromium: a teacher and two students (one in 中文) in separate browser
contexts. The students follow eight steps and a page change; a student's own step control does
not move the teacher; a wrong code gets a message; the join code alone cannot drive; the class
answers a question and the teacher sees counts, not names."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.harness import DONE
from tests.e2e.test_browser import button, open_app

pytestmark = pytest.mark.e2e
expect.set_options(timeout=20_000)
FOLLOW_S = 6  # generous for a loaded CI machine; bench/class.py measures the real latency


def caption(page):
    return page.locator("[data-gatelab=step_caption]")


def start_class(page) -> str:
    page.locator(
        ".st-key-teach_box summary, [data-testid=stExpander] summary", has_text="Teach with this view"
    ).click()
    button(page, "class_start").click()
    code_box = page.locator(".st-key-class_code").first
    expect(code_box).to_contain_text("code")
    code = re.search(r"code\s+([A-Z0-9]{4,8})", code_box.inner_text()).group(1)
    return code


@pytest.fixture
def a_class(new_page, app_url):
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    s1 = open_app(new_page, f"{app_url}/?join={code}", width=1100, height=900)
    s2 = open_app(new_page, f"{app_url}/?join={code.lower()}&lang=zh", width=1100, height=900)
    return teacher, s1, s2, code


def test_students_follow_the_teachers_steps_and_pages(a_class, artifacts):
    teacher, s1, s2, code = a_class
    for s in (s1, s2):
        expect(s.locator(".st-key-class_code").first).to_contain_text(code)
    expect(caption(s1)).to_contain_text("Step t = 1 of 40")
    for t in range(2, 10):  # eight steps
        button(teacher, "step_next").click()
        expect(caption(teacher)).to_contain_text(f"Step t = {t} of 40")
        expect(caption(s1)).to_contain_text(f"Step t = {t} of 40", timeout=FOLLOW_S * 1000)
        expect(caption(s2)).to_contain_text(
            f"第 t = {t} 步", timeout=FOLLOW_S * 1000
        )  # each keeps a language
    teacher.get_by_role("link", name="Layers").click()
    for s in (s1, s2):
        s.wait_for_url(re.compile(r"/layers\?"), timeout=FOLLOW_S * 1000 + 5000)
        expect(s.locator("svg.bars")).to_be_visible()
        expect(caption(s)).to_contain_text("9")
    s1.screenshot(path=str(artifacts / "class_student.png"))
    teacher.screenshot(path=str(artifacts / "class_teacher.png"))


COUNT_SENDS = """
window.__gatelabSends = 0;
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (...a) { window.__gatelabSends += 1; return send.apply(this, a); };
"""


def test_a_step_reaches_a_student_through_the_stream_with_no_rerun(new_page, app_url):
    """The class's stream (live/push.py) moves a following student's stepper in the browser: while
    the teacher steps, the student's browser sends Streamlit nothing (no poll, no rerun, no report);
    a question asked then reaches it (one run of the class bar)."""
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    student = new_page(width=1100, height=900)
    student.add_init_script(COUNT_SENDS)
    streams = []
    student.on("request", lambda r: streams.append(r.url) if "/gatelab/class/" in r.url else None)
    student.goto(f"{app_url}/?join={code}")
    student.wait_for_selector(DONE, timeout=30_000)
    expect(student.locator("#gatelab-hall")).to_have_count(
        0, timeout=30_000
    )  # (the app is there: live/hall.py)
    expect(caption(student)).to_contain_text("Step t = 1 of 40")
    time.sleep(2)  # the page's own runs (the join, the cookie) are over
    before = student.evaluate("window.__gatelabSends")
    for t in range(2, 7):
        button(teacher, "step_next").click()
        expect(caption(student)).to_contain_text(f"Step t = {t} of 40", timeout=FOLLOW_S * 1000)
    time.sleep(5)  # (a stepper's report would go within 4 s)
    assert student.evaluate("window.__gatelabSends") == before
    assert [u for u in streams if f"/gatelab/class/{code}/events?s=" in u]
    assert all("teach" not in u for u in streams)
    teacher.locator(".st-key-predict_mode label").first.click()
    teacher.wait_for_selector(DONE)
    button(teacher, "class_ask").click()
    expect(student.locator(".st-key-class_question")).to_be_visible(timeout=FOLLOW_S * 1000)


def test_where_a_proxy_holds_the_stream_back_the_browser_asks_with_long_polls(new_page, app_url):
    """A network that refuses the stream (some school proxies): after three failed tries the tab
    asks with long polls (live/push.py's /wait), and the class's steps and pages still arrive."""
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    student = new_page(width=1100, height=900)
    student.route("**/gatelab/class/*/events*", lambda route: route.abort())
    waits = []
    student.on("request", lambda r: waits.append(r.url) if "/wait?" in r.url else None)
    student.goto(f"{app_url}/?join={code}")
    student.wait_for_selector(DONE, timeout=30_000)
    expect(student.locator("#gatelab-hall")).to_have_count(
        0, timeout=30_000
    )  # (the app is there: live/hall.py)
    expect(caption(student)).to_contain_text("Step t = 1 of 40")
    deadline = time.time() + 30
    while not waits and time.time() < deadline:
        student.wait_for_timeout(500)
    assert waits, "no long poll after the stream failed"
    for t in (2, 3):
        button(teacher, "step_next").click()
        expect(caption(student)).to_contain_text(f"Step t = {t} of 40", timeout=FOLLOW_S * 1000)
    teacher.get_by_role("link", name="Timeline").click()
    student.wait_for_url(re.compile(r"/timeline\?"), timeout=FOLLOW_S * 1000 + 5000)


def test_a_stream_gone_silent_is_opened_again_and_catches_up(new_page, app_url):
    """A laptop that wakes on a connection nobody closed: its stream says nothing, ever. The tab's
    watchdog (no message and no ping for a while: 40 s, 3 s here) opens it again, and the class's
    step arrives."""
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    student = new_page(width=1100, height=900)
    student.add_init_script("window.__gatelabSilentMs = 3000;")
    hung, opened = [], []

    def stream(route):
        opened.append(route.request.url)
        if len(opened) == 1:
            hung.append(route)  # never answered: the first stream is silent
        else:
            route.continue_()

    student.route("**/gatelab/class/*/events*", stream)
    student.goto(f"{app_url}/?join={code}")
    student.wait_for_selector(DONE, timeout=30_000)
    expect(student.locator("#gatelab-hall")).to_have_count(
        0, timeout=30_000
    )  # (the app is there: live/hall.py)
    button(teacher, "step_next").click()
    expect(caption(teacher)).to_contain_text("Step t = 2 of 40")
    expect(caption(student)).to_contain_text("Step t = 2 of 40", timeout=20_000)
    assert len(opened) >= 2 and hung


def test_a_students_own_controls_never_move_the_teacher(a_class):
    teacher, s1, _, _ = a_class
    button(teacher, "step_next").click()
    expect(caption(s1)).to_contain_text("Step t = 2 of 40", timeout=FOLLOW_S * 1000)
    expect(button(s1, "step_last")).to_be_disabled()  # following: the class's step only (ui/stepper/owner.py)
    s1.keyboard.press("End")
    time.sleep(1)
    expect(caption(s1)).to_contain_text("Step t = 2 of 40")
    # a student has no control of the class, and a wrong teacher key is only a student
    for key in ("class_ask", "class_reveal", "class_end", "class_end_now"):
        expect(s1.locator(f".st-key-{key}")).to_have_count(0)
    button(s1, "class_leave").click()  # exploring: their own steps …
    expect(button(s1, "step_last")).to_be_enabled()
    button(s1, "step_last").click()
    expect(caption(s1)).to_contain_text("Step t = 40 of 40")
    time.sleep(FOLLOW_S)
    expect(caption(teacher)).to_contain_text("Step t = 2 of 40")  # … never move the teacher
    button(teacher, "step_next").click()
    expect(caption(teacher)).to_contain_text("Step t = 3 of 40")
    time.sleep(FOLLOW_S)
    expect(caption(s1)).to_contain_text("Step t = 40 of 40")  # exploring alone: stays
    button(s1, "class_back").click()
    expect(caption(s1)).to_contain_text("Step t = 3 of 40", timeout=FOLLOW_S * 1000)


def test_the_join_code_alone_cannot_drive(new_page, app_url, a_class):
    _, _, _, code = a_class
    page = open_app(new_page, f"{app_url}/?join={code}&teach=not-the-key")
    expect(page.locator(".st-key-class_leave")).to_be_visible()  # a student
    expect(page.locator(".st-key-class_ask")).to_have_count(0)
    assert "teach=" not in page.url


def test_a_wrong_code_gets_a_message(new_page, app_url):
    page = open_app(new_page, f"{app_url}/?join=QQQQQQ&t=4")
    expect(page.get_by_text("No live class has the code QQQQQQ")).to_be_visible()
    expect(caption(page)).to_contain_text("Step t = 4 of 40")  # and the app works on its own
    assert "join=" not in page.url
    bad = open_app(new_page, f"{app_url}/?join=x!")
    # the code is not echoed; a box to type it again
    expect(bad.get_by_text("That is not a class code")).to_be_visible()
    expect(bad.locator("input[aria-label='Class code']")).to_be_visible()


def test_a_browser_set_to_chinese_opens_a_class_link_in_chinese(new_page, app_url):
    """A class link carries no language (each student keeps theirs): a browser set to 中文 opens it in
    中文, one set to English in English, and a link's own lang= wins over the browser."""
    zh = open_app(new_page, f"{app_url}/?join=QQQQQQ", locale="zh-CN")
    expect(zh.get_by_text("没有代码为 QQQQQQ 的实时课堂")).to_be_visible()
    expect(zh.locator("html[lang=zh-Hans]")).to_have_count(1)
    en = open_app(new_page, f"{app_url}/?join=QQQQQQ&lang=en", locale="zh-CN")
    expect(en.get_by_text("No live class has the code QQQQQQ")).to_be_visible()


def test_the_class_answers_and_the_teacher_sees_counts_only(a_class):
    teacher, s1, s2, _ = a_class
    teacher.locator(".st-key-predict_mode label").first.click()
    teacher.wait_for_selector(DONE)
    expect(teacher.locator(".st-key-predict_panel")).to_have_count(0)  # the teacher is never locked
    button(teacher, "class_ask").click()
    expect(teacher.locator(".st-key-class_answers")).to_contain_text("t = 2")  # the step after the view
    for s, label in ((s1, "goes up"), (s2, "下降")):
        panel = s.locator(".st-key-class_question")
        expect(panel).to_be_visible(timeout=FOLLOW_S * 1000)
        panel.locator("[role=radiogroup] label", has_text=label).click()
        s.wait_for_selector(DONE)
        button(s, "class_send").click()
        expect(panel).to_contain_text(("Sent", "已提交")[s is s2])
    answers = teacher.locator(".st-key-class_answers")
    expect(answers).to_contain_text("The class's answers: 2", timeout=FOLLOW_S * 1000)
    text = answers.inner_text()
    assert "student" not in text.lower() and "token" not in text.lower()
    button(teacher, "class_reveal").click()
    for s in (s1, s2):  # the stream brings the answer (follow.js draws it under the question)
        verdict = s.locator(".st-key-class_bar .gatelab-reveal")
        expect(verdict).to_be_visible(timeout=FOLLOW_S * 1000)
        assert re.search(r"C went from|C 从", verdict.inner_text())
        expect(s.locator(".st-key-class_question [role=radiogroup]")).to_be_hidden()


def test_a_reveal_reaches_every_student_with_no_rerun_in_the_apps_own_words(new_page, app_url):
    """The teacher's *Reveal* reaches each student through the class's stream, and the browser draws
    it with no Streamlit message: its explanation is in no student's page before, and what the
    browser draws is, sentence for sentence, what the app draws itself on its next run (a reload),
    for two students who sent different options (one in 中文) and one who did not answer."""
    teacher = open_app(new_page, f"{app_url}/?t=1", width=1400, height=1000)
    code = start_class(teacher)
    students = []
    for query in (f"join={code}", f"join={code}&lang=zh", f"join={code}"):
        s = new_page(width=1100, height=900)
        s.add_init_script(COUNT_SENDS)
        s.goto(f"{app_url}/?{query}")
        s.wait_for_selector(DONE, timeout=30_000)
        students.append(s)
    teacher.locator(".st-key-predict_mode label").first.click()
    teacher.wait_for_selector(DONE)
    button(teacher, "class_ask").click()
    right, wrong, _ = students  # the third does not answer
    for s in students:
        expect(s.locator(".st-key-class_question")).to_be_visible(timeout=FOLLOW_S * 1000)
    options = right.locator(".st-key-class_question [role=radiogroup] label")
    n = options.count()
    assert n >= 2
    options.nth(0).click()
    right.wait_for_selector(DONE)
    button(right, "class_send").click()
    expect(right.locator(".st-key-class_question")).to_contain_text("Sent")
    wrong.locator(".st-key-class_question [role=radiogroup] label").nth(1).click()
    wrong.wait_for_selector(DONE)
    button(wrong, "class_send").click()
    expect(wrong.locator(".st-key-class_question")).to_contain_text("已提交")
    time.sleep(2)
    pages_before = [s.content() for s in students]
    sends = [s.evaluate("window.__gatelabSends") for s in students]
    button(teacher, "class_reveal").click()
    boxes = []
    for s in students:
        box = s.locator(".st-key-class_bar .gatelab-reveal")
        expect(box).to_be_visible(timeout=FOLLOW_S * 1000)
        boxes.append(box.inner_text())
    time.sleep(2)
    assert [s.evaluate("window.__gatelabSends") for s in students] == sends  # no rerun anywhere
    for s, before in zip(students, pages_before, strict=True):  # the explanation came with the reveal
        why = s.locator(".gatelab-reveal p").last.inner_text()
        assert len(why) > 20 and why not in before
    assert "The answer:" in boxes[2]
    # two different options were sent: at most one is right (exactly one when there are two)
    verdicts = ["Right:" in boxes[0], "答对了" in boxes[1]]
    assert ("Not this time" in boxes[0]) != verdicts[0] and ("这次没答对" in boxes[1]) != verdicts[1]
    assert verdicts.count(True) == 1 if n == 2 else verdicts.count(True) <= 1
    for s, box in zip(students, boxes, strict=True):
        s.reload()
        s.wait_for_selector(DONE, timeout=30_000)
        alert = s.locator(".st-key-class_question [data-testid=stAlert]")
        expect(alert).to_be_visible(timeout=FOLLOW_S * 1000)
        expect(s.locator(".gatelab-reveal")).to_have_count(0)
        words = lambda text: " ".join(text.replace("✅", "").replace("💡", "").split())  # noqa: E731
        assert words(alert.inner_text()) == words(box)


def test_students_keep_the_last_view_when_the_teacher_leaves(a_class):
    teacher, s1, _, _ = a_class
    button(teacher, "step_next").click()
    expect(caption(s1)).to_contain_text("Step t = 2 of 40", timeout=FOLLOW_S * 1000)
    teacher.context.close()
    time.sleep(1.5)
    expect(caption(s1)).to_contain_text("Step t = 2 of 40")
    button(s1, "class_leave").click()  # and step on alone, once they say so (ui/stepper/owner.py)
    button(s1, "step_next").click()
    expect(caption(s1)).to_contain_text("Step t = 3 of 40")


def test_when_the_teacher_ends_the_class_students_are_told_once_and_go_on(a_class):
    teacher, s1, _, code = a_class
    button(teacher, "step_next").click()
    expect(caption(s1)).to_contain_text("Step t = 2 of 40", timeout=FOLLOW_S * 1000)
    button(teacher, "class_end").click()  # asked once more: the class goes on until the teacher confirms
    time.sleep(1)
    expect(teacher.locator(".st-key-class_bar")).to_have_count(1)
    teacher.locator(".st-key-class_end_now button").click()
    expect(teacher.locator(".st-key-class_bar")).to_have_count(0)
    expect(s1.get_by_text(f"The class {code} has ended")).to_be_visible(timeout=FOLLOW_S * 1000)
    expect(s1.locator(".st-key-class_bar")).to_have_count(0)
    expect(caption(s1)).to_contain_text("Step t = 2 of 40")
    s1.wait_for_url(lambda url: "join=" not in url)
