"""A live class, measured: one teacher and N followers over Streamlit's own websocket protocol.

    python bench/class.py                          # 1 teacher + 40 followers, one process
    python bench/class.py --followers 100 --replicas 2   # two replicas behind nginx, Redis between them

The teacher starts a class (the ``class_start`` button) and steps once every ``--interval``
seconds, as its browser reports steps (``ui/stepper``: the beacon's fragment). Every follower
is a student who opened ``/?join=CODE`` and whose browser reruns the class bar's fragment twice
a second (``run_every``), exactly what the frontend sends; a new step arrives in the follow
component's data (``ui/teach/classroom.py``). Reported: the time from the teacher's step report to
each follower's screen (p50, p95, max; a teacher's browser adds up to 100 ms before it reports),
how many followers reached every step, errors; then the class answers a question and the
time from a student's answer to the teacher's histogram showing it; and the server CPU per
follower per second (all replicas, from /proc; Redis's own CPU beside it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.student import Student  # noqa: E402

POLL = 0.5  # the student bar's run_every (ui/classroom.POLL_S)
LIVE = 1.0  # the teacher's live fragment's run_every


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def open_all(students: list[Student], batch: int = 10) -> None:
    for k in range(0, len(students), batch):
        await asyncio.gather(*(s.open() for s in students[k : k + batch]))


async def follow_loop(s: Student, seen: dict[int, float], stop: asyncio.Event, errors: list) -> None:
    """A follower's browser: rerun the class bar's fragment every POLL s; note when each step arrives."""
    await asyncio.sleep(POLL * (hash(id(s)) % 100) / 100)  # browsers do not poll in step
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            await s.poll()
        except Exception as e:  # noqa: BLE001  (a lost connection is counted, not fatal)
            errors.append(repr(e))
            return
        if s.follow and s.follow[1] is not None and s.follow[1] not in seen:
            seen[s.follow[1]] = time.perf_counter()
        await asyncio.sleep(max(0.0, POLL - (time.perf_counter() - t0)))


async def bench(
    url: str, followers: int, steps: int, interval: float, pids: list[int], redis_pid: int | None
):
    teacher = Student(url, "t=1")
    await teacher.open()
    await teacher.click("class_start")
    code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
    students = [Student(url, f"join={code}") for _ in range(followers)]
    t_open = time.perf_counter()
    await open_all(students)
    opened = time.perf_counter() - t_open
    missing = [s for s in students if not s.poll_fragment]
    seen: list[dict[int, float]] = [{} for _ in students]
    errors: list[str] = []
    stop = asyncio.Event()
    cpu0 = [cpu_seconds(p) for p in pids]
    redis0 = cpu_seconds(redis_pid) if redis_pid else 0.0
    t_run = time.perf_counter()
    tasks = [
        asyncio.create_task(follow_loop(s, d, stop, errors)) for s, d in zip(students, seen, strict=True)
    ]
    await asyncio.sleep(1.0)
    sent: dict[int, float] = {}
    for _ in range(steps):
        sent[teacher.shown + 1] = time.perf_counter()
        await teacher.step()  # one step, and the beacon's report of it: the server publishes it
        await asyncio.sleep(interval)
    await asyncio.sleep(2 * POLL + 0.5)
    stop.set()
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - t_run
    cpu = sum(cpu_seconds(p) for p in pids) - sum(cpu0)
    redis_cpu = (cpu_seconds(redis_pid) - redis0) if redis_pid else None

    lat = [d[k] - t for d in seen for k, t in sent.items() if k in d]
    reached = sum(1 for d in seen if all(k in d for k in sent))

    # the class answers: the teacher puts the question on screen to the class
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    wid = teacher.ids["predict_mode"]
    teacher.values[wid] = WidgetState(id=wid, bool_value=True)
    await teacher.rerun()
    await teacher.click("class_ask")
    for s in students:
        await s.poll()
    sent_answers: list[float] = []
    for k, s in enumerate(students):
        key = next((k2 for k2 in s.options if k2.startswith("class_choice_")), None)
        if key is None:
            errors.append("no question reached a student")
            continue
        s.choose(key, k % len(s.options[key]))
        sent_answers.append(time.perf_counter())
        await s.rerun(
            widgets=[WidgetState(id=s.ids["class_send"], trigger_value=True)], fragment=s.poll_fragment
        )
    shown_at: list[float] = []
    deadline = time.perf_counter() + 15
    while len(shown_at) < len(sent_answers) and time.perf_counter() < deadline:
        await teacher.poll(teacher.live_fragment)
        m = re.search(r"answers: (\d+)", " ".join(teacher.texts))
        count = int(m.group(1)) if m else 0
        now = time.perf_counter()
        shown_at += [now] * (count - len(shown_at))
        await asyncio.sleep(LIVE)
    hist = [b - a for a, b in zip(sent_answers, shown_at, strict=False)]
    for s in [teacher, *students]:
        await s.close()
    return dict(
        followers=followers,
        opened=opened,
        missing=len(missing),
        steps=len(sent),
        reached=reached,
        lat=lat,
        errors=errors,
        wall=wall,
        cpu=cpu,
        redis_cpu=redis_cpu,
        hist=hist,
        answers=len(shown_at),
    )


def report(r: dict, label: str) -> None:
    lat = sorted(r["lat"])
    print(f"\n{label}: 1 teacher, {r['followers']} followers (opened in {r['opened']:.1f} s)")
    if lat:
        print(
            f"  teacher's step -> follower's screen: p50 {1000 * pct(lat, 50):.0f} ms, "
            f"p95 {1000 * pct(lat, 95):.0f} ms, max {1000 * lat[-1]:.0f} ms ({len(lat)} arrivals)"
        )
    print(
        f"  followers that reached every one of the teacher's {r['steps']} steps: "
        f"{r['reached']} / {r['followers']}; errors: {len(r['errors'])}"
        + (f" ({r['errors'][0]})" if r["errors"] else "")
    )
    if r["hist"]:
        h = sorted(r["hist"])
        print(
            f"  a student's answer -> the teacher's histogram: p50 {1000 * pct(h, 50):.0f} ms, "
            f"p95 {1000 * pct(h, 95):.0f} ms ({r['answers']} / {r['followers']} answers shown)"
        )
    per = r["cpu"] / r["followers"] / r["wall"]
    extra = (
        f"; Redis {1000 * r['redis_cpu'] / r['wall']:.1f} ms/s in all" if r["redis_cpu"] is not None else ""
    )
    print(
        f"  server CPU: {r['cpu'] / r['wall']:.2f} cores in all, {1000 * per:.2f} ms per follower per second{extra}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--followers", type=int, default=40)
    ap.add_argument("--replicas", type=int, default=1)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between the teacher's steps")
    args = ap.parse_args()
    if args.replicas == 1:
        from tests.e2e.harness import serve_process

        with serve_process() as (url, pid):
            r = asyncio.run(bench(url, args.followers, args.steps, args.interval, [pid], None))
        report(r, "one process, in-process store")
    else:
        from deploy.replicas import replicas
        from tests.e2e.harness import free_port

        with replicas(args.replicas, port=free_port(), first=None) as rep:
            r = asyncio.run(
                bench(
                    rep["url"],
                    args.followers,
                    args.steps,
                    args.interval,
                    rep["pids"],
                    rep["redis"]["proc"].pid,
                )
            )
        report(r, f"{args.replicas} replicas behind nginx, Redis store")


if __name__ == "__main__":
    main()
