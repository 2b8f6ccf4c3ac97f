"""A hall opening the teacher's link at once: the class's diagram before the student's app.

Every student who opens ``/?join=CODE`` costs the server one Streamlit session and one run of the
page (about 55 ms of CPU, bench/hall.py); 250 at once queue for over ten seconds on one process.
What they came to see, the diagram at the class's step, needs none of that: the teacher's app has
already built it. So:

- the teacher's app stores the stepper's data of its view, in each language, as a following
  student's stepper gets it (``store.show``, from ``ui.teach.classroom.publish_diagram``), with
  the key of that view (``diagram_key``: the page and the link's fields without the step);
- the page's HTML for a student's link (``HallPage``, a middleware around Streamlit's own
  ``index.html``, read once) carries two small scripts: the first names the student in the cookie the
  app keeps (``gatelab_student``: the app then joins as the same student), asks for the hall's
  answer, and holds Streamlit's own script back until the student's turn (``Admit``: a hall's apps
  open 8 at once, then 20 a second per process, ``GATELAB_JOINS_PER_S``, in the order they came,
  so that they do not starve the hall's answers);
- ``GET /gatelab/class/CODE/hall`` (``hall``) answers, from the store alone, the class's state
  (the stream's message, ``live.push``) and that data in the student's language, if it is the
  diagram of the class's view now; the join's limit on wrong codes (``store.join_wait``) holds
  here too, and a wrong code gets the same 404 as the stream's;
- ``ui/stepper/hall.js`` draws it with the stepper's own code over the page while Streamlit's
  page is still opening, follows the class's stream (every step, at once), and goes away when the
  student's app has drawn the class's page (its class bar is on screen), 5 s after an app run
  without it (a failed join), when the class ends (the app then opens at once), or after 3 minutes.

A student whose browser keeps the teacher's key, a link with ``teach=``, a code that is not one:
no hall view, the app opens as it always did. Nothing here is needed for the app to work.

No Streamlit here: Starlette's routes and a plain ASGI middleware, served by ``st.App`` (app.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import secrets
import threading
import time
from urllib.parse import parse_qs

from live.push import message
from live.store import IDLE, StoreDown, store, valid_code

HALL = "/gatelab/class/{code}/hall"
ASSETS = "/gatelab/hall/{name}"
STUDENT_COOKIE, TEACH_COOKIE = "gatelab_student", "gatelab_teach"  # as ui/teach/classroom.py keeps them
LANGS = ("en", "zh")
_APP_SCRIPT = re.compile(
    rb'<script type="module" crossorigin src="(\./static/js/index\.[\w-]+\.js)"></script>'
)
LATER = "gatelab-app-script"  # Streamlit's own script in a student's page, held back for its turn
START_ANYWAY_MS = 30000  # the app's script starts after this whatever happened to the hall's answer


class Admit:
    """Turns for students' apps to open (a token bucket): ``burst`` at once, then ``rate`` a second,
    in the order they came. Every app that opens costs the server one Streamlit session and one run
    of the page; a hall's 250 at once would queue on the server and starve the hall's own answers,
    so each browser, which already shows the class's diagram, opens its app at its turn instead.
    ``GATELAB_JOINS_PER_S``: the rate (about what one process serves; bench/hall.py)."""

    KEEP = 600.0  # seconds a student keeps their turn (a reload, the hall view asking again)

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.last = burst, time.monotonic()
        self.turns: dict[str, float] = {}  # student -> when their turn is (monotonic), in the order taken
        self._lock = threading.Lock()

    def wait(self, student: str = "") -> float:
        """Seconds until ``student``'s app may open (0: now). One turn per student: asking again (the
        hall view after the class's view changed, a reload) gives the same turn, not a new one."""
        with self._lock:
            now = time.monotonic()
            turn = self.turns.get(student) if student else None
            if turn is not None and now - turn < self.KEEP:
                return max(0.0, turn - now)
            while self.turns and now - next(iter(self.turns.values())) > self.KEEP:  # the oldest go
                self.turns.pop(next(iter(self.turns)))
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            self.tokens -= 1
            wait = 0.0 if self.tokens >= 0 else -self.tokens / self.rate
            if student:
                self.turns.pop(student, None)
                self.turns[student] = now + wait
            return wait


