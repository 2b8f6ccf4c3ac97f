"""A soak: 250 followers of one teacher on one process, each holding the class's stream, while the
teacher steps once a second (bench/class.py's crowd, the same code the benchmark measures). No
follower is lost (every one reaches every step, no error, no reconnect) and the server's memory
grows by at most 50 MB. CI runs it for ``GATELAB_SOAK_S`` seconds (120 by default); the issue's
10 minutes is ``python bench/class.py --followers 250 --soak 600`` (its output is in the README)."""

from __future__ import annotations

import asyncio
import importlib
import os
import re

from bench.student import Student
from tests.e2e.harness import serve_process

SOAK_S = float(os.environ.get("GATELAB_SOAK_S", "120"))
FOLLOWERS = 250


def test_250_followers_for_minutes_lose_nothing_and_hold_their_memory():
    bench = importlib.import_module("bench.class")

    async def go(url: str, pid: int) -> dict:
        teacher = Student(url, "t=1")
        await teacher.open()
        await teacher.click("class_start")
        code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
        r = await bench.crowd(url, teacher, code, FOLLOWERS, int(SOAK_S), 1.0, [pid], None)
        await bench.done(r)
        await teacher.close()
        return r

    with serve_process() as (url, pid):
        r = asyncio.run(asyncio.wait_for(go(url, pid), timeout=SOAK_S + 600))
    assert r["missing"] == 0, "every student's page opened"
    assert r["errors"] == [] and r["reconnects"] == 0
    assert r["reached"] == FOLLOWERS, f"{r['reached']} of {FOLLOWERS} followers reached every step"
    growth = r["rss"][1] - r["rss"][0]
    assert growth <= 50, f"the server grew by {growth:.0f} MB in {SOAK_S:.0f} s"
