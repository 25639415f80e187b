"""What the fixtures in tests/conftest.py are made of, importable by any test: the test clock, the
one migrated engine per database, building an app, a client with our Host and token."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from topofmind.store import migrate
from topofmind.store.database import make_engine
from topofmind.store.models import Base

REPO = Path(__file__).resolve().parents[2]
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
        self.now += timedelta(**delta)
        return self.now


_migrated: dict[str, Engine] = {}


def migrated_engine(url: str) -> Engine:
    """The one engine of this test run on ``url``, its schema migrated once."""
    if url not in _migrated:
        engine = make_engine(url)
        migrate.upgrade(engine)
        _migrated[url] = engine
    return _migrated[url]


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
