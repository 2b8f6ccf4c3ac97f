"""A lecture hall opening the teacher's link at the same moment, against the floor Streamlit sets.

    python bench/hall.py [--students 250] [--runs 3]

Starts one Gate Lab process with a live class (a teacher at ``/?t=1`` presses *Start a live
class*), then ``--students`` browsers open ``/?join=CODE`` all at once (Streamlit's websocket
protocol, as ``bench/student.py`` speaks it: the page's HTML, the websocket, one run of the page)
and each is timed until the stepper's data, the diagram, has arrived. Then the same for a bare
Streamlit page in a process of its own, started with Gate Lab's own ``.streamlit/config.toml``:
a title, a line of text, a button and a components-v2 element carrying 40 steps of numbers,
which is about the least a page that shows a diagram can be. Its open time and CPU per student
are the floor every Streamlit session pays (the HTML, the websocket, a session, a script run);
Gate Lab's are printed beside it, and their ratio. Median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.student import Student  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BARE = """import streamlit as st

st.title("Gate Lab")
st.markdown("Following the live class **ABCDEF**")
_STEPS = st.components.v2.component("bare_steps", html="<div></div>", js="export default function () {}")
_STEPS(key="stepper_bare", data={"T": 40, "steps": [[round(0.01 * i * j, 3) for j in range(60)] for i in range(40)], "seek": ["s", 0]})
st.button("Explore on my own")
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def hall(url: str, pid: int, query: str, n: int) -> tuple[float, float, int]:
    """``n`` students open ``url/?query`` at once: (p95 seconds to the page's data, CPU ms per student,
    pages whose data did not arrive)."""
    for _ in range(3):  # warm: the first sessions import and cache
        s = Student(url, query)
        await s.open()
        await s.close()
    students = [Student(url, query) for _ in range(n)]
    times: list[float] = []

    async def one(s: Student) -> None:
        t0 = time.perf_counter()
        await s.open()
        times.append(time.perf_counter() - t0)

    c0 = cpu_seconds(pid)
    await asyncio.gather(*(one(s) for s in students))
    cpu = cpu_seconds(pid) - c0
    missing = sum(not s.data and not s.class_data for s in students)
    for s in students:
        await s.close()
    times.sort()
    return times[int(0.95 * (len(times) - 1))], 1000 * cpu / n, missing


async def hall_view(url: str, pid: int, code: str, n: int) -> tuple[float, float, int, float]:
    """``n`` students open ``/?join=CODE`` at once, each as a fresh browser does (live/hall.py): the
    page's HTML (which names the student in a cookie), then at once the hall's answer and its three
    scripts and style, then Streamlit's websocket and the page's first run. (p95 seconds to the class's
    diagram in the hall view, CPU ms per student, students without it, p95 seconds to the app's page)."""
    from bench.stream import fetch

    async def one(times: list, app: list, missing: list) -> None:
        t0 = time.perf_counter()
        status, head, html = await fetch(url, f"/?join={code}")
        cookies = [c.split(";", 1)[0] for c in head.get("set-cookie", "").split("\n") if c]
        named = re.search(rb"gatelab_student=(\w+\.[0-9a-f]+)", html)  # what the page's script keeps
        cookies = "; ".join(cookies + ([f"gatelab_student={named.group(1).decode()}"] if named else []))
        v = re.search(rb"/gatelab/hall/hall.js\?v=(\w+)", html)
        answers = await asyncio.gather(
            fetch(url, f"/gatelab/class/{code}/hall", cookies),
            *(
                fetch(url, f"/gatelab/hall/{name}?v={v.group(1).decode() if v else ''}")
                for name in HALL_FILES
            ),
        )
        got = answers[0]
        said = json.loads(got[2]) if got[0] == 200 else {}
        if said.get("data") and all(a[0] == 200 for a in answers[1:]):
            times.append(time.perf_counter() - t0)
        else:
            missing.append(got[0])
        await asyncio.sleep(said.get("wait_ms", 0) / 1000)  # the app's script waits for its turn
        s = Student(url, f"join={code}", cookies=cookies)
        await s.connect()
        if s.data:
            app.append(time.perf_counter() - t0)
        await s.close()

    warm_t, warm_a, warm_m = [], [], []
    for _ in range(3):
        await one(warm_t, warm_a, warm_m)
    times, app, missing = [], [], []
    c0 = cpu_seconds(pid)
    await asyncio.gather(*(one(times, app, missing) for _ in range(n)))
    cpu = cpu_seconds(pid) - c0
    times.sort()
    app.sort()

    def p95(xs: list[float]) -> float:
        return xs[int(0.95 * (len(xs) - 1))] if xs else float("nan")

    # (a student whose view did not arrive counts as never: the p95 is over all n)
    never = [float("inf")] * (n - len(times))
    return p95(times + never), 1000 * cpu / n, len(missing), p95(app + [float("inf")] * (n - len(app)))


