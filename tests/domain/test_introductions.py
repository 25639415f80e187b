"""Ranking the mutual connections who could introduce the user to a target."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from topofmind.domain.introductions import (
    IntroducerEvidence,
    RankedIntroducer,
    no_path_reason,
    rank_introducers,
)

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@dataclass
class Target:
    name: str | None
    company: str | None


JANE = Target("Jane Doe", "Acme Inc.")


def make_evidence(**overrides) -> IntroducerEvidence:
    values = {"id": 1, "name": "Ann Lee", "is_mutual_of_target": True}
    values.update(overrides)
    return IntroducerEvidence(**values)


def test_evidence_reads_as_plain_english():
    ann = make_evidence(
        company="Acme",
        connected_on=date(2019, 3, 14),
        messages_sent=7,
        messages_received=5,
        last_message_at=datetime(2026, 10, 3, 9, tzinfo=UTC),
        reply_rate=0.8,
        recommendations=1,
        endorsements=3,
        seen_on="Jane Doe's profile",
    )
    (ranked,) = rank_introducers(JANE, [ann], NOW)
    assert ranked.evidence == (
        "You exchanged 12 messages; last on 3 Oct 2026",
        "Answers 80% of your messages",
        "Works at Acme like Jane (target)",
        "A recommendation between you",
        "3 skill endorsements between you",
        "Connected since Mar 2019",
        "Mutual connection, seen on Jane Doe's profile",
    )
    assert 80 <= ranked.score <= 100


def test_one_way_messages_say_so():
    sent_only = make_evidence(messages_sent=1, last_message_at=NOW - timedelta(days=2))
    received_only = make_evidence(messages_received=3, last_message_at=NOW - timedelta(days=2))
    assert rank_introducers(JANE, [sent_only], NOW)[0].evidence[0] == (
        "You sent 1 message and got no reply; last on 30 Oct 2026"
    )
    assert rank_introducers(JANE, [received_only], NOW)[0].evidence[0] == (
        "They sent you 3 messages; last on 30 Oct 2026"
    )


def test_only_mutuals_are_eligible_and_none_means_no_path():
    close_friend = make_evidence(
        id=2,
        name="Bo Chan",
        is_mutual_of_target=False,
        messages_sent=40,
        messages_received=40,
        last_message_at=NOW,
    )
    assert rank_introducers(JANE, [close_friend], NOW) == []
    assert no_path_reason(JANE).startswith("No warm path to Jane Doe")
    acquaintance = make_evidence(id=3, name="Cy Twombly")
    assert [r.id for r in rank_introducers(JANE, [close_friend, acquaintance], NOW)] == [3]


def test_recent_two_way_contact_at_the_target_company_wins():
    recent_colleague = make_evidence(
        id=1,
        name="Recent Colleague",
        company="ACME",
        messages_sent=6,
        messages_received=6,
        last_message_at=NOW - timedelta(days=10),
        reply_rate=1.0,
    )
    stale_contact = replace(
        recent_colleague,
        id=2,
        name="Stale Contact",
        company="Globex",
        last_message_at=NOW - timedelta(days=900),
        reply_rate=0.2,
    )
    long_ago_only = make_evidence(id=3, name="Old Classmate", connected_on=date(2012, 1, 1))
    one_way = replace(recent_colleague, id=4, name="One Way", messages_received=0, reply_rate=0.0)
    ranked = rank_introducers(JANE, [long_ago_only, stale_contact, one_way, recent_colleague], NOW)
    assert [r.name for r in ranked] == [
        "Recent Colleague",
        "One Way",
        "Stale Contact",
        "Old Classmate",
    ]
    assert all(0 <= r.score <= 100 for r in ranked)
    assert ranked[0].score > ranked[1].score > ranked[2].score > ranked[3].score


def test_ties_break_deterministically():
    same = {"company": "Globex", "connected_on": date(2020, 1, 1)}
    candidates = [
        make_evidence(id=5, name="bea", **same),
        make_evidence(id=4, name="Abe", **same),
        make_evidence(id=3, name="Abe", **same),
        make_evidence(
            id=9, name="Zed", last_message_at=NOW - timedelta(days=1), messages_sent=0, **same
        ),
    ]
    ranked = rank_introducers(JANE, candidates, NOW)
    assert len({r.score for r in ranked}) == 1
    # the one with a recent message first, then by name, then by id
    assert [(r.name, r.id) for r in ranked] == [("Zed", 9), ("Abe", 3), ("Abe", 4), ("bea", 5)]
    assert rank_introducers(JANE, list(reversed(candidates)), NOW) == ranked


def test_empty_evidence_scores_zero_but_still_ranks():
    (ranked,) = rank_introducers(Target(None, None), [make_evidence()], NOW)
    assert ranked == RankedIntroducer(id=1, name="Ann Lee", profile_url=None, score=0, evidence=())
