"""The lesson, predict-then-reveal and presenter mode, as AppTest sees them: the chapter is in the
link; each chapter sets its model up once and keeps the student's own; a question's revealed
answer and explanation are the step's own numbers; presenter mode and class links hide what
they say they hide."""

from __future__ import annotations

import pytest

from lstm_core import questions
from tests.app.conftest import make_app, stepper
from tests.app.test_pages import default_trace
from ui.shell.strings import STRINGS
from ui.teach.lesson import LESSON


def lesson(chapter: int, **query) -> object:
    return make_app({"chapter": str(chapter)} | query, page="lesson")


def title(at) -> str:
    return at.title[0].value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chapter_opens_from_its_link_in_both_languages(lang):
    for n, ch in enumerate(LESSON, start=1):
        at = make_app({"chapter": str(n), "lang": lang}, page="lesson")
        assert not at.exception, (n, at.exception)
        assert title(at) == STRINGS[f"lesson_{ch.name}_title"][lang]
        assert at.query_params["chapter"] == str(n)
        assert STRINGS[f"lesson_{ch.name}_do"][lang] in [i.value for i in at.info]
        notes = [e for e in at.expander if e.label == STRINGS["lesson_notes_header"][lang]]
        assert notes and STRINGS[f"lesson_{ch.name}_notes"][lang] in [m.value for m in notes[0].markdown]
        assert at.radio(key="predict_choice").value is None  # a prediction, not an answer, comes first


def test_next_and_previous_walk_the_chapters_and_set_each_model_up():
    at = lesson(1)
    assert at.sidebar.segmented_control(key="cell_kind").value == "rnn"
    at.button(key="lesson_next").click().run()
    assert title(at) == STRINGS["lesson_vanish_title"]["en"] and at.query_params["chapter"] == "2"
    assert at.session_state["vg_rho"] == 0.5 and at.session_state["seq_len"] == 200
    at.button(key="lesson_next").click().run()
    assert at.sidebar.segmented_control(key="cell_kind").value == "lstm"
    assert at.session_state["seq_len"] == 40
    at.button(key="lesson_prev").click().run()
    assert at.query_params["chapter"] == "2"
    assert at.button(key="lesson_prev").disabled is False
    at = lesson(10)
    assert at.button(key="lesson_next").disabled and not at.exception


def test_a_chapter_is_set_up_once_and_the_students_own_model_comes_back():
    at = make_app({"seed": "7", "h1": "6"})
    at.switch_page("pages/lesson.py").run()
    at.button(key="lesson_next").click().run()  # chapter 2 … then the student changes a setting
    at.sidebar.number_input(key="seed").set_value(3).run()
    assert at.session_state["seed"] == 3  # the chapter does not set itself up again
    at.switch_page("pages/cell.py").run()
    at.switch_page("pages/lesson.py").run()
    assert at.session_state["seed"] == 3
    at.button(key="lesson_restore").click().run()
    assert at.session_state["seed"] == 7 and at.session_state["hidden_size"] == 6


def test_a_link_from_inside_a_chapter_keeps_its_own_model():
    at = make_app({"chapter": "4", "cell": "lstm", "seed": "5", "t": "9"}, page="lesson")
    assert at.session_state["seed"] == 5 and stepper(at)["seek"][1] == 8


def settings_drawn(at) -> bool:
    """The sidebar's settings are there (without them it holds only the stepper's empty beacon)."""
    return any(w.key == "cell_kind" for w in at.sidebar.segmented_control)


def answer(at, choice: str | None = None) -> None:
    radio = at.radio(key="predict_choice")
    radio.set_value(choice or radio.options[0]).run()
    at.button(key="predict_commit").click().run()


