"""Page-kind detection: the URL first, then markers in the content."""

from __future__ import annotations

import pytest

from tests.support.fixtures import LINKEDIN_PAGES as FIXTURE_DIR
from tests.support.fixtures import ground_truth as load_ground_truth
from topofmind.linkedin import detect_kind


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.linkedin.com/in/jane-doe/", "profile"),
        ("https://sg.linkedin.com/in/jane-doe", "profile"),
        ("https://www.linkedin.com/in/jane-doe/details/experience/", "profile"),
        ("https://www.linkedin.com/in/jane-doe/recent-activity/all/", "activity"),
        ("https://www.linkedin.com/in/jane-doe/recent-activity/shares/", "activity"),
        ("https://www.linkedin.com/feed/", "feed"),
        ("https://www.linkedin.com/feed/?nis=true", "feed"),
        ("https://www.linkedin.com/feed/update/urn:li:activity:7336062102878507009/", "post"),
        ("https://www.linkedin.com/posts/jane_hello-activity-7336062102878507009-AbCd", "post"),
        ("https://www.linkedin.com/search/results/content/?keywords=%23europcr", "search"),
        ("https://www.linkedin.com/search/results/all/?keywords=jane", "search"),
        ("https://www.linkedin.com/search/results/people/?keywords=jane", "people"),
        (
            "https://www.linkedin.com/search/results/people/?facetConnectionOf=%5B%22ACoA%22%5D",
            "people",
        ),
        ("https://www.linkedin.com/mynetwork/invite-connect/connections/", "people"),
        ("https://www.linkedin.com/mynetwork/network-manager/people/", "people"),
        ("https://www.linkedin.com/company/acme/posts/", "feed"),
        ("https://www.linkedin.com/jobs/view/4361442478/", "job"),
        ("https://au.linkedin.com/jobs/view/senior-engineer-at-heidi-4411867124", "job"),
        ("https://www.linkedin.com/comm/jobs/view/4361442478/?trk=eml", "job"),
        (
            "https://www.linkedin.com/jobs/search/?keywords=designer&currentJobId=1234567",
            "job_search",
        ),
        (
            "https://www.linkedin.com/jobs/collections/recommended/?currentJobId=1234567",
            "job_search",
        ),
        ("https://www.linkedin.com/jobs/search-results/?keywords=designer", "job_search"),
        ("https://www.linkedin.com/jobs/data-engineer-jobs-new-york", "job_search"),
        ("https://www.linkedin.com/jobs/", "job_search"),
        ("https://www.linkedin.com/jobs/view/", "unknown"),
        ("https://www.linkedin.com/jobs/application-settings/", "unknown"),
        ("https://www.linkedin.com/messaging/", "unknown"),
        ("https://www.linkedin.com/", "unknown"),
        ("https://example.com/in/jane-doe/", "unknown"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_kind_from_url(url, kind):
    assert detect_kind(url) == kind


@pytest.mark.parametrize("truth", load_ground_truth(), ids=lambda t: t["file"])
def test_kind_from_content_alone_agrees_with_labels(truth):
    data = (FIXTURE_DIR / truth["file"]).read_bytes()
    expected = truth["kind"]
    # Without a URL a search page of posts reads as a feed of posts: same parser, same output.
    allowed = {"feed", "search"} if expected == "search" else {expected}
    assert detect_kind(None, data) in allowed


def test_content_of_an_unrelated_page_is_unknown():
    assert detect_kind(None, b"<html><body><h1>Hello</h1></body></html>") == "unknown"
    assert detect_kind("https://example.com/", b'<div data-urn="urn:li:activity:1">') == "unknown"


def test_2025_people_search_is_people_without_a_url():
    html = (
        b'<div class="search-results-container"><ul><li>'
        b'<div data-view-name="search-entity-result-universal-template">'
        b'<a href="/in/x/">X</a></div></li></ul></div>'
    )
    assert detect_kind(None, html) == "people"
