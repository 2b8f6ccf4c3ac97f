"""A classroom against Gate Lab: N students stepping once a second, measured.

    python bench/load.py --students 40 --duration 60                  # one process, started here
    python bench/load.py --students 100 --duration 60 --replicas 2    # 2 processes behind nginx
    python bench/load.py --url http://host:8501 --pids 1234 ...       # a server already running

Each student speaks Streamlit's websocket protocol as the browser does
(bench/student.py): it opens the Cell page (a full script run that sends
the view of every step), then steps once a second, from a random start
offset, for ``--duration`` seconds. A step is drawn in the browser; what
the server gets is what the browser sends (ui/stepper/stepper.js): the
stepper's report of the step shown, at most every REPORT_S seconds, a
script run of the beacon's fragment. A report is served when its
``script_finished`` arrives; a student waits for that, so a slow server
means reports not served. Prints a single-student baseline (a report after
every step) first, then for the crowd: reports served vs due, p50 / p95 /
max report -> script_finished, the page opens' p95, errors, and the
servers' resident memory at the start and at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.student import Student  # noqa: E402


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


REPORT_S = 4.0  # the browser tells the server the step at most this often (stepper.js REPORT_MS)


async def one_student(base: str, duration: float, offset: float, out: dict, every: float = REPORT_S) -> None:
    s = Student(base, f"t=1&seed={random.randrange(1000)}")  # each student its own model: no shared cache hit
    try:
        t0 = time.perf_counter()
        await s.open()
        out["open"].append(time.perf_counter() - t0)
        start = time.perf_counter() + offset
        ticks = int(duration)
        last = -1e9
        for k in range(ticks):
            due = start + k
            now = time.perf_counter()
            if now < due:
                await asyncio.sleep(due - now)
            s.step_local()  # drawn in the browser
            if time.perf_counter() - last < every - 1e-3:
                continue
            out["due"] += 1
            if time.perf_counter() > due + 1:
                continue  # still busy with an older report: this one is not served
            last = time.perf_counter()
            try:
                out["lat"].append(await asyncio.wait_for(s.report(), timeout=30))
            except Exception as e:  # noqa: BLE001 — count every failure, keep the class going
                out["errors"].append(repr(e)[:120])
                return
    except Exception as e:  # noqa: BLE001
        out["errors"].append(repr(e)[:120])
    finally:
        with contextlib.suppress(Exception):
            await s.close()


async def crowd(
    base: str,
    students: int,
    duration: float,
    arrive: float = 10.0,
    pids=(),
    mem=None,
    every: float = REPORT_S,
) -> dict:
    results = [{"lat": [], "errors": [], "open": [], "due": 0} for _ in range(students)]
    tasks = []
    sampler = asyncio.create_task(sample_memory(list(pids), mem)) if mem is not None else None
    for k in range(students):
        # students open the link over the first ``arrive`` seconds (a class does not click at
        # the same millisecond), then each steps once a second from its own random phase
        await asyncio.sleep(arrive / students)
        tasks.append(asyncio.create_task(one_student(base, duration, random.random(), results[k], every)))
    await asyncio.gather(*tasks)
    if sampler:
        sampler.cancel()
    asked = sum(r["due"] for r in results)  # the reports the browsers would send
    lat = [x for r in results for x in r["lat"]]
    errors = [e for r in results for e in r["errors"]]
    opens = sorted(x for r in results for x in r["open"])
    return {"asked": asked, "served": len(lat), "lat": lat, "errors": errors, "opens": opens}


async def sample_memory(pids: list[int], out: list) -> None:
    """The servers' RSS every 10 s while the class runs."""
    t0 = time.perf_counter()
    while True:
        out.append((time.perf_counter() - t0, rss_mb(pids)))
        await asyncio.sleep(10)


def report(name: str, r: dict) -> str:
    lat = sorted(r["lat"]) or [float("nan")]
    p = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [lat[0]] * 99
    opens = r.get("opens") or [float("nan")]
    open95 = statistics.quantiles(opens, n=100, method="inclusive")[94] if len(opens) > 1 else opens[0]
    return (
        f"{name:<28} reports served {r['served']:>5}/{r['asked']:<5} p50 {statistics.median(lat) * 1e3:7.1f} ms  "
        f"p95 {p[94] * 1e3:7.1f} ms  max {lat[-1] * 1e3:7.1f} ms  errors {len(r['errors'])}  "
        f"page open p95 {open95 * 1e3:6.0f} ms"
    )


async def run(
    base: str, pids: list[int], students: int, duration: float, baseline: float, every: float = REPORT_S
) -> None:
    warm = Student(base, "t=1")
    await warm.open()
    for _ in range(3):
        await warm.step()
    await warm.close()
    print(
        f"Gate Lab at {base}, {students} students stepping once a second for {duration:g} s "
        f"(steps drawn in the browser; a report of the step at most every {every:g} s)",
        flush=True,
    )
    single = await crowd(base, 1, baseline, every=1.0)
    print(report("1 student (baseline)", single), flush=True)
    before = rss_mb(pids)
    mem: list = []
    many = await crowd(base, students, duration, pids=pids, mem=mem, every=every)
    after = rss_mb(pids)
    print(report(f"{students} students", many))
    if many["errors"]:
        print("first errors:", *sorted(set(many["errors"]))[:3], sep="\n  ")
    print(
        f"server memory (RSS, {len(pids)} process(es)): {before:.0f} MB at the start, {after:.0f} MB at the end"
    )
    print("  every 10 s: " + ", ".join(f"{m:.0f}" for _, m in mem) + " MB")
    ok = many["served"] == many["asked"] and not many["errors"]
    lat = sorted(many["lat"])
    p95 = statistics.quantiles(lat, n=100, method="inclusive")[94] if len(lat) > 1 else float("nan")
    print(
        f"target: p95 <= 500 ms, 0 errors, every report served -> {'met' if ok and p95 <= 0.5 else 'NOT met'}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--baseline", type=float, default=10, help="seconds of the single-student run")
    ap.add_argument("--replicas", type=int, default=1)
    ap.add_argument(
        "--report-every",
        type=float,
        default=REPORT_S,
        help="seconds between a browser's reports (1: every step)",
    )
    ap.add_argument("--url", help="a Gate Lab already running (else one is started here)")
    ap.add_argument("--pids", type=int, nargs="*", default=[], help="its server process ids, for memory")
    args = ap.parse_args()
    random.seed(0)
    if args.url:
        asyncio.run(run(args.url, args.pids, args.students, args.duration, args.baseline, args.report_every))
        return
    if args.replicas > 1:
        from deploy.replicas import replicas

        with replicas(args.replicas, port=8590) as r:
            asyncio.run(
                run(r["url"], r["pids"], args.students, args.duration, args.baseline, args.report_every)
            )
        return
    from tests.e2e.harness import serve_process

    with serve_process() as (url, pid):
        asyncio.run(run(url, [pid], args.students, args.duration, args.baseline, args.report_every))


if __name__ == "__main__":
    main()
