"""person.email: an address the user recorded, so suggestions use email only where known

Revision ID: coaching_plan_0001
Revises: hardening_0001
Create Date: 2026-12-07 11:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "coaching_plan_0001"
down_revision = "hardening_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("email", sa.String(length=300), nullable=True))


def downgrade() -> None:
    # SQLite drops the column in place (3.35+): batch mode would copy and drop the person table,
    # and with foreign keys on that cascades to every row that points at a person.
    op.drop_column("person", "email")
