"""job postings: an opportunity keeps its LinkedIn posting, one row per posting; hiring-team links

Revision ID: jobs_0001
Revises: 0001
Create Date: 2026-12-07 09:00:00

Columns are added in place (``recreate="never"``): on SQLite, a batch table rebuild drops the old
``opportunity`` table, and with foreign keys on that cascades into its people and interviews. The
unique job id is a unique index for the same reason (a constraint would force the rebuild).
Downgrading drops the columns in place too (SQLite 3.35+).
"""

import sqlalchemy as sa
from alembic import op

revision = "jobs_0001"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("linkedin_job_id", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("company_url", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("location", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("workplace_type", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("employment_type", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("topics", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("saved_from_capture_id", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_opportunity_linkedin_job_id"), ["linkedin_job_id"], unique=True
        )
    with op.batch_alter_table("opportunity_person", schema=None, recreate="never") as batch_op:
        for name in ("on_hiring_team", "job_poster", "saved_with_posting"):
            batch_op.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    with op.batch_alter_table("opportunity_person", schema=None, recreate="never") as batch_op:
        for name in ("saved_with_posting", "job_poster", "on_hiring_team"):
            batch_op.drop_column(name)
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_linkedin_job_id"))
        for name in (
            "saved_from_capture_id",
            "topics",
            "description",
            "employment_type",
            "workplace_type",
            "location",
            "company_url",
            "linkedin_job_id",
            "source",
        ):
            batch_op.drop_column(name)
