"""What the fixtures in tests/conftest.py are made of, importable by any test: the test clock, the
one migrated engine per database, building an app, a client with our Host and token."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from werkzeug.datastructures import CombinedMultiDict
from werkzeug.test import EnvironBuilder, encode_multipart

from topofmind.store import migrate
from topofmind.store.database import make_engine
from topofmind.store.models import Base

REPO = Path(__file__).resolve().parents[2]
PG_SERVER = os.environ.get("TOPOFMIND_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TEST_PORT = 8765
FIXED_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # a Wednesday afternoon


def pg_schema_url(schema: str) -> str:
    """The test server's URL with ``schema`` first on the search path (a database of its own).

    Commits there do not wait for the write-ahead log's flush (``synchronous_commit=off``, like
    the product's SQLite ``synchronous=NORMAL``): the tests kill our processes, never PostgreSQL,
    so nothing is lost, and the PostgreSQL tests run about a sixth faster without an fsync per
    commit."""
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"


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


_emptying: dict[str, list[str]] = {}


def empty_all_tables(engine: Engine) -> None:
    """Delete every row and restart every id sequence, in one transaction.

    DELETE, not TRUNCATE: the tables hold a handful of rows between tests, and PostgreSQL's
    TRUNCATE of 25 tables replaces 25 files on disk (~0.8 s a test on this machine against ~10 ms).
    Children go before parents, so the foreign keys never object."""
    key = str(engine.url)
    if key not in _emptying:
        _emptying[key] = _emptying_sql(engine)
    with engine.begin() as connection:
        for statement in _emptying[key]:
            connection.exec_driver_sql(statement)


def _emptying_sql(engine: Engine) -> list[str]:
    """The statements that empty ``engine``'s database: one batch on PostgreSQL (one round trip),
    one DELETE a table on SQLite (its driver runs one statement a call)."""
    tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
    statements = [f'DELETE FROM "{table}"' for table in tables]
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            sequences = connection.execute(
                text(
                    "SELECT pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
                    "FROM information_schema.columns c "
                    "WHERE c.table_schema = current_schema() AND c.table_name = ANY(:tables) "
                    "AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
                    "IS NOT NULL"
                ),
                {"tables": tables},
            ).scalars()
            statements += [f"SELECT setval('{sequence}', 1, false)" for sequence in sequences]
        return ["; ".join(statements)]
    return statements


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


_shared: dict[str, tuple] = {}


def shared_app(url: str, data_dir: Path, clock: Clock):
    """The run's one app on ``url`` (on its migrated engine), set for this test: the configuration
    it was built with (whatever the last test changed is put back), this test's data folder and
    clock. Building an app (its routes and OpenAPI document) takes 0.2-0.5 s here, minutes over
    the suite. Its token is fixed in the configuration, so no token file is ever read."""
    from topofmind.security import prepare_data_dir

    if url not in _shared:
        app = build_app(url, data_dir, clock, ENGINE=migrated_engine(url))
        _built.remove(app)  # kept for the run; its engine is disposed with the others
        # Served once now, so a test that would add a route or a hook to the shared app fails
        # at once (Flask refuses set-up after the first request) instead of changing the next
        # tests' app: such a test is marked ``fresh_app``.
        app.test_client().get("/api/health")
        _shared[url] = (app, dict(app.config), app.extensions["topofmind"])
    app, config, state = _shared[url]
    app.config.clear()
    app.config.update(config, DATA_DIR=data_dir, CLOCK=clock)
    prepare_data_dir(data_dir)
    app.extensions["topofmind"] = replace(state, clock=clock)
    return app


def _multipart_in_memory(kwargs: dict) -> dict:
    """``kwargs`` with a multipart ``data`` dict encoded into bytes.

    Left to itself, werkzeug's test client encodes a multipart body over 500 kB into an anonymous
    temporary file and hands it to the app as its input, which nothing closes afterwards (a
    ResourceWarning when it is collected). Encoded here, the body is plain bytes."""
    data = kwargs.get("data")
    if not isinstance(data, dict) or kwargs.get("content_type", "multipart/form-data") != (
        "multipart/form-data"
    ):
        return kwargs
    builder = EnvironBuilder(data=data)  # turns (stream, filename) tuples into files, as usual
    try:
        if not builder.files:
            return kwargs
        boundary, body = encode_multipart(CombinedMultiDict([builder.form, builder.files]))
    finally:
        builder.close()
    return {**kwargs, "data": body, "content_type": f'multipart/form-data; boundary="{boundary}"'}


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
        kwargs = _multipart_in_memory(kwargs)
        return self.raw.open(path, method=method, headers=self._headers(headers), **kwargs)

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def post(self, path, **kw):
        return self.open("POST", path, **kw)

    def patch(self, path, **kw):
        return self.open("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)
