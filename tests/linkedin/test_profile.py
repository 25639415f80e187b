"""Profile top cards in the DOM eras LinkedIn has used, as small hand-written pages."""

from __future__ import annotations

import pytest

from topofmind.linkedin import parse_page

ANA = "https://www.linkedin.com/in/ana-ruiz/"

# The 2026 server-driven layout: hashed classes only, so nothing below relies on them.
SDUI_OTHER_MEMBER = """
<html><body><main>
<section componentkey="c1"><div><div>
  <a href="https://www.linkedin.com/in/ana-ruiz/" componentkey="ProfileVerificationTriggerRef-ana">
   <div class="x1"><h2 class="x2">Ana Ruiz</h2></div></a>
  <p class="x3">She/Her</p><p class="x4">· 2nd</p></div>
 <p class="x5">Head of Data at Foo</p>
 <p class="x6">Foo Corp · Universidad Complutense</p>
 <div><p>Madrid, Spain</p><p>·</p>
  <p><a href="https://www.linkedin.com/in/ana-ruiz/overlay/contact-info/">Contact info</a></p></div>
 <p>Luis Gomez, Marta Diaz and 5 other mutual connections</p></div>
</section>
<section componentkey="c2"><h2>Activity</h2><p>3,210 followers</p></section>
<section componentkey="c3"><h2>Experience</h2><ul>
 <li><p>Foo Corp</p><p>Full-time · 3 yrs 2 mos</p><ul>
  <li><p>Head of Data</p><p>Jan 2024 - Present · 2 yrs</p><p>Madrid</p></li>
  <li><p>Data Lead</p><p>Sep 2022 - Dec 2023 · 1 yr 4 mos</p></li></ul></li>
 <li><p>Analyst</p><p>Bar SA · Full-time</p><p>2019 - 2022</p></li></ul>
</section></main></body></html>
"""

EMBER_FIRST_DEGREE = """
<main><section class="artdeco-card">
 <h1 class="text-heading-xlarge">Ana Ruiz</h1>
 <span class="distance-badge"><span class="visually-hidden">1st degree connection</span>
  <span class="dist-value" aria-hidden="true">1st</span></span>
 <div class="text-body-medium break-words">Head of Data at Foo</div>
 <ul><li><button aria-label="Current company: Foo Corp. Click to skip to experience card">
  Foo Corp</button></li></ul>
 <div><span class="text-body-small">Madrid, Spain</span>
  <span><a href="/in/ana-ruiz/overlay/contact-info/">Contact info</a></span></div>
 <ul><li><span class="t-bold">1,234</span> followers</li></ul>
 <a href="https://www.linkedin.com/search/results/people/?facetNetwork=x"><span aria-hidden="true">
  <strong>Luis Gomez</strong> is a mutual connection</span>
  <span class="visually-hidden"><strong>Luis Gomez</strong> is a mutual connection</span></a>
</section>
<section><div id="experience"></div><h2><span aria-hidden="true">Experience</span></h2><ul>
 <li><div><span class="t-bold"><span aria-hidden="true">Head of Data</span></span>
  <span>Foo Corp · Full-time</span><span>Jan 2024 - Present · 2 yrs</span></div></li></ul>
</section></main>
"""


def test_sdui_profile_of_another_member():
    person = parse_page(SDUI_OTHER_MEMBER, ANA).person
    assert person is not None
    assert (person.name, person.headline) == ("Ana Ruiz", "Head of Data at Foo")
    assert (person.company, person.location) == ("Foo Corp", "Madrid, Spain")
    assert person.degree == 2
    assert (person.mutual_count, person.mutual_names) == (7, ("Luis Gomez", "Marta Diaz"))
    assert person.followers == 3210
    # A grouped Experience entry: the company first, then its roles; the first role wins.
    assert person.title == "Head of Data"
    assert (person.public_id, person.profile_url) == ("ana-ruiz", ANA)


def test_ember_profile_first_degree_single_mutual():
    person = parse_page(EMBER_FIRST_DEGREE, "https://de.linkedin.com/in/Ana-Ruiz?trk=x").person
    assert person is not None
    assert (person.name, person.headline, person.title) == (
        "Ana Ruiz",
        "Head of Data at Foo",
        "Head of Data",
    )
    assert (person.company, person.location, person.degree) == ("Foo Corp", "Madrid, Spain", 1)
    assert (person.mutual_count, person.mutual_names) == (1, ("Luis Gomez",))
    assert person.followers == 1234
    assert person.profile_url == ANA


