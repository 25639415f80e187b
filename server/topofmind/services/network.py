"""The user's own network: the connections list and warm-introduction paths to a target."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from ..domain.drafts import DraftContext, build_draft
from ..domain.introductions import IntroducerEvidence, no_path_reason, rank_introducers
from ..errors import NotFound
from ..linkedin.export import escape_spreadsheet_cell
from ..store.models import (
    Connection,
    Interaction,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
)
from .drafting import draft_view
from .opportunities import OPEN_STAGES
from .paging import Page, paginate
from .people import create_person, find_person_by_url, get_person, name_key
from .settings import get_settings
from .unit_of_work import touch, unit_of_work

__all__ = [
    "connection_view",
    "connection_views",
    "connections_csv",
    "intro_paths",
    "list_connections",
    "mutual_connections",
    "network_totals",
    "top_companies",
    "track_connection",
]

_LAST_MESSAGE = case(
    (Connection.last_sent_at > Connection.last_received_at, Connection.last_sent_at),
    else_=func.coalesce(Connection.last_received_at, Connection.last_sent_at),
)

SORTS = {
    "name": (Connection.name_key.asc(),),
    "-name": (Connection.name_key.desc(),),
    "connected_on": (Connection.connected_on.is_(None), Connection.connected_on.desc()),
    "-connected_on": (Connection.connected_on.is_(None), Connection.connected_on.asc()),
    "last_message": (_LAST_MESSAGE.is_(None), _LAST_MESSAGE.desc()),
    "-last_message": (_LAST_MESSAGE.is_(None), _LAST_MESSAGE.asc()),
    "company": (Connection.company.is_(None), func.lower(Connection.company).asc()),
}


def list_connections(
    session: Session,
    *,
    q: str | None = None,
    company: str | None = None,
    sort: str = "name",
    page: int = 1,
    per_page: int = 50,
    position: str | None = None,
    source: str | None = None,
    tracked: bool | None = None,
) -> Page:
    """The user's 1st-degree connections, searched by name, company or position.

    `company` matches the whole company name (any case); `position` any part of the position;
    `source` is ``import`` or ``capture``; `tracked` keeps only connections whose person is (or
    is not) tracked. `sort`: name, connected_on (newest first), last_message (most recent
    first), company; a leading `-` reverses the first three.
    """
    query = select(Connection)
    if q and q.strip():
        pattern = f"%{name_key(q)}%"
        raw = f"%{q.strip().lower()}%"
        query = query.where(
            or_(
                Connection.name_key.like(pattern),
                func.lower(Connection.name).like(raw),  # the key drops what follows "|" or "/"
                func.lower(Connection.company).like(raw),
                func.lower(Connection.position).like(raw),
            )
        )
    if company and company.strip():
        query = query.where(func.lower(Connection.company) == company.strip().lower())
    if position and position.strip():
        query = query.where(func.lower(Connection.position).like(f"%{position.strip().lower()}%"))
    if source:
        query = query.where(Connection.source == source)
    if tracked is not None:
        tracked_ids = select(Person.id).where(Person.tracked.is_(True))
        linked = Connection.person_id.in_(tracked_ids)
        query = query.where(linked if tracked else or_(Connection.person_id.is_(None), ~linked))
    query = query.order_by(*SORTS.get(sort, SORTS["name"]), Connection.id)
    return paginate(session, query, page, per_page)


def top_companies(session: Session, limit: int = 30) -> list[tuple[str, int]]:
    """The companies with the most connections, most first: (company, count)."""
    rows = session.execute(
        select(Connection.company, func.count())
        .where(Connection.company.is_not(None), Connection.company != "")
        .group_by(Connection.company)
        .order_by(func.count().desc(), Connection.company)
        .limit(limit)
    )
    return [(company, count) for company, count in rows if company]


def network_totals(session: Session) -> dict[str, int]:
    """How many connections there are, by source, and how many of them are tracked."""
    by_source = dict(
        session.execute(select(Connection.source, func.count()).group_by(Connection.source)).all()
    )
    tracked = session.scalar(
        select(func.count())
        .select_from(Connection)
        .join(Person, Person.id == Connection.person_id)
        .where(Person.tracked.is_(True))
    )
    return {
        "total": sum(by_source.values()),
        "imported": by_source.get("import", 0),
        "captured": by_source.get("capture", 0),
        "tracked": tracked or 0,
    }


@unit_of_work
def track_connection(session: Session, connection_id: int, now: datetime) -> Person:
    """Start tracking the person behind a connection; returns them (already tracked: as is).

    The person is found by the connection's link or profile URL, else created from the
    connection (name, URL, company, position as title, 1st degree). Raises ``NotFound``.
    """
    connection = session.get(Connection, connection_id)
    if connection is None:
        raise NotFound(f"No connection {connection_id}.")
    person = session.get(Person, connection.person_id) if connection.person_id else None
    if person is None and connection.profile_url:
        person = find_person_by_url(session, connection.profile_url)
    if person is None:
        person = create_person(
            session,
            {
                "name": connection.name,
                "profile_url": connection.profile_url,
                "company": connection.company,
                "title": connection.position,
                "degree": 1,
                "source": "import",
            },
            now,
        )
    elif not person.tracked:
        person.tracked = True
        person.updated_at = now
    connection.person_id = person.id
    session.flush()
    touch(session, {person.id})
    return person


def _last_message_at(connection: Connection) -> datetime | None:
    times = [t for t in (connection.last_sent_at, connection.last_received_at) if t]
    return max(times) if times else None


def connection_views(session: Session, connections: list[Connection]) -> list[dict[str, Any]]:
    """Connections as the API shows them; `tracked_person_id` only when that person is tracked."""
    person_ids = {c.person_id for c in connections if c.person_id}
    tracked = (
        set(
            session.scalars(
                select(Person.id).where(Person.id.in_(person_ids), Person.tracked.is_(True))
            )
        )
        if person_ids
        else set()
    )
    return [
        connection_view(c, c.person_id if c.person_id in tracked else None) for c in connections
    ]


def connection_view(connection: Connection, tracked_person_id: int | None) -> dict[str, Any]:
    return {
        "id": connection.id,
        "name": connection.name,
        "profile_url": connection.profile_url,
        "public_id": connection.public_id,
        "company": connection.company,
        "position": connection.position,
        "email": connection.email,
        "connected_on": connection.connected_on,
        "source": connection.source,
        "messages_sent": connection.messages_sent,
        "messages_received": connection.messages_received,
        "last_sent_at": connection.last_sent_at,
        "last_received_at": connection.last_received_at,
        "last_message_at": _last_message_at(connection),
        "reply_rate": connection.reply_rate,
        "median_reply_hours": connection.median_reply_hours,
        "recommendations": connection.recommendations,
        "endorsements": connection.endorsements,
        "tracked_person_id": tracked_person_id,
    }


CSV_COLUMNS = (
    "name",
    "company",
    "position",
    "profile_url",
    "email",
    "connected_on",
    "messages_sent",
    "messages_received",
    "last_message_at",
    "reply_rate",
    "tracked_person_id",
)


def connections_csv(session: Session, *, q: str | None = None, sort: str = "name") -> str:
    """The connections as CSV for a spreadsheet; every cell is escaped against formula injection
    (names and companies come from LinkedIn, where anyone can write `=HYPERLINK(…)`)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    page = 1
    while True:
        chunk = list_connections(session, q=q, sort=sort, page=page, per_page=200)
        for view in connection_views(session, chunk.items):
            writer.writerow(
                [
                    escape_spreadsheet_cell("" if view[c] is None else str(view[c]))
                    for c in CSV_COLUMNS
                ]
            )
        if page * chunk.per_page >= chunk.total:
            return out.getvalue()
        page += 1


