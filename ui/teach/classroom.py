"""A live class: the teacher leads, every student's screen follows, the class answers together.

The teacher starts a class (``class_start``): a join code (``class_code``), the student link
``/?join=CODE`` with its QR code, and a teacher link that carries a secret key besides the code
(the code alone can never drive). After every run of the teacher's app, and at every step the
teacher's stepper reports (every 100 ms while stepping, ``ui.stepper``), the teacher's view (page
and link fields) goes to the store (``live.store``: in this process, or Redis with
``GATELAB_REDIS_URL``).

A student's browser hears the class's moves on the class's stream (``live.push``: no poll). A
new step reaches the student's stepper through a tiny component that passes it on in the browser
(``ui/stepper/follow.js``: no rerun at all); any other change (page, model, input, chapter,
question, pace) runs the student's bar once, which applies it to the student's session (and the
app reruns where it must). Each student keeps their own language. A student may step away
(``class_leave``) and come back (``class_back``); their own controls never reach the class.

Who moves the step in a class is ``ui.stepper.owner``'s rule: the teacher always (no question ever locks
the teacher's stepper); a following student's screen shows the class's page, chapter and step and
nothing else (their stepper is locked; a page they open or a setting they change is put back to
the class's); a student who chose *Explore on my own* is on their own until *Back to the class*.

A question's lifecycle: *Ask the class* (``class_ask``) asks the question of the view on the
teacher's screen (about the step after the one shown); students answer on their devices, one
answer per browser (their anonymous token is kept in a cookie, so a reload or a second tab is the
same student and keeps its answer); the teacher sees the count for each option, no names
(``class_answers``); *Reveal* (``class_reveal``) shows the answer and its explanation on every
screen, the projector too; moving the class to another page, chapter, model or step (other than
the one asked about) closes the question on every screen. Whoever did not answer is told the
answer, never "you said no answer".

The teacher stays the teacher: the key is kept in a cookie of the teacher's browser (never in
the address bar, never on the projected page), so a reload, or another tab of the same browser
opened on the class's link, is the teacher again, in presenter mode if the link has it. A second
teacher tab drives the class as the first does; the class shows whichever moved last. A teacher
in another browser pastes the teacher link into *Resume teaching* (the sidebar's teaching box).

If the store goes away the class shows "paused" and every app keeps working alone; a student
whose teacher left keeps the last view.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import secrets
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from live import hall, push
from live.store import IDLE, NotTeacher, StoreDown, store, valid_code
from lstm_core.questions import Question
from ui import stepper
from ui.shell import page, state
from ui.shell.i18n import LANGS, lang, speaking, tx
from ui.shell.share import page_url
from ui.shell.state import STEP
from ui.stepper import owner
from ui.stepper.steps import CLASS, CLASS_Q, CLASS_VIEW, mode, move
from ui.teach import predict

# CLASS: {"code", "role": "teacher"|"student", "secret" | "token", "following", "seen", "moves"}
PENDING = "_class_pending"  # a class view to apply at the top of the next run
PUBLISHED = "_class_published"  # the view the teacher last sent
ANSWERED = "_class_answered"  # {question id: option or None} this student sent (the store's word)
ASKED = "_class_asked"  # the teacher's open question: {"id", "where": the view asked about, "t"}
ASK_NOW = "_class_ask_now"  # *Ask the class* was pressed: ask once this run's page has said its question
SHOWN = predict.CLASS_SHOWN  # the class's question as this session last saw it
REVEALED_BY_STEP = "_class_revealed_by_step"  # the id of a question the teacher revealed by stepping onto it
ENFORCED = "_class_enforced"  # the own view a following student was last put back from
COOKIES = "_class_cookies"  # {name: value ("" clears)}: what the browser keeps (``_KEEP``)
JOIN_BOX = "_class_join_box"  # a code did not work: the box to type it again is shown
TEACH_COOKIE, STUDENT_COOKIE = "gatelab_teach", "gatelab_student"  # "CODE.secret", "CODE.token"
NOTICE = "_class_notice"  # a message from joining, shown once
REDRAW = "_class_redraw"  # a student's page just changed: the page file to draw once more
LAST_PAGE = "_class_last_page"
DIAGRAM = "_class_diagram"  # (code, view key, view, model): the diagram the store has from this teacher
LIVE_S = 0.5  # the teacher's counts are read this often (one fragment per class: the students' answers
# stay Streamlit runs, lighter than a second channel)
_FOLLOW = (
    st.components.v2.component(  # in the page's own DOM: a reveal it draws takes the page's style (page.py)
        "gatelab_follow",
        html="",
        js=(Path(__file__).parents[1] / "stepper" / "follow.js").read_text("utf-8"),
        isolate_styles=False,
    )
)
_KEEP = st.components.v2.component(
    "gatelab_keep", html="", js=(Path(__file__).parents[1] / "stepper" / "keep.js").read_text("utf-8")
)


def role() -> str:
    """ "teacher", "student" or "" (not in a class)."""
    k = st.session_state.get(CLASS)
    return k["role"] if k else ""


def _base() -> str:
    base = page_url()
    return base.rsplit("/", 1)[0] + "/" if base else "/"


def student_link(code: str) -> str:
    """The invitation: the class's code, and the parts the teacher hides from students (if any)."""
    hide = [h for h in state.HIDEABLE if h in st.session_state.get("class_hide", [])]
    return f"{_base()}?{urlencode({'join': code} | ({'hide': ','.join(hide)} if hide else {}))}"


