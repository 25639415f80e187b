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

from .model import ParsedPerson
from .structured import interaction_count, json_ld, ld_type
from .text import fold, mutual_connections, parse_count, text_lines, visible_text, xp_class
from .urls import canonical_profile_url, public_id_from_url

_PRONOUNS = re.compile(r"^\(?\s*[^\W\d_]{2,5}\s*/\s*[^\W\d_]{2,5}(?:\s*/\s*[^\W\d_]{2,5})?\s*\)?$")
_DEGREE = re.compile(r"^(?:[·•]\s*)?(1st|2nd|3rd)\+?$")
_DEGREE_LONG = re.compile(r"\b(1st|2nd|3rd)\+?\s+degree\s+connection", re.IGNORECASE)
_FOLLOWERS = re.compile(r"^(\d[\d,.\u00a0]*\s*[KkMm]?)\s+followers?$", re.IGNORECASE)
_BADGE_WORDS = {"you", "verified", "premium", "influencer", "open to work", "·", "•"}
_ACTIVITY_HEADINGS = {"activity", "attività", "aktivität", "activité", "actividad", "atividade"}
_EXPERIENCE_HEADINGS = {"experience", "esperienza", "berufserfahrung", "expérience", "experiencia"}
_DEGREE_VALUE = {"1st": 1, "2nd": 2, "3rd": 3}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Full-time · 5 yrs 3 mos": a group's total, not a role.
_DURATION = re.compile(r"\b\d+\s+(?:yrs?|mos?|years?|months?)\b", re.IGNORECASE)


