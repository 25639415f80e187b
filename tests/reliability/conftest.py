"""Fresh, empty databases on demand (restore targets, server subprocesses)."""

from __future__ import annotations

import itertools
import os

import pytest
from sqlalchemy import text

from tests.support.app import PG_SERVER, pg_schema_url
from topofmind.store.database import make_engine

_counter = itertools.count(1)


@pytest.fixture
def empty_database(tmp_path, postgres_url):
    """Factory: ``empty_database("sqlite" | "postgresql")`` → the URL of a database with no tables.

    PostgreSQL databases are schemas of their own (``h_<pid>_<n>``), dropped after the test.
    """
    schemas: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / f'empty-{next(_counter)}.db'}"
        if postgres_url is None:
            pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
        schema = f"h_{os.getpid()}_{next(_counter)}"
        engine = make_engine(PG_SERVER)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        schemas.append(schema)
        return pg_schema_url(schema)

    yield make
    if schemas:
        engine = make_engine(PG_SERVER)
        with engine.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
