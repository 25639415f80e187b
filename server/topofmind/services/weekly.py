"""The weekly review: facts read for ``domain.weekly``, plus what the coming week holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain.weekly import (
    InterviewFact,
    StageMoveFact,
    TouchFact,
    WeeklyReview,
    week_windows,
    weekly_review,
)
from ..store.models import Event, Interaction, Interview, Opportunity, StageChange, Suggestion
from .opportunities import OPEN_STAGES

__all__ = ["review_week"]


def review_week(session: Session, now: datetime, zone: tzinfo = UTC, weeks: int = 12) -> dict:
    """``{review: WeeklyReview, due_ahead, due_ahead_by_kind, decisions_ahead, events_ahead}``.

    The review covers the last 7 days and ``weeks`` calendar weeks of touches; the rest is what
    falls in the next 7 days: open suggestions coming due, decisions promised, events.
    """
    start = week_windows(now, weeks, zone)[0].start
    touches = [
        TouchFact(person_id, kind, direction, at)
        for person_id, kind, direction, at in session.execute(
            select(
                Interaction.person_id,
                Interaction.kind,
                Interaction.direction,
                Interaction.occurred_at,
            ).where(Interaction.occurred_at >= start, Interaction.occurred_at <= now)
        )
    ]
    interviews = [
        InterviewFact(
            interview.id,
            f"{interview.opportunity.title} at {interview.opportunity.company}",
            interview.starts_at,
            interview.ends_at,
            tuple(link.person_id for link in interview.interviewers),
        )
        for interview in session.scalars(
            select(Interview)
            .options(selectinload(Interview.interviewers), selectinload(Interview.opportunity))
            .where(
                Interview.ends_at >= now - timedelta(days=8),
                Interview.starts_at <= now + timedelta(days=7),
            )
        )
    ]
    moves = [
        StageMoveFact(f"{title} at {company}", from_stage, to_stage, at)
        for title, company, from_stage, to_stage, at in session.execute(
            select(
                Opportunity.title,
                Opportunity.company,
                StageChange.from_stage,
                StageChange.to_stage,
                StageChange.changed_at,
            )
            .join(Opportunity, Opportunity.id == StageChange.opportunity_id)
            .where(StageChange.changed_at >= now - timedelta(days=8))
        )
    ]
    review: WeeklyReview = weekly_review(now, touches, interviews, moves, zone, weeks)
    ahead = now + timedelta(days=7)
    due_by_kind = dict(
        session.execute(
            select(Suggestion.kind, func.count())
            .where(
                Suggestion.status.in_(("open", "snoozed")),
                Suggestion.due_at > now,
                Suggestion.due_at <= ahead,
            )
            .group_by(Suggestion.kind)
        ).all()
    )
    decisions = list(
        session.scalars(
            select(Opportunity)
            .where(
                Opportunity.stage.in_(OPEN_STAGES),
                Opportunity.decision_expected_on >= now.astimezone(zone).date(),
                Opportunity.decision_expected_on <= ahead.astimezone(zone).date(),
            )
            .order_by(Opportunity.decision_expected_on)
        )
    )
    events = list(
        session.scalars(
            select(Event)
            .where(Event.starts_at > now, Event.starts_at <= ahead)
            .order_by(Event.starts_at)
        )
    )
    return {
        "review": review,
        "due_ahead": sum(due_by_kind.values()),
        "due_ahead_by_kind": sorted(due_by_kind.items(), key=lambda kv: (-kv[1], kv[0])),
        "decisions_ahead": decisions,
        "events_ahead": events,
    }
