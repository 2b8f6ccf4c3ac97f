"""One simulated student: Streamlit's own websocket protocol, as the browser speaks it.

A student first GETs the page (as a browser does; behind nginx this is
where the sticky-route cookie is set), then opens ``/_stcore/stream``, asks
for a script run with the page's query string, and from the deltas learns
the id of the ``step_next`` button and the fragment it lives in. A click is
``BackMsg.rerun_script`` with that button's trigger and the fragment id,
exactly what the frontend sends; it is served when ``script_finished``
arrives. Used by bench/load.py and the deployment tests.
"""

from __future__ import annotations

import asyncio
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
    button: str = ""  # widget id of step_next
    fragment: str = ""  # fragment the button lives in
    page_hash: str = ""
    texts: list[str] = field(default_factory=list)  # markdown/caption text of the last run
    ids: dict[str, str] = field(default_factory=dict)  # widget key -> widget id, learnt from the deltas
    values: dict[str, object] = field(
        default_factory=dict
    )  # widget id -> WidgetState we set (sent every time)
    upstream: str = ""  # which replica served the page (nginx's X-Upstream header), if behind nginx

    async def open(self) -> None:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        resp = await asyncio.to_thread(lambda: opener.open(self.base + "/", timeout=10))
        self.upstream = resp.headers.get("X-Upstream", "")
        resp.read()
        self.cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
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
        self.texts = []
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = self.page_hash or fm.new_session.main_script_hash
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                which = el.WhichOneof("type")
                wid = getattr(getattr(el, which), "id", "") if which else ""
                if isinstance(wid, str) and wid.startswith("$$ID-"):
                    self.ids[wid.rsplit("-", 1)[-1]] = wid
                if which == "button" and el.button.id.endswith("-step_next"):
                    self.button, self.fragment = el.button.id, fm.delta.fragment_id
                elif which == "markdown":
                    self.texts.append(el.markdown.body)
            elif kind == "script_finished":
                return time.perf_counter() - t0

    async def step(self) -> float:
        """Click step_next, as the browser does inside the fragment."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        w = WidgetState(id=self.button, trigger_value=True)
        return await self.rerun([w], self.fragment)

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

    def ws_upstream(self) -> str:
        """The replica nginx sent the websocket to (its handshake's X-Upstream header)."""
        return self.ws.response.headers.get("X-Upstream", "") if self.ws is not None else ""

    def caption(self) -> str:
        """'Step t = N of T …' as the page shows it (a caption, or the first line of a markdown block)."""
        import re

        for s in self.texts:
            m = re.search(r"Step t = \d+ of \d+[^\]\n]*", s)
            if m:
                return m.group(0)
        return ""

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
