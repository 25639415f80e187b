"""Property tests: whatever the facts, the engine is deterministic and keeps every guard."""

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from topofmind.domain import timing
from topofmind.domain.engine import (
    ExistingSuggestion,
    reconcile,
    suggest,
    suggest_for_person,
)
from topofmind.domain.facts import (
    INTERACTION_KINDS,
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
from topofmind.domain.guards import public_engagements
from topofmind.domain.settings import CadenceSettings

LOCATIONS = [
    "Greater Stockholm Metropolitan Area",
    "San Francisco Bay Area",
    "Singapore",
    "Palo Alto, California, United States",
    None,
]
STAGES = ["interested", "applied", "screening", "interviewing", "offer", "rejected"]
ROLES = ["hiring_manager", "recruiter", "interviewer", "other"]
TOPICS = ["platform migration", "hiring", "observability"]
TEXTS = ["Our platform migration is done", "We are hiring engineers", "Happy Friday", ""]
# From 1 March to the end of April 2026, across the spring-forward weekend.
START = datetime(2026, 3, 1, tzinfo=UTC)
MINUTES = 60 * 24 * 60


@st.composite
def scenarios(draw):
    now = START + timedelta(minutes=draw(st.integers(0, MINUTES)))

    def moment(past_days=40, future_days=3):
        return now + timedelta(minutes=draw(st.integers(-past_days * 1440, future_days * 1440)))

    count = draw(st.integers(1, 5))
    ids = list(range(1, count + 1))
    person_id = st.sampled_from(ids)
    people = [
        FactPerson(
            id=i,
            name=f"Person {i} Example",
            degree=draw(st.sampled_from([1, 2, 3, None])),
            location=draw(st.sampled_from(LOCATIONS)),
            do_not_contact=draw(st.integers(0, 5)) == 0,
            headline=draw(st.sampled_from(["Platform migration lead", None])),
            company=draw(st.sampled_from(["Acme", "Beta"])),
            profile_url=f"https://www.linkedin.com/in/person-{i}/",
        )
        for i in ids
    ]
    opportunities = [
        FactOpportunity(
            id=o,
            company="Acme",
            title=f"Role {o}",
            stage=draw(st.sampled_from(STAGES)),
            decision_expected_on=draw(st.none() | st.just(moment(20, 20).date())),
            people=tuple(
                (draw(person_id), draw(st.sampled_from(ROLES)))
                for _ in range(draw(st.integers(0, 3)))
            ),
        )
        for o in range(1, draw(st.integers(0, 3)) + 1)
    ]
    interviews = []
    for n in range(draw(st.integers(0, 3)) if opportunities else 0):
        start = moment(20, 5)
        interviews.append(
            FactInterview(
                id=n + 1,
                opportunity_id=draw(st.sampled_from([o.id for o in opportunities])),
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                kind="video",
                interviewer_ids=tuple(draw(st.lists(person_id, max_size=2, unique=True))),
                topics=tuple(draw(st.lists(st.sampled_from(TOPICS), max_size=2, unique=True))),
            )
        )
    posts = []
    for n in range(draw(st.integers(0, 8))):
        posted = moment(10, 0)
        posts.append(
            FactPost(
                id=n + 1,
                urn=f"urn:li:activity:{n + 1}",
                person_id=draw(person_id),
                posted_at=posted,
                text=draw(st.sampled_from(TEXTS)),
                first_seen_at=draw(st.none() | st.just(posted + timedelta(hours=1))),
            )
        )
    interactions = []
    for n in range(draw(st.integers(0, 15))):
        kind = draw(st.sampled_from(INTERACTION_KINDS))
        direction = "inbound" if kind.startswith("inbound") else "outbound"
        interactions.append(
            FactInteraction(
                id=n + 1,
                person_id=draw(person_id),
                kind=kind,
                direction=direction,
                occurred_at=moment(),
                post_urn=draw(st.none() | st.sampled_from([p.urn for p in posts] or [None])),
                opportunity_id=draw(
                    st.none() | st.sampled_from([o.id for o in opportunities] or [None])
                ),
            )
        )
    connections = [
        FactConnection(
            id=i,
            person_id=i,
            name=f"Person {i} Example",
            profile_url=f"https://www.linkedin.com/in/person-{i}/",
            company=draw(st.sampled_from(["Acme", "Beta", None])),
            connected_on=date(2020, 1, 1),
            last_message_at=draw(st.none() | st.just(moment(300, 0))),
        )
        for i in ids
        if draw(st.booleans())
    ]
    mutuals = [
        FactMutual(draw(person_id), draw(st.none() | person_id), f"Person {m} Example", None)
        for m in draw(st.lists(person_id, max_size=4))
    ]
    share_items = [
        FactShareItem(
            id=s,
            url=f"https://example.com/{s}",
            title=f"Article {s}",
            topics=tuple(draw(st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2))),
            sent_to_person_ids=tuple(draw(st.lists(person_id, max_size=2))),
        )
        for s in range(1, draw(st.integers(0, 2)) + 1)
    ]
    raw = dict(
        people=people,
        opportunities=opportunities,
        interviews=interviews,
        posts=posts,
        interactions=interactions,
        connections=connections,
        mutuals=mutuals,
        share_items=share_items,
    )
    budget = draw(st.integers(0, 6))
    return raw, now, CadenceSettings(daily_budget=budget, user_time_zone="Europe/Stockholm")


