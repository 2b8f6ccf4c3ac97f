"""A live class, measured: one teacher and N followers, each as a browser: Streamlit's own
websocket protocol for the app, and the class's stream (live/push.py) as ui/stepper/follow.js reads it.

    python bench/class.py                                 # 1 teacher + 40 followers, one process
    python bench/class.py --followers 250                 # a lecture hall, one process
    python bench/class.py --followers 500 --replicas 2    # two replicas behind nginx, Redis between them
    python bench/class.py --followers 250 --soak 600      # the soak: 10 minutes of steps, memory and losses
    python bench/class.py --followers 250 --hall          # a hall opens the teacher's link at the same moment

The teacher starts a class (the ``class_start`` button) and steps once every ``--interval``
seconds, as its browser reports steps (``ui/stepper``: the beacon's fragment). Every follower is
a student who opened ``/?join=CODE`` (a page run) and then holds the class's stream, exactly as
follow.js does: a message whose key is the one its app applied is a step (shown in the browser,
nothing sent to the server); any other runs the class bar's fragment once. Reported, first for
one follower alone (the reference, timed in the same run) and then for the crowd: the time from
the teacher's step report to each follower's screen (p50, p95, max; a teacher's browser adds up
to 100 ms before it reports), how many followers reached every step, errors, reconnects; then the
class answers a question and the time from a student's answer to the teacher's histogram showing
it; and the server CPU per follower per second while the class steps (all replicas, from /proc;
Redis's own CPU beside it), and the servers' memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import rss_mb  # noqa: E402
from bench.stream import Follower  # noqa: E402
from bench.student import Student  # noqa: E402

LIVE = 0.5  # the teacher's live fragment's run_every (ui/teach/classroom.py LIVE_S)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def open_all(students: list[Student], batch: int = 10) -> list[float]:
    """Open every student's page, ``batch`` at a time; each one's page-open time."""
    times: list[float] = []

    async def one(s: Student) -> None:
        t0 = time.perf_counter()
        await s.open()
        times.append(time.perf_counter() - t0)

    for k in range(0, len(students), batch):
        await asyncio.gather(*(one(s) for s in students[k : k + batch]))
    return times


async def crowd(
    url: str, teacher: Student, code: str, n: int, steps: int, interval: float, pids, redis_pid, hall=False
):
    """``n`` followers of ``teacher``'s class ``code``: open (``hall``: all at once, else ten at a
    time), follow ``steps`` steps, measured."""
    students = [Student(url, f"join={code}") for _ in range(n)]
    t_open = time.perf_counter()
    open_times = await open_all(students, batch=n if hall else 10)
    opened = time.perf_counter() - t_open
    missing = [s for s in students if not s.class_data]
    followers = [Follower(s, code) for s in students if s.class_data]
    tasks = [asyncio.create_task(f.run()) for f in followers]
    await asyncio.sleep(1.0)  # every stream's first message
    rss0 = rss_mb(pids)
    cpu0 = [cpu_seconds(p) for p in pids]
    redis0 = cpu_seconds(redis_pid) if redis_pid else 0.0
    t_run = time.perf_counter()
    sent: list[tuple[int, float]] = []  # (step, when the teacher's browser reported it)
    next_at = time.perf_counter()
    rss_every, rss_at = [], time.perf_counter()
    for _ in range(steps):
        if teacher.shown >= teacher.data["T"] - 1:  # the series' end: Home, and on (a soak's laps)
            teacher.shown = -1
        sent.append((teacher.shown + 1, time.perf_counter()))
        await teacher.step()  # one step, and the beacon's report of it: the server publishes it
        next_at += interval
        if time.perf_counter() - rss_at > 60:
            rss_every.append(rss_mb(pids))
            rss_at = time.perf_counter()
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    await asyncio.sleep(1.0)
    wall = time.perf_counter() - t_run
    cpu = sum(cpu_seconds(p) for p in pids) - sum(cpu0)
    redis_cpu = (cpu_seconds(redis_pid) - redis0) if redis_pid else None
    lat, reached = [], 0
    for f in followers:
        got = [next((a for a in f.seen.get(k, ()) if a >= t), None) for k, t in sent]
        lat += [a - t for a, (_, t) in zip(got, sent, strict=True) if a is not None]
        reached += all(a is not None for a in got)
    return dict(
        students=students,
        followers=followers,
        tasks=tasks,
        n=n,
        opened=opened,
        open_p95=pct(open_times, 95) if open_times else 0.0,
        missing=len(missing),
        steps=len(sent),
        reached=reached,
        lat=lat,
        wall=wall,
        cpu=cpu,
        redis_cpu=redis_cpu,
        rss=(rss0, rss_mb(pids)),
        rss_every=rss_every,
        hall=hall,
    )


async def answers(teacher: Student, r: dict) -> tuple[list[float], int, list[str]]:
    """The class answers a question: the time from each answer to the teacher's histogram."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    errors: list[str] = []
    wid = teacher.ids["predict_mode"]
    teacher.values[wid] = WidgetState(id=wid, bool_value=True)
    await teacher.rerun()
    t_ask = time.perf_counter()
    await teacher.click("class_ask")
    students: list[Student] = r["students"]
    deadline = time.perf_counter() + 30  # the stream runs each bar once: the question appears
    while time.perf_counter() < deadline and not all(
        any(k.startswith("class_choice_") for k in s.options) for s in students if s.class_data
    ):
        await asyncio.sleep(0.2)
    r["asked"] = after(r["followers"], t_ask)
    sent_answers: list[float] = []
    shown_at: list[float] = []
    sending = asyncio.Event()

    async def watch() -> None:  # the teacher's screen, meanwhile: its live fragment every second
        deadline = None
        while deadline is None or (len(shown_at) < len(sent_answers) and time.perf_counter() < deadline):
            await teacher.poll(teacher.live_fragment)
            m = re.search(r"answers: (\d+)", " ".join(teacher.texts))
            count = int(m.group(1)) if m else 0
            now = time.perf_counter()
            shown_at.extend([now] * (count - len(shown_at)))
            if sending.is_set() and deadline is None:
                deadline = time.perf_counter() + 15
            await asyncio.sleep(LIVE)

    watcher = asyncio.create_task(watch())
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
    sending.set()
    await watcher
    t_reveal = time.perf_counter()
    reruns = sum(f.reruns for f in r["followers"])
    await teacher.click("class_reveal")
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and len(after(r["followers"], t_reveal, "revealed")) < len(
        r["followers"]
    ):
        await asyncio.sleep(0.1)
    r["revealed"] = after(r["followers"], t_reveal, "revealed")
    r["reveal_reruns"] = sum(f.reruns for f in r["followers"]) - reruns
    return [b - a for a, b in zip(sent_answers, shown_at, strict=False)], len(shown_at), errors


