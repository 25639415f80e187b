"""The MCP server as an assistant meets it: ``python -m topofmind.cli mcp`` spawned over stdio and
driven with the SDK's own client, on a data folder loaded by ``topofmind demo``; the HTTP API
(a Flask test client) on the same database checks what the tools wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import anyio.from_thread
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.types import CallToolResult

from tests.support.app import TEST_PORT, ApiClient

CLI = [sys.executable, "-m", "topofmind.cli"]
DEMO_TIMEOUT_S = 180


def cli_env(data_dir: Path, database_url: str | None = None) -> dict[str, str]:
    """This process's environment with the data folder (and database) of the test."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["TOPOFMIND_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def load_demo_with_cli(data_dir: Path, database_url: str | None = None) -> None:
    """``topofmind demo`` into ``data_dir`` (and ``database_url`` when given)."""
    subprocess.run(
        [*CLI, "demo"],
        env=cli_env(data_dir, database_url),
        check=True,
        capture_output=True,
        timeout=DEMO_TIMEOUT_S,
    )


@asynccontextmanager
async def connect(
    data_dir: Path, *flags: str, database_url: str | None = None
) -> AsyncIterator[ClientSession]:
    """An initialised client session with ``topofmind mcp [flags]`` on ``data_dir``; the
    server's standard error goes to ``data_dir/../mcp-stderr.log``."""
    env = {"TOPOFMIND_DATA_DIR": str(data_dir)}
    if database_url:
        env["DATABASE_URL"] = database_url
    params = StdioServerParameters(command=CLI[0], args=[*CLI[1:], "mcp", *flags], env=env)
    with open(data_dir.parent / "mcp-stderr.log", "a", encoding="utf-8") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session


Scenario = Callable[[ClientSession], Awaitable[Any]]


class Assistant:
    """Runs an async scenario against a freshly spawned server on one data folder."""

    def __init__(self, data_dir: Path, database_url: str | None = None):
        self.data_dir = data_dir
        self.database_url = database_url

    def run(self, scenario: Scenario, *flags: str) -> Any:
        async def main() -> Any:
            async with connect(self.data_dir, *flags, database_url=self.database_url) as session:
                return await scenario(session)

        # An event loop of its own in a thread of its own: browser tests in the same run keep
        # one running in the main thread (pytest-playwright's sync API).
        with anyio.from_thread.start_blocking_portal() as portal:
            return portal.call(main)

    def call(self, name: str, arguments: dict[str, Any] | None = None, *flags: str):
        """One tool call on its own connection."""

        async def scenario(session: ClientSession) -> CallToolResult:
            return await session.call_tool(name, arguments or {})

        return self.run(scenario, *flags)


class LiveAssistant:
    """One server kept running for many calls (a module's reading tests), driven from sync
    tests through an anyio blocking portal: the session lives in the portal's event loop."""

    def __init__(self, data_dir: Path, *flags: str):
        self._portal_context = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_context.__enter__()
        self._session_context = self._portal.wrap_async_context_manager(connect(data_dir, *flags))
        self.session: ClientSession = self._session_context.__enter__()

    def run(self, scenario: Scenario, *flags: str) -> Any:
        assert not flags, "a live server keeps the flags it was started with"
        return self._portal.call(scenario, self.session)

    def call(self, name: str, arguments: dict[str, Any] | None = None) -> CallToolResult:
        return self._portal.call(self.session.call_tool, name, arguments or {})

    def close(self) -> None:
        self._session_context.__exit__(None, None, None)
        self._portal_context.__exit__(None, None, None)


def ids_by_name(api) -> dict[str, int]:
    """Tracked people's ids by name, from the HTTP API."""
    response = api.get("/api/contacts?per_page=200")
    assert response.status_code == 200, response.json
    return {person["name"]: person["id"] for person in response.json["items"]}


def suggestion_of(api, kind: str, person_id: int) -> dict:
    response = api.get(f"/api/suggestions?kind={kind}&person_id={person_id}")
    [suggestion] = response.json["items"]
    return suggestion


def text_of(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A data folder loaded once by ``topofmind demo`` (copied for each test)."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    load_demo_with_cli(folder)
    return folder


@pytest.fixture
def demo_dir(demo_template, tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def assistant(demo_dir) -> Assistant:
    """A server spawned for each scenario on this test's own copy of the demo (for writes)."""
    return Assistant(demo_dir)


@pytest.fixture(scope="module")
def shared_dir(demo_template, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture(scope="module")
def reader(shared_dir):
    """One server for a module's tests that only read (and failed writes, which write
    nothing), on a copy of the demo shared by that module."""
    live = LiveAssistant(shared_dir)
    yield live
    live.close()


def http_api(data_dir: Path, database_url: str | None = None):
    """The HTTP API on ``data_dir``'s database (or ``database_url``), with its token."""
    from topofmind.app import create_app

    return create_app(
        {
            "DATA_DIR": data_dir,
            "DATABASE_URL": database_url or f"sqlite:///{data_dir / 'topofmind.db'}",
            "AUTO_UPGRADE": False,
            "TESTING": True,
            "PORT": TEST_PORT,
        }
    )


@pytest.fixture
def api(demo_dir):
    app = http_api(demo_dir)
    yield ApiClient(app.test_client(), app.config["TOKEN"])
    app.extensions["topofmind"].engine.dispose()


@pytest.fixture(scope="module")
def shared_api(shared_dir):
    app = http_api(shared_dir)
    yield ApiClient(app.test_client(), app.config["TOKEN"])
    app.extensions["topofmind"].engine.dispose()
