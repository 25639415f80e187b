"""The suite's judge of parser output: a wrong, missing or invented value never passes."""

from __future__ import annotations

from tests.support.scoring import field_matches, score_page

TRUTH = {
    "kind": "profile",
    "person": {"name": "Jane Doe", "degree": 2, "mutual_names": None, "location": None},
    "posts": [
        {
            "urn": "urn:li:activity:1",
            "text_startswith": "Hello",
            "posted_at": "2026-01-01T00:00:00+00:00",
        }
    ],
}
RIGHT = {
    "kind": "profile",
    "person": {"name": " Jane  Doe ", "degree": 2, "mutual_names": [], "location": None},
    "posts": [
        {"urn": "urn:li:activity:1", "text": "Hello world", "posted_at": "2026-01-01T00:01:30Z"}
    ],
}


def test_a_right_page_scores_every_field():
    score = score_page(TRUTH, RIGHT)
    assert score.misses == []
    assert score.right == score.total == 8


def test_a_guess_where_the_label_is_null_is_wrong():
    out = {**RIGHT, "person": {**RIGHT["person"], "location": "Berlin"}}
    assert score_page(TRUTH, out).misses == ["person.location: want None, got 'Berlin'"]


def test_missing_and_invented_items_cost():
    out = {**RIGHT, "posts": [{"urn": "urn:li:activity:2", "text": "Hello"}]}
    score = score_page(TRUTH, out)
    assert score.right == 5  # kind and the four person fields
    assert score.total == 9  # 8 labelled + 1 for the invented post
    assert score.misses == ["posts: missing urn:li:activity:1", "posts: extra urn:li:activity:2"]


def test_wrong_kind_is_a_miss():
    assert score_page(TRUTH, {**RIGHT, "kind": "feed"}).right == 7


def test_field_rules():
    assert field_matches("profile_url", "https://x/in/a/", "https://x/in/a")
    assert not field_matches("profile_url", "https://x/in/a/", None)
    assert not field_matches("posted_at", "2026-01-01T00:00:00Z", "2026-01-01T00:03:00Z")
    assert not field_matches("posted_at", "2026-01-01T00:00:00Z", None)
    assert field_matches("mutual_names", ["B", "A"], ["A", "B"])
    assert not field_matches("mutual_names", ["A"], ["A", "C"])
    assert not field_matches("text_startswith", "Hello", None)
    assert not field_matches("degree", 2, 3)


def test_a_job_page_is_judged_with_its_hiring_team():
    truth = {
        "kind": "job",
        "job": {
            "job_id": "1",
            "title": "Engineer",
            "hiring_team": [{"profile_url": "https://www.linkedin.com/in/a/", "name": "A"}],
        },
    }
    good = {"kind": "job", "job": {"job_id": "1", "title": "Engineer", "hiring_team": [
        {"profile_url": "https://www.linkedin.com/in/a/", "name": "A"}]}}  # fmt: skip
    assert score_page(truth, good).misses == []
    bad = {"kind": "job", "job": {"job_id": "1", "title": "Engineer", "hiring_team": []}}
    assert score_page(truth, bad).misses == [
        "job.hiring_team: missing https://www.linkedin.com/in/a"
    ]
