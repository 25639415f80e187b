from datetime import timedelta

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
)
from topofmind.domain.cadence import cadence_stage
from topofmind.domain.engine import cadence_for
from topofmind.domain.settings import CadenceSettings


def figures_with(interactions=(), opportunities=(), interviews=(), settings=None):
    facts = make_facts(
        interactions=tuple(interactions),
        opportunities=tuple(opportunities),
        interviews=tuple(interviews),
    )
    return cadence_for(facts, 1, NOW, settings)


@pytest.mark.parametrize(
    ("stage", "last_touch_days_ago", "status"),
    [
        ("interviewing", 3, "on_track"),
        ("interviewing", 6, "due"),
        ("interviewing", 9, "overdue"),
        ("applied", 10, "on_track"),
        ("applied", 15, "due"),
        ("applied", 25, "overdue"),
        ("rejected", 45, "on_track"),
        ("rejected", 70, "due"),
        ("rejected", 100, "overdue"),
        (None, 16, "due"),
    ],
)
def test_status_against_stage_target(stage, last_touch_days_ago, status):
    opportunities = [make_opportunity(stage=stage)] if stage else []
    touch = make_interaction("message", NOW - days(last_touch_days_ago))
    assert figures_with([touch], opportunities).status == status


def test_no_contact_and_too_frequent():
    assert figures_with().status == "no_contact"
    busy = [make_interaction("comment", NOW - hours(10 * n + 1)) for n in range(4)]
    assert figures_with(busy).status == "too_frequent"


def test_counts_last_touches_gaps_and_reply_rate():
    interactions = [
        make_interaction("email", NOW - days(80)),
        make_interaction("inbound_reply", NOW - days(79)),
        make_interaction("message", NOW - days(20)),
        make_interaction("check_in", NOW - days(5)),
        make_interaction("inbound_reply", NOW - days(2)),
        make_interaction("message", NOW + days(1)),  # in the future: not counted
    ]
    figures = figures_with(interactions)
    assert (figures.touches_7d, figures.touches_30d, figures.touches_90d) == (2, 3, 5)
    assert figures.last_outbound_at == NOW - days(5)
    assert figures.last_inbound_at == NOW - days(2)
    assert figures.last_touch_at == NOW - days(2)
    assert figures.median_gap_days == 9.0  # gaps 1, 59, 15, 3 days
    # email answered, message (20 d) not answered within 14 days, check-in answered.
    assert figures.reply_rate == pytest.approx(2 / 3, abs=0.001)


def test_reply_rate_is_none_without_outbound_messages():
    assert figures_with([make_interaction("inbound_reply", NOW - days(1))]).reply_rate is None


def test_an_interview_counts_as_a_touch_but_not_as_outbound():
    figures = figures_with(
        opportunities=[make_opportunity()], interviews=[make_interview(NOW - days(2))]
    )
    assert figures.last_touch_at == NOW - days(2)
    assert figures.last_outbound_at is None
    assert figures.status == "on_track"
    assert figures.next_touch_due_at == NOW - days(2) + timedelta(days=5)


def test_warmth_decays_with_time_and_stays_in_range():
    recent = figures_with([make_interaction("call", NOW - days(1))]).warmth
    older = figures_with([make_interaction("call", NOW - days(30))]).warmth
    ancient = figures_with([make_interaction("call", NOW - days(400))]).warmth
    many = figures_with([make_interaction("meeting", NOW - hours(n + 1)) for n in range(50)])
    assert 0 <= ancient < older < recent <= 100
    assert ancient == 0
    assert many.warmth == 100
    assert figures_with().warmth == 0


def test_stage_prefers_the_most_advanced_open_opportunity():
    facts = make_facts(
        opportunities=(
            make_opportunity(id=1, stage="applied"),
            make_opportunity(id=2, stage="interviewing"),
            make_opportunity(id=3, stage="rejected"),
        )
    )
    assert cadence_stage(facts, 1) == "interviewing"
    closed_only = make_facts(opportunities=(make_opportunity(stage="withdrawn"),))
    assert cadence_stage(closed_only, 1) == "closed"
    assert cadence_stage(make_facts(), 1) == "networking"


def test_interviewer_not_listed_on_opportunity_takes_its_stage():
    facts = make_facts(
        people=(make_person(1), make_person(2, "Ana Silva")),
        opportunities=(make_opportunity(people=((1, "hiring_manager"),)),),
        interviews=(make_interview(NOW - days(1), interviewer_ids=(2,)),),
    )
    assert cadence_stage(facts, 2) == "interviewing"


def test_unknown_person_raises_key_error():
    with pytest.raises(KeyError):
        cadence_for(make_facts(), 42, NOW)


def test_figures_to_dict_is_json_ready():
    data = figures_with([make_interaction("message", NOW - days(3))]).to_dict()
    assert data["last_outbound_at"] == (NOW - days(3)).isoformat()
    assert data["status"] == "on_track"


# Settings ------------------------------------------------------------------------------------


def test_settings_round_trip_and_partial_mapping():
    settings = CadenceSettings()
    assert CadenceSettings.from_mapping(settings.to_dict()) == settings
    partial = CadenceSettings.from_mapping(
        {
            "daily_budget": "5",
            "user_time_zone": "Europe/Stockholm",
            "keep_warm_targets": {"interviewing": [3, 4]},
            "check_in_follow_up_business_days": [5, 10],
            "something_from_the_future": 1,
        }
    )
    assert partial.daily_budget == 5
    assert partial.keep_warm_target("interviewing") == (3, 4)
    assert partial.keep_warm_target("applied") == (14, 21)
    assert partial.keep_warm_target("unknown-stage") == (14, 21)
    assert partial.check_in_follow_up_business_days == (5, 10)
    assert partial.working_hours_start == 9
    assert CadenceSettings.from_mapping(None) == settings
    assert settings.to_dict()["keep_warm_targets"]["closed"] == [60, 90]


@pytest.mark.parametrize(
    "data",
    [
        {"daily_budget": "ten"},
        {"daily_budget": True},
        {"user_time_zone": "Mars/Olympus"},
        {"working_hours_start": 18, "working_hours_end": 9},
        {"keep_warm_targets": {"applied": [21, 14]}},
        {"keep_warm_targets": [1, 2]},
        {"check_in_follow_up_business_days": 7},
    ],
)
def test_settings_reject_bad_values(data):
    with pytest.raises(ValueError):
        CadenceSettings.from_mapping(data)
