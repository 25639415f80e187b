"""Every labelled field of every hand-labelled real page, judged by tests/support/scoring.py."""

from __future__ import annotations

import json

import pytest

from tests.support.fixtures import LINKEDIN_PAGES as FIXTURE_DIR
from tests.support.fixtures import ground_truth
from tests.support.scoring import score_page
from topofmind.linkedin import PARSER_VERSION, parse_page

TRUTHS = ground_truth()


@pytest.mark.parametrize("truth", TRUTHS, ids=[t["file"] for t in TRUTHS])
def test_every_labelled_field_matches(truth):
    data = (FIXTURE_DIR / truth["file"]).read_bytes()
    # Through JSON, as the CLI prints it: the contract is the JSON, not the dataclasses.
    out = json.loads(json.dumps(parse_page(data, truth["url"]).to_dict(), ensure_ascii=False))
    score = score_page(truth, out)
    assert score.misses == []
    assert score.right == score.total > 1


@pytest.mark.parametrize("truth", TRUTHS, ids=[t["file"] for t in TRUTHS])
def test_output_has_exactly_the_contract_keys(truth):
    out = parse_page((FIXTURE_DIR / truth["file"]).read_bytes(), truth["url"]).to_dict()
    assert list(out) == [
        "kind", "person", "people", "posts", "job", "jobs", "parser_version", "warnings",
    ]  # fmt: skip
    assert out["parser_version"] == PARSER_VERSION
    person_keys = [
        "name", "headline", "title", "company", "location", "public_id", "profile_url",
        "degree", "followers", "mutual_count", "mutual_names",
    ]  # fmt: skip
    for person in ([out["person"]] if out["person"] else []) + out["people"]:
        assert list(person) == person_keys
    post_keys = [
        "urn", "url", "author_name", "author_url", "text", "relative_time", "posted_at",
        "reactions", "comments", "reposts", "is_repost",
    ]  # fmt: skip
    for post in out["posts"]:
        assert list(post) == post_keys
        assert post["url"] == f"https://www.linkedin.com/feed/update/{post['urn']}/"
    job_keys = [
        "job_id", "url", "title", "company", "company_url", "location", "workplace_type",
        "employment_type", "posted_relative", "applicants", "easy_apply", "description",
        "hiring_team",
    ]  # fmt: skip
    if out["job"] is not None:
        assert list(out["job"]) == job_keys
        assert out["job"]["url"] == f"https://www.linkedin.com/jobs/view/{out['job']['job_id']}/"
        for member in out["job"]["hiring_team"]:
            assert list(member) == ["name", "headline", "profile_url", "role", "degree"]
    for card in out["jobs"]:
        assert list(card) == ["job_id", "url", "title", "company", "location", "posted_relative"]
        assert card["url"] == f"https://www.linkedin.com/jobs/view/{card['job_id']}/"
    if truth["kind"] not in ("job", "job_search"):
        assert out["job"] is None and out["jobs"] == []


def test_str_input_gives_the_same_result_as_bytes():
    truth = next(t for t in TRUTHS if t["file"] == "profile_loggedin_02.html")
    data = (FIXTURE_DIR / truth["file"]).read_bytes()
    assert parse_page(data.decode("utf-8"), truth["url"]) == parse_page(data, truth["url"])


def test_a_byte_order_mark_is_honoured():
    truth = next(t for t in TRUTHS if t["file"] == "post_snippet_standard_post.html")
    data = (FIXTURE_DIR / truth["file"]).read_bytes()
    assert parse_page(b"\xef\xbb\xbf" + data, truth["url"]) == parse_page(data, truth["url"])


def test_without_url_the_content_decides_the_kind():
    data = (FIXTURE_DIR / "profile_loggedin_03.html").read_bytes()
    page = parse_page(data)
    assert page.kind == "profile"
    assert page.person is not None and page.person.name == "Abgar Gulo"
    assert page.person.profile_url == "https://www.linkedin.com/in/abgargulo/"
