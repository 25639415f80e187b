"""Migration jobs_0001 on a database that already holds roles: they keep everything and gain the
posting columns with their defaults; the unique job id holds; downgrade removes the columns."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from tests.support.app import pg_schema_url
from topofmind.store import migrate
from topofmind.store.database import make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path, postgres_url):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'before-jobs.db'}"
        return
    if postgres_url is None:
        pytest.skip("no PostgreSQL server answers")
    base = postgres_url.split("?")[0]
    schema = "j_" + tmp_path.name[-20:].replace("-", "_").lower()
    engine = make_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    yield pg_schema_url(schema)
    engine = make_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _previous_head() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return script.get_revision("jobs_0001").down_revision


def test_existing_roles_survive_and_gain_the_posting_columns(fresh_url):
    engine = make_engine(fresh_url)
    migrate.upgrade(engine, _previous_head())
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (id, name, name_key, tags, do_not_contact, tracked, source,"
                " created_at, updated_at) VALUES (1, 'Ann Lee', 'ann lee', '[]', false, true,"
                " 'manual', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO opportunity (id, company, title, stage, created_at, updated_at)"
                " VALUES (1, 'Acme', 'Staff Engineer', 'applied', '2026-01-01T00:00:00+00:00',"
                " '2026-01-01T00:00:00+00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO opportunity_person (id, opportunity_id, person_id, role)"
                " VALUES (1, 1, 1, 'hiring_manager')"
            )
        )

    migrate.upgrade(engine)

    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT title, stage, linkedin_job_id, source, topics FROM opportunity")
        ).one()
        link = connection.execute(
            text(
                "SELECT role, on_hiring_team, job_poster, saved_with_posting"
                " FROM opportunity_person"
            )
        ).one()
    assert row[:4] == ("Staff Engineer", "applied", None, None)  # the role kept all it had
    assert row[4] in ([], "[]")
    assert link[0] == "hiring_manager" and not any(link[1:])

    with engine.begin() as connection:
        connection.execute(text("UPDATE opportunity SET linkedin_job_id = '4361442478'"))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO opportunity (company, title, stage, linkedin_job_id, topics,"
                " created_at, updated_at) VALUES ('Acme', 'Copy', 'interested', '4361442478',"
                " '[]', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
            )
        )

    from alembic import command

    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, _previous_head())
    columns = {column["name"] for column in inspect(engine).get_columns("opportunity")}
    assert "linkedin_job_id" not in columns and "title" in columns
    # Nothing cascaded: the role's people are still there after both directions.
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM opportunity_person")).scalar() == 1
    engine.dispose()
