"""Suggestions: load facts, run the cadence engine, persist the result idempotently.

Recompute happens after every relevant write for the people it touched, and for everyone on a
schedule. Stored rows are matched by the engine's stable keys (``domain.engine.reconcile``), so a
recompute never duplicates, and snoozed or dismissed suggestions stay so unless new facts arrive.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, insert, or_, select, update
from sqlalchemy.orm import QueryableAttribute, Session

from ..domain import engine, outcome_drafts, rules, timing
from ..domain.facts import (
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
from ..domain.settings import CadenceSettings
from ..errors import InvalidInput, InvalidState, NotFound
from ..store.models import (
    CadenceSnapshot,
    Connection,
    Interaction,
    Interview,
    InterviewInterviewer,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
    ShareItem,
    ShareSent,
    Suggestion,
)
from .drafting import sent_note
from .interactions import record_interaction
from .paging import Page, paginate
from .people import get_person
from .rows import rows_affected
from .settings import get_settings
from .unit_of_work import touch, unit_of_work

STATUSES = ("open", "done", "snoozed", "dismissed", "expired")
# What "done" logs, per suggestion kind.
DONE_INTERACTION = {
    "thank_you": "thank_you",
    "comment": "comment",
    "react": "reaction",
    "share": "share",
    "check_in": "check_in",
    "respond": "message",
    "ask_intro": "intro_request",
    "event_follow_up": "message",
    "keep_warm": "message",
    "connect": "connection_request",
    "close_loop": "message",
    "offer_thanks": "message",
    "offer_reply": "message",
    "withdraw": "message",
    "news_and_thanks": "thank_you",
}
# Only the last year of posts can still be fresh enough to matter to any rule.
POST_LOOKBACK_DAYS = 30
# A query narrowed by load_facts keeps its own row type.
_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def cadence_settings(session: Session) -> CadenceSettings:
    """The engine's settings from the user's stored settings."""
    stored = get_settings(session)
    mapping = dict(stored["cadence"])
    for key in ("user_time_zone", "working_hours_start", "working_hours_end", "daily_budget"):
        mapping[key] = stored[key]
    return CadenceSettings.from_mapping(mapping)


# Facts ---------------------------------------------------------------------------------------


def load_facts(session: Session, now: datetime, person_ids: Iterable[int] | None = None) -> Facts:
    """Everything the engine needs, for everyone or for ``person_ids`` only.

    Rows are selected with columns named like the fact fields, so each fact is built with
    ``Fact(**row._mapping)`` — or, for the large tables (people, posts, interactions), from the
    row in field order, which skips building a mapping per row."""
    ids = None if person_ids is None else sorted(set(person_ids))

    def scoped(query: _Query, column: QueryableAttribute[Any]) -> _Query:
        return query if ids is None else query.where(column.in_(ids))

    people = tuple(
        FactPerson(
            person_id,
            name,
            degree,
            location,
            time_zone,
            tuple(tags or ()),
            do_not_contact,
            company,
            public_id,
            profile_url,
            headline,
            email,
        )
        for (
            person_id,
            name,
            degree,
            location,
            time_zone,
            tags,
            do_not_contact,
            company,
            public_id,
            profile_url,
            headline,
            email,
        ) in session.execute(
            scoped(
                select(
                    Person.id,
                    Person.name,
                    Person.degree,
                    Person.location,
                    Person.time_zone,
                    Person.tags,
                    Person.do_not_contact,
                    Person.company,
                    Person.public_id,
                    Person.profile_url,
                    Person.headline,
                    Person.email,
                ).where(Person.tracked.is_(True)),
                Person.id,
            )
        )
    )
    links = defaultdict(list)
    for opportunity_id, person_id, role in session.execute(
        select(
            OpportunityPerson.opportunity_id, OpportunityPerson.person_id, OpportunityPerson.role
        ).order_by(OpportunityPerson.id)
    ):
        links[opportunity_id].append((person_id, role))
    wanted_opportunities = None
    if ids is not None:
        wanted_opportunities = {
            o for o, members in links.items() if any(p in ids for p, _ in members)
        }
    # A hire pauses the whole search, so a per-person recompute must see it too.
    opportunities = tuple(
        FactOpportunity(
            **{
                **row._mapping,
                "people": tuple(links.get(row.id, ())),
                "topics": tuple(row.topics or ()),
            }
        )
        for row in session.execute(
            select(
                Opportunity.id,
                Opportunity.company,
                Opportunity.title,
                Opportunity.stage,
                Opportunity.decision_expected_on,
                Opportunity.topics,
                Opportunity.closed_at,
            )
        )
        if wanted_opportunities is None or row.id in wanted_opportunities or row.stage == "hired"
    )
    opportunity_ids = {o.id for o in opportunities}
    interviewers = defaultdict(list)
    for interview_id, person_id in session.execute(
        select(InterviewInterviewer.interview_id, InterviewInterviewer.person_id).order_by(
            InterviewInterviewer.id
        )
    ):
        interviewers[interview_id].append(person_id)
    interviews = tuple(
        FactInterview(
            **{
                **row._mapping,
                "interviewer_ids": tuple(interviewers[row.id]),
                "topics": tuple(row.topics or ()),
            }
        )
        for row in session.execute(
            select(
                Interview.id,
                Interview.opportunity_id,
                Interview.starts_at,
                Interview.ends_at,
                Interview.kind,
                Interview.topics,
            )
        )
        if row.opportunity_id in opportunity_ids
    )
    since = now - timedelta(days=POST_LOOKBACK_DAYS)
    posts = tuple(
        FactPost(post_id, urn, person_id, posted_at, text or "", first_seen_at)
        for post_id, urn, person_id, posted_at, text, first_seen_at in session.execute(
            scoped(
                select(
                    Post.id, Post.urn, Post.person_id, Post.posted_at, Post.text, Post.first_seen_at
                ).where(
                    Post.person_id.is_not(None),
                    or_(
                        Post.posted_at >= since,
                        Post.posted_at.is_(None) & (Post.first_seen_at >= since),
                    ),
                ),
                Post.person_id,
            )
        )
        # Always true (the query asks for it); it tells the type checker too.
        if person_id is not None
    )
    interactions = tuple(
        FactInteraction(*row)
        for row in session.execute(
            scoped(
                select(
                    Interaction.id,
                    Interaction.person_id,
                    Interaction.kind,
                    Interaction.direction,
                    Interaction.occurred_at,
                    Interaction.post_urn,
                    Interaction.opportunity_id,
                    Interaction.note,
                ),
                Interaction.person_id,
            )
        )
    )
    mutual_rows = list(
        session.execute(
            scoped(
                select(
                    MutualConnection.person_id,
                    MutualConnection.mutual_person_id,
                    MutualConnection.name,
                    MutualConnection.profile_url,
                    MutualConnection.connection_id,
                    MutualConnection.name_key,
                ),
                MutualConnection.person_id,
            )
        )
    )
    mutuals = tuple(
        FactMutual(
            person_id=row.person_id,
            mutual_person_id=row.mutual_person_id,
            name=row.name,
            profile_url=row.profile_url,
        )
        for row in mutual_rows
    )
    connection_query = select(
        Connection.id,
        Connection.person_id,
        Connection.name,
        Connection.profile_url,
        Connection.company,
        Connection.connected_on,
        Connection.last_sent_at,
        Connection.last_received_at,
    )
    if ids is not None:
        names = {row.name_key for row in mutual_rows}
        connection_ids = {row.connection_id for row in mutual_rows if row.connection_id}
        connection_query = connection_query.where(
            or_(
                Connection.person_id.in_(ids),
                Connection.name_key.in_(names),
                Connection.id.in_(connection_ids),
            )
        )
    connections = tuple(
        FactConnection(
            **{
                key: value
                for key, value in row._mapping.items()
                if key not in ("last_sent_at", "last_received_at")
            },
            last_message_at=max(
                filter(None, (row.last_sent_at, row.last_received_at)), default=None
            ),
        )
        for row in session.execute(connection_query)
    )
    sent = defaultdict(list)
    for item_id, person_id in session.execute(select(ShareSent.share_item_id, ShareSent.person_id)):
        sent[item_id].append(person_id)
    share_items = tuple(
        FactShareItem(
            id=item.id,
            url=item.url or "",
            title=item.title,
            topics=tuple(item.topics or ()),
            sent_to_person_ids=tuple(sent[item.id]),
        )
        for item in session.scalars(select(ShareItem))
    )
    return Facts(
        people=people,
        opportunities=opportunities,
        interviews=interviews,
        posts=posts,
        interactions=interactions,
        connections=connections,
        mutuals=mutuals,
        share_items=share_items,
    )


def related_ids(session: Session, person_ids: Iterable[int]) -> set[int]:
    """``person_ids`` plus the people whose plan depends on theirs through introductions (their
    tracked mutuals, and the people they are a mutual of), two steps out."""
    found = set(person_ids)
    for _ in range(2):
        rows = session.execute(
            select(MutualConnection.person_id, MutualConnection.mutual_person_id).where(
                or_(
                    MutualConnection.person_id.in_(found),
                    MutualConnection.mutual_person_id.in_(found),
                )
            )
        )
        more = {pid for row in rows for pid in row if pid is not None}
        linked = session.scalars(
            select(Connection.person_id)
            .join(MutualConnection, MutualConnection.connection_id == Connection.id)
            .where(MutualConnection.person_id.in_(found), Connection.person_id.is_not(None))
        )
        more.update(linked)
        if more <= found:
            break
        found |= more
    return found


# Recompute -----------------------------------------------------------------------------------


@contextmanager
def _cycle_collector_paused(paused: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a full recompute allocates its facts.

    Building 100,000+ small immutable facts triggers several full collections that each walk
    every live object and free nothing (the facts hold no cycles): a fifth of a full recompute's
    CPU time. Reference counting still frees as usual; the collector resumes afterwards unless
    someone else had paused it."""
    was_enabled = gc.isenabled()
    if paused and was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if paused and was_enabled:
            gc.enable()


