"""The class's moves, pushed to every following browser as they happen (no poll).

A following student's browser opens one stream (Server-Sent Events) beside the app:

    GET /gatelab/class/CODE/events?s=TOKEN      text/event-stream, one ``data:`` line per move
    GET /gatelab/class/CODE/wait?s=TOKEN&after=V a long poll, where a proxy holds streams back:
                                                 the next move after version V (or the same one
                                                 after ``LONG_POLL`` seconds)

Every message is the class's state as every student may see it, nothing more (never the
teacher's key, never the question's spec: a student's app words the question itself):

    {"state": "live", "v": version, "key": what the view is besides the step, "t": the step (0-based),
     "reveal": once the teacher revealed the open question, what every student may now see of it:
               {"id": the question's id, "answer": the right option,
                "why": {language: the explanation}, "answer_label": {language: the option's words}}}
    {"state": "paused"}   the store went away (Redis stopped): every app goes on alone
    {"state": "ended"}    the class ended (or never was): the stream closes

A message whose ``key`` is the one the student's app last applied is a step: the browser moves
its stepper at once, with no Streamlit rerun (``ui/stepper/follow.js``), and a reveal is shown
under the question in the same way (the key does not change with a step question's reveal; the
answer reaches the browser only with it). Any other (another page, model, chapter, question,
pace, the reveal of a lesson's question about a whole series, whose chart then appears) asks the
class bar's fragment to run once, and it reads the store. Each message is the whole state, so a browser that missed some (a laptop asleep)
catches up with the next one, and the first message of every stream is the class's state now.

The hub fans out: the store tells it which class changed (``MemoryStore`` in this process, or
Redis pub/sub from every replica, ``live.store``), it reads that class's state once and hands the
same bytes to every stream of that class on this process. Streams say who is present (their
student's token, every ``SEEN_EVERY`` seconds, in one store call per class), so the teacher's
count needs no poll either. Only a student who joined (through the app, whose join codes are
rate-limited) may open a class's stream: anyone else gets the same 404 as a code with no class, so
the stream confirms no code. A browser holds at most ``PER_STUDENT`` streams per student token (the
oldest is closed), a process at most ``MAX_STREAMS``.

No Streamlit here: the routes are Starlette's, served beside the app by ``st.App`` (app.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from live.store import ClassState, StoreDown, store, valid_code

EVENTS = "/gatelab/class/{code}/events"
WAIT = "/gatelab/class/{code}/wait"
HEARTBEAT = 15.0  # seconds: a ping keeps proxies from closing a quiet stream, and tells the browser it lives
PING = b"event: ping\ndata: {}\n\n"  # follow.js opens the stream again after 40 s without a word
RETRY_MS = 2000  # the browser's first reconnect delay (EventSource ``retry:``); follow.js backs off further
LONG_POLL = 25.0  # seconds a long poll waits for a move before it answers with the same state
SEEN_EVERY = 5.0  # seconds between two "present" marks of a stream's student (store.PRESENT is 15)
PER_STUDENT = 3  # streams one student token may hold at once (tabs); a fourth closes the oldest
MAX_STREAMS = int(os.environ.get("GATELAB_MAX_STREAMS", "2000"))  # per process
_TOKEN = re.compile(r"[0-9a-f]{8,32}")


def view_key(view: dict | None, question: dict | None) -> str:
    """What a student's app must apply besides the step: the class's page and link fields without
    ``t``, its pace, its open question (id) and, for a question about a whole series (a lesson's,
    whose hidden chart appears with the answer), whether it is revealed. Two views with the same key
    differ at most in their step and a step question's reveal, which the browser shows from the
    message itself. (A hash: it says nothing of the view itself.)"""
    view = view or {}
    series = bool(question and (question.get("spec") or {}).get("step", 0) < 0)
    where = {
        "page": view.get("page"),
        "params": {a: b for a, b in (view.get("params") or {}).items() if a != "t"},
        "pace": view.get("pace") or {},
        "q": [question.get("id"), series and bool(question.get("revealed"))] if question else None,
    }
    return hashlib.sha1(json.dumps(where, sort_keys=True).encode()).hexdigest()[:16]


def message(c: ClassState | None, down: bool = False) -> dict:
    """The class's state as its stream says it (module docstring)."""
    if down:
        return {"state": "paused"}
    if c is None:
        return {"state": "ended"}
    try:
        t = int((c.view.get("params") or {})["t"]) - 1
    except (KeyError, TypeError, ValueError):
        t = None
    msg = {"state": "live", "v": c.version, "key": view_key(c.view, c.question), "t": t}
    q = c.question
    if q and q.get("revealed") and q.get("shown"):
        msg["reveal"] = {"id": q["id"], **q["shown"]}
    return msg


