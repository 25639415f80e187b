"""People: create, find (one human = one row), update with field history, list, forget."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from ..errors import Conflict, InvalidInput, NotFound
from ..linkedin import canonical_profile_url, public_id_from_url
from ..linkedin.names import name_key
from ..store.models import (
    CadenceSnapshot,
    Capture,
    Connection,
    Interaction,
    MutualConnection,
    OpportunityPerson,
    Person,
    PersonFieldChange,
    Post,
    Suggestion,
)
from .paging import Page, paginate
from .rows import rows_affected
from .unit_of_work import touch, touch_everyone, unit_of_work

TRACKED_FIELDS = ("name", "headline", "title", "company", "location")
EDITABLE_FIELDS = (
    "name",
    "headline",
    "title",
    "company",
    "location",
    "time_zone",
    "email",
    "tags",
    "notes",
    "do_not_contact",
    "degree",
    "tracked",
)


def identity_from_url(url: str | None) -> tuple[str | None, str | None, str | None]:
    """``(canonical_url, public_id, member_urn_id)`` for a profile URL; Nones when not a profile."""
    url = (url or "").strip()
    if url and "://" not in url:
        url = "https://" + url.lstrip("/")  # people paste "linkedin.com/in/jane"
    canonical = canonical_profile_url(url) if url else None
    if not canonical:
        return None, None, None
    public_id = public_id_from_url(canonical)
    if public_id:
        return canonical, public_id, None
    return canonical, None, canonical.rstrip("/").rsplit("/", 1)[-1]


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"No person with id {person_id}.")
    return person


def find_person(
    session: Session, *, public_id: str | None = None, member_urn: str | None = None
) -> Person | None:
    """The person with this vanity id or member id, whichever is known."""
    conditions = []
    if public_id:
        conditions.append(Person.public_id == public_id)
    if member_urn:
        conditions.append(Person.member_urn == member_urn)
    if not conditions:
        return None
    return session.scalars(select(Person).where(or_(*conditions)).limit(1)).first()


def find_person_by_url(session: Session, url: str) -> Person | None:
    _canonical, public_id, member_urn = identity_from_url(url)
    return find_person(session, public_id=public_id, member_urn=member_urn)


@unit_of_work
def create_person(session: Session, data: Mapping[str, Any], now: datetime) -> Person:
    """Track a new person. A profile URL already known raises ``Conflict`` naming the person."""
    url = data.get("profile_url")
    canonical, public_id, member_urn = identity_from_url(url)
    if url and not canonical:
        raise InvalidInput(
            "Not a LinkedIn profile URL.", {"profile_url": ["Expected linkedin.com/in/<id>/."]}
        )
    existing = find_person(session, public_id=public_id, member_urn=member_urn)
    if existing is not None:
        raise Conflict(
            f"{existing.name} is already tracked (id {existing.id}).",
            {"profile_url": [f"Already tracked as person {existing.id}."]},
        )
    person = Person(
        name=data["name"].strip(),
        name_key=name_key(data["name"]),
        profile_url=canonical,
        public_id=public_id,
        member_urn=member_urn,
        source=data.get("source", "manual"),
        created_at=now,
        updated_at=now,
    )
    for field in EDITABLE_FIELDS:
        if field in data and field != "name":
            setattr(person, field, data[field])
    person.tags = normalise_tags(data.get("tags") or [])
    session.add(person)
    session.flush()
    if canonical:
        # Posts captured before the author was tracked become theirs now ("track this author").
        session.execute(
            update(Post)
            .where(Post.author_url == canonical, Post.person_id.is_(None))
            .values(person_id=person.id)
        )
    touch(session, [person.id])
    return person


def normalise_tags(tags: Iterable[object]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        clean = " ".join(str(tag).split()).lower()[:40]
        if clean and clean not in seen:
            seen.append(clean)
    return seen


@unit_of_work
def update_person(
    session: Session,
    person: Person,
    data: Mapping[str, Any],
    now: datetime,
    capture_id: str | None = None,
) -> list[str]:
    """Apply ``data`` to ``person``; changes to tracked fields are kept as history.

    Returns the names of the fields that changed.
    """
    changed = []
    for field, value in data.items():
        if field not in EDITABLE_FIELDS and field not in ("followers", "mutual_count"):
            continue
        if field == "tags":
            value = normalise_tags(value or [])
        if field == "name":
            if not value or not str(value).strip():
                raise InvalidInput("A name is required.", {"name": ["Must not be empty."]})
            value = str(value).strip()
        old = getattr(person, field)
        if old == value:
            continue
        if field in TRACKED_FIELDS and old is not None:
            session.add(
                PersonFieldChange(
                    person_id=person.id,
                    field=field,
                    old_value=old,
                    new_value=value,
                    changed_at=now,
                    capture_id=capture_id,
                )
            )
        setattr(person, field, value)
        if field == "name":
            person.name_key = name_key(value)
        changed.append(field)
    if changed:
        person.updated_at = now
        touch(session, [person.id])
    session.flush()
    return changed


SORTS = {
    "due": (CadenceSnapshot.next_due_at.is_(None), CadenceSnapshot.next_due_at.asc()),
    "warmth": (CadenceSnapshot.warmth.desc(),),
    "-warmth": (CadenceSnapshot.warmth.asc(),),
    "last_touch": (CadenceSnapshot.last_touch_at.is_(None), CadenceSnapshot.last_touch_at.desc()),
    "-last_touch": (CadenceSnapshot.last_touch_at.is_(None), CadenceSnapshot.last_touch_at.asc()),
    "name": (Person.name_key.asc(),),
    "-name": (Person.name_key.desc(),),
    "created": (Person.created_at.asc(),),
    "-created": (Person.created_at.desc(),),
    "updated": (Person.updated_at.asc(),),
    "-updated": (Person.updated_at.desc(),),
    "company": (Person.company.asc(),),
}


def list_people(
    session: Session,
    *,
    q: str | None = None,
    company: str | None = None,
    tag: str | None = None,
    degree: int | None = None,
    stage: str | None = None,
    status: str | None = None,
    person_ids: Iterable[int] | None = None,
    sort: str = "name",
    page: int = 1,
    per_page: int = 50,
) -> Page:
    """Search and filter the tracked people; ``q`` matches name, headline, company, title."""
    from ..store.models import Opportunity

    query = (
        select(Person)
        .outerjoin(CadenceSnapshot, CadenceSnapshot.person_id == Person.id)
        .where(Person.tracked.is_(True))
    )
    if status:
        query = query.where(CadenceSnapshot.status == status)
    if q:
        pattern = f"%{name_key(q)}%"
        raw = f"%{q.strip().lower()}%"
        query = query.where(
            or_(
                Person.name_key.like(pattern),
                func.lower(Person.name).like(raw),  # the key drops what follows "|" or "/"
                func.lower(Person.headline).like(raw),
                func.lower(Person.company).like(raw),
                func.lower(Person.title).like(raw),
            )
        )
    if company:
        query = query.where(func.lower(Person.company) == company.strip().lower())
    if degree is not None:
        query = query.where(Person.degree == degree)
    if tag:
        # Tags are a short JSON list; a text match on the quoted tag works on both databases.
        query = query.where(cast(Person.tags, String).like(f'%"{tag.strip().lower()}"%'))
    if stage:
        linked = (
            select(OpportunityPerson.person_id)
            .join(Opportunity, Opportunity.id == OpportunityPerson.opportunity_id)
            .where(Opportunity.stage == stage)
        )
        if stage == "networking":
            query = query.where(Person.id.not_in(select(OpportunityPerson.person_id)))
        else:
            query = query.where(Person.id.in_(linked))
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    query = query.order_by(*SORTS.get(sort, SORTS["name"]), Person.id)
    return paginate(session, query, page, per_page)


# The interviewer picker's datalist stays this short; past it, the company's people only.
NAME_LIST_LIMIT = 400


def names_by_id(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """``{person_id: name}`` for the given ids (unknown ids are left out)."""
    ids = list(person_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())


def tracked_names(session: Session, company: str | None = None) -> list[str]:
    """Tracked people's names by name key, at most ``NAME_LIST_LIMIT``: everyone when few,
    else only ``company``'s people (when a company is given)."""
    query = select(Person.name).where(Person.tracked.is_(True)).order_by(Person.name_key)
    if company and count_people(session) > NAME_LIST_LIMIT:
        query = query.where(func.lower(Person.company) == company.lower())
    return list(session.scalars(query.limit(NAME_LIST_LIMIT)))


