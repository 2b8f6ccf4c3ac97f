"""A live class across two replicas behind nginx, with a real redis-server between them
(deploy/replicas.py), at the level of Streamlit's websocket protocol (bench/student.py) and the
class's stream (live/push.py, read as follow.js reads it: bench/stream.py): students on both
replicas follow the teacher through their streams (Redis pub/sub carries the teacher's moves to
the other replica); Redis stopping mid-class says *paused* on every stream and every student's app
keeps working alone; when Redis is back (empty) the streams say the class ended; a replica that
restarts brings its students back to the class, and their streams catch up."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import time

import pytest

from bench.stream import Follower, fetch
from bench.student import Student
from tests.e2e.harness import free_port

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None or shutil.which("redis-server") is None,
    reason="nginx and redis-server are needed (apt-get install nginx redis-server)",
)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=180))


async def start_class(url: str) -> tuple[Student, str]:
    teacher = Student(url, "t=1")
    await teacher.open()
    await teacher.click("class_start")
    code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
    return teacher, code


async def followers_on_both(url: str, code: str) -> list[Follower]:
    """Students who joined ``code`` until some are on each replica, each holding the class's stream."""
    students, seen = [], set()
    while len(seen) < 2 and len(students) < 24:
        s = Student(url, f"join={code}")
        await s.open()
        assert s.class_data.get("stream") == f"/gatelab/class/{code}/", "a student's app opens the stream"
        seen.add(s.upstream)
        students.append(s)
    assert len(seen) == 2, "students on both replicas"
    return [follow(s, code) for s in students]


def follow(s: Student, code: str) -> Follower:
    f = Follower(s, code)
    f.task = asyncio.create_task(f.run())
    return f


async def until(check, what, seconds: float = 15.0) -> None:
    """Wait (the streams do the work: nothing is polled) until ``check()``."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(what())


async def all_at(followers: list[Follower], step: int) -> None:
    await until(
        lambda: all(f.shown == step for f in followers), lambda: [(f.shown, f.last) for f in followers]
    )


async def close(followers: list[Follower]) -> None:
    for f in followers:
        f.close()
        f.task.cancel()
    await asyncio.gather(*(f.task for f in followers), return_exceptions=True)
    for f in followers:
        await f.s.close()


def test_a_class_across_two_replicas_and_its_faults():
    from deploy.replicas import redis_server, replicas, start_replica

    async def go(r):
        url = r["url"]
        teacher, code = await start_class(url)
        students = await followers_on_both(url, code)
        for step in (1, 2, 3):  # the teacher steps; students on both replicas follow, with no poll
            await teacher.step()
            await all_at(students, step)
        assert all(f.reruns == 0 for f in students), "a step alone never runs the student's app"

        # a hall opening the link through nginx: every replica answers with the diagram the teacher's app
        # (on one of them) stored in Redis, at the class's step (live/hall.py)
        served, answers = set(), []
        for _ in range(12):
            status, head, html = await fetch(url, f"/?join={code}")
            served.add(head.get("x-upstream", ""))
            named = re.search(rb"gatelab_student=(\w+\.[0-9a-f]+)", html)
            cookie = "; ".join(
                [c.split(";", 1)[0] for c in head.get("set-cookie", "").split("\n") if c]
                + [f"gatelab_student={named.group(1).decode()}"]
            )
            answers.append(await fetch(url, f"/gatelab/class/{code}/hall", cookie))
        assert len(served) == 2, served
        for status, _, body in answers:
            got = json.loads(body)
            assert status == 200 and got["msg"]["t"] == 3 and got["data"]["view"] == "cell", (
                status,
                body[:200],
            )

        # Redis goes away mid-class: every stream says paused; the bar says so, each app steps alone
        redis = r["redis"]
        redis["proc"].terminate()
        redis["proc"].wait(10)
        await until(
            lambda: all(f.last.get("state") == "paused" for f in students), lambda: [f.last for f in students]
        )
        for f in students:
            await until(lambda f=f: f.s.class_data.get("state") == "paused", lambda f=f: f.s.texts)
            assert any("Live class paused" in t for t in f.s.texts), f.s.texts
        await students[0].s.step()
        assert students[0].s.caption().startswith("Step t = 5 of 40")
        await teacher.step()  # the teacher's app keeps working too
        assert teacher.caption().startswith("Step t = 5 of 40")

        # Redis comes back (empty: nothing is kept on disk) and the class is gone: every stream says
        # so, the bar runs, and the app (rerun without the class's bar) tells the student once
        with redis_server(redis["port"]):
            await until(
                lambda: all(f.last.get("state") == "ended" for f in students[1:]),
                lambda: [f.last for f in students],
                seconds=30,
            )
            for f in students[1:]:  # the bar's run (its stream said "ended") and the app's run after it
                await until(
                    lambda f=f: any("has ended" in t for t in f.s.texts), lambda f=f: (f.last, f.s.texts)
                )

            # a new class; one replica restarts: its students reconnect (the browser reloads its
            # address, which names the class) and follow again; the others' streams stay
            teacher2, code2 = await start_class(url)
            students2 = await followers_on_both(url, code2)
            teacher_port = int(teacher2.upstream.rsplit(":", 1)[-1])
            victim_port = next(p for p in r["ports"] if p != teacher_port)  # the teacher's is another
            k = r["ports"].index(victim_port)
            proc = r["procs"][k]
            proc.terminate()
            proc.wait(10)
            env = dict(os.environ, GATELAB_REDIS_URL=redis["url"])
            with open(os.devnull, "w") as log:
                r["procs"][k] = start_replica(victim_port, log, env)
            await teacher2.step()  # while the replica is down
            back = []
            for f in students2:
                if f.s.upstream.endswith(f":{victim_port}"):
                    fresh = Student(url, f"join={code2}")
                    fresh.cookies = f.s.cookies
                    deadline = time.time() + 60
                    while True:
                        try:
                            await fresh.open()
                            break
                        except Exception:  # noqa: BLE001  (refused, or nginx's 502 while the replica starts)
                            if time.time() > deadline:
                                raise
                            await asyncio.sleep(0.5)
                    f.close()
                    back.append(follow(fresh, code2))
                else:
                    back.append(f)
            await all_at(back, 1)  # the step made while they were away: caught up
            await teacher2.step()
            await all_at(back, 2)
            await close([*students, *back])
            for s in [teacher, teacher2]:
                await s.close()

    with replicas(2, port=free_port(), first=None) as r:
        run(go(r))
