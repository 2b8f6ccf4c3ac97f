"""The hall view (live/hall.py): which view a stored diagram belongs to, the student's language, the
turns of the apps, the one script, and the page a student's link gets (the middleware around
Streamlit's index.html, with a stand-in for Streamlit)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from live import hall
from live.hall import Admit, HallPage, bundle, diagram_key, language

ROOT = Path(__file__).resolve().parents[2]
INDEX = (
    b"<!DOCTYPE html><html><head><title>Streamlit</title>"
    b'<script type="module" crossorigin src="./static/js/index.AbC-12.js"></script>'
    b'<link rel="modulepreload" crossorigin href="./static/js/x.js"></head><body><div id="root"></div></body></html>'
)


def test_a_diagram_belongs_to_the_view_whatever_its_step():
    a = {"page": "cell", "params": {"cell": "gru", "t": "3"}, "pace": {"pause": False}}
    assert diagram_key(a) == diagram_key(dict(a, params={"cell": "gru", "t": "17"}))
    assert diagram_key(a) == diagram_key(dict(a, pace={"pause": True}))  # (the pause is the hall's to show)
    assert diagram_key(a) != diagram_key(dict(a, params={"cell": "lstm", "t": "3"}))
    assert diagram_key(a) != diagram_key(dict(a, page="layers"))
    assert diagram_key(None) == diagram_key({})


@pytest.mark.parametrize(
    ("query", "accept", "want"),
    [
        ({}, "", "en"),
        ({}, "zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ({}, "en-GB,zh;q=0.5", "en"),
        ({"lang": ["en"]}, "zh-CN", "en"),  # the link's language first, as the app's
        ({"lang": ["zh"]}, "", "zh"),
        ({"lang": ["fr"]}, "zh-TW", "zh"),
    ],
)
def test_the_hall_speaks_the_language_the_app_will(query, accept, want):
    assert language(query, accept) == want


def test_apps_open_a_few_at_once_then_at_the_rate_in_the_order_they_came(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(hall.time, "monotonic", lambda: now[0])
    a = Admit(rate=10, burst=3)
    waits = [a.wait() for _ in range(8)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:] == pytest.approx([0.1, 0.2, 0.3, 0.4, 0.5])  # one every 1/rate, in turn
    now[0] += 10  # a quiet while: the bucket is full again, not more
    assert [a.wait() for _ in range(4)] == pytest.approx([0, 0, 0, 0.1])


def test_a_student_keeps_their_turn_when_they_ask_again(monkeypatch):
    """The hall view asks again after every move of the class's view, and a student may reload: the
    same turn each time, not one more taken from the students behind."""
    now = [50.0]
    monkeypatch.setattr(hall.time, "monotonic", lambda: now[0])
    a = Admit(rate=10, burst=1)
    assert [a.wait(f"s{i}") for i in range(4)] == pytest.approx([0, 0.1, 0.2, 0.3])
    assert a.wait("s3") == pytest.approx(0.3) and a.wait("s1") == pytest.approx(0.1)
    now[0] += 0.15
    assert a.wait("s3") == pytest.approx(0.15) and a.wait("s1") == 0  # (its turn has come)
    assert a.wait("s4") == pytest.approx(0.25)  # the next newcomer is behind s3, not behind 40 repeats
    now[0] += Admit.KEEP + 1  # long gone: a new turn, and the old ones are forgotten
    assert a.wait("s3") == 0 and list(a.turns) == ["s3"]


def test_the_hall_script_carries_the_steppers_own_code_and_style():
    src = {
        f: (ROOT / "ui" / "stepper" / f).read_text("utf-8")
        for f in ("words.js", "stepper.js", "stepper.css", "hall.js")
    }
    js = bundle(src["words.js"], src["stepper.js"], src["stepper.css"], src["hall.js"]).decode()
    assert "export default" not in js  # (one module, the stepper's export as a name)
    assert "const STEPPER = function (component)" in js and "const STEPPER_CSS = " in js
    assert ".gatelab-stepper" in js and src["hall.js"] in js
    # its own copy: nothing the app's stepper keeps in the window is shared (the app may be on the page)
    hall_part = js[: js.index(src["hall.js"])]
    for name in ("window.__gatelabStepper", "window.__gatelabKeys", '"gatelab-follow"'):
        assert name not in hall_part, name
    assert "window.__gatelab ||" not in hall_part and "window.__gatelabHallLatest ||" in hall_part
    with pytest.raises(ValueError):
        bundle("", "function nothing() {}", "", "")


def _run(coro):
    """``asyncio.run`` in a thread of its own (Playwright may leave an event loop running in this one)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _get(app, path: str, query: str = "", cookie: str = "") -> tuple[int, dict, bytes, int]:
    """One request through ``app``: (status, headers, body, how many times Streamlit was asked)."""
    sent: list[dict] = []
    headers = [(b"host", b"x"), (b"accept-encoding", b"gzip")] + (
        [(b"cookie", cookie.encode())] if cookie else []
    )
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": query.encode(),
        "headers": headers,
    }

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(msg):
        sent.append(msg)

    await app(scope, receive, send)
    head = {k.decode(): v.decode() for k, v in sent[0].get("headers", [])}
    return sent[0]["status"], head, b"".join(m.get("body", b"") for m in sent[1:]), 0