def recompute(
    session: Session, now: datetime, person_ids: Iterable[int] | None = None
) -> dict[str, int]:
    """Recompute suggestions and cadence figures for ``person_ids`` (default: everyone).

    Idempotent: running it twice with the same facts and clock writes nothing the second time.
    The daily budget is not applied here — it is a view of today (``digest``) — so a person's
    suggestions never flap between stored and expired as other people's come and go.
    Returns counts of created, updated and expired suggestions.
    """
    settings = cadence_settings(session)
    if person_ids is not None:
        # An intro request to one person can absorb or hold back a note to another.
        person_ids = sorted(related_ids(session, person_ids))
    with _cycle_collector_paused(person_ids is None):
        facts = load_facts(session, now, person_ids)
        unbudgeted = dataclasses.replace(settings, daily_budget=10**9)
        fresh = engine.suggest(facts, now, unbudgeted)
    scope = [person.id for person in facts.people]
    columns = (
        Suggestion.id,
        Suggestion.key,
        Suggestion.status,
        Suggestion.fingerprint.label("fact_fingerprint"),
        Suggestion.reason,
        Suggestion.due_at,
        Suggestion.window_end,
        Suggestion.priority,
        Suggestion.subject_type,
        Suggestion.subject_id,
        Suggestion.snoozed_until,
    )
    existing_query = select(*columns)
    if person_ids is not None:
        existing_query = existing_query.where(Suggestion.person_id.in_(list(person_ids)))
    existing = [
        engine.ExistingSuggestion(
            row.id,
            row.key,
            row.status,
            row.fact_fingerprint or "",
            row.reason,
            row.due_at,
            row.window_end,
            row.priority,
            row.subject_type,
            row.subject_id,
            row.snoozed_until,
        )
        for row in session.execute(existing_query)
    ]
    plan = engine.reconcile(existing, fresh, now)
    # What stays open after the writes below: the contacts list shows the same clock.
    stored = {row.key: row.status for row in existing}
    reopened = {change.suggestion.key for change in plan.to_update if change.reopen}
    open_plan: dict[int, list] = defaultdict(list)
    for suggestion in fresh:
        if stored.get(suggestion.key, "open") in ("open", "expired") or suggestion.key in reopened:
            open_plan[suggestion.person_id].append(suggestion)
    if plan.to_create:
        session.execute(
            insert(Suggestion),
            [
                {
                    **_columns(suggestion, now),
                    "key": suggestion.key,
                    "status": "open",
                    "created_at": now,
                }
                for suggestion in plan.to_create
            ],
        )
    if plan.to_update:
        session.execute(
            update(Suggestion),
            [
                {
                    "id": change.id,
                    **_columns(change.suggestion, now),
                    **(
                        {"status": "open", "snoozed_until": None, "resolved_at": None}
                        if change.reopen
                        else {}
                    ),
                }
                for change in plan.to_update
            ],
        )
    if plan.to_expire:
        session.execute(
            update(Suggestion)
            .where(Suggestion.id.in_(plan.to_expire))
            .values(status="expired", updated_at=now)
        )
    _store_cadence(session, facts, scope, now, settings, open_plan)
    session.flush()
    return {
        "created": len(plan.to_create),
        "updated": len(plan.to_update),
        "expired": len(plan.to_expire),
        "people": len(scope),
    }


