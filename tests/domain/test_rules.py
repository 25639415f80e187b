"""Scenario tests per rule, with an injected clock. NOW is Wednesday 4 March 2026, 14:00 UTC;
the default person is in London (UTC in winter)."""

from datetime import UTC, date, datetime

import pytest
from cadence_factories import (
    NOW,
    days,
    hours,
    make_connection,
    make_facts,
    make_interaction,
    make_interview,
    make_mutual,
    make_opportunity,
    make_person,
    make_post,
    make_share_item,
)

from topofmind.domain import timing
from topofmind.domain.engine import explain, suggest_for_person
from topofmind.domain.settings import CadenceSettings

UTC_ZONE = timing.zone("UTC")


def send_by(deadline):
    """The end of work (17:00 UTC) on the last working day at or before `deadline`."""
    last = timing.last_working_time(deadline, UTC_ZONE, 9, 17)
    return timing.end_of_working_day(last, UTC_ZONE, 17)


def run(facts, now=NOW, person_id=1, settings=None, **kwargs):
    return suggest_for_person(facts, person_id, now, settings, **kwargs)


def of_kind(suggestions, kind):
    return [s for s in suggestions if s.kind == kind]


def one(suggestions, kind):
    found = of_kind(suggestions, kind)
    assert len(found) == 1, [s.key for s in suggestions]
    return found[0]


# Rule 1 — thank you -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ended_ago", "phase", "priority", "wording"),
    [
        (hours(3), "ideal", 90, "(ended 3 h ago) — best within 24 h."),
        (hours(30), "late", 92, "(ended 30 h ago) — still timely within 48 h."),
        (days(3), "overdue", 80, "a short, sincere note is still worth sending."),
    ],
)
def test_thank_you_phases(ended_ago, phase, priority, wording):
    facts = make_facts(
        opportunities=(make_opportunity(),), interviews=(make_interview(NOW - ended_ago),)
    )
    thank = one(run(facts), "thank_you")
    assert thank.key == "thank_you:person=1:interview=9"
    assert (thank.subject_type, thank.subject_id) == ("interview", 9)
    assert thank.facts["phase"] == phase
    assert thank.priority == priority
    assert wording in thank.reason
    assert thank.reason.startswith("Thank Maria Lopez for ")
    assert "You talked about 'platform migration'." in thank.reason
    # Send by the late limit, moved back into working hours (the user's zone is UTC, 9-17).
    late_limit = NOW - ended_ago + hours(48)
    assert thank.window_end == max(send_by(late_limit), send_by(thank.due_at))
    assert thank.due_at <= thank.window_end
    # No address known: a 1st-degree connection gets a LinkedIn message, not an email.
    assert thank.channel == "message"


def test_thank_you_reason_reads_naturally():
    facts = make_facts(
        opportunities=(make_opportunity(),), interviews=(make_interview(NOW - hours(3)),)
    )
    assert one(run(facts), "thank_you").reason == (
        "Thank Maria Lopez for today's interview (ended 3 h ago) — best within 24 h. "
        "You talked about 'platform migration'."
    )


def test_thank_you_for_each_interviewer_and_stops_when_thanked():
    people = (make_person(1), make_person(2, "Ana Silva"))
    interview = make_interview(NOW - hours(5), interviewer_ids=(1, 2))
    # Logged today, but it happened an hour after the interview: it counts from its own time.
    backfilled = make_interaction("thank_you", NOW - hours(4), person_id=2)
    facts = make_facts(people, interviews=(interview,), interactions=(backfilled,))
    assert [s.key for s in of_kind(run(facts, person_id=1), "thank_you")] == [
        "thank_you:person=1:interview=9"
    ]
    assert of_kind(run(facts, person_id=2), "thank_you") == []


def test_thank_you_from_an_earlier_round_does_not_count():
    earlier = make_interaction("thank_you", NOW - days(10))
    facts = make_facts(interviews=(make_interview(NOW - hours(2)),), interactions=(earlier,))
    assert one(run(facts), "thank_you")


@pytest.mark.parametrize("ended_ago", [days(15), -hours(1)])
def test_no_thank_you_when_too_old_or_not_finished(ended_ago):
    facts = make_facts(interviews=(make_interview(NOW - ended_ago),))
    assert of_kind(run(facts), "thank_you") == []


