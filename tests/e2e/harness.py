"""Start a Streamlit app on a free loopback port and drive it in Debian's Chromium.

Shared by the end-to-end tests and ``bench/browser.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from deploy.replicas import command, stop

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(app: Path = ROOT / "app.py", cwd: Path = ROOT, extra: list[str] | None = None) -> Iterator[str]:
    """Run ``streamlit run app`` on 127.0.0.1:<free port>; yield its base URL."""
    with serve_process(app, cwd, extra) as (url, _):
        yield url


@contextlib.contextmanager
def serve_process(
    app: Path = ROOT / "app.py", cwd: Path = ROOT, extra: list[str] | None = None, port: int | None = None
) -> Iterator[tuple[str, int]]:
    """Like ``serve``, and also yield the server's process id."""
    port = port or free_port()
    cmd = command(app, port, "--browser.gatherUsageStats", "false", *(extra or []))
    log = open(os.devnull, "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"streamlit did not start on port {port}")
        yield url, proc.pid
    finally:
        stop(proc)
        log.close()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")