def build(raw, shuffle_seed=None):
    if shuffle_seed is None:
        return Facts(**raw)
    rng = random.Random(shuffle_seed)
    shuffled = {}
    for name, items in raw.items():
        items = list(items)
        rng.shuffle(items)
        shuffled[name] = items
    return Facts(**shuffled)


def effective(suggestion, now):
    return max(suggestion.due_at, now)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_engine_keeps_every_guard(scenario):
    raw, now, cadence = scenario
    facts = build(raw)
    result = suggest(facts, now, cadence)
    gap = timedelta(days=cadence.min_days_between_touches)

    # Deterministic, and independent of the order facts arrive in.
    assert result == suggest(facts, now, cadence)
    assert result == suggest(build(raw, shuffle_seed=1), now, cadence)
    keys = [s.key for s in result]
    assert len(keys) == len(set(keys))

    # Never anything for do-not-contact.
    blocked = {p.id for p in raw["people"] if p.do_not_contact}
    assert not [s for s in result if s.person_id in blocked]

    # The daily budget.
    end_of_today = timing.end_of_day(now, timing.zone(cadence.user_time_zone))
    assert sum(1 for s in result if s.due_at < end_of_today) <= cadence.daily_budget

    for person in raw["people"]:
        mine = [s for s in result if s.person_id == person.id]
        unbudgeted = suggest_for_person(facts, person.id, now, cadence)
        assert set(mine) <= set(unbudgeted)
        past = [i for i in facts.interactions_of(person.id) if i.occurred_at <= now]
        outbound = [i.occurred_at for i in past if i.direction == "outbound" and i.kind != "event"]
        tz = timing.zone(cadence.user_time_zone)

        for s in unbudgeted:
            # Every suggestion lands in the user's working hours, never on a weekend (issue 13:
            # one clock, in the user's time zone), and is due before its send-by.
            assert timing.in_working_hours(s.due_at, tz, 9, 17), s
            assert s.due_at <= s.window_end, s
            if s.spacing_exempt:
                continue
            # Two days after the last outbound touch, and two days from any other suggestion.
            if outbound:
                assert s.due_at >= max(outbound) + gap, s
            for other in unbudgeted:
                if other is not s and other.kind != "ask_intro":
                    assert abs(effective(s, now) - effective(other, now)) >= gap, (s, other)

        public = [s for s in unbudgeted if s.is_public]
        if public:
            assert public_engagements(past, now, cadence) + len(public) <= (
                cadence.public_engagements_cap
            )


def apply(store, plan, next_id):
    for suggestion in plan.to_create:
        store[next_id] = stored(next_id, suggestion, "open")
        next_id += 1
    for update in plan.to_update:
        row = store[update.id]
        status = "open" if update.reopen else row.status
        store[update.id] = stored(update.id, update.suggestion, status)
    for row_id in plan.to_expire:
        store[row_id] = dataclasses.replace(store[row_id], status="expired")
    return next_id


def stored(row_id, suggestion, status, snoozed_until=None):
    return ExistingSuggestion(
        id=row_id,
        key=suggestion.key,
        status=status,
        fact_fingerprint=suggestion.fact_fingerprint,
        reason=suggestion.reason,
        due_at=suggestion.due_at,
        window_end=suggestion.window_end,
        priority=suggestion.priority,
        subject_type=suggestion.subject_type,
        subject_id=suggestion.subject_id,
        snoozed_until=snoozed_until,
    )


STATUSES = ["open", "done", "snoozed", "dismissed", "expired"]


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.data())
def test_reconcile_is_idempotent_and_respects_user_choices(scenario, data):
    raw, now, cadence = scenario
    fresh = suggest(build(raw), now, cadence)
    store = {}
    next_id = 1
    for suggestion in fresh:
        if data.draw(st.booleans()):
            status = data.draw(st.sampled_from(STATUSES))
            if data.draw(st.booleans()):
                suggestion = dataclasses.replace(suggestion, fact_fingerprint="old", reason="old")
            snoozed_until = now + timedelta(days=1) if status == "snoozed" else None
            store[next_id] = stored(next_id, suggestion, status, snoozed_until)
            next_id += 1
    # A stale open suggestion and a done one whose facts went away.
    store[next_id] = (
        dataclasses.replace(stored(next_id, fresh[0], "open"), key="gone:1") if fresh else None
    )
    store = {k: v for k, v in store.items() if v is not None}
    next_id += 1

    plan = reconcile(store.values(), fresh, now)
    fresh_by_key = {s.key: s for s in fresh}
    for update in plan.to_update:
        row = store[update.id]
        assert row.status != "done"
        if row.status in ("snoozed", "dismissed"):
            assert row.fact_fingerprint != fresh_by_key[row.key].fact_fingerprint
            assert update.reopen
    for row_id in plan.to_expire:
        assert store[row_id].status == "open"
        assert store[row_id].key not in fresh_by_key
    assert {s.key for s in plan.to_create}.isdisjoint(row.key for row in store.values())

    apply(store, plan, next_id)
    again = reconcile(store.values(), fresh, now)
    assert again.empty, again
    # Every fresh suggestion is now stored exactly once.
    assert sorted(row.key for row in store.values() if row.key in fresh_by_key) == sorted(
        fresh_by_key
    )
