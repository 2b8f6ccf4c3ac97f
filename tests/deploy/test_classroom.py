"""A class at once: session isolation, faults, and two replicas behind nginx,
at the level of Streamlit's websocket protocol (bench/student.py)."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from bench.student import Student
from tests.e2e.harness import free_port, serve_process


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=120))


@pytest.fixture(scope="module")
def server():
    with serve_process() as (url, pid):
        yield url


def test_two_students_never_see_each_others_state(server):
    async def go():
        a, b = Student(server, "t=1"), Student(server, "t=1")
        await asyncio.gather(a.open(), b.open())
        await a.set_int("seed", 7)  # a changes the model …
        steps = [a.step() for _ in range(3)] + [b.step() for _ in range(5)]
        for s in steps:  # … while both step, interleaved
            await s
        ref = Student(server, "t=6")  # a fresh student at b's step, untouched model
        await ref.open()
        seven = Student(server, "t=4&seed=7")  # a fresh student at a's step, seed 7
        await seven.open()
        assert a.caption().startswith("Step t = 4 of 40") and b.caption().startswith("Step t = 6 of 40")
        assert b.reading() == ref.reading()  # what each browser shows, from its own data
        assert a.reading() == seven.reading() and a.reading() != b.reading()
        for s in (a, b, ref, seven):
            await s.close()

    run(go())


def test_a_student_who_leaves_mid_step_does_not_disturb_the_others(server):
    async def go():
        a, b, c = Student(server, "t=1"), Student(server, "t=1"), Student(server, "t=1")
        await asyncio.gather(a.open(), b.open(), c.open())
        await a.ws.send(a.step_message())
        await a.ws.close()  # closes the tab mid-step
        c.ws.transport.abort()  # a dropped connection, no goodbye
        for k in range(2, 7):
            await b.step()
            assert b.caption().startswith(f"Step t = {k} of 40")
        await b.close()

    run(go())


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)")
def test_two_replicas_behind_nginx_are_sticky_and_isolated():
    from deploy.replicas import replicas

    async def go(url):
        students, seen = [], set()
        while len(seen) < 2 and len(students) < 24:  # open students until both replicas served one
            s = Student(url, "t=1")
            await s.open()
            assert s.upstream and s.ws_upstream() == s.upstream  # sticky: page and websocket on one replica
            seen.add(s.upstream)
            students.append(s)
        assert len(seen) == 2
        for k, s in enumerate(students):
            for _ in range(k % 4):
                await s.step()
        for k, s in enumerate(students):
            assert s.caption().startswith(f"Step t = {1 + k % 4} of 40")
            await s.close()

    with replicas(2, port=free_port(), first=None) as r:
        run(go(r["url"]))
