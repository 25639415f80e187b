"""Factories for the cadence-engine tests: each returns a fact with sensible defaults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from topofmind.domain.facts import (
    FactConnection,
    FactInteraction,
    FactInterview,
    FactMutual,
    FactOpportunity,
    FactPerson,
    FactPost,
    Facts,
    FactShareItem,
)

_ids = count(1000)

#: Wednesday 4 March 2026, 14:00 UTC — a plain weekday afternoon in Europe.
NOW = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def days(n: float) -> timedelta:
    return timedelta(days=n)


def make_person(id: int = 1, name: str = "Maria Lopez", **overrides) -> FactPerson:
    values = {"degree": 1, "location": "London Area, United Kingdom"}
    values.update(overrides)
    return FactPerson(id=id, name=name, **values)


def make_opportunity(
    id: int = 1, stage: str = "interviewing", people=((1, "hiring_manager"),), **overrides
) -> FactOpportunity:
    values = {"company": "Acme", "title": "Staff Engineer", "decision_expected_on": None}
    values.update(overrides)
    return FactOpportunity(id=id, stage=stage, people=tuple(people), **values)


def make_interview(
    ends_at: datetime,
    interviewer_ids=(1,),
    id: int = 9,
    opportunity_id: int = 1,
    topics=("platform migration",),
) -> FactInterview:
    return FactInterview(
        id=id,
        opportunity_id=opportunity_id,
        starts_at=ends_at - hours(1),
        ends_at=ends_at,
        kind="video",
        interviewer_ids=tuple(interviewer_ids),
        topics=tuple(topics),
    )


def make_post(
    posted_at: datetime,
    person_id: int = 1,
    id: int | None = None,
    text: str = "We just finished our platform migration and here is what we learned",
    seen: bool = True,
) -> FactPost:
    post_id = id if id is not None else next(_ids)
    return FactPost(
        id=post_id,
        urn=f"urn:li:activity:{post_id}",
        person_id=person_id,
        posted_at=posted_at,
        text=text,
        first_seen_at=posted_at + hours(0.5) if seen else None,
    )


def make_interaction(
    kind: str,
    occurred_at: datetime,
    person_id: int = 1,
    direction: str | None = None,
    id: int | None = None,
    **overrides,
) -> FactInteraction:
    if direction is None:
        direction = "inbound" if kind.startswith("inbound") else "outbound"
    return FactInteraction(
        id=id if id is not None else next(_ids),
        person_id=person_id,
        kind=kind,
        direction=direction,
        occurred_at=occurred_at,
        **overrides,
    )


def make_connection(
    id: int, name: str, person_id: int | None = None, **overrides
) -> FactConnection:
    values = {"profile_url": None, "company": None, "connected_on": None, "last_message_at": None}
    values.update(overrides)
    return FactConnection(id=id, person_id=person_id, name=name, **values)


def make_mutual(
    person_id: int, name: str, mutual_person_id: int | None = None, profile_url: str | None = None
) -> FactMutual:
    return FactMutual(
        person_id=person_id, mutual_person_id=mutual_person_id, name=name, profile_url=profile_url
    )


def make_share_item(
    id: int = 1,
    topics=("platform migration",),
    title: str = "Migrating a monolith, one service at a time",
    sent_to=(),
) -> FactShareItem:
    return FactShareItem(
        id=id,
        url=f"https://example.com/articles/{id}",
        title=title,
        topics=tuple(topics),
        sent_to_person_ids=tuple(sent_to),
    )


def make_facts(people=None, **collections) -> Facts:
    return Facts(people=tuple(people if people is not None else (make_person(),)), **collections)