def _frame(msg: dict) -> bytes:
    return b"data: " + json.dumps(msg, separators=(",", ":")).encode() + b"\n\n"


@dataclass(eq=False)
class _Stream:
    code: str
    token: str
    msg: dict = field(default_factory=dict)  # the latest state for this stream
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False
    since: float = field(default_factory=time.monotonic)


class Hub:
    """This process's streams, by class; one reader of the store's changes (module docstring)."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.classes: dict[str, set[_Stream]] = {}
        self.last: dict[str, dict] = {}  # code -> the latest message (a late one never overtakes it)
        self._stop_store = None
        self._seen_task: asyncio.Task | None = None
        self._lock = threading.Lock()  # ``classes``' keys, read from the store's threads

    # -- the store's side (any thread) --------------------------------------------------

    def changed(self, code: str | None) -> None:
        """The store says class ``code`` changed (None: every class may have, the store is back).
        Read each class's state here (the caller's thread), hand it to the event loop."""
        with self._lock:
            codes = list(self.classes) if code is None else [code] if code in self.classes else []
        for c in codes:
            try:
                msg = message(store().get(c))
            except StoreDown:
                msg = message(None, down=True)
            self._post(c, msg)

    def went_down(self) -> None:
        """The store went away: every stream says *paused* (their apps go on alone)."""
        with self._lock:
            codes = list(self.classes)
        for c in codes:
            self._post(c, message(None, down=True))

    def _post(self, code: str, msg: dict) -> None:
        if self.loop is not None and not self.loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop is closing
                self.loop.call_soon_threadsafe(self._deliver, code, msg)

    # -- the event loop's side ----------------------------------------------------------

    def _deliver(self, code: str, msg: dict) -> None:
        last = self.last.get(code)
        if (
            last is not None
            and msg.get("state") == last.get("state") == "live"
            and (msg["v"] < last["v"] or msg == last)
        ):
            return  # an older state read late, or nothing new
        self.last[code] = msg
        for s in self.classes.get(code, ()):
            s.msg = msg
            s.wake.set()

    def _add(self, s: _Stream) -> None:
        with self._lock:
            streams = self.classes.setdefault(s.code, set())
            mine = [o for o in streams if o.token == s.token]
            streams.add(s)
        if len(mine) >= PER_STUDENT:  # a browser's tabs: the oldest goes
            oldest = min(mine, key=lambda o: o.since)
            self._close(oldest)

    def _close(self, s: _Stream) -> None:
        s.closed = True
        s.wake.set()
        self._remove(s)

    def _remove(self, s: _Stream) -> None:
        with self._lock:
            streams = self.classes.get(s.code)
            if streams is not None:
                streams.discard(s)
                if not streams:
                    del self.classes[s.code]
                    self.last.pop(s.code, None)

    def count(self) -> int:
        return sum(len(v) for v in self.classes.values())

    async def _seen_loop(self) -> None:
        """Every stream's student is present: one store call per class, off the event loop."""
        while True:
            await asyncio.sleep(SEEN_EVERY)
            with self._lock:
                who = {code: sorted({s.token for s in streams}) for code, streams in self.classes.items()}
            for code, tokens in who.items():
                with contextlib.suppress(StoreDown):
                    await asyncio.to_thread(store().seen, code, tokens)

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop_store = store().subscribe(self.changed, self.went_down)
        self._seen_task = asyncio.create_task(self._seen_loop())

    async def stop(self) -> None:
        if self._seen_task:
            self._seen_task.cancel()
        if self._stop_store:
            self._stop_store()
        for streams in list(self.classes.values()):
            for s in list(streams):
                self._close(s)
        self.loop = None

    # -- a stream -----------------------------------------------------------------------

    async def open(self, code: str, token: str) -> tuple[int, dict | None, _Stream | None]:
        """A new stream of class ``code`` for student ``token``: (HTTP status, its first message, the
        stream). 404: no such class; 503: this process holds its most streams."""
        if self.count() >= MAX_STREAMS:
            return 503, None, None
        try:
            joined = await asyncio.to_thread(store().member, code, token)
        except StoreDown:
            joined = True  # (the stream says paused, and the class's state once the store is back)
        if not joined:  # no such class, or not a student of it: the same answer (no code is confirmed)
            return 404, {"state": "ended", "error": "no class has this code (it ended, or never began)"}, None
        s = _Stream(code, token)
        self._add(s)  # first: a change made while the store is read below reaches this stream too
        try:
            msg = message(await asyncio.to_thread(store().get, code, token))
        except StoreDown:
            msg = message(None, down=True)
        if msg["state"] == "ended":
            self._remove(s)
            return 404, dict(msg, error="no class has this code (it ended, or never began)"), None
        heard = s.msg  # (a change delivered meanwhile: the newer of the two is the first message)
        if not (heard and heard.get("state") == msg["state"] == "live" and heard["v"] >= msg["v"]):
            s.msg = msg
        last = self.last.get(code)
        if s.msg["state"] == "live" and (
            last is None or last.get("state") != "live" or last["v"] <= s.msg["v"]
        ):
            self.last[code] = s.msg
        return 200, dict(s.msg), s

    async def frames(self, s: _Stream, first: dict) -> AsyncIterator[bytes]:
        """The stream's bytes: its first state, then every change, and a heartbeat when quiet."""
        try:
            yield f"retry: {RETRY_MS}\n\n".encode() + _frame(first)
            sent = first
            while not s.closed:
                try:
                    await asyncio.wait_for(s.wake.wait(), HEARTBEAT)
                except TimeoutError:
                    yield PING  # (an event, not a comment: the browser's watchdog hears it)
                    continue
                s.wake.clear()
                if s.closed:
                    break
                if s.msg != sent:
                    sent = s.msg
                    yield _frame(sent)
                    if sent.get("state") == "ended":
                        break
        finally:
            self._remove(s)

    async def wait(self, s: _Stream, first: dict, after: int | None) -> dict:
        """A long poll: the first state if it is not version ``after``, else the next (or the same
        after ``LONG_POLL`` seconds)."""
        try:
            if first.get("state") != "live" or after is None or first.get("v") != after:
                return first
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(s.wake.wait(), LONG_POLL)
            return s.msg
        finally:
            self._remove(s)


