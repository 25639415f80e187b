"""Migrations: an empty database upgrades to head and matches the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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
    yield f"{base}?options=-csearch_path%3D{schema}"
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
    from topofmind.app import create_app

    url = f"sqlite:///{tmp_path / 'auto.db'}"
    create_app({"DATA_DIR": tmp_path, "DATABASE_URL": url, "PORT": 8765})
    engine = make_engine(url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
