"""The cadence engine's entry points: facts and a clock in, suggestions and figures out.

`suggest` recomputes everyone (guards and daily budget included); `suggest_for_person` is the
fast path after a capture; `explain` tells which rules fired or were held back and why;
`reconcile` turns a fresh list into the creates, updates and expiries persistence must apply.
All functions are pure: same facts, clock and settings give the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from . import cadence, plan, timing
from .facts import Facts
from .guards import apply_budget, guard_person, public_engagements, ranking
from .outcomes import OUTCOME_RULES
from .rules import (
    MESSAGE_CHANNELS,
    PERSON_RULES,
    Explanation,
    PersonContext,
    Suggestion,
    TopicMatcher,
    keep_warm,
    match_topics,
)
from .settings import CadenceSettings

__all__ = [
    "ExistingSuggestion",
    "Explanation",
    "ReconcilePlan",
    "Suggestion",
    "SuggestionUpdate",
    "cadence_for",
    "cadence_for_all",
    "explain",
    "reconcile",
    "suggest",
    "suggest_for_person",
]


def suggest(
    facts: Facts,
    now: datetime,
    settings: CadenceSettings | None = None,
    *,
    topic_matcher: TopicMatcher | None = None,
) -> list[Suggestion]:
    """Every suggestion for every person at `now`, best first.

    One plan per recipient across everyone (``plan``), then all guards and the daily budget:
    at most `daily_budget` suggestions are due before the end of the user's day; suggestions
    due later (within `horizon_days`) are included so calendars can show them. Raises
    `ValueError` when `now` is naive.
    """
    now = _utc(now)
    settings = settings or CadenceSettings()
    found = _plan(facts, [p.id for p in facts.people], now, settings, topic_matcher, None)
    kept, _ = apply_budget([s for items in found.values() for s in items], now, settings)
    return kept


def suggest_for_person(
    facts: Facts,
    person_id: int,
    now: datetime,
    settings: CadenceSettings | None = None,
    *,
    topic_matcher: TopicMatcher | None = None,
) -> list[Suggestion]:
    """One person's suggestions, best first, with every guard but the budget applied.

    The plan of the people related through introductions (``Facts.related_people``) is worked
    out too, since an intro request can absorb or hold back a note. The daily budget is global,
    so it is not applied here; `suggest` applies it. Raises `KeyError` for an unknown person and
    `ValueError` when `now` is naive.
    """
    now = _utc(now)
    settings = settings or CadenceSettings()
    facts.person_by_id[person_id]  # KeyError for an unknown person
    scope = [person_id, *facts.related_people(person_id)]
    for other in list(scope[1:]):
        scope.extend(facts.related_people(other))
    found = _plan(facts, list(dict.fromkeys(scope)), now, settings, topic_matcher, None)
    result = found.get(person_id, [])
    result.sort(key=ranking)
    return result


def cadence_for(
    facts: Facts, person_id: int, now: datetime, settings: CadenceSettings | None = None
) -> cadence.CadenceFigures:
    """Cadence figures for one person. Raises `KeyError` for an unknown person."""
    return cadence.figures(facts, person_id, _utc(now), settings or CadenceSettings())


def cadence_for_all(
    facts: Facts, now: datetime, settings: CadenceSettings | None = None
) -> dict[int, cadence.CadenceFigures]:
    """Cadence figures for every person, by person id (for contact lists)."""
    now, settings = _utc(now), settings or CadenceSettings()
    return {p.id: cadence.figures(facts, p.id, now, settings) for p in facts.people}


def explain(
    facts: Facts,
    person_id: int,
    now: datetime,
    settings: CadenceSettings | None = None,
    *,
    topic_matcher: TopicMatcher | None = None,
    include_budget: bool = True,
) -> list[Explanation]:
    """Why each rule did or did not fire for one person: rule notes, plan and guard decisions,
    and one `suggested` entry per suggestion that survived. With `include_budget`, everyone's
    candidates are computed to tell whether the daily budget held any of this person's back.

    Raises `KeyError` for an unknown person.
    """
    now = _utc(now)
    settings = settings or CadenceSettings()
    facts.person_by_id[person_id]
    trace: list[Explanation] = []
    scope = [person_id, *facts.related_people(person_id)]
    if include_budget:
        scope = [person_id, *(p.id for p in facts.people if p.id != person_id)]
    found = _plan(facts, scope, now, settings, topic_matcher, {person_id: trace})
    mine = found.get(person_id, [])
    held_keys: set[str] = set()
    if include_budget and mine:
        _, held = apply_budget([s for items in found.values() for s in items], now, settings)
        held_keys = {s.key for s in held}
    for suggestion in sorted(mine, key=ranking):
        if suggestion.key in held_keys:
            trace.append(
                Explanation(
                    suggestion.kind,
                    "held",
                    f"outside today's top {settings.daily_budget}",
                    suggestion.key,
                    "daily_budget",
                )
            )
        else:
            trace.append(
                Explanation(suggestion.kind, "suggested", suggestion.reason, suggestion.key)
            )
    return trace


def _plan(
    facts: Facts,
    scope: Sequence[int],
    now: datetime,
    settings: CadenceSettings,
    topic_matcher: TopicMatcher | None,
    traces: dict[int, list[Explanation]] | None,
) -> dict[int, list[Suggestion]]:
    """Everyone in `scope`: rules, channels, one plan per recipient, introductions, guards."""
    matcher = topic_matcher or match_topics
    shared = facts.shared_topics
    user_zone = timing.zone(settings.user_time_zone)
    recipient_zone = _recipient_zones(facts, user_zone)
    contexts: dict[int, PersonContext] = {}
    plans: dict[int, list[Suggestion]] = {}
    for person_id in scope:
        person = facts.person_by_id[person_id]
        trace = traces.get(person_id) if traces is not None else None
        if person.do_not_contact:
            if trace is not None:
                trace.append(
                    Explanation("all", "held", "marked do not contact", guard="do_not_contact")
                )
            continue
        ctx = PersonContext(facts, person, now, settings, matcher, shared, trace)
        contexts[person_id] = ctx
        plans[person_id] = _candidates(ctx)
    plan.respect_introductions(plans, facts, now, traces)
    result: dict[int, list[Suggestion]] = {}
    for person_id, ctx in contexts.items():
        last_outbound = ctx.last_outbound.occurred_at if ctx.last_outbound else None
        guarded = guard_person(
            plans[person_id],
            now=now,
            tz=user_zone,
            settings=settings,
            last_outbound_at=last_outbound,
            public_count=public_engagements(ctx.interactions, now, settings),
            trace=ctx.trace,
            recipient_zone=recipient_zone,
        )
        if not any(s.person_id == person_id for s in guarded):
            first = plan.next_step(facts, ctx.person, now, ctx.today_start)
            if first is not None:
                guarded = guard_person(
                    [first],
                    now=now,
                    tz=user_zone,
                    settings=settings,
                    last_outbound_at=last_outbound,
                    public_count=0,
                    trace=ctx.trace,
                    recipient_zone=recipient_zone,
                )
        result[person_id] = [_in_utc(s) for s in guarded]
    return result


def _recipient_zones(facts: Facts, user_zone: ZoneInfo) -> Callable[[Suggestion], ZoneInfo | None]:
    """A private note's recipient's zone (set by hand, else from their location), None for a
    public touch, an unknown zone, or the user's own."""
    known: dict[int, ZoneInfo | None] = {}

    def zone_of(suggestion: Suggestion) -> ZoneInfo | None:
        if suggestion.channel not in MESSAGE_CHANNELS:
            return None
        kind, to = plan.recipient(suggestion)
        if kind != "person" or not isinstance(to, int):
            return None
        person_id = to
        if person_id not in known:
            person = facts.person_by_id.get(person_id)
            name = (
                timing.person_zone_name(person.time_zone, person.location, user_zone.key)
                if person is not None
                else user_zone.key
            )
            known[person_id] = None if name == user_zone.key else timing.zone(name)
        return known[person_id]

    return zone_of


