"""Profiles: the person a profile (or recent-activity) page is about.

Selectors and strategies (every source is read; earlier ones win field by field):
- JSON_LD_PERSON: JSON-LD ``Person`` (logged-out public profiles, any locale subdomain): name,
  ``jobTitle`` (first), ``worksFor`` (first), ``address``, follower count from the
  ``FollowAction`` InteractionCounter (exact, unlike the rounded "6K" on the page).
- NAME: the page's ``h1`` (2022–2024 Ember and public pages); the 2026 SDUI top card has no h1,
  so the ``h1``/``h2`` inside ``[componentkey^="ProfileVerificationTriggerRef"]``, falling back
  to the first ``h2`` inside a link to the profile itself.
- TOP_CARD: the nearest ``section`` around the name. Its text runs, in order, give the
  headline (first run after the name that is not pronouns or a degree badge), the degree badge
  ("1st"/"2nd"/"3rd+", "2nd degree connection"), mutual connections (strong names + "N other"),
  and the location (the run just before the ``/overlay/contact-info/`` link).
- COMPANY: ``[aria-label^="Current company: "]`` (2024), ``[aria-label="Current company"]``
  (2022), public ``.top-card__position-info``; SDUI: first part of the "Company · School" line.
- FOLLOWERS: "N followers" in the Activity section header (found by its ``#content_collections``
  / ``#recent_activity`` anchor or its heading) or the top card.
- TITLE: the first entry of the Experience section (``#experience`` anchor or heading); when the
  entry groups several roles at one company, its first role. Null when Experience is not loaded.
- ACTIVITY_TOP_CARD: ``#recent-activity-top-card`` (recent-activity pages): name, headline,
  "Followers N".
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from .dom import Element, attribute_values, select, xpath_elements
from .index import componentkeys, memoised
from .model import ParsedPerson
from .structured import (
    JsonObject,
    code_payloads,
    included_entities,
    interaction_count,
    json_ld,
    ld_type,
)
from .text import (
    degree_in,
    fold,
    in_dialog,
    is_mutual_sentence,
    mutual_connections,
    text_lines,
    visible_text,
    xp_class,
    xp_class_value,
)
from .urls import canonical_profile_url, public_id_from_url
from .vocabulary import social

# The section anchors of Ember profiles and the recent-activity top card.
_ANCHOR_IDS = ("content_collections", "recent_activity", "experience", "recent-activity-top-card")
# Every id value, filtered in Python: a predicate on each ``@id`` (``[.='experience' or …]``)
# costs libxml2 a fresh context and a string copy per id, more than handing all ids over
# (docs/parser.md, "Speed").
_IDS = etree.XPath("descendant-or-self::*/@id")
_ANCHOR_ID_SET = frozenset(_ANCHOR_IDS)
# Element lookups inside a card or section, stepping to the attribute (``*/@class[…]/..``):
# libxml2 then tests only the elements that carry it, where ``.//*[…]`` evaluated the predicate
# for every node of the subtree, text nodes included (docs/parser.md, "Speed").
_COLLECTION_ITEMS = etree.XPath(
    "descendant::*/@componentkey[starts-with(., 'entity-collection-item')]/.."
)
_EXPERIENCE_ITEM_TITLES = etree.XPath(
    f"descendant::*/@class[{xp_class_value('experience-item__title')}]/.."
)
_BOLDS = etree.XPath(f"descendant::*/@class[{xp_class_value('t-bold')}]/..")
_FIRST_SUBLINES = etree.XPath(
    f"descendant::*/@class[{xp_class_value('top-card-layout__first-subline')}]/.."
)
_CURRENT_COMPANY_LABELLED = etree.XPath(
    "descendant::*/@aria-label[starts-with(., 'Current company: ')]"
)
_CURRENT_COMPANY = etree.XPath("descendant::*/@aria-label[. = 'Current company']/..")
_POSITION_INFO = etree.XPath("descendant::*/@class[contains(., 'top-card__position-info')]/..")
_RIGHT_PANEL_LABELS = etree.XPath(
    "descendant::ul/@class[contains(., 'right-panel')]/../li/descendant::button/@aria-label"
)
_FIGURE_BUTTONS = etree.XPath("descendant::*/@role[. = 'button']/parent::*[descendant::figure]")
_PRONOUNS = re.compile(r"^\(?\s*[^\W\d_]{2,5}\s*/\s*[^\W\d_]{2,5}(?:\s*/\s*[^\W\d_]{2,5})?\s*\)?$")
_BADGE_WORDS = {"you", "verified", "premium", "influencer", "open to work", "·", "•"}
_ACTIVITY_HEADINGS = social.ACTIVITY_WORDS
_EXPERIENCE_HEADINGS = social.EXPERIENCE_WORDS
_SECTION_HEADINGS = _ACTIVITY_HEADINGS | _EXPERIENCE_HEADINGS
# SDUI section componentkeys end with the section's English name, whatever the UI language.
_SECTION_KEYS = ("activity", "experience")
_EDUCATION_LABELS = {
    "education",
    "formazione",
    "ausbildung",
    "formation",
    "educación",
    "formação acadêmica",
    "formação",
    "opleiding",
}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _first(value: object) -> object:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _ld_person(doc: Element) -> JsonObject:
    for item in json_ld(doc):
        if "Person" in ld_type(item) and item.get("name"):
            return item
        if "ProfilePage" in ld_type(item) and isinstance(item.get("mainEntity"), dict):
            entity: JsonObject = item["mainEntity"]
            return entity
    return {}


def _name_element(doc: Element, public_id: str | None = None) -> Element | None:
    # SDUI first: its verification trigger is specific to the top card (hashed pages may still
    # carry a stray h1 elsewhere); the member's own key wins when the URL names them.
    # The page's componentkeys (one attribute-existence pass, shared with the post parser)
    # say whether it is a server-driven page at all.
    keys = componentkeys(doc)
    sdui = bool(keys)
    triggers = [el for el, key in keys if key.startswith("ProfileVerificationTriggerRef")]
    if public_id:
        own = [t for t in triggers if t.get("componentkey", "").endswith("-" + public_id)]
        triggers = own + [t for t in triggers if t not in own]
    for el in triggers:
        for heading in xpath_elements(el, ".//h1|.//h2"):
            if visible_text(heading):
                return heading
    # SDUI top card without a verification trigger: the card's componentkey ends in "Topcard".
    topcards = [el for el, key in keys if "Topcard" in key] if sdui and not triggers else []
    for heading in [h for card in topcards[:1] for h in card.iter("h2")][:3]:
        if visible_text(heading):
            return heading
    for h1 in doc.iter("h1"):
        if visible_text(h1) and not in_dialog(h1):
            return h1
    for heading in xpath_elements(doc, "//a[contains(@href,'/in/')]//h2"):
        if visible_text(heading):
            return heading
    for section in xpath_elements(doc, "//main//section")[:1]:
        for heading in xpath_elements(section, ".//h1|.//h2"):
            if visible_text(heading):
                return heading
    return None


# Links only a member's top card holds: their contact info, company, school, connections.
_TITLE_COUNT = re.compile(r"^\(\d+\+?\)\s*")
_MEMBER_LINKS = ("/in/", "/overlay/", "/company/", "/school/", "/mynetwork/", "/search/results/")


def _in_sdui_top_card(doc: Element, name_el: Element) -> bool:
    """A heading inside an SDUI profile top card (its componentkey names it): a member."""
    for el, key in componentkeys(doc):
        if key.startswith("ProfileVerificationTriggerRef") or "Topcard" in key:
            if _inside(name_el, el):
                return True
    return False


def _ascii_words(text: str) -> set[str]:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return {word for word in re.split(r"[\W_]+", plain) if len(word) >= 2}


def _card_of_a_member(card: Element, name_el: Element, public_id: str | None = None) -> bool:
    """Whether the block around a heading shows a member, not an error or sign-in page: the
    URL's vanity id spelling the heading's words (``jane-doe-12`` for "Jane Doe"), a profile
    link, a degree badge, a follower count or a photo captioned with the heading. Any
    language: the URL, links, numbers and the heading's own text, no words."""
    if card is None:
        return False
    name = fold(visible_text(name_el))
    if public_id and name and _ascii_words(name) & _ascii_words(public_id):
        return True
    titles = name_el.getroottree().getroot().findall("head/title")
    if name and titles:
        # "(3) Jane Doe | LinkedIn": the page's title names the member the heading names.
        lead = _TITLE_COUNT.sub("", fold(titles[0].text).split(" | ")[0])
        if lead == name:
            return True
    for el in card.iter("a", "img"):
        if el.tag == "a":
            href = el.get("href") or ""
            if any(part in href for part in _MEMBER_LINKS):
                return True
        elif name and name in fold(el.get("alt")):
            return True
    for index, (_, text) in enumerate(text_lines(card)):
        if index >= 40:
            break
        if degree_in(text) is not None or social.followers_run(text) is not None:
            return True
    return False


