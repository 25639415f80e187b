"""A person's history in one list: interactions, their posts, captures and field changes.

Merged newest first and bounded, so a person with years of history still renders quickly; the
touches-per-week series feeds the small chart on the person page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Capture, Interaction, PersonFieldChange, Post

DEFAULT_LIMIT = 60


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a person's history.

    ``kind`` is ``interaction``, ``post``, ``capture`` or ``change``; ``label`` is the short
    type (an interaction kind, ``post``, a page kind, a field name); ``direction`` is set for
    interactions only.
    """

    kind: str
    at: datetime
    label: str
    text: str | None = None
    url: str | None = None
    direction: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class WeekCount:
    week_start: datetime
    outbound: int
    inbound: int

    @property
    def total(self) -> int:
        return self.outbound + self.inbound


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def person_timeline(
    session: Session, person_id: int, *, limit: int = DEFAULT_LIMIT
) -> list[TimelineEntry]:
    """The newest ``limit`` entries about ``person_id``, newest first (ties: interactions first).

    Each source is read with its own ``LIMIT``, so the cost stays bounded by ``4 × limit`` rows.
    """
    entries: list[TimelineEntry] = []
    for interaction in session.scalars(
        select(Interaction)
        .where(Interaction.person_id == person_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                kind="interaction",
                at=_aware(interaction.occurred_at),
                label=interaction.kind,
                text=interaction.note,
                direction=interaction.direction,
                source=interaction.source,
            )
        )
    posted = Post.posted_at
    for post in session.execute(
        select(Post.url, Post.text, Post.posted_at, Post.first_seen_at, Post.is_repost)
        .where(Post.person_id == person_id)
        .order_by(posted.desc().nulls_last(), Post.first_seen_at.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                kind="post",
                at=_aware(post.posted_at or post.first_seen_at),
                label="repost" if post.is_repost else "post",
                text=post.text,
                url=post.url,
            )
        )
    for capture in session.execute(
        select(Capture.url, Capture.kind, Capture.captured_at, Capture.status)
        .where(Capture.person_id == person_id)
        .order_by(Capture.captured_at.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                kind="capture",
                at=_aware(capture.captured_at),
                label=capture.kind,
                url=capture.url,
                text=None if capture.status == "parsed" else capture.status,
            )
        )
    for change in session.scalars(
        select(PersonFieldChange)
        .where(PersonFieldChange.person_id == person_id)
        .order_by(PersonFieldChange.changed_at.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                kind="change",
                at=_aware(change.changed_at),
                label=change.field,
                text=f"{change.old_value or '—'} → {change.new_value or '—'}",
            )
        )
    order = {"interaction": 0, "post": 1, "change": 2, "capture": 3}
    entries.sort(key=lambda entry: (-entry.at.timestamp(), order[entry.kind]))
    return entries[:limit]


def touches_per_week(
    session: Session, person_id: int, now: datetime, *, weeks: int = 26
) -> list[WeekCount]:
    """Interactions per week for the last ``weeks`` weeks, oldest first.

    Weeks are 7-day buckets ending at ``now``, so the last bar is "the past 7 days".
    """
    start = now - timedelta(days=7 * weeks)
    counts = [[0, 0] for _ in range(weeks)]
    for occurred_at, direction in session.execute(
        select(Interaction.occurred_at, Interaction.direction).where(
            Interaction.person_id == person_id,
            Interaction.occurred_at > start,
            Interaction.occurred_at <= now,
        )
    ):
        index = int((_aware(occurred_at) - start).total_seconds() // (7 * 86400))
        index = min(max(index, 0), weeks - 1)
        counts[index][1 if direction == "inbound" else 0] += 1
    return [
        WeekCount(week_start=start + timedelta(days=7 * index), outbound=out, inbound=inb)
        for index, (out, inb) in enumerate(counts)
    ]
