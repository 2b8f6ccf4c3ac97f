"""The live class as AppTest sees it: starting one, the invitation (code, link with the parts the
teacher hides, QR code), the teacher's key kept out of the address bar, a student following a
class started in the same process."""

from __future__ import annotations

import re

import pytest

from tests.app.conftest import make_app, step_to, stepper


def start(at) -> str:
    at.sidebar.button(key="class_start").click().run()
    text = " ".join(m.value for m in at.markdown)
    return re.search(r"\*\*([A-Z0-9]{4,8})\*\*", text).group(1)


def test_a_teacher_starts_a_class_and_invites_with_a_code_a_link_and_a_qr_code():
    at = make_app({"t": "3"})
    code = start(at)
    assert not at.exception and at.query_params["join"] == code and "teach" not in at.query_params
    codes = [c.value for c in at.code]
    assert any(c.endswith(f"?join={code}") for c in codes)  # the invitation
    assert len(at.get("image")) == 1  # its QR code
    teacher_links = [c.value for c in at.sidebar.code if "teach=" in c.value]
    assert teacher_links and f"join={code}&teach=" in teacher_links[0]  # the key, in the sidebar only
    at.sidebar.multiselect(key="class_hide").set_value(["sidebar", "code"]).run()
    assert any(c.endswith(f"?join={code}&hide=sidebar%2Ccode") for c in (c.value for c in at.code))


def test_a_student_follows_a_class_of_this_process_and_cannot_drive_it():
    teacher = make_app({"t": "3", "seed": "4"})
    code = start(teacher)
    key = re.search(r"teach=([\w-]+)", " ".join(c.value for c in teacher.sidebar.code)).group(1)
    student = make_app({"join": code.lower(), "lang": "zh"})
    assert not student.exception
    assert student.session_state["seed"] == 4 and stepper(student)["seek"][1] == 2  # the class's view
    assert student.session_state["lang"] == "zh"  # each student keeps a language
    assert not [b for b in student.button if b.key in ("class_ask", "class_reveal", "class_end_now")]
    again = make_app({"join": code, "teach": key})  # the teacher link: the teacher again
    assert [b for b in again.button if b.key == "class_end_now"] and "teach" not in again.query_params


def test_a_student_who_reloads_an_older_step_is_told_nothing_false():
    """A following student's address names the step of their last page load (the class's steps
    arrive on its stream); a reload takes the class's step, and no "the link asked for t=…" notice."""
    teacher = make_app({"t": "15"})
    code = start(teacher)
    student = make_app({"join": code, "t": "14"})  # the reload: an address one step behind the class
    assert not student.exception and stepper(student)["seek"][1] == 14
    said = " ".join(w.value for w in student.warning)
    assert "t=14" not in said and "asked for" not in said, said


def test_a_student_follows_the_teacher_into_a_lesson_chapter():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    student = make_app({"join": code})
    assert not student.exception
    assert student.title[0].value == "The forget gate"  # the lesson page, chapter 4 …
    assert student.session_state["lesson_chapter"] == 3 and student.session_state["cell_kind"] == "lstm"
    assert stepper(student)["seek"][1] == teacher.session_state["step"]  # … at the teacher's step


