"""auth secrets: one-time sign-in keys, server-side dashboard sessions, pairing codes (hashed)

Revision ID: hardening_0001
Revises: jobs_0001
Create Date: 2026-12-07 06:00:00
"""

import sqlalchemy as sa
from alembic import op

import topofmind.store.types

revision = "hardening_0001"
down_revision = "jobs_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "auth_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_secret")),
        sa.UniqueConstraint("digest", name=op.f("uq_auth_secret_digest")),
    )
    op.create_index(op.f("ix_auth_secret_kind"), "auth_secret", ["kind"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_auth_secret_kind"), table_name="auth_secret")
    op.drop_table("auth_secret")