def test_thank_you_after_friday_evening_interview_lands_monday_morning_in_stockholm():
    # Friday 27 March 2026, 19:00 in Stockholm (CET); Monday 30 March is already summer time.
    # Working hours are the user's (issue 13: one clock in the user's zone).
    person = make_person(location="Greater Stockholm Metropolitan Area")
    ended = datetime(2026, 3, 27, 18, 0, tzinfo=UTC)
    facts = make_facts((person,), interviews=(make_interview(ended),))
    stockholm = CadenceSettings(user_time_zone="Europe/Stockholm")
    thank = one(run(facts, now=ended + hours(1), settings=stockholm), "thank_you")
    assert thank.due_at == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # 09:00 CEST
    # The late limit (Sunday 19:00) falls back to Friday's end of work: already past, so the
    # send-by is the end of the due day, Monday 17:00 CEST.
    assert thank.window_end == datetime(2026, 3, 30, 15, 0, tzinfo=UTC)


# Rule 2 — comment while fresh ---------------------------------------------------------------


def test_comment_on_fresh_seen_post():
    post = make_post(NOW - hours(5), id=12, text="Hiring update: three things I look for in a CV")
    comment = one(run(make_facts(posts=(post,))), "comment")
    assert comment.key == "comment:person=1:post=12"
    assert (comment.subject_type, comment.subject_id, comment.channel) == ("post", 12, "comment")
    assert comment.window_end == send_by(post.posted_at + hours(48))
    assert comment.due_at == post.first_seen_at
    assert comment.priority == 60
    assert comment.reason == (
        "Maria Lopez posted 5 h ago: “Hiring update: three things I look for in…” — a "
        "thoughtful comment while it's fresh keeps you on Maria's radar."
    )


def test_shared_topic_raises_priority_and_is_cited():
    post = make_post(NOW - hours(5), text="Notes from our platform migration, part two")
    facts = make_facts(posts=(post,), share_items=(make_share_item(),))
    comment = one(run(facts), "comment")
    assert comment.priority == 70
    assert comment.reason.startswith("Maria Lopez posted 5 h ago about 'platform migration' — ")


def test_relevant_post_wins_over_a_newer_one():
    relevant = make_post(NOW - hours(20), id=1, text="Lessons from a platform migration")
    newer = make_post(NOW - hours(2), id=2, text="Happy Friday everyone")
    facts = make_facts(posts=(relevant, newer), share_items=(make_share_item(),))
    assert one(run(facts), "comment").subject_id == 1


@pytest.mark.parametrize(
    ("posted_ago", "seen", "engaged", "expected"),
    [
        (hours(5), False, False, None),
        (hours(5), True, True, None),
        (hours(50), True, False, "react"),
        (days(6), True, False, "react"),
        (days(8), True, False, None),
    ],
)
def test_post_age_seen_and_engagement(posted_ago, seen, engaged, expected):
    post = make_post(NOW - posted_ago, seen=seen)
    interactions = (
        (make_interaction("reaction", NOW - hours(1), post_urn=post.urn),) if engaged else ()
    )
    suggestions = run(make_facts(posts=(post,), interactions=interactions))
    public = [s for s in suggestions if s.kind in ("comment", "react")]
    assert [s.kind for s in public] == ([expected] if expected else [])
    if expected == "react":
        assert public[0].channel == "reaction"
        assert public[0].window_end == send_by(post.posted_at + days(7))
        assert "a reaction is the lighter, fitting touch" in public[0].reason


def test_weekly_comment_budget_turns_a_comment_into_a_reaction():
    post = make_post(NOW - hours(5))
    earlier = tuple(make_interaction("comment", NOW - days(n), post_urn=f"x{n}") for n in (3, 4))
    react = one(run(make_facts(posts=(post,), interactions=earlier)), "react")
    assert "already commented on Maria's posts 2 times this week" in react.reason


# Rule 3 — share something useful ------------------------------------------------------------


def share_facts(last_touch_days=10, stage="applied", sent_to=(), **person):
    person.setdefault("headline", "Engineering lead — platform migration and developer tooling")
    return make_facts(
        (make_person(**person),),
        opportunities=(make_opportunity(stage=stage),),
        interactions=(make_interaction("message", NOW - days(last_touch_days)),),
        share_items=(make_share_item(sent_to=sent_to),),
    )


