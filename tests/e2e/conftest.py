"""The fixtures of the dashboard's browser tests: a real ``topofmind serve`` subprocess on the
demo data and Debian's Chromium through Playwright (never a downloaded browser). The extension's
(``linkedin_site``, ``topofmind_server``, ``extension``, ``paired_extension``) are in
``tests.support.browser_fixtures``: tests/security uses them too.

What is expensive is done once and shared where no test depends on a fresh one: one Chromium
for the session (each test opens a context of its own), the demo data set seeded once and copied
into each dashboard server's data folder, one dashboard server per module.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import DashboardServer

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic"]


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory) -> Path:
    """A data folder with the demo data set, seeded once by ``topofmind demo``; servers copy it."""
    template = DashboardServer(tmp_path_factory.mktemp("demo-template") / "data")
    template.data_dir.mkdir(parents=True)
    template.cli("demo")
    return template.data_dir


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory, demo_data) -> Iterator[DashboardServer]:
    """A server on a copy of the demo data, shared by the tests of one module."""
    server = DashboardServer.copy_of(demo_data, tmp_path_factory.mktemp("dashboard") / "data")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def playwright_driver(playwright):
    """pytest-playwright's session driver: one Playwright per test session, shared with the
    extension's browser tests (two sync drivers in one thread would clash)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    return playwright


@pytest.fixture(scope="session")
def chromium(playwright_driver) -> Iterator:
    """One headless Chromium for the session; each test opens a context (profile) of its own."""
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
    """A fresh 1280×800 page signed in through a one-time link; console errors collected."""
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
    page.goto(dashboard_server.sign_in_url())
    page.wait_for_url(f"{dashboard_server.url}/")
    yield page
    context.close()


@pytest.fixture
def screenshot(tmp_path: Path):
    """save(page, state): the popup as a user sees it, 400x600 (``popup-<state>.png``)."""
    folder = (
        REPO_ROOT / "docs" / "screenshots"
        if os.environ.get("TOPOFMIND_SCREENSHOTS") == "1"
        else tmp_path / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)

    def save(page, state: str) -> Path:
        path = folder / f"popup-{state}.png"
        page.screenshot(path=str(path))
        return path

    return save