def test_the_cell_page_asks_about_the_next_step_and_reveals_its_numbers():
    at = make_app({"t": "5"}, page="cell")
    at.toggle(key="predict_mode").set_value(True).run()
    lt = default_trace().layers[0]
    data = stepper(at)
    assert data["limit"] == 4  # the stepper may not go past the step on screen
    q = questions.ask(lt, "state_dir", 0, 5)  # the first question: C at t = 6
    assert "t = 6" in at.markdown[-1].value or any("t = 6" in m.value for m in at.markdown)
    assert at.button(key="predict_commit").disabled  # nothing chosen yet
    answer(at, "up" if q.answer != "up" else "down")  # a wrong answer
    assert stepper(at)["seek"][1] == 5 and stepper(at)["limit"] is None  # revealed: t = 6 on screen
    err = at.error[0].value
    assert "Not this time" in err and f"C went from {lt.c[4, 0]:.3f}".replace("-", "−") in err
    assert f"{lt.c[5, 0]:.3f}".replace("-", "−") in err
    assert any("Score: 0 of 1 right" in c.value for c in at.caption)
    at.button(key="predict_next").click().run()
    assert stepper(at)["limit"] == 5  # the next question: t = 7
    q2 = questions.ask(lt, "gate_half", 0, 6, "f")
    answer(at, q2.answer)
    assert "Right" in at.success[0].value and f"{lt.f[6, 0]:.3f}" in at.success[0].value
    assert any("Score: 1 of 2 right" in c.value for c in at.caption)


def test_every_lesson_question_can_be_answered_and_scored():
    at = lesson(1)
    for n in range(1, len(LESSON) + 1):
        answer(at)
        assert not at.exception, n
        assert at.success or at.error, n
        if n < len(LESSON):
            at.button(key="lesson_next").click().run()
    assert any("of 10 right" in c.value for c in at.caption)


def test_the_gradient_chapter_reveals_the_chart_only_after_the_prediction():
    at = lesson(2)
    assert not at.get("plotly_chart")
    answer(at)
    assert [c for c in at.get("plotly_chart") if "lesson_reach" in c.proto.id]
    text = (at.success or at.error)[0].value
    assert "10⁻³" in text and "t = " in text


def test_presenter_mode_draws_no_sidebar_and_the_toggle_brings_it_back():
    at = make_app({"present": "1"}, page="lesson")
    assert not at.exception and not settings_drawn(at)
    assert at.query_params["present"] == "1"
    at.button(key="present_toggle").click().run()
    assert settings_drawn(at) and "present" not in at.query_params
    at.sidebar.button(key="present_toggle").click().run()
    assert not settings_drawn(at)


def test_a_class_link_hides_the_parts_the_teacher_chose():
    at = make_app({"hide": "sidebar,equations,code"}, page="cell")
    assert not settings_drawn(at) and not at.exception
    assert stepper(at)["hide"] == ["code", "equations", "sidebar"]
    assert at.query_params["hide"] == "sidebar,equations,code"
    assert at.segmented_control(key="lang").value == "en"  # each student keeps a language switch
    teacher = make_app(page="cell")
    teacher.sidebar.multiselect(key="class_hide").set_value(["sidebar", "units"]).run()
    link = [c.value for c in teacher.sidebar.code if "hide=" in c.value]
    assert link and "hide=sidebar%2Cunits" in link[0] and "hide" not in teacher.query_params


def test_a_bad_hide_or_chapter_in_a_link_gets_a_notice_not_a_crash():
    at = make_app({"hide": "everything", "chapter": "99", "present": "yes"})
    assert not at.exception
    text = " ".join(w.value for w in at.warning)
    assert "hide=everything" in text and "chapter=99" in text and "present=yes" in text
    at.switch_page("pages/lesson.py").run()
    assert title(at) == STRINGS["lesson_rnn_title"]["en"]


def test_presenter_mode_puts_the_setting_a_task_names_on_the_page_and_it_moves_the_gate():
    """Chapter 4's task names the forget-gate bias: with the sidebar hidden it is under the task, the
    same setting (one key), and moving it moves f on screen."""
    from ui.shell.engine import run
    from ui.shell.page import CONTEXT

    at = make_app({"chapter": "4", "present": "1"}, page="lesson")
    assert not settings_drawn(at) and not at.sidebar.slider
    bias = at.slider(key="forget_bias")
    assert bias.value == 1.0 and bias.label == STRINGS["forget_bias_label"]["en"]
    f_before = run(at.session_state[CONTEXT].cfg).trace.layers[0].f.mean()
    bias.set_value(-3.0).run()
    cfg = at.session_state[CONTEXT].cfg
    assert cfg.forget_bias == -3.0 and run(cfg).trace.layers[0].f.mean() < f_before - 0.3
    assert STRINGS["lesson_model_changed"]["en"] in [c.value for c in at.caption]
    at.button(key="present_toggle").click().run()  # out of presenter mode: the sidebar's, same value
    assert at.sidebar.slider(key="forget_bias").value == -3.0
    assert not [s for s in at.main.slider if s.key == "forget_bias"]