def find_people_by_name_or_url(session: Session, text: str, limit: int = 2) -> list[Person]:
    """The person at a pasted profile URL, else up to ``limit`` people whose name key equals
    ``text``'s (accent-, case- and space-insensitive)."""
    if "linkedin.com" in text:
        person = find_person_by_url(session, text)
        if person is not None:
            return [person]
    return list(
        session.scalars(select(Person).where(Person.name_key == name_key(text)).limit(limit))
    )


def names_of(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """Person id → name, for the ids given."""
    ids = list(person_ids)
    if not ids:
        return {}
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())


def count_people(session: Session) -> int:
    """How many people are stored (tracked or not)."""
    return session.scalar(select(func.count()).select_from(Person)) or 0


@unit_of_work
def forget_person(session: Session, person: Person, now: datetime) -> dict[str, int]:
    """Delete everything about this person, raw captures that mention them included.

    Their own captures go entirely. Other captures whose HTML or extracted data names them (a
    feed, a search, someone else's profile listing them as a mutual connection) lose their raw
    HTML and extracted data — the facts already drawn from them stay. Suggestions for others
    whose reason names them are dropped, and everyone is recomputed (an introduction through
    them is gone). Returns counts.
    """
    removed: dict[str, int] = {}
    texts = {n for n in (person.name, person.public_id, person.member_urn) if n}
    needles = [n.encode() for n in texts]
    own = set(session.scalars(select(Capture.id).where(Capture.person_id == person.id)))
    redact = set()
    for capture_id, html_gz, extracted in session.execute(
        select(Capture.id, Capture.html_gz, Capture.extracted).where(
            or_(Capture.person_id.is_(None), Capture.person_id != person.id)
        )
    ):
        dumped = json.dumps(extracted, ensure_ascii=False) if extracted else ""
        if any(text in dumped for text in texts) or (
            html_gz and any(needle in _inflate(html_gz) for needle in needles)
        ):
            redact.add(capture_id)
    if own:
        session.execute(delete(Capture).where(Capture.id.in_(own)))
    if redact:
        session.execute(
            update(Capture)
            .where(Capture.id.in_(redact))
            .values(html_gz=None, extracted=None, warnings=[], status="redacted")
        )
    removed["captures"] = len(own) + len(redact)
    removed["interactions"] = rows_affected(
        session, delete(Interaction).where(Interaction.person_id == person.id)
    )
    removed["posts"] = rows_affected(session, delete(Post).where(Post.person_id == person.id))
    if person.profile_url:
        session.execute(delete(Post).where(Post.author_url == person.profile_url))
    session.execute(
        delete(Suggestion).where(
            or_(Suggestion.person_id == person.id, Suggestion.reason.contains(person.name))
        )
    )
    session.execute(
        delete(MutualConnection).where(
            or_(
                MutualConnection.person_id == person.id,
                MutualConnection.mutual_person_id == person.id,
                MutualConnection.name_key == person.name_key,
            )
        )
    )
    session.execute(
        delete(Connection).where(
            or_(Connection.person_id == person.id, Connection.name_key == person.name_key)
        )
    )
    session.delete(person)
    session.flush()
    touch_everyone(session)
    return removed


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        return b""