def _top_card(name_el: Element) -> Element:
    node: Element | None = name_el
    while node is not None:
        if node.tag == "section":
            return node
        node = node.getparent()
    card = name_el
    for _ in range(6):
        parent = card.getparent()
        if parent is None:
            break
        card = parent
    return card


def _clean_name(text: str) -> str:
    """The name alone: pronouns "(She/Her)" and badges ("· 2nd", "• You") are not part of it."""
    text = fold(text)
    text = re.split(r"\s[•·]\s?", text, maxsplit=1)[0]
    text = re.sub(r"\s*\((?:[^\W\d_]{2,5}/){1,2}[^\W\d_]{2,5}\)\s*$", "", text)
    return fold(text)


def _degree(lines: list[str]) -> int | None:
    for text in lines:
        degree = degree_in(text)
        if degree is not None:
            return degree
    return None


def _mutuals(
    card: Element, lines: list[tuple[Element, str]] | None = None
) -> tuple[int | None, tuple[str, ...] | None]:
    """Mutual connections from the top card: a link (2024) or a text run (SDUI) naming them.

    ``lines``: the card's ``text_lines`` when the caller has read them already."""
    candidates = [el for el in card.iter("a") if is_mutual_sentence("".join(el.itertext()))]
    if not candidates:
        candidates = [
            el
            for el, text in (text_lines(card) if lines is None else lines)
            if is_mutual_sentence(text) and el.tag != "a"
        ][:1]
    for el in candidates:
        strong = [fold("".join(s.itertext())) for s in el.iter("strong")]
        # Ember shows the sentence in an aria-hidden span (beside its SR copy); an aria-hidden
        # avatar figure is no sentence.
        sentence = ""
        for sub in el.iter():
            if sub.get("aria-hidden") == "true":
                text = visible_text(sub)
                if is_mutual_sentence(text):
                    sentence = text
                    break
        sentence = sentence or visible_text(el)
        count, names = mutual_connections(sentence, strong)
        if count is not None:
            return count, names
    return None, None