def teacher_link(code: str, secret: str) -> str:
    return f"{_base()}?{urlencode({'join': code, 'teach': secret})}"


# ---- joining -----------------------------------------------------------------------


def client() -> str:
    """Who is trying join codes, for the store's limit: the address nginx saw (X-Real-IP, trusted only
    from a proxy on this machine), else the connection's own address."""
    ip = st.context.ip_address
    real = st.context.headers.get("X-Real-IP")
    return hall.client_address(ip if isinstance(ip, str) else "", real if isinstance(real, str) else "")


def _cookie(name: str, code: str) -> str:
    """What this browser keeps for class ``code`` under ``name`` ("" if nothing)."""
    try:
        raw = st.context.cookies.get(name)
    except Exception:  # no browser behind this session
        return ""
    if not isinstance(raw, str):  # AppTest has no cookies
        return ""
    saved, _, value = raw.partition(".")
    return value if code and saved == code and value else ""


def _keep(name: str, code: str, value: str) -> None:
    """Let the browser keep ``value`` for class ``code`` (the next run's ``_KEEP`` writes it)."""
    st.session_state.setdefault(COOKIES, {})[name] = f"{code}.{value}" if value else ""


def _become_teacher(code: str, secret: str, view: dict) -> None:
    ss = st.session_state
    ss[CLASS] = {"code": code, "role": "teacher", "secret": secret}
    ss["class_join"] = code
    ss.pop(PUBLISHED, None)
    _keep(TEACH_COOKIE, code, secret)
    if view:
        ss[PENDING] = view  # the teacher comes back to the class's view


