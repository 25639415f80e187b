"""URL canonicalisation, URN extraction and the time inside an activity id."""

from __future__ import annotations

import pytest

from topofmind.linkedin import (
    canonical_author_url,
    canonical_profile_url,
    is_linkedin_url,
    posted_at_from_urn,
    public_id_from_url,
)
from topofmind.linkedin.export import canonical_profile_url as export_form
from topofmind.linkedin.urls import post_urn_from_url, profile_id, profile_key, profile_url_in

JANE = "https://www.linkedin.com/in/jane-doe-12/"


@pytest.mark.parametrize(
    ("url", "canonical", "public_id"),
    [
        ("https://www.linkedin.com/in/jane-doe-12/", JANE, "jane-doe-12"),
        ("https://www.linkedin.com/in/jane-doe-12", JANE, "jane-doe-12"),
        ("https://sg.linkedin.com/in/jane-doe-12", JANE, "jane-doe-12"),
        ("https://de.linkedin.com/in/jane-doe-12/?originalSubdomain=de", JANE, "jane-doe-12"),
        ("http://linkedin.com/in/jane-doe-12?trk=public_profile#about", JANE, "jane-doe-12"),
        ("https://www.linkedin.com/in/Jane-Doe-12/", JANE, "jane-doe-12"),
        ("https://www.linkedin.com/in/jane-doe-12/recent-activity/all/", JANE, "jane-doe-12"),
        ("https://www.linkedin.com/in/jane-doe-12/overlay/contact-info/", JANE, "jane-doe-12"),
        ("/in/jane-doe-12/", JANE, "jane-doe-12"),
        (
            "https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller",
            "https://www.linkedin.com/in/jörg-müller/",
            "jörg-müller",
        ),
        (
            "https://www.linkedin.com/in/ACoAAAU5f0EBFYU9aWHwe0I4dWT3Km15smJbbMw",
            "https://www.linkedin.com/in/ACoAAAU5f0EBFYU9aWHwe0I4dWT3Km15smJbbMw/",
            None,
        ),
        ("https://www.linkedin.com/company/acme/", None, None),
        ("https://www.linkedin.com/feed/", None, None),
        ("https://example.com/in/jane-doe-12/", None, None),
        ("https://notlinkedin.com/in/jane-doe-12/", None, None),
        ("not a url", None, None),
        ("", None, None),
        (None, None, None),
        ("https://www.linkedin.com/in/", None, None),
    ],
)
def test_profile_urls(url, canonical, public_id):
    assert canonical_profile_url(url) == canonical
    assert public_id_from_url(url) == public_id


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/company/bland-ai/posts", "https://www.linkedin.com/company/bland-ai/"),
        ("https://www.linkedin.com/showcase/abbott-cardiovascular/", "https://www.linkedin.com/showcase/abbott-cardiovascular/"),
        ("https://www.linkedin.com/company/inscape-publishing?trk=x", "https://www.linkedin.com/company/inscape-publishing/"),
        ("https://www.linkedin.com/in/bradsmi?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoA", "https://www.linkedin.com/in/bradsmi/"),
        ("https://www.linkedin.com/school/y-combinator/", "https://www.linkedin.com/school/y-combinator/"),
        ("https://www.linkedin.com/feed/update/urn:li:activity:1/", None),
        ("https://example.com/company/acme/", None),
    ],
)  # fmt: skip
def test_author_urls(url, expected):
    assert canonical_author_url(url) == expected


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.linkedin.com/feed/", True),
        ("https://sg.linkedin.com/in/x", True),
        ("http://linkedin.com/", True),
        ("https://linkedin.com.evil.example/in/x", False),
        ("https://evil-linkedin.com/in/x", False),
        ("javascript:alert(1)", False),
        ("ftp://www.linkedin.com/in/x", False),
        ("", False),
        (None, False),
        ("http://[::1", False),
    ],
)
def test_is_linkedin_url(url, ok):
    assert is_linkedin_url(url) is ok


@pytest.mark.parametrize(
    ("url", "urn"),
    [
        (
            "https://www.linkedin.com/feed/update/urn:li:activity:7336062102878507009/",
            "urn:li:activity:7336062102878507009",
        ),
        (
            "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7335852528649023488",
            "urn:li:ugcPost:7335852528649023488",
        ),
        (
            "https://www.linkedin.com/posts/tarapowers_looking-for-a-tool-activity-7463608443963318272-2kSA",
            "urn:li:activity:7463608443963318272",
        ),
        (
            "https://www.linkedin.com/posts/bland-ai_today-ugcPost-7335852528649023488-IUvG?utm_source=x",
            "urn:li:ugcPost:7335852528649023488",
        ),
        ("https://www.linkedin.com/feed/", None),
        (None, None),
    ],
)
def test_post_urns_from_urls(url, urn):
    assert post_urn_from_url(url) == urn


