"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 20:49:52.251015
"""

import sqlalchemy as sa
from alembic import op

import topofmind.store.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("identity_key", sa.String(length=500), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("profile_url", sa.String(length=500), nullable=True),
        sa.Column("sent_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("has_note", sa.Boolean(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint(
            "direction", "identity_key", "sent_at", name=op.f("uq_invitation_direction")
        ),
    )
    op.create_table(
        "job_lock",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("expires_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("last_run_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_lock")),
    )
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("job_url", sa.String(length=1000), nullable=True),
        sa.Column("decision_expected_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("closed_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
    )
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opportunity_stage"), ["stage"], unique=False)

    op.create_table(
        "own_post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("urn", sa.String(length=100), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("shared_url", sa.String(length=1000), nullable=True),
        sa.Column("posted_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_own_post")),
        sa.UniqueConstraint("key", name=op.f("uq_own_post_key")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=200), nullable=True),
        sa.Column("member_urn", sa.String(length=200), nullable=True),
        sa.Column("profile_url", sa.String(length=500), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("degree", sa.Integer(), nullable=True),
        sa.Column("followers", sa.Integer(), nullable=True),
        sa.Column("mutual_count", sa.Integer(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("tracked", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("last_captured_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("member_urn", name=op.f("uq_person_member_urn")),
        sa.UniqueConstraint("public_id", name=op.f("uq_person_public_id")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_company"), ["company"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "share_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_item")),
    )
    op.create_table(
        "cadence_snapshot",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=True),
        sa.Column("last_outbound_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_inbound_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_touch_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("touches_7d", sa.Integer(), nullable=False),
        sa.Column("touches_30d", sa.Integer(), nullable=False),
        sa.Column("touches_90d", sa.Integer(), nullable=False),
        sa.Column("median_gap_days", sa.Double(), nullable=True),
        sa.Column("reply_rate", sa.Double(), nullable=True),
        sa.Column("warmth", sa.Double(), nullable=False),
        sa.Column("target_min_days", sa.Integer(), nullable=True),
        sa.Column("target_max_days", sa.Integer(), nullable=True),
        sa.Column("next_due_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("computed_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_cadence_snapshot_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_cadence_snapshot")),
    )
    with op.batch_alter_table("cadence_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cadence_snapshot_last_touch_at"), ["last_touch_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cadence_snapshot_next_due_at"), ["next_due_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cadence_snapshot_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cadence_snapshot_warmth"), ["warmth"], unique=False)

    op.create_table(
        "capture",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("captured_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("received_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("html_gz", sa.LargeBinary(), nullable=True),
        sa.Column("html_bytes", sa.Integer(), nullable=False),
        sa.Column("parser_version", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("extracted", sa.JSON(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_capture_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capture")),
    )
    with op.batch_alter_table("capture", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_capture_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_capture_received_at"), ["received_at"], unique=False)

    op.create_table(
        "connection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("identity_key", sa.String(length=500), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("profile_url", sa.String(length=500), nullable=True),
        sa.Column("public_id", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=300), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("position", sa.String(length=300), nullable=True),
        sa.Column("connected_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("messages_sent", sa.Integer(), nullable=False),
        sa.Column("messages_received", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_received_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("reply_rate", sa.Double(), nullable=True),
        sa.Column("median_reply_hours", sa.Double(), nullable=True),
        sa.Column("recommendations", sa.Integer(), nullable=False),
        sa.Column("endorsements", sa.Integer(), nullable=False),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_connection_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_connection")),
        sa.UniqueConstraint("identity_key", name=op.f("uq_connection_identity_key")),
    )
    with op.batch_alter_table("connection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_connection_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_connection_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_connection_public_id"), ["public_id"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("occurred_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("post_urn", sa.String(length=100), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("external_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_interaction_opportunity_id_opportunity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_interaction_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
        sa.UniqueConstraint("external_key", name=op.f("uq_interaction_external_key")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_person_occurred", ["person_id", "occurred_at"], unique=False
        )

    op.create_table(
        "interview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("ends_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_interview_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview")),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "merge_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_person_id", sa.Integer(), nullable=False),
        sa.Column("merged_snapshot", sa.JSON(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("undone_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["kept_person_id"],
            ["person.id"],
            name=op.f("fk_merge_record_kept_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_record")),
    )
    op.create_table(
        "opportunity_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_person_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_opportunity_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_person")),
        sa.UniqueConstraint(
            "opportunity_id", "person_id", name=op.f("uq_opportunity_person_opportunity_id")
        ),
    )
    with op.batch_alter_table("opportunity_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_person_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunity_person_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "person_field_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("changed_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_field_change_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_field_change")),
    )
    with op.batch_alter_table("person_field_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_field_change_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("urn", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=300), nullable=True),
        sa.Column("author_url", sa.String(length=500), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("relative_time", sa.String(length=30), nullable=True),
        sa.Column("posted_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("reactions", sa.Integer(), nullable=True),
        sa.Column("comments", sa.Integer(), nullable=True),
        sa.Column("reposts", sa.Integer(), nullable=True),
        sa.Column("is_repost", sa.Boolean(), nullable=False),
        sa.Column("first_seen_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_post_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
        sa.UniqueConstraint("urn", name=op.f("uq_post_urn")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_author_url"), ["author_url"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_posted_at"), ["posted_at"], unique=False)

    op.create_table(
        "share_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("share_item_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_share_sent_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["share_item_id"],
            ["share_item.id"],
            name=op.f("fk_share_sent_share_item_id_share_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_sent")),
        sa.UniqueConstraint("share_item_id", "person_id", name=op.f("uq_share_sent_share_item_id")),
    )
    with op.batch_alter_table("share_sent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_sent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=20), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("due_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("window_end", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("snoozed_until", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("resolved_at", topofmind.store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_suggestion_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion")),
        sa.UniqueConstraint("key", name=op.f("uq_suggestion_key")),
    )
    with op.batch_alter_table("suggestion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_suggestion_status_due", ["status", "due_at"], unique=False)

    op.create_table(
        "interview_interviewer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_interview_interviewer_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_interview_interviewer_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_interviewer")),
        sa.UniqueConstraint(
            "interview_id", "person_id", name=op.f("uq_interview_interviewer_interview_id")
        ),
    )
    with op.batch_alter_table("interview_interviewer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_interviewer_interview_id"), ["interview_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_interviewer_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "mutual_connection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("mutual_person_id", sa.Integer(), nullable=True),
        sa.Column("connection_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("profile_url", sa.String(length=500), nullable=True),
        sa.Column("seen_on", sa.String(length=1000), nullable=True),
        sa.Column("seen_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["connection.id"],
            name=op.f("fk_mutual_connection_connection_id_connection"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["mutual_person_id"],
            ["person.id"],
            name=op.f("fk_mutual_connection_mutual_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_mutual_connection_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mutual_connection")),
        sa.UniqueConstraint("person_id", "name_key", name=op.f("uq_mutual_connection_person_id")),
    )
    with op.batch_alter_table("mutual_connection", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mutual_connection_connection_id"), ["connection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mutual_connection_mutual_person_id"), ["mutual_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_mutual_connection_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "post_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("capture_id", sa.String(length=64), nullable=True),
        sa.Column("seen_at", topofmind.store.types.UTCDateTime(), nullable=False),
        sa.Column("dwell_ms", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["capture_id"],
            ["capture.id"],
            name=op.f("fk_post_view_capture_id_capture"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_view_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_view")),
    )
    with op.batch_alter_table("post_view", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_view_capture_id"), ["capture_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_post_view_post_id"), ["post_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post_view", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_view_post_id"))
        batch_op.drop_index(batch_op.f("ix_post_view_capture_id"))

    op.drop_table("post_view")
    with op.batch_alter_table("mutual_connection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mutual_connection_person_id"))
        batch_op.drop_index(batch_op.f("ix_mutual_connection_mutual_person_id"))
        batch_op.drop_index(batch_op.f("ix_mutual_connection_connection_id"))

    op.drop_table("mutual_connection")
    with op.batch_alter_table("interview_interviewer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_interviewer_person_id"))
        batch_op.drop_index(batch_op.f("ix_interview_interviewer_interview_id"))

    op.drop_table("interview_interviewer")
    with op.batch_alter_table("suggestion", schema=None) as batch_op:
        batch_op.drop_index("ix_suggestion_status_due")
        batch_op.drop_index(batch_op.f("ix_suggestion_person_id"))

    op.drop_table("suggestion")
    with op.batch_alter_table("share_sent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_sent_person_id"))

    op.drop_table("share_sent")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_posted_at"))
        batch_op.drop_index(batch_op.f("ix_post_person_id"))
        batch_op.drop_index(batch_op.f("ix_post_author_url"))

    op.drop_table("post")
    with op.batch_alter_table("person_field_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_field_change_person_id"))

    op.drop_table("person_field_change")
    with op.batch_alter_table("opportunity_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_person_person_id"))
        batch_op.drop_index(batch_op.f("ix_opportunity_person_opportunity_id"))

    op.drop_table("opportunity_person")
    op.drop_table("merge_record")
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_opportunity_id"))

    op.drop_table("interview")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_person_occurred")

    op.drop_table("interaction")
    with op.batch_alter_table("connection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_connection_public_id"))
        batch_op.drop_index(batch_op.f("ix_connection_person_id"))
        batch_op.drop_index(batch_op.f("ix_connection_name_key"))

    op.drop_table("connection")
    with op.batch_alter_table("capture", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_capture_received_at"))
        batch_op.drop_index(batch_op.f("ix_capture_person_id"))

    op.drop_table("capture")
    with op.batch_alter_table("cadence_snapshot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cadence_snapshot_warmth"))
        batch_op.drop_index(batch_op.f("ix_cadence_snapshot_status"))
        batch_op.drop_index(batch_op.f("ix_cadence_snapshot_next_due_at"))
        batch_op.drop_index(batch_op.f("ix_cadence_snapshot_last_touch_at"))

    op.drop_table("cadence_snapshot")
    op.drop_table("share_item")
    op.drop_table("setting")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_key"))
        batch_op.drop_index(batch_op.f("ix_person_company"))

    op.drop_table("person")
    op.drop_table("own_post")
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_stage"))

    op.drop_table("opportunity")
    op.drop_table("job_lock")
    op.drop_table("invitation")