def test_a_profile_without_a_top_card_is_null_with_a_warning():
    page = parse_page("<main><p>Loading…</p></main>", ANA)
    assert page.kind == "profile"
    assert page.person is None
    assert page.warnings == ("profile page without a recognisable top card",)


EMBER_2024_ITALIAN_TOP_CARD = """
<html><body><main><section class="artdeco-card xYz">
 <div class="ph5"><div class="mt2 relative"><div>
  <span><a href="/in/ana-ruiz/overlay/about-this-profile/" aria-label="Ana ha verifiche">
   <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">Ana Ruiz</h1></a></span>
  <span class="distance-badge"><span class="visually-hidden"> collegamento di 2° grado </span>
   <span class="dist-value" aria-hidden="true"> 2° </span></span></div>
  <div class="text-body-medium break-words">Responsabile dati presso Foo</div>
  <ul class="pv-text-details__right-panel">
   <li><button aria-label="Formazione: Politecnico di Milano. Fai clic per passare alla scheda"
     type="button"><img alt=""><span><div>Politecnico di Milano</div></span></button></li>
  </ul>
  <span class="text-body-small inline t-black--light break-words">Milano, Lombardia, Italia</span>
  <span><a href="/in/ana-ruiz/overlay/contact-info/">Informazioni di contatto</a></span>
 </div></div>
</section></main></body></html>
"""


def test_ember_top_card_in_another_ui_language():
    person = parse_page(EMBER_2024_ITALIAN_TOP_CARD, ANA).person
    assert person is not None
    assert (person.name, person.degree, person.headline) == (
        "Ana Ruiz",
        2,
        "Responsabile dati presso Foo",
    )
    assert person.location == "Milano, Lombardia, Italia"
    # The only right-panel entry is the school: no company is shown.
    assert person.company is None
    with_company = EMBER_2024_ITALIAN_TOP_CARD.replace(
        "<li><button",
        '<li><button aria-label="Azienda attuale: Foo Srl. Fai clic" type="button">'
        "<span><div>Foo Srl</div></span></button></li><li><button",
    )
    assert parse_page(with_company, ANA).person.company == "Foo Srl"


def test_follower_counts_in_several_ui_languages():
    from topofmind.linkedin.page import _parse_tree
    from topofmind.linkedin.profile import _followers_in

    for text, count in (
        ("4,812 followers", 4812),
        ("12 345 abonnés", 12345),
        ("1.388 seguidores", 1388),
        ("2.500 volgers", 2500),
        ("3K followers", 3000),
    ):
        doc = _parse_tree(f"<section><p>Ana Ruiz</p><p>{text}</p></section>".encode())
        assert _followers_in(doc) == count, text


def test_older_activity_top_card_found_by_its_class():
    html = """<main><div class="pv-recent-activity-top-card artdeco-card">
      <img class="pv-recent-activity-top-card__member-photo" alt="Ana Ruiz">
      <div class="pv-recent-activity-top-card__details"><h1>Ana Ruiz</h1>
       <h4>Head of Data at Foo</h4></div>
      <div class="pv-recent-activity-top-card__extra-info pv3 ph5"><p>3,210 followers</p></div>
    </div></main>"""
    person = parse_page(html, "https://www.linkedin.com/in/ana-ruiz/detail/recent-activity/").person
    assert person is not None
    assert (person.name, person.headline, person.followers, person.profile_url) == (
        "Ana Ruiz",
        "Head of Data at Foo",
        3210,
        ANA,
    )


def test_sdui_topcard_without_verification_trigger_beats_a_suggestion_rail():
    from pathlib import Path

    page = Path(__file__).resolve().parent / "pages" / "profile_sdui_variant_2026.html"
    html = page.read_text(encoding="utf-8").replace(
        'componentkey="ProfileVerificationTriggerRef-rob-gill-77"', 'componentkey="k9"'
    )
    html = html.replace(
        '<section aria-label="Primary content">',
        '<section aria-label="Primary content"><div><a href="https://www.linkedin.com/in/pymk-1/">'
        "<h2>Someone Suggested</h2></a></div>",
    )
    person = parse_page(html, "https://www.linkedin.com/in/rob-gill-77/").person
    assert (person.name, person.degree, person.location) == (
        "Rob Gill",
        1,
        "Kitchener, Ontario, Canada",
    )