def test_share_matching_item_after_quiet_week():
    share = one(run(share_facts()), "share")
    assert share.key == "share:person=1:share_item=1"
    assert (share.subject_type, share.channel) == ("share_item", "message")
    # 7 quiet days after the last message is Sunday 1 March: Monday morning in London.
    assert share.due_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert share.reason == (
        "Share 'Migrating a monolith, one service at a time' with Maria Lopez: it covers "
        "'platform migration', close to what Maria talks and posts about — and it's been "
        "10 days since you were last in touch."
    )


@pytest.mark.parametrize(
    "facts",
    [
        share_facts(last_touch_days=3),
        share_facts(sent_to=(1,)),
        share_facts(headline="Gardening enthusiast"),
        share_facts(stage="rejected"),
    ],
)
def test_no_share(facts):
    assert of_kind(run(facts), "share") == []


def test_topic_matcher_is_pluggable():
    facts = share_facts(headline="Gardening enthusiast")

    def everything(topics, texts):
        return list(topics)

    assert one(run(facts, topic_matcher=everything), "share").facts["topics"] == [
        "platform migration"
    ]


# Rule 4 — status check-in -------------------------------------------------------------------

INTERVIEW_END = datetime(2026, 2, 25, 11, 0, tzinfo=UTC)  # Wednesday


def check_in_facts(*interactions, decision=None, extra_interviews=(), people=None, opp_people=None):
    return make_facts(
        people or (make_person(),),
        opportunities=(
            make_opportunity(
                decision_expected_on=decision,
                people=opp_people or ((1, "hiring_manager"),),
            ),
        ),
        interviews=(make_interview(INTERVIEW_END), *extra_interviews),
        interactions=(make_interaction("thank_you", INTERVIEW_END + hours(3)), *interactions),
    )


def test_first_check_in_five_business_days_after_the_last_interview():
    check = one(run(check_in_facts()), "check_in")
    assert check.key == "check_in:person=1:opportunity=1:after=none:round=1"
    assert check.due_at == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    assert (check.subject_type, check.subject_id) == ("opportunity", 1)
    assert check.reason == (
        "5 business days after your Staff Engineer interview at Acme, a polite check-in with "
        "Maria Lopez shows steady interest."
    )


def test_check_in_keyed_to_the_promised_decision_date():
    check = one(run(check_in_facts(decision=date(2026, 3, 6))), "check_in")
    # The business day after Friday 6 March, at the start of London working hours.
    assert check.due_at == datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
    assert "expected to decide on Staff Engineer by Friday 6 March" in check.reason


def test_decision_date_before_the_last_interview_is_ignored():
    check = one(run(check_in_facts(decision=date(2026, 2, 20))), "check_in")
    assert check.due_at == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)


def test_follow_up_check_ins_then_stop_after_three():
    first = make_interaction("check_in", datetime(2026, 3, 4, 11, 0, tzinfo=UTC))
    second_due = datetime(2026, 3, 13, 11, 0, tzinfo=UTC)  # + 7 business days
    check = one(run(check_in_facts(first), now=second_due + hours(1)), "check_in")
    assert check.key.endswith(":after=none:round=2")
    assert check.due_at == second_due
    assert "one more gentle note" in check.reason

    second = make_interaction("check_in", second_due)
    # + 14 business days, same wall-clock time in the user's zone (London is on summer time by
    # then, so 11:00 BST is 10:00 UTC).
    third_due = datetime(2026, 4, 2, 10, 0, tzinfo=UTC)
    london = CadenceSettings(user_time_zone="Europe/London")
    check = one(run(check_in_facts(first, second), now=third_due, settings=london), "check_in")
    assert check.key.endswith(":round=3")
    assert check.due_at == third_due
    assert "one last gentle note to Maria Lopez is fine, then let it rest." in check.reason

    third = make_interaction("check_in", third_due)
    facts = check_in_facts(first, second, third)
    assert of_kind(run(facts, now=third_due + days(30)), "check_in") == []
    notes = explain(facts, 1, third_due + days(30))
    assert any("time to let it rest" in note.detail for note in notes)