def _columns(suggestion: rules.Suggestion, now: datetime) -> dict[str, Any]:
    return {
        "kind": suggestion.kind,
        "person_id": suggestion.person_id,
        "subject_type": suggestion.subject_type,
        "subject_id": suggestion.subject_id,
        "reason": suggestion.reason,
        "due_at": suggestion.due_at,
        "window_end": suggestion.window_end,
        "priority": suggestion.priority,
        "fingerprint": suggestion.fact_fingerprint,
        "channel": suggestion.channel,
        "extra": {
            "facts": _jsonable(dict(suggestion.facts)),
            "introducer_person_id": suggestion.introducer_person_id,
        },
        "updated_at": now,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


SNAPSHOT_FIELDS = (
    "status",
    "stage",
    "last_outbound_at",
    "last_inbound_at",
    "last_touch_at",
    "touches_7d",
    "touches_30d",
    "touches_90d",
    "median_gap_days",
    "reply_rate",
    "warmth",
    "target_min_days",
    "target_max_days",
    "next_due_at",
)


def plan_status(
    suggestions: Iterable[rules.Suggestion], now: datetime, cadence_status: str
) -> tuple[str, datetime | None]:
    """A person's status and next due time from their open suggestions, so the contacts list
    and its filters tell the same clock as Today: ``overdue`` once a send-by has passed, ``due``
    once one is due, else the cadence's own status (``due`` and ``overdue`` there mean a
    suggestion would exist, so without one the person is ``on_track``)."""
    items = list(suggestions)
    if items:
        next_due = min(s.due_at for s in items)
        if any(s.window_end is not None and s.window_end < now for s in items):
            return "overdue", next_due
        if next_due <= now:
            return "due", next_due
        return ("on_track" if cadence_status in ("due", "overdue") else cadence_status), next_due
    return ("on_track" if cadence_status in ("due", "overdue") else cadence_status), None


def _store_cadence(
    session: Session,
    facts: Facts,
    scope: list[int],
    now: datetime,
    settings: CadenceSettings,
    open_plan: dict[int, list],
) -> None:
    """Store each person's figures; rows whose figures did not change are left alone."""
    columns = [getattr(CadenceSnapshot, name) for name in ("person_id", *SNAPSHOT_FIELDS)]
    query = select(*columns)
    if len(scope) < 1000:
        query = query.where(CadenceSnapshot.person_id.in_(scope))
    stored = {row[0]: tuple(row[1:]) for row in session.execute(query)}
    inserts, updates = [], []
    all_figures = engine.cadence_for_all(facts, now, settings)
    for person_id in scope:
        figures = all_figures[person_id]
        status, next_due = plan_status(open_plan.get(person_id, ()), now, figures.status)
        values = dict(
            status=status,
            stage=figures.stage,
            last_outbound_at=figures.last_outbound_at,
            last_inbound_at=figures.last_inbound_at,
            last_touch_at=figures.last_touch_at,
            touches_7d=figures.touches_7d,
            touches_30d=figures.touches_30d,
            touches_90d=figures.touches_90d,
            median_gap_days=figures.median_gap_days,
            reply_rate=figures.reply_rate,
            warmth=float(figures.warmth),
            target_min_days=figures.target_min_days,
            target_max_days=figures.target_max_days,
            next_due_at=next_due,
        )
        row = stored.get(person_id)
        if row is None:
            inserts.append({"person_id": person_id, "computed_at": now, **values})
        elif row != tuple(values[name] for name in SNAPSHOT_FIELDS):
            updates.append({"person_id": person_id, "computed_at": now, **values})
    if inserts:
        session.execute(insert(CadenceSnapshot), inserts)
    if updates:
        session.execute(update(CadenceSnapshot), updates)


# Reading and acting --------------------------------------------------------------------------


def explain(session: Session, person_id: int, now: datetime) -> list[engine.Explanation]:
    """Which rules fired for this person, which a guard held back, and why
    (``domain.engine.explain``, without the daily budget). Raises ``NotFound``."""
    get_person(session, person_id)
    facts = load_facts(session, now, [person_id])
    if person_id not in facts.person_by_id:
        return []
    return engine.explain(facts, person_id, now, cadence_settings(session), include_budget=False)


def get_suggestion(session: Session, suggestion_id: int) -> Suggestion:
    suggestion = session.get(Suggestion, suggestion_id)
    if suggestion is None:
        raise NotFound(f"No suggestion with id {suggestion_id}.")
    return suggestion


def effective_status(suggestion: Suggestion, now: datetime) -> str:
    """The status as of ``now``: a snoozed suggestion whose time has come is open again.

    Reads apply this rule; the scheduler's ``wake_snoozed`` stores it, so a GET never writes.
    """
    if suggestion.status == "snoozed" and (
        suggestion.snoozed_until is None or suggestion.snoozed_until <= now
    ):
        return "open"
    return suggestion.status


def _status_is(status: str, now: datetime | None) -> ColumnElement[bool]:
    """``effective_status(row, now) == status`` as SQL (the stored status when ``now`` is None)."""
    if now is None or status not in ("open", "snoozed"):
        return Suggestion.status == status
    awake = or_(Suggestion.snoozed_until.is_(None), Suggestion.snoozed_until <= now)
    if status == "open":
        return or_(Suggestion.status == "open", and_(Suggestion.status == "snoozed", awake))
    return and_(Suggestion.status == "snoozed", ~awake)


def list_suggestions(
    session: Session,
    *,
    status: str | None = "open",
    now: datetime | None = None,
    person_id: int | None = None,
    due_before: datetime | None = None,
    kind: str | None = None,
    page: int = 1,
    per_page: int = 50,
    due_after: datetime | None = None,
) -> Page:
    """Suggestions by priority, then due time, paged; ``due_after`` and ``due_before`` bound the
    due time (both inclusive). With ``now``, ``status`` is the status as of then
    (``effective_status``): snoozed ones whose time has come count as open."""
    query = select(Suggestion)
    if status:
        query = query.where(_status_is(status, now))
    if person_id is not None:
        query = query.where(Suggestion.person_id == person_id)
    if due_before is not None:
        query = query.where(Suggestion.due_at <= due_before)
    if due_after is not None:
        query = query.where(Suggestion.due_at >= due_after)
    if kind:
        query = query.where(Suggestion.kind == kind)
    query = query.order_by(Suggestion.priority.desc(), Suggestion.due_at, Suggestion.id)
    return paginate(session, query, page, per_page)


def timing_fields(suggestion: Suggestion, now: datetime, zone: ZoneInfo) -> dict[str, Any]:
    """``send_by`` (the window's end, already in working hours) and ``timing``, the phrase every
    surface shows ("Send today, by 5:00 PM", "Overdue since Mon")."""
    send_by = suggestion.window_end or suggestion.due_at
    return {
        "send_by": send_by,
        "timing": timing.timing_phrase(suggestion.due_at, send_by, now, zone),
    }


def _draft(
    session: Session, suggestion: Suggestion, person: Person, now: datetime
) -> dict[str, Any] | None:
    from .drafting import draft_for

    if suggestion.kind in outcome_drafts.KINDS:
        facts = (suggestion.extra or {}).get("facts") or {}
        user_name = get_settings(session).get("user_name") or ""
        return outcome_drafts.outcome_draft(
            suggestion.kind, suggestion.channel or "email", person.name, facts, user_name
        ).to_dict()
    return draft_for(session, suggestion, person, now)


def suggestion_views(
    session: Session, suggestions: Iterable[Suggestion], now: datetime
) -> list[dict[str, Any]]:
    """API/dashboard dicts with the person's name, the subject's URL, the timing and a draft."""
    suggestions = list(suggestions)
    if not suggestions:
        return []
    zone = timing.zone(cadence_settings(session).user_time_zone)
    person_ids = {s.person_id for s in suggestions}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))}
    post_ids = [s.subject_id for s in suggestions if s.subject_type == "post" and s.subject_id]
    post_urls = {
        row.id: row.url
        for row in session.execute(select(Post.id, Post.url).where(Post.id.in_(post_ids)))
    }
    views = []
    for suggestion in suggestions:
        person = people.get(suggestion.person_id)
        views.append(
            {
                "id": suggestion.id,
                "key": suggestion.key,
                "kind": suggestion.kind,
                "person_id": suggestion.person_id,
                "person_name": person.name if person else None,
                "subject_type": suggestion.subject_type,
                "subject_id": suggestion.subject_id,
                "reason": suggestion.reason,
                "due_at": suggestion.due_at,
                "window_end": suggestion.window_end,
                **timing_fields(suggestion, now, zone),
                "priority": suggestion.priority,
                "status": effective_status(suggestion, now),
                "snoozed_until": suggestion.snoozed_until
                if effective_status(suggestion, now) == "snoozed"
                else None,
                "channel": suggestion.channel,
                "introducer_person_id": (suggestion.extra or {}).get("introducer_person_id"),
                "post_url": post_urls.get(suggestion.subject_id)
                if suggestion.subject_type == "post"
                else None,
                "draft": _draft(session, suggestion, person, now) if person else None,
            }
        )
    return views


