"""Pages of layouts the shared fixtures do not cover, reduced by hand from real saved pages.

Each file in ``tests/linkedin/pages/`` keeps the DOM structure of a real page of its era (names
and texts fictional). The expected values are what the page visibly shows, written per the
labelling conventions of ``tests/fixtures/linkedin/MANIFEST.md``: every listed field is compared,
nulls included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from topofmind.linkedin import parse_page

PAGES = Path(__file__).resolve().parent / "pages"

PERSON_CASES = [
    (
        "public_profile_2026.html",
        "https://www.linkedin.com/in/marta-quill",
        {
            "name": "Marta Quill",
            "headline": "Chief Executive Officer at Northwind",
            "title": "Chief Executive Officer",
            "company": "Northwind",
            "location": "Lisbon, Lisbon, Portugal",
            "public_id": "marta-quill",
            "profile_url": "https://www.linkedin.com/in/marta-quill/",
            "degree": None,
            "followers": 12_000_000,
            "mutual_count": None,
            "mutual_names": None,
        },
    ),
    (
        "profile_sdui_other_2026.html",
        "https://www.linkedin.com/in/kofi-mensah-a1/",
        {
            "name": "Kofi Mensah",
            "headline": "Engineering Manager, Payments | Distributed systems",
            "title": "Engineering Manager",
            "company": "Example Pay",
            "location": "Accra, Greater Accra Region, Ghana",
            "public_id": "kofi-mensah-a1",
            "profile_url": "https://www.linkedin.com/in/kofi-mensah-a1/",
            "degree": 2,
            "followers": 4812,
            "mutual_count": 14,
            "mutual_names": ["Ama Owusu", "Yaw Boateng"],
        },
    ),
    (
        # A stale display:none degree badge precedes the shown one; the company is the first
        # of two right-column entries; Experience entries are not <li>s.
        "profile_sdui_variant_2026.html",
        "https://www.linkedin.com/in/rob-gill-77/",
        {
            "name": "Rob Gill",
            "headline": "Full-Stack Senior Software Developer | Certified AWS Cloud Practitioner",
            "title": "Senior Software Developer",
            "company": "eDynamic Learning",
            "location": "Kitchener, Ontario, Canada",
            "public_id": "rob-gill-77",
            "profile_url": "https://www.linkedin.com/in/rob-gill-77/",
            "degree": 1,
            "followers": None,
            "mutual_count": None,
            "mutual_names": None,
        },
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "expected"), PERSON_CASES, ids=[c[0] for c in PERSON_CASES]
)
def test_person_pages(name, url, expected):
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["kind"] == "profile"
    assert page["person"] == expected


def test_blurred_public_title_is_unknown_not_the_company():
    html = (PAGES / "public_profile_2026.html").read_text(encoding="utf-8")
    blurred = html.replace(
        'class="experience-item__title"', 'class="experience-item__title blur"', 1
    )
    person = parse_page(blurred, "https://www.linkedin.com/in/marta-quill").person
    assert person is not None
    assert person.title is None
    assert person.company == "Northwind"


def _post(urn_id, author_name, author_url, text, age, posted_at, counts, is_repost=False):
    urn = f"urn:li:activity:{urn_id}"
    reactions, comments, reposts = counts
    return {
        "urn": urn,
        "url": f"https://www.linkedin.com/feed/update/{urn}/",
        "author_name": author_name,
        "author_url": author_url,
        "text": text,
        "relative_time": age,
        "posted_at": posted_at,
        "reactions": reactions,
        "comments": comments,
        "reposts": reposts,
        "is_repost": is_repost,
    }


POST_CASES = [
    (
        "feed_2021_ember.html",
        "https://www.linkedin.com/feed/",
        "feed",
        [
            _post(
                6772123238400012345,
                "Rosa Marquez",
                "https://www.linkedin.com/in/rosa-marquez-07a1b2/",
                "We moved our nightly batch to streaming. Here is what broke first.",
                "5d",
                "2021-03-01T12:00:00.000Z",
                (128, 14, 0),
            ),
            _post(
                6772542668800000999,
                "Example Labs",
                "https://www.linkedin.com/company/example-labs/",
                "We are hiring two data engineers in Lisbon.",
                "1w",
                "2021-03-02T15:46:40.000Z",
                (42, 0, 3),
            ),
        ],
    ),
    (
        "activity_sdui_2026.html",
        "https://www.linkedin.com/in/kofi-mensah-a1/recent-activity/all/",
        "activity",
        [
            _post(
                7499327995904004242,
                "Kofi Mensah",
                "https://www.linkedin.com/in/kofi-mensah-a1/",
                "Three things I look for in a payments design review.",
                "3d",
                "2026-08-29T04:52:05.000Z",
                (87, 9, 2),
            ),
            # A plain repost: the author is the original author.
            _post(
                7495133751296004242,
                "Example Pay",
                "https://www.linkedin.com/company/example-pay/",
                "We are live in two more markets.",
                "2w",
                "2026-08-17T15:05:39.160Z",
                (140, 0, 0),
                is_repost=True,
            ),
        ],
    ),
    (
        # A comment's data-id="urn:li:comment…" must not hide the logged-out card; counts come
        # from data-num-* (exact, any UI language); logged-out pages never show reposts.
        "post_public_2023_fr.html",
        "https://fr.linkedin.com/posts/claire-dubois-42_nous-recrutons-activity-7088367534080000077-AbCd",
        "post",
        [
            _post(
                7088367534080000077,
                "Claire Dubois",
                "https://www.linkedin.com/in/claire-dubois-42/",
                "Nous recrutons deux ingénieurs données à Lyon.",
                "3 sem.",
                "2023-07-22T04:01:55.625Z",
                (1234, 56, None),
            )
        ],
    ),
    (
        # The member commented on someone else's post: the post is the author's, not a repost;
        # the comment's own counters ("17 Reactions", "12 comments later") are not the post's.
        "activity_comments_ember_2024.html",
        "https://www.linkedin.com/in/pablo-ferro/recent-activity/comments/",
        "activity",
        [
            _post(
                7241680825530897417,
                "Nadia Keller",
                "https://www.linkedin.com/in/nkeller/",
                "Bye try/catch, meet the safe assignment operator Benefits: #javascript",
                "2d",
                "2024-09-17T05:34:12.730Z",
                (2948, 221, 305),
            )
        ],
    ),
]


def _owner(name, profile_id):
    return {
        "name": name,
        "headline": None,
        "title": None,
        "company": None,
        "location": None,
        "public_id": profile_id,
        "profile_url": f"https://www.linkedin.com/in/{profile_id}/",
        "degree": None,
        "followers": None,
        "mutual_count": None,
        "mutual_names": None,
    }


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        # No Ember top card: the owner is the author of their own posts ...
        (
            "activity_sdui_2026.html",
            "https://www.linkedin.com/in/kofi-mensah-a1/recent-activity/all/",
            _owner("Kofi Mensah", "kofi-mensah-a1"),
        ),
        # ... or the name on a link to their profile ("Pablo Ferro commented on this").
        (
            "activity_comments_ember_2024.html",
            "https://www.linkedin.com/in/pablo-ferro/recent-activity/comments/",
            _owner("Pablo Ferro", "pablo-ferro"),
        ),
    ],
)
def test_activity_owner_without_a_known_top_card(name, url, expected):
    assert parse_page((PAGES / name).read_bytes(), url).to_dict()["person"] == expected


@pytest.mark.parametrize(
    ("name", "url", "kind", "expected"), POST_CASES, ids=[c[0] for c in POST_CASES]
)
def test_post_pages(name, url, kind, expected):
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["kind"] == kind
    assert page["posts"] == expected


def _person(name, profile_id, headline, location=None, degree=None, mutual=(None, None)):
    return {
        "name": name,
        "headline": headline,
        "title": None,
        "company": None,
        "location": location,
        "public_id": profile_id,
        "profile_url": f"https://www.linkedin.com/in/{profile_id}/",
        "degree": degree,
        "followers": None,
        "mutual_count": mutual[0],
        "mutual_names": mutual[1],
    }


PEOPLE_CASES = [
    (
        "connections_ember_2022.html",
        "https://www.linkedin.com/mynetwork/invite-connect/connections/",
        [
            _person("Lena Vogt", "lena-vogt-4a1b2c3", "Product Designer at Example GmbH"),
            # "Connected yesterday" is a <time>, not a place.
            _person("Omar Haddad", "omar-haddad", "Recruiter"),
        ],
    ),
    (
        "mutual_connections_2025.html",
        "https://www.linkedin.com/search/results/people/?facetConnectionOf=%5B%22ACoAAB%22%5D",
        [
            _person(
                "Inês Duarte",
                "ines-duarte-5b",
                "Staff Engineer at Example Cloud",
                "Porto, Portugal",
                2,
                (9, ["Ana Lima", "Rui Sá"]),
            ),
            _person("Paul Martin", "paul-martin-fr", "Directeur financier", "Lyon", 3),
            _person("Jonas Weber", "jonas-weber-99", "Werkstudent", "Berlin", 1, (1, ["Ana Lima"])),
        ],
    ),
    (
        # 2026 SDUI: mutual names are links inside the sentence (they are not results) and
        # "&" stands for "and"; an anonymous "LinkedIn Member" keeps its URN-style URL.
        "people_search_sdui_2026.html",
        "https://www.linkedin.com/search/results/people/?keywords=x",
        [
            _person(
                "Jordan Example",
                "jordan-example-1a2b3c",
                "Software Engineer at Example Corp",
                "Exampleville, Testland",
                1,
            ),
            _person(
                "Casey Sample",
                "casey-sample-4d5e6f",
                "Technical Recruiter at Sample Labs, Inc.",
                "Sampletown",
                2,
                (2, ["Pat Mutual", "Sky Connector"]),
            ),
            _person(
                "Taylor Fakename",
                "taylor-fakename-3a4b5c",
                "Data Scientist",
                "Faketown",
                2,
                (9, ["Pat Mutual", "Robin Shared"]),
            ),
            {
                **_person("LinkedIn Member", "x", "Consultant", None, 3),
                "public_id": None,
                "profile_url": "https://www.linkedin.com/in/ACoAAFAKE00000007/",
            },
            _person(
                "Avery Nobody",
                "avery-nobody-6d7e8f",
                "Student at Example University",
                "Nowhere City",
                3,
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "expected"), PEOPLE_CASES, ids=[c[0] for c in PEOPLE_CASES]
)
def test_people_pages(name, url, expected):
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["kind"] == "people"
    assert page["people"] == expected
