"""Who moves the step (ui/stepper/owner.py): every mode × every event, and the step each outcome gives."""

from __future__ import annotations

import itertools

import pytest

from ui.stepper import owner
from ui.stepper.owner import (
    ALONE,
    BROWSER,
    CLASS,
    CLASS_MOVE,
    EVENTS,
    EXPLORING,
    FOLLOWING,
    LIMIT,
    LINK,
    MODES,
    NOBODY,
    PAGE,
    PREDICT,
    PRESET,
    QUESTION,
    SELF,
    TEACHER,
)

EXPECTED = {  # written out again, row by row, as the docstring's table reads
    ALONE: {BROWSER: SELF, LINK: SELF, PRESET: SELF, CLASS_MOVE: NOBODY, QUESTION: SELF, PAGE: SELF},
    PREDICT: {BROWSER: LIMIT, LINK: SELF, PRESET: SELF, CLASS_MOVE: NOBODY, QUESTION: SELF, PAGE: SELF},
    TEACHER: {BROWSER: SELF, LINK: SELF, PRESET: SELF, CLASS_MOVE: NOBODY, QUESTION: NOBODY, PAGE: SELF},
    FOLLOWING: {BROWSER: CLASS, LINK: CLASS, PRESET: CLASS, CLASS_MOVE: SELF, QUESTION: NOBODY, PAGE: CLASS},
    EXPLORING: {BROWSER: SELF, LINK: SELF, PRESET: SELF, CLASS_MOVE: NOBODY, QUESTION: SELF, PAGE: SELF},
}


@pytest.mark.parametrize(("mode", "event"), list(itertools.product(MODES, EVENTS)))
def test_every_mode_and_event_has_its_rule(mode, event):
    assert owner.who_moves(mode, event) == EXPECTED[mode][event]


def test_the_docstring_table_is_the_rule():
    rows = [line.split() for line in owner.__doc__.splitlines()]
    lines = [r for r in rows if len(r) == 1 + len(EVENTS) and r[0] in MODES]
    table = {row[0]: dict(zip(EVENTS, (w.lower() for w in row[1:]), strict=True)) for row in lines}
    assert table == {m: {e: r for e, r in row.items()} for m, row in EXPECTED.items()}


@pytest.mark.parametrize(
    ("role", "following", "question", "mode"),
    [
        ("", False, False, ALONE),
        ("", False, True, PREDICT),
        ("teacher", False, True, TEACHER),  # a teacher's question never locks the teacher
        ("teacher", False, False, TEACHER),
        ("student", True, False, FOLLOWING),
        ("student", True, True, FOLLOWING),  # a following student has no question of their own
        ("student", False, False, EXPLORING),
        ("student", False, True, PREDICT),
    ],
)
def test_the_mode_of_a_session(role, following, question, mode):
    assert owner.mode(role, following, question) == mode


def test_the_teacher_is_never_locked_and_steps_past_any_question():
    for event in (BROWSER, LINK, PRESET, PAGE):
        assert owner.moved_step(TEACHER, event, current=2, wanted=6, limit=2, cls=None) == 6
    assert not owner.locked(TEACHER) and not owner.own_question(TEACHER)


def test_a_following_student_shows_the_class_step_whatever_they_do():
    for event in (BROWSER, LINK, PRESET, PAGE):
        assert owner.moved_step(FOLLOWING, event, current=3, wanted=39, limit=None, cls=5) == 5
    assert owner.moved_step(FOLLOWING, CLASS_MOVE, current=3, wanted=7, limit=None, cls=5) == 7
    assert owner.locked(FOLLOWING) and not owner.own_question(FOLLOWING)


def test_a_student_alone_with_a_question_open_stops_at_the_step_on_screen():
    assert owner.moved_step(PREDICT, BROWSER, current=2, wanted=9, limit=2, cls=None) == 2
    assert owner.moved_step(PREDICT, QUESTION, current=2, wanted=3, limit=2, cls=None) == 3  # commit reveals
    assert owner.moved_step(ALONE, CLASS_MOVE, current=2, wanted=9, limit=None, cls=9) == 2  # no class
    assert owner.moved_step(EXPLORING, CLASS_MOVE, current=2, wanted=9, limit=None, cls=9) == 2  # it waits
    assert owner.own_question(ALONE) and owner.own_question(EXPLORING) and owner.own_question(PREDICT)
