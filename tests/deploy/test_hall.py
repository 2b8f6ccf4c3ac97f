"""The hall view against a real server (live/hall.py): a student's link gets the page with the hall's
scripts; the hall's answer, from the store alone, is the class's step and the very data the
student's own app then gets (in their language), for the same student; a wrong code, a browser
without the student's cookie and the teacher's own browser get no diagram; the teacher's link is
Streamlit's page as it was."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

from bench.stream import fetch
from bench.student import Student
from tests.deploy.test_live_class import start_class
from tests.e2e.harness import serve_process


def run(coro):
    """In a thread of its own (Playwright, earlier in the same pytest process, may leave an event loop
    running in this one)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, timeout=120)).result()


@pytest.fixture(scope="module")
def server():
    with serve_process() as (url, pid):
        yield url


async def open_link(url: str, code: str, query: str = "", accept: str = "") -> tuple[str, bytes]:
    """The page for ``/?join=CODE`` and the cookie its script keeps."""
    status, _, html = await fetch(
        url, f"/?join={code}{query}", headers=[("Accept-Language", accept)] if accept else None
    )
    assert status == 200
    named = re.search(rb"gatelab_student=(\w+\.[0-9a-f]+)", html)
    return f"gatelab_student={named.group(1).decode()}", html


async def hall_answer(url: str, code: str, cookie: str, query: str = "", headers=None) -> tuple[int, dict]:
    status, _, body = await fetch(url, f"/gatelab/class/{code}/hall{query}", cookie, headers)
    return status, json.loads(body) if body else {}


def test_the_hall_shows_the_class_step_with_the_data_the_students_app_gets(server):
    async def go():
        teacher, code = await start_class(server)
        for _ in range(3):
            await teacher.step()
        cookie, html = await open_link(server, code)
        assert b'type="gatelab/later"' in html and b"/gatelab/hall/hall.js?v=" in html
        v = re.search(rb"hall\.js\?v=(\w+)", html).group(1).decode()
        status, head, js = await fetch(server, f"/gatelab/hall/hall.js?v={v}")
        assert status == 200 and b"const STEPPER = function" in js and "immutable" in head["cache-control"]
        status, got = await hall_answer(server, code, cookie)
        assert status == 200 and got["lang"] == "en" and got["msg"]["state"] == "live"
        assert got["msg"]["t"] == 3 and got["pace"] == {"lock": False, "pause": False}
        assert got["token"] == cookie.split(".")[1] and 0 <= got["wait_ms"] < 5000
        data = got["data"]
        assert data["locked"] is True and data["view"] == "cell" and data["T"] == 40
        assert "teach=" not in json.dumps(got) and '"secret"' not in json.dumps(got)  # (the teacher's key)
        # the student's own app: the same student, the same diagram, the same step
        s = Student(server, f"join={code}", cookies=cookie)
        await s.connect()
        assert s.class_data["token"] == got["token"]
        assert (
            s.data["payload"] == data["payload"] and s.data["ui"] == data["ui"] and s.data["T"] == data["T"]
        )
        assert s.shown == 3
        # in 中文: the link's lang, or the browser's first language, as the app chooses
        zh_cookie, _ = await open_link(server, code, accept="zh-CN,zh;q=0.9")
        status, zh = await hall_answer(
            server, code, zh_cookie, headers=[("Accept-Language", "zh-CN,zh;q=0.9")]
        )
        assert status == 200 and zh["lang"] == "zh" and "步" in zh["data"]["ui"]["caption"]
        z = Student(server, f"join={code}&lang=zh", cookies=zh_cookie)
        await z.connect()
        assert z.data["payload"] == zh["data"]["payload"] and z.data["ui"] == zh["data"]["ui"]
        assert zh["data"]["hall"]["title"].startswith("实时课堂") and code in zh["data"]["hall"]["title"]
        # a step: the next answer (and the stream) says it; the diagram stays the same
        await teacher.step()
        status, later = await hall_answer(server, code, cookie)
        assert later["msg"]["t"] == 4 and later["data"]["id"] == data["id"]
        for x in (teacher, s, z):
            await x.close()

    run(go())


@pytest.mark.parametrize(
    "model", ["cell=gru&ov=z.1.0.5-.all&dec=3", "cell=mgu&layers=2&h2=3&unit=2", "cell=rnn&input=step&T=60"]
)
def test_the_hall_diagram_is_the_students_own_for_every_kind_a_forced_gate_and_a_stack(server, model):
    """Test across features: another kind, a forced gate, a stack, 3 decimals, another input. The hall's
    data is what the student's app then shows, number for number and word for word."""

    async def go():
        teacher = Student(server, f"t=1&{model}")
        await teacher.open()
        await teacher.click("class_start")
        code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
        await teacher.step()
        cookie, _ = await open_link(server, code)
        status, got = await hall_answer(server, code, cookie)
        assert status == 200 and got["data"] is not None and got["msg"]["t"] == 1
        s = Student(server, f"join={code}", cookies=cookie)
        await s.connect()
        assert s.data["payload"] == got["data"]["payload"] and s.data["T"] == got["data"]["T"]
        assert s.data.get("readout") == got["data"].get("readout") and s.shown == 1
        for x in (teacher, s):
            await x.close()

    run(go())


def test_no_diagram_for_a_wrong_code_a_browser_without_its_cookie_or_the_teacher(server):
    async def go():
        teacher, code = await start_class(server)
        cookie, _ = await open_link(server, code)
        assert (await hall_answer(server, code, ""))[0] == 204  # (the page's script keeps one)
        assert (await hall_answer(server, code, cookie + f"; gatelab_teach={code}.k"))[0] == 204
        assert (await hall_answer(server, "NOPE", cookie))[0] == 400
        # a code with no class: the stream's own refusal, counted against this client like the app's join
        me = [("X-Real-IP", "203.0.113.7")]
        wrong = "CCCCCC" if code != "CCCCCC" else "DDDDDD"
        answers = [
            await hall_answer(server, wrong, f"gatelab_student={wrong}.00aa11bb22cc33dd", headers=me)
            for _ in range(10)
        ]
        assert {s for s, _ in answers} == {404} and answers[0][1]["state"] == "ended"
        status, said = await hall_answer(server, code, cookie, headers=me)  # now even the right code waits
        assert status == 429 and said["wait"] > 0
        assert (await hall_answer(server, code, cookie))[0] == 200  # another client is not held back
        # the teacher's own link: Streamlit's page as it was
        _, _, html = await fetch(server, f"/?join={code}&teach=anything")
        assert b"__gatelabHall" not in html and b'type="module" crossorigin src="./static/js/index.' in html
        await teacher.close()

    run(go())
