"""Scenario tests: the plan follows the search's outcome (issue 13, item 3). NOW is Wednesday
4 March 2026, 14:00 UTC."""

from cadence_factories import (
    NOW,
    days,
    hours,
    make_facts,
    make_interaction,
    make_interview,
    make_mutual,
    make_opportunity,
    make_person,
)

from topofmind.domain.engine import suggest, suggest_for_person
from topofmind.domain.outcome_drafts import KINDS, PURSUIT_WORDS, outcome_draft

HIRING_TEAM = (
    make_person(1, "Maria Lopez"),
    make_person(2, "Ana Silva"),
    make_person(3, "Omar Haddad", email="omar@example.com"),
)


def kinds_for(facts, person_id, now=NOW):
    return [s.kind for s in suggest_for_person(facts, person_id, now)]


def test_a_rejection_stops_pursuit_and_closes_the_loop_once():
    rejected = make_opportunity(
        stage="rejected",
        closed_at=NOW - hours(2),
        people=((1, "hiring_manager"), (2, "recruiter")),
    )
    facts = make_facts(
        HIRING_TEAM,
        opportunities=(rejected,),
        interviews=(make_interview(NOW - days(2), interviewer_ids=(1, 3)),),
    )
    (close,) = suggest_for_person(facts, 1, NOW)
    assert close.kind == "close_loop"
    assert close.due_at <= close.window_end
    assert "decided not to go ahead" in close.reason
    # No thank-you that pursues the role, no check-in, to anyone on it.
    for person_id in (2, 3):
        assert not {"thank_you", "check_in", "ask_intro"} & set(kinds_for(facts, person_id))
    # Once the note is sent, nothing more until the closed cadence comes round (60–90 days).
    sent = make_interaction("message", NOW - hours(1), person_id=1)
    after = make_facts(HIRING_TEAM, opportunities=(rejected,), interactions=(sent,))
    assert kinds_for(after, 1) == []
    assert kinds_for(after, 1, NOW + days(61)) == ["keep_warm"]


def test_a_withdrawal_gets_a_gracious_note_and_no_intro_ask():
    withdrawn = make_opportunity(
        stage="withdrawn", closed_at=NOW - hours(3), people=((2, "hiring_manager"),)
    )
    facts = make_facts(
        (make_person(1), make_person(2, "Ana Silva", degree=2)),
        opportunities=(withdrawn,),
        mutuals=(make_mutual(2, "Maria Lopez", mutual_person_id=1),),
    )
    everything = suggest(facts, NOW)
    assert [s.kind for s in everything] == ["close_loop"]
    (close,) = everything
    assert close.person_id == 2 and "You withdrew" in close.reason
    # Not a connection and no address: a connection request's note.
    assert close.channel == "linkedin_note"


def test_the_offer_stage_has_its_own_steps():
    offer = make_opportunity(
        stage="offer",
        decision_expected_on=(NOW + days(6)).date(),
        people=((2, "recruiter"), (1, "hiring_manager")),
    )
    interview = make_interview(NOW - days(5), interviewer_ids=(3,))
    facts = make_facts(HIRING_TEAM, opportunities=(offer,), interviews=(interview,))
    (thanks,) = suggest_for_person(facts, 1, NOW)
    assert thanks.kind == "offer_thanks"
    assert "your answer is due Tuesday 10 March" in thanks.reason
    # Thanked: next, answer by the deadline (end of work on the day).
    sent = make_interaction("email", NOW - hours(1), person_id=1)
    facts = make_facts(
        HIRING_TEAM, opportunities=(offer,), interviews=(interview,), interactions=(sent,)
    )
    (reply,) = suggest_for_person(facts, 1, NOW + days(3))
    assert reply.kind == "offer_reply"
    assert reply.window_end.isoformat() == "2026-03-10T17:00:00+00:00"
    assert reply.due_at <= reply.window_end
    # No check-in while an offer is on the table.
    assert "check_in" not in kinds_for(facts, 3)


def test_a_hire_pauses_the_search():
    hired = make_opportunity(
        1,
        stage="hired",
        closed_at=NOW - hours(4),
        people=((1, "hiring_manager"), (4, "referrer")),
        company="Acme",
    )
    other = make_opportunity(
        2, stage="interviewing", people=((2, "hiring_manager"),), company="Globex"
    )
    early = make_opportunity(
        3, stage="interested", people=((5, "hiring_manager"),), company="Initech"
    )
    people = (
        *HIRING_TEAM,
        make_person(4, "Rui Costa"),
        make_person(5, "Lena Berg", degree=2),
        make_person(6, "Tom Mutual"),
    )
    facts = make_facts(
        people,
        opportunities=(hired, other, early),
        interviews=(
            make_interview(NOW - days(3), interviewer_ids=(3,), opportunity_id=1, id=1),
            make_interview(NOW - days(1), interviewer_ids=(2,), opportunity_id=2, id=2),
        ),
        mutuals=(make_mutual(5, "Tom Mutual", mutual_person_id=6),),
    )
    plan = {s.person_id: s for s in suggest(facts, NOW)}
    assert plan[2].kind == "withdraw" and "accepted a role at Acme" in plan[2].reason
    assert plan[3].kind == "news_and_thanks" and "interviewed you" in plan[3].reason
    assert plan[4].kind == "news_and_thanks" and "referred you" in plan[4].reason
    # The hiring manager had the acceptance itself; nothing pursues Initech (no intro ask, no
    # first step to its hiring manager) and no thank-you for Globex's interview.
    assert 1 not in plan and 5 not in plan and 6 not in plan
    assert not {s.kind for s in plan.values()} & {"check_in", "ask_intro", "thank_you", "connect"}


def test_outcome_drafts_are_warm_short_and_never_pursue():
    facts = {
        "company": "Acme",
        "title": "Staff Engineer",
        "outcome": "rejected",
        "hired_company": "Globex",
        "helped": "referred you",
        "deadline": "2026-03-10",
        "role": "referrer",
    }
    for kind in KINDS:
        for channel in ("email", "message", "linkedin_note"):
            draft = outcome_draft(kind, channel, "Maria Lopez", facts, "Alex Doe")
            lowered = draft.body.lower()
            assert not [w for w in PURSUIT_WORDS if w in lowered], (kind, draft.body)
            assert draft.body.startswith("Hi Maria")
            assert len(draft.body) <= draft.char_limit, (kind, channel, len(draft.body))
            assert "Staff Engineer" in draft.body or kind == "news_and_thanks"
            assert ("Alex" in draft.body) or channel == "linkedin_note"
    unsigned = outcome_draft("close_loop", "email", "Maria Lopez", facts, "")
    assert unsigned.body.endswith("Best,")
    assert "Alex" not in unsigned.body
