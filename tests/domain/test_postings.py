"""A job posting's topics (domain/postings.py), and how its role's topics reach the share rule."""

from __future__ import annotations

from cadence_factories import (
    NOW,
    days,
    make_facts,
    make_interaction,
    make_opportunity,
    make_person,
    make_share_item,
)

from topofmind.domain.engine import suggest_for_person
from topofmind.domain.postings import posting_topics

DESCRIPTION = """About Brume Logiciels
Brume Logiciels builds route planning for regional carriers. Join our team!
What you will do
Own our route planning engine in Rust and the dispatch API.
Improve route planning for cold-chain carriers with our data team.
What we look for
Strong experience with Rust, PostgreSQL and event sourcing.
We are an equal opportunity employer."""


def test_the_title_and_the_description_give_the_topics():
    topics = posting_topics("Senior Rust Engineer, Route Planning", "Brume Logiciels", DESCRIPTION)
    assert topics[0] == "route planning"
    assert {"rust", "rust engineer"} & set(topics)
    assert len(topics) <= 8


def test_the_company_name_and_posting_boilerplate_are_not_topics():
    topics = posting_topics("Senior Rust Engineer, Route Planning", "Brume Logiciels", DESCRIPTION)
    words = {word for topic in topics for word in topic.split()}
    assert not words & {"brume", "logiciel", "logiciels"}
    for generic in ("experience", "team", "equal", "opportunity", "employer"):
        assert generic not in topics


def test_posting_topics_are_deterministic_and_bounded():
    first = posting_topics("Data Engineer", "Acme", DESCRIPTION, limit=3)
    assert first == posting_topics("Data Engineer", "Acme", DESCRIPTION, limit=3)
    assert len(first) == 3
    assert posting_topics(None, None, None) == ()
    assert posting_topics("", "Acme", "") == ()


def _share_for(person, opportunity):
    facts = make_facts(
        (person,),
        opportunities=(opportunity,),
        interactions=(make_interaction("message", NOW - days(10)),),
        share_items=(make_share_item(),),
    )
    return [s for s in suggest_for_person(facts, 1, NOW) if s.kind == "share"]


def test_a_role_topic_makes_a_share_item_suit_its_hiring_manager():
    """A hiring manager saved from a posting: nothing of their own matches the item, the role's
    topics do; the reason says so instead of claiming they talk about it."""
    person = make_person(headline="Head of Logistics at Acme")
    role = make_opportunity(
        stage="interested", title="Platform Lead", topics=("platform migration", "rust")
    )
    (share,) = _share_for(person, role)
    assert share.facts["topics"] == ["platform migration"]
    assert "close to what the Platform Lead role at Acme is about" in share.reason
    assert "talks and posts about" not in share.reason


def test_a_closed_roles_topics_do_not_count():
    person = make_person(headline="Head of Logistics at Acme")
    role = make_opportunity(stage="rejected", topics=("platform migration",))
    assert _share_for(person, role) == []
