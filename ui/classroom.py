"""A live class: the teacher leads, every student's screen follows, the class answers together.

The teacher starts a class (``class_start``): a join code (``class_code``), the student link
``/?join=CODE`` with its QR code, and a teacher link that carries a secret key besides the code
(the code alone can never drive). After every run of the teacher's app, and at every step the
teacher's stepper reports (every 100 ms while stepping, ``ui.stepper``), the teacher's view (page
and link fields) goes to the store (``live.store``: in this process, or Redis with
``GATELAB_REDIS_URL``).

A student's app asks the store twice a second (a fragment: nothing else reruns). A new step
reaches the student's stepper through a tiny component that passes it on in the browser (no
page rerun); any other change (page, model, input, chapter) is applied to the student's
session and the app reruns. Each student keeps their own language. A student may step away
(``class_leave``) and come back (``class_back``); their own controls never reach the class.

The teacher puts the question on screen to the class (``class_ask``); students answer on their
devices and the teacher sees the count for each option, no names (``class_answers``); then
reveals it (``class_reveal``). If the store goes away the class shows "paused" and every app
keeps working alone; a student whose teacher left keeps the last view.
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from live.store import NotTeacher, StoreDown, store
from lstm_core.questions import Question

from . import predict, state
from .i18n import tx
from .share import page_url
from .state import KNOWN, STEP

CLASS = "_class"  # {"code", "role": "teacher"|"student", "secret" | "token", "following", "seen"}
PENDING = "_class_pending"  # a class view to apply at the top of the next run
PUBLISHED = "_class_published"  # the view the teacher last sent
ANSWERED = "_class_answered"  # {question id: option} this student sent
NOTICE = "_class_notice"  # a message from joining, shown once
REDRAW = "_class_redraw"  # a student's page just changed: the page file to draw once more
LAST_PAGE = "_class_last_page"
POLL_S = 0.5  # a student's app asks the store this often
_FOLLOW = st.components.v2.component(
    "gatelab_follow", html="", js=(Path(__file__).parent / "stepper" / "follow.js").read_text("utf-8")
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
    ip = ip if isinstance(ip, str) else ""  # (AppTest has no connection)
    real = st.context.headers.get("X-Real-IP")
    if ip in ("127.0.0.1", "::1", "") and isinstance(real, str) and real:
        return real[:64]
    return ip or "unknown"


def join_from_link() -> None:
    """Once per session, after ``state.init``: a link with ``join=CODE`` joins that class (as its
    teacher if it also has the teacher's ``teach`` key). A wrong or ended code gets a message."""
    ss = st.session_state
    if ss.get("_class_checked"):
        return
    ss["_class_checked"] = True
    code, key = state.get("class_join"), state.get("class_teach")
    ss["class_teach"] = ""
    if not code:
        return
    try:
        wait = store().join_wait(client())
        k = None if wait else store().get(code)
        teacher = k is not None and bool(key) and store().is_teacher(code, key)
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
        return
    if teacher:
        ss[CLASS] = {"code": code, "role": "teacher", "secret": key}
        if k.view:
            ss[PENDING] = k.view  # the teacher comes back to the class's view
        return
    ss[CLASS] = {
        "code": code,
        "role": "student",
        "token": secrets.token_hex(8),
        "following": True,
        "seen": -1,
    }
    if k.view:
        ss[PENDING] = ss["_class_view"] = k.view
        ss[CLASS]["seen"] = k.version


def _start() -> None:
    ss = st.session_state
    try:
        code, secret = store().create()
    except StoreDown:
        ss[NOTICE] = ("class_paused", {})
        return
    ss[CLASS] = {"code": code, "role": "teacher", "secret": secret}
    ss["class_join"] = code
    ss.pop(PUBLISHED, None)


def _end() -> None:
    ss = st.session_state
    k = ss.pop(CLASS, None)
    ss["class_join"] = ""
    if k and k["role"] == "teacher":
        try:
            store().end(k["code"], k["secret"])
        except (StoreDown, NotTeacher):
            pass


def apply_pending() -> str | None:
    """At the top of a run, before any widget: take the class's view; the page it is on (or None)."""
    view = st.session_state.pop(PENDING, None)
    if not view:
        return None
    state.apply_params(view.get("params", {}))
    step = st.session_state.get(STEP)
    st.session_state[KNOWN] = None  # the stepper shows the class's step (a server move)
    st.session_state[STEP] = step
    return view.get("page")


# ---- the teacher -------------------------------------------------------------------


def _view(here: str) -> dict:
    params = {
        k: v
        for k, v in state.link(budget=10**9).params.items()
        if k not in ("lang", "present", "hide", "join")
    }
    return {"page": here, "params": params}


def publish(here: str) -> None:
    """After a teacher's run: send the view if it changed."""
    k = st.session_state.get(CLASS)
    if not k or k["role"] != "teacher":
        return
    view = _view(here)
    if st.session_state.get(PUBLISHED) == view:
        return
    try:
        store().publish(k["code"], k["secret"], view)
        st.session_state[PUBLISHED] = view
    except (StoreDown, NotTeacher):
        pass  # the teacher's bar says so


def publish_step(step: int) -> None:
    """The teacher's stepper reported a step (``ui.stepper``): the class follows it."""
    k = st.session_state.get(CLASS)
    last = st.session_state.get(PUBLISHED)
    if not k or k["role"] != "teacher" or not last:
        return
    view = {"page": last["page"], "params": dict(last["params"], t=str(step + 1))}
    if view == last:
        return
    try:
        store().publish(k["code"], k["secret"], view)
        st.session_state[PUBLISHED] = view
    except (StoreDown, NotTeacher):
        pass


def _question_spec(here: str) -> dict | None:
    """The question on the teacher's screen (the predict panel's), computed there from the teacher's
    run; each student's app words it in its own language from these ids and numbers."""
    pending = st.session_state.get(predict.PENDING)
    if not pending:
        return None
    q: Question = pending["q"]
    spec = {"kind": q.kind, "gate": q.gate, "step": q.step, "options": list(q.options), "answer": q.answer}
    spec |= {"values": q.values, "page": here, "cell": "", "layer": 0, "unit": 0, "layers": 1}
    ctx_key = pending["key"]
    if q.step >= 0:  # a step question: its key is (cfg, layer, unit, fixed)
        cfg = ctx_key[0]
        spec |= {"cell": cfg.cell, "layer": ctx_key[1], "unit": ctx_key[2], "layers": len(cfg.hidden)}
    return spec


def question_of(spec: dict) -> Question:
    return Question(
        spec["kind"], spec["step"], tuple(spec["options"]), spec["answer"], spec["values"], spec["gate"]
    )


def _ask(here: str) -> None:
    k = st.session_state[CLASS]
    spec = _question_spec(here)
    if spec is None:
        return
    q = {"id": secrets.token_hex(4), "spec": spec, "options": spec["options"], "revealed": False}
    try:
        store().ask(k["code"], k["secret"], q)
    except (StoreDown, NotTeacher):
        pass


def _reveal() -> None:
    k = st.session_state[CLASS]
    try:
        store().reveal(k["code"], k["secret"])
    except (StoreDown, NotTeacher):
        pass


def _qr_png(text: str) -> bytes:
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=6, border=2)
    return buf.getvalue()


