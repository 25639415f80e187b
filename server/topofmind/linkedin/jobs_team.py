"""The hiring team of a posting: the people of its "Meet the hiring team" section, and no one else.

Selectors and strategies:
- SECTION: Ember's ``.hirer-card__hirer-information`` cards (2022–2026; the section is their
  nearest ancestor with a heading), the 2020–21 ``.jobs-poster`` card, the logged-out
  ``.message-the-recruiter`` block, an SDUI ``componentkey``/``data-sdui-component`` naming the
  hiring team or job poster; else a heading reading "Meet the hiring team" in any UI language
  (vocabulary) and the block under it. "People you can reach out to", alumni and "people
  you know" blocks are other sections and are never read.
- MEMBER: the section's ``/in/`` links grouped by canonical profile URL; a member's card is
  the largest ancestor of their first link holding no other member's link.
- FIELDS: the name is the first shown run inside the member's links (not "View …'s profile",
  not a degree badge); the degree the first badge run ("3rd", "• 2nd"); the role the
  ``hirer-card__job-poster`` run or a "Job poster" badge in any language; the headline the
  first other run after the name (mutual-connection sentences are not headlines).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .dom import Element
from .jobs_text import inside, runs, shown_text
from .model import ParsedHiringMember
from .text import DEGREE_INLINE, degree_in, fold, is_mutual_sentence
from .urls import canonical_profile_url
from .vocabulary import jobs as words

if TYPE_CHECKING:
    from .jobs import JobAnchors

_VIEW_PROFILE = re.compile(r"^View .+?(?:’|')s?\s+(?:verified\s+)?profile", re.IGNORECASE)
_BADGES = {"·", "•", "premium", "verified", "you", "message", "follow"}
_MAX_MEMBERS = 20


def _with_heading(el: Element, root: Element) -> Element:
    """The nearest ancestor of ``el`` (not above ``root``) that holds a heading."""
    node: Element | None = el
    while node is not None and node is not root:
        if next(node.iterdescendants("h2", "h3"), None) is not None:
            return node
        node = node.getparent()
    return el


def _section(root: Element, anchors: JobAnchors) -> Element | None:
    """The hiring-team section inside ``root`` (a page or a search's side pane), or None."""
    for el in anchors.team:
        if not inside(el, root):
            continue
        if "hirer-card" in (el.get("class") or ""):
            return _with_heading(el, root)
        return el
    # Section headings are h2 in every layout seen; h3s are result and similar-job titles.
    for heading in anchors.headings:
        if heading.tag != "h2" or not inside(heading, root):
            continue
        if words.is_hiring_team_heading(shown_text(heading)):
            node = heading.getparent()
            while node is not None and node is not root and not _profile_links(node):
                node = node.getparent()
            return node
    return None


def _profile_links(root: Element) -> list[tuple[Element, str]]:
    links = []
    for link in root.iter("a"):
        url = canonical_profile_url(link.get("href"))
        if url is not None:
            links.append((link, url))
    return links


def _member_card(
    first_link: Element, url: str, section: Element, links: list[tuple[Element, str]]
) -> Element:
    """The largest ancestor of ``first_link`` below the section (so never the section's own
    heading) that holds no other member's link."""
    node = first_link
    while True:
        parent = node.getparent()
        if parent is None or parent is section or not inside(parent, section):
            return node
        if any(other != url and inside(link, parent) for link, other in links):
            return node
        node = parent


def _is_badge(text: str) -> bool:
    return degree_in(text) is not None or fold(text).lower() in _BADGES


def _member(card: Element, own_links: list[Element], url: str) -> ParsedHiringMember | None:
    lines = list(runs(card, buttons=False))
    # Logged-out cards put the name only in a screen-reader copy inside the link and show it
    # as the card's title: then the first shown run of the card is the name.
    if not any(inside(el, link) for el, _text in lines for link in own_links):
        own_links = [card]
    name = None
    degree = None
    role = None
    after_name: list[tuple[Any, str]] = []
    for el, text in lines:
        if name is None:
            if not any(inside(el, link) for link in own_links):
                continue
            if _is_badge(text) or _VIEW_PROFILE.match(text):
                continue
            name, _, badge = text.partition(" •")
            name = fold(name)
            badge_match = DEGREE_INLINE.search("•" + badge) if badge else None
            if badge_match:
                degree = int(badge_match.group(1))
            continue
        if text == name or _VIEW_PROFILE.match(text):
            continue
        after_name.append((el, text))
    if not name:
        return None
    headline = None
    for el, text in after_name:
        if degree is None and degree_in(text) is not None:
            degree = degree_in(text)
            continue
        if _is_badge(text):
            continue
        if role is None and (
            "job-poster" in (el.get("class") or "") or words.is_job_poster_badge(text)
        ):
            role = text
            continue
        if headline is None and not is_mutual_sentence(text):
            headline = text
    return ParsedHiringMember(
        name=name, headline=headline, profile_url=url, role=role, degree=degree
    )


def parse_hiring_team(root: Element, anchors: JobAnchors) -> list[ParsedHiringMember]:
    """The members of the posting's hiring team shown under ``root``, in page order."""
    section = _section(root, anchors)
    if section is None:
        return []
    links = _profile_links(section)
    groups: dict[str, list[Element]] = {}
    for link, url in links:
        if url not in groups and len(groups) >= _MAX_MEMBERS:
            break
        groups.setdefault(url, []).append(link)
    members = []
    for url, group in groups.items():
        card = _member_card(group[0], url, section, links)
        member = _member(card, [link for link in group if inside(link, card)], url)
        if member is not None:
            members.append(member)
    return members