@unit_of_work
def mark_done(
    session: Session,
    suggestion_id: int,
    now: datetime,
    note: str | None = None,
    sent_text: str | None = None,
    sent_at: datetime | None = None,
) -> Suggestion:
    """Mark done and log the touch it stands for (dated ``sent_at``, default now; never in the
    future: ``InvalidInput``); the person is recomputed.

    ``sent_text`` is the message as sent; the note keeps it (or a summary, unless the user opted
    in to keeping message bodies) so the repeat check can see it later.
    """
    if sent_at is not None and sent_at > now:
        raise InvalidInput("The sent date is in the future.", {"sent_at": ["Not after now."]})
    suggestion = get_suggestion(session, suggestion_id)
    if suggestion.status == "done":
        return suggestion
    kind = DONE_INTERACTION.get(suggestion.kind)
    if kind:
        facts = (suggestion.extra or {}).get("facts") or {}
        logged_on, default_note = _logged_on(session, suggestion)
        record_interaction(
            session,
            logged_on,
            {
                "kind": kind,
                "note": sent_note(session, sent_text, kind)
                if sent_text and sent_text.strip()
                else note or default_note,
                "post_urn": facts.get("post_urn") if suggestion.subject_type == "post" else None,
                "opportunity_id": facts.get("opportunity_id"),
                "source": "suggestion",
                "occurred_at": sent_at,
            },
            now,
        )
    if suggestion.kind == "share" and suggestion.subject_type == "share_item":
        _remember_share(session, suggestion.subject_id, suggestion.person_id, now)
    suggestion.status = "done"
    suggestion.resolved_at = now
    suggestion.updated_at = now
    session.flush()
    touch(session, [suggestion.person_id])
    return suggestion


