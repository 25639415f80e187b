"""Job searches (kind ``job_search``): the result cards, and the posting open in the side pane.

Selectors and strategies:
- CARDS: Ember ``li[data-occludable-job-id]`` (2022–2026; LinkedIn renders only the cards near
  the viewport, the rest are empty ``li``s that still carry the id, listed by id alone) and
  ``.job-card-container[data-job-id]`` (older lists without the wrapper); logged-out
  ``[data-entity-urn="urn:li:jobPosting:<id>"]`` cards. Without any of these (a layout not
  seen yet, e.g. server-driven lists), the list items of ``main`` that link to one posting
  (``/jobs/view/<id>`` or ``?currentJobId=<id>``) outside the side pane.
- CARD_FIELDS: the card's shown runs, screen-reader copies ("… with verification") left out:
  title (the first run), company (the next), location (the next that reads like a place; a
  "(Hybrid)" suffix dropped), posted time (a ``<time>`` run or a posted-time phrase).
- PANE: Ember ``.jobs-search__job-details`` / ``.scaffold-layout__detail``, logged-out
  ``.details-pane__content``; read by ``jobs.parse_posting`` with the pane as its root (its own
  title element first, then its ``h1``). The open posting's id comes from the pane itself,
  then the URL's ``currentJobId``.
"""

from __future__ import annotations

import re

from .dom import Element
from .jobs import JobAnchors, parse_posting
from .jobs_text import inside, runs
from .model import ParsedJob, ParsedJobCard
from .urls import canonical_job_url, job_id_from_url, job_id_from_urn
from .vocabulary import jobs as words

MAX_RESULTS = 500
_MAX_CARD_RUNS = 12
_CURRENCY = re.compile(r"[$€£¥₹₩₽]|/(?:hr|yr|h|mo)\b", re.I)


def _card_id(el: Element) -> str | None:
    value = str(el.get("data-occludable-job-id") or el.get("data-job-id") or "")
    if value.isdigit():
        return value
    return job_id_from_urn(el.get("data-entity-urn"))


def _fallback_cards(doc: Element, panes: list[Element]) -> list[tuple[str, Element]]:
    """List items in ``main`` linking to exactly one posting, outside the side pane."""
    main = doc.find(".//main")
    if main is None:
        return []
    found: list[tuple[str, Element]] = []
    for item in main.iter("li"):
        if any(inside(item, pane) for pane in panes):
            continue
        ids = {job_id_from_url(a.get("href")) for a in item.iter("a")} - {None}
        if len(ids) == 1:
            found.append((ids.pop(), item))  # type: ignore[arg-type]
    return found


def _looks_like_place(text: str) -> bool:
    return (
        len(text) <= 100
        and _CURRENCY.search(text) is None
        and not words.is_posted_time(text)
        and not words.mentions_applicants(text)
    )


def _card(job_id: str, root: Element) -> ParsedJobCard:
    texts: list[str] = []
    posted = None
    for count, (el, text) in enumerate(runs(root, buttons=False)):
        if el.tag == "time" or words.is_posted_time(text):
            posted = posted or text
            continue
        if text not in texts:
            texts.append(text)
        if count >= _MAX_CARD_RUNS:
            break  # title, company, location and the time come first; the rest is insights
    title = texts[0] if texts else None
    company = texts[1] if len(texts) > 1 else None
    location = None
    if len(texts) > 2 and _looks_like_place(texts[2]):
        location, _kind = words.split_workplace_suffix(texts[2])
    return ParsedJobCard(
        job_id=job_id,
        url=canonical_job_url(job_id),
        title=title,
        company=company,
        location=location,
        posted_relative=posted,
    )


def parse_results(doc: Element, anchors: JobAnchors) -> list[ParsedJobCard]:
    """Every result of a job search, once each, in page order (at most ``MAX_RESULTS``)."""
    candidates = [(card_id, el) for el in anchors.cards if (card_id := _card_id(el))]
    if not candidates:
        candidates = _fallback_cards(doc, anchors.panes)
    results: dict[str, ParsedJobCard] = {}
    for card_id, el in candidates:
        if card_id in results or any(inside(el, pane) for pane in anchors.panes):
            continue
        if len(results) >= MAX_RESULTS:
            break
        results[card_id] = _card(card_id, el)
    return list(results.values())


def parse_open_posting(doc: Element, anchors: JobAnchors, url: str | None) -> ParsedJob | None:
    """The posting open in a search's side pane, or None when no pane shows one."""
    panes = [
        pane
        for pane in anchors.panes
        if not any(inside(pane, p) for p in anchors.panes if p is not pane)
    ]
    for pane in panes:
        posting = parse_posting(doc, anchors, url, root=pane, url_first=False)
        if posting is not None:
            return posting
    # No known pane: only a top card found by its own class (never a result card's heading).
    return parse_posting(doc, anchors, url, url_first=False, headings=False)