ADMIT = Admit(float(os.environ.get("GATELAB_JOINS_PER_S", "20")), burst=8)


def diagram_key(view: dict | None) -> str:
    """Which view a stored diagram belongs to: the class's page and link fields, without the step
    (a step moves the diagram; anything else is another diagram)."""
    view = view or {}
    where = {
        "page": view.get("page"),
        "params": {a: b for a, b in (view.get("params") or {}).items() if a != "t"},
    }
    return hashlib.sha1(json.dumps(where, sort_keys=True).encode()).hexdigest()[:16]


def _kept(cookies: dict[str, str], name: str, code: str) -> str:
    saved, _, value = cookies.get(name, "").partition(".")
    return value if saved == code and value else ""


def language(query: dict[str, list[str]], accept: str) -> str:
    """The student's language as the app will choose it (ui/shell/state.py): the link's ``lang``,
    else the browser's (its first language Chinese: 简体中文), else English."""
    asked = (query.get("lang") or [""])[0]
    if asked in LANGS:
        return asked
    first = accept.split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"


class HallPage:
    """ASGI middleware: a following student's link (``/?join=CODE`` on one of ``pages``, without
    ``teach``) gets Streamlit's page with the hall view's two scripts (module docstring), Streamlit's
    own held back for its turn. Everything else passes."""

    def __init__(self, app, pages: set[str], version: str = "") -> None:
        self.app, self.pages, self.version = app, pages, version
        self.page: tuple[list, bytes] | None = None  # Streamlit's index.html as first served: (headers, body)

    def _code(self, scope) -> tuple[str, dict] | None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"] not in self.pages
        ):
            return None
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        code = (query.get("join") or [""])[0].strip().upper()
        if not valid_code(code) or query.get("teach"):
            return None
        return code, query

    async def __call__(self, scope, receive, send) -> None:
        found = self._code(scope)
        if found is None:
            await self.app(scope, receive, send)
            return
        code, query = found
        if self.page is not None:  # (the same file for every page: read once, a hall asks 250 times at once)
            await self._send(send, scope, code, query, dict(self.page[0]), self.page[1])
            return
        headers = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]  # the page, not gzipped
        scope = dict(scope, headers=headers)
        start: dict = {}
        body: list[bytes] = []

        async def wrapped(msg) -> None:
            if msg["type"] == "http.response.start":
                start.update(msg)
                return
            if msg["type"] != "http.response.body" or not start:
                await send(msg)
                return
            body.append(msg.get("body", b""))
            if msg.get("more_body"):
                return
            page = b"".join(body)
            head = [
                (k, v)
                for k, v in start.get("headers", [])
                if k not in (b"content-length", b"etag", b"last-modified")
            ]
            if start.get("status") == 200 and dict(head).get(b"content-type", b"").startswith(b"text/html"):
                if _APP_SCRIPT.search(page) and b"<head>" in page:
                    self.page = (head, page)
                await self._send(send, scope, code, query, dict(start, headers=head), page)
                return
            await send(start)
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, wrapped)

    async def _send(self, send, scope, code: str, query: dict, start: dict, page: bytes) -> None:
        """Streamlit's page with the hall view's scripts, its own script held back until its turn."""
        head = list(start.get("headers", []))
        app = _APP_SCRIPT.search(page)
        if app and b"<head>" in page:
            held = (
                b'<script type="gatelab/later" id="'
                + LATER.encode()
                + b'" src="'
                + app.group(1)
                + b'"></script>'
            )
            page = page.replace(app.group(0), held, 1)
            page = page.replace(b"<head>", b"<head>" + self._scripts(code, query), 1)
            head = [(k, v) for k, v in head if k != b"cache-control"] + [(b"cache-control", b"no-store")]
        head = [(k, v) for k, v in head if k != b"content-length"] + [
            (b"content-length", str(len(page)).encode())
        ]
        await send({"type": "http.response.start", "status": start.get("status", 200), "headers": head})
        await send({"type": "http.response.body", "body": page if scope["method"] == "GET" else b""})

    def _scripts(self, code: str, query: dict) -> bytes:
        """The page's first script, in the browser (a cookie kept with ``SameSite=Strict`` is not sent
        with a link opened from another site, a chat or a mail, so only the page can read it): the
        teacher's own browser opens its app at once; a student keeps the token this browser has for the
        class, or this new one (the app joins with it); the hall's answer is asked for; the app's own
        script waits for its turn (``Admit``): at once if there is no diagram to show or the answer
        fails, after ``wait_ms`` if there is, and after START_ANYWAY_MS in any case."""
        lang = (query.get("lang") or [""])[0]
        ask = f"/gatelab/class/{code}/hall" + (f"?lang={lang}" if lang in LANGS else "")
        v, new = self.version, secrets.token_hex(8)
        return (
            f'<script>(function(){{var H=window.__gatelabHall={{code:"{code}",v:"{v}",started:false}};'
            f'H.start=function(){{if(H.started)return;var s=document.getElementById("{LATER}");'
            'if(!s){document.addEventListener("DOMContentLoaded",H.start);return}'  # (not parsed yet)
            'H.started=true;var n=document.createElement("script");'
            'n.type="module";n.crossOrigin="";n.src=s.getAttribute("src");document.head.appendChild(n)};'
            "function kept(name){var m=document.cookie.match(new RegExp('(?:^|; )'+name+'=([^;]*)'));"
            f'var v=m?decodeURIComponent(m[1]).split("."):[];return v[0]==="{code}"&&v[1]?v[1]:""}}'
            f'if(kept("{TEACH_COOKIE}")){{H.got=Promise.resolve(null);H.start();return}}'
            f'if(!kept("{STUDENT_COOKIE}"))document.cookie="{STUDENT_COOKIE}={code}.{new}; path=/; '
            f'max-age={IDLE}; SameSite=Strict";'
            f'H.got=fetch("{ask}",{{credentials:"same-origin",cache:"no-store"}})'
            ".then(function(r){return r.status===200?r.json():null}).catch(function(){return null});"
            'H.got.then(function(x){if(!x||!x.data||!x.msg||x.msg.state!=="live")H.start();'
            "else setTimeout(H.start,Math.max(0,x.wait_ms||0))});"
            f"setTimeout(H.start,{START_ANYWAY_MS})}})();</script>"
            f'<script type="module" src="/gatelab/hall/hall.js?v={v}"></script>'
        ).encode()