def _logged_on(session: Session, suggestion: Suggestion) -> tuple[int, str]:
    """Whose timeline a done suggestion is logged on, and the note it gets by default: an intro
    request goes on the introducer's (they were asked, and are thanked after a hire), naming
    whom it was about; anything else on the person's."""
    default = f"Done from suggestion: {suggestion.reason[:180]}"
    introducer_id = (suggestion.extra or {}).get("introducer_person_id")
    if suggestion.kind == "ask_intro" and introducer_id is not None:
        introducer = session.get(Person, introducer_id)
        target = session.get(Person, suggestion.person_id)
        if introducer is not None and introducer.tracked and target is not None:
            return introducer.id, f"Asked for an introduction to {target.name}."
    return suggestion.person_id, default


def _remember_share(session: Session, item_id: int | None, person_id: int, now: datetime) -> None:
    if (
        item_id
        and session.get(ShareItem, item_id)
        and not session.scalars(
            select(ShareSent).where(
                ShareSent.share_item_id == item_id, ShareSent.person_id == person_id
            )
        ).first()
    ):
        session.add(ShareSent(share_item_id=item_id, person_id=person_id, sent_at=now))


def snooze(
    session: Session,
    suggestion_id: int,
    now: datetime,
    until: datetime | None = None,
    hours: int | None = None,
) -> Suggestion:
    """Hide until ``until`` (or ``hours`` from now; default: tomorrow at the start of work)."""
    suggestion = get_suggestion(session, suggestion_id)
    if suggestion.status in ("done", "expired"):
        raise InvalidState(f"A {suggestion.status} suggestion cannot be snoozed.")
    if until is None:
        if hours is not None:
            until = now + timedelta(hours=hours)
        else:
            settings = cadence_settings(session)
            zone = timing.zone(settings.user_time_zone)
            until = timing.next_working_time(
                timing.end_of_day(now, zone),
                zone,
                settings.working_hours_start,
                settings.working_hours_end,
            )
    if until <= now:
        raise InvalidInput("Snooze until a time in the future.", {"until": ["Must be later."]})
    suggestion.status = "snoozed"
    suggestion.snoozed_until = until
    suggestion.updated_at = now
    session.flush()
    return suggestion


