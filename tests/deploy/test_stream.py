"""The class's stream (live/push.py) against a real server, as follow.js uses it (bench/stream.py):
its first message is the class's state now; a step reaches every stream and moves nothing on the
server; it carries only what every student may see; a follower that slept through moves catches
up when its stream opens again; a code with no class, or a token that never joined, is refused
cleanly (the same answer: the stream confirms no code); a browser's streams are bounded; the long
poll answers with the next move."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request

import pytest

from bench.stream import ClassStream, Follower
from bench.student import Student
from live.push import PER_STUDENT
from tests.deploy.test_live_class import start_class, until
from tests.e2e.harness import serve_process


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=120))


@pytest.fixture(scope="module")
def server():
    with serve_process() as (url, pid):
        yield url


async def joined(url: str, code: str) -> Follower:
    s = Student(url, f"join={code}")
    await s.open()
    f = Follower(s, code)
    f.task = asyncio.create_task(f.run())
    return f


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=40) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_steps_arrive_on_the_stream_and_carry_nothing_secret(server):
    async def go():
        teacher, code = await start_class(server)
        f = await joined(server, code)
        await until(lambda: f.heard >= 1, lambda: f.last)
        first = f.last
        assert first["state"] == "live" and first["t"] == 0 and first["key"] == f.s.class_data["key"]
        seen: list[dict] = []
        raw = ClassStream(
            server, code, f.s.class_data["token"]
        )  # a second tab of theirs: every message whole

        async def read():
            async for msg in raw.messages():
                seen.append(msg)

        reader = asyncio.create_task(read())
        await until(lambda: seen, lambda: "the stream's first message")
        for step in (1, 2, 3):
            await teacher.step()
            await until(lambda step=step: f.shown == step, lambda: (f.shown, f.last))
        assert f.reruns == 0  # a step alone: the student's app is not run
        await until(lambda: len(seen) >= 4, lambda: seen)
        assert [m["t"] for m in seen[-3:]] == [1, 2, 3]
        for m in seen:  # never the teacher's key, never the question (its answer is in its spec)
            assert set(m) <= {"state", "v", "key", "t"}, m
            assert teacher.class_data == {} and "teach" not in json.dumps(m)
        raw.close()
        reader.cancel()
        f.close()
        f.task.cancel()
        for s in (teacher, f.s):
            await s.close()

    run(go())


def test_a_follower_that_slept_catches_up_when_its_stream_opens_again(server):
    async def go():
        teacher, code = await start_class(server)
        f = await joined(server, code)
        await until(lambda: f.heard >= 1, lambda: f.last)
        f.close()  # the laptop sleeps: no stream
        f.task.cancel()
        for _ in range(3):
            await teacher.step()
        await teacher.set_int("seed", 7)  # another model: not a step, the app must apply it
        await teacher.step()
        awake = Follower(f.s, code)  # the same tab wakes up: its stream opens again
        awake.task = asyncio.create_task(awake.run())
        await until(lambda: awake.heard >= 1, lambda: awake.last)
        assert awake.last["t"] == teacher.shown == 4
        await until(lambda: awake.shown == 4, lambda: (awake.shown, awake.last, f.s.class_data))
        assert awake.reruns == 1  # the model changed: the bar ran once and took the class's view
        assert f.s.class_data["key"] == awake.last["key"]
        assert "seed=7" in f.s.query or f.s.reading() == teacher.reading()
        awake.close()
        awake.task.cancel()
        for s in (teacher, f.s):
            await s.close()

    run(go())


def test_a_code_with_no_class_is_refused_and_streams_are_bounded(server):
    status, body = get(f"{server}/gatelab/class/QQQQQQ/events?s=0123456789abcdef")
    assert status == 404 and body["state"] == "ended" and "no class" in body["error"]
    for code, token in (("x!", "0" * 16), ("QQQQQQQQQQQQ", "0" * 16), ("QQQQQQ", "not-hex"), ("QQQQQQ", "")):
        status, body = get(f"{server}/gatelab/class/{code}/events?s={token}")
        assert status == 400 and "error" in body, (code, token)

    async def go():
        teacher, code = await start_class(server)
        student = Student(server, f"join={code}")
        await student.open()
        token = student.class_data["token"]
        status, body = await asyncio.to_thread(get, f"{server}/gatelab/class/{code}/events?s={'cd' * 8}")
        assert (status, body["state"]) == (404, "ended"), (
            "a token that never joined learns nothing of the code"
        )
        streams = [ClassStream(server, code, token) for _ in range(PER_STUDENT + 1)]
        heard: list[list[dict]] = [[] for _ in streams]

        async def read(k):
            async for msg in streams[k].messages(reconnect=False):
                heard[k].append(msg)

        tasks = []
        for k in range(len(streams)):
            tasks.append(asyncio.create_task(read(k)))
            await until(lambda k=k: heard[k], lambda: heard)
        await until(lambda: tasks[0].done(), lambda: "the oldest stream of the student stays open")
        await teacher.step()
        await until(lambda: all(len(h) == 2 for h in heard[1:]), lambda: heard)
        assert len(heard[0]) == 1  # closed before the step
        for s in streams:
            s.close()
        for t in tasks:
            t.cancel()
        for s in (teacher, student):
            await s.close()

    run(go())


def test_the_long_poll_answers_with_the_next_move(server):
    async def go():
        teacher, code = await start_class(server)
        student = Student(server, f"join={code}")
        await student.open()
        base = f"{server}/gatelab/class/{code}/wait?s={student.class_data['token']}"
        status, now = await asyncio.to_thread(get, base)
        assert status == 200 and now["state"] == "live"
        waiting = asyncio.create_task(asyncio.to_thread(get, f"{base}&after={now['v']}"))
        await asyncio.sleep(1.0)
        assert not waiting.done()  # nothing moved: it waits
        await teacher.step()
        status, nxt = await waiting
        assert status == 200 and nxt["v"] > now["v"] and nxt["t"] == 1
        for s in (teacher, student):
            await s.close()

    run(go())


def test_a_quiet_stream_pings_so_the_browser_knows_it_lives(server):
    """Nothing moves for a while: the stream still says something every ``HEARTBEAT`` seconds (an
    event follow.js's watchdog hears; a stream silent for 40 s is opened again)."""
    from live.push import HEARTBEAT

    async def go():
        teacher, code = await start_class(server)
        student = Student(server, f"join={code}")
        await student.open()
        stream = ClassStream(server, code, student.class_data["token"])
        heard: list[dict] = []

        async def read():
            async for msg in stream.messages():
                heard.append(msg)

        task = asyncio.create_task(read())
        await until(lambda: stream.pings >= 1, lambda: (stream.pings, heard), seconds=HEARTBEAT + 10)
        assert [m["state"] for m in heard] == ["live"]  # a ping is not a move
        stream.close()
        task.cancel()
        for s in (teacher, student):
            await s.close()

    run(go())
