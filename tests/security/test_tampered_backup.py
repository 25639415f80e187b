"""Issue 15, finding 9: a tampered backup is refused with an error naming the table, row and
column, and the database is left exactly as it was (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.support.app import FIXED_NOW, PG_SERVER, REPO, migrated_engine, pg_schema_url
from tests.support.sample_data import dump, fill
from topofmind.errors import InvalidInput
from topofmind.services.backup import restore_backup, write_backup
from topofmind.store import migrate
from topofmind.store.database import make_engine

_numbers = count()


@pytest.fixture
def fresh_database(request, tmp_path, postgres_url):
    """An empty database of the same kind as the test's ``database_url``."""
    kind = request.node.callspec.params["database_url"]
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    schema = f"r_{os.getpid()}_{next(_numbers)}"
    engine = make_engine(PG_SERVER)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield pg_schema_url(schema)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def tampered(source, target, table, change):
    """A copy of the backup ``source`` with ``change(rows)`` applied to ``table``'s rows (or to
    the manifest when ``table`` is ``manifest.json``)."""
    with zipfile.ZipFile(source) as good, zipfile.ZipFile(target, "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            if item.filename == "manifest.json" and table == "manifest.json":
                data = json.dumps(change(json.loads(data))).encode()
            elif item.filename == f"tables/{table}.jsonl":
                lines = [json.loads(line) for line in data.splitlines() if line.strip()]
                data = b"".join(
                    (line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n"
                    for line in change(lines)
                )
            bad.writestr(item, data)
    return target


def set_value(column, value, row=0):
    def change(rows):
        rows[row][column] = value
        return rows

    return change


CASES = [
    (
        "interview",
        set_value("starts_at", 1_700_000_000),
        "table interview, row 1, column starts_at",
    ),
    ("person", set_value("degree", 10**30), "table person, row 1, column degree"),
    ("person", set_value("name", {"first": "Dana"}), "table person, row 1, column name"),
    ("person", set_value("name", None), "table person, row 1, column name"),
    (
        "person",
        set_value("do_not_contact", "yes", row=1),
        "table person, row 2, column do_not_contact",
    ),
    ("person", set_value("name", "x" * 5000), "table person, row 1, column name"),
    ("capture", set_value("html_gz", "%%% not base64"), "table capture, row 1, column html_gz"),
    ("person", lambda rows: [*rows, b"{not json"], "table person, row"),
    ("person", lambda rows: [rows[0], ["a", "list"]], "table person, row 2"),
    ("person", lambda rows: [rows[0], rows[0]], "table person, row 2"),  # same id twice
    ("manifest.json", lambda m: {**m, "tables": "everything"}, "manifest"),
    ("manifest.json", lambda m: {**m, "tables": ["person"]}, "manifest"),
]


_good_backups: dict[str, Path] = {}


@pytest.fixture
def good_backup(client, database_url, tmp_path_factory) -> Path:
    """A backup of the realistic data set, made once per database for the whole module: every
    case tampers with a copy of it (filling the database is most of a case's time)."""
    if database_url not in _good_backups:
        fill(client)
        path = tmp_path_factory.mktemp("good-backup") / "good.zip"
        write_backup(migrated_engine(database_url), path, FIXED_NOW)
        _good_backups[database_url] = path
    return _good_backups[database_url]


@pytest.mark.parametrize("table,change,named", CASES, ids=[c[2] for c in CASES])
def test_a_tampered_backup_is_named_and_changes_nothing(
    good_backup, fresh_database, tmp_path, table, change, named
):
    bad = tampered(good_backup, tmp_path / "bad.zip", table, change)
    engine = make_engine(fresh_database)
    migrate.upgrade(engine)
    with pytest.raises(InvalidInput) as raised:
        restore_backup(engine, bad)
    assert named in raised.value.message
    assert all(not rows for rows in dump(engine).values())
    engine.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_says_what_is_wrong_without_a_traceback(client, database_url, tmp_path):
    fill(client)
    write_backup(migrated_engine(database_url), tmp_path / "good.zip", FIXED_NOW)
    bad = tampered(
        tmp_path / "good.zip", tmp_path / "bad.zip", "interview", set_value("starts_at", 12)
    )
    env = {**os.environ, "TOPOFMIND_DATA_DIR": str(tmp_path / "data")}
    env["PYTHONPATH"] = str(REPO / "server")
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "topofmind.cli", "restore", str(bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "table interview, row 1, column starts_at" in result.stderr
    assert "Traceback" not in result.stderr
