"""Events the user went to, and the people met there.

An event comes from the export's ``Events.csv`` (stored by ``imports``) or is logged by hand.
Adding someone met at an event logs an ``event`` interaction with them at the event's time, which
is what the event follow-up rule (``domain.rules.event_follow_up``) reads.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..errors import Conflict, InvalidInput, NotFound
from ..store.models import Event, EventPerson, Person
from .interactions import record_interaction
from .paging import Page, paginate
from .people import create_person, name_key
from .unit_of_work import unit_of_work

__all__ = [
    "add_person_met",
    "create_event",
    "event_key",
    "get_event",
    "list_events",
]


def event_key(name: str, starts_at: datetime | None) -> str:
    """The identity of an exported event: its name and start (a re-import finds it again)."""
    moment = starts_at.isoformat() if starts_at else "undated"
    return f"export:{name_key(name)}|{moment}"[:500]


def list_events(
    session: Session,
    *,
    upcoming: bool | None = None,
    now: datetime,
    page: int = 1,
    per_page: int = 20,
) -> Page:
    """Events, the latest first (upcoming ones soonest first); each with its people loaded."""
    query = select(Event).options(selectinload(Event.people).selectinload(EventPerson.person))
    if upcoming is True:
        query = query.where(Event.starts_at > now).order_by(Event.starts_at.asc())
    elif upcoming is False:
        query = query.where((Event.starts_at <= now) | Event.starts_at.is_(None)).order_by(
            Event.starts_at.is_(None), Event.starts_at.desc(), Event.id.desc()
        )
    else:
        query = query.order_by(Event.starts_at.is_(None), Event.starts_at.desc(), Event.id.desc())
    return paginate(session, query, page, per_page)


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"No event with id {event_id}.")
    return event


@unit_of_work
def create_event(session: Session, data: Mapping[str, Any], now: datetime) -> Event:
    """Log an event ``{name, starts_at, url?, note?}`` by hand."""
    event = Event(
        key=f"manual:{uuid.uuid4()}",
        name=data["name"].strip(),
        starts_at=data["starts_at"],
        url=data.get("url"),
        note=data.get("note"),
        source="manual",
        created_at=now,
        updated_at=now,
    )
    session.add(event)
    session.flush()
    return event


@unit_of_work
def add_person_met(
    session: Session, event_id: int, name: str, now: datetime, note: str | None = None
) -> Person:
    """Record meeting someone at the event, by name: the one tracked person of that name, else a
    new person. Logs an ``event`` interaction at the event's start, so a follow-up is suggested.

    Raises ``NotFound`` (event), ``InvalidInput`` (the event has not happened yet, or the name is
    shared by several tracked people) and ``Conflict`` (already recorded).
    """
    event = get_event(session, event_id)
    if event.starts_at is not None and event.starts_at > now:
        raise InvalidInput(
            "This event has not happened yet; add the people you met once it has.",
            {"name": ["The event is in the future."]},
        )
    key = name_key(name)
    found = list(
        session.scalars(
            select(Person).where(Person.name_key == key, Person.tracked.is_(True)).limit(3)
        )
    )
    if len(found) > 1:
        raise InvalidInput(
            f"Several people are called {name}; add them from their own page.",
            {"name": ["More than one tracked person has this name."]},
        )
    person = found[0] if found else create_person(session, {"name": name}, now)
    if session.scalar(
        select(func.count())
        .select_from(EventPerson)
        .where(EventPerson.event_id == event.id, EventPerson.person_id == person.id)
    ):
        raise Conflict(
            f"{person.name} is already among the people met at {event.name}.",
            {"name": ["Already added."]},
        )
    interaction = record_interaction(
        session,
        person.id,
        {
            "kind": "event",
            "occurred_at": event.starts_at or now,
            "note": f"Met at {event.name}" + (f": {note}" if note else ""),
        },
        now,
    )
    session.add(EventPerson(event_id=event.id, person_id=person.id, interaction_id=interaction.id))
    session.flush()
    return person
