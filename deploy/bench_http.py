"""HTTP throughput of the production stack, side by side with a static file from the same server.

``make bench-http`` runs this: it starts the recipe's server (``deploy/serve-production.sh``:
production settings, gunicorn with ``GUNICORN_WORKERS`` sync workers on loopback) against
``DATABASE_URL``, loads it with wrk and prints requests per second and latency percentiles for
a static file, the anonymous pages from the page cache, the same pages with the cache switched off
(a second server with ``PAGE_CACHE_SECONDS=0``), and the requests the cache cannot hold (search,
filtered listings). Figures, never assertions: the tests pin behaviour and query counts.

Needs wrk (``apt-get install wrk``) and a database with content (``make bench-http`` loads the
demo). Usage: ``python deploy/bench_http.py [--seconds 5] [--connections 8] [--port 8765]``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Pages the cache holds (anonymous, no query string): the start page, listings, detail pages.
CACHED = [
    "/de/",
    "/de/aktuelles/",
    "/de/veranstaltungen/",
    "/de/stadtteilprofile/",
    "/de/wissen/",
    "/de/themen/buergerbeteiligung/",
    "/de/aktuelles/feed.rss",
    "/de/veranstaltungen/feed.ics",
    "/sitemap.xml",
]
# Requests the cache cannot hold: a query string always goes to the application.
UNCACHEABLE = [
    "/de/suche/?q=Quartier",
    "/de/suche/?q=Beteiligung&topic=buergerbeteiligung",
    "/de/aktuelles/?topic=buergerbeteiligung",
    "/de/stadtteilprofile/?status=laufend",
]


@dataclass
class Figure:
    label: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: str

    def line(self, static: float | None) -> str:
        share = f"{self.requests_per_second / static:6.1%}" if static else "     –"
        return (
            f"{self.label:<10} {self.path:<52} {self.requests_per_second:9.1f} "
            f"{self.p50_ms:8.1f} {self.p99_ms:8.1f} {share} {self.errors}"
        )


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, seconds: int, connections: int) -> tuple[float, float, float, str]:
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    problems = []
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        problems.append(f"{match.group(1)} non-2xx")
    if match := re.search(r"Socket errors: (.*)", output):
        problems.append(f"socket errors: {match.group(1)}")
    return rate, p50, p99, "; ".join(problems)


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Server:
    """The recipe's server (serve-production.sh) on a loopback port, stopped on exit."""

    def __init__(self, port: int, page_cache_seconds: int, workdir: Path):
        self.port = port
        environment = dict(os.environ)
        environment.update(
            PORT=str(port),
            PAGE_CACHE_SECONDS=str(page_cache_seconds),
            CACHE_DIR=str(workdir / f"cache-{port}"),
            STATIC_ROOT=str(workdir / "static"),
            EMAIL_HOST=environment.get("EMAIL_HOST", "localhost"),
            LOG_LEVEL="WARNING",
        )
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "serve-production.sh")],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def wait(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"server exited:\n{self.process.stderr.read()}")
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("server did not answer /healthz in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)


def static_path(port: int) -> str:
    """A stylesheet the start page links: the static file served by the same stack."""
    status, _, body = get(port, "/de/")
    if status != 200:
        raise SystemExit(f"/de/ answered {status}")
    match = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if not match:
        raise SystemExit("no stylesheet found on /de/")
    return match.group(1).decode()


def measure(port: int, label: str, paths: list[str], seconds: int, connections: int):
    for path in paths:
        status, _, _ = get(port, path)  # warm up (fills the cache where it applies)
        if status != 200:
            print(f"{label:<10} {path:<52} skipped: answers {status}", flush=True)
            continue
        rate, p50, p99, errors = wrk(f"http://127.0.0.1:{port}{path}", seconds, connections)
        yield Figure(label, path, rate, p50, p99, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    print(
        f"wrk -c{options.connections} -d{options.seconds}s over loopback; gunicorn "
        f"{os.environ.get('GUNICORN_WORKERS', '2')} sync workers, production settings, "
        f"database {os.environ.get('DATABASE_URL', 'sqlite (db.sqlite3)').rsplit('@', 1)[-1]}"
    )
    print(f"{'':<10} {'path':<52} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'static':>6}")
    with tempfile.TemporaryDirectory(prefix="bench-http-") as directory:
        workdir = Path(directory)
        results: list[Figure] = []
        static_rate = None
        for label, cache_seconds, paths in (
            ("cached", 600, CACHED + UNCACHEABLE),
            ("uncached", 0, CACHED),
        ):
            server = Server(options.port, cache_seconds, workdir)
            try:
                server.wait()
                if static_rate is None:
                    static = next(
                        measure(
                            options.port,
                            "static",
                            [static_path(options.port)],
                            options.seconds,
                            options.connections,
                        )
                    )
                    static_rate = static.requests_per_second
                    results.append(static)
                    print(static.line(static_rate), flush=True)
                for figure in measure(
                    options.port, label, paths, options.seconds, options.connections
                ):
                    if label == "cached" and "?" in figure.path:
                        figure.label = "no cache"
                    results.append(figure)
                    print(figure.line(static_rate), flush=True)
            finally:
                server.stop()
        cached = {f.path: f for f in results if f.label == "cached"}
        print("\ncache speed-up (cached req/s ÷ uncached req/s):")
        for figure in results:
            if figure.label == "uncached" and figure.path in cached:
                ratio = cached[figure.path].requests_per_second / figure.requests_per_second
                print(f"  {figure.path:<52} {ratio:6.1f}×")


if __name__ == "__main__":
    sys.exit(main())
