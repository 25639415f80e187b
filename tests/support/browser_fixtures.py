"""Fixtures of the extension's browser tests (tests/e2e, tests/security), loaded for the whole
suite by ``pytest_plugins`` in tests/conftest.py: the real server in a subprocess, Debian's
Chromium with the unpacked extension in a fresh profile, a local https://www.linkedin.com.

The tests count what reached the server and what sits in the extension's storage, so each gets
a fresh profile and an empty database; the database is the module's one server's, emptied
before each test (starting a server takes seconds, emptying it milliseconds).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.extension_fixtures import ExtensionBrowser, TopOfMindServer
from tests.e2e.linkedin_site import LinkedInSite
from tests.support.app import empty_all_tables
from topofmind.store.database import make_engine


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