def client_address(ip: str, real: str) -> str:
    """Who is trying join codes, for the store's limit (here and in the app, ui/teach/classroom.py): the
    address nginx saw (``X-Real-IP``, trusted only from a proxy on this machine), else the connection's."""
    if ip in ("127.0.0.1", "::1", "") and real:
        return real[:64]
    return ip or "unknown"


def _client(request) -> str:
    return client_address(request.client.host if request.client else "", request.headers.get("x-real-ip", ""))


async def hall(request):
    """``GET /gatelab/class/CODE/hall[?lang=xx]``: {"msg": the class's stream message, "pace": the
    class's pace ({"pause": the teacher paused the screens, "lock": …}), "token": the student's, "lang":
    the data's language, "wait_ms": when the student's app may open (``Admit``), "data": the stepper's
    data of the class's view, or null}.
    204: no hall view for this browser (the teacher's, or no student cookie); 404: no such class;
    429: too many wrong codes from this client lately."""
    from starlette.responses import JSONResponse, Response

    code = str(request.path_params.get("code", "")).upper()
    if not valid_code(code):
        return JSONResponse({"error": "a class code, please"}, status_code=400)
    cookies = dict(request.cookies)
    token = _kept(cookies, STUDENT_COOKIE, code)
    if _kept(cookies, TEACH_COOKIE, code) or not token or not all(c in "0123456789abcdef" for c in token):
        return Response(status_code=204)
    who = _client(request)
    lang = language(parse_qs(request.url.query), request.headers.get("accept-language", ""))

    def read() -> tuple[int, object, object]:  # (the wait, the class, its diagram): one hop off the loop
        wait = store().join_wait(who)
        if wait:
            return wait, None, None
        c = store().get(code, token)  # (a student present: as the app's join)
        if c is None:
            store().join_wait(who, True)
            return 0, None, None
        return 0, c, store().diagram(code, lang)

    try:
        wait, c, shown = await asyncio.to_thread(read)
    except StoreDown:
        return Response(status_code=204)  # (the app says the class is paused)
    if wait:
        return JSONResponse({"error": "too many wrong codes", "wait": wait}, status_code=429)
    if c is None:
        return JSONResponse(
            {"state": "ended", "error": "no class has this code (it ended, or never began)"}, status_code=404
        )
    data = shown[1] if shown and shown[0] == diagram_key(c.view) else "null"
    pace = (c.view or {}).get("pace") or {}
    wait_ms = round(1000 * ADMIT.wait(token)) if data != "null" else 0  # (no diagram: the app opens at once)
    head = {"msg": message(c), "pace": pace, "token": token, "lang": lang, "wait_ms": wait_ms}
    head = json.dumps(head, separators=(",", ":"))
    body = head[:-1] + ',"data":' + data + "}"
    return Response(body, media_type="application/json", headers={"Cache-Control": "no-store"})


