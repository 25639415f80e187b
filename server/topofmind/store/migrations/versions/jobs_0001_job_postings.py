"""job postings: an opportunity keeps its LinkedIn posting, one row per posting; hiring-team links

Revision ID: jobs_0001
Revises: 0001
Create Date: 2026-12-07 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "jobs_0001"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
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
        batch_op.create_unique_constraint(
            batch_op.f("uq_opportunity_linkedin_job_id"), ["linkedin_job_id"]
        )
    with op.batch_alter_table("opportunity_person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("on_hiring_team", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("job_poster", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("saved_with_posting", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("opportunity_person", schema=None) as batch_op:
        batch_op.drop_column("saved_with_posting")
        batch_op.drop_column("job_poster")
        batch_op.drop_column("on_hiring_team")
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_opportunity_linkedin_job_id"), type_="unique")
        batch_op.drop_column("saved_from_capture_id")
        batch_op.drop_column("topics")
        batch_op.drop_column("description")
        batch_op.drop_column("employment_type")
        batch_op.drop_column("workplace_type")
        batch_op.drop_column("location")
        batch_op.drop_column("company_url")
        batch_op.drop_column("linkedin_job_id")
        batch_op.drop_column("source")
