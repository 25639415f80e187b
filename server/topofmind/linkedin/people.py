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

from .dom import Element
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
from .vocabulary import social

# Page chrome: a profile link inside one of these is never a person of the list.
_CHROME = ("header", "nav", "aside", "footer")
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


# A mark for an ancestor of links to more than one profile.
_MULTI = object()
_STOP_TAGS = ("body", "html", "main", "ul", "ol")


def _mark_ancestors(links: list[tuple[Element, str]]) -> dict[Element, object]:
    """Each ancestor of a profile link → the one profile under it, or ``_MULTI``.

    One upward walk per link that stops where an earlier walk already passed, so a whole list
    costs about one pass over its ancestors (a per-person subtree search was quadratic).
    """
    marks: dict[Element, object] = {}
    for link, url in links:
        node: Element | None = link
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


def _card_for(link: Element, url: str, marks: dict[Element, object]) -> Element:
    """The largest ancestor of ``link`` that holds no other person's link."""
    node = link
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in _STOP_TAGS or marks.get(parent) != url:
            return node
        node = parent


def _inside(el: Element, root: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _in_time(el: Element, card: Element) -> bool:
    node: Element | None = el
    while node is not None and node is not card:
        if node.tag == "time":
            return True
        node = node.getparent()
    return False


_INLINE_TAGS = frozenset(
    {"a", "span", "strong", "b", "em", "i", "small", "abbr", "bdi", "bdo", "u", "mark", "label"}
)
# The "N other mutual connections" link of a mutual line opens a search of the shared
# connections: ``connectionOf`` (SDUI) or ``facetConnectionOf`` (Ember) in its query.
_SHARED_SEARCH = ("connectionOf=", "ConnectionOf=", "SHARED_CONNECTIONS")


def _is_shared_search(a: Element) -> bool:
    href = a.get("href") or ""
    return "/search/results/" in href and any(key in href for key in _SHARED_SEARCH)


def _shared_search_link(block: Element) -> Element | None:
    for a in block.iter("a"):
        if _is_shared_search(a):
            return a
    return None


_BLOCK_CHILDREN = frozenset({"p", "div", "ul", "ol", "li", "section", "article", "h1", "h2", "h3"})


class _MutualLines:
    """The mutual-connection sentence a text run or link belongs to, if any (memoised).

    The sentence is the run's own element or an inline ancestor, or the block that holds it when
    that block holds no other blocks: a card's whole body is never taken for one sentence."""

    def __init__(self) -> None:
        self._seen: dict[Element, bool] = {}

    def _is_mutual(self, el: Element) -> bool:
        known = self._seen.get(el)
        if known is None:
            # The words are looked for in all of the element's text (itertext runs in C);
            # a screen-reader copy of a mutual sentence is a mutual sentence too.
            known = _shared_search_link(el) is not None or is_mutual_sentence(
                "".join(el.itertext())
            )
            self._seen[el] = known
        return known

    def sentence(self, el: Element) -> Element | None:
        node: Element | None = el
        while node is not None:
            if node.tag not in _INLINE_TAGS:
                if any(child.tag in _BLOCK_CHILDREN for child in node):
                    return None
                return node if self._is_mutual(node) else None
            if self._is_mutual(node):
                return node
            node = node.getparent()
        return None


def _is_mention(link: Element, mutual_lines: _MutualLines) -> bool:
    """A profile link inside a mutual-connection sentence, not a card of its own."""
    # (ElementPath's ``find(".//p")`` costs five times a libxml2 descendant step.)
    if next(link.iterdescendants("p", "div"), None) is not None:
        return False
    parent = link.getparent()
    return parent is not None and mutual_lines.sentence(parent) is not None


def _person(
    card: Element, links: list[Element], url: str, mutual_lines: _MutualLines
) -> ParsedPerson | None:
    lines = list(text_lines(card))
    # Every element inside the person's links, for O(1) tests: climbing from each run to the
    # root once per link cost more than the rest of the card.
    in_links = {node for link in links for node in link.iter()}
    name = None
    name_index = -1
    degree = None
    for index, (el, text) in enumerate(lines):
        if el not in in_links:
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
    mutual_block = None
    rest = []
    # Where the profile link wraps the card's paragraphs, the headline and place are inside
    # it; a run outside is an insight ("Politechnika Gdańska": a school in common).
    name_el = lines[name_index][0]
    wraps = name_el in in_links and any(
        _inside(name_el, link) and next(link.iterdescendants("p", "div"), None) is not None
        for link in links
    )
    roots = _mutual_roots(card, lines, mutual_lines)
    for el, text in lines[name_index + 1 :]:
        root = _root_of(el, card, roots) if roots else None
        if root is not None:
            mutual_block = mutual_block if mutual_block is not None else root
            continue
        if wraps and el not in in_links:
            continue
        # A <time> run is when the connection was made ("Connected 3 days ago"), never a
        # place; a run inside another link is a control ("Connect", "Message").
        if text == name or _VIEW_PROFILE.match(text) or _in_time(el, card):
            continue
        if _in_other_link(el, card, url) or social.is_current_snippet(text):
            continue
        rest.append(text)
    if degree is None:
        for text in rest[:4]:
            degree = degree_in(text)
            if degree is not None:
                break
    headline = location = None
    remaining = [t for t in rest if not _is_badge(t)]
    if remaining:
        headline = remaining[0]
        if len(remaining) > 1 and _looks_like_place(remaining[1]):
            location = remaining[1]
    mutual_count, mutual_names = (
        _mutuals(mutual_block) if mutual_block is not None else (None, None)
    )
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


def _mutual_roots(
    card: Element, lines: list[tuple[Element, str]], mutual_lines: _MutualLines
) -> list[Element]:
    """The card's mutual-connection sentences, each taken whole: found from the runs that say
    "mutual" in some language and from the shared-connections search links."""
    anchors = [el for el, text in lines if is_mutual_sentence(text)]
    anchors.extend(a for a in card.iter("a") if _is_shared_search(a))
    roots: list[Element] = []
    for anchor in anchors:
        sentence = mutual_lines.sentence(anchor)
        if sentence is not None:
            root = _widest(sentence, card, mutual_lines)
            if root not in roots:
                roots.append(root)
    return roots


def _root_of(el: Element, card: Element, roots: list[Element]) -> Element | None:
    node: Element | None = el
    while node is not None and node is not card:
        if node in roots:
            return node
        node = node.getparent()
    return None


def _widest(sentence: Element, card: Element, mutual_lines: _MutualLines) -> Element:
    """The whole mutual sentence: a run inside it ("4 other mutual connections" in its link)
    widens to the inline ancestors that still read as one."""
    node = sentence
    while True:
        parent = node.getparent()
        if parent is None or parent is card or mutual_lines.sentence(parent) is not parent:
            return node
        node = parent


def _in_other_link(el: Element, card: Element, url: str) -> bool:
    node: Element | None = el
    while node is not None and node is not card:
        if node.tag == "a":
            return canonical_profile_url(node.get("href")) != url
        node = node.getparent()
    return False


def _mutuals(block: Element) -> tuple[int | None, tuple[str, ...] | None]:
    """Count and names of a mutual-connection sentence: the people it links (or sets in
    bold), plus the others its shared-connections link (or its words) count."""
    shared = _shared_search_link(block)
    names = []
    for a in block.iter("a"):
        if a is not shared and canonical_profile_url(a.get("href")) is not None:
            names.append(visible_text(a))
    if not names:
        names = [
            fold("".join(s.itertext()))
            for s in block.iter("strong")
            if shared is None or not _inside(s, shared)
        ]
    names = [n for n in names if n]
    if shared is not None and names:
        others = social.parse_number(_leading_number(visible_text(shared)))
        if others is not None:
            unique = tuple(dict.fromkeys(names))
            return len(unique) + others, unique
    count, found = mutual_connections(visible_text(block), names)
    return count, found


def _leading_number(text: str) -> str:
    match = re.search(r"\d[\d,.\u00a0\u202f ]*", text)
    return match.group(0).strip() if match else ""


def _profile_links(doc: Element) -> list[Element]:
    """PROFILE_LINKS: every ``a`` whose href holds "/in/", outside the page chrome, in page
    order. libxml2 filters the tags; the chrome's own links are set aside first (the XPath
    ``//a[contains(@href,'/in/')][not(ancestor::header) and …]`` climbed four ancestor axes per
    link and cost three times as much, docs/parser.md "Speed")."""
    chrome = {a for box in doc.iter(*_CHROME) for a in box.iter("a")}
    return [a for a in doc.iter("a") if "/in/" in (a.get("href") or "") and a not in chrome]


def parse_people(doc: Element, exclude_url: str | None = None) -> list[ParsedPerson]:
    """Everyone a list page shows, once each, in page order (at most ``_MAX_PEOPLE``).

    A person linked inside another card's mutual-connection sentence is not a row."""
    mutual_lines = _MutualLines()
    groups: dict[str, list[Element]] = {}
    links: list[tuple[Element, str]] = []
    for link in _profile_links(doc):
        url = canonical_profile_url(link.get("href"))
        if url is None or url == exclude_url or _is_mention(link, mutual_lines):
            continue
        if url not in groups and len(groups) >= _MAX_PEOPLE:
            break
        groups.setdefault(url, []).append(link)
        links.append((link, url))
    marks = _mark_ancestors(links)
    people = []
    for url, group in groups.items():
        card = _card_for(_common_ancestor(group), url, marks)
        if marks.get(card) != url:
            card = _card_for(group[0], url, marks)
        person = _person(card, [link for link in group if _inside(link, card)], url, mutual_lines)
        if person is not None:
            people.append(person)
    return people


def _common_ancestor(elements: list[Element]) -> Element:
    first = elements[0]
    chain: list[Element] = []
    node: Element | None = first
    while node is not None:
        chain.append(node)
        node = node.getparent()
    best = 0
    for el in elements[1:]:
        ancestors = set()
        node = el
        while node is not None:
            ancestors.add(node)
            node = node.getparent()
        while chain[best] not in ancestors:
            best += 1
    return chain[best]
