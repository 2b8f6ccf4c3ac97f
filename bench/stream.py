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
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import h11


class ClassStream:
    def __init__(self, base: str, code: str, token: str, cookies: str = "") -> None:
        self.base, self.code, self.token, self.cookies = base, code, token, cookies
        self.opened = 0  # streams opened (1 + reconnects)
        self.status = 0  # the last answer's HTTP status
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
