"""Fixtures shared by every test: databases (SQLite and the local PostgreSQL), the app, clients.

Each test gets a clean database: the schema is migrated once per session, on the one engine per
database the whole run shares, and every table is emptied before each test. PostgreSQL runs in a
schema of its own per test process, so parallel runs on the same server never see each other.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from topofmind.store import migrate
from topofmind.store.database import make_engine
from topofmind.store.models import Base

REPO = Path(__file__).resolve().parents[1]
PG_SERVER = os.environ.get("TOPOFMIND_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEST_PORT = 8765
FIXED_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday afternoon


class Clock:
    """An injectable clock tests can move."""

    def __init__(self, now: datetime = FIXED_NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        from datetime import timedelta

        self.now += timedelta(**delta)
        return self.now


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
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}"


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


_migrated: dict[str, Engine] = {}


def migrated_engine(url: str) -> Engine:
    """The one engine of this test run on ``url``, its schema migrated once."""
    if url not in _migrated:
        engine = make_engine(url)
        migrate.upgrade(engine)
        _migrated[url] = engine
    return _migrated[url]


@pytest.fixture(scope="session", autouse=True)
def _dispose_engines():
    yield
    while _migrated:
        _migrated.popitem()[1].dispose()


def empty_all_tables(engine) -> None:
    tables = [table.name for table in Base.metadata.sorted_tables]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(
                text(
                    "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
                )
            )
        else:
            for table in reversed(tables):
                connection.execute(text(f'DELETE FROM "{table}"'))


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


_built: list = []


def build_app(url: str, data_dir: Path, clock: Clock | None, **extra):
    """An app on ``url``; one that makes its own engine (no ``ENGINE`` in ``extra``) is disposed
    when the test ends."""
    from topofmind.app import create_app

    config = {
        "DATA_DIR": data_dir,
        "DATABASE_URL": url,
        "AUTO_UPGRADE": False,
        "TESTING": True,
        "PORT": TEST_PORT,
        "CLOCK": clock,
        "TOKEN": "test-token-0123456789",
        "SECRET_KEY": "test-secret",
    }
    config.update(extra)
    _built.append(create_app(config))
    return _built[-1]


@pytest.fixture(autouse=True)
def _dispose_apps():
    yield
    from topofmind.app import dispose

    while _built:
        dispose(_built.pop())


@pytest.fixture
def app(database_url, tmp_path, clock):
    """The app on this test's database, sharing the session's migrated engine (one pool per
    database for the whole run instead of one per test)."""
    return build_app(database_url, tmp_path / "data", clock, ENGINE=migrated_engine(database_url))


class ApiClient:
    """The Flask test client with our Host and token on every call."""

    def __init__(self, flask_client, token: str | None):
        self.raw = flask_client
        self.token = token

    def _headers(self, headers):
        merged = {"Host": f"127.0.0.1:{TEST_PORT}"}
        if self.token:
            merged["Authorization"] = f"Bearer {self.token}"
        merged.update(headers or {})
        return {k: v for k, v in merged.items() if v is not None}

    def open(self, method, path, headers=None, **kwargs):
        return self.raw.open(path, method=method, headers=self._headers(headers), **kwargs)

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def post(self, path, **kw):
        return self.open("POST", path, **kw)

    def patch(self, path, **kw):
        return self.open("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)


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