def _with_id(doc: Element, value: str) -> list[Element]:
    """Elements whose ``id`` is ``value``, one of ``_ANCHOR_IDS`` (the parser keeps no id
    table, docs/parser.md "Speed": one lookup finds them all, once per page)."""
    found = memoised(doc, "anchor ids", _anchor_ids)
    return found.get(value, [])


def _anchor_ids(doc: Element) -> dict[str, list[Element]]:
    found: dict[str, list[Element]] = {}
    for value in attribute_values(_IDS, doc):
        if value in _ANCHOR_ID_SET:
            el = value.getparent()
            if el is not None:
                found.setdefault(str(value), []).append(el)
    return found


def _section_with_heading(
    doc: Element, anchors: tuple[str, ...], headings: frozenset[str]
) -> Element | None:
    node: Element | None
    for anchor in anchors:
        for el in _with_id(doc, anchor):
            node = el
            while node is not None and node.tag != "section":
                node = node.getparent()
            if node is not None:
                return node
    for heading in doc.iter("h2"):
        if social.fold(visible_text(heading)) in headings:
            node = heading
            while (
                node is not None
                and node.tag != "section"
                and not (node.get("componentkey") or "").lower().endswith(_SECTION_KEYS)
            ):
                node = node.getparent()
            if node is not None:
                return node
    return None


def _followers_in(
    el: Element | None, max_lines: int = 80, lines: list[tuple[Element, str]] | None = None
) -> int | None:
    """The first "N followers" (or "Followers" then "N") among a subtree's first text runs.

    ``lines``: the subtree's ``text_lines`` when the caller has read them already."""
    if el is None:
        return None
    previous = ""
    for index, (_, text) in enumerate(text_lines(el) if lines is None else lines):
        if index >= max_lines:
            break
        count = social.followers_run(text)
        if count is not None:
            return count
        if social.is_followers_word(previous):
            count = social.parse_number(text)
            if count is not None:
                return count
        if social.is_followers_word(text) and social.parse_number(previous) is not None:
            return social.parse_number(previous)
        previous = text
    return None