@pytest.mark.parametrize(
    ("urn", "iso"),
    [
        # id >> 22 is Unix milliseconds (values checked by hand against the labelled pages).
        ("urn:li:activity:7336062102878507009", "2025-06-04T16:11:42.769Z"),
        ("urn:li:activity:7079820998715330561", "2023-06-28T14:01:02.807Z"),
        ("urn:li:ugcPost:7335852528649023488", "2025-06-04T02:18:56.379Z"),
        ("urn:li:activity:0", None),
        ("urn:li:activity:99999999999999999999999", None),
        ("urn:li:activity:", None),
        (None, None),
    ],
)
def test_posted_at_from_activity_id(urn, iso):
    assert posted_at_from_urn(urn) == iso


@pytest.mark.parametrize(
    "written",
    [
        "https://www.linkedin.com/in/szymon-n%C4%99dza-1a2b3c/",
        "https://www.linkedin.com/in/szymon-nędza-1a2b3c",
        "https://pl.linkedin.com/in/szymon-n%C4%99dza-1a2b3c/pl/",
        "https://www.linkedin.com/in/Szymon-N%C4%98dza-1a2b3c/pl?trk=x",
        "https://www.linkedin.com/in/szymon-ne\u0328dza-1a2b3c/",  # decomposed ę
        "https://www.linkedin.com/mwlite/in/szymon-nędza-1a2b3c",
    ],
)
def test_one_person_whichever_form_a_page_writes(written):
    assert canonical_profile_url(written) == "https://www.linkedin.com/in/szymon-nędza-1a2b3c/"
    assert public_id_from_url(written) == "szymon-nędza-1a2b3c"


@pytest.mark.parametrize(
    "cell",
    [
        "https://www.linkedin.com/in/szymon-n%C4%99dza-1a2b3c",
        '=HYPERLINK("https://www.linkedin.com/in/szymon-nędza-1a2b3c/pl/")',
        "www.linkedin.com/in/szymon-n%C4%99dza-1a2b3c",
    ],
)
def test_the_export_and_the_pages_share_one_canonical_form(cell):
    page_form = canonical_profile_url("https://www.linkedin.com/in/szymon-nędza-1a2b3c/")
    assert export_form(cell) == profile_url_in(cell) == page_form


def test_member_urn_ids_keep_their_case_everywhere():
    url = "https://www.linkedin.com/in/ACoAABiVqgQBIwh7moen_LASzM1cVEVLdb77xYQ/"
    assert canonical_profile_url(url) == profile_url_in(f"see {url}") == url


@pytest.mark.parametrize(
    "written",
    [
        "https://www.linkedin.com/in/Szymon-N%C4%98dza-1a2b3c/pl?trk=x",
        "/in/szymon-nędza-1a2b3c/",
        "linkedin.com/in/szymon-nędza-1a2b3c",
        "www.linkedin.com/in/SZYMON-NĘDZA-1a2b3c/",
    ],
)
def test_the_domain_keys_profiles_by_the_parsers_rule(written):
    """domain/facts.py and domain/duplicates.py use urls.py's rule, not copies of their own."""
    from topofmind.domain.duplicates import public_id_from_url as duplicates_id
    from topofmind.domain.facts import normalise_profile_url

    assert profile_id(written) == duplicates_id(written) == "szymon-nędza-1a2b3c"
    assert profile_key(written) == normalise_profile_url(written) == "in/szymon-nędza-1a2b3c"


def test_the_domain_keeps_member_ids_case_sensitive():
    from topofmind.domain.duplicates import is_member_urn_id, public_id_from_url
    from topofmind.domain.facts import normalise_profile_url

    upper = "https://www.linkedin.com/in/ACoAABiVqgQBIwh7moen_LASzM1cVEVLdb77xYQ/"
    lower = "https://www.linkedin.com/in/ACoAABiVqgQBIwh7moen_laszm1cvevldb77xyq/"
    assert normalise_profile_url(upper) == "in/ACoAABiVqgQBIwh7moen_LASzM1cVEVLdb77xYQ"
    assert normalise_profile_url(upper) != normalise_profile_url(lower)
    assert is_member_urn_id(public_id_from_url(upper))
    assert profile_key("https://www.linkedin.com/company/acme/") is None
    assert profile_id("https://example.com/in/jane/") is None


@pytest.mark.parametrize(
    "text", ["https://notlinkedin.com/in/jane-doe-12/", "see fakelinkedin.com/in/jane-doe-12"]
)
def test_a_host_ending_in_linkedin_com_is_not_linkedin(text):
    assert profile_id(text) is None
    assert profile_url_in(text) is None
