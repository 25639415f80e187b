"""People lists in the layouts LinkedIn has used, as small hand-written pages (no real people)."""

from __future__ import annotations

import pytest

from topofmind.linkedin import parse_page
from topofmind.linkedin.text import mutual_connections

SEARCH = "https://www.linkedin.com/search/results/people/?keywords=acme"

EMBER_RESULT = """
<html><body><header><a href="/in/the-viewer/">Me</a></header><main><ul>
<li class="reusable-search__result-container"><div class="entity-result">
 <a href="https://www.linkedin.com/in/jane-doe-1?miniProfileUrn=x"><img alt="Jane"></a>
 <span class="entity-result__title-text t-16">
  <a href="https://www.linkedin.com/in/jane-doe-1?miniProfileUrn=x"><span dir="ltr">
   <span aria-hidden="true">Jane Doe</span>
   <span class="visually-hidden">View Jane Doe’s profile</span></span></a>
  <span class="entity-result__badge"><span aria-hidden="true">• 2nd</span>
   <span class="visually-hidden">2nd degree connection</span></span></span>
 <div class="entity-result__primary-subtitle">Engineering Manager at Acme</div>
 <div class="entity-result__secondary-subtitle">Berlin, Germany</div>
 <p class="entity-result__summary">Current: Engineering Manager at Acme</p>
 <div><span><a href="/in/mutual-person/">Mutual Person</a> and 3 other mutual connections</span>
 </div><button>Connect</button></div></li>
</ul></main><aside><a href="/in/someone-else/">People also viewed</a></aside></body></html>
"""

LINK_WRAPS_PARAGRAPHS = """
<main><div><a href="https://www.linkedin.com/in/bob-x/"><div><p>Bob X • 3rd+</p>
<p>CTO at Foo</p><p>San Francisco Bay Area</p></div></a>
<p><strong>Ann Lee</strong> is a mutual connection</p><button>Follow</button></div>
<div><a href="https://www.linkedin.com/in/cy-z/"><div><p>Cy Z • 1st</p><p>Designer</p>
<p>Data collegamento: 4 settembre 2026</p></div></a></div></main>
"""


def test_ember_search_result_card():
    page = parse_page(EMBER_RESULT, SEARCH)
    assert page.kind == "people"
    assert [p.profile_url for p in page.people] == ["https://www.linkedin.com/in/jane-doe-1/"]
    jane = page.people[0]
    assert (jane.name, jane.headline, jane.location) == (
        "Jane Doe",
        "Engineering Manager at Acme",
        "Berlin, Germany",
    )
    assert jane.degree == 2
    assert (jane.mutual_count, jane.mutual_names) == (4, ("Mutual Person",))


def test_link_wrapping_paragraphs_with_inline_degree_badge():
    page = parse_page(LINK_WRAPS_PARAGRAPHS, SEARCH)
    bob, cy = page.people
    assert (bob.name, bob.degree, bob.headline, bob.location) == (
        "Bob X",
        3,
        "CTO at Foo",
        "San Francisco Bay Area",
    )
    assert (bob.mutual_count, bob.mutual_names) == (1, ("Ann Lee",))
    # A "connected on" date is not a place: location stays unknown.
    assert (cy.name, cy.degree, cy.headline, cy.location) == ("Cy Z", 1, "Designer", None)


@pytest.mark.parametrize(
    ("sentence", "bold", "count", "names"),
    [
        ("Ann Lee, Bo Ma, and 2 other mutual connections", [], 4, ("Ann Lee", "Bo Ma")),
        ("Ann Lee, Bo Ma, and 2 other mutual connections", ["Ann Lee", "Bo Ma"], 4, None),
        ("Ann Lee is a mutual connection", [], 1, ("Ann Lee",)),
        ("Ann Lee and Bo Ma are mutual connections", [], 2, ("Ann Lee", "Bo Ma")),
        ("Ann Lee and 1 other mutual connection", [], 2, ("Ann Lee",)),
        ("12 mutual connections", [], 12, ()),
        ("no mutuals here", [], None, ()),
    ],
)
def test_mutual_connection_sentences(sentence, bold, count, names):
    got_count, got_names = mutual_connections(sentence, bold)
    assert got_count == count
    assert got_names == (names if names is not None else tuple(bold))