def _experience_title(doc: Element) -> str | None:
    section = _section_with_heading(doc, ("experience",), _EXPERIENCE_HEADINGS)
    if section is None:
        sections = [el for el in doc.iter("section") if el.get("data-section") == "experience"]
        section = sections[0] if sections else None
    if section is None:
        return None
    # SDUI renders entries as ``[componentkey^="entity-collection-item"]`` blocks, not <li>.
    items = list(section.iterdescendants("li")) or select(_COLLECTION_ITEMS, section)
    if not items:
        return None
    # Logged-out pages name the role in ``.experience-item__title``; some profiles blur it
    # ("******", class ``blur``): the page does not show the title, so it is unknown.
    for el in select(_EXPERIENCE_ITEM_TITLES, items[0])[:1]:
        cls = el.get("class") or ""
        return None if "blur" in cls.split() else (visible_text(el) or None)
    bolds = select(_BOLDS, items[0])[:12]
    if not bolds:
        return _first_role_by_dates(items[0])
    # A grouped entry (several roles at one company) shows the company in bold with a total
    # duration ("Full-time · 5 yrs 3 mos"); each role below it has its own dated caption.
    chosen = bolds[0]
    if not _dated_caption(bolds[0], items[0], bolds):
        for bold in bolds[1:]:
            if _dated_caption(bold, items[0], bolds):
                chosen = bold
                break
    for span in chosen.xpath(".//span[@aria-hidden='true']"):
        text = visible_text(span)
        if text:
            return text
    return visible_text(chosen) or None


def _first_role_by_dates(item: Element) -> str | None:
    """Without styling hints (SDUI): the first run followed closely by a dated caption.

    A single role reads "Title", "Company · Full-time", "Jan 2020 - Present"; a group of roles
    reads "Company", "Full-time · 5 yrs", "Title", "Nov 2021 - Present".
    """
    lines = [t for _, t in text_lines(item)][:30]
    for index, text in enumerate(lines):
        if _YEAR.search(text) or social.is_tenure(text):
            continue
        following = lines[index + 1 : index + 3]
        if any(_YEAR.search(t) for t in following):
            return text
    return None


