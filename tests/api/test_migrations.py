"""Migrations: an empty database upgrades to head and matches the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from tests.support.app import pg_schema_url
from topofmind.store import migrate
from topofmind.store.database import make_engine
from topofmind.store.models import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path, postgres_url):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    if postgres_url is None:
        pytest.skip("no PostgreSQL server answers")
    engine = make_engine(postgres_url)
    schema = "m_" + tmp_path.name[-20:].replace("-", "_").lower()
    base = postgres_url.split("?")[0]
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    yield pg_schema_url(schema)
    engine = make_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def test_upgrade_from_empty_matches_models(empty_url):
    engine = make_engine(empty_url)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    migrate.upgrade(engine)  # idempotent
    engine.dispose()


def test_app_upgrades_the_schema_itself(tmp_path):
    from topofmind.app import create_app, dispose

    url = f"sqlite:///{tmp_path / 'auto.db'}"
    dispose(create_app({"DATA_DIR": tmp_path, "DATABASE_URL": url, "PORT": 8765}))
    engine = make_engine(url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_new_revision_writes_what_differs_on_top_of_the_head(tmp_path):
    """``topofmind db revision`` (``migrate.new_revision``): a database missing an index the
    models declare gives a migration creating it, chained to the head, without Alembic's
    "please adjust" markers; with nothing missing the migration is empty."""
    engine = make_engine(f"sqlite:///{tmp_path / 'author.db'}")
    migrate.upgrade(engine)
    versions = tmp_path / "versions"
    versions.mkdir()
    empty = migrate.new_revision(engine, "nothing", rev_id="test_0001", versions_dir=versions)
    assert "pass" in empty.read_text(encoding="utf-8")
    assert "op." not in empty.read_text(encoding="utf-8")
    empty.unlink()

    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_opportunity_stage"))
    path = migrate.new_revision(engine, "stage index", rev_id="test_0002", versions_dir=versions)
    engine.dispose()
    written = path.read_text(encoding="utf-8")
    assert path.parent == versions
    assert f"down_revision = {migrate.head_revision()!r}" in written
    assert "ix_opportunity_stage" in written and "create_index" in written
    assert "please adjust" not in written and "###" not in written


def test_the_initial_migration_is_reviewed():
    initial = migrate.VERSIONS_DIR / "0001_initial_schema.py"
    assert "please adjust" not in initial.read_text(encoding="utf-8")