def _connections_for(session: Session, mutuals: list[MutualConnection]) -> dict[int, Connection]:
    """mutual id -> the user's connection it is: the stored join, else profile URL, else a name
    only one connection has."""
    joined_ids = {m.connection_id for m in mutuals if m.connection_id}
    urls = {m.profile_url for m in mutuals if m.profile_url and not m.connection_id}
    names = {m.name_key for m in mutuals if not m.connection_id}
    conditions = []
    if joined_ids:
        conditions.append(Connection.id.in_(joined_ids))
    if urls:
        conditions.append(Connection.identity_key.in_(urls))
    if names:
        conditions.append(Connection.name_key.in_(names))
    if not conditions:
        return {}
    found = list(session.scalars(select(Connection).where(or_(*conditions))))
    by_id = {c.id: c for c in found}
    by_url = {c.identity_key: c for c in found}
    by_name: dict[str, list[Connection]] = {}
    for candidate in found:
        by_name.setdefault(candidate.name_key, []).append(candidate)
    result: dict[int, Connection] = {}
    for mutual in mutuals:
        connection = by_id.get(mutual.connection_id) if mutual.connection_id else None
        if connection is None and mutual.profile_url:
            connection = by_url.get(mutual.profile_url)
        if connection is None:
            matches = by_name.get(mutual.name_key, [])
            connection = matches[0] if len(matches) == 1 else None
        if connection is not None:
            result[mutual.id] = connection
    return result


