"""Drafts for every suggestion of the demo data set: the right facts, nothing private, no warnings
where the facts are rich. Runs on SQLite and PostgreSQL."""

import re

import pytest
from sqlalchemy import select

from topofmind.services import drafting
from topofmind.services.demo import load_demo
from topofmind.services.settings import update_settings
from topofmind.services.suggestions import mark_done, suggestion_views
from topofmind.store.models import Interaction, Interview, Person, Suggestion

RICH_KINDS = {"thank_you", "connect", "share", "check_in", "ask_intro", "event_follow_up"}


@pytest.fixture
def session(app, clock):
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        load_demo(session, clock())
        yield session


def views_by(session, clock):
    rows = session.scalars(select(Suggestion).where(Suggestion.status == "open"))
    result = {}
    for view in suggestion_views(session, rows, clock()):
        result.setdefault((view["kind"], view["person_name"]), view)
    return result


def person(session, name):
    return session.scalars(select(Person).where(Person.name == name)).one()


def body(views, kind, name):
    draft = views[(kind, name)]["draft"]
    assert draft is not None, (kind, name)
    return draft["body"]


def test_every_demo_suggestion_has_a_draft_and_rich_ones_pass_the_check(session, clock):
    views = views_by(session, clock)
    # One plan per person (issue 13): a share or a connection request waits while a weightier
    # note to the same person is open, so the demo shows these kinds at once.
    assert {kind for kind, _ in views} >= {
        "thank_you",
        "check_in",
        "ask_intro",
        "event_follow_up",
        "respond",
        "keep_warm",
    }
    for (kind, name), view in views.items():
        draft = view["draft"]
        assert draft is not None, (kind, name)
        assert "{" not in draft["body"] and "  " not in draft["body"], draft["body"]
        assert " ." not in draft["body"] and "\n\n\n" not in draft["body"]
        if kind in RICH_KINDS:
            assert draft["warnings"] == [], (kind, name, draft["body"], draft["warnings"])
            assert draft["within_limit"]
            checked = drafting.check_text(
                session, draft["body"], draft["channel"], person(session, name).id, clock()
            )
            assert checked["warnings"] == [], (kind, name, checked)


def test_thank_yous_cite_each_interviewers_own_topics_first(session, clock):
    views = views_by(session, clock)
    priya = body(views, "thank_you", "Priya Raman")
    tomas = body(views, "thank_you", "Tomás Ortega")
    assert priya.startswith("Hi Priya,")
    assert "paved-road platform for 40 product teams" in priya
    assert "growing the team from 6 to 10" in priya
    assert "Staff Platform Engineer role at Northwind Robotics" in priya
    assert "yesterday" in priya and "Alex Rivera" in priya
    assert "Kafka consumer lag alerts" in tomas and "a calmer on-call rotation" in tomas
    assert "Kafka" not in priya and "paved-road" not in tomas
    subject = views[("thank_you", "Priya Raman")]["draft"]["subject"]
    assert subject == "Thank you for your time yesterday"


def test_private_interview_notes_are_never_quoted(session, clock):
    notes = " ".join(n for n in session.scalars(select(Interview.notes)) if n).lower()
    words = re.findall(r"[a-z][a-z'-]*", notes)
    phrases = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    phrases -= {"paved road"}  # also a topic of the share item and Priya's post
    for (kind, name), view in views_by(session, clock).items():
        text = " ".join(re.findall(r"[a-z][a-z'-]*", view["draft"]["body"].lower()))
        quoted = [phrase for phrase in phrases if f" {phrase} " in f" {text} "]
        assert not quoted, (kind, name, quoted)


def test_ask_intro_goes_to_the_mutual_and_names_both(session, clock):
    text = body(views_by(session, clock), "ask_intro", "Daniel Okafor")
    assert text.startswith("Hi Sofia,")
    assert "Daniel Okafor" in text and "check with Daniel first" in text
    assert "Senior Backend Engineer role at Lumen Health" in text
    assert "feel free to say no" in text


def test_check_ins_cite_the_promised_decision_date_and_the_conversation(session, clock):
    views = views_by(session, clock)
    marcus = body(views, "check_in", "Marcus Lindqvist")
    assert "Sunday, November 22" in marcus and "lakehouse migration" in marcus
    # One note at a time to Priya: the check-in is planned once the thank-you is sent.
    _send(session, clock, "thank_you", "Priya Raman", "Thank you, Priya.")
    views = views_by(session, clock)
    priya = body(views, "check_in", "Priya Raman")
    assert "Tuesday, December 1" in priya
    # What was discussed with Priya herself, not only the round's agenda.
    assert "paved-road platform" in priya