class _Streamlit:  # Streamlit's static files, as far as the page goes
    def __init__(self) -> None:
        self.asked: list[dict] = []

    async def __call__(self, scope, receive, send):
        self.asked.append(scope)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(INDEX)).encode()),
                    (b"cache-control", b"no-cache"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": INDEX[:40], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[40:]})


def test_a_students_link_gets_the_hall_view_and_the_app_waits_for_its_turn():
    st = _Streamlit()
    app = HallPage(st, pages={"/", "/cell"}, version="v1")
    status, head, body, _ = _run(_get(app, "/cell", "join=cat4ym&t=3"))
    page = body.decode()
    assert status == 200 and int(head["content-length"]) == len(body) and head["cache-control"] == "no-store"
    assert "set-cookie" not in head  # the page's script keeps the student's token (module docstring)
    # Streamlit's own script is there, held back; the hall's two scripts come first
    assert '<script type="gatelab/later" id="gatelab-app-script" src="./static/js/index.AbC-12.js">' in page
    assert 'type="module" crossorigin src="./static/js/index' not in page
    assert (
        page.index("__gatelabHall")
        < page.index('src="/gatelab/hall/hall.js?v=v1"')
        < page.index("gatelab/later")
    )
    assert 'code:"CAT4YM"' in page and 'fetch("/gatelab/class/CAT4YM/hall"' in page
    token = re.search(r"gatelab_student=CAT4YM\.([0-9a-f]{16})", page)
    assert token, "a new student's token, kept by the page only if the browser keeps none for the class"
    assert "SameSite=Strict" in page and 'kept("gatelab_teach")' in page
    assert st.asked[0]["headers"] == [(b"host", b"x")]  # asked for the page unzipped
    # every later link is served from the page read once, each with a token of its own
    again = _run(_get(app, "/", "join=CAT4YM&lang=zh"))[2].decode()
    assert len(st.asked) == 1 and 'fetch("/gatelab/class/CAT4YM/hall?lang=zh"' in again
    assert re.search(r"gatelab_student=CAT4YM\.([0-9a-f]{16})", again).group(1) != token.group(1)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/cell", "t=3"),  # no class
        ("/cell", "join=CAT4YM&teach=KEY"),  # the teacher's own link
        ("/cell", "join=<script>"),  # not a code (the app says so)
        ("/cell", "join=CAT0YM"),  # 0 is never in a code
        ("/_stcore/health", "join=CAT4YM"),  # not a page
    ],
)
def test_anything_else_is_streamlits_page_as_it_was(path, query):
    st = _Streamlit()
    status, head, body, _ = _run(_get(HallPage(st, pages={"/", "/cell"}), path, query))
    assert body == INDEX and head["cache-control"] == "no-cache" and len(st.asked) == 1