def _inside(el: Element, root: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _dated_caption(bold: Element, item: Element, bolds: list[Element]) -> bool:
    """True when the runs after this bold line (up to the next bold) include a year."""
    lines = list(text_lines(item))
    start = None
    for index, (el, _) in enumerate(lines):
        node: Element | None = el
        while node is not None and node is not item:
            if node is bold:
                start = index
                break
            node = node.getparent()
        if start is not None:
            break
    if start is None:
        return False
    bold_text = visible_text(bold)
    others = [b for b in bolds if b is not bold]
    for el, text in lines[start + 1 : start + 6]:
        if text == bold_text:
            continue
        if any(_inside(el, other) for other in others):
            break
        if _YEAR.search(text):
            return True
    return False


def _company(card: Element, lines_after_headline: list[str]) -> str | None:
    for value in attribute_values(_CURRENT_COMPANY_LABELLED, card):
        label = value[len("Current company: ") :]
        return fold(label.split(". Click")[0]) or None
    for el in select(_CURRENT_COMPANY, card):
        return visible_text(el) or None
    for el in select(_POSITION_INFO, card):
        return visible_text(el) or None
    # Other UI languages label the same buttons in their words ("Azienda attuale: …"); the
    # company is the right-panel entry that is not the school.
    for value in attribute_values(_RIGHT_PANEL_LABELS, card):
        button = value.getparent()
        label = value.split(":", 1)[0].strip().lower()
        if button is not None and ":" in value and label not in _EDUCATION_LABELS:
            # visible_text skips controls, so read the button's children.
            return fold(" ".join(visible_text(child) for child in button)) or None
    if lines_after_headline and " · " in lines_after_headline[0]:
        return fold(lines_after_headline[0].split(" · ")[0]) or None
    # SDUI right column: logo-and-name buttons, the current company before the school. With a
    # single entry there is no telling which of the two it is.
    entries = [
        el
        for el in select(_FIGURE_BUTTONS, card)
        if next(el.iterdescendants("h1", "h2"), None) is None and visible_text(el)
    ]
    if len(entries) >= 2:
        return visible_text(entries[0]) or None
    return None


def _public_location(card: Element) -> str | None:
    """Logged-out top card: the first run of its first subline that holds no number.

    2023 pages put each item in ``.top-card__subline-item``; 2026 pages a bare ``span`` in
    ``.profile-info-subheader``. Follower and connection counts ("6K followers", "500+
    connections", any UI language) carry digits; a place name does not.
    """
    for sub in select(_FIRST_SUBLINES, card)[:1]:
        for _, text in text_lines(sub):
            if text not in ("·", "•") and not any(ch.isdigit() for ch in text):
                return text
    return None


def _link_of(el: Element, card: Element) -> Element | None:
    node: Element | None = el
    while node is not None and node is not card:
        if node.tag == "a":
            return node
        node = node.getparent()
    return None


def _location(card: Element, lines: list[tuple[Element, str]]) -> str | None:
    """The run before the contact-info link: found by its ``/overlay/contact-info/`` href, or —
    where a saved page lost the href — as the first link whose run is set off by a "·" after a
    run that reads like a place (no digits)."""
    for index, (el, _) in enumerate(lines):
        link = _link_of(el, card)
        if link is None:
            continue
        if "/overlay/contact-info" not in (link.get("href") or ""):
            separated = index >= 2 and lines[index - 1][1] in ("·", "•")
            place = lines[index - 2][1] if separated else ""
            if (
                not place
                or any(ch.isdigit() for ch in place)
                or _link_of(lines[index - 2][0], card) is not None
            ):
                continue
        for _, before in reversed(lines[:index]):
            if before in ("·", "•"):
                continue
            return before
        return None
    return None


def parse_profile(doc: Element, page_url: str | None) -> ParsedPerson | None:
    """The person a profile page shows, or None when nothing names a person."""
    ld = _ld_person(doc)
    name_el = _name_element(doc, public_id_from_url(page_url))
    if (
        name_el is not None
        and not ld
        and not _in_sdui_top_card(doc, name_el)
        and not _card_of_a_member(_top_card(name_el), name_el, public_id_from_url(page_url))
    ):
        name_el = None  # an error page ("This page doesn't exist") has a heading, no member
    if name_el is not None and social.fold(visible_text(name_el)) in _SECTION_HEADINGS:
        name_el = None  # a section page (/in/<id>/details/experience/) is headed by the section
    name = headline = company = location = None
    degree = mutual_count = None
    mutual_names = None
    followers = None
    lines_after_headline: list[str] = []
    card = None
    if name_el is not None:
        card = _top_card(name_el)
        name = _clean_name(visible_text(name_el))
        card_lines = list(text_lines(card))
        all_lines = [t for _, t in card_lines]
        # The runs after the name element (its own runs may carry pronouns or badges).
        last_name_run = -1
        for index, (el, _) in enumerate(card_lines):
            if _inside(el, name_el):
                last_name_run = index
        after = all_lines[last_name_run + 1 :]
        for index, text in enumerate(after):
            low = text.lower()
            if _PRONOUNS.match(text) or degree_in(text) is not None:
                continue
            if low in _BADGE_WORDS or low.startswith("view ") or text == name:
                continue
            headline = text
            lines_after_headline = after[index + 1 :]
            break
        degree = _degree(all_lines[:40])
        # The card's runs are read once (the top card is the largest text walk of a profile).
        mutual_count, mutual_names = _mutuals(card, card_lines)
        company = _company(card, lines_after_headline)
        location = _location(card, card_lines) or _public_location(card)
        followers = _followers_in(card, lines=card_lines)
    activity = _section_with_heading(
        doc, ("content_collections", "recent_activity"), _ACTIVITY_HEADINGS
    )
    section_followers = _followers_in(activity)
    if section_followers is not None and (followers is None or followers % 100 == 0):
        followers = section_followers
    title = _experience_title(doc)
    if ld:
        name = name or fold(ld.get("name")) or None
        job = _first(ld.get("jobTitle"))
        if isinstance(job, str) and fold(job):
            title = title or fold(job)
        works = _first(ld.get("worksFor"))
        if isinstance(works, dict) and fold(works.get("name")):
            company = company or fold(works.get("name"))
        address = ld.get("address")
        if isinstance(address, dict) and fold(address.get("addressLocality")):
            location = location or fold(address.get("addressLocality"))
        exact = interaction_count(ld.get("interactionStatistic"), "FollowAction")
        if exact is not None:
            followers = exact
    profile_url = canonical_profile_url(page_url)
    if profile_url is None:
        for candidate in (ld.get("url"), ld.get("sameAs")):
            if isinstance(candidate, str) and canonical_profile_url(candidate):
                profile_url = canonical_profile_url(candidate)
                break
    if profile_url is None and card is not None:
        for link in card.xpath(".//a[contains(@href,'/in/')]"):
            profile_url = canonical_profile_url(link.get("href"))
            if profile_url:
                break
    if not name:
        return None
    return ParsedPerson(
        name=name,
        headline=headline,
        title=title,
        company=company,
        location=location,
        public_id=public_id_from_url(profile_url),
        profile_url=profile_url,
        degree=degree,
        followers=followers,
        mutual_count=mutual_count,
        mutual_names=mutual_names,
    )


def parse_activity_owner(doc: Element, page_url: str | None) -> ParsedPerson | None:
    """The member whose recent-activity page this is (name, headline, followers)."""
    cards = _with_id(doc, "recent-activity-top-card") or doc.xpath(
        f"//*[{xp_class('pv-recent-activity-top-card')}]"
    )
    profile_url = canonical_profile_url(page_url)
    if not cards:
        return None
    card = cards[0]
    name_els = card.xpath(".//h3") or card.xpath(".//h1") or card.xpath(".//h2")
    name = visible_text(name_els[0]) if name_els else ""
    head_els = card.xpath(".//h4")
    headline = visible_text(head_els[0]) if head_els else None
    if not name:
        return None
    return ParsedPerson(
        name=_clean_name(name),
        headline=headline or None,
        public_id=public_id_from_url(profile_url),
        profile_url=profile_url,
        followers=_followers_in(card),
    )


def owner_from_links(doc: Element, page_url: str | None) -> ParsedPerson | None:
    """The page owner's name as a link to their own profile shows it ("Pablo Ferro commented on
    this"), outside the page header and navigation; None when no such link has a name."""
    profile_url = canonical_profile_url(page_url)
    if profile_url is None:
        return None
    for link in doc.xpath(
        "//a[contains(@href,'/in/')][not(ancestor::header) and not(ancestor::nav)]"
    ):
        if canonical_profile_url(link.get("href")) != profile_url:
            continue
        name = _clean_name(visible_text(link))
        if name and len(name) <= 80 and not name.lower().startswith("view "):
            return ParsedPerson(
                name=name, public_id=public_id_from_url(profile_url), profile_url=profile_url
            )
    return None


_DISTANCE = {"DISTANCE_1": 1, "DISTANCE_2": 2, "DISTANCE_3": 3}


def profile_from_json(doc: Element, page_url: str | None) -> ParsedPerson | None:
    """The member a profile URL names, from the Voyager JSON in ``<code>`` elements.

    For a page saved before LinkedIn rendered it (no top card in the DOM). Only the entity
    whose ``publicIdentifier`` is the URL's id counts: the same payloads carry the viewer and
    people from side rails. Name, headline, location (its ``Geo`` entity) and degree
    (``memberDistance``); the rest stays null.
    """
    public_id = public_id_from_url(page_url)
    if public_id is None:
        return None
    entities = included_entities(code_payloads(doc, must_contain="publicIdentifier"))
    by_urn = {e.get("entityUrn"): e for e in entities if isinstance(e.get("entityUrn"), str)}
    for entity in entities:
        ident = entity.get("publicIdentifier")
        if not isinstance(ident, str) or ident.lower() != public_id:
            continue
        name = fold(f"{entity.get('firstName') or ''} {entity.get('lastName') or ''}")
        if not name:
            continue
        headline = entity.get("headline")
        location = None
        geo = entity.get("geoLocation")
        if isinstance(geo, dict):
            place = by_urn.get(geo.get("*geo")) or {}
            location = place.get("defaultLocalizedName")
        location = location or entity.get("locationName")
        degree = None
        relation = by_urn.get(entity.get("*memberRelationship")) or {}
        union = relation.get("memberRelationship") if isinstance(relation, dict) else None
        if isinstance(union, dict):
            if union.get("connection"):
                degree = 1
            elif isinstance(union.get("noConnection"), dict):
                degree = _DISTANCE.get(union["noConnection"].get("memberDistance"))
        return ParsedPerson(
            name=name,
            headline=fold(headline) or None if isinstance(headline, str) else None,
            location=fold(location) or None if isinstance(location, str) else None,
            public_id=public_id,
            profile_url=canonical_profile_url(page_url),
            degree=degree,
        )
    return None
