from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from topofmind.domain.topics import (
    extract_topics,
    fold_word,
    locate_topic,
    match_share_items,
    matching_topics,
    normalise_topic,
    person_topics,
    topic_similarity,
    topics_in_texts,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Platform Migrations", "platform migration"),
        ("  the on-call rotations ", "on-call rotation"),
        ("#PlatformEngineering", "platform engineering"),
        ("#kubernetes", "kubernetes"),
        ("quality of service", "quality of service"),
        ("APIs", "api"),
        ("Data Policies", "data policy"),
        ("Analytics", "analytics"),
        ("business processes", "business process"),
        ("the", ""),
        ("", ""),
    ],
)
def test_normalise_topic(raw, expected):
    assert normalise_topic(raw) == expected


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("migrations", "migration"),
        ("policies", "policy"),
        ("boxes", "box"),
        ("batches", "batch"),
        ("caches", "cache"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("kubernetes", "kubernetes"),
        ("class", "class"),
        ("ops", "ops"),
    ],
)
def test_fold_word(word, folded):
    assert fold_word(word) == folded


def test_extract_topics_finds_phrases_hashtags_and_drops_filler():
    text = (
        "So excited to share that we finished our platform migration to Kubernetes! "
        "The migration took nine months, and the platform team learned a lot about "
        "incident reviews. https://example.com/post @someone #SiteReliability"
    )
    topics = extract_topics(text)
    assert "platform migration" in topics
    assert "site reliability" in topics
    assert "incident review" in topics
    assert "kubernetes" in topics
    for filler in ("excited", "share", "lot", "month", "example", "someone", "https"):
        assert all(filler not in topic.split() for topic in topics)
    # A word inside a chosen phrase is not repeated on its own.
    assert "migration" not in topics


def test_extract_topics_ranks_recurring_phrases_first():
    text = (
        "Observability budgets matter. We cut observability costs by sampling traces. "
        "Observability budgets should be owned by teams."
    )
    assert extract_topics(text)[0] == "observability budget"


def test_extract_topics_limit_and_empty():
    text = "Kafka consumers, schema registry, stream processing, data contracts, lakehouse design"
    assert len(extract_topics(text, limit=2)) == 2
    assert extract_topics("", limit=5) == ()
    assert extract_topics("the and of to", limit=5) == ()
    assert extract_topics(text, limit=0) == ()


def test_extract_topics_splits_clauses():
    headline = "Engineering Manager at Acme | Platform, Reliability & Developer Experience"
    topics = extract_topics(headline)
    assert "developer experience" in topics
    assert "reliability developer" not in topics
    assert "platform reliability" not in topics


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("platform migration", "Platform Migrations", 1.0),
        ("migration", "platform migration", 0.6),
        ("platform migration", "data platform", 0.5 * 1 / 3),
        ("kubernetes", "observability", 0.0),
        ("", "kubernetes", 0.0),
    ],
)
def test_topic_similarity(a, b, expected):
    assert topic_similarity(a, b) == pytest.approx(expected)


def test_topics_in_texts_needs_every_content_word_of_a_topic():
    texts = ["Six months of migrations later, our platform finally runs on-call free."]
    found = topics_in_texts(["Platform migration", "on-call", "data platform", "the"], texts)
    assert found == ("Platform migration", "on-call")
    assert topics_in_texts(["kubernetes"], texts) == ()
    assert topics_in_texts([], texts) == ()
    assert topics_in_texts(["platform"], []) == ()


def test_topic_matching_has_one_definition():
    """The suggestion rules and the share-item ranking agree on what a topic is: both fold
    "analytics" the same way, so "analytic work" is not silently the same topic in one and a
    different one in the other."""
    from topofmind.domain import rules

    assert rules.match_topics is topics_in_texts
    assert normalise_topic("Analytics") == "analytics"
    assert topics_in_texts(["analytics"], ["Our analytics team"]) == ("analytics",)
    assert topics_in_texts(["analytic work"], ["Our analytics team"]) == ()
    assert topics_in_texts(["paved road"], ["A paved-road platform"]) == ("paved road",)


