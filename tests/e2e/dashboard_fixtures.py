"""Fixtures for the dashboard's browser tests: a real ``topofmind serve`` subprocess on a free
port with its own data folder (demo data loaded), and Debian's Chromium through Playwright.

Never downloads a browser: Chromium comes from /usr/bin/chromium.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import DashboardServer

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"


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