def _candidates(ctx: PersonContext) -> list[Suggestion]:
    """One person's candidates: every rule, keep-warm last, routed to a usable channel, with
    at most one per recipient."""
    candidates: list[Suggestion] = []
    for _, rule in PERSON_RULES:
        candidates.extend(rule(ctx))
    for _, rule in OUTCOME_RULES:
        candidates.extend(rule(ctx))
    if ctx.facts.hired is not None:
        candidates = plan.drop_paused(candidates, ctx.trace)
    candidates.extend(keep_warm(ctx, candidates))
    # A key names one suggestion; if two rules ever produce the same key, the better one stays.
    unique: dict[str, Suggestion] = {}
    for candidate in sorted(candidates, key=ranking):
        unique.setdefault(candidate.key, candidate)
    routed = []
    for candidate in unique.values():
        usable = plan.route(candidate, ctx.facts, ctx.person)
        if usable is None:
            ctx.note(candidate.kind, "held", "no channel for this", candidate.key, "channel")
        else:
            routed.append(usable)
    return plan.one_per_recipient(routed, ctx.trace)


def _in_utc(suggestion: Suggestion) -> Suggestion:
    """Facts may carry any UTC offset; suggestions always leave in UTC."""
    due, end = suggestion.due_at, suggestion.window_end
    if due.tzinfo is UTC and (end is None or end.tzinfo is UTC):
        return suggestion
    return replace(
        suggestion,
        due_at=due.astimezone(UTC),
        window_end=end.astimezone(UTC) if end is not None else None,
    )


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    return now.astimezone(UTC)