def _first(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _ld_person(doc) -> dict:
    for item in json_ld(doc):
        if "Person" in ld_type(item) and item.get("name"):
            return item
        if "ProfilePage" in ld_type(item) and isinstance(item.get("mainEntity"), dict):
            return item["mainEntity"]
    return {}


def _name_element(doc, public_id: str | None = None):
    # SDUI first: its verification trigger is specific to the top card (hashed pages may still
    # carry a stray h1 elsewhere); the member's own key wins when the URL names them.
    triggers = doc.xpath("//*[starts-with(@componentkey,'ProfileVerificationTriggerRef')]")
    if public_id:
        own = [t for t in triggers if t.get("componentkey", "").endswith("-" + public_id)]
        triggers = own + [t for t in triggers if t not in own]
    for el in triggers:
        for heading in el.xpath(".//h1|.//h2"):
            if visible_text(heading):
                return heading
    for h1 in doc.iter("h1"):
        if visible_text(h1):
            return h1
    for heading in doc.xpath("//a[contains(@href,'/in/')]//h2"):
        if visible_text(heading):
            return heading
    for section in doc.xpath("//main//section")[:1]:
        for heading in section.xpath(".//h1|.//h2"):
            if visible_text(heading):
                return heading
    return None


def _top_card(name_el):
    node = name_el
    while node is not None:
        if node.tag == "section":
            return node
        node = node.getparent()
    node = name_el
    for _ in range(6):
        if node.getparent() is None:
            break
        node = node.getparent()
    return node


def _clean_name(text: str) -> str:
    """The name alone: pronouns "(She/Her)" and badges ("· 2nd", "• You") are not part of it."""
    text = fold(text)
    text = re.split(r"\s[•·]\s?", text, maxsplit=1)[0]
    text = re.sub(r"\s*\((?:[^\W\d_]{2,5}/){1,2}[^\W\d_]{2,5}\)\s*$", "", text)
    return fold(text)


def _degree(lines: list[str]) -> int | None:
    for text in lines:
        match = _DEGREE.match(text) or _DEGREE_LONG.search(text)
        if match:
            return _DEGREE_VALUE[match.group(1).lower()]
    return None


def _mutuals(card) -> tuple[int | None, tuple[str, ...] | None]:
    """Mutual connections from the top card: a link (2024) or a text run (SDUI) naming them."""
    candidates = [
        el for el in card.iter("a") if "mutual connection" in fold("".join(el.itertext())).lower()
    ]
    if not candidates:
        candidates = [
            el
            for el, text in text_lines(card)
            if "mutual connection" in text.lower() and el.tag != "a"
        ][:1]
    for el in candidates:
        strong = [fold("".join(s.itertext())) for s in el.iter("strong")]
        shown = [sub for sub in el.iter() if sub.get("aria-hidden") == "true"]
        sentence = visible_text(shown[0]) if shown else visible_text(el)
        count, names = mutual_connections(sentence, strong)
        if count is not None:
            return count, names
    return None, None


def _section_with_heading(doc, anchors: tuple[str, ...], headings: set[str]):
    for anchor in anchors:
        for el in doc.xpath(f"id('{anchor}')"):
            node = el
            while node is not None and node.tag != "section":
                node = node.getparent()
            if node is not None:
                return node
    for heading in doc.iter("h2"):
        if visible_text(heading).lower() in headings:
            node = heading
            while (
                node is not None
                and node.tag != "section"
                and not (node.get("componentkey") or "").lower().endswith(tuple(headings))
            ):
                node = node.getparent()
            if node is not None:
                return node
    return None


def _followers_in(el, max_lines: int = 80) -> int | None:
    """The first "N followers" (or "Followers" then "N") among a subtree's first text runs."""
    if el is None:
        return None
    previous = ""
    for index, (_, text) in enumerate(text_lines(el)):
        if index >= max_lines:
            break
        match = _FOLLOWERS.match(text)
        if match:
            return parse_count(match.group(1))
        if previous.lower() == "followers":
            count = parse_count(text)
            if count is not None:
                return count
        if text.lower() in ("followers", "follower") and parse_count(previous) is not None:
            return parse_count(previous)
        previous = text
    return None


def _experience_title(doc) -> str | None:
    section = _section_with_heading(doc, ("experience",), _EXPERIENCE_HEADINGS)
    if section is None:
        return None
    items = section.xpath(".//li")
    if not items:
        return None
    bolds = items[0].xpath(f".//*[{xp_class('t-bold')}]")[:12]
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


def _first_role_by_dates(item) -> str | None:
    """Without styling hints (SDUI): the first run followed closely by a dated caption.

    A single role reads "Title", "Company · Full-time", "Jan 2020 - Present"; a group of roles
    reads "Company", "Full-time · 5 yrs", "Title", "Nov 2021 - Present".
    """
    lines = [t for _, t in text_lines(item)][:30]
    for index, text in enumerate(lines):
        if _YEAR.search(text) or _DURATION.search(text):
            continue
        following = lines[index + 1 : index + 3]
        if any(_YEAR.search(t) for t in following):
            return text
    return None


def _inside(el, root) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _dated_caption(bold, item, bolds) -> bool:
    """True when the runs after this bold line (up to the next bold) include a year."""
    lines = list(text_lines(item))
    start = None
    for index, (el, _) in enumerate(lines):
        node = el
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


def _company(card, lines_after_headline: list[str]) -> str | None:
    for el in card.xpath(".//*[starts-with(@aria-label,'Current company: ')]"):
        label = el.get("aria-label")[len("Current company: ") :]
        return fold(label.split(". Click")[0]) or None
    for el in card.xpath(".//*[@aria-label='Current company']"):
        return visible_text(el) or None
    for el in card.xpath(".//*[contains(@class,'top-card__position-info')]"):
        return visible_text(el) or None
    if lines_after_headline and " · " in lines_after_headline[0]:
        return fold(lines_after_headline[0].split(" · ")[0]) or None
    return None


def _public_location(card) -> str | None:
    for el in card.xpath(".//*[contains(@class,'top-card__subline-item')]"):
        text = visible_text(el)
        low = text.lower()
        if text and "follower" not in low and "connection" not in low:
            return text
    return None


def _location(card, lines: list) -> str | None:
    for index, (el, _) in enumerate(lines):
        node = el
        link = None
        while node is not None and node is not card:
            if node.tag == "a" and "/overlay/contact-info" in (node.get("href") or ""):
                link = node
                break
            node = node.getparent()
        if link is None:
            continue
        for _, before in reversed(lines[:index]):
            if before in ("·", "•"):
                continue
            return before
        return None
    return None


def parse_profile(doc, page_url: str | None) -> ParsedPerson | None:
    """The person a profile page shows, or None when nothing names a person."""
    ld = _ld_person(doc)
    name_el = _name_element(doc, public_id_from_url(page_url))
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
            if _PRONOUNS.match(text) or _DEGREE.match(text) or _DEGREE_LONG.search(text):
                continue
            if low in _BADGE_WORDS or low.startswith("view ") or text == name:
                continue
            headline = text
            lines_after_headline = after[index + 1 :]
            break
        degree = _degree(all_lines[:40])
        mutual_count, mutual_names = _mutuals(card)
        company = _company(card, lines_after_headline)
        location = _location(card, card_lines) or _public_location(card)
        followers = _followers_in(card)
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


def parse_activity_owner(doc, page_url: str | None) -> ParsedPerson | None:
    """The member whose recent-activity page this is (name, headline, followers)."""
    cards = doc.xpath("id('recent-activity-top-card')")
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
