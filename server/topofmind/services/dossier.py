"""Everything known about one person, in one read: the dossier an assistant (or a page) needs to
write to them well (docs/assistant.md).

Plain data only: dicts and lists whose times are aware datetimes. Only the asked-for person's own
notes appear; everyone else in it (co-interviewers, colleagues on an opportunity, introducers) is
named by id, name and role, never with their notes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Interview, Opportunity, Person, Post
from . import opportunities as opportunity_service
from . import suggestions as suggestion_service
from .network import intro_paths, mutual_connections
from .people import get_person
from .timeline import person_timeline
from .views import person_view

TIMELINE_LIMIT = 30
POST_LIMIT = 5
OPPORTUNITY_LIMIT = 50
INTERVIEW_LIMIT = 50
SUGGESTION_LIMIT = 50
ACTIVE_STATUSES = ("open", "snoozed")


def names_of(session: Session, person_ids: set[int]) -> dict[int, str]:
    """person id -> name for ``person_ids`` (one query)."""
    if not person_ids:
        return {}
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids)))
    return {person_id: name for person_id, name in rows}


def interview_summary(interview: Interview, names: dict[int, str]) -> dict[str, Any]:
    """An interview with its role and company, and each interviewer's name and own topics."""
    opportunity: Opportunity = interview.opportunity
    return {
        "id": interview.id,
        "opportunity_id": interview.opportunity_id,
        "company": opportunity.company,
        "title": opportunity.title,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "kind": interview.kind,
        "topics": list(interview.topics or []),
        "notes": interview.notes,
        "interviewers": [
            {
                "person_id": link.person_id,
                "name": names.get(link.person_id, ""),
                "topics": list(link.topics or []),
            }
            for link in interview.interviewers
        ],
    }


def recent_posts(session: Session, person_id: int, *, limit: int = POST_LIMIT) -> list[dict]:
    """The person's latest captured posts, newest first (undated ones last)."""
    rows = session.scalars(
        select(Post)
        .where(Post.person_id == person_id)
        .order_by(Post.posted_at.desc().nulls_last(), Post.first_seen_at.desc(), Post.id.desc())
        .limit(limit)
    )
    return [
        {
            "id": post.id,
            "urn": post.urn,
            "url": post.url,
            "text": post.text,
            "posted_at": post.posted_at,
            "reactions": post.reactions,
            "comments": post.comments,
            "reposts": post.reposts,
            "is_repost": bool(post.is_repost),
        }
        for post in rows
    ]


def _opportunity_entry(opportunity: Opportunity, person_id: int) -> dict[str, Any]:
    return {
        "id": opportunity.id,
        "company": opportunity.company,
        "title": opportunity.title,
        "stage": opportunity.stage,
        "role": next(
            (link.role for link in opportunity.people if link.person_id == person_id), "other"
        ),
        "job_url": opportunity.job_url,
        "decision_expected_on": opportunity.decision_expected_on,
        "notes": opportunity.notes,
        "people": [
            {"person_id": link.person_id, "name": link.person.name, "role": link.role}
            for link in opportunity.people
        ],
    }


def person_dossier(session: Session, person_id: int, now: datetime) -> dict[str, Any]:
    """What is known about one person, newest first where ordered.

    Returns ``{person, timeline, opportunities, interviews, posts, mutual_connections,
    introductions, suggestions}``: ``person`` is the API's person resource (cadence and stage
    included); ``timeline`` their latest history entries; ``opportunities`` the roles they are
    on, with their role and the other people's names and roles; ``interviews`` the ones they
    ran, each with every interviewer's own topics and the user's notes on the round; ``posts``
    their latest captured posts; ``mutual_connections`` those seen on their profile, the user's
    own connections first (``network.mutual_connections``); ``introductions`` who could
    introduce the user, ranked with evidence and a draft request (None for a 1st-degree
    connection or when no mutual is known); ``suggestions`` the open and snoozed ones as of
    ``now``, each with its draft and guidance. Reads only. Raises ``NotFound`` for an unknown id.
    """
    person = get_person(session, person_id)
    view = person_view(session, person, now)
    opportunities = opportunity_service.list_opportunities(
        session, person_id=person.id, per_page=OPPORTUNITY_LIMIT
    ).items
    interviews = opportunity_service.list_interviews(
        session, person_id=person.id, per_page=INTERVIEW_LIMIT
    ).items
    names = names_of(session, {link.person_id for item in interviews for link in item.interviewers})
    suggestions = [
        row
        for status in ACTIVE_STATUSES
        for row in suggestion_service.list_suggestions(
            session, status=status, now=now, person_id=person.id, per_page=SUGGESTION_LIMIT
        ).items
    ]
    mutuals = mutual_connections(session, person.id)
    introductions = intro_paths(session, person.id, now) if mutuals and person.degree != 1 else None
    return {
        "person": view,
        "timeline": [
            {
                "kind": entry.kind,
                "at": entry.at,
                "label": entry.label,
                "text": entry.text,
                "url": entry.url,
                "direction": entry.direction,
                "source": entry.source,
            }
            for entry in person_timeline(session, person.id, limit=TIMELINE_LIMIT)
        ],
        "opportunities": [_opportunity_entry(item, person.id) for item in opportunities],
        "interviews": [interview_summary(item, names) for item in interviews],
        "posts": recent_posts(session, person.id),
        "mutual_connections": mutuals,
        "introductions": introductions,
        "suggestions": suggestion_service.suggestion_views(session, suggestions, now),
    }