def test_a_lesson_question_never_locks_the_teacher_and_the_class_answers_it():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    data = stepper(teacher)
    assert data["limit"] is None and not data["locked"]  # the teacher steps past the chapter's question
    assert not [c for c in teacher.get("flex_container") if "predict_panel" in (c.proto.id or "")]
    s = teacher.session_state["step"]
    student = make_app({"join": code})
    assert stepper(student)["locked"] and stepper(student)["limit"] is None  # the class's step only
    teacher.button(key="class_ask").click().run()
    asked = teacher.session_state["_class_question"]
    assert asked["spec"]["step"] == s + 1 and asked["spec"]["gate"] == "f"  # about the step after the view
    student.run()
    said = " ".join(m.value for m in student.markdown)
    assert f"t = {s + 2}" in said  # the student sees the class's question (1-based: the step after t = s+1)
    student.radio(key=f"class_choice_{asked['id']}").set_value(asked["spec"]["answer"]).run()
    student.button(key="class_send").click().run()
    teacher.run()
    # how the votes split stays off the projector until the reveal (or the teacher's toggle)
    assert not teacher.get("progress") and "when you reveal" in teacher.toggle(key="class_votes").help
    teacher.toggle(key="class_votes").set_value(True).run()
    assert len(teacher.get("progress")) == len(asked["options"])
    teacher.toggle(key="class_votes").set_value(False).run()
    teacher.button(key="class_reveal").click().run()
    assert len(teacher.get("progress")) == len(asked["options"])  # revealed: the split, whatever the toggle
    shown = " ".join(a.value for a in teacher.success)
    assert "The answer:" in shown and "f" in shown  # the answer and its explanation, on the projector
    student.run()
    assert any("Right" in a.value for a in student.success)
    assert any("✓" in p.proto.text for p in teacher.get("progress"))  # the answer, marked on the projector
    # what the class's stream carries for every screen is, in each language, what the app itself shows
    from live import push
    from live.store import store

    reveal = push.message(store().get(code))["reveal"]
    assert reveal["id"] == asked["id"] and reveal["answer"] == asked["spec"]["answer"]
    assert reveal["why"]["en"] in shown and reveal["answer_label"]["en"] in shown
    late_zh = make_app({"join": code, "lang": "zh"})
    said_zh = " ".join(a.value for a in late_zh.info)
    assert reveal["why"]["zh"] in said_zh and reveal["answer_label"]["zh"] in said_zh
    assert reveal["why"]["zh"] != reveal["why"]["en"]


def test_moving_the_class_on_closes_its_question_on_every_screen():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    student = make_app({"join": code})
    teacher.button(key="class_ask").click().run()
    s = teacher.session_state["step"]
    student.run()
    assert student.radio  # the question, open
    step_to(teacher, s + 1)  # the step asked about, whose screen shows the answer: the question is revealed
    teacher.session_state["_stepper_known"] = s + 1
    teacher.run()
    assert teacher.session_state["_class_question"]["revealed"]
    assert "the step asked about is on screen" in " ".join(c.value for c in teacher.caption)
    student.run()
    assert not student.radio and [a for a in student.info if "The answer:" in a.value]
    teacher.button(key="lesson_next").click().run()  # the next chapter: the question closes
    assert teacher.session_state["_class_question"] is None
    student.run()
    assert not [c for c in student.get("flex_container") if "class_question" in (c.proto.id or "")]


def test_a_late_joiner_is_told_the_answer_never_that_they_gave_none():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    teacher.button(key="class_ask").click().run()
    teacher.button(key="class_reveal").click().run()
    late = make_app({"join": code, "lang": "zh"})
    text = " ".join(a.value for a in late.info)
    assert "答案" in text and "未作答" not in text and "**" not in text.replace("**答案**", "")


def test_a_following_student_who_changes_a_setting_or_chapter_is_put_back():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    student = make_app({"join": code})
    student.sidebar.number_input(key="seed").set_value(9).run()
    assert student.session_state["seed"] == 0 and student.title[0].value == "The forget gate"
    student.button(key="lesson_next").click().run()
    assert student.session_state["lesson_chapter"] == 3 and student.title[0].value == "The forget gate"
    student.button(key="class_leave").click().run()  # exploring: on their own
    student.button(key="lesson_next").click().run()
    assert student.session_state["lesson_chapter"] == 4