_NO_TOUCHES: tuple[int, int, datetime | None] = (0, 0, None)


def _touches(
    session: Session, person_ids: set[int]
) -> dict[int | None, tuple[int, int, datetime | None]]:
    """person id -> (outbound, inbound, last touch) from logged and imported interactions; an
    unknown person (or ``None``, a connection nobody tracks) has none."""
    if not person_ids:
        return {}
    outbound = func.sum(case((Interaction.direction == "outbound", 1), else_=0))
    inbound = func.sum(case((Interaction.direction == "inbound", 1), else_=0))
    rows = session.execute(
        select(Interaction.person_id, outbound, inbound, func.max(Interaction.occurred_at))
        .where(Interaction.person_id.in_(person_ids))
        .group_by(Interaction.person_id)
    ).all()
    touches: dict[int | None, tuple[int, int, datetime | None]] = {
        person_id: (int(out or 0), int(into or 0), last) for person_id, out, into, last in rows
    }
    return touches


def _open_opportunity(session: Session, person_id: int) -> Opportunity | None:
    return session.scalars(
        select(Opportunity)
        .join(OpportunityPerson, OpportunityPerson.opportunity_id == Opportunity.id)
        .where(OpportunityPerson.person_id == person_id, Opportunity.stage.in_(OPEN_STAGES))
        .order_by(Opportunity.updated_at.desc(), Opportunity.id.desc())
        .limit(1)
    ).first()


