"""A live class's stream, read as a browser's EventSource reads it (ui/stepper/follow.js).

``ClassStream(base, code, token)`` opens ``GET /gatelab/class/CODE/events?s=TOKEN`` (live/push.py)
over HTTP/1.1 (h11 speaks the protocol: chunked bodies, keep-alive), and yields every message as a
dict. If the stream closes or cannot be opened it opens it again, after 2 s and then backing off to
30 s as follow.js does, and the new stream's first message is the class's state now. Used by
bench/class.py and the deployment tests.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import h11


async def fetch(
    base: str, path: str, cookies: str = "", headers: list | None = None
) -> tuple[int, dict, bytes]:
    """One GET over a connection of its own, as a browser's first visit makes it: (status, headers with
    lower-case names, every ``set-cookie`` joined by "\\n", body)."""
    u = urlsplit(base)
    reader, writer = await asyncio.open_connection(u.hostname, u.port or 80, limit=1 << 20)
    try:
        conn = h11.Connection(h11.CLIENT)
        head = [("Host", u.netloc), *(headers or [])] + ([("Cookie", cookies)] if cookies else [])
        writer.write(conn.send(h11.Request(method="GET", target=path, headers=head)))
        writer.write(conn.send(h11.EndOfMessage()))
        await writer.drain()
        status, got, body = 0, {}, b""
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(await reader.read(65536))
            elif isinstance(event, h11.Response):
                status = event.status_code
                for k, v in event.headers:
                    k = k.decode().lower()
                    got[k] = got[k] + "\n" + v.decode() if k in got else v.decode()
            elif isinstance(event, h11.Data):
                body += bytes(event.data)
            elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                return status, got, body
    finally:
        writer.close()


class ClassStream:
    def __init__(self, base: str, code: str, token: str, cookies: str = "") -> None:
        self.base, self.code, self.token, self.cookies = base, code, token, cookies
        self.opened = 0  # streams opened (1 + reconnects)
        self.status = 0  # the last answer's HTTP status
        self.pings = 0  # heartbeats heard
        self._writer: asyncio.StreamWriter | None = None
        self.closed = False

    async def _open(self) -> tuple[asyncio.StreamReader, h11.Connection]:
        u = urlsplit(self.base)
        reader, writer = await asyncio.open_connection(u.hostname, u.port or 80, limit=1 << 20)
        self._writer = writer
        conn = h11.Connection(h11.CLIENT)
        path = f"/gatelab/class/{self.code}/events?s={self.token}"
        headers = [("Host", u.netloc), ("Accept", "text/event-stream"), ("Cache-Control", "no-store")]
        if self.cookies:
            headers.append(("Cookie", self.cookies))
        writer.write(conn.send(h11.Request(method="GET", target=path, headers=headers)))
        writer.write(conn.send(h11.EndOfMessage()))
        await writer.drain()
        self.opened += 1
        return reader, conn

    async def _read(self, reader: asyncio.StreamReader, conn: h11.Connection) -> AsyncIterator[dict]:
        buf = b""
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                data = await reader.read(65536)
                conn.receive_data(data)
                if not data:
                    return
                continue
            if isinstance(event, h11.Response):
                self.status = event.status_code
            elif isinstance(event, h11.Data):
                buf += bytes(event.data)
                while b"\n\n" in buf:
                    block, buf = buf.split(b"\n\n", 1)
                    lines = [ln[5:].lstrip() for ln in block.split(b"\n") if ln.startswith(b"data:")]
                    if b"\nevent: ping" in b"\n" + block:  # the heartbeat (follow.js's watchdog hears it)
                        self.pings += 1
                        continue
                    if lines and self.status == 200:
                        yield json.loads(b"\n".join(lines))
            elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                if self.status != 200 and buf:
                    yield {"state": "refused", "status": self.status, "body": json.loads(buf or b"{}")}
                return

    async def messages(self, reconnect: bool = True) -> AsyncIterator[dict]:
        """Every message of the class, across reconnects, until ``close()`` or an ended class."""
        delay = 2.0
        while not self.closed:
            try:
                reader, conn = await self._open()
                async for msg in self._read(reader, conn):
                    delay = 2.0
                    yield msg
                    if msg.get("state") in ("ended", "refused"):
                        return
            except (OSError, h11.RemoteProtocolError):
                pass
            finally:
                if self._writer is not None:
                    self._writer.close()
            if not reconnect or self.closed:
                return
            await asyncio.sleep(delay + random.random() * 0.5)
            delay = min(2 * delay, 30.0)

    def close(self) -> None:
        self.closed = True
        if self._writer is not None:
            self._writer.close()


class Follower:
    """A following student's browser: its app (a ``bench.student.Student`` that joined the class)
    and the class's stream, handled as follow.js handles it: a message with the key and state the
    app applied is a step, shown at once (nothing sent to the server), and so is the answer the
    message brings when the teacher reveals a question (``revealed``: when it was on screen); any
    other runs the class bar's fragment once (``reruns``), as the component's trigger does."""

    def __init__(self, s, code: str) -> None:
        self.s, self.code = s, code
        self.seen: dict[int, list[float]] = {}  # step (0-based) -> when it reached the screen (each time)
        self.shown: int | None = None
        self.stream: ClassStream | None = None
        self.errors: list[str] = []
        self.reruns = 0  # runs of the class bar the stream asked for
        self.ran: list[float] = []  # when each of them was on screen
        self.revealed: list[float] = []  # when a revealed answer reached the screen
        self.answers: set[str] = set()  # the questions whose answer it has shown
        self.last: dict = {}  # the last message
        self.heard = 0  # messages heard

    async def run(self) -> None:
        d = self.s.class_data
        self.stream = ClassStream(self.s.base, self.code, d["token"], self.s.cookies)
        try:
            async for msg in self.stream.messages():
                now = time.perf_counter()
                self.last, self.heard = msg, self.heard + 1
                d = self.s.class_data
                if msg.get("state") == "refused":
                    self.errors.append(f"the stream was refused: {msg}")
                    return
                if msg.get("state") != d.get("state") or (
                    msg["state"] == "live" and msg["key"] != d.get("key")
                ):
                    await self.s.rerun(fragment=self.s.poll_fragment)  # the bar runs once
                    self.reruns += 1
                    self.ran.append(time.perf_counter())
                    t = self.s.follow[1] if self.s.follow and self.s.class_data.get("following") else None
                elif msg["state"] == "live" and d.get("following"):
                    t = msg["t"]
                    q = d.get("q") or {}
                    rv = msg.get("reveal")
                    if (
                        rv
                        and rv["id"] == q.get("id")
                        and not q.get("revealed")
                        and rv["id"] not in self.answers
                    ):
                        self.answers.add(rv["id"])
                        self.revealed.append(now)  # follow.js draws it under the question, no rerun
                else:
                    t = None
                if t is not None and t != self.shown:
                    self.shown = t
                    self.s.show(t)  # (follow.js -> the stepper: on screen, and in the address bar)
                    self.seen.setdefault(t, []).append(now)
        except Exception as e:  # noqa: BLE001  (a lost follower is counted, not fatal)
            self.errors.append(repr(e))

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
