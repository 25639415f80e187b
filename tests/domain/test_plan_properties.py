"""Property tests for one plan per recipient on one clock (issue 13), over random fact sets and
clocks: due never after send-by and both in the user's working hours; at most one suggestion per
recipient; nothing private to someone whose introduction is being asked; no LinkedIn message to
a non-connection and no email without an address; a tracked non-connection on an active role
always has a next step; after a hire, no pursuit anywhere."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from topofmind.domain import plan, timing
from topofmind.domain.engine import suggest
from topofmind.domain.facts import (
    STAGES_OPEN,
    FactConnection,
    FactInteraction,
    FactInterview,
    FactMutual,
    FactOpportunity,
    FactPerson,
    FactPost,
    Facts,
)
from topofmind.domain.rules import MESSAGE_CHANNELS, OPEN_FOR_INTRO
from topofmind.domain.settings import CadenceSettings

STAGES = [*STAGES_OPEN, "rejected", "withdrawn", "hired"]
ROLES = ["hiring_manager", "recruiter", "interviewer", "referrer"]
KINDS = ["message", "inbound_request", "thank_you", "intro_request", "event", "inbound_reply"]
ZONES = ["UTC", "Europe/Stockholm", "America/New_York", "Asia/Singapore"]
START = datetime(2026, 3, 1, tzinfo=UTC)


@st.composite
def situations(draw):
    now = START + timedelta(minutes=draw(st.integers(0, 60 * 24 * 60)))

    def moment(past_days=30, future_days=2):
        return now + timedelta(minutes=draw(st.integers(-past_days * 1440, future_days * 1440)))

    count = draw(st.integers(1, 6))
    ids = list(range(1, count + 1))
    people = [
        FactPerson(
            id=i,
            name=f"Person {i} Name",
            degree=draw(st.sampled_from([1, 2, 3, None])),
            email=draw(st.sampled_from([None, f"p{i}@example.com"])),
            do_not_contact=draw(st.booleans()) and draw(st.booleans()),
        )
        for i in ids
    ]
    opportunities = []
    for o in range(1, draw(st.integers(0, 3)) + 1):
        members = draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
        stage = draw(st.sampled_from(STAGES))
        opportunities.append(
            FactOpportunity(
                id=o,
                company=f"Company {o}",
                title=f"Role {o}",
                stage=stage,
                decision_expected_on=draw(
                    st.sampled_from([None, (now + timedelta(days=3)).date()])
                ),
                people=tuple((p, draw(st.sampled_from(ROLES))) for p in members),
                closed_at=moment(20, 0) if stage in ("rejected", "withdrawn", "hired") else None,
            )
        )
    interviews = []
    if opportunities:
        for n in range(draw(st.integers(0, 3))):
            ends = moment(10, 1)
            interviews.append(
                FactInterview(
                    id=n + 1,
                    opportunity_id=draw(st.sampled_from([o.id for o in opportunities])),
                    starts_at=ends - timedelta(hours=1),
                    ends_at=ends,
                    interviewer_ids=tuple(draw(st.lists(st.sampled_from(ids), max_size=2))),
                    topics=("platform migration",),
                )
            )
    interactions = []
    for n in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(KINDS))
        interactions.append(
            FactInteraction(
                id=n + 1,
                person_id=draw(st.sampled_from(ids)),
                kind=kind,
                direction="inbound" if kind.startswith("inbound") else "outbound",
                occurred_at=moment(),
                opportunity_id=draw(st.sampled_from([None, *(o.id for o in opportunities)])),
            )
        )
    mutuals = [
        FactMutual(person_id=a, mutual_person_id=b, name=f"Person {b} Name")
        for a, b in draw(
            st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=4)
        )
        if a != b
    ]
    connections = [
        FactConnection(id=100 + p.id, person_id=p.id, name=p.name, last_message_at=moment(90, 0))
        for p in people
        if p.degree == 1 and draw(st.booleans())
    ]
    posts = [
        FactPost(
            id=n + 1,
            urn=f"urn:li:activity:{n + 1}",
            person_id=draw(st.sampled_from(ids)),
            posted_at=(at := moment(6, 0)),
            text="Notes from our platform migration",
            first_seen_at=at + timedelta(hours=1),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    facts = Facts(
        people=people,
        opportunities=opportunities,
        interviews=interviews,
        interactions=interactions,
        mutuals=mutuals,
        connections=connections,
        posts=posts,
    )
    cadence = CadenceSettings(
        user_time_zone=draw(st.sampled_from(ZONES)), daily_budget=draw(st.integers(1, 20))
    )
    return facts, now, cadence


def _unbudgeted(cadence):
    return CadenceSettings.from_mapping({**cadence.to_dict(), "daily_budget": 10**6})


@settings(max_examples=200, deadline=None)
@given(situations())
def test_one_clock_in_the_users_working_hours(situation):
    facts, now, cadence = situation
    zone = timing.zone(cadence.user_time_zone)
    for s in suggest(facts, now, _unbudgeted(cadence)):
        assert s.window_end is not None, s
        assert s.due_at <= s.window_end, s
        assert timing.in_working_hours(s.due_at, zone, 9, 17), s
        # The send-by is inside working hours too, or exactly at their end.
        end = timing.last_working_time(s.window_end, zone, 9, 17)
        assert end == s.window_end, s
        phrase = timing.timing_phrase(s.due_at, s.window_end, now, zone)
        assert phrase.startswith(("Send", "From", "Overdue since")), phrase


@settings(max_examples=200, deadline=None)
@given(situations())
def test_one_plan_per_recipient_on_channels_the_user_can_use(situation):
    facts, now, cadence = situation
    result = suggest(facts, now, _unbudgeted(cadence))
    recipients = [plan.recipient(s) for s in result]
    assert len(recipients) == len(set(recipients)), [s.key for s in result]
    for s in result:
        person = facts.person_by_id[s.person_id]
        assert not person.do_not_contact
        if s.kind == "ask_intro":
            continue
        if s.channel == "message":
            assert plan.is_connected(facts, person), s
        if s.channel == "email":
            assert person.email, s


@settings(max_examples=200, deadline=None)
@given(situations())
def test_nothing_private_to_someone_whose_introduction_is_being_asked(situation):
    facts, now, cadence = situation
    result = suggest(facts, now, _unbudgeted(cadence))
    targets = {s.person_id for s in result if s.kind == "ask_intro"}
    targets |= {p.id for p in facts.people if plan.intro_in_flight(facts, p.id, now)}
    for s in result:
        if s.person_id in targets and s.kind not in ("ask_intro", "respond"):
            assert s.channel not in MESSAGE_CHANNELS, s


@settings(max_examples=200, deadline=None)
@given(situations())
def test_a_tracked_non_connection_on_an_active_role_has_a_next_step(situation):
    facts, now, cadence = situation
    result = suggest(facts, now, _unbudgeted(cadence))
    if facts.hired is not None:
        return
    planned = {s.person_id for s in result}
    for person in facts.people:
        roles = [(o, r) for o, r in facts.roles_of(person.id) if o.stage in STAGES_OPEN]
        if person.do_not_contact or plan.is_connected(facts, person) or not roles:
            continue
        if plan.intro_in_flight(facts, person.id, now):
            continue
        # An introduction that waits for a weightier note to the mutual is a plan too.
        may_wait = (
            person.degree == 2
            and facts.mutuals_of(person.id)
            and any(o.stage in OPEN_FOR_INTRO and r == "hiring_manager" for o, r in roles)
        )
        assert person.id in planned or may_wait, person


@settings(max_examples=200, deadline=None)
@given(situations())
def test_after_a_hire_nothing_pursues_a_role(situation):
    facts, now, cadence = situation
    if facts.hired is None:
        return
    for s in suggest(facts, now, _unbudgeted(cadence)):
        assert s.kind not in plan.PAUSED_KINDS, s