def test_profile_saved_before_rendering_is_read_from_its_code_json():
    import json

    payload = {
        "data": {"*elements": ["urn:li:fsd_profile:ACoAAB1"]},
        "included": [
            {
                "$type": "com.linkedin.voyager.dash.identity.profile.Profile",
                "entityUrn": "urn:li:fsd_profile:ACoAAViewer",
                "firstName": "The",
                "lastName": "Viewer",
                "headline": "Not the member this page is about",
                "publicIdentifier": "the-viewer",
            },
            {
                "$type": "com.linkedin.voyager.dash.identity.profile.Profile",
                "entityUrn": "urn:li:fsd_profile:ACoAAB1",
                "firstName": "Ana",
                "lastName": "Ruiz",
                "headline": "Head of Data at Foo",
                "publicIdentifier": "ana-ruiz",
                "geoLocation": {"*geo": "urn:li:fsd_geo:1"},
                "*memberRelationship": "urn:li:fsd_memberRelationship:ACoAAB1",
            },
            {
                "$type": "com.linkedin.voyager.dash.common.Geo",
                "entityUrn": "urn:li:fsd_geo:1",
                "defaultLocalizedName": "Madrid, Community of Madrid, Spain",
            },
            {
                "entityUrn": "urn:li:fsd_memberRelationship:ACoAAB1",
                "memberRelationship": {"noConnection": {"memberDistance": "DISTANCE_3"}},
            },
        ],
    }
    html = (
        '<html><body><div id="app-boot-bg-loader"></div>'
        f"<code style='display: none'>{json.dumps(payload)}</code></body></html>"
    )
    person = parse_page(html, ANA).person
    assert person is not None
    assert (person.name, person.headline, person.location, person.degree) == (
        "Ana Ruiz",
        "Head of Data at Foo",
        "Madrid, Community of Madrid, Spain",
        3,
    )
    assert (person.public_id, person.title, person.company) == ("ana-ruiz", None, None)
    assert parse_page(html, "https://www.linkedin.com/in/someone-else/").person is None


DIALOG_OPEN = """<html><head><title>(3) Jane Doe | LinkedIn</title></head><body>
<div role="dialog" aria-modal="true"><h1>Jane Doe</h1><p>Contact info</p></div>
<main><section><h2>Jane Doe</h2><p>Head of Data at Acme</p></section></main></body></html>"""

DIALOG_ONLY = """<html><head><title>(3) Jane Doe | LinkedIn</title></head><body>
<div><div><div><div role="dialog"><h1>Jane Doe</h1><p>Sign in to see more</p></div></div></div>
</div></body></html>"""


def test_a_profile_saved_with_a_dialog_open_never_takes_its_headline_from_the_title():
    person = parse_page(DIALOG_OPEN, "https://www.linkedin.com/in/jane-doe/").person
    assert person is not None
    assert (person.name, person.headline) == ("Jane Doe", "Head of Data at Acme")
    only = parse_page(DIALOG_ONLY, "https://www.linkedin.com/in/jane-doe/").person
    assert only is None or only.headline is None


def test_json_ld_discussion_forum_postings_keep_their_text():
    html = """<html><head><script type="application/ld+json">{"@context": "http://schema.org",
    "@graph": [{"@type": "Person", "name": "Jane Doe", "url": "https://www.linkedin.com/in/jane-doe"},
    {"@type": "DiscussionForumPosting",
     "@id": "https://www.linkedin.com/posts/jane-doe_data-activity-7452446036029190144-AbCd",
     "url": "https://www.linkedin.com/posts/jane-doe_data-activity-7452446036029190144-AbCd",
     "text": "Shipping the new pipeline today.", "headline": "Shipping",
     "author": {"@type": "Person", "name": "Jane Doe",
                "url": "https://www.linkedin.com/in/jane-doe"}}]}</script></head>
    <body><h1>Jane Doe</h1></body></html>"""
    page = parse_page(html, "https://www.linkedin.com/in/jane-doe/")
    assert [p.text for p in page.posts] == ["Shipping the new pipeline today."]
    assert page.posts[0].urn == "urn:li:activity:7452446036029190144"


# A member's URL that no longer exists: LinkedIn answers with an error page at the same address.
NOT_FOUND_PAGES = [
    """<html lang="en"><head><title>Page Not Found | LinkedIn</title></head><body>
    <header><a href="/feed/">Home</a><a href="/in/viewer-me/">Me</a></header>
    <main><section class="artdeco-card"><img src="/404.svg" alt="">
    <h1>This page doesn’t exist</h1><p>Please check your URL or return to LinkedIn home.</p>
    <a href="/feed/">Go to your feed</a></section></main></body></html>""",
    """<html lang="pl"><body><main><div><div><div>
    <img alt="Nie znaleziono strony" src="/x.svg"><h1>Ta strona nie istnieje</h1>
    <p>Sprawdź adres URL lub wróć na stronę główną LinkedIn.</p>
    <a href="https://www.linkedin.com/">Wróć</a></div></div></div></main></body></html>""",
    """<html><head><title>LinkedIn</title></head><body><main><section>
    <h2>Something went wrong</h2><p>2 problems</p><button>Try again</button>
    </section></main></body></html>""",
]


