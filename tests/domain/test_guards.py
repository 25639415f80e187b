"""Scenario tests for the guards: do-not-contact, spacing, public cap, budget, working hours."""

import dataclasses
from datetime import UTC, datetime

import pytest
from cadence_factories import (
    NOW,
    days,
    hours,
    make_facts,
    make_interaction,
    make_interview,
    make_opportunity,
    make_person,
    make_post,
)

from topofmind.domain import timing
from topofmind.domain.engine import cadence_for, explain, suggest, suggest_for_person
from topofmind.domain.settings import CadenceSettings


def kinds(suggestions):
    return sorted(s.kind for s in suggestions)


def test_do_not_contact_gets_nothing_and_explain_says_why():
    person = make_person(do_not_contact=True, degree=2)
    facts = make_facts(
        (person,),
        opportunities=(make_opportunity(),),
        interviews=(make_interview(NOW - hours(3)),),
        posts=(make_post(NOW - hours(4)),),
        interactions=(make_interaction("inbound_request", NOW - hours(1)),),
    )
    assert suggest_for_person(facts, 1, NOW) == []
    assert suggest(facts, NOW) == []
    notes = explain(facts, 1, NOW)
    assert [(n.outcome, n.guard) for n in notes] == [("held", "do_not_contact")]


def test_thank_you_is_exempt_from_spacing_and_a_check_in_to_the_same_person_waits():
    interviews = (
        make_interview(NOW - hours(3), id=9, opportunity_id=1),
        make_interview(datetime(2026, 2, 25, 11, 0, tzinfo=UTC), id=8, opportunity_id=2),
    )
    facts = make_facts(
        opportunities=(make_opportunity(id=1), make_opportunity(id=2, title="Platform Lead")),
        interviews=interviews,
        interactions=(
            make_interaction("thank_you", datetime(2026, 2, 25, 15, 0, tzinfo=UTC)),
            make_interaction("message", NOW - days(1), opportunity_id=2),
        ),
    )
    suggestions = suggest_for_person(facts, 1, NOW)
    # One note at a time to one person: the thank-you (exempt from spacing, so due now) goes
    # first; the check-in on the other role waits for the next round.
    assert [s.kind for s in suggestions] == ["thank_you"]
    assert suggestions[0].due_at == NOW - hours(3)
    notes = explain(facts, 1, NOW)
    assert any(
        n.rule == "check_in" and n.outcome == "merged" and n.guard == "one_plan" for n in notes
    )
    # Once thanked, the check-in keeps two days from the thank-you.
    thanked = dataclasses.replace(
        facts, interactions=(*facts.interactions, make_interaction("thank_you", NOW, id=77))
    )
    check = next(s for s in suggest_for_person(thanked, 1, NOW) if s.kind == "check_in")
    assert check.due_at >= NOW + days(2)


def test_comment_pushed_past_its_window_is_held_back():
    facts = make_facts(
        posts=(make_post(NOW - hours(47)),),
        interactions=(make_interaction("message", NOW - days(1)),),
    )
    assert [s for s in suggest_for_person(facts, 1, NOW) if s.is_public] == []
    notes = explain(facts, 1, NOW)
    assert any(n.guard == "spacing" and n.outcome == "held" for n in notes)


def test_public_engagements_are_capped_per_fortnight():
    earlier = [
        make_interaction("reaction", NOW - days(n), post_urn=f"urn:li:activity:{n}")
        for n in (3, 5, 9)
    ]
    post = make_post(NOW - hours(5))
    capped = make_facts(posts=(post,), interactions=tuple(earlier))
    assert [s for s in suggest_for_person(capped, 1, NOW) if s.is_public] == []
    assert any(n.guard == "public_cap" for n in explain(capped, 1, NOW))

    allowed = make_facts(posts=(post,), interactions=tuple(earlier[1:]))
    assert kinds(s for s in suggest_for_person(allowed, 1, NOW) if s.is_public) == ["comment"]


def test_daily_budget_keeps_the_top_n_due_today():
    people = [make_person(i, f"Person {i}") for i in range(1, 16)]
    requests = [
        make_interaction("inbound_request", NOW - hours(1), person_id=i) for i in range(1, 13)
    ]
    posts = [make_post(NOW - hours(2), person_id=i) for i in range(13, 16)]
    facts = make_facts(people, interactions=tuple(requests), posts=tuple(posts))
    kept = suggest(facts, NOW, CadenceSettings(daily_budget=10))
    assert len(kept) == 10
    assert {s.kind for s in kept} == {"respond"}
    notes = explain(facts, 14, NOW, CadenceSettings(daily_budget=10))
    assert [(n.outcome, n.guard) for n in notes if n.guard] == [("held", "daily_budget")]
    assert len(suggest(facts, NOW, CadenceSettings(daily_budget=3))) == 3


