"""The data model (docs/data-model.md) as SQLAlchemy 2 declarative classes.

One person is one row: a vanity URL and a member-URN URL of the same human resolve to the same
``Person`` (see ``services.people``). Deleting a person cascades to everything about them,
raw captures included, so "forget this person" leaves no trace.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Person(Timestamps, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    member_urn: Mapped[str | None] = mapped_column(String(200), unique=True)
    profile_url: Mapped[str | None] = mapped_column(String(500))
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    headline: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(300), index=True)
    location: Mapped[str | None] = mapped_column(String(300))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    # An address the user recorded; suggestions use email only where one is known.
    email: Mapped[str | None] = mapped_column(String(300))
    degree: Mapped[int | None] = mapped_column(Integer)
    followers: Mapped[int | None] = mapped_column(Integer)
    mutual_count: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    tracked: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(20), default="manual")
    last_captured_at: Mapped[datetime | None]

    interactions: Mapped[list[Interaction]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    field_changes: Mapped[list[PersonFieldChange]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    opportunity_links: Mapped[list[OpportunityPerson]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class PersonFieldChange(Base):
    """Field history: a new company or headline is a signal worth showing."""

    __tablename__ = "person_field_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    capture_id: Mapped[str | None] = mapped_column(String(64))


class Opportunity(Timestamps, Base):
    """A role. Saved from a LinkedIn job posting, it carries the posting's facts: one row per
    posting (``linkedin_job_id`` is unique), however often the posting is captured."""

    __tablename__ = "opportunity"

    id: Mapped[int] = mapped_column(primary_key=True)
    company: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(20), default="interested", index=True)
    job_url: Mapped[str | None] = mapped_column(String(1000))
    decision_expected_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]
    # Where it came from ("LinkedIn job posting", "LinkedIn job search"); None: typed by the user.
    source: Mapped[str | None] = mapped_column(String(40))
    linkedin_job_id: Mapped[str | None] = mapped_column(String(20), unique=True, index=True)
    company_url: Mapped[str | None] = mapped_column(String(500))
    location: Mapped[str | None] = mapped_column(String(300))
    workplace_type: Mapped[str | None] = mapped_column(String(20))
    employment_type: Mapped[str | None] = mapped_column(String(20))
    # The posting's text, kept for drafts, and the topics read from it (share items, drafts).
    description: Mapped[str | None] = mapped_column(Text)
    topics: Mapped[list[Any]] = mapped_column(default=list)
    # The capture that first saved it: "undo" on that capture removes it while it is untouched.
    saved_from_capture_id: Mapped[str | None] = mapped_column(String(64))

    people: Mapped[list[OpportunityPerson]] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan", order_by="OpportunityPerson.id"
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan", order_by="Interview.starts_at"
    )


class OpportunityPerson(Base):
    __tablename__ = "opportunity_person"
    __table_args__ = (UniqueConstraint("opportunity_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="other")
    # Shown in the posting's "Meet the hiring team"; ``job_poster``: with the "Job poster" badge;
    # ``saved_with_posting``: the person was first saved by this posting (undo removes them).
    on_hiring_team: Mapped[bool] = mapped_column(Boolean, default=False)
    job_poster: Mapped[bool] = mapped_column(Boolean, default=False)
    saved_with_posting: Mapped[bool] = mapped_column(Boolean, default=False)

    opportunity: Mapped[Opportunity] = relationship(back_populates="people")
    person: Mapped[Person] = relationship(back_populates="opportunity_links")


class Interview(Timestamps, Base):
    __tablename__ = "interview"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(30), default="video")
    topics: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)

    opportunity: Mapped[Opportunity] = relationship(back_populates="interviews")
    interviewers: Mapped[list[InterviewInterviewer]] = relationship(
        cascade="all, delete-orphan", order_by="InterviewInterviewer.id"
    )


class InterviewInterviewer(Base):
    __tablename__ = "interview_interviewer"
    __table_args__ = (UniqueConstraint("interview_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # What was discussed with this interviewer in particular (feeds the thank-you draft).
    topics: Mapped[list[Any]] = mapped_column(default=list)


class Post(Base):
    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    urn: Mapped[str] = mapped_column(String(100), unique=True)
    url: Mapped[str | None] = mapped_column(String(500))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    author_name: Mapped[str | None] = mapped_column(String(300))
    author_url: Mapped[str | None] = mapped_column(String(500), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    relative_time: Mapped[str | None] = mapped_column(String(30))
    posted_at: Mapped[datetime | None] = mapped_column(index=True)
    reactions: Mapped[int | None] = mapped_column(Integer)
    comments: Mapped[int | None] = mapped_column(Integer)
    reposts: Mapped[int | None] = mapped_column(Integer)
    is_repost: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class PostView(Base):
    __tablename__ = "post_view"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    capture_id: Mapped[str | None] = mapped_column(
        ForeignKey("capture.id", ondelete="CASCADE"), index=True
    )
    seen_at: Mapped[datetime]
    dwell_ms: Mapped[int | None] = mapped_column(Integer)


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (Index("ix_interaction_person_occurred", "person_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    direction: Mapped[str] = mapped_column(String(10), default="outbound")
    occurred_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)
    post_urn: Mapped[str | None] = mapped_column(String(100))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL")
    )
    source: Mapped[str] = mapped_column(String(20), default="manual")
    # Set for imported rows so a re-import adds only what is new.
    external_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship(back_populates="interactions")


class Connection(Timestamps, Base):
    """One of the user's own 1st-degree connections (from the data export or captures)."""

    __tablename__ = "connection"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    # profile URL when known, else "name:<normalised name>"; re-imports match on it.
    identity_key: Mapped[str] = mapped_column(String(500), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    profile_url: Mapped[str | None] = mapped_column(String(500))
    public_id: Mapped[str | None] = mapped_column(String(200), index=True)
    email: Mapped[str | None] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    connected_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="import")
    messages_sent: Mapped[int] = mapped_column(Integer, default=0)
    messages_received: Mapped[int] = mapped_column(Integer, default=0)
    last_sent_at: Mapped[datetime | None]
    last_received_at: Mapped[datetime | None]
    reply_rate: Mapped[float | None]
    median_reply_hours: Mapped[float | None]
    recommendations: Mapped[int] = mapped_column(Integer, default=0)
    endorsements: Mapped[int] = mapped_column(Integer, default=0)