def test_inbound_reply_resets_the_check_in_clock():
    first = make_interaction("check_in", datetime(2026, 3, 4, 11, 0, tzinfo=UTC))
    reply = make_interaction("inbound_reply", datetime(2026, 3, 5, 15, 0, tzinfo=UTC), id=77)
    now = datetime(2026, 3, 12, 16, 0, tzinfo=UTC)
    check = one(run(check_in_facts(first, reply), now=now), "check_in")
    assert check.key == "check_in:person=1:opportunity=1:after=interaction-77:round=1"
    assert check.due_at == datetime(2026, 3, 12, 15, 0, tzinfo=UTC)  # reply + 5 business days


def test_no_check_in_while_the_next_interview_is_scheduled():
    upcoming = make_interview(NOW + days(2), id=10)
    assert of_kind(run(check_in_facts(extra_interviews=(upcoming,))), "check_in") == []


def test_check_in_goes_to_the_recruiter_when_the_hiring_manager_is_off_limits():
    people = (make_person(1, do_not_contact=True), make_person(3, "Robin Park"))
    facts = check_in_facts(people=people, opp_people=((1, "hiring_manager"), (3, "recruiter")))
    check = one(run(facts, person_id=3), "check_in")
    assert "a polite check-in with Robin Park" in check.reason


# Rule 5 — respond promptly ------------------------------------------------------------------


def test_respond_is_top_priority_within_one_business_day():
    # Friday 6 March, 15:00: one business day runs to Monday 15:00, so send by end of Monday.
    asked = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    request = make_interaction("inbound_request", asked, id=5)
    facts = make_facts(interactions=(request,))
    suggestions = run(facts, now=asked + hours(1))
    assert suggestions[0].kind == "respond"
    respond = suggestions[0]
    assert respond.key == "respond:person=1:interaction=5"
    assert respond.priority == 100
    assert respond.window_end == datetime(2026, 3, 9, 17, 0, tzinfo=UTC)  # end of Monday
    assert respond.reason.startswith("Maria Lopez asked you something 1 h ago")


def test_a_reply_and_a_thank_you_to_one_person_become_one_note():
    asked = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    request = make_interaction("inbound_request", asked, id=5, note="Two references?")
    facts = make_facts(interactions=(request,), interviews=(make_interview(asked - hours(4)),))
    (note,) = run(facts, now=asked + hours(1))
    assert note.kind == "thank_you"
    assert note.priority == 100
    assert note.facts["also_respond"] is True
    assert note.facts["request_note"] == "Two references?"
    assert "answer their question (“Two references?”) in the same note" in note.reason
    # The earlier deadline of the two: the thank-you's 48 h end on Sunday falls back to Friday.
    assert note.window_end == datetime(2026, 3, 6, 17, 0, tzinfo=UTC)


def test_respond_cites_the_request_note():
    note = "Could you send two references?"
    request = make_interaction("inbound_request", NOW - hours(2), note=note)
    respond = one(run(make_facts(interactions=(request,))), "respond")
    assert respond.reason == (
        "Maria Lopez asked “Could you send two references?” 2 h ago — a reply within one "
        "business day keeps things moving."
    )


def test_late_reply_is_still_suggested_kindly():
    request = make_interaction("inbound_request", NOW - days(5))
    respond = one(run(make_facts(interactions=(request,))), "respond")
    assert respond.priority == 100
    assert respond.reason == (
        "Maria Lopez's request on Friday is still waiting for a reply — a short answer today, "
        "even just to say when you'll follow up, helps."
    )


def test_answered_request_needs_no_response():
    facts = make_facts(
        interactions=(
            make_interaction("inbound_request", NOW - hours(5)),
            make_interaction("document_sent", NOW - hours(2)),
        )
    )
    assert of_kind(run(facts), "respond") == []


# Rule 6 — warm introduction -----------------------------------------------------------------