HALL_FILES = ("hall.js",)


async def gatelab(url: str, pid: int, n: int, view: bool = False) -> tuple:
    """A teacher starts a class; ``n`` students open its link at once: the app alone (``hall``), or
    with the hall view (``hall_view``)."""
    teacher = Student(url, "t=1")
    await teacher.open()
    await teacher.click("class_start")
    code = re.search(r"\*\*([A-Z0-9]{4,8})\*\*", " ".join(teacher.texts)).group(1)
    try:
        if view:
            return await hall_view(url, pid, code, n)
        return await hall(url, pid, f"join={code}", n)
    finally:
        await teacher.close()


def main() -> None:
    from tests.e2e.harness import serve_process

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=250)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-floor", action="store_true", help="only Gate Lab's two rows")
    args = ap.parse_args()
    rows: dict[str, list] = {"bare": [], "gatelab": [], "view": []}
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp)
        (bare / "app.py").write_text(BARE)
        (bare / ".streamlit").mkdir()
        (bare / ".streamlit" / "config.toml").write_text((ROOT / ".streamlit" / "config.toml").read_text())
        for _ in range(args.runs):
            if not args.skip_floor:
                with serve_process(app=bare / "app.py", cwd=bare) as (url, pid):
                    rows["bare"].append(asyncio.run(hall(url, pid, "", args.students)))
                with serve_process() as (url, pid):
                    rows["gatelab"].append(asyncio.run(gatelab(url, pid, args.students)))
            with serve_process() as (url, pid):
                rows["view"].append(asyncio.run(gatelab(url, pid, args.students, view=True)))
    med = {k: [statistics.median(r[i] for r in v) for i in range(len(v[0]))] for k, v in rows.items() if v}
    print(
        f"{args.students} students open a link at the same moment, one process (median of {args.runs} runs):"
    )
    for k, label in (
        ("bare", "a bare Streamlit page (the floor)"),
        ("gatelab", "Gate Lab's app, its page alone"),
    ):
        if k in med:
            p95, cpu, missing = med[k]
            print(
                f"  {label}: diagram's data on screen p95 {p95:.2f} s; server CPU {cpu:.1f} ms per student; "
                f"missing {missing:.0f}"
            )
    if "bare" in med:
        print(
            f"  Gate Lab / floor: p95 {med['gatelab'][0] / med['bare'][0]:.2f}x, "
            f"CPU {med['gatelab'][1] / med['bare'][1]:.2f}x"
        )
    p95, cpu, missing, app = med["view"]
    print(
        f"  Gate Lab, /?join=CODE with the hall view (live/hall.py): the class's diagram on screen p95 {p95:.2f} s "
        f"(target <= 3 s: {'met' if p95 <= 3 else 'NOT met'}); without it {missing:.0f}; the app's own page p95 "
        f"{app:.2f} s; server CPU {cpu:.1f} ms per student (both)"
    )


if __name__ == "__main__":
    main()
