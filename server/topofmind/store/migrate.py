"""Schema migrations (Alembic), callable from code: ``serve`` upgrades the schema itself."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError

from .database import make_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` to ``revision`` (default: the newest)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


class DatabaseNotReady(RuntimeError):
    """The database cannot be used as asked: it is unreachable, or a read-only user found it
    missing or out of date (they may neither create nor upgrade it)."""


NOT_READY = (
    "The database is missing or older than this version: run `topofmind db upgrade` (or "
    "`topofmind serve`) once, then start again."
)


def _sqlite_file_missing(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return False
    return not Path(database).exists()


def open_current(url: str, *, may_upgrade: bool) -> Engine:
    """An engine on ``url`` whose schema is the newest: upgraded first when ``may_upgrade``,
    else only checked, so a read-only user never creates or changes a database (not even an empty
    SQLite file). Raises ``DatabaseNotReady`` (the password never appears in its message)."""
    if not may_upgrade and _sqlite_file_missing(url):
        raise DatabaseNotReady(NOT_READY)
    engine = make_engine(url)
    try:
        if may_upgrade:
            upgrade(engine)
        elif current_revision(engine) != head_revision():
            raise DatabaseNotReady(NOT_READY)
    except OperationalError as error:
        engine.dispose()
        shown = make_url(url).render_as_string(hide_password=True)
        raise DatabaseNotReady(f"Cannot open the database at {shown}: {error.orig}") from error
    except DatabaseNotReady:
        engine.dispose()
        raise
    return engine