def dismiss(session: Session, suggestion_id: int, now: datetime) -> Suggestion:
    suggestion = get_suggestion(session, suggestion_id)
    if suggestion.status == "done":
        raise InvalidState("A done suggestion cannot be dismissed.")
    suggestion.status = "dismissed"
    suggestion.resolved_at = now
    suggestion.updated_at = now
    session.flush()
    return suggestion


def wake_snoozed(session: Session, now: datetime) -> int:
    """Store what ``effective_status`` reads: snoozed suggestions whose time has come are open
    again (the scheduler's job; returns how many woke)."""
    return rows_affected(
        session,
        update(Suggestion)
        .where(Suggestion.status == "snoozed", Suggestion.snoozed_until <= now)
        .values(status="open", snoozed_until=None, updated_at=now),
    )


def today_plan(session: Session, now: datetime, week_limit: int = 50) -> dict:
    """Today's plan, the one list Today, the digest and the badge show: the top
    ``daily_budget`` open suggestions due by the end of the user's day (by priority), and what
    waits under "Later" (the rest of today's, then the week's, soonest first)."""
    settings = cadence_settings(session)
    zone = timing.zone(settings.user_time_zone)
    end_of_today = timing.end_of_day(now, zone)
    rows = list(
        session.scalars(
            select(Suggestion).where(
                _status_is("open", now), Suggestion.due_at < now + timedelta(days=7)
            )
        )
    )
    today = sorted(
        (row for row in rows if row.due_at < end_of_today),
        key=lambda row: (-row.priority, row.due_at, row.key),
    )
    top = today[: settings.daily_budget]
    later = today[settings.daily_budget :] + sorted(
        (row for row in rows if row.due_at >= end_of_today),
        key=lambda row: (row.due_at, -row.priority, row.key),
    )
    return {
        "date": now.astimezone(zone).date().isoformat(),
        "budget": settings.daily_budget,
        "due_today_count": len(today),
        "top": top,
        "later": later[:week_limit],
        "later_count": len(later),
        "later_today_count": len(today) - len(top),
    }


