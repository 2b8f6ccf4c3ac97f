"""Start N Gate Lab processes and nginx in front of them, on loopback.

    python deploy/replicas.py --replicas 2 --port 8500     # Ctrl-C stops everything

Each replica is ``streamlit run app.py`` on its own port (8601, 8602, …);
nginx (Debian's, ``apt-get install nginx``) listens on ``--port`` with
websocket upgrade and sticky sessions (deploy/nginx.conf.template). One
replica per core is the rule of thumb: Streamlit runs a process's sessions
on one Python interpreter. A live class spans replicas through Redis:
Debian's ``redis-server`` (``apt-get install redis-server``) is started on a
free loopback port and every replica gets its URL as ``GATELAB_REDIS_URL``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url, timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def command(app: Path, port: int, *extra: str) -> list[str]:
    """``streamlit run`` for one Gate Lab process on 127.0.0.1:<port> (the tests use it too)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        *extra,
    ]


def stop(proc: subprocess.Popen, seconds: float = 10) -> None:
    """Ask a child process to end; kill it if it has not after ``seconds``."""
    proc.terminate()
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        proc.kill()


def start_replica(port: int, log, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        command(ROOT / "app.py", port), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
    )


@contextlib.contextmanager
def redis_server(port: int | None = None) -> Iterator[dict]:
    """Debian's redis-server on loopback, nothing saved to disk: yield {"url", "port", "proc"}."""
    exe = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(exe).exists():
        raise RuntimeError("redis-server is not installed: apt-get install redis-server")
    port = port or _free()
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        deadline = time.time() + 20
        while True:
            try:
                redis.Redis.from_url(url, socket_timeout=1).ping()
                break
            except redis.ConnectionError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        yield {"url": url, "port": port, "proc": proc}
    finally:
        stop(proc)


@contextlib.contextmanager
def replicas(n: int = 2, port: int = 8500, first: int | None = 8601, redis: bool = True) -> Iterator[dict]:
    """Yield {"url": nginx URL, "pids": [replica pids], "ports": [...], "procs": [...], "redis": {…} | None}."""
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(redis_server()) if redis else None
        env = dict(os.environ, GATELAB_REDIS_URL=store["url"]) if store else None
        yield stack.enter_context(_replicas(n, port, first, env)) | {"redis": store}


@contextlib.contextmanager
def _replicas(n: int, port: int, first: int | None, env: dict | None) -> Iterator[dict]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is not installed: apt-get install nginx")
    tmp = Path(tempfile.mkdtemp(prefix="gatelab-nginx-"))
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / d).mkdir()
    ports = [first + k for k in range(n)] if first else [_free() for _ in range(n)]
    log = open(tmp / "replicas.log", "w")  # noqa: SIM115
    procs = [start_replica(p, log, env) for p in ports]
    conf = (ROOT / "deploy" / "nginx.conf.template").read_text()
    upstreams = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    conf = conf.replace("{tmp}", str(tmp)).replace("{port}", str(port)).replace("{upstreams}", upstreams)
    conf = conf.replace("{static}", str(ROOT / "deploy" / "static"))
    (tmp / "nginx.conf").write_text(conf)
    ngx = None
    try:
        for p in ports:
            _wait(f"http://127.0.0.1:{p}/_stcore/health")
        ngx = subprocess.Popen(
            [nginx, "-c", str(tmp / "nginx.conf"), "-p", str(tmp), "-g", "daemon off;"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _wait(f"http://127.0.0.1:{port}/_stcore/health")
        yield {
            "url": f"http://127.0.0.1:{port}",
            "pids": [p.pid for p in procs],
            "ports": ports,
            "procs": procs,
        }
    finally:
        for p in ([ngx] if ngx else []) + procs:
            p.send_signal(signal.SIGTERM)
        for p in ([ngx] if ngx else []) + procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicas", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--port", type=int, default=8500)
    args = ap.parse_args()
    with replicas(args.replicas, args.port) as r:
        print(
            f"Gate Lab on {r['url']} ({args.replicas} replicas: ports {r['ports']}; live classes in "
            f"Redis at {r['redis']['url']}). Ctrl-C to stop.",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.poll() is None for p in r["procs"]):
                time.sleep(1)


if __name__ == "__main__":
    main()
