"""Drive a real ``topofmind serve`` subprocess under load: concurrent clients post real captures
and read lists (``run_load``); every acknowledged capture must then be listed.

Used by ``tests/reliability`` and ``tests/security`` and by ``scripts/load_test.py`` /
``scripts/crash_test.py`` (which print the figures docs/reliability.md quotes).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.support.auth import sign_in_link

REPO = Path(__file__).resolve().parents[2]
PAGES_DIR = REPO / "tests" / "fixtures" / "linkedin"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path, database_url: str | None) -> dict:
    env = {**os.environ, "TOPOFMIND_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO / "server")}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


class Server:
    """``topofmind serve`` in a subprocess: ``start()``, ``kill()`` (SIGKILL), ``stop()``."""

    def __init__(self, data_dir: Path, database_url: str | None = None, port: int | None = None):
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.log = self.data_dir / "server.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = server_env(self.data_dir, self.database_url)
        command = [sys.executable, "-m", "topofmind.cli", "serve", "--port", str(self.port)]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [*command, "--no-scheduler"], env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.base}/api/health", timeout=1).status_code == 200:
                    return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not answer in {timeout} s: {self.log.read_text()[-2000:]}")

    def token(self) -> str:
        """The API token, as ``topofmind token`` prints it."""
        result = subprocess.run(
            [sys.executable, "-m", "topofmind.cli", "token"],
            env=server_env(self.data_dir, self.database_url),
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return result.stdout.strip()

    def sign_in_url(self) -> str:
        """A fresh one-time sign-in link like ``sign_in_link``'s, without the command's seconds."""
        database = self.database_url or f"sqlite:///{self.data_dir / 'topofmind.db'}"
        return sign_in_link(database, self.base)

    def sign_in_link(self) -> str:
        """A fresh one-time dashboard sign-in link, as ``topofmind open`` prints it."""
        result = subprocess.run(
            [sys.executable, "-m", "topofmind.cli", "open", "--no-browser"]
            + ["--port", str(self.port)],
            env=server_env(self.data_dir, self.database_url),
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return result.stdout.strip()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@contextlib.contextmanager
def postgres_schema(prefix: str = "load"):
    """A fresh schema on the local PostgreSQL server; yields its DATABASE_URL; dropped after."""
    import psycopg

    schema = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def load_pages() -> list[tuple[str, str]]:
    """``(url, html)`` of every saved LinkedIn page with its real URL."""
    import json

    truth = json.loads((PAGES_DIR / "ground_truth.json").read_text())
    return [
        (entry["url"], (PAGES_DIR / entry["file"]).read_text(encoding="utf-8", errors="replace"))
        for entry in truth
    ]


@dataclass
class Report:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    acked: set[str] = field(default_factory=set)  # capture ids that got a 2xx
    # sent, no 2xx seen (an error or the connection lost): id → (url, html), to resend
    unacked: dict[str, tuple[str, str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, endpoint: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(endpoint, []).append(seconds)

    def table(self) -> str:
        lines = [f"{'endpoint':<24}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}"]
        for endpoint, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
            lines.append(
                f"{endpoint:<24}{len(values):>10}{statistics.median(ordered) * 1000:>10.0f}"
                f"{p95 * 1000:>10.0f}{ordered[-1] * 1000:>10.0f}"
            )
        return "\n".join(lines)


def client_loop(
    base: str, token: str, pages, stop: threading.Event, report: Report, seed: int
) -> None:
    """One client: post a capture, read a list, read another list, until ``stop``."""
    rng = random.Random(seed)
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    while not stop.is_set():
        choice = rng.random()
        if choice < 0.5:
            url, html = rng.choice(pages)
            capture_id = str(uuid.uuid4())
            payload = capture_payload(capture_id, url, html)
            endpoint, method, path = "POST /api/captures", "POST", "/api/captures"
            kwargs = {"json": payload}
        elif choice < 0.75:
            capture_id = None
            endpoint, method, path = "GET /api/contacts", "GET", "/api/contacts?per_page=50"
            kwargs = {}
        else:
            capture_id = None
            endpoint, method, path = "GET /api/captures", "GET", "/api/captures?per_page=50"
            kwargs = {}
        if capture_id:
            with report.lock:
                report.unacked[capture_id] = (url, html)
        started = time.perf_counter()
        try:
            response = http.request(method, base + path, timeout=120, **kwargs)
        except requests.RequestException as error:
            if not stop.is_set():
                with report.lock:
                    report.errors.append(f"{endpoint}: {type(error).__name__}")
            continue
        report.record(endpoint, time.perf_counter() - started)
        if 200 <= response.status_code < 300:
            if capture_id:
                with report.lock:
                    report.unacked.pop(capture_id, None)
                    report.acked.add(capture_id)
        else:
            with report.lock:
                report.errors.append(f"{endpoint}: {response.status_code} {response.text[:200]}")


def start_load(base: str, token: str, clients: int) -> tuple[threading.Event, list, Report]:
    pages = load_pages()
    stop = threading.Event()
    report = Report()
    threads = [
        threading.Thread(
            target=client_loop, args=(base, token, pages, stop, report, seed), daemon=True
        )
        for seed in range(clients)
    ]
    for thread in threads:
        thread.start()
    return stop, threads, report


def run_load(base: str, token: str, clients: int, seconds: float) -> Report:
    """Run ``clients`` clients against ``base`` for ``seconds``; returns what they saw."""
    stop, threads, report = start_load(base, token, clients)
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=180)
    return report


def capture_payload(capture_id: str, url: str, html: str) -> dict:
    return {"id": capture_id, "url": url, "html": html, "captured_at": "2026-11-25T14:59:00Z"}


def listed_capture_ids(base: str, token: str) -> list[str]:
    """Every capture id the server lists (all pages of ``GET /api/captures``)."""
    ids: list[str] = []
    page = 1
    while True:
        response = requests.get(
            f"{base}/api/captures",
            params={"page": page, "per_page": 200},
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        ids += [item["id"] for item in body["items"]]
        if page * body["per_page"] >= body["total"]:
            return ids
        page += 1


def server_errors(server: Server, limit: int = 3) -> str:
    """The last ``limit`` tracebacks the server logged (each ends with the exception line)."""
    text = server.log.read_text(errors="replace") if server.log.exists() else ""
    # waitress notes a busy queue ("Task queue depth is 12"): load, not an error.
    text = "\n".join(line for line in text.splitlines() if "Task queue depth" not in line)
    blocks = [block for block in text.split("Traceback") if block.strip()][1:]
    return "\n".join("Traceback" + block.rstrip()[-1500:] for block in blocks[-limit:])
