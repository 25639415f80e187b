"""Backup and restore of every table, as a zip of JSON lines (``topofmind backup``/``restore``).

A backup is not a file copy: it reads rows through SQLAlchemy, so one taken from SQLite restores
into PostgreSQL and back. The zip holds ``manifest.json`` (format, schema revision, row counts)
and ``tables/<table>.jsonl``, one row per line; datetimes are ISO 8601 with offset, dates ISO,
binary columns (the compressed capture HTML) base64.
"""

from __future__ import annotations

import base64
import json
import math
import os
import zipfile
from collections.abc import Generator
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    LargeBinary,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.types import TypeDecorator

from .. import __version__
from ..errors import Conflict, InvalidInput
from ..store import migrate
from ..store.models import Base

FORMAT = "topofmind-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
INSERT_BATCH = 500


# Sign-in keys, sessions and pairing codes belong to this installation's running server: a
# backup never carries them, and a restore leaves them as they are.
NOT_BACKED_UP = frozenset({"auth_secret"})


def _tables() -> list[Table]:
    """Every table of user data, parents before children (restore inserts in this order)."""
    return [table for table in Base.metadata.sorted_tables if table.name not in NOT_BACKED_UP]


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value)
    kind = _python_type(column)
    if kind is datetime:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if kind is date:
        return date.fromisoformat(value)
    return value


def _python_type(column: Column[Any]) -> type | None:
    base = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    try:
        return base.python_type
    except NotImplementedError:
        return None


def table_counts(connection: Connection) -> dict[str, int]:
    """Rows per table (the manifest's ``tables`` and the non-empty check use it)."""
    return {
        table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in _tables()
    }


def _rows(connection: Connection, table: Table) -> Generator[dict, None, None]:
    """The rows of ``table`` in key order, streamed (a server-side cursor on PostgreSQL), which
    closing the generator closes."""
    order = list(table.primary_key.columns)
    statement = select(table).order_by(*order)
    with connection.execution_options(yield_per=200).execute(statement) as result:
        for row in result.mappings():
            yield {column.name: _encode(column, row[column.name]) for column in table.columns}


def write_backup(engine: Engine, path: Path, now: datetime) -> dict:
    """Write every row of every table to the zip at ``path``; returns the manifest.

    Reads in one transaction, so the backup is a consistent snapshot even while the server runs.
    The file is written next to ``path`` and renamed into place, so a crash never leaves a
    half-written backup under the final name; only the user can read it (mode 0600).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        revision = migrate.current_revision(engine)
        # Only the user may read it: a backup holds every contact, note and captured page.
        handle = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
        try:
            manifest = _write_archive(connection, handle, revision, now)
        except BaseException:
            # Interrupted (Ctrl-C, a full disk, a database error): leave nothing behind.
            handle.close()
            partial.unlink(missing_ok=True)
            raise
    partial.replace(path)
    return manifest


def _write_archive(
    connection: Connection, handle: BinaryIO, revision: str | None, now: datetime
) -> dict[str, Any]:
    """Every table into the zip on ``handle``; returns the manifest (closes ``handle``)."""
    counts: dict[str, int] = {}
    with handle, zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in _tables():
            counts[table.name] = 0
            # closing(): an interrupted backup closes the streamed cursor now, on its connection.
            with (
                archive.open(f"tables/{table.name}.jsonl", "w") as member,
                closing(_rows(connection, table)) as rows,
            ):
                for row in rows:
                    member.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
                    counts[table.name] += 1
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "schema_revision": revision,
            "created_at": now.isoformat(),
            "database": connection.dialect.name,
            "tables": counts,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
    return manifest


def read_manifest(path: Path) -> dict:
    """The manifest of the backup at ``path``; ``InvalidInput`` when it is not one of ours."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InvalidInput(f"{path} is not a Top of Mind backup ({error}).") from error
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or manifest.get("format_version") != FORMAT_VERSION
    ):
        raise InvalidInput(f"{path} is not a Top of Mind backup of a version this can read.")
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(name, str) and type(count) is int and count >= 0
        for name, count in tables.items()
    ):
        raise InvalidInput(
            f"The backup's manifest is damaged: 'tables' must map each table to its row count "
            f"(found {type(tables).__name__})."
        )
    return manifest


def restore_backup(engine: Engine, path: Path, *, force: bool = False) -> dict[str, int]:
    """Load the backup at ``path`` into the database behind ``engine``; returns rows per table.

    The schema is brought to the newest revision first and must match the backup's revision.
    Refuses (``Conflict``) when the database already holds data, unless ``force``, which first
    empties every table. All in one transaction: a failed restore leaves the database as it was.
    """
    manifest = read_manifest(path)
    migrate.upgrade(engine)
    revision = migrate.current_revision(engine)
    if manifest.get("schema_revision") != revision:
        raise InvalidInput(
            f"The backup has schema {manifest.get('schema_revision')}, this database "
            f"{revision}; restore with the Top of Mind version that made it."
        )
    tables = _tables()
    restored: dict[str, int] = {}
    with zipfile.ZipFile(path) as archive, engine.begin() as connection:
        stored = {name: n for name, n in table_counts(connection).items() if n}
        if stored and not force:
            raise Conflict(
                "The database is not empty ("
                + ", ".join(f"{n} {name}" for name, n in sorted(stored.items()))
                + "); use --force to replace everything in it."
            )
        for table in reversed(tables):
            connection.execute(table.delete())
        for table in tables:
            restored[table.name] = _load_table(connection, archive, table)
        expected = {name: n for name, n in manifest.get("tables", {}).items() if name in restored}
        if expected != {name: restored[name] for name in expected}:
            # Raised inside the transaction: a truncated backup restores nothing.
            raise InvalidInput(f"The backup's row counts do not match its manifest: {expected}.")
        _reset_sequences(connection, tables)
    return restored