# ---------------------------------------------------------------------------------------------
# Reconciliation with stored suggestions

#: Statuses persistence may store. `expired` marks an open suggestion whose facts went away.
STATUSES = ("open", "done", "snoozed", "dismissed", "expired")


@dataclass(frozen=True, slots=True)
class ExistingSuggestion:
    """What persistence knows about a stored suggestion, enough to reconcile it."""

    id: int
    key: str
    status: str
    fact_fingerprint: str
    reason: str
    due_at: datetime
    window_end: datetime | None
    priority: int
    subject_type: str | None = None
    subject_id: int | None = None
    snoozed_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class SuggestionUpdate:
    """Overwrite stored suggestion `id` with `suggestion`; when `reopen`, set status `open`."""

    id: int
    suggestion: Suggestion
    reopen: bool


@dataclass(frozen=True, slots=True)
class ReconcilePlan:
    to_create: tuple[Suggestion, ...]
    to_update: tuple[SuggestionUpdate, ...]
    to_expire: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not (self.to_create or self.to_update or self.to_expire)


def reconcile(
    existing: Iterable[ExistingSuggestion], fresh: Iterable[Suggestion], now: datetime
) -> ReconcilePlan:
    """Plan the writes that make stored suggestions match a fresh computation.

    - A fresh key never stored → create.
    - Stored `open` → update when anything shown changed (reason, due, window, priority,
      subject, fingerprint); unchanged → nothing.
    - Stored `snoozed` or `dismissed` stays so unless its fact fingerprint changed (new facts
      arrived) or, for snoozed, `snoozed_until` has passed → update and reopen.
    - Stored `expired` whose key is fresh again → update and reopen.
    - Stored `done` stays done (its key will not come back unless the facts make a new one).
    - Stored `open` whose key is no longer fresh → expire.

    Applying the plan and reconciling again with the same input gives an empty plan.
    Pass only the stored rows that the fresh list covers (everyone, or one person's).
    """
    now = _utc(now)
    by_key: dict[str, ExistingSuggestion] = {}
    for row in existing:
        # Duplicate keys should not exist; if they do, the newest id wins deterministically.
        if row.key not in by_key or row.id > by_key[row.key].id:
            by_key[row.key] = row
    fresh_keys = set()
    create: list[Suggestion] = []
    update: list[SuggestionUpdate] = []
    for suggestion in sorted(fresh, key=lambda s: s.key):
        if suggestion.key in fresh_keys:
            continue
        fresh_keys.add(suggestion.key)
        stored = by_key.get(suggestion.key)
        if stored is None:
            create.append(suggestion)
            continue
        changed = _differs(stored, suggestion)
        if stored.status == "open":
            if changed:
                update.append(SuggestionUpdate(stored.id, suggestion, reopen=False))
        elif stored.status in ("snoozed", "dismissed"):
            new_facts = stored.fact_fingerprint != suggestion.fact_fingerprint
            woke = (
                stored.status == "snoozed"
                and stored.snoozed_until is not None
                and stored.snoozed_until <= now
            )
            if new_facts or woke:
                update.append(SuggestionUpdate(stored.id, suggestion, reopen=True))
        elif stored.status == "expired":
            update.append(SuggestionUpdate(stored.id, suggestion, reopen=True))
    expire = sorted(
        row.id for row in by_key.values() if row.status == "open" and row.key not in fresh_keys
    )
    return ReconcilePlan(tuple(create), tuple(update), tuple(expire))


def _differs(row: ExistingSuggestion, suggestion: Suggestion) -> bool:
    return (
        row.fact_fingerprint != suggestion.fact_fingerprint
        or row.reason != suggestion.reason
        or row.due_at != suggestion.due_at
        or row.window_end != suggestion.window_end
        or row.priority != suggestion.priority
        or row.subject_type != suggestion.subject_type
        or row.subject_id != suggestion.subject_id
    )