def after(followers, t0: float, what: str = "ran") -> list[float]:
    """How long after ``t0`` each follower's class bar ran again (the question on screen), or
    (``revealed``) its browser drew the answer the stream brought."""
    return [
        next(t for t in getattr(f, what) if t >= t0) - t0
        for f in followers
        if any(t >= t0 for t in getattr(f, what))
    ]


async def done(r: dict) -> None:
    for f in r["followers"]:
        f.close()
    for t in r["tasks"]:
        t.cancel()
    await asyncio.gather(*r["tasks"], return_exceptions=True)
    for s in r["students"]:
        with contextlib.suppress(Exception):
            await s.close()
    r["errors"] = [e for f in r["followers"] for e in f.errors]
    r["reconnects"] = sum(max(0, f.stream.opened - 1) for f in r["followers"] if f.stream)
    r["reruns"] = sum(f.reruns for f in r["followers"])


async def bench(
    url: str,
    followers: int,
    steps: int,
    interval: float,
    pids: list[int],
    redis_pid: int | None,
    hall: bool = False,
):
    teacher = Student(url, "t=1")
    await teacher.open()
    await teacher.click("class_start")
    code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
    ref = await crowd(url, teacher, code, 1, min(steps, 10), interval, pids, redis_pid)
    await done(ref)
    r = await crowd(url, teacher, code, followers, steps, interval, pids, redis_pid, hall)
    r["hist"], r["answers"], errors = await answers(teacher, r)
    await done(r)
    r["errors"] += errors
    await teacher.close()
    return ref, r