def test_upcoming_suggestions_do_not_use_todays_budget():
    facts = make_facts(
        (make_person(1), make_person(2, "Ana Silva")),
        opportunities=(
            make_opportunity(
                decision_expected_on=datetime(2026, 3, 9).date(), people=((2, "hiring_manager"),)
            ),
        ),
        interactions=(make_interaction("inbound_request", NOW - hours(1)),),
    )
    kept = suggest(facts, NOW, CadenceSettings(daily_budget=1))
    assert kinds(kept) == ["check_in", "respond"]


def test_messages_land_in_the_users_working_hours_wherever_the_person_is():
    # Saturday 7 March, 20:00 UTC is Saturday noon in California; the user works in Stockholm.
    saturday = datetime(2026, 3, 7, 20, 0, tzinfo=UTC)
    person = make_person(location="Palo Alto, California, United States")
    facts = make_facts((person,), interactions=(make_interaction("inbound_request", saturday),))
    settings = CadenceSettings(user_time_zone="Europe/Stockholm")
    respond = suggest_for_person(facts, 1, saturday + hours(1), settings)[0]
    assert respond.due_at == datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # Monday 09:00 CET
    assert respond.window_end == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # Monday 17:00 CET


@pytest.mark.parametrize(
    ("time_zone", "due_hour"),
    [
        # San Francisco (from the location) on Monday 9 March is UTC-7: the two working days
        # share one hour (16:00-17:00 UTC), too short to aim at, so the user's hours.
        (None, 9),
        # Set by hand, the zone outranks the location: New York's 9:00 is 13:00 UTC.
        ("America/New_York", 13),
        # Singapore's working day (01:00-09:00 UTC) never meets the user's: the user's hours.
        ("Asia/Singapore", 9),
    ],
)
def test_a_private_note_lands_in_the_working_hours_user_and_recipient_share(time_zone, due_hour):
    saturday = datetime(2026, 3, 7, 20, 0, tzinfo=UTC)
    person = make_person(location="San Francisco Bay Area", time_zone=time_zone)
    facts = make_facts((person,), interactions=(make_interaction("inbound_request", saturday),))
    respond = suggest_for_person(facts, 1, saturday + hours(1))[0]
    assert respond.due_at == datetime(2026, 3, 9, due_hour, 0, tzinfo=UTC)
    # A moved start says why; the user's own hours need no word.
    city = {"America/New_York": "New York"}.get(time_zone)
    moved = f"Timed for the hours your working day shares with theirs ({city} time)."
    assert respond.reason.endswith(moved) if city else "Timed for" not in respond.reason
    # The send-by is the end of that shared stretch: the user's 17:00 on Monday.
    assert respond.window_end == datetime(2026, 3, 9, 17, 0, tzinfo=UTC)
    phrase = timing.timing_phrase(
        respond.due_at, respond.window_end, saturday + hours(1), timing.zone("UTC")
    )
    assert (
        phrase
        == f"From Mon 9 Mar, {due_hour % 12 or 12}:00 {'AM' if due_hour < 12 else 'PM'}"
        + (" · send by Mon 9 Mar, 5:00 PM")
    )


def test_a_public_touch_keeps_the_users_hours_wherever_the_person_is():
    posted = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    person = make_person(location="San Francisco Bay Area")
    facts = make_facts((person,), posts=(make_post(posted),))
    found = [s for s in suggest_for_person(facts, 1, posted + hours(1)) if s.kind == "comment"]
    # Due when the user saw it (10:00 UTC, 02:00 in San Francisco), not at 16:00 UTC.
    assert [s.due_at for s in found] == [posted + hours(0.5)]


def test_working_hours_follow_settings():
    settings = CadenceSettings(working_hours_start=10, working_hours_end=16)
    asked = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    facts = make_facts(interactions=(make_interaction("inbound_request", asked),))
    respond = suggest_for_person(facts, 1, asked + hours(1), settings)[0]
    assert respond.due_at == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_times_leave_in_utc_whatever_offset_facts_carry():
    stockholm = timing.zone("Europe/Stockholm")
    asked = datetime(2026, 3, 4, 11, 0, tzinfo=stockholm)
    facts = make_facts(
        interactions=(
            make_interaction("inbound_request", asked),
            make_interaction("message", datetime(2026, 2, 1, 10, 0, tzinfo=stockholm)),
        )
    )
    respond = suggest_for_person(facts, 1, NOW)[0]
    assert respond.due_at == asked and respond.due_at.tzinfo is UTC
    assert respond.window_end.tzinfo is UTC
    figures = cadence_for(facts, 1, NOW)
    assert figures.last_inbound_at.tzinfo is UTC
    assert figures.last_outbound_at == datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
