"""events (imported from Events.csv or logged), the people met there, opportunity stage moves

Revision ID: screens_0001
Revises: hardening_0001
Create Date: 2026-12-07 10:40:00
"""

import sqlalchemy as sa
from alembic import op

import topofmind.store.types

revision = "screens_0001"
down_revision = "coaching_plan_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("starts_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("key", name=op.f("uq_event_key")),
    )
    op.create_index(op.f("ix_event_starts_at"), "event", ["starts_at"], unique=False)
    op.create_table(
        "event_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_person_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_event_person_interaction_id_interaction"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_event_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_person")),
        sa.UniqueConstraint("event_id", "person_id", name=op.f("uq_event_person_event_id")),
    )
    op.create_index(op.f("ix_event_person_event_id"), "event_person", ["event_id"], unique=False)
    op.create_index(op.f("ix_event_person_person_id"), "event_person", ["person_id"], unique=False)
    op.create_table(
        "stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(length=20), nullable=True),
        sa.Column("to_stage", sa.String(length=20), nullable=False),
        sa.Column("changed_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_stage_change_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_change")),
    )
    op.create_index(
        op.f("ix_stage_change_opportunity_id"), "stage_change", ["opportunity_id"], unique=False
    )
    op.create_index(
        op.f("ix_stage_change_changed_at"), "stage_change", ["changed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_stage_change_changed_at"), table_name="stage_change")
    op.drop_index(op.f("ix_stage_change_opportunity_id"), table_name="stage_change")
    op.drop_table("stage_change")
    op.drop_index(op.f("ix_event_person_person_id"), table_name="event_person")
    op.drop_index(op.f("ix_event_person_event_id"), table_name="event_person")
    op.drop_table("event_person")
    op.drop_index(op.f("ix_event_starts_at"), table_name="event")
    op.drop_table("event")
