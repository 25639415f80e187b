"""Engines and sessions for SQLite (default) and PostgreSQL.

SQLite gets WAL, foreign keys and a busy timeout on every connection: the server, the scheduler
and the CLI may write at the same time, and a locked database must wait, not fail.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15000


def make_engine(url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS, **kwargs) -> Engine:
    """Create an engine for ``url`` with the pragmas and pool settings this app relies on.

    ``busy_timeout_ms``: how long an SQLite write waits for the lock before giving up (the
    request then answers 503 with Retry-After; ``http.db``)."""
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            **kwargs,
        )
        event.listen(engine, "connect", lambda conn, record: _sqlite_pragmas(conn, busy_timeout_ms))
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; take it over
        # (documented SQLAlchemy recipe) so a write transaction begins with BEGIN IMMEDIATE and
        # waits on the busy timeout instead of failing mid-transaction with "database is locked".
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    event.listen(engine, "handle_error", _close_interrupted_cursor)
    return engine


def _close_interrupted_cursor(context) -> None:
    """Close the cursor of a statement that Ctrl-C (any exception that is not an ``Exception``)
    interrupted. SQLAlchemy takes that for a lost connection and invalidates it without closing
    the cursor; a streamed one (``yield_per``: a psycopg server-side cursor) then warns that it
    was deleted while still open. psycopg's close() sends nothing on a connection not idle."""
    cursor = getattr(context.execution_context, "cursor", None)
    if cursor is not None and not isinstance(context.original_exception, Exception):
        try:
            cursor.close()
        except Exception:  # noqa: BLE001 - never replace the interruption with a close error
            pass


def _sqlite_pragmas(dbapi_connection, busy_timeout_ms: int) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
