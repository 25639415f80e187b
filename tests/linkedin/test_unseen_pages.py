"""Pages of layouts the shared fixtures do not cover, reduced by hand from real saved pages.

Each file in ``tests/linkedin/pages/`` keeps the DOM structure of a real page of its era (names
and texts fictional). The expected values are what the page visibly shows, written per the
labelling conventions of ``shared/fixtures/linkedin/MANIFEST.md``: every listed field is compared,
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
