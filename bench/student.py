"""One simulated student: Streamlit's own websocket protocol, as the browser speaks it.

A student first GETs the page (as a browser does; behind nginx this is
where the sticky-route cookie is set), then opens ``/_stcore/stream``, asks
for a script run with the page's query string, and from the deltas learns
the page's stepper (the components-v2 element that steps in the browser,
ui/stepper/__init__.py) and its data, the view of every step, and the id of its beacon
and the fragment the beacon lives in. A step costs the server nothing; when
stepping pauses the browser tells the server the step it shows:
``BackMsg.rerun_script`` with the beacon's state ``{"step": [n, nonce]}`` as
a json value and the beacon's fragment id, exactly what the frontend sends. ``step()`` does one step and that report
(what a student stepping once a second costs); it is served when
``script_finished`` arrives. Used by bench/load.py and the deployment tests.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Student:
    base: str  # http://host:port
    query: str = "t=1"
    cookies: str = ""
    ws: object = None
    stepper: str = ""  # widget id of the page's stepper
    fragment: str = ""  # fragment the stepper lives in
    data: dict = field(default_factory=dict)  # the stepper's data: every step's view
    shown: int = 0  # the step on screen (0-based): the browser's own
    seek: str = ""  # the server's last seek token (ui/stepper/__init__.py)
    nonce: int = 0  # the beacon's report counter (a report of an unchanged step still counts)
    url_step: int = 0  # the step the server knows (1-based, from the address bar it writes)
    page_hash: str = ""
    texts: list[str] = field(default_factory=list)  # markdown/caption text of the last run
    ids: dict[str, str] = field(default_factory=dict)  # widget key -> widget id, learnt from the deltas
    values: dict[str, object] = field(
        default_factory=dict
    )  # widget id -> WidgetState we set (sent every time)
    upstream: str = ""  # which replica served the page (nginx's X-Upstream header), if behind nginx
    # a live class (ui/teach/classroom.py): what the follow component last carried, the fragment that polls
    follow: tuple[int, int] | None = None  # (moves, step) as the student's browser gets it
    class_data: dict = field(default_factory=dict)  # the follow component's data (its stream, key, token)
    poll_fragment: str = ""  # the student's bar: the fragment the class's stream runs again
    live_fragment: str = ""  # the teacher's bar of who is here and the answers (every second)
    codes: list[str] = field(default_factory=list)  # st.code bodies of the last run
    options: dict[str, list[str]] = field(default_factory=dict)  # radio key -> its option labels

    async def open(self) -> None:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        resp = await asyncio.to_thread(lambda: opener.open(self.base + "/", timeout=10))
        self.upstream = resp.headers.get("X-Upstream", "")
        resp.read()
        self.cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
        await self.connect()

    async def connect(self) -> None:
        """The websocket and the page's first run (``open`` without the page's HTML: ``cookies`` are
        what the browser keeps)."""
        headers = {"Cookie": self.cookies} if self.cookies else {}
        url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            url,
            subprotocols=["streamlit"],
            additional_headers=headers,
            origin=self.base,
            max_size=None,
            open_timeout=20,
        )
        await self.rerun()

    async def rerun(self, widgets: list | None = None, fragment: str = "") -> float:
        """Send one rerun; return seconds until script_finished."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash
        if fragment:
            cs.fragment_id = fragment
        for w in [*self.values.values(), *(widgets or ())]:  # like the frontend: every widget's value
            cs.widget_states.widgets.append(w)
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        self.texts, self.codes = [], []
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = self.page_hash or fm.new_session.main_script_hash
            elif kind == "page_not_found" or kind == "pages_changed":
                pass
            elif kind == "page_info_changed":
                import re

                m = re.search(r"(?:^|&)t=(\d+)", fm.page_info_changed.query_string)
                if m:
                    self.url_step = int(m.group(1))
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                which = el.WhichOneof("type")
                wid = getattr(getattr(el, which), "id", "") if which else ""
                if isinstance(wid, str) and wid.startswith("$$ID-"):
                    self.ids[wid.rsplit("-", 1)[-1]] = wid
                if which == "bidi_component" and el.bidi_component.id.endswith("-step_beacon"):
                    self.stepper, self.fragment = el.bidi_component.id, fm.delta.fragment_id
                elif which == "bidi_component" and "-stepper_" in el.bidi_component.id:
                    if el.bidi_component.json:
                        self.data = json.loads(el.bidi_component.json)
                        token, step = self.data["seek"]
                        if token != self.seek:  # the server moved the step: the browser shows it
                            self.seek, self.shown = token, step
                elif which == "bidi_component" and el.bidi_component.id.endswith("-class_follow"):
                    d = json.loads(el.bidi_component.json or "{}")
                    if (
                        self.follow is None or d.get("v") != self.follow[0]
                    ):  # follow.js: the stepper goes there
                        self.shown = d.get("step", self.shown)
                    self.follow, self.poll_fragment = (d.get("v"), d.get("step")), fm.delta.fragment_id
                    self.class_data = d
                elif which == "markdown":
                    self.texts.append(el.markdown.body)
                    if "answers" in el.markdown.body or "回答" in el.markdown.body:
                        self.live_fragment = fm.delta.fragment_id or self.live_fragment
                elif which == "alert":
                    self.texts.append(el.alert.body)
                elif which == "code":
                    self.codes.append(el.code.code_text)
                elif which == "radio":
                    self.options[el.radio.id.rsplit("-", 1)[-1]] = list(el.radio.options)
            elif kind == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun: the next run follows at once, as the browser sees it
                return time.perf_counter() - t0

    def step_local(self) -> None:
        """One step on, in the browser: no server involved; the address bar names it (ui/stepper)."""
        self.show(self.shown + 1)

    def show(self, step: int) -> None:
        """The browser's stepper shows ``step`` (0-based; a live class's stream moved it, or the
        student stepped): no server involved; the address bar names it (ui/stepper)."""
        import re

        self.shown = min(step, self.data["T"] - 1)
        q = re.sub(r"(^|&)t=\d+", rf"\g<1>t={self.shown + 1}", self.query)
        self.query = q if q != self.query or "t=" in self.query else f"{self.query}&t={self.shown + 1}"

    def step_message(self) -> bytes:
        """One step on, in the browser, and the beacon's report of it (what the browser sends to tell
        the server the step: at most every few seconds, ui/stepper/stepper.js)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        self.step_local()
        self.nonce += 1
        self.values[self.stepper] = WidgetState(
            id=self.stepper, json_value=json.dumps({"step": [self.shown, self.nonce]})
        )
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string, cs.page_script_hash, cs.fragment_id = self.query, self.page_hash, self.fragment
        for w in self.values.values():
            cs.widget_states.widgets.append(w)
        return msg.SerializeToString()

    async def step(self) -> float:
        """Step on and report it, as the browser does inside the beacon's fragment; seconds until served."""
        self.step_message()
        return await self.rerun(fragment=self.fragment)

    async def report(self) -> float:
        """Tell the server the step shown (the beacon), without stepping; seconds until served."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        self.nonce += 1
        self.values[self.stepper] = WidgetState(
            id=self.stepper, json_value=json.dumps({"step": [self.shown, self.nonce]})
        )
        return await self.rerun(fragment=self.fragment)

    async def set_int(self, key: str, value: int) -> float:
        """Set an integer widget (a number input or slider) by its key: a full rerun, as the browser does."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.ids[key]
        self.values[wid] = (
            WidgetState(id=wid, int_value=value)
            if "number" in key or key == "seed"
            else WidgetState(id=wid, double_value=value)
        )
        return await self.rerun()

    async def click(self, key: str) -> float:
        """Click the button ``key`` (a trigger, as the browser sends it): a full rerun."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.ids[key]
        return await self.rerun(widgets=[WidgetState(id=wid, trigger_value=True)])

    def choose(self, key: str, index: int) -> None:
        """Pick option ``index`` of the radio ``key`` (its label is its value, as the browser sends it;
        kept, like every widget value the browser holds, for the next run)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.ids[key]
        self.values[wid] = WidgetState(id=wid, string_value=self.options[key][index])

    async def poll(self, fragment: str = "") -> float:
        """One run of a fragment, as the browser asks for it: the teacher's live counts (every second),
        or a student's class bar (when the class's stream says the class moved, bench/stream.py)."""
        return await self.rerun(fragment=fragment or self.poll_fragment)

    def ws_upstream(self) -> str:
        """The replica nginx sent the websocket to (its handshake's X-Upstream header)."""
        return self.ws.response.headers.get("X-Upstream", "") if self.ws is not None else ""

    def caption(self) -> str:
        """'Step t = N of T' for the step the server knows this student is on (its address bar)."""
        return f"Step t = {self.url_step} of {self.data.get('T', 0)}"

    def reading(self) -> str:
        """The reading of the step on screen, as the browser builds it from the stepper's data
        (ui/stepper/words.js; its Python twin is tests/steptext.py)."""
        from tests.steptext import Words

        return Words(json.loads(self.data["payload"])).reading(self.shown)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