def test_a_teacher_who_lost_the_class_resumes_it_with_the_teacher_link():
    teacher = make_app({"t": "3"})
    code = start(teacher)
    link = next(c.value for c in teacher.sidebar.code if "teach=" in c.value)
    other = make_app()
    other.sidebar.text_input(key="class_resume_link").input("https://x/?join=QQQQQQ&teach=nope")
    form_submit(other)
    assert other.session_state.get("_class") is None
    assert any("not the teacher link" in w.value for w in other.warning)
    other.sidebar.text_input(key="class_resume_link").input(link)
    form_submit(other)
    k = other.session_state["_class"]
    assert k["role"] == "teacher" and k["code"] == code and "teach" not in other.query_params


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_repeated_wrong_teacher_keys_are_slowed_down_and_told(monkeypatch, lang):
    """A guessed ``teach=`` key (or the join code as a key) makes a student, who is told so; after
    WRONG_KEYS of them from one client even the right key in a link is not checked for a while, and
    the Resume box waits too. The key this browser keeps (a reload of the teacher's own tab) still is."""
    import live.store as live_store
    from ui.teach import classroom

    monkeypatch.setattr(live_store, "_STORE", live_store.MemoryStore())  # this test's own counts
    teacher = make_app()
    code = start(teacher)
    key = re.search(r"teach=([\w-]+)", " ".join(c.value for c in teacher.sidebar.code)).group(1)
    said = {
        "en": ("is not the key of class", "joined class", "the teacher link again in 10 minute(s)"),
        "zh": ("不是课堂", "以学生身份加入了课堂", "10 分钟后再试教师链接"),
    }[lang]
    for wrong in [code, *(f"guess{n}" for n in range(live_store.WRONG_KEYS - 1))]:
        at = make_app({"join": code, "teach": wrong, "lang": lang})
        assert at.session_state["_class"]["role"] == "student" and "teach" not in at.query_params
        assert said[0] in " ".join(w.value for w in at.warning) and code in at.warning[0].value
    at = make_app({"join": code, "teach": key, "lang": lang})  # the right key, not checked now
    assert at.session_state["_class"]["role"] == "student"
    assert all(w in at.warning[0].value for w in said[1:]), at.warning[0].value
    assert key not in " ".join(w.value for w in at.warning)
    other = make_app({"lang": lang})
    other.sidebar.text_input(key="class_resume_link").input(f"https://x/?join={code}&teach={key}")
    form_submit(other)
    assert other.session_state.get("_class") is None
    assert ("try again in 10 minute(s)", "10 分钟后再试")[lang == "zh"] in other.warning[0].value
    monkeypatch.setattr(classroom, "_cookie", lambda name, c: key if name == classroom.TEACH_COOKIE else "")
    reload = make_app({"join": code, "lang": lang})  # the teacher's own browser: its kept key
    assert reload.session_state["_class"]["role"] == "teacher"


def form_submit(at) -> None:
    [b for b in at.sidebar.get("button") if b.proto.is_form_submitter][0].click().run()


def test_lock_to_my_screen_and_pause_screens():
    teacher = make_app({"t": "3"})
    code = start(teacher)
    student = make_app({"join": code})
    student.button(key="class_leave").click().run()  # exploring
    assert not student.session_state["_class"]["following"]
    teacher.toggle(key="class_lock").set_value(True).run()
    student.run()
    assert student.session_state["_class"]["following"]  # locked: back to the teacher's screen …
    assert not [b for b in student.button if b.key == "class_leave"]  # … and no way to explore
    teacher.toggle(key="class_pause").set_value(True).run()
    student.run()
    assert any('class="gatelab-pause"' in h.proto.body for h in student.get("html"))
    teacher.run()
    counts = " ".join(c.value for c in teacher.caption)
    assert "following 1" in counts and "exploring 0" in counts and "paused 1" in counts
    teacher.toggle(key="class_pause").set_value(False).run()
    student.run()
    assert not any('class="gatelab-pause"' in h.proto.body for h in student.get("html"))


@pytest.mark.parametrize("bad", ["x!", "ACDEFGHJKM", "<script>alert(1)</script>", "QQQQQQ", "  "])
def test_a_bad_join_code_gets_a_clear_message_and_a_box_to_type_it_again(bad):
    teacher = make_app()
    code = start(teacher)
    at = make_app({"join": bad, "t": "4"})
    said = " ".join(w.value for w in at.warning)
    assert ("No live class has the code" in said) if bad == "QQQQQQ" else ("not a class code" in said)
    assert "<script>" not in said and at.session_state.get("_class") is None
    assert stepper(at)["seek"][1] == 3  # the app works on its own meanwhile
    at.text_input(key="class_join_typed").input(code.lower())  # typed again, in lower case
    [b for b in at.get("button") if b.proto.is_form_submitter][0].click().run()
    assert at.session_state["_class"]["role"] == "student" and at.session_state["_class"]["code"] == code
