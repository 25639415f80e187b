"""Plain-dict views of stored rows, shaped like the API's resources (docs/api.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import (
    CadenceSnapshot,
    Interview,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
)
from .opportunities import CLOSED_STAGES, STAGES

PERSON_FIELDS = (
    "id",
    "name",
    "headline",
    "title",
    "company",
    "location",
    "public_id",
    "member_urn",
    "profile_url",
    "degree",
    "followers",
    "mutual_count",
    "tags",
    "do_not_contact",
    "time_zone",
    "email",
    "notes",
    "source",
    "created_at",
    "updated_at",
    "last_captured_at",
)


def person_stages(session: Session, person_ids: list[int]) -> dict[int, str]:
    """Each person's most advanced open stage, else their latest closed one, else networking."""
    rank = {stage: index for index, stage in enumerate(STAGES)}
    best: dict[int, str] = {}
    rows = session.execute(
        select(OpportunityPerson.person_id, Opportunity.stage)
        .join(Opportunity, Opportunity.id == OpportunityPerson.opportunity_id)
        .where(OpportunityPerson.person_id.in_(person_ids))
    )
    for person_id, stage in rows:
        current = best.get(person_id)
        if current is None:
            best[person_id] = stage
        elif current in CLOSED_STAGES and stage not in CLOSED_STAGES:
            best[person_id] = stage
        elif (current in CLOSED_STAGES) == (stage in CLOSED_STAGES) and rank[stage] > rank[current]:
            best[person_id] = stage
    return best


def person_views(session: Session, people: Iterable[Person], now: datetime) -> list[dict]:
    people = list(people)
    ids = [person.id for person in people]
    if not ids:
        return []
    mutuals: dict[int, list[str]] = defaultdict(list)
    for person_id, name in session.execute(
        select(MutualConnection.person_id, MutualConnection.name)
        .where(MutualConnection.person_id.in_(ids))
        .order_by(MutualConnection.id)
    ):
        mutuals[person_id].append(name)
    stages = person_stages(session, ids)
    cadence = {
        snapshot.person_id: cadence_view(snapshot)
        for snapshot in session.scalars(
            select(CadenceSnapshot).where(CadenceSnapshot.person_id.in_(ids))
        )
    }
    views = []
    for person in people:
        view = {field: getattr(person, field) for field in PERSON_FIELDS}
        view["mutual_names"] = mutuals.get(person.id, [])
        view["stage"] = stages.get(person.id, "networking")
        view["cadence"] = cadence.get(person.id)
        views.append(view)
    return views


def cadence_view(snapshot: CadenceSnapshot) -> dict:
    targets = [snapshot.target_min_days, snapshot.target_max_days]
    return {
        "status": snapshot.status,
        "stage": snapshot.stage,
        "last_outbound_at": snapshot.last_outbound_at,
        "last_inbound_at": snapshot.last_inbound_at,
        "last_touch_at": snapshot.last_touch_at,
        "touches_7d": snapshot.touches_7d,
        "touches_30d": snapshot.touches_30d,
        "touches_90d": snapshot.touches_90d,
        "median_gap_days": snapshot.median_gap_days,
        "reply_rate": snapshot.reply_rate,
        "warmth": round(snapshot.warmth, 1),
        "target_days": targets if None not in targets else None,
        "next_due_at": snapshot.next_due_at,
    }


def person_view(session: Session, person: Person, now: datetime) -> dict:
    return person_views(session, [person], now)[0]


def opportunity_view(opportunity: Opportunity) -> dict:
    return {
        "id": opportunity.id,
        "company": opportunity.company,
        "title": opportunity.title,
        "stage": opportunity.stage,
        "job_url": opportunity.job_url,
        "decision_expected_on": opportunity.decision_expected_on,
        "notes": opportunity.notes,
        "source": opportunity.source,
        "linkedin_job_id": opportunity.linkedin_job_id,
        "company_url": opportunity.company_url,
        "location": opportunity.location,
        "workplace_type": opportunity.workplace_type,
        "employment_type": opportunity.employment_type,
        "description": opportunity.description,
        "topics": list(opportunity.topics or []),
        "people": [
            {
                "person_id": link.person_id,
                "role": link.role,
                "name": link.person.name,
                "on_hiring_team": link.on_hiring_team,
                "job_poster": link.job_poster,
            }
            for link in opportunity.people
        ],
        "interview_ids": [interview.id for interview in opportunity.interviews],
        "created_at": opportunity.created_at,
        "updated_at": opportunity.updated_at,
        "closed_at": opportunity.closed_at,
    }


def interview_view(interview: Interview) -> dict:
    return {
        "id": interview.id,
        "opportunity_id": interview.opportunity_id,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "kind": interview.kind,
        "interviewer_ids": [link.person_id for link in interview.interviewers],
        "interviewer_topics": {
            str(link.person_id): list(link.topics or []) for link in interview.interviewers
        },
        "topics": list(interview.topics or []),
        "notes": interview.notes,
        "created_at": interview.created_at,
        "updated_at": interview.updated_at,
    }
