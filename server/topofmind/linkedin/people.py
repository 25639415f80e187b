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
from .text import (
    DEGREE_INLINE,
    degree_in,
    fold,
    is_mutual_sentence,
    mutual_connections,
    text_lines,
    visible_text,
)
from .urls import canonical_profile_url, public_id_from_url

PROFILE_LINKS = (
    "//a[contains(@href,'/in/')][not(ancestor::header) and not(ancestor::nav) "
    "and not(ancestor::aside) and not(ancestor::footer)]"
)
_PRONOUNS = re.compile(r"^\(?\s*[^\W\d_]{2,5}\s*/\s*[^\W\d_]{2,5}\s*\)?$")
_VIEW_PROFILE = re.compile(r"^View .+?(?:’|')s?\s+profile$", re.IGNORECASE)
_MAX_PEOPLE = 500


def _is_badge(text: str) -> bool:
    low = text.lower()
    return bool(
        degree_in(text) is not None
        or _PRONOUNS.match(text)
        or low in {"·", "•", "premium", "verified", "influencer", "you"}
        or low.startswith("status is")
    )


def _looks_like_place(text: str) -> bool:
    return (
        len(text) <= 80
        and not any(ch.isdigit() for ch in text)
        and ":" not in text
        and not is_mutual_sentence(text)
    )


_MULTI = object()
_STOP_TAGS = ("body", "html", "main", "ul", "ol")


def _mark_ancestors(links: list[tuple[object, str]]) -> dict:
    """Each ancestor of a profile link → the one profile under it, or ``_MULTI``.

    One upward walk per link that stops where an earlier walk already passed, so a whole list
    costs about one pass over its ancestors (a per-person subtree search was quadratic).
    """
    marks: dict = {}
    for link, url in links:
        node = link
        while node is not None:
            seen = marks.get(node)
            if seen is None:
                marks[node] = url
            elif seen is _MULTI or seen == url:
                break
            else:
                marks[node] = _MULTI
            node = node.getparent()
    return marks


def _card_for(link, url: str, marks: dict):
    """The largest ancestor of ``link`` that holds no other person's link."""
    node = link
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in _STOP_TAGS or marks.get(parent) != url:
            return node
        node = parent


def _inside(el, root) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _in_time(el, card) -> bool:
    node = el
    while node is not None and node is not card:
        if node.tag == "time":
            return True
        node = node.getparent()
    return False


def _person(card, links: list, url: str) -> ParsedPerson | None:
    lines = list(text_lines(card))
    name = None
    name_index = -1
    degree = None
    for index, (el, text) in enumerate(lines):
        if not any(_inside(el, link) for link in links):
            continue
        if _is_badge(text) or _VIEW_PROFILE.match(text):
            continue
        # The 2025+ layout prints "Jane Doe • 2nd" as one run: the badge is not the name.
        name, _, badge = text.partition(" •")
        name = fold(name)
        badge_match = DEGREE_INLINE.search("•" + badge) if badge else None
        if badge_match:
            degree = int(badge_match.group(1))
        name_index = index
        break
    if not name:
        return None
    # A <time> run is when the connection was made ("Connected 3 days ago"), never a place.
    rest = [
        t
        for el, t in lines[name_index + 1 :]
        if t != name and not _VIEW_PROFILE.match(t) and not _in_time(el, card)
    ]
    if degree is None:
        for text in rest[:4]:
            degree = degree_in(text)
            if degree is not None:
                break
    headline = location = None
    remaining = [t for t in rest if not _is_badge(t)]
    if remaining and not is_mutual_sentence(remaining[0]):
        headline = remaining[0]
        if len(remaining) > 1 and _looks_like_place(remaining[1]):
            location = remaining[1]
    mutual_count = None
    mutual_names = None
    for el, text in lines:
        if not is_mutual_sentence(text):
            continue
        strong = _named_in(el)
        mutual_count, mutual_names = mutual_connections(visible_text(el), strong)
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


def _named_in(sentence) -> list[str]:
    """The people a mutual-connection sentence names: bold names, else linked ones."""
    names = [fold("".join(s.itertext())) for s in sentence.iter("strong")]
    if not names:
        names = [
            fold("".join(a.itertext()))
            for a in sentence.iter("a")
            if "/in/" in (a.get("href") or "")
        ]
    return [n for n in names if n]


def _inline_mention(link) -> bool:
    """A profile link inside a sentence ("Jane, <a>Bo</a> & 3 other mutual connections"), not a
    card: the sentence's own words (its direct text, not its children's) say "mutual"."""
    if link.find(".//p") is not None or link.find(".//div") is not None:
        return False
    parent = link.getparent()
    nearby = [link.tail]
    if parent is not None:
        nearby.append(parent.text)
        nearby.append(parent.tail)
        nearby.extend(child.tail for child in parent)
    return is_mutual_sentence(" ".join(t for t in nearby if t))


def parse_people(doc, exclude_url: str | None = None) -> list[ParsedPerson]:
    """Everyone a list page shows, once each, in page order (at most ``_MAX_PEOPLE``)."""
    groups: dict[str, list] = {}
    links: list[tuple[object, str]] = []
    for link in doc.xpath(PROFILE_LINKS):
        url = canonical_profile_url(link.get("href"))
        if url is None or url == exclude_url or _inline_mention(link):
            continue
        if url not in groups and len(groups) >= _MAX_PEOPLE:
            break
        groups.setdefault(url, []).append(link)
        links.append((link, url))
    marks = _mark_ancestors(links)
    people = []
    for url, group in groups.items():
        card = _card_for(group[0], url, marks)
        person = _person(card, [link for link in group if _inside(link, card)], url)
        if person is not None:
            people.append(person)
    return people
