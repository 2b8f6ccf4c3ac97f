"""The live class as AppTest sees it: starting one, the invitation (code, link with the parts the
teacher hides, QR code), the teacher's key kept out of the address bar, a student following a
class started in the same process."""

from __future__ import annotations

import re

from tests.app.conftest import make_app, stepper


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
    assert not [b for b in student.button if b.key in ("class_ask", "class_reveal", "class_end")]
    again = make_app({"join": code, "teach": key})  # the teacher link: the teacher again
    assert [b for b in again.button if b.key == "class_end"] and "teach" not in again.query_params


def test_a_student_follows_the_teacher_into_a_lesson_chapter():
    teacher = make_app({"chapter": "4"}, page="lesson")
    code = start(teacher)
    student = make_app({"join": code})
    assert not student.exception
    assert student.title[0].value == "The forget gate"  # the lesson page, chapter 4 …
    assert student.session_state["lesson_chapter"] == 3 and student.session_state["cell_kind"] == "lstm"
    assert stepper(student)["seek"][1] == teacher.session_state["step"]  # … at the teacher's step
