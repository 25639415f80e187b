"""Alembic environment: runs against the connection handed over by ``store.migrate``."""

from alembic import context

from topofmind.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from topofmind.store.database import make_engine

        url = config.get_main_option("sqlalchemy.url")
        assert url, "store.migrate hands over a connection or sets sqlalchemy.url"
        engine = make_engine(url)
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