class _Damaged(Exception):
    """One value of a backup that cannot be restored; ``column`` None for the whole row."""

    def __init__(self, column: str | None, problem: str):
        super().__init__(problem)
        self.column = column
        self.problem = problem


def _damaged(table: Table, row: int | str, column: str | None, problem: str) -> InvalidInput:
    where = f"table {table.name}, row {row}" + (f", column {column}" if column else "")
    return InvalidInput(
        f"The backup is damaged in {where}: {problem} Nothing was restored.",
        {"backup": [f"{where}: {problem}"]},
    )


INT64 = (-(2**63), 2**63 - 1)


def _checked(column: Column[Any], value: Any) -> Any:
    """``value`` from a backup, decoded for ``column``; ``_Damaged`` saying why it cannot be.

    A backup is a file anyone may have edited: each value must have its column's type and fit
    it before it reaches the database, so a bad one is named instead of crashing the restore.
    """
    if value is None:
        if not column.nullable and not (column.primary_key and column.autoincrement):
            raise _Damaged(column.name, "is empty, but the column requires a value.")
        return None
    if isinstance(column.type, JSON):
        return value
    kind = _python_type(column)
    if isinstance(column.type, LargeBinary):
        if not isinstance(value, str):
            raise _Damaged(column.name, "must be base64 text.")
        try:
            return base64.b64decode(value, validate=True)
        except ValueError as error:
            raise _Damaged(column.name, "is not valid base64.") from error
    if kind in (datetime, date):
        if not isinstance(value, str):
            raise _Damaged(column.name, f"must be an ISO 8601 {kind.__name__} text.")
        try:
            return _decode(column, value)
        except ValueError as error:
            raise _Damaged(column.name, f"is not an ISO 8601 {kind.__name__}.") from error
    if isinstance(column.type, Boolean) or kind is bool:
        if not isinstance(value, bool):
            raise _Damaged(column.name, "must be true or false.")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Damaged(column.name, "must be a whole number.")
        if not INT64[0] <= value <= INT64[1]:
            raise _Damaged(column.name, "is too large for the column.")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Damaged(column.name, "must be a number.")
        if abs(value) > 1e300 or not math.isfinite(value):
            raise _Damaged(column.name, "is not a usable number.")
        return float(value)
    if kind is str or isinstance(column.type, String):
        if not isinstance(value, str):
            raise _Damaged(column.name, "must be text.")
        length = getattr(column.type, "length", None)
        if length and len(value) > length:
            raise _Damaged(column.name, f"is longer than the column's {length} characters.")
        return value
    return value


def _load_table(connection: Connection, archive: zipfile.ZipFile, table: Table) -> int:
    name = f"tables/{table.name}.jsonl"
    if name not in archive.namelist():
        return 0
    columns = {column.name: column for column in table.columns}
    count = 0
    batch: list[tuple[int, dict]] = []
    with archive.open(name) as member:
        for number, line in enumerate(member, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as error:
                raise _damaged(table, number, None, "the line is not JSON.") from error
            if not isinstance(raw, dict):
                raise _damaged(table, number, None, "the line is not an object of columns.")
            try:
                row = {
                    key: _checked(columns[key], value)
                    for key, value in raw.items()
                    if key in columns
                }
                for missing in columns.keys() - raw.keys():
                    _checked(columns[missing], None)
            except _Damaged as error:
                raise _damaged(table, number, error.column, error.problem) from error
            batch.append((number, row))
            if len(batch) >= INSERT_BATCH:
                count += _insert(connection, table, batch)
                batch = []
    if batch:
        count += _insert(connection, table, batch)
    return count


def _insert(connection: Connection, table: Table, batch: list[tuple[int, dict]]) -> int:
    """Insert a batch; when the database refuses it, find and name the row it refused."""
    try:
        with connection.begin_nested():
            connection.execute(insert(table), [row for _number, row in batch])
        return len(batch)
    except (DBAPIError, StatementError, OverflowError):
        pass
    for number, row in batch:
        try:
            with connection.begin_nested():
                connection.execute(insert(table), [row])
        except (DBAPIError, StatementError, OverflowError) as error:
            reason = getattr(error, "orig", None) or error
            problem = f"the database refused it ({type(reason).__name__}: {str(reason)[:200]})."
            raise _damaged(table, number, None, problem) from error
    raise _damaged(table, f"{batch[0][0]}–{batch[-1][0]}", None, "the database refused them.")


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    # Rows arrive with their ids; PostgreSQL's sequences must move past them or the next insert
    # collides. SQLite takes max(rowid) + 1 by itself.
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        for column in table.primary_key.columns:
            if _python_type(column) is not int:
                continue
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                ),
                {"table": f'"{table.name}"', "column": column.name},
            )
