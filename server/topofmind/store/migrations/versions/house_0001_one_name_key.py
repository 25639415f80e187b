"""one name key: re-key stored names with linkedin.names.name_key ("Jane Doe, PhD" = "Jane Doe")

Revision ID: house_0001
Revises: hardening_0001
Create Date: 2026-12-07 11:00:00

A data migration: ``person``, ``connection`` and ``mutual_connection`` keep the key of each name
in ``name_key`` (and a connection without a profile URL its ``identity_key``, ``name:<key>``).
They were written by an older, simpler key; this writes the one key every matcher now uses, so
stored rows and fresh ones match. Two mutual connections of one person that now share a key are
one mutual (the older row stays); a connection whose new identity key is already taken keeps
its old one. It imports the key function on purpose: a later change of the key brings its own
migration.
"""

import sqlalchemy as sa
from alembic import op

from topofmind.linkedin.names import name_key

revision = "house_0001"
down_revision = "screens_0001"
branch_labels = None
depends_on = None


def _rekey(connection, table: sa.Table) -> None:
    rows = connection.execute(sa.select(table.c.id, table.c.name, table.c.name_key)).all()
    changed = [
        {"row_id": row.id, "new_key": key[:300]}
        for row in rows
        if (key := name_key(row.name)) != row.name_key
    ]
    if changed:
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values(name_key=sa.bindparam("new_key")),
            changed,
        )


def upgrade() -> None:
    connection = op.get_bind()
    meta = sa.MetaData()
    person = sa.Table("person", meta, autoload_with=connection)
    network = sa.Table("connection", meta, autoload_with=connection)
    mutual = sa.Table("mutual_connection", meta, autoload_with=connection)

    _rekey(connection, person)
    _rekey(connection, network)

    taken = {key for (key,) in connection.execute(sa.select(network.c.identity_key))}
    renamed = []
    for row in connection.execute(
        sa.select(network.c.id, network.c.name, network.c.identity_key).where(
            network.c.identity_key.like("name:%")
        )
    ):
        key = f"name:{name_key(row.name)}"[:500]
        if key != row.identity_key and key not in taken:
            taken.discard(row.identity_key)
            taken.add(key)
            renamed.append({"row_id": row.id, "new_key": key})
    if renamed:
        connection.execute(
            network.update()
            .where(network.c.id == sa.bindparam("row_id"))
            .values(identity_key=sa.bindparam("new_key")),
            renamed,
        )

    # (person_id, name_key) is unique: a mutual whose new key a sibling already has goes first.
    seen: set[tuple[int, str]] = set()
    duplicates, changed = [], []
    for found in connection.execute(
        sa.select(mutual.c.id, mutual.c.person_id, mutual.c.name, mutual.c.name_key).order_by(
            mutual.c.id
        )
    ):
        key = name_key(found.name)[:300]
        if (found.person_id, key) in seen:
            duplicates.append(found.id)
            continue
        seen.add((found.person_id, key))
        if key != found.name_key:
            changed.append({"row_id": found.id, "new_key": key})
    if duplicates:
        connection.execute(mutual.delete().where(mutual.c.id.in_(duplicates)))
    if changed:
        connection.execute(
            mutual.update()
            .where(mutual.c.id == sa.bindparam("row_id"))
            .values(name_key=sa.bindparam("new_key")),
            changed,
        )


def downgrade() -> None:
    """Nothing to undo: the older key is not needed by any earlier revision's code."""
