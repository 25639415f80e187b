#!/usr/bin/env python3
"""Benchmark the capture path: HTTP round trip through waitress, and re-parsing stored captures.

    PYTHONPATH=server python3 scripts/bench_capture.py [--rounds 10] [--reparse 10000]

1. Starts ``topofmind serve`` on a temporary SQLite database and POSTs every real page in
   ``tests/fixtures/linkedin`` ROUNDS times (new capture id each time): p50/p95 per page.
2. Stores REPARSE captures (the real pages, cycled) and times ``reparse_all`` over all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
import zlib
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "linkedin"
sys.path.insert(0, str(ROOT / "server"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, token: str, body: bytes) -> float:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/captures",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def round_trips(rounds: int) -> list[tuple[str, int, float, float]]:
    truths = json.loads((PAGES / "ground_truth.json").read_text())
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "TOPOFMIND_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT / "server")}
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "topofmind.cli", "serve", "--port", str(port), "--no-scheduler"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            token = subprocess.check_output(
                [sys.executable, "-m", "topofmind.cli", "token"], env=env, text=True
            ).strip()
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health")
                    break
                except OSError:
                    time.sleep(0.1)
            rows = []
            for truth in truths:
                html = (PAGES / truth["file"]).read_text(encoding="utf-8", errors="replace")
                times = []
                for _ in range(rounds):
                    body = json.dumps(
                        {
                            "id": str(uuid.uuid4()),
                            "url": truth["url"],
                            "html": html,
                            "captured_at": datetime.now(UTC).isoformat(),
                        }
                    ).encode()
                    times.append(post(port, token, body))
                times.sort()
                rows.append(
                    (
                        truth["file"],
                        len(html.encode()),
                        statistics.median(times),
                        times[max(0, int(len(times) * 0.95) - 1)],
                    )
                )
            return rows
        finally:
            server.terminate()
            server.wait(10)


def reparse(count: int) -> tuple[float, int]:
    from topofmind.linkedin import PARSER_VERSION
    from topofmind.services.captures import reparse_all
    from topofmind.store import migrate
    from topofmind.store.database import make_engine, make_session_factory
    from topofmind.store.models import Capture

    truths = json.loads((PAGES / "ground_truth.json").read_text())
    pages = [(t["url"], zlib.compress((PAGES / t["file"]).read_bytes(), 6)) for t in truths]
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/reparse.db")
        migrate.upgrade(engine)
        factory = make_session_factory(engine)
        now = datetime.now(UTC)
        with factory.begin() as session:
            for n in range(count):
                url, html_gz = pages[n % len(pages)]
                session.add(
                    Capture(
                        id=str(uuid.uuid4()),
                        url=url,
                        kind="unknown",
                        captured_at=now,
                        received_at=now,
                        html_gz=html_gz,
                        html_bytes=len(html_gz),
                        parser_version="old",
                        status="parsed",
                    )
                )
        started = time.perf_counter()
        with factory.begin() as session:
            counts = reparse_all(session, now)
        elapsed = time.perf_counter() - started
        engine.dispose()
    assert PARSER_VERSION
    return elapsed, counts["reparsed"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--reparse", type=int, default=10000)
    args = parser.parse_args()
    print(f"{'page':<34} {'bytes':>9} {'p50 ms':>8} {'p95 ms':>8}")
    all_rows = round_trips(args.rounds)
    for name, size, p50, p95 in all_rows:
        print(f"{name:<34} {size:>9} {p50:>8.1f} {p95:>8.1f}")
    if args.reparse:
        elapsed, count = reparse(args.reparse)
        print(
            f"\nre-parsed {count} stored captures in {elapsed:.1f} s "
            f"({count / elapsed:.0f} captures/s)"
        )


if __name__ == "__main__":
    main()