def test_keep_warm_after_a_closed_process_never_restates_interest(session, clock):
    views = views_by(session, clock)
    olivia = views[("keep_warm", "Olivia Brandt")]["draft"]
    assert "interested in" not in olivia["body"]
    assert "Quanta Labs" in olivia["body"]
    assert "Principal Engineer" in olivia["body"]
    # Nothing specific is known about Olivia: a visible fill-in, flagged, never invented.
    assert {w["code"] for w in olivia["warnings"]} == {"placeholder", "generic"}
    # While the check-in to Marcus is open it is his one note; the keep-warm draft still reads
    # right for an open process.
    marcus = drafting.preview_draft(
        session, "keep_warm", person(session, "Marcus Lindqvist").id, clock()
    )["body"]
    assert "still very interested in the Data Platform Lead role" in marcus
    assert "lakehouse migration" in marcus


def test_keep_warm_stage_is_derived_from_opportunities_when_facts_lack_it(session, clock):
    olivia = person(session, "Olivia Brandt")
    draft = drafting.preview_draft(session, "keep_warm", olivia.id, clock())
    assert "interested in" not in draft["body"] and "Principal Engineer" in draft["body"]


def test_grace_s_fresh_post_gets_a_comment_draft(session, clock):
    # Whether the rules suggest a comment or a keep-warm that absorbs it, the draft is a comment.
    views = views_by(session, clock)
    (draft,) = [
        view["draft"]
        for (kind, name), view in views.items()
        if name == "Grace Liu" and kind in ("comment", "keep_warm")
    ]
    assert draft["kind"] == "comment" and draft["channel"] == "comment"
    assert "developer experience" in draft["body"].lower() and draft["warnings"] == []


def test_shares_cite_why_the_item_fits(session, clock):
    tomas = drafting.preview_draft(session, "share", person(session, "Tomás Ortega").id, clock())
    assert "“Taming Kafka consumer lag" in tomas["body"]
    assert "given our conversation about Kafka consumer lag alerts" in tomas["body"]
    assert "https://blog.example.org/kafka-consumer-lag-alerts" in tomas["body"]
    assert tomas["warnings"] == []
    priya = drafting.preview_draft(session, "share", person(session, "Priya Raman").id, clock())
    assert "I recently published “My write-up" in priya["body"]
    assert "came across" not in priya["body"]
    assert "given our conversation about the paved-road platform" in priya["body"]
    # Daniel is not a connection and an introduction to him is being asked: no share is
    # planned, but the draft still cites why the item fits.
    daniel = drafting.preview_draft(session, "share", person(session, "Daniel Okafor").id, clock())[
        "body"
    ]
    assert "given your recent post about on-call" in daniel


def test_event_follow_up_names_the_event_and_topic_not_the_raw_note(session, clock):
    text = body(views_by(session, clock), "event_follow_up", "Jonas Weber")
    assert "meet you at the Berlin Platform Engineering Meetup." in text
    assert "Rust for control planes" in text
    assert "Met at" not in text


def test_respond_and_react(session, clock):
    views = views_by(session, clock)
    respond = views[("respond", "Hannah Becker")]["draft"]
    assert "references" in respond["body"]
    assert [w["code"] for w in respond["warnings"]] == ["placeholder"]
    react = drafting.preview_draft(
        session, "react", person(session, "Marcus Lindqvist").id, clock()
    )
    assert react["body"] == "" and "lakehouse" in react["guidance"]


def _send(session, clock, kind, name, text):
    """Mark the person's open ``kind`` suggestion done with ``text`` as sent; the logged touch."""
    view = views_by(session, clock)[(kind, name)]
    mark_done(session, view["id"], clock(), sent_text=text)
    return session.scalars(
        select(Interaction)
        .where(Interaction.person_id == view["person_id"])
        .order_by(Interaction.id.desc())
        .limit(1)
    ).one()


def test_a_sent_message_is_kept_only_when_opted_in(session, clock):
    text = body(views_by(session, clock), "thank_you", "Tomás Ortega")
    summary = _send(session, clock, "thank_you", "Tomás Ortega", text)
    assert summary.note != text and len(summary.note) < 200
    assert summary.note.startswith("Sent a thank-you note")
    assert summary.direction == "outbound" and summary.occurred_at == clock()

    update_settings(session, {"keep_message_bodies": True}, clock())
    kept = _send(session, clock, "check_in", "Marcus Lindqvist", text * 10)
    assert kept.note == (text * 10)[:2000]
    marcus = person(session, "Marcus Lindqvist")
    warnings = drafting.check_text(session, text, "email", marcus.id, clock())["warnings"]
    assert "repeat" in [w["code"] for w in warnings]
