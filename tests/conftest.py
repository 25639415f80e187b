"""Fixtures shared by every test: databases (SQLite and the local PostgreSQL), the app, clients.

Each test gets a clean database: the schema is migrated once per session, on the one engine per
database the whole run shares, and every row is deleted before each test. PostgreSQL runs in a
schema of its own per test process, so parallel runs on the same server never see each other.
The ``app`` fixture is likewise one app per database for the run, reset for each test
(``tests.support.app.shared_app``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text

from tests.support.app import (  # noqa: F401 - re-exported for tests that still import them from here
    FIXED_NOW,
    PG_SERVER,
    REPO,
    TEST_PORT,
    ApiClient,
    Clock,
    _built,
    _migrated,
    build_app,
    empty_all_tables,
    migrated_engine,
    pg_schema_url,
    shared_app,
)
from topofmind.store.database import make_engine

# Property tests replay the same examples on every run, so a red suite always means a change
# broke something; TOPOFMIND_HYPOTHESIS_RANDOM=1 explores fresh ones (scripts/fuzz_api.py does).
hypothesis_settings.register_profile("replay", derandomize=True, database=None)
hypothesis_settings.register_profile("explore")
hypothesis_settings.load_profile(
    "explore" if os.environ.get("TOPOFMIND_HYPOTHESIS_RANDOM") == "1" else "replay"
)

pytest_plugins = ["tests.support.browser_fixtures"]


def _postgres_url() -> str | None:
    schema = f"t_{os.getpid()}"
    engine = make_engine(PG_SERVER)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # noqa: BLE001 - any failure means "no server here"
        if os.environ.get("CI"):
            raise RuntimeError(f"PostgreSQL must answer in CI: {error}") from error
        return None
    finally:
        engine.dispose()
    return pg_schema_url(schema)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def postgres_url():
    url = _postgres_url()
    yield url
    if url:
        engine = make_engine(PG_SERVER)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "t_{os.getpid()}" CASCADE'))
        engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _dispose_engines():
    yield
    while _migrated:
        _migrated.popitem()[1].dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, sqlite_url, postgres_url) -> str:
    """Runs the test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = sqlite_url
    else:
        if postgres_url is None:
            pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432 (set TOPOFMIND_TEST_PG)")
        url = postgres_url
    empty_all_tables(migrated_engine(url))
    return url


@pytest.fixture
def sqlite_only_url(sqlite_url) -> str:
    empty_all_tables(migrated_engine(sqlite_url))
    return sqlite_url


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(autouse=True)
def _dispose_apps():
    yield
    from topofmind.app import dispose

    while _built:
        dispose(_built.pop())


@pytest.fixture
def app(request, database_url, tmp_path, clock):
    """The app on this test's database: one per database for the whole run (``shared_app``),
    on the session's migrated engine, with this test's data folder and clock. A test marked
    ``fresh_app`` (it adds routes or hooks) gets one built for it alone."""
    if request.node.get_closest_marker("fresh_app"):
        engine = migrated_engine(database_url)
        return build_app(database_url, tmp_path / "data", clock, ENGINE=engine)
    return shared_app(database_url, tmp_path / "data", clock)


@pytest.fixture
def client(app) -> ApiClient:
    return ApiClient(app.test_client(), app.config["TOKEN"])


@pytest.fixture
def anonymous(app) -> ApiClient:
    return ApiClient(app.test_client(), None)


@pytest.fixture
def make_person(client):
    """Factory: ``make_person(name=…, profile_url=…, **fields)`` → the created person (JSON)."""
    counter = iter(range(1, 10_000))

    def make(**overrides):
        n = next(counter)
        data = {"name": f"Person {n}", "profile_url": f"https://www.linkedin.com/in/person-{n}/"}
        data.update(overrides)
        response = client.post("/api/contacts", json=data)
        assert response.status_code == 201, response.json
        return response.json

    return make


@pytest.fixture
def make_opportunity(client):
    def make(**overrides):
        data = {"company": "Acme", "title": "Staff Engineer", "stage": "applied"}
        data.update(overrides)
        response = client.post("/api/opportunities", json=data)
        assert response.status_code == 201, response.json
        return response.json

    return make