def routes(assets: dict[str, tuple[bytes, str]]) -> list:
    """The hall's routes: its answer (``hall``), and its scripts and style (``assets``: name ->
    (bytes, media type)), which the page names with a version (cached for a year)."""
    from starlette.responses import Response
    from starlette.routing import Route

    async def asset(request):
        found = assets.get(request.path_params.get("name", ""))
        if found is None:
            return Response(status_code=404)
        return Response(
            found[0], media_type=found[1], headers={"Cache-Control": "public, max-age=31536000, immutable"}
        )

    return [Route(HALL, hall, methods=["GET"]), Route(ASSETS, asset, methods=["GET"])]


def bundle(words: str, stepper: str, css: str, hall_js: str) -> bytes:
    """The hall view's one script: the stepper's sentences (words.js) and page (stepper.js, its
    default export as ``STEPPER``, and what it keeps in the window its own: ``_OWN``), its style as
    ``STEPPER_CSS``, then the hall view (hall.js): one request for a browser that has nothing of the
    app yet."""
    for old, new in _OWN:
        if old not in stepper:
            raise ValueError(f"stepper.js has no {old!r}: the hall view's copy of it cannot be its own")
        stepper = stepper.replace(old, new)
    return "\n".join((words, stepper, "const STEPPER_CSS = " + json.dumps(css) + ";", hall_js)).encode()


# The hall view's stepper is a copy of the app's, with everything it keeps in the window its own: the
# app's stepper, which may already be on the page behind it, keeps its step, its keys and the class's
# steps (follow.js), and the hall view moves its own copy itself.
_OWN = (
    ("export default function (component)", "const STEPPER = function (component)"),
    ("window.__gatelab ||", "window.__gatelabHallLatest ||"),
    ("(window.__gatelab = {", "(window.__gatelabHallLatest = {"),
    ("window.__gatelabStepper", "window.__gatelabHallStepper"),
    ("window.__gatelabKeys", "window.__gatelabHallKeys"),
    ('"gatelab-follow"', '"gatelab-hall-follow"'),
)


def version(assets: dict[str, tuple[bytes, str]]) -> str:
    return hashlib.sha1(b"".join(b for b, _ in assets.values())).hexdigest()[:10]
