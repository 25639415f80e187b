"""Profile top cards in the DOM eras LinkedIn has used, as small hand-written pages."""

from __future__ import annotations

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