def report(r: dict, label: str, ref: dict | None = None) -> None:
    lat = sorted(r["lat"])
    print(
        f"\n{label}: 1 teacher, {r['n']} followers (opened {'all at once' if r.get('hall') else 'ten at a time'}"
        f" in {r['opened']:.1f} s; a page open, until the diagram's data arrived: p95 {r['open_p95']:.2f} s)"
    )
    if lat:
        ratio = ""
        if ref and ref["lat"]:
            ratio = f"; p95 / one follower's p95: {pct(lat, 95) / pct(sorted(ref['lat']), 95):.2f}"
        print(
            f"  teacher's step -> follower's screen: p50 {1000 * pct(lat, 50):.0f} ms, "
            f"p95 {1000 * pct(lat, 95):.0f} ms, max {1000 * lat[-1]:.0f} ms ({len(lat)} arrivals){ratio}"
        )
    print(
        f"  followers that reached every one of the teacher's {r['steps']} steps: "
        f"{r['reached']} / {r['n']}; errors: {len(r['errors'])}"
        + (f" ({r['errors'][0]})" if r["errors"] else "")
        + f"; pages that did not open: {r['missing']}; stream reconnects: {r['reconnects']}; "
        f"class bar runs the stream asked for: {r['reruns']}"
    )
    if r.get("hist"):
        h = sorted(r["hist"])
        print(
            f"  a student's answer -> the teacher's histogram: p50 {1000 * pct(h, 50):.0f} ms, "
            f"p95 {1000 * pct(h, 95):.0f} ms ({r['answers']} / {r['n']} answers shown)"
        )
    for what, key, how in (
        ("the teacher's question", "asked", "their class bar runs once"),
        (
            "the teacher's reveal",
            "revealed",
            f"drawn from the stream; class bar runs: {r.get('reveal_reruns', 0)}",
        ),
    ):
        if r.get(key):
            q = sorted(r[key])
            print(
                f"  {what} -> on a student's screen ({how}): p50 {1000 * pct(q, 50):.0f} ms, "
                f"p95 {1000 * pct(q, 95):.0f} ms ({len(q)} / {r['n']})"
            )
    per = r["cpu"] / r["n"] / r["wall"]
    extra = (
        f"; Redis {1000 * r['redis_cpu'] / r['wall']:.1f} ms/s in all" if r["redis_cpu"] is not None else ""
    )
    print(
        f"  server CPU while stepping: {r['cpu'] / r['wall']:.3f} cores in all, "
        f"{1000 * per:.3f} ms per follower per second{extra}"
    )
    rss = [r["rss"][0], *r["rss_every"], r["rss"][1]]
    print(
        f"  servers' memory (RSS): {rss[0]:.0f} MB when the steps began, {rss[-1]:.0f} MB at the end "
        f"(growth {rss[-1] - rss[0]:+.0f} MB{'; every minute: ' + ', '.join(f'{m:.0f}' for m in rss) if len(rss) > 2 else ''})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--followers", type=int, default=40)
    ap.add_argument("--replicas", type=int, default=1)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between the teacher's steps")
    ap.add_argument("--soak", type=float, default=0, help="seconds of steps instead of --steps (a soak)")
    ap.add_argument("--hall", action="store_true", help="every follower opens the link at the same moment")
    args = ap.parse_args()
    steps = int(args.soak / args.interval) if args.soak else args.steps
    if args.replicas == 1:
        from tests.e2e.harness import serve_process

        with serve_process() as (url, pid):
            ref, r = asyncio.run(bench(url, args.followers, steps, args.interval, [pid], None, args.hall))
        label = "one process, in-process store"
    else:
        from deploy.replicas import replicas
        from tests.e2e.harness import free_port

        with replicas(args.replicas, port=free_port(), first=None) as rep:
            ref, r = asyncio.run(
                bench(
                    rep["url"],
                    args.followers,
                    steps,
                    args.interval,
                    rep["pids"],
                    rep["redis"]["proc"].pid,
                    args.hall,
                )
            )
        label = f"{args.replicas} replicas behind nginx, Redis store"
    report(ref, f"reference, {label}")
    report(r, label, ref)


if __name__ == "__main__":
    main()
