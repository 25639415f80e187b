"""People lists: people search results, the Connections list, mutual-connection lists.

Selectors and strategies:
- PROFILE_LINKS: ``a[href*="/in/"]`` outside ``header``/``nav``/``aside``/``footer``, grouped by
  canonical profile URL in page order. No class names are used, so the 2024 Ember search
  results (``reusable-search__result-container``) and the 2026 SDUI Connections list
  (``[componentkey^="ConnectionCard"]``, hashed classes, any UI language) parse alike.
- CARD: the largest ancestor of a person's first link that holds no link to another person.
- FIELDS: the card's shown text runs in order: name (first run inside the person's link, minus
  "View …’s profile" and degree badges), headline (next run that is not a badge or pronouns),
  location (the run after the headline when it reads like a place: no digits, no colon), degree
  badge ("• 2nd"), mutual connections (a run naming "mutual connection(s)").
"""

from __future__ import annotations

import re

from .model import ParsedPerson
from .text import fold, parse_count, text_lines
from .urls import canonical_profile_url, public_id_from_url

PROFILE_LINKS = (
    "//a[contains(@href,'/in/')][not(ancestor::header) and not(ancestor::nav) "
    "and not(ancestor::aside) and not(ancestor::footer)]"
)
_DEGREE = re.compile(r"^(?:[·•]\s*)?(1st|2nd|3rd)\+?$")
_DEGREE_LONG = re.compile(r"\b(1st|2nd|3rd)\+?\s+degree\s+connection", re.IGNORECASE)
_PRONOUNS = re.compile(r"^\(?\s*[^\W\d_]{2,5}\s*/\s*[^\W\d_]{2,5}\s*\)?$")
_VIEW_PROFILE = re.compile(r"^View .+?(?:’|')s?\s+profile$", re.IGNORECASE)
_OTHER = re.compile(r"(\d[\d,]*)\s+other", re.IGNORECASE)
_MUTUAL_ONLY = re.compile(r"(\d[\d,]*)\s+mutual\s+connection", re.IGNORECASE)
_DEGREE_VALUE = {"1st": 1, "2nd": 2, "3rd": 3}
_MAX_PEOPLE = 500


def _is_badge(text: str) -> bool:
    low = text.lower()
    return bool(
        _DEGREE.match(text)
        or _DEGREE_LONG.search(text)
        or _PRONOUNS.match(text)
        or low in {"·", "•", "premium", "verified", "influencer", "you"}
        or low.startswith("status is")
    )


def _looks_like_place(text: str) -> bool:
    return (
        len(text) <= 80
        and not any(ch.isdigit() for ch in text)
        and ":" not in text
        and "mutual" not in text.lower()
    )


def _card_for(link, url: str):
    node = link
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main", "ul", "ol"):
            return node
        others = {
            canonical_profile_url(href)
            for href in parent.xpath(".//a[contains(@href,'/in/')]/@href")
        }
        others.discard(None)
        if others - {url}:
            return node
        node = parent


def _inside(el, root) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _person(card, links: list, url: str) -> ParsedPerson | None:
    lines = list(text_lines(card))
    name = None
    name_index = -1
    for index, (el, text) in enumerate(lines):
        if not any(_inside(el, link) for link in links):
            continue
        if _is_badge(text) or _VIEW_PROFILE.match(text):
            continue
        name, name_index = text, index
        break
    if not name:
        return None
    rest = [t for _, t in lines[name_index + 1 :] if t != name and not _VIEW_PROFILE.match(t)]
    degree = None
    headline = location = None
    mutual_count = None
    mutual_names = None
    for text in lines_text(lines):
        match = _DEGREE.match(text) or _DEGREE_LONG.search(text)
        if match:
            degree = _DEGREE_VALUE[match.group(1).lower()]
            break
    remaining = [t for t in rest if not _is_badge(t)]
    if remaining and "mutual" not in remaining[0].lower():
        headline = remaining[0]
        if len(remaining) > 1 and _looks_like_place(remaining[1]):
            location = remaining[1]
    for el, text in lines:
        if "mutual connection" not in text.lower():
            continue
        names = []
        for strong in el.iter("strong"):
            value = fold("".join(strong.itertext()))
            if value and value not in names:
                names.append(value)
        other = _OTHER.search(text)
        if names:
            mutual_count = len(names) + ((parse_count(other.group(1)) or 0) if other else 0)
        else:
            only = _MUTUAL_ONLY.search(text)
            mutual_count = parse_count(only.group(1)) if only else None
        mutual_names = tuple(names)
        break
    return ParsedPerson(
        name=name,
        headline=headline,
        location=location,
        public_id=public_id_from_url(url),
        profile_url=url,
        degree=degree,
        mutual_count=mutual_count,
        mutual_names=mutual_names,
    )


def lines_text(lines):
    return (text for _, text in lines)


def parse_people(doc, exclude_url: str | None = None) -> list[ParsedPerson]:
    """Everyone a list page shows, once each, in page order."""
    groups: dict[str, list] = {}
    for link in doc.xpath(PROFILE_LINKS):
        url = canonical_profile_url(link.get("href"))
        if url is None or url == exclude_url:
            continue
        groups.setdefault(url, []).append(link)
        if len(groups) > _MAX_PEOPLE:
            break
    people = []
    for url, links in groups.items():
        card = _card_for(links[0], url)
        links_in_card = [link for link in links if _inside(link, card)]
        person = _person(card, links_in_card, url)
        if person is not None:
            people.append(person)
    return people
