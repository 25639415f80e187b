"""The fixtures of the browser tests: real ``topofmind serve`` subprocesses, Debian's Chromium
through Playwright (never a downloaded browser), the extension unpacked into it, and a local
https://www.linkedin.com serving the saved pages.

What is expensive is done once and shared where no test depends on a fresh one: one Chromium
for the session (each test opens a context of its own), the demo data set seeded once and copied
into each dashboard server's data folder, one dashboard server per module. The extension's tests
count what reached the server and what sits in the extension's storage: each gets a fresh
profile, and the module's one server emptied before it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.extension_fixtures import ExtensionBrowser, TopOfMindServer
from tests.e2e.linkedin_site import LinkedInSite
from tests.support.app import empty_all_tables
from tests.support.server import DashboardServer
from topofmind.store.database import make_engine

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


@pytest.fixture(scope="session")
def linkedin_site() -> Iterator[LinkedInSite]:
    with LinkedInSite() as site:
        yield site


@pytest.fixture(scope="session")
def empty_data(tmp_path_factory) -> Path:
    """A data folder whose database a first start of the server created and migrated (empty)."""
    data_dir = tmp_path_factory.mktemp("empty-template") / "data"
    data_dir.mkdir()
    server = TopOfMindServer(data_dir)
    server.start()
    server.stop()
    (data_dir / "server.log").unlink()
    return data_dir


@pytest.fixture(scope="module")
def module_server(tmp_path_factory, empty_data) -> Iterator[TopOfMindServer]:
    """The server the extension's tests of one module share (``topofmind_server`` empties it)."""
    data_dir = tmp_path_factory.mktemp("extension-server") / "data"
    shutil.copytree(empty_data, data_dir)
    server = TopOfMindServer(data_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def topofmind_server(module_server: TopOfMindServer) -> TopOfMindServer:
    """The module's server with an empty database, as a fresh one has: every row of the last
    test deleted (the server keeps nothing else between requests but pure caches). Started
    again if the last test stopped it and failed before bringing it back."""
    if module_server.process is None:
        module_server.start()
    engine = make_engine(f"sqlite:///{module_server.data_dir / 'topofmind.db'}")
    try:
        empty_all_tables(engine)
    finally:
        engine.dispose()
    return module_server


@pytest.fixture
def extension(playwright, linkedin_site: LinkedInSite) -> Iterator[ExtensionBrowser]:
    """Chromium with the unpacked extension in a fresh profile."""
    profile = Path(tempfile.mkdtemp(prefix="tom-chromium-"))
    browser = ExtensionBrowser(playwright, profile, linkedin_site.resolver_rule)
    yield browser
    browser.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def paired_extension(extension: ExtensionBrowser, topofmind_server: TopOfMindServer):
    result = extension.save_settings(topofmind_server.url, topofmind_server.token)
    assert "Connected" in result, result
    return extension


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