def intro_facts(stage="applied", degree=2, interactions=(), mutuals=None, connections=None):
    hiring_manager = make_person(1, degree=degree, company="Acme")
    sam = make_person(20, "Sam Lee", profile_url="https://www.linkedin.com/in/sam-lee/")
    return make_facts(
        (hiring_manager, sam),
        opportunities=(make_opportunity(stage=stage),),
        interactions=interactions,
        mutuals=mutuals
        if mutuals is not None
        else (
            make_mutual(1, "Sam Lee", profile_url="https://linkedin.com/in/Sam-Lee?trk=x"),
            make_mutual(1, "Jose Nunez"),
            make_mutual(1, "Stranger Danger"),
        ),
        connections=connections
        if connections is not None
        else (
            make_connection(
                1,
                "Sam Lee",
                person_id=20,
                profile_url="https://www.linkedin.com/in/sam-lee/",
                company="Beta",
                last_message_at=NOW - days(200),
            ),
            make_connection(2, "José Núñez", company="Acme", last_message_at=NOW - days(20)),
        ),
    )


def test_ask_the_best_mutual_for_an_introduction():
    ask = one(run(intro_facts()), "ask_intro")
    assert ask.key == "ask_intro:person=1:opportunity=1"
    assert ask.facts["introducer_name"] == "José Núñez"
    assert ask.facts["mutual_count"] == 2  # the stranger is not one of your connections
    assert ask.introducer_person_id is None
    assert ask.reason == (
        "José Núñez knows Maria Lopez, the hiring manager for Staff Engineer at Acme — asking "
        "José for a warm introduction beats a cold note. (José works at Acme; you were last in "
        "touch 20 days ago.)"
    )


def test_recent_contact_ranks_above_an_old_one():
    connections = (
        make_connection(
            1, "Sam Lee", person_id=20, profile_url="https://www.linkedin.com/in/sam-lee/"
        ),
        make_connection(2, "José Núñez", last_message_at=NOW - days(400)),
    )
    recent = (make_interaction("message", NOW - days(5), person_id=20),)
    ask = one(run(intro_facts(interactions=recent, connections=connections)), "ask_intro")
    assert ask.facts["introducer_name"] == "Sam Lee"
    assert ask.introducer_person_id == 20


@pytest.mark.parametrize(
    "facts",
    [
        intro_facts(stage="interviewing"),
        intro_facts(degree=1),
        intro_facts(interactions=(make_interaction("intro_request", NOW - days(3)),)),
        intro_facts(mutuals=(make_mutual(1, "Stranger Danger"),)),
    ],
)
def test_no_intro_request(facts):
    assert of_kind(run(facts), "ask_intro") == []


# Rule 7 — after an event --------------------------------------------------------------------


def test_follow_up_after_an_event():
    event = make_interaction("event", NOW - days(1), id=40)
    follow = one(run(make_facts(interactions=(event,))), "event_follow_up")
    # The event itself does not count as a touch to space the follow-up from.
    assert follow.due_at == event.occurred_at
    assert follow.key == "event_follow_up:person=1:interaction=40"
    assert follow.window_end == send_by(event.occurred_at + hours(48))
    assert follow.reason.startswith("You met Maria Lopez at an event yesterday — ")


@pytest.mark.parametrize(
    "interactions",
    [
        (
            make_interaction("event", NOW - days(1)),
            make_interaction("message", NOW - hours(2)),
        ),
        (make_interaction("event", NOW - days(8)),),
    ],
)
def test_no_follow_up_when_done_or_stale(interactions):
    assert of_kind(run(make_facts(interactions=interactions)), "event_follow_up") == []


# Rule 8 — keep warm -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "ago", "fires"),
    [
        ("interviewing", 6, True),
        ("interviewing", 3, False),
        ("applied", 15, True),
        ("applied", 10, False),
        ("rejected", 70, True),
        ("rejected", 40, False),
        (None, 16, True),
    ],
)
def test_keep_warm_by_stage(stage, ago, fires):
    # A closed role closed before the last touch (its close-the-loop note is long past).
    closed = NOW - days(ago + 5) if stage == "rejected" else None
    opportunities = (make_opportunity(stage=stage, closed_at=closed),) if stage else ()
    touch = make_interaction("message", NOW - days(ago), id=55)
    facts = make_facts(opportunities=opportunities, interactions=(touch,))
    found = of_kind(run(facts), "keep_warm")
    assert bool(found) == fires
    if fires:
        assert found[0].key == "keep_warm:person=1:after=interaction-55"
        assert found[0].due_at <= NOW