def digest(session: Session, now: datetime) -> dict:
    """Today's plan for the API and the badge (``today_plan``): the top suggestions within the
    daily budget, ``due_today_count`` — how many of them, the one number the badge, the popup
    and Today's list show — and how many wait under "Later" (``later_count``; of those,
    ``later_today_count`` were due today beyond the budget)."""
    plan = today_plan(session, now, week_limit=0)
    return {
        "date": plan["date"],
        "due_today_count": len(plan["top"]),
        "budget": plan["budget"],
        "later_count": plan["later_count"],
        "later_today_count": plan["later_today_count"],
        "items": suggestion_views(session, plan["top"], now),
    }


def next_steps(
    session: Session, person_ids: Iterable[int], now: datetime
) -> dict[int, dict[str, Any]]:
    """Each person's next open suggestion (soonest due, then highest priority) with its timing
    phrase, for the contacts list and the person page: the same clock as Today."""
    ids = list(person_ids)
    if not ids:
        return {}
    zone = timing.zone(cadence_settings(session).user_time_zone)
    rows = session.scalars(
        select(Suggestion)
        .where(_status_is("open", now), Suggestion.person_id.in_(ids))
        .order_by(Suggestion.due_at, Suggestion.priority.desc(), Suggestion.id)
    )
    steps: dict[int, dict] = {}
    for row in rows:
        if row.person_id not in steps:
            steps[row.person_id] = {"kind": row.kind, **timing_fields(row, now, zone)}
    return steps