HUB = Hub()


def _args(request) -> tuple[str, str] | None:
    code = str(request.path_params.get("code", "")).upper()
    token = request.query_params.get("s", "")
    if not valid_code(code) or not _TOKEN.fullmatch(token):
        return None
    return code, token


async def events(request):
    """``GET /gatelab/class/CODE/events?s=TOKEN``: the class's stream (module docstring)."""
    from starlette.responses import JSONResponse, StreamingResponse

    args = _args(request)
    if args is None:
        return JSONResponse({"error": "a class code and a student token, please"}, status_code=400)
    status, first, s = await HUB.open(*args)
    if s is None:
        return JSONResponse(
            first or {"error": "too many streams on this server"},
            status_code=status,
            headers={"Retry-After": "5"} if status == 503 else None,
        )
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}  # (nginx: pass each line on)
    return StreamingResponse(HUB.frames(s, first), media_type="text/event-stream", headers=headers)


async def wait(request):
    """``GET /gatelab/class/CODE/wait?s=TOKEN&after=V``: a long poll (module docstring)."""
    from starlette.responses import JSONResponse

    args = _args(request)
    if args is None:
        return JSONResponse({"error": "a class code and a student token, please"}, status_code=400)
    try:
        after = int(request.query_params.get("after", ""))
    except ValueError:
        after = None
    status, first, s = await HUB.open(*args)
    if s is None:
        return JSONResponse(first or {"error": "too many streams on this server"}, status_code=status)
    return JSONResponse(await HUB.wait(s, first, after), headers={"Cache-Control": "no-store"})


def routes() -> list:
    """The routes ``st.App`` serves beside the app (app.py)."""
    from starlette.routing import Route

    return [Route(EVENTS, events, methods=["GET"]), Route(WAIT, wait, methods=["GET"])]


@contextlib.asynccontextmanager
async def lifespan(_app) -> AsyncIterator[None]:
    """The hub runs as long as the server (``st.App``'s lifespan)."""
    await HUB.start()
    try:
        yield
    finally:
        await HUB.stop()