@pytest.mark.parametrize("html", NOT_FOUND_PAGES)
def test_an_error_page_heading_is_never_a_persons_name(html):
    page = parse_page(html, "https://www.linkedin.com/in/gone-member-1a2b/")
    assert page.person is None
    assert page.kind == "profile"
    assert any("top card" in warning for warning in page.warnings)


@pytest.mark.parametrize(
    "card",
    [
        '<a href="/in/jane-doe/overlay/contact-info/">Contact info</a>',
        '<img alt="Jane Doe" src="/p.jpg">',
        "<span>· 2nd</span>",
        "<span>1,204 followers</span>",
        '<a href="/search/results/people/?connectionOf=x">500+ connections</a>',
    ],
)
def test_one_member_signal_is_enough_for_a_heading_in_any_era(card):
    html = (
        "<html><body><main><section><h1>Jane Doe</h1><div>Head of Data at Acme</div>"
        f"{card}</section></main></body></html>"
    )
    # A vanity id that does not spell the name: the card's own signal must carry it.
    person = parse_page(html, "https://www.linkedin.com/in/jd-4411/").person
    assert person is not None
    assert (person.name, person.headline) == ("Jane Doe", "Head of Data at Acme")


def _sdui_profile_with_experience(lang: str, heading: str, entry: str) -> str:
    return (
        f'<html lang="{lang}"><body><main>'
        '<section componentkey="com.linkedin.sdui.profile.card.Topcard"><h2>Jan Kowalski</h2>'
        "<p>Kierownik projektów w Acme</p></section>"
        f'<section componentkey="com.linkedin.sdui.profile.card.ref.Experience"><h2>{heading}</h2>'
        f"<ul>{entry}</ul></section></main></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "heading", "total", "first_dates"),
    [
        ("pl", "Doświadczenie", "Pełny etat · 5 lat 3 mies.", "lis 2021 – obecnie · 2 lata"),
        ("de", "Berufserfahrung", "Vollzeit · 5 J. 3 Mon.", "Nov. 2021 – heute · 2 J."),
        ("es", "Experiencia", "Jornada completa · 5 años 3 meses", "nov. 2021 - actualidad"),
        ("en", "Experience", "Full-time · 5 yrs 3 mos", "Nov 2021 - Present · 2 yrs"),
    ],
)
def test_a_grouped_experience_entry_gives_its_first_role_in_any_language(
    lang, heading, total, first_dates
):
    """A group's total tenure line ("5 lat 3 mies.") is not a role, whatever the language."""
    entry = (
        f"<li><p>Acme Polska</p><p>{total}</p><ul>"
        f"<li><p>Kierownik projektu</p><p>{first_dates}</p></li>"
        "<li><p>Analityk</p><p>2018 – 2021 · 3 lata</p></li></ul></li>"
    )
    html = _sdui_profile_with_experience(lang, heading, entry)
    person = parse_page(html, "https://www.linkedin.com/in/jan-kowalski/").person
    assert person is not None
    assert person.name == "Jan Kowalski"
    assert person.title == "Kierownik projektu"


@pytest.mark.parametrize(("lang", "heading"), [("en", "Experience"), ("pl", "Doświadczenie")])
def test_a_section_page_heading_is_not_the_members_name(lang, heading):
    html = (
        f'<html lang="{lang}"><body><main><section><div><h2>{heading}</h2></div><ul>'
        '<li><a href="https://www.linkedin.com/company/acme/">Acme</a><p>Analyst</p>'
        "<p>2019 – 2021</p></li></ul></section></main></body></html>"
    )
    url = "https://www.linkedin.com/in/jan-kowalski/details/experience/"
    page = parse_page(html, url)
    assert page.kind == "profile"
    assert page.person is None or page.person.name not in (heading, heading.lower())


def test_a_bare_heading_is_a_member_when_the_vanity_id_spells_it():
    html = (
        "<html><body><main><section><h1>Szymon Nędza</h1><div>Analityk danych</div>"
        "</section></main></body></html>"
    )
    person = parse_page(html, "https://www.linkedin.com/in/szymon-nedza-1a2b3c/").person
    assert person is not None
    assert (person.name, person.headline) == ("Szymon Nędza", "Analityk danych")
    assert parse_page(html, "https://www.linkedin.com/in/jd-4411/").person is None