class MutualConnection(Base):
    __tablename__ = "mutual_connection"
    __table_args__ = (UniqueConstraint("person_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    mutual_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    connection_id: Mapped[int | None] = mapped_column(
        ForeignKey("connection.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))
    profile_url: Mapped[str | None] = mapped_column(String(500))
    seen_on: Mapped[str | None] = mapped_column(String(1000))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class Invitation(Base):
    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("direction", "identity_key", "sent_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    identity_key: Mapped[str] = mapped_column(String(500))
    name: Mapped[str | None] = mapped_column(String(300))
    profile_url: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None]
    has_note: Mapped[bool] = mapped_column(Boolean, default=False)
    message: Mapped[str | None] = mapped_column(Text)


class OwnPost(Base):
    """The user's own posts (thought leadership), from Shares*.csv or captures of their activity."""

    __tablename__ = "own_post"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(500), unique=True)
    urn: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(1000))
    text: Mapped[str | None] = mapped_column(Text)
    shared_url: Mapped[str | None] = mapped_column(String(1000))
    posted_at: Mapped[datetime | None]
    source: Mapped[str] = mapped_column(String(20), default="import")


class Capture(Base):
    """A raw snapshot received from the extension, kept so it can be re-parsed later."""

    __tablename__ = "capture"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the client's UUID
    url: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(20), default="unknown")
    captured_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    html_gz: Mapped[bytes | None] = mapped_column(LargeBinary)
    html_bytes: Mapped[int] = mapped_column(Integer, default=0)
    parser_version: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="parsed")
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    extracted: Mapped[dict[str, Any] | None]
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )


class Suggestion(Timestamps, Base):
    __tablename__ = "suggestion"
    __table_args__ = (Index("ix_suggestion_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    subject_type: Mapped[str | None] = mapped_column(String(20))
    subject_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime]
    window_end: Mapped[datetime | None]
    priority: Mapped[int] = mapped_column(Integer, default=50)
    status: Mapped[str] = mapped_column(String(12), default="open")
    snoozed_until: Mapped[datetime | None]
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str | None] = mapped_column(String(20))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    resolved_at: Mapped[datetime | None]


class ShareItem(Timestamps, Base):
    __tablename__ = "share_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(String(1000))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20), default="article")
    topics: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str | None] = mapped_column(Text)


class ShareSent(Base):
    __tablename__ = "share_sent"
    __table_args__ = (UniqueConstraint("share_item_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    share_item_id: Mapped[int] = mapped_column(ForeignKey("share_item.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)


class Event(Timestamps, Base):
    """An event the user went to: from the export's Events.csv or logged by hand."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Events.csv rows by name + time, so a re-import finds them; hand-logged ones get a uuid.
    key: Mapped[str] = mapped_column(String(500), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    starts_at: Mapped[datetime | None] = mapped_column(index=True)
    status: Mapped[str | None] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(String(1000))
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20), default="manual")

    people: Mapped[list[EventPerson]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventPerson.id"
    )


class EventPerson(Base):
    """Someone the user met at an event; the ``event`` interaction logged for it is linked."""

    __tablename__ = "event_person"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )

    event: Mapped[Event] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class StageChange(Base):
    """An opportunity moving from one stage to another (the weekly review counts them)."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[str | None] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(index=True)

    opportunity: Mapped[Opportunity] = relationship()


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class MergeRecord(Base):
    """What a merge of two people moved, so it can be undone."""

    __tablename__ = "merge_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    merged_snapshot: Mapped[dict[str, Any]]
    moved: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]


class JobLock(Base):
    """A lease so two server processes never run the same scheduled job at once."""

    __tablename__ = "job_lock"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime]
    last_run_at: Mapped[datetime | None]


class CadenceSnapshot(Base):
    """Each person's cadence figures as of the last recompute, so lists filter and sort in SQL."""

    __tablename__ = "cadence_snapshot"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(20), default="no_contact", index=True)
    stage: Mapped[str | None] = mapped_column(String(20))
    last_outbound_at: Mapped[datetime | None]
    last_inbound_at: Mapped[datetime | None]
    last_touch_at: Mapped[datetime | None] = mapped_column(index=True)
    touches_7d: Mapped[int] = mapped_column(Integer, default=0)
    touches_30d: Mapped[int] = mapped_column(Integer, default=0)
    touches_90d: Mapped[int] = mapped_column(Integer, default=0)
    median_gap_days: Mapped[float | None]
    reply_rate: Mapped[float | None]
    warmth: Mapped[float] = mapped_column(default=0.0, index=True)
    target_min_days: Mapped[int | None] = mapped_column(Integer)
    target_max_days: Mapped[int | None] = mapped_column(Integer)
    next_due_at: Mapped[datetime | None] = mapped_column(index=True)
    computed_at: Mapped[datetime]


class AuthSecret(Base):
    """A short-lived secret, stored only as its SHA-256 (docs/security.md): a one-time sign-in
    key (``sign_in``), a dashboard session (``session``) or an extension pairing code
    (``pairing``). Never part of a backup or an export."""

    __tablename__ = "auth_secret"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    failures: Mapped[int] = mapped_column(Integer, default=0)
