"""Who moves the step: one rule for every mode and every event. Pure data, no Streamlit.

The step a page shows can be asked to move by six events; which of them wins depends on the
mode the session is in. Every writer of the step (``ui.stepper.steps.move``) asks this table first.

Modes:
    alone      a student (or anyone) on their own, not in a live class
    predict    alone (or exploring), with a predict-then-reveal question open on screen
    teacher    leading a live class: never locked by a question; every move goes to the class
    following  a student in a class, following: the screen shows the class's page, chapter and
               step and nothing else; their own moves are put back to the class's view
    exploring  a student in a class who chose *Explore on my own* (and leaves it with
               *Back to the class*): on their own, as ``alone``; the class's moves wait

Events:
    browser    the browser's stepper (buttons, slider, keys, Play) reports a step
    link       a link opened with ``t=`` (or a lesson chapter's own link)
    preset     the server sets a model up: a preset, a lesson chapter, a chart click, a shorter input
    class      the live class's view moved (the teacher stepped, changed chapter, page or model)
    question   a predict question is committed: the step asked about is shown
    page       another page is opened from the navigation

Who moves (``SELF``: the event moves the step; ``LIMIT``: it moves it, but not past the step
on screen while the question about the next one is open; ``CLASS``: the class's step is put
back instead; ``NOBODY``: the step stays as it is):

    mode \\ event   browser  link   preset  class   question  page
    alone          SELF     SELF   SELF    NOBODY  SELF      SELF
    predict        LIMIT    SELF   SELF    NOBODY  SELF      SELF
    teacher        SELF     SELF   SELF    NOBODY  NOBODY    SELF
    following      CLASS    CLASS  CLASS   SELF    NOBODY    CLASS
    exploring      SELF     SELF   SELF    NOBODY  SELF      SELF

A teacher's moves are published to the class (``ui.teach.classroom.publish``); a teacher's own
question never locks their stepper (``question`` is NOBODY: the class answers, the teacher
reveals). A following student has no question of their own (the class's is the only one on
their screen); their stepper is locked (``locked``). A second tab of the teacher's browser is
the teacher too: both drive the class, and the class shows whichever moved last.
"""

from __future__ import annotations

ALONE, PREDICT, TEACHER, FOLLOWING, EXPLORING = "alone", "predict", "teacher", "following", "exploring"
MODES = (ALONE, PREDICT, TEACHER, FOLLOWING, EXPLORING)
BROWSER, LINK, PRESET, CLASS_MOVE, QUESTION, PAGE = "browser", "link", "preset", "class", "question", "page"
EVENTS = (BROWSER, LINK, PRESET, CLASS_MOVE, QUESTION, PAGE)
SELF, LIMIT, CLASS, NOBODY = "self", "limit", "class", "nobody"

_ROW = {  # the docstring's table, event by event
    ALONE: (SELF, SELF, SELF, NOBODY, SELF, SELF),
    PREDICT: (LIMIT, SELF, SELF, NOBODY, SELF, SELF),
    TEACHER: (SELF, SELF, SELF, NOBODY, NOBODY, SELF),
    FOLLOWING: (CLASS, CLASS, CLASS, SELF, NOBODY, CLASS),
    EXPLORING: (SELF, SELF, SELF, NOBODY, SELF, SELF),
}
RULES: dict[tuple[str, str], str] = {
    (m, e): r for m, row in _ROW.items() for e, r in zip(EVENTS, row, strict=True)
}


def mode(role: str, following: bool = False, question_open: bool = False) -> str:
    """The mode of a session: its class role ("teacher", "student" or ""), whether a student
    follows, whether a predict question of its own is open on screen."""
    if role == "teacher":
        return TEACHER
    if role == "student" and following:
        return FOLLOWING
    if question_open:
        return PREDICT
    return EXPLORING if role == "student" else ALONE


def who_moves(mode_: str, event: str) -> str:
    """SELF, LIMIT, CLASS or NOBODY: what ``event`` does to the step in ``mode_``."""
    return RULES[(mode_, event)]


def moved_step(mode_: str, event: str, current: int, wanted: int, limit: int | None, cls: int | None) -> int:
    """The step after ``event`` asked for ``wanted``: ``current`` on screen, ``limit`` the last step
    an open question lets through (None: any), ``cls`` the class's step (None: not known)."""
    rule = who_moves(mode_, event)
    if rule == SELF:
        return wanted
    if rule == LIMIT:
        return wanted if limit is None else min(wanted, limit)
    if rule == CLASS:
        return current if cls is None else cls
    return current


def own_question(mode_: str) -> bool:
    """Whether the page shows its own predict question (and locks the stepper with it): only a
    student on their own. A teacher asks the class; a following student answers the class's."""
    return mode_ in (ALONE, PREDICT, EXPLORING)


def locked(mode_: str) -> bool:
    """Whether the browser's step controls are locked to the class (a following student's)."""
    return who_moves(mode_, BROWSER) == CLASS