topic_words = st.lists(
    st.sampled_from(
        ["platform", "migration", "migrations", "kafka", "teams", "the", "of", "on-call", "data"]
    ),
    max_size=4,
).map(" ".join)


@given(st.lists(topic_words, max_size=5), topic_words)
def test_topics_in_texts_keeps_order_and_finds_a_topic_in_its_own_words(topics, text):
    found = topics_in_texts(topics, [text])
    assert list(found) == [topic for topic in topics if topic in found]
    if normalise_topic(text):
        assert topics_in_texts([text], [text]) == (text,)


@given(st.text(alphabet="abcdefghij KLMN,.!#-'\n", max_size=200), st.integers(0, 10))
def test_extract_topics_is_normalised_unique_and_limited(text, limit):
    topics = extract_topics(text, limit=limit)
    assert len(topics) <= limit
    assert len(set(topics)) == len(topics)
    assert extract_topics(text, limit=limit) == topics
    for topic in topics:
        assert topic == topic.lower()
        assert 1 <= len(topic.split()) <= 2


def test_person_topics_puts_interview_topics_first_then_recurring_post_topics():
    topics = person_topics(
        "Director of Engineering at Northwind | Developer Experience",
        ["Incident response", "hiring plan"],
        [
            "Our developer portal now serves 400 engineers. Developer portal adoption doubled.",
            "Why we invested in a developer portal and golden paths.",
            "Thoughts on cost allocation.",
        ],
    )
    assert topics[:2] == ("incident response", "hiring plan")
    assert topics[2] == "developer portal"
    assert "developer experience" in topics
    assert topics.index("developer portal") < topics.index("developer experience")
    assert len(set(topics)) == len(topics)


@dataclass(frozen=True)
class Item:
    id: int
    title: str
    topics: tuple[str, ...] = ()
    note: str = ""


ITEMS = [
    Item(1, "Zero-downtime database migrations", ("database migration", "zero downtime")),
    Item(2, "A field guide to on-call health", ("on-call", "incident response", "burnout")),
    Item(3, "Pricing pages that convert", ("pricing", "conversion")),
    Item(4, "Incident response: writing blameless postmortems"),
]


def test_match_share_items_picks_the_right_item_for_each_person():
    platform_lead = person_topics("", ["database migrations", "schema changes"], [])
    sre_manager = person_topics("", ["incident response", "on-call rotation"], [])

    platform_match = match_share_items(platform_lead, ITEMS)
    sre_match = match_share_items(sre_manager, ITEMS)

    assert platform_match[0][0] == 1
    assert platform_match[0][2] == ("database migration",)
    assert [row[0] for row in sre_match][:2] == [2, 4]
    assert "incident response" in sre_match[0][2]
    assert all(row[0] != 3 for row in platform_match + sre_match)
    for _, score, _ in platform_match + sre_match:
        assert 0.0 < score <= 1.0


def test_match_share_items_never_resuggests_a_sent_item():
    sre_manager = ("incident response", "on-call rotation")
    result = match_share_items(sre_manager, ITEMS, already_sent_item_ids={2})
    assert [row[0] for row in result] == [4]
    assert match_share_items(sre_manager, ITEMS, already_sent_item_ids=[2, 4]) == []


def test_match_share_items_accepts_mappings_and_weighs_earlier_topics_more():
    items = [
        {"id": "a", "topics": ["hiring plan"]},
        {"id": "b", "topics": ["incident response"]},
    ]
    ranked = match_share_items(("incident response", "hiring plan"), items)
    assert [row[0] for row in ranked] == ["b", "a"]
    assert ranked[0][1] > ranked[1][1]


def test_match_share_items_with_no_person_topics_returns_nothing():
    assert match_share_items((), ITEMS) == []


def test_matching_topics_keeps_the_wanted_wording():
    assert matching_topics(["Platform migrations", "hiring"], ["platform migration"]) == (
        "Platform migrations",
    )


def test_locate_topic_finds_plural_and_case_variants():
    text = "I loved the Platform Migrations talk."
    start, end = locate_topic(text, "platform migration")
    assert text[start:end] == "Platform Migrations"
    assert locate_topic(text, "kubernetes") is None
