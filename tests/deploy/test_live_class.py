"""A live class across two replicas behind nginx, with a real redis-server between them
(deploy/replicas.py), at the level of Streamlit's websocket protocol (bench/student.py): students
on both replicas follow the teacher; Redis stopping mid-class pauses the class and every
student's app keeps working alone; a replica that restarts brings its students back to the class."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import time

import pytest

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


async def followers_on_both(url: str, code: str) -> list[Student]:
    students, seen = [], set()
    while len(seen) < 2 and len(students) < 24:
        s = Student(url, f"join={code}")
        await s.open()
        assert s.poll_fragment, "a student's app polls the class"
        seen.add(s.upstream)
        students.append(s)
    assert len(seen) == 2, "students on both replicas"
    return students


async def until(students: list[Student], step: int, seconds: float = 6.0) -> None:
    """Poll as the students' browsers do until every one shows ``step`` (0-based)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        for s in students:
            if not s.follow or s.follow[1] != step:
                await s.poll()
        if all(s.follow and s.follow[1] == step for s in students):
            return
        await asyncio.sleep(0.5)
    raise AssertionError([s.follow for s in students])


def test_a_class_across_two_replicas_and_its_faults():
    from deploy.replicas import redis_server, replicas, start_replica

    async def go(r):
        url = r["url"]
        teacher, code = await start_class(url)
        students = await followers_on_both(url, code)
        for step in (1, 2, 3):  # the teacher steps; students on both replicas follow
            await teacher.step()
            await until(students, step)

        # Redis goes away mid-class: paused, and each app still steps on its own
        redis = r["redis"]
        redis["proc"].terminate()
        redis["proc"].wait(10)
        for s in students:
            await s.poll()
            assert any("Live class paused" in t for t in s.texts), s.texts
        await students[0].step()
        assert students[0].caption().startswith("Step t = 5 of 40")
        await teacher.step()  # the teacher's app keeps working too
        assert teacher.caption().startswith("Step t = 5 of 40")

        # Redis comes back (empty: nothing is kept on disk) and the class is gone: students are told
        with redis_server(redis["port"]):
            for s in students[1:]:
                # the app reruns without the class's bar, and says why once; a Redis just started on
                # a loaded machine can miss the store's 0.5 s timeout (still paused): the browser polls on
                deadline, told = time.time() + 20, False
                while not told and time.time() < deadline:
                    await s.poll()
                    told = any("has ended" in t for t in s.texts)  # (said once: in this run or the next)
                    await s.rerun()
                    told = told or any("has ended" in t for t in s.texts)
                    if not told:
                        await asyncio.sleep(0.5)
                assert told, s.texts

            # a new class; one replica restarts: its students reconnect (the browser reloads its
            # address, which names the class) and follow again
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
            back = []
            for s in students2:
                if s.upstream.endswith(f":{victim_port}"):
                    fresh = Student(url, f"join={code2}")
                    fresh.cookies = s.cookies
                    deadline = time.time() + 60
                    while True:
                        try:
                            await fresh.open()
                            break
                        except Exception:  # noqa: BLE001  (refused, or nginx's 502 while the replica starts)
                            if time.time() > deadline:
                                raise
                            await asyncio.sleep(0.5)
                    back.append(fresh)
                else:
                    back.append(s)
            await teacher2.step()
            await until(back, 1)
            for s in [teacher, teacher2, *students, *back]:
                await s.close()

    with replicas(2, port=free_port(), first=None) as r:
        run(go(r))
