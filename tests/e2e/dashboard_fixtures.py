"""Fixtures for the dashboard's browser tests: a real ``topofmind serve`` subprocess on a free
port with its own data folder (demo data loaded), and Debian's Chromium through Playwright.

Never downloads a browser: Chromium comes from /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DashboardServer:
    """``python -m topofmind.cli serve --no-scheduler`` with ``TOPOFMIND_DATA_DIR`` of its own."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        env.update(
            TOPOFMIND_DATA_DIR=str(self.data_dir),
            TOPOFMIND_PORT=str(self.port),
            PYTHONPATH=str(REPO_ROOT / "server"),
        )
        return env

    def cli(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "topofmind.cli", *args],
            env=self.env(),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return result.stdout

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "topofmind.cli",
                "serve",
                "--port",
                str(self.port),
                "--no-scheduler",
            ],
            env=self.env(),
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_path.read_text())
            try:
                with urllib.request.urlopen(f"{self.url}/api/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not answer:\n" + self.log_path.read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    @property
    def token(self) -> str:
        return self.cli("token").strip()

    def api(self, method: str, path: str, body=None):
        request = urllib.request.Request(
            self.url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    @property
    def login_url(self) -> str:
        """A fresh one-time sign-in link, as ``topofmind open`` prints it."""
        return self.cli("open", "--no-browser", "--port", str(self.port)).strip()


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory) -> Iterator[DashboardServer]:
    """A server with the demo data set loaded before it starts."""
    server = DashboardServer(tmp_path_factory.mktemp("dashboard-data"))
    server.data_dir.mkdir(parents=True, exist_ok=True)
    server.cli("demo")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def playwright_driver(playwright):
    """pytest-playwright's session driver: one Playwright per test session, shared with the
    extension's browser tests (two sync drivers in one thread would clash)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    return playwright


@pytest.fixture(scope="module")
def chromium(playwright_driver) -> Iterator:
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def chromium_with_extension(playwright_driver, tmp_path) -> Iterator:
    """A persistent Chromium profile with the unpacked extension loaded: ``(context, worker)``."""
    extension = str(REPO_ROOT / "extension")
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=[
            f"--disable-extensions-except={extension}",
            f"--load-extension={extension}",
            *CHROMIUM_ARGS,
        ],
    )
    try:
        worker = (
            context.service_workers[0]
            if context.service_workers
            else context.wait_for_event("serviceworker")
        )
        yield context, worker
    finally:
        context.close()


@pytest.fixture
def signed_in(chromium, dashboard_server):
    """A fresh 1280×800 page signed in through the tokened URL; console errors collected."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.console_errors = []
    page.dialogs = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(dashboard_server.login_url)
    page.wait_for_url(f"{dashboard_server.url}/")
    yield page
    context.close()


def screenshot(page, name: str, *, full_page: bool = False) -> Path:
    """Saves ``dashboard-<name>.png``: into docs/screenshots/ when TOPOFMIND_SCREENSHOTS=1
    (to refresh the docs), else into a temporary folder so test runs leave the tree clean."""
    folder = SCREENSHOTS
    if os.environ.get("TOPOFMIND_SCREENSHOTS") != "1":
        folder = Path(tempfile.gettempdir()) / "topofmind-dashboard-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"dashboard-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