def join_from_link() -> None:
    """Once per session, after ``state.init``: a link with ``join=CODE`` joins that class: as its
    teacher if it also has the teacher's ``teach`` key, or if this browser keeps the key (a reload,
    another tab); else as a student (the same one again if this browser keeps its token). A wrong or
    ended code gets a message."""
    ss = st.session_state
    if ss.get("_class_checked"):
        return
    ss["_class_checked"] = True
    code, key = state.get("class_join"), state.get("class_teach")
    ss["class_teach"] = ""
    if not code:
        if st.query_params.get("join") is not None and ss.get(JOIN_BOX) is None:
            # a wrong, over-long or script-like code: one clear message and a box to type it again
            ss[state.NOTICES] = [n for n in ss.get(state.NOTICES, []) if n[:2] != ("bad", "join")]
            ss[NOTICE], ss[JOIN_BOX] = ("class_bad_code", {}), True
        return
    try:
        wait = store().join_wait(client())
        k = None if wait else store().get(code)
        key, told = _teacher_key(code, key) if k is not None else ("", None)
        if k is None and not wait:
            wait = store().join_wait(client(), wrong=True)  # the wrong code is counted against this client
    except StoreDown:
        ss[NOTICE] = ("class_paused", {})
        return
    if k is None:
        ss["class_join"] = ""
        ss[NOTICE] = (
            ("class_wait", {"code": code, "m": -(-wait // 60)}) if wait else ("class_no_such", {"code": code})
        )
        ss[JOIN_BOX] = True
        return
    ss[JOIN_BOX] = False
    if key:
        _become_teacher(code, key, k.view)
        return
    if told:
        ss[NOTICE] = told
    token = _cookie(STUDENT_COOKIE, code) or secrets.token_hex(8)
    ss[CLASS] = {"code": code, "role": "student", "token": token, "following": True, "seen": -1, "moves": 0}
    _keep(STUDENT_COOKIE, code, token)
    if k.view:
        ss[PENDING] = ss[CLASS_VIEW] = k.view
        ss[CLASS]["seen"] = k.version


def _teacher_key(code: str, given: str) -> tuple[str, tuple | None]:
    """The key that makes this browser class ``code``'s teacher ("" if none), and what to tell a
    student who gave one that did not. The key this browser keeps is always checked (a reload stays
    the teacher, even if someone behind the same school address tried keys); a key given in a link
    is checked unless this client has tried too many wrong ones lately (``store.key_wait``), and a
    wrong one is counted. Raises StoreDown."""
    kept = _cookie(TEACH_COOKIE, code)
    if kept:
        if store().is_teacher(code, kept):
            return kept, None
        store().key_wait(client(), wrong=True)
    if not given:
        return "", None
    wait = store().key_wait(client())
    if wait:
        return "", ("class_key_wait", {"code": code, "m": -(-wait // 60)})
    if store().is_teacher(code, given):
        return given, None
    store().key_wait(client(), wrong=True)
    return "", ("class_not_teacher", {"code": code})


def _start() -> None:
    ss = st.session_state
    try:
        code, secret = store().create()
    except StoreDown:
        ss[NOTICE] = ("class_paused", {})
        return
    _become_teacher(code, secret, {})


def _end() -> None:
    ss = st.session_state
    k = ss.pop(CLASS, None)
    ss["class_join"] = ""
    ss.pop(ASKED, None)
    if k and k["role"] == "teacher":
        _keep(TEACH_COOKIE, k["code"], "")
        try:
            store().end(k["code"], k["secret"])
        except (StoreDown, NotTeacher):
            pass


def _resume(code: str, secret: str) -> bool:
    """Resume teaching class ``code`` with its key (a pasted teacher link, or the key this browser
    keeps). False if that is not a running class's teacher key."""
    try:
        k = store().get(code)
        if k is None or not store().is_teacher(code, secret):
            return False
    except StoreDown:
        st.session_state[NOTICE] = ("class_paused", {})
        return False
    st.session_state.pop(CLASS, None)
    _become_teacher(code, secret, k.view)
    return True


def _resume_pasted() -> None:
    """The *Resume teaching* box: a teacher link (or its ``join=…&teach=…`` part) pasted in."""
    from urllib.parse import parse_qs, urlsplit

    ss = st.session_state
    text = str(ss.get("class_resume_link") or "").strip()
    ss["class_resume_link"] = ""
    query = parse_qs(urlsplit(text).query or text.lstrip("?"))
    code = (query.get("join") or [""])[0].strip().upper()
    secret = (query.get("teach") or [""])[0].strip()
    try:
        wait = store().key_wait(client())
    except StoreDown:
        ss[NOTICE] = ("class_paused", {})
        return
    if wait:  # too many wrong keys from here lately: this one is not checked
        ss[NOTICE] = ("class_resume_wait", {"m": -(-wait // 60)})
        return
    ss.pop(NOTICE, None)
    ok = bool(valid_code(code) and secret and len(secret) <= 64) and _resume(code, secret)
    if NOTICE in ss:  # the store went away meanwhile (``_resume`` said so)
        return
    if not ok and secret:
        try:
            store().key_wait(client(), wrong=True)  # a wrong key is counted against this client
        except StoreDown:
            pass
    ss[NOTICE] = ("class_resumed", {"code": code}) if ok else ("class_resume_bad", {})


def _join_typed() -> None:
    """The join box: a code typed again (any case); the next run joins it, or says why not."""
    ss = st.session_state
    code = str(ss.get("class_join_typed") or "").strip().upper()
    ss["class_join_typed"] = ""
    if not valid_code(code):
        ss[NOTICE] = ("class_bad_code", {})
        return
    ss["class_join"], ss["_class_checked"] = code, False


def _join_box() -> None:
    with st.form("class_join_form", border=False, enter_to_submit=True):
        row = st.container(horizontal=True, vertical_alignment="bottom")
        with row:
            st.text_input(tx("class_join_label"), key="class_join_typed", max_chars=8, width=220)
            st.form_submit_button(tx("class_join"), on_click=_join_typed, icon=":material/login:")


def apply_pending() -> str | None:
    """At the top of a run, before any widget: take the class's view; the page it is on (or None).
    A following student who opened another page is sent back to the class's (``ui.stepper.owner``)."""
    _catch_up()
    view = st.session_state.pop(PENDING, None)
    if not view:
        return None
    # the class's view replaces the link's own values (a reload's address names an older step): the
    # link has nothing to report that was not taken
    st.session_state.pop("_link_check", None)
    state.apply_params(view.get("params", {}))
    move(int(st.session_state.get(STEP, 0)), owner.CLASS_MOVE)  # the stepper shows the class's step
    return view.get("page")


def _catch_up() -> None:
    """A following student's run starts from the class's view now: the stream moves the browser's
    step without telling this app (``live.push``), so a run (a question, a page) first takes the
    class's step, or its whole view if more changed."""
    ss = st.session_state
    k = ss.get(CLASS)
    if not k or k["role"] != "student" or not k.get("following") or PENDING in ss:
        return
    try:
        c = store().get(k["code"], k["token"])
    except StoreDown:
        return
    if c is None or not c.view or c.version == k["seen"]:
        return
    last = ss.get(CLASS_VIEW)
    k["seen"], ss[CLASS_VIEW] = c.version, c.view
    if last is not None and _where(last) == _where(c.view):
        move(int(c.view.get("params", {}).get("t", "1")) - 1, owner.CLASS_MOVE)
    else:
        ss[PENDING] = c.view
        k["moves"] = k.get("moves", 0) + 1


# ---- the teacher -------------------------------------------------------------------


def _view(here: str) -> dict:
    params = {
        k: v
        for k, v in state.link(budget=10**9).params.items()
        if k not in ("lang", "present", "hide", "join")
    }
    pace = {
        "lock": bool(st.session_state.get("class_lock")),
        "pause": bool(st.session_state.get("class_pause")),
    }
    return {"page": here, "params": params, "pace": pace}


def _where(view: dict) -> dict:
    """A view without its step: what a question is about besides the step."""
    return {"page": view.get("page"), "params": {a: b for a, b in view.get("params", {}).items() if a != "t"}}


def _send(k: dict, view: dict) -> None:
    """Publish ``view``; an open question the class has moved away from closes on every screen, and
    one whose step is now on screen is revealed first (the screen would show its answer anyway)."""
    asked, shown = st.session_state.get(ASKED), st.session_state.get(SHOWN)
    if (
        asked
        and asked["t"] is not None
        and shown
        and not shown.get("revealed")
        and _where(view) == asked["where"]
    ):
        if int(view.get("params", {}).get("t", "1")) == asked["t"] + 1:
            _reveal()
            st.session_state[REVEALED_BY_STEP] = asked["id"]
    try:
        store().publish(k["code"], k["secret"], view)
        st.session_state[PUBLISHED] = view
        asked = st.session_state.get(ASKED)
        if asked and not _on_question(asked, view):
            store().ask(k["code"], k["secret"], None)
            st.session_state.pop(ASKED, None)
            st.session_state[SHOWN] = None
    except (StoreDown, NotTeacher):
        pass  # the teacher's bar says so


def _on_question(asked: dict, view: dict) -> bool:
    """Whether the class's ``view`` is still the one the question is about: the same page, chapter
    and model, on the step it was asked from or the step it asks about (a series question: any)."""
    if _where(view) != asked["where"]:
        return False
    if asked["t"] is None:
        return True
    t = int(view.get("params", {}).get("t", "1"))
    return t in (asked["t"], asked["t"] + 1)


def publish(here: str) -> None:
    """After a teacher's run: send the view if it changed."""
    k = st.session_state.get(CLASS)
    if not k or k["role"] != "teacher":
        return
    view = _view(here)
    if st.session_state.get(PUBLISHED) == view:
        return
    _send(k, view)


@stepper.on_step
def publish_step(step: int) -> None:
    """The teacher's stepper reported a step (``ui.stepper``): the class follows it."""
    k = st.session_state.get(CLASS)
    last = st.session_state.get(PUBLISHED)
    if not k or k["role"] != "teacher" or not last:
        return
    view = dict(last, params=dict(last["params"], t=str(step + 1)))
    if view != last:
        _send(k, view)


@stepper.on_draw
def publish_diagram(view: str, ident: int, data_in) -> None:
    """The teacher's stepper drew ``view``: its data, as a following student's stepper gets it, in each
    language, goes to the store once per view and model (``live.hall``: a student whose app is still
    opening sees the diagram from it). Only the Cell and Layers pages' steppers draw a diagram (the
    Timeline's and the Why page's move their charts, which are the app's): the others store nothing."""
    k = st.session_state.get(CLASS)
    if not k or k["role"] != "teacher" or view not in ("cell", "layers"):
        return
    where = hall.diagram_key(_view(st.session_state.get(state.PAGE) or "cell"))
    mark = (k["code"], where, view, ident)
    if st.session_state.get(DIAGRAM) == mark:
        return
    diagram = {}
    for language in LANGS:
        d = data_in(language)
        with speaking(language):
            d["hall"] = {
                "title": tx("hall_title", code=k["code"]),
                "opening": tx("hall_opening"),
                "waiting": tx("hall_waiting"),
                "paused": tx("class_paused_card"),
                "region": tx("hall_region"),
            }
        diagram[language] = json.dumps(d, separators=(",", ":"), ensure_ascii=False)
    try:
        store().show(k["code"], k["secret"], where, diagram)
    except (StoreDown, NotTeacher):
        return  # (the class goes on without it: students wait for their app, as before)
    st.session_state[DIAGRAM] = mark


def _question_spec(here: str) -> dict | None:
    """The question of the view on the teacher's screen (``ui.teach.predict`` offers it this run, about the
    step after the one shown), from the teacher's run; each student's app words it in its own
    language from these ids and numbers."""
    offered = st.session_state.get(CLASS_Q)
    if not offered:
        return None
    q: Question = offered["q"]
    spec = {"kind": q.kind, "gate": q.gate, "step": q.step, "options": list(q.options), "answer": q.answer}
    spec |= {"values": q.values, "page": here, "cell": "", "layer": 0, "unit": 0, "layers": 1}
    ctx_key = offered["key"]
    if q.step >= 0:  # a step question: its key is (cfg, layer, unit, fixed)
        cfg = ctx_key[0]
        spec |= {"cell": cfg.cell, "layer": ctx_key[1], "unit": ctx_key[2], "layers": len(cfg.hidden)}
    else:
        spec["cell"] = offered.get("cell", "")  # the kind the page's series question is about
    return spec


def question_of(spec: dict) -> Question:
    return Question(
        spec["kind"], spec["step"], tuple(spec["options"]), spec["answer"], spec["values"], spec["gate"]
    )


def _ask_soon() -> None:
    st.session_state[ASK_NOW] = True  # asked after this run's page has offered its question


def _ask(here: str) -> None:
    k = st.session_state[CLASS]
    spec = _question_spec(here)
    if spec is None:
        return
    view = _view(here)
    q = {"id": secrets.token_hex(4), "spec": spec, "options": spec["options"], "revealed": False}
    try:
        store().ask(k["code"], k["secret"], q)
        store().publish(k["code"], k["secret"], view)  # the class sees the view asked about
    except (StoreDown, NotTeacher):
        return
    st.session_state[PUBLISHED] = view
    t = int(view["params"].get("t", "1")) if spec["step"] >= 0 else None
    st.session_state[ASKED] = {"id": q["id"], "where": _where(view), "t": t}
    st.session_state[SHOWN] = q


def _reveal() -> None:
    k = st.session_state[CLASS]
    shown = st.session_state.get(SHOWN)
    try:
        store().reveal(k["code"], k["secret"], _shown(shown["spec"]) if shown else None)
    except (StoreDown, NotTeacher):
        return
    if st.session_state.get(SHOWN):
        st.session_state[SHOWN] = dict(st.session_state[SHOWN], revealed=True)


def _shown(spec: dict) -> dict:
    """What every student may see of a revealed question, in each language (the class's stream
    carries it to every screen at once: ``live.push``, ``ui/stepper/follow.js``)."""
    question, why, label = question_of(spec), {}, {}
    for code in LANGS:
        with speaking(code):
            why[code] = _explanation(spec)
            label[code] = predict.option_label(question, question.answer)
    return {"answer": question.answer, "why": why, "answer_label": label}


def _qr_png(text: str) -> bytes:
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=6, border=2)
    return buf.getvalue()


def teacher_bar(here: str) -> None:
    k = st.session_state[CLASS]
    code = k["code"]
    if st.session_state.pop(ASK_NOW, False):
        _ask(here)
    with st.container(key="class_bar", border=True):
        row = st.container(horizontal=True, vertical_alignment="center", key="class_row")
        with row.container(key="class_code", width="content"):
            st.markdown(tx("class_code_label", code=code))
        with row.popover(tx("class_invite"), icon=":material/qr_code_2:", key="class_invite"):
            link = student_link(code)
            st.caption(tx("class_invite_help", code=code))
            st.code(link, language=None, wrap_lines=True)
            st.image(_qr_png(link), width=240, caption=tx("class_qr_caption"))
        has_q = _question_spec(here) is not None
        shown = st.session_state.get(SHOWN)
        open_q = bool(shown and not shown.get("revealed"))
        row.button(
            tx("class_ask"),
            key="class_ask",
            on_click=_ask_soon,
            disabled=not has_q,
            help=tx("class_ask_help"),
            icon=":material/how_to_vote:",
        )
        row.button(
            tx("class_reveal"),
            key="class_reveal",
            on_click=_reveal,
            icon=":material/visibility:",
            disabled=not open_q,
        )
        with row.popover(tx("class_end"), icon=":material/logout:", key="class_end"):  # asked once more: a
            st.caption(tx("class_end_confirm"))  # misplaced click would stop every screen
            st.button(tx("class_end_now"), key="class_end_now", on_click=_end, type="primary")
        pace = row.container(horizontal=True, vertical_alignment="center", key="class_pace", width="content")
        pace.toggle(tx("class_lock"), key="class_lock", help=tx("class_lock_help"))
        pace.toggle(tx("class_pause"), key="class_pause", help=tx("class_pause_help"))
        _teacher_live()


@st.fragment(run_every=LIVE_S)
def _teacher_live() -> None:
    """Who is here and the class's answers, counts only, updated twice a second (within 1 s of an answer); once revealed, the
    answer and its explanation (on the projector too)."""
    k = st.session_state.get(CLASS)
    if not k:
        return
    try:
        c = store().get(k["code"])
    except StoreDown:
        st.warning(tx("class_paused"), icon="⏸️")
        return
    if c is None:
        st.info(tx("class_gone"))
        return
    q = st.session_state[SHOWN] = c.question
    try:
        status = store().statuses(k["code"])
    except StoreDown:
        status = {}
    counts = {"following": status.get("following", 0), "exploring": status.get("exploring", 0)}
    line = tx("class_students_pace", n=c.students, **counts)
    if st.session_state.get("class_pause"):
        line += " · " + tx("class_paused_count", n=c.students)
    if q:
        line += " · " + tx("class_answered_count", n=sum(c.counts.values()))
    with st.container(key="class_counts"):
        st.caption(line)
    if not q:
        return
    spec, question = q["spec"], question_of(q["spec"])
    with st.container(key="class_answers"):
        st.markdown(f"**{tx('class_question_header')}** {_question_text(spec)}")
        total = sum(c.counts.values())
        by_step = st.session_state.get(REVEALED_BY_STEP) == q["id"]
        if not q.get("revealed"):  # what the room votes on (a class voting by hands sees the options here)
            st.markdown(tx("class_options", options=" · ".join(_option_label(spec, o) for o in q["options"])))
        row = st.container(horizontal=True, vertical_alignment="center", gap="medium")
        said = (
            " · " + tx("class_revealed_by_step" if by_step else "class_revealed") if q.get("revealed") else ""
        )
        row.caption(tx("class_answers_header", n=total) + said)
        # peer instruction: the projector shows how the votes split only once the answer is out (or the
        # teacher asks for it), so that no student follows the crowd
        shown = q.get("revealed") or row.toggle(
            tx("class_votes_toggle"), key="class_votes", help=tx("class_votes_hidden")
        )
        for o in q["options"] if shown else ():  # counts only, never names
            n = c.counts.get(o, 0)
            right = (
                " ✓" if q.get("revealed") and o == question.answer else ""
            )  # the answer, marked on the bars
            st.progress(n / total if total else 0.0, text=f"{_option_label(spec, o)}{right}: {n}")
        if q.get("revealed"):
            answer = predict.option_label(question, question.answer)
            st.success(tx("class_answer_was", answer=answer) + "\n\n" + _explanation(spec), icon="💡")


def _question_text(spec: dict) -> str:
    return predict.question_text(question_of(spec), spec["cell"], spec["unit"], spec["layer"], spec["layers"])


def _explanation(spec: dict) -> str:
    return predict.explanation(question_of(spec), spec["cell"])


def _option_label(spec: dict, option: str) -> str:
    return predict.option_label(question_of(spec), option)


# ---- a student ---------------------------------------------------------------------


def _leave() -> None:
    st.session_state[CLASS]["following"] = False


def _back() -> None:
    k = st.session_state[CLASS]
    k["following"], k["seen"] = True, -1  # the next run applies the class's whole view …
    st.session_state.pop(CLASS_VIEW, None)  # … not only its step: the student may have changed anything


@st.fragment
def student_bar() -> None:
    """A student's bar: the class's code, *Explore on my own* / *Back to the class*, the class's
    question. It runs with the page, and again (alone) when the class's stream says the class
    moved in a way the browser cannot show by itself (``live.push``: anything but a step)."""
    ss = st.session_state
    k = ss.get(CLASS)
    if not k:
        return
    redraw = ss.pop(REDRAW, None)
    if redraw:
        # the first run of this bar after a page change draws that page once more, in full: a run the
        # browser asked for while the page was changing can leave it blank (it runs against the old page)
        st.switch_page(redraw)
    try:
        c = store().get(k["code"], k["token"])
    except StoreDown:  # the class is paused: this app works on its own (not locked) until it is back
        st.warning(tx("class_paused"), icon="⏸️")
        if k["following"]:  # (the browser's stepper unlocks at the page's next run)
            k["following"], k["down"] = False, True
        _stream(k, None, paused=True)  # the stream says when the class is back
        return
    if c is None:  # the class ended: say so once and stop listening (the app reruns without this bar)
        ss.pop(CLASS, None)
        ss["class_join"] = ""
        ss[NOTICE] = ("class_ended", {"code": k["code"]})
        st.rerun(scope="app")
    if k.pop("down", False):  # the store is back: the student follows the class again
        _back()
        st.rerun(scope="app")
    before, ss[SHOWN] = ss.get(SHOWN), c.question
    pace = (c.view or {}).get("pace") or {}
    if pace.get("lock") and not k["following"]:  # *Lock to my screen*: every student follows again
        _back()
        st.rerun(scope="app")
    status = "following" if k["following"] else "exploring"
    if k.get("marked") != status:  # told once per change (the stream marks the student present)
        try:
            store().mark(k["code"], k["token"], status)
            k["marked"] = status
        except StoreDown:
            pass
    with st.container(key="class_bar", border=True):
        row = st.container(horizontal=True, vertical_alignment="center")
        with row.container(key="class_code", width="content"):
            st.markdown(tx("class_following" if k["following"] else "class_alone", code=k["code"]))
        # leaving and coming back change the mode (ui/stepper/owner.py): the whole page is drawn again, so
        # that the stepper locks or unlocks
        if k["following"] and pace.get("lock"):
            row.caption(tx("class_locked"))
        elif k["following"]:
            if row.button(tx("class_leave"), key="class_leave", icon=":material/explore:"):
                _leave()
                st.rerun(scope="app")
        elif row.button(tx("class_back"), key="class_back", type="primary", icon=":material/group:"):
            _back()
            st.rerun(scope="app")
        page = _follow(k, c) if k["following"] and c.version != k["seen"] and c.view else None
        if k["following"] and page is None and c.view and c.view.get("page") == ss.get(state.PAGE):
            mine = _where(_view(ss.get(state.PAGE) or ""))
            if mine != _where(c.view) and ss.get(ENFORCED) != mine:  # taken, but not applied (a lost run)
                ss[ENFORCED], ss[PENDING] = mine, c.view
                st.rerun(scope="app")
        if k["following"] and page is None:  # not on the class's page yet (*Back to the class*, or a click on
            there = (ss.get(CLASS_VIEW) or {}).get("page")  # its link lost while the page was busy): again
            page = there if there and there != ss.get(state.PAGE) and PENDING in ss else None
        asked = _student_question(k, c) if k["following"] and c.question else None
        _stream(k, c, page=page, asked=asked)  # under the question: a reveal is shown there
    if pace.get("pause"):  # *Pause screens*: a card over the whole page until the teacher resumes
        st.html(
            f'<div class="gatelab-pause" role="alertdialog" aria-live="assertive">'
            f"<p>⏸️ {html.escape(tx('class_paused_card'))}</p></div>",
            width="content",
        )
    if k["following"] and _series_revealed(before) != _series_revealed(c.question):
        st.rerun(scope="app")  # a lesson chapter shows its hidden chart once the class's question is revealed


def _stream(k: dict, c, page: str | None = None, paused: bool = False, asked: dict | None = None) -> None:
    """The class's stream in this browser (``ui/stepper/follow.js``, ``live.push``): ``key`` is what
    this app has applied of the class (a message with another key runs this bar again; one with
    the same key is a step, shown at once); ``page``: the class's page to open; ``step``: the
    step this run put on screen; ``q``: the open question as this run drew it (``_student_question``),
    and the words for its reveal, which the browser shows under it when the stream brings it."""
    ss = st.session_state
    applied = ss.get(CLASS_VIEW) if k["following"] else (c.view if c else None)
    # the cell page is the default: its link is the app's root
    go = None if page is None else ("" if page == "cell" else page)
    data = {
        "stream": f"/gatelab/class/{k['code']}/",
        "token": k["token"],
        "state": "paused" if paused else "live",
        "key": push.view_key(applied, c.question if c else None),
        "following": bool(k["following"]),
        "v": k.get("moves", 0),
        "step": int(ss.get(STEP, 0)),
        "page": go,
        "q": asked,
        "lang": lang(),
    }
    _FOLLOW(key="class_follow", data=data, on_event_change=lambda: None)


def _series_revealed(q: dict | None) -> bool:
    return bool(q and q.get("revealed") and q["spec"]["step"] < 0)


def _follow(k: dict, c) -> str | None:
    """The class moved: a step alone goes to the stepper in the browser; a page change too (the page
    it returns); anything else reruns the app."""
    ss = st.session_state
    last = ss.get(CLASS_VIEW)
    view = c.view
    k["seen"] = c.version
    ss[CLASS_VIEW] = view
    if last is not None and _where(last) == _where(view):
        if last.get("params", {}).get("t") != view.get("params", {}).get("t"):
            k["moves"] = k.get("moves", 0) + 1  # a new step for the browser (ui/stepper/follow.js)
            move(int(view["params"].get("t", "1")) - 1, owner.CLASS_MOVE, shown=True)
        return None
    ss[PENDING] = view
    k["moves"] = k.get("moves", 0) + 1
    if view.get("page") != ss.get(state.PAGE):
        # another page: the browser follows the page's own link (ui/stepper/follow.js), as if the
        # student had clicked it. (Switching pages from this fragment's rerun races with its own
        # next run, which Streamlit then runs against the old page: the new page's elements go.)
        return view.get("page")
    st.rerun(scope="app")


def _my_answer(k: dict, qid: str) -> str | None:
    """This browser's answer to question ``qid``: the store keeps it by the student's token, so a
    reload (or another tab) finds it again."""
    answered = st.session_state.setdefault(ANSWERED, {})
    if qid not in answered:
        try:
            answered[qid] = store().answer_of(k["code"], qid, k["token"])
        except StoreDown:
            return None
    return answered[qid]


def _student_question(k: dict, c) -> dict:
    """The class's question, this student's answer, and once revealed the answer and why. Returns
    what the browser needs to show the reveal itself when the stream brings it (``follow.js``):
    the question's id, whether this run drew it revealed, this student's answer and its words,
    and the sentence templates around them: nothing of the answer."""
    q = c.question
    spec = q["spec"]
    question = question_of(spec)
    sent = _my_answer(k, q["id"])
    asked = {"id": q["id"], "revealed": bool(q.get("revealed")), "sent": sent}
    with st.container(key="class_question"):
        st.markdown(f"**{tx('class_question_header')}** {_question_text(spec)}")
        if q.get("revealed"):
            body = _explanation(spec)
            answer = predict.option_label(question, question.answer)
            if sent is None:  # not answered (or joined later): the answer, nothing about them
                st.info(tx("class_answer_was", answer=answer) + "\n\n" + body, icon="💡")
            elif question.right(sent):
                said = predict.option_label(question, sent)
                st.success(tx("predict_right", said=said) + "\n\n" + body, icon="✅")
            else:
                said = predict.option_label(question, sent)
                st.info(tx("predict_wrong", said=said, answer=answer) + "\n\n" + body, icon="💡")
            return asked
        choice = st.radio(
            tx("predict_choose"),
            question.options,
            index=None,
            horizontal=True,
            key=f"class_choice_{q['id']}",
            format_func=lambda o: predict.option_label(question, o),
        )
        if st.button(tx("class_send"), key="class_send", disabled=choice is None, type="primary"):
            try:
                if store().answer(k["code"], q["id"], k["token"], choice):
                    st.session_state[ANSWERED][q["id"]] = sent = choice
            except StoreDown:
                st.warning(tx("class_paused"), icon="⏸️")
        if sent:
            st.caption(tx("class_sent", said=predict.option_label(question, sent)))
    # the reveal's sentences, as above, with the answer left for the stream to fill in ({answer})
    asked["sent"], asked["said"] = sent, predict.option_label(question, sent) if sent else None
    asked["words"] = {
        "was": tx("class_answer_was", answer="{answer}"),
        "right": tx("predict_right", said="{said}"),
        "wrong": tx("predict_wrong", said="{said}", answer="{answer}"),
    }
    return asked


def follow_here(here: str, pages: dict[str, str]) -> None:
    """Before the page is drawn: a following student shows the class's view and nothing else
    (``ui.stepper.owner``): a page they opened, a chapter or a setting they changed is put back to the
    class's (once per own view, so that a view the app cannot take exactly never loops).
    ``pages``: url path -> page file."""
    ss = st.session_state
    cls = ss.get(CLASS_VIEW)
    if mode() != owner.FOLLOWING or not cls or not cls.get("page"):
        return
    mine = _where(_view(here))
    if mine == _where(cls):
        ss.pop(ENFORCED, None)
        return
    if ss.get(ENFORCED) == mine:
        return
    ss[ENFORCED] = mine
    ss[PENDING] = cls
    if cls["page"] != here:
        st.switch_page(pages.get(cls["page"], "pages/cell.py"))
    st.rerun()


# ---- drawing -----------------------------------------------------------------------


def bar(here: str, page_file: str = "") -> None:
    """The class's bar at the top of the page, for its teacher or a student; a message from joining.
    ``page_file``: this page's file (a student's bar, run after a page change, draws it again)."""
    ss = st.session_state
    if role() == "student" and page_file:
        if ss.get(LAST_PAGE) not in (None, here):
            ss[REDRAW] = page_file
        ss[LAST_PAGE] = here
    if ss.get(COOKIES):  # what this browser keeps (an empty element: it takes no room)
        _KEEP(key="class_keep", data={"cookies": ss[COOKIES], "max_age": IDLE})
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(tx(notice[0], **notice[1]), icon="🔗")
    r = role()
    if not r and ss.get(JOIN_BOX):
        _join_box()
    if r == "teacher":
        slot = page.question_slot()  # the lesson on a projector: beside the view the questions are about
        with slot if slot is not None else contextlib.nullcontext():
            teacher_bar(here)
    elif r == "student":
        student_bar()


def _resumable() -> tuple[str, str] | None:
    """The class this browser keeps a teacher's key for, if it still runs (asked once a session)."""
    ss = st.session_state
    if "_class_resumable" not in ss:
        ss["_class_resumable"] = None
        try:
            raw = st.context.cookies.get(TEACH_COOKIE)
            code, _, secret = (raw if isinstance(raw, str) else "").partition(".")
            if valid_code(code) and secret and store().is_teacher(code, secret):
                ss["_class_resumable"] = (code, secret)
        except Exception:  # no browser behind this session (AppTest), or no store
            pass
    return ss["_class_resumable"]


def start_ui() -> None:
    """In the sidebar's teaching box: start a live class, or resume teaching one (the class this
    browser keeps the key of, or a pasted teacher link); while one runs, its teacher link, folded
    away (the sidebar may be on the projector; presenter mode hides it)."""
    k = st.session_state.get(CLASS)
    if k and k["role"] == "teacher":
        with st.popover(tx("class_teacher_link_show"), icon=":material/key:", key="class_teacher_link"):
            st.caption(tx("class_teacher_link_help"))
            st.code(teacher_link(k["code"], k["secret"]), language=None, wrap_lines=True)
        return
    if k:
        return
    st.button(
        tx("class_start"),
        key="class_start",
        on_click=_start,
        icon=":material/groups:",
        help=tx("class_start_help"),
    )
    saved = _resumable()
    if saved:
        st.button(
            tx("class_resume_saved", code=saved[0]),
            key="class_resume_saved",
            on_click=_resume,
            args=saved,
            icon=":material/co_present:",
        )
    with st.form("class_resume_form", border=False, enter_to_submit=True):
        st.text_input(
            tx("class_resume_label"),
            key="class_resume_link",
            type="password",
            help=tx("class_resume_help"),
            max_chars=400,
        )
        st.form_submit_button(tx("class_resume"), on_click=_resume_pasted, icon=":material/login:")