def test_keep_warm_short_note_wording():
    facts = make_facts(
        opportunities=(make_opportunity(),),
        interactions=(make_interaction("message", NOW - days(6)),),
    )
    keep = one(run(facts), "keep_warm")
    assert keep.channel == "message"
    assert (keep.subject_type, keep.subject_id) == ("opportunity", 1)
    assert keep.reason == (
        "It's been 6 days since you were last in touch with Maria Lopez (the target while "
        "interviewing is every 5–7 days). A short, friendly note is enough."
    )


def test_keep_warm_prefers_a_fresh_post_and_absorbs_the_comment():
    post = make_post(NOW - hours(6), id=12)
    facts = make_facts(
        share_items=(make_share_item(),),
        posts=(post,),
        interactions=(make_interaction("message", NOW - days(16)),),
    )
    suggestions = run(facts)
    keep = one(suggestions, "keep_warm")
    assert (keep.subject_type, keep.subject_id, keep.channel) == ("post", 12, "comment")
    assert (keep.due_at, keep.window_end) == (
        timing.next_working_time(post.first_seen_at, UTC_ZONE, 9, 17),
        send_by(post.posted_at + hours(48)),
    )
    assert of_kind(suggestions, "comment") == []
    assert "Maria posted 6 h ago about 'platform migration'; a thoughtful" in keep.reason


def test_keep_warm_uses_a_share_item_when_there_is_no_fresh_post():
    facts = make_facts(
        (make_person(headline="Platform migration at scale"),),
        share_items=(make_share_item(),),
        interactions=(make_interaction("message", NOW - days(16)),),
    )
    keep = one(run(facts), "keep_warm")
    assert (keep.subject_type, keep.channel) == ("share_item", "message")
    assert "Sharing 'Migrating a monolith, one service at a time'" in keep.reason


def test_keep_warm_ignores_strangers_never_contacted():
    assert of_kind(run(make_facts()), "keep_warm") == []
    stranger = make_facts((make_person(degree=2),), opportunities=(make_opportunity(),))
    assert of_kind(run(stranger), "keep_warm") == []
    connection = make_facts(opportunities=(make_opportunity(),))
    first = one(run(connection), "keep_warm")
    assert first.reason.startswith("You haven't been in touch with Maria Lopez yet")


# Rule 9 — connect ---------------------------------------------------------------------------


def test_connect_after_interview_with_a_second_degree_person():
    facts = make_facts((make_person(degree=2),), interviews=(make_interview(NOW - hours(3)),))
    # One note to one person: the thank-you goes as the connection request's note.
    (thanks,) = run(facts)
    assert thanks.kind == "thank_you"
    assert thanks.channel == "linkedin_note"
    assert thanks.facts["char_limit"] == 300
    assert "connection request with a note (300 characters at most)" in thanks.reason
    # Once thanked, the connection request is the next step.
    done = make_interaction("thank_you", NOW - hours(2))
    later = make_facts(
        (make_person(degree=2),),
        interviews=(make_interview(NOW - hours(3)),),
        interactions=(done,),
    )
    connect = one(run(later), "connect")
    assert connect.key == "connect:person=1"
    assert connect.channel == "linkedin_note"
    assert connect.due_at >= NOW - hours(2) + days(2)


@pytest.mark.parametrize(
    "person",
    [
        make_person(degree=1),
        make_person(degree=None, profile_url="https://www.linkedin.com/in/maria/"),
    ],
)
def test_no_connect_for_first_degree(person):
    connections = (make_connection(1, "Maria Lopez", profile_url="https://linkedin.com/in/maria"),)
    facts = make_facts(
        (person,), interviews=(make_interview(NOW - hours(3)),), connections=connections
    )
    assert of_kind(run(facts), "connect") == []


def test_unknown_person_raises():
    with pytest.raises(KeyError):
        run(make_facts(), person_id=99)


def test_naive_clock_is_rejected():
    with pytest.raises(ValueError):
        run(make_facts(), now=datetime(2026, 3, 4, 14, 0))


def test_settings_change_the_windows():
    facts = make_facts(interviews=(make_interview(NOW - hours(30)),))
    relaxed = CadenceSettings(thank_you_ideal_hours=36, thank_you_late_hours=72)
    assert one(run(facts, settings=relaxed), "thank_you").facts["phase"] == "ideal"