def intro_paths(session: Session, person_id: int, now: datetime) -> dict[str, Any]:
    """Who could introduce the user to this person, strongest tie first, with a draft request.

    Candidates are the person's mutual connections (seen on their profile), joined to the user's
    own connections for evidence (messages, reply rate, recommendations, company, tenure). Returns
    `{target, introducers: [{connection_id, person_id, name, profile_url, company, score,
    evidence}], draft, reason_if_none}`; `draft` asks the best introducer for a double-opt-in
    introduction and is null when there is nobody to ask. Raises `NotFound` for an unknown id.
    """
    target = get_person(session, person_id)
    mutuals = list(
        session.scalars(
            select(MutualConnection)
            .where(MutualConnection.person_id == person_id)
            .order_by(MutualConnection.id)
        )
    )
    connections = _connections_for(session, mutuals)
    # A connection who is also tracked may have touches the export does not know (logged calls,
    # e-mails, newer messages); the larger figure of the two sources wins, never their sum.
    touches = _touches(
        session,
        {c.person_id for c in connections.values() if c.person_id}
        | {m.mutual_person_id for m in mutuals if m.mutual_person_id},
    )
    seen_on = f"{target.name}'s profile"
    evidence: list[IntroducerEvidence] = []
    sources: dict[Any, tuple[MutualConnection, Connection | None]] = {}
    used_connections: set[int] = set()
    for mutual in mutuals:
        connection = connections.get(mutual.id)
        if connection is not None:
            if connection.id in used_connections:
                continue
            used_connections.add(connection.id)
            key: Any = f"connection:{connection.id}"
            sent, received, last = touches.get(
                connection.person_id or mutual.mutual_person_id, _NO_TOUCHES
            )
            exported_last = _last_message_at(connection)
            evidence.append(
                IntroducerEvidence(
                    id=key,
                    name=connection.name,
                    profile_url=connection.profile_url,
                    company=connection.company,
                    connected_on=connection.connected_on,
                    messages_sent=max(connection.messages_sent or 0, sent),
                    messages_received=max(connection.messages_received or 0, received),
                    last_message_at=max(
                        (t for t in (exported_last, last) if t is not None), default=None
                    ),
                    reply_rate=connection.reply_rate,
                    recommendations=connection.recommendations or 0,
                    endorsements=connection.endorsements or 0,
                    is_mutual_of_target=True,
                    seen_on=seen_on,
                )
            )
        else:
            key = f"mutual:{mutual.id}"
            sent, received, last = touches.get(mutual.mutual_person_id, _NO_TOUCHES)
            evidence.append(
                IntroducerEvidence(
                    id=key,
                    name=mutual.name,
                    profile_url=mutual.profile_url,
                    messages_sent=sent,
                    messages_received=received,
                    last_message_at=last,
                    is_mutual_of_target=True,
                    seen_on=seen_on,
                )
            )
        sources[key] = (mutual, connection)

    ranked = rank_introducers(target, evidence, now)
    introducers: list[dict[str, Any]] = []
    for introducer in ranked:
        mutual, connection = sources[introducer.id]
        introducers.append(
            {
                "connection_id": connection.id if connection else None,
                "person_id": (connection.person_id if connection else None)
                or mutual.mutual_person_id,
                "name": introducer.name,
                "profile_url": introducer.profile_url,
                "company": connection.company if connection else None,
                "score": introducer.score,
                "evidence": list(introducer.evidence),
            }
        )
    draft = None
    if introducers:
        settings = get_settings(session)
        opportunity = _open_opportunity(session, person_id)
        best = introducers[0]
        context = DraftContext(
            user_name=settings["user_name"],
            person_name=target.name,
            company=(opportunity.company if opportunity else target.company) or "",
            role_title=opportunity.title if opportunity else "",
            introducer_name=best["name"],
            mutual_name=best["name"],
        )
        draft = draft_view(build_draft("ask_intro", context, settings["templates"]))
        draft["introducer"] = {key: best[key] for key in ("connection_id", "person_id", "name")}
    return {
        "target": {
            "id": target.id,
            "name": target.name,
            "company": target.company,
            "title": target.title,
            "profile_url": target.profile_url,
            "degree": target.degree,
        },
        "introducers": introducers,
        "draft": draft,
        "reason_if_none": None if introducers else no_path_reason(target),
    }


def mutual_connections(session: Session, person_id: int) -> list[dict[str, Any]]:
    """The person's mutual connections as the person page lists them: ``[{name, profile_url,
    person_id, first_degree, company, seen_at}]``, the user's own 1st-degree connections first,
    then by name. ``first_degree`` and ``company`` come from the user's connections list."""
    rows = session.execute(
        select(MutualConnection, Connection.id, Connection.company)
        .outerjoin(
            Connection,
            (Connection.id == MutualConnection.connection_id)
            | (Connection.name_key == MutualConnection.name_key),
        )
        .where(MutualConnection.person_id == person_id)
        .order_by(MutualConnection.name_key)
    ).all()
    seen: dict[int, dict[str, Any]] = {}
    for mutual, connection_id, company in rows:
        entry = seen.setdefault(
            mutual.id,
            {
                "name": mutual.name,
                "profile_url": mutual.profile_url,
                "person_id": mutual.mutual_person_id,
                "first_degree": False,
                "company": None,
                "seen_at": mutual.seen_at,
            },
        )
        if connection_id is not None:
            entry["first_degree"] = True
            entry["company"] = entry["company"] or company
    return sorted(seen.values(), key=lambda entry: (not entry["first_degree"], entry["name"]))