def teacher_bar(here: str) -> None:
    k = st.session_state[CLASS]
    code = k["code"]
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
        try:
            c = store().get(code)
            open_q = bool(c and c.question and not c.question.get("revealed"))
        except StoreDown:
            open_q = False
        row.button(
            tx("class_ask"),
            key="class_ask",
            on_click=_ask,
            args=(here,),
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
        row.button(tx("class_end"), key="class_end", on_click=_end, icon=":material/logout:")
        _teacher_live()


@st.fragment(run_every=1.0)
def _teacher_live() -> None:
    """Who is here and the class's answers, counts only, updated every second."""
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
    st.caption(tx("class_students", n=c.students))
    q = c.question
    if q:
        with st.container(key="class_answers"):
            total = sum(c.counts.values())
            st.caption(
                tx("class_answers_header", n=total)
                + (" · " + tx("class_revealed") if q.get("revealed") else "")
            )
            labels = [_option_label(q["spec"], o) for o in q["options"]]
            st.bar_chart(
                {"option": labels, "answers": [c.counts.get(o, 0) for o in q["options"]]},
                x="option",
                y="answers",
                horizontal=True,
                height=60 + 34 * len(labels),
                x_label=tx("class_answers_axis"),
                y_label="",
            )


def _option_label(spec: dict, option: str) -> str:
    return predict.option_label(question_of(spec), option)


# ---- a student ---------------------------------------------------------------------


def _leave() -> None:
    st.session_state[CLASS]["following"] = False


def _back() -> None:
    k = st.session_state[CLASS]
    k["following"], k["seen"] = True, -1  # the next poll applies the class's whole view …
    st.session_state.pop("_class_view", None)  # … not only its step: the student may have changed anything


@st.fragment(run_every=POLL_S)
def student_bar() -> None:
    ss = st.session_state
    k = ss.get(CLASS)
    if not k:
        return
    redraw = ss.pop(REDRAW, None)
    if redraw:
        # the first poll after a page change draws that page once more, in full: a poll the browser
        # sent while the page was changing can leave it blank (it runs against the old page)
        st.switch_page(redraw)
    try:
        c = store().get(k["code"], k["token"])
    except StoreDown:
        st.warning(tx("class_paused"), icon="⏸️")
        return
    if c is None:  # the class ended: say so once and stop asking (the app reruns without this bar)
        ss.pop(CLASS, None)
        ss["class_join"] = ""
        ss[NOTICE] = ("class_ended", {"code": k["code"]})
        st.rerun(scope="app")
    with st.container(key="class_bar", border=True):
        row = st.container(horizontal=True, vertical_alignment="center")
        with row.container(key="class_code", width="content"):
            st.markdown(tx("class_following" if k["following"] else "class_alone", code=k["code"]))
        if k["following"]:
            row.button(tx("class_leave"), key="class_leave", on_click=_leave, icon=":material/explore:")
        else:
            row.button(
                tx("class_back"), key="class_back", on_click=_back, type="primary", icon=":material/group:"
            )
        page = _follow(k, c) if k["following"] and c.version != k["seen"] and c.view else None
        if k["following"]:
            # the cell page is the default: its link is the app's root
            go = None if page is None else ("" if page == "cell" else page)
            _FOLLOW(key="class_follow", data={"v": k["seen"], "step": int(ss.get(STEP, 0)), "page": go})
        if k["following"] and c.question:
            _student_question(k, c)


def _follow(k: dict, c) -> str | None:
    """The class moved: a step alone goes to the stepper in the browser; a page change too (the page
    it returns); anything else reruns the app."""
    ss = st.session_state
    last = ss.get("_class_view")
    view = c.view
    k["seen"] = c.version
    ss["_class_view"] = view
    same_but_step = (
        last is not None
        and last.get("page") == view.get("page")
        and {a: b for a, b in last["params"].items() if a != "t"}
        == {a: b for a, b in view["params"].items() if a != "t"}
    )
    if same_but_step:
        t = int(view["params"].get("t", "1")) - 1
        ss[STEP] = ss[KNOWN] = t
        return None
    ss[PENDING] = view
    if view.get("page") != ss.get(state.PAGE):
        # another page: the browser follows the page's own link (ui/stepper/follow.js), as if the
        # student had clicked it. (Switching pages from this fragment's rerun races with its own
        # next run, which Streamlit then runs against the old page: the new page's elements go.)
        return view.get("page")
    st.rerun(scope="app")


def _student_question(k: dict, c) -> None:
    q = c.question
    spec = q["spec"]
    question = question_of(spec)
    sent = st.session_state.setdefault(ANSWERED, {}).get(q["id"])
    with st.container(key="class_question"):
        text = predict.question_text(question, spec["cell"], spec["unit"], spec["layer"], spec["layers"])
        st.markdown(f"**{tx('class_question_header')}** {text}")
        if q.get("revealed"):
            said = predict.option_label(question, sent) if sent else tx("class_no_answer")
            body = predict.explanation(question, spec["cell"] or "rnn")
            if question.right(sent):
                st.success(tx("predict_right", said=said) + "\n\n" + body, icon="✅")
            else:
                answer = predict.option_label(question, question.answer)
                st.info(tx("predict_wrong", said=said, answer=answer) + "\n\n" + body, icon="💡")
            return
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


# ---- drawing -----------------------------------------------------------------------


def bar(here: str, page_file: str = "") -> None:
    """The class's bar at the top of the page, for its teacher or a student; a message from joining.
    ``page_file``: this page's file (a student's first poll after a page change draws it again)."""
    ss = st.session_state
    if role() == "student" and page_file:
        if ss.get(LAST_PAGE) not in (None, here):
            ss[REDRAW] = page_file
        ss[LAST_PAGE] = here
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(tx(notice[0], **notice[1]), icon="🔗")
    r = role()
    if r == "teacher":
        teacher_bar(here)
    elif r == "student":
        student_bar()


def start_ui() -> None:
    """In the sidebar's teaching box: start a live class; while one runs, its teacher link (in the
    sidebar, which presenter mode hides: the invitation a teacher projects never shows the key)."""
    k = st.session_state.get(CLASS)
    if k and k["role"] == "teacher":
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
