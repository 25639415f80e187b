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


@pytest.mark.parametrize(
    ("text", "degree"),
    [
        ("• 2nd", 2),
        ("3rd+", 3),
        ("· 1st", 1),
        ("• 2e", 2),
        ("3e et +", 3),
        ("1er", 1),
        ("• 2.", 2),
        ("2º", 2),
        ("3°+", 3),
        ("2nd degree connection", 2),
        ("Relation de 2e niveau", 2),
        ("Kontakt 3. Grades", 3),
        ("Contacto de 1º grado", 1),
        ("collegamento di 2° grado", 2),
        ("2", None),
        ("2 weeks", None),
        ("Top 3rd quartile", None),
        ("4th", None),
    ],
)
def test_degree_badges_in_several_ui_languages(text, degree):
    from topofmind.linkedin.text import degree_in

    assert degree_in(text) == degree


@pytest.mark.parametrize(
    ("sentence", "count", "names"),
    [
        ("Ana Lima, Rui Sá and 7 other mutual connections", 9, ("Ana Lima", "Rui Sá")),
        (
            "Ana Lima, Rui Sá & 7 other mutual connections · 1,204 followers",
            9,
            ("Ana Lima", "Rui Sá"),
        ),
        ("Pat Mutual & Sky Connector are mutual connections", 2, ("Pat Mutual", "Sky Connector")),
        ("Quinn Common is a mutual connection", 1, ("Quinn Common",)),
        ("12 mutual connections", 12, ()),
    ],
)
def test_mutual_sentences_with_ampersand_and_suffix(sentence, count, names):
    assert mutual_connections(sentence, []) == (count, names)


@pytest.mark.parametrize(
    ("sentence", "named", "count"),
    [
        (
            "Mario Rossi, Luca Bianchi e altri 5 collegamenti in comune",
            ["Mario Rossi", "Luca Bianchi"],
            7,
        ),
        ("Mario Rossi è un collegamento in comune", ["Mario Rossi"], 1),
        ("Jean Dupont et 12 autres relations en commun", ["Jean Dupont"], 13),
        ("Max Muster und 3 weitere gemeinsame Kontakte", ["Max Muster"], 4),
        ("Ana e mais 2 conexões em comum", ["Ana"], 3),
        ("8 collegamenti in comune", [], 8),
    ],
)
def test_mutual_sentences_in_other_ui_languages_count_named_plus_others(sentence, named, count):
    assert mutual_connections(sentence, named) == (count, tuple(named))


def test_italian_people_search_card_with_linked_mutual_names():
    html = """<main><div role="list"><div role="listitem"><div>
      <p><a href="https://www.linkedin.com/in/giulia-verdi/">Giulia Verdi</a><span> · 2°</span></p>
      <div><p><span>Product Manager</span></p></div><div><p><span>Torino</span></p></div>
      <p><a href="/in/mario-rossi/">Mario Rossi</a>, <a href="/in/luca-bianchi/">Luca Bianchi</a>
       e altri 5 collegamenti in comune</p></div></div></div></main>"""
    (giulia,) = parse_page(html, SEARCH).people
    assert (giulia.name, giulia.degree, giulia.headline, giulia.location) == (
        "Giulia Verdi",
        2,
        "Product Manager",
        "Torino",
    )
    assert (giulia.mutual_count, giulia.mutual_names) == (7, ("Mario Rossi", "Luca Bianchi"))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/mynetwork/grow/",
        "https://www.linkedin.com/mynetwork/invitation-manager/",
        "https://www.linkedin.com/mynetwork/invitation-manager/sent/",
        "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
        "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
        "https://www.linkedin.com/mynetwork/invite-connect/connections/",
        "https://www.linkedin.com/search/results/people/?facetConnectionOf=%5B%22ACoAAB%22%5D",
    ],
)
def test_every_people_list_is_kind_people(url):
    assert parse_page(INVITATIONS, url).kind == "people"


# Invitations received, SDUI-style: the card's link wraps name and headline; the mutual line
# and an insight sit outside it; the buttons are controls.
INVITATIONS = """
<main><div role="list">
<div role="listitem"><div><a href="https://www.linkedin.com/in/ana-ruiz-9/"><div>
 <p><span>Ana Ruiz</span><span aria-hidden="true">Ana Ruiz</span></p>
 <p>Recruiter at Acme</p></div></a>
 <p><a href="https://www.linkedin.com/in/bo-li/">Bo Li</a> and 3 other mutual connections</p>
 <button>Ignore</button><button>Accept</button></div></div>
<div role="listitem"><div><a href="https://www.linkedin.com/in/cy-wu/"><div>
 <p><span>Cy Wu</span></p><p>Head of Data</p></div></a>
 <p>Stanford University</p><button>Accept</button></div></div>
</div></main>
"""


def test_invitation_cards_with_a_linked_mutual_and_an_insight():
    page = parse_page(INVITATIONS, "https://www.linkedin.com/mynetwork/invitation-manager/")
    assert [p.profile_url for p in page.people] == [
        "https://www.linkedin.com/in/ana-ruiz-9/",
        "https://www.linkedin.com/in/cy-wu/",
    ]
    ana, cy = page.people
    assert (ana.name, ana.headline, ana.location) == ("Ana Ruiz", "Recruiter at Acme", None)
    assert (ana.mutual_count, ana.mutual_names) == (4, ("Bo Li",))
    assert (cy.name, cy.headline, cy.location, cy.mutual_count) == (
        "Cy Wu", "Head of Data", None, None,
    )  # fmt: skip


def test_a_polish_card_counts_a_first_name_and_the_others():
    html = """<main><div role="list"><div role="listitem"><div>
    <a href="https://www.linkedin.com/in/kinga-r/"><div><p><span>Kinga R</span></p>
    <p>Doradca</p></div></a><p>Łukasz i 95 innych wspólnych kontaktów</p>
    <button>Połącz</button></div></div></div></main>"""
    (kinga,) = parse_page(html, "https://www.linkedin.com/mynetwork/grow/").people
    assert (kinga.name, kinga.headline, kinga.location) == ("Kinga R", "Doradca", None)
    assert (kinga.mutual_count, kinga.mutual_names) == (96, ("Łukasz",))
