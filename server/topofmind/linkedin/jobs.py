"""Job postings: the posting a job page shows (kind ``job``), or a job search's side pane.

Selectors and strategies (structure, ids and embedded JSON before words; words come from
``vocabulary/jobs.py`` in any UI language):
- TITLE: the top card's title element by class (Ember ``job-details-jobs-unified-top-card__
  job-title`` 2024–26, ``jobs-unified-top-card__job-title`` 2021–23, ``jobs-details-top-card__
  job-title`` 2020; logged-out ``top-card-layout__title``), else the first ``h1`` in ``main``;
  the 2026 SDUI page has no heading, so its title is the first run of ``main`` equal to the
  title part of ``<title>`` ("Title | Company | LinkedIn").
- TOP_CARD: the largest ancestor of the title that stays inside its ``section`` and holds no
  other ``h2`` (the next module's heading), no description and no hiring team.
- META_RUNS: the top card's shown text runs after the title, pills (buttons) included, split
  at "·"/"•": the posted time ("1 day ago", "hace 19 horas"), applicants ("41 applicants";
  "people clicked apply" is not a count), workplace and employment types (vocabulary, as the
  fixed English words), and the location: the first other run before the posted time, its
  "(Hybrid)" suffix read as the workplace type.
- COMPANY: the first ``/company/`` (or ``/showcase/``) link of the top card with text, else the
  Ember/guest company-name element, else the company part of ``<title>``.
- EASY_APPLY: a top-card control labelled Easy Apply in any language, or Ember's apply button
  carrying LinkedIn's own icon (``data-test-icon^="linkedin-bug"``); never the similar-jobs cards.
- DESCRIPTION: Ember ``#job-details`` / ``.jobs-description__content``, SDUI
  ``[componentkey^="JobDetails_AboutTheJob"]`` (its ``expandable-text-box``), logged-out
  ``.show-more-less-html__markup`` / ``.description__text``, JSON-LD ``description``; else the
  block after an "About the job" heading. Paragraphs are kept as lines; "…more" is dropped.
- JOB_ID: the URL's ``/jobs/view/[slug-]<id>`` on a job page; else the top card's own
  attributes and links (``data-job-id``, ``/jobs/view/<id>``), SDUI ``componentkey``
  ``JobDetails_…_<id>``, logged-out ``data-semaphore-content-urn``, ``lnkd:url``/canonical,
  ``referenceJobId=``, the URL's ``currentJobId``, Voyager ``*jobsDashJobPostingsById``.
- JSON: when the DOM leaves the workplace or employment type unknown (an interface language
  the vocabulary lacks), the Voyager ``JobPosting`` entity of this job id
  (``*jobWorkplaceTypes`` → ``urn:li:fsd_workplaceType:1|2|3``, ``*employmentStatus`` →
  ``FULL_TIME``…) or JSON-LD ``JobPosting`` (``employmentType``, ``jobLocationType``).
- HIRING_TEAM: ``jobs_team.parse_hiring_team`` (its section only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from .dom import Element
from .jobs_team import parse_hiring_team
from .jobs_text import block_text, inside, runs, shown_text
from .model import ParsedJob
from .structured import code_payloads, included_entities, json_ld, ld_type
from .text import fold, parse_count
from .urls import (
    canonical_author_url,
    canonical_job_url,
    job_id_from_url,
    job_id_from_urn,
)
from .vocabulary import jobs as words

TITLE_CLASSES = (
    "job-details-jobs-unified-top-card__job-title",
    "jobs-unified-top-card__job-title",
    "jobs-details-top-card__job-title",
    "top-card-layout__title",
    "topcard__title",
)
COMPANY_CLASSES = (
    "job-details-jobs-unified-top-card__company-name",
    "jobs-unified-top-card__company-name",
    "jobs-details-top-card__company-url",
    "topcard__org-name-link",
)
DESCRIPTION_CLASSES = (
    "jobs-description__content",
    "jobs-box__html-content",
    "show-more-less-html__markup",
    "description__text",
)
PANE_CLASSES = (
    "jobs-search__job-details",
    "scaffold-layout__detail",
    "jobs-search-two-pane__details",
    "two-pane-serp-page__detail-view",
    "details-pane__content",
)
HIRING_TEAM_CLASSES = ("hirer-card__hirer-information", "message-the-recruiter", "jobs-poster")

_SEPARATORS = re.compile(r"\s*[·•]\s*")
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*")
_CURRENCY = re.compile(r"[$€£¥₹₩₽]|/(?:hr|yr|h|mo)\b|\b(?:USD|EUR|GBP|PLN|CHF)\b", re.I)
_NOTIFICATIONS = re.compile(r"^\(\d+\+?\)\s*")
# "Similar jobs" links name the posting they are similar to: ?referenceJobId=<this posting>.
_REFERENCE_ID = re.compile(r"[?&]referenceJobId=(\d{6,20})")
_MAX_DESCRIPTION = 40_000


@dataclass
class JobAnchors:
    """What one pass over the elements found: title, company, description, hiring-team,
    result-card and side-pane elements, and elements carrying a job id."""

    titles: list[Element] = field(default_factory=list)
    companies: list[Element] = field(default_factory=list)
    descriptions: list[Element] = field(default_factory=list)
    sdui_descriptions: list[Element] = field(default_factory=list)
    team: list[Element] = field(default_factory=list)
    cards: list[Element] = field(default_factory=list)
    panes: list[Element] = field(default_factory=list)
    id_holders: list[Element] = field(default_factory=list)
    h1s: list[Element] = field(default_factory=list)
    headings: list[Element] = field(default_factory=list)
    criteria: list[Element] = field(default_factory=list)


_CLASS_GROUPS = {
    "titles": TITLE_CLASSES,
    "companies": COMPANY_CLASSES,
    "descriptions": DESCRIPTION_CLASSES,
    "team": HIRING_TEAM_CLASSES,
    "panes": PANE_CLASSES,
    "criteria": ("job-criteria-item", "job-criteria__item"),
    "cards": ("job-card-container",),
}
_ANCHOR_CLASSES = re.compile(
    "|".join(
        f"(?P<{group}>{'|'.join(re.escape(name) for name in names)})"
        for group, names in _CLASS_GROUPS.items()
    )
)


def _maybe_anchor_class(cls: str) -> bool:
    """A cheap first test every anchor class passes (most class attributes fail it)."""
    return (
        "top-card" in cls
        or "topcard__" in cls
        or "description__" in cls
        or "html" in cls
        or "hirer-card" in cls
        or "recruiter" in cls
        or "jobs-poster" in cls
        or "__detail" in cls
        or "details-pane" in cls
        or "criteria" in cls
        or "job-card-container" in cls
    )


_SCAN_TAGS = (
    "div",
    "section",
    "article",
    "li",
    "a",
    "span",
    "p",
    "h1",
    "h2",
    "h3",
    "button",
    "main",
)
_ANCHOR_ATTRIBUTES = frozenset(
    {
        "componentkey",
        "data-sdui-component",
        "data-occludable-job-id",
        "data-entity-urn",
        "data-job-id",
        "data-semaphore-content-urn",
    }
)


def _class_groups(cls: str) -> tuple[str, ...]:
    """The anchor groups a class attribute files its element in (a result card's class does
    not count: a card is known by its job id attribute, see ``scan``)."""
    # Every anchor class has a "-"; the SDUI pages' hashed classes ("_29bfc5c9") none.
    if "-" not in cls or not _maybe_anchor_class(cls):
        return ()
    groups = {match.lastgroup for match in _ANCHOR_CLASSES.finditer(cls) if match.lastgroup}
    groups.discard("cards")
    return tuple(groups)


_CLASS_GROUPS_SEEN: dict[str, tuple[str, ...]] = {}
_MAX_CLASS_GROUPS_SEEN = 8192


def scan(doc: Element) -> JobAnchors:
    """One pass over the elements of ``main`` (the whole page without one), filing each anchor
    the job parsers use.

    Everything a job page shows lives in ``main`` (the extension keeps only it when it trims a
    large page), and no anchor is an icon, image, form control or inline text element, so the
    pass skips those tags in C and reads each remaining element's attribute names once.
    """
    found = JobAnchors()
    wanted = _ANCHOR_ATTRIBUTES
    # A page repeats its class attributes (about three elements share each), and pages of one
    # era share most of them, so each distinct value is tested once (bounded: the values come
    # from the pages read).
    class_groups = _CLASS_GROUPS_SEEN
    if len(class_groups) > _MAX_CLASS_GROUPS_SEEN:
        class_groups.clear()
    root = next(doc.iter("main"), None)
    top = doc if root is None else root
    # Headings by libxml2's tag filter: reading every element's tag in Python cost more.
    found.h1s.extend(top.iter("h1"))
    found.headings.extend(top.iter("h2", "h3"))
    for el in top.iter(*_SCAN_TAGS):
        names = el.keys()
        if not names:
            continue
        cls = el.get("class")
        if cls is not None:
            groups = class_groups.get(cls)
            if groups is None:
                groups = class_groups[cls] = _class_groups(cls)
            for group in groups:
                getattr(found, group).append(el)
            if len(names) == 1:
                continue  # a class alone: no id, no anchor attribute
        if "id" in names and el.get("id") == "job-details":
            found.descriptions.append(el)
        if wanted.isdisjoint(names):
            continue
        _file_by_attribute(found, el, names)
    return found


def _file_by_attribute(found: JobAnchors, el: Element, names: list[str]) -> None:
    key = el.get("componentkey")
    if key and key.startswith("JobDetails"):
        found.id_holders.append(el)
        if key.startswith("JobDetails_AboutTheJob"):
            found.sdui_descriptions.append(el)
    component = el.get("data-sdui-component") or key
    if component:
        lowered = component.lower()
        if "hiringteam" in lowered or "jobposter" in lowered:
            found.team.append(el)
    if "data-occludable-job-id" in names:
        found.cards.append(el)
    elif "data-entity-urn" in names:
        if "jobPosting:" in (el.get("data-entity-urn") or ""):
            found.cards.append(el)
    elif "data-job-id" in names:
        found.id_holders.append(el)
        if "job-card-container" in (el.get("class") or ""):
            found.cards.append(el)
    elif "data-semaphore-content-urn" in names:
        found.id_holders.append(el)


# Title and top card ---------------------------------------------------------------------------


def _page_title_parts(doc: Element) -> tuple[str | None, str | None]:
    """Title and company from a logged-in page's ``<title>``: "(3) Title | Company | LinkedIn"."""
    head = doc.find("head")
    element = head.find("title") if head is not None else None
    text = _NOTIFICATIONS.sub("", fold(element.text if element is not None else None))
    parts = [part.strip() for part in text.split(" | ")]
    if len(parts) < 3 or parts[-1] != "LinkedIn" or not all(parts):
        return None, None
    return " | ".join(parts[:-2]), parts[-2]


def _main(root: Element) -> Element:
    found = root.find(".//main") if root.tag != "main" else root
    return found if found is not None else root


def find_title(
    root: Element, anchors: JobAnchors, doc: Element, *, headings: bool = True
) -> Element | None:
    """The element holding the posting's title inside ``root`` (the page or a side pane)."""
    for el in anchors.titles:
        if inside(el, root) and shown_text(el):
            return el
    if not headings:
        return None
    main = _main(root)
    for h1 in anchors.h1s:
        if inside(h1, main) and shown_text(h1):
            return h1
    title, _company = _page_title_parts(doc)
    if title:
        for el, text in runs(main, buttons=False):
            if text == title:
                return el
    return None


def _in_modal(el: Element, stop: Element) -> bool:
    """True inside a dialog: logged-out top cards carry "Sign in to …" modals with headings."""
    node: Element | None = el
    while node is not None and node is not stop:
        if node.get("role") == "dialog" or "modal" in (node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _other_heading(parent: Element, title_el: Element) -> bool:
    for heading in parent.iter("h2", "article"):
        if heading is title_el or inside(heading, title_el) or _in_modal(heading, parent):
            continue
        return True
    return False


def top_card(title_el: Element, anchors: JobAnchors) -> Element:
    """The largest ancestor of the title that is still the posting's top card."""
    stops = [*anchors.descriptions, *anchors.sdui_descriptions, *anchors.team]
    node = title_el
    while True:
        if node.tag == "section":
            return node
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "main"):
            return node
        if _other_heading(parent, title_el) or any(inside(stop, parent) for stop in stops):
            return node
        node = parent


@dataclass
class _Facts:
    location: str | None = None
    posted: str | None = None
    applicants: int | None = None
    workplace: str | None = None
    employment: str | None = None


def _applicant_count(text: str) -> int | None:
    match = _NUMBER.search(text)
    return parse_count(match.group(0).strip()) if match else None


def read_meta(card: Element, title_el: Element, title: str, company: str | None) -> _Facts:
    """Posted time, applicants, workplace and employment types and location from the runs of
    the top card after its title."""
    facts = _Facts()
    seen_meta = False
    after = False
    for el, text in runs(card):
        if facts.posted and facts.workplace and facts.employment and facts.location:
            break  # the rest of the card is buttons and insights
        if not after:
            after = inside(el, title_el)
            continue
        if inside(el, title_el):
            continue
        for token in _SEPARATORS.split(text):
            token = token.strip(" ,")
            if not token or token in (title, company):
                continue
            if words.is_posted_time(token):
                facts.posted = facts.posted or token
                seen_meta = True
            elif words.mentions_applicants(token) and len(token.split()) <= 7:
                if facts.applicants is None:
                    facts.applicants = _applicant_count(token)
                seen_meta = True
            elif words.is_click_count(token):
                seen_meta = True
            elif (kind := words.workplace_type(token)) is not None:
                facts.workplace = facts.workplace or kind
            elif (kind := words.employment_type(token)) is not None:
                facts.employment = facts.employment or kind
            elif facts.location is None and not seen_meta and _looks_like_place(token):
                place, kind = words.split_workplace_suffix(token)
                facts.location = place
                facts.workplace = facts.workplace or kind
    return facts


def _looks_like_place(text: str) -> bool:
    return len(text) <= 100 and _CURRENCY.search(text) is None and ":" not in text


def _company(card: Element, anchors: JobAnchors, doc: Element) -> tuple[str | None, str | None]:
    for link in card.iter("a"):
        href = link.get("href") or ""
        if "/company/" not in href and "/showcase/" not in href:
            continue
        name = shown_text(link)
        if name:
            return name, canonical_author_url(href)
    for el in anchors.companies:
        if inside(el, card):
            name = shown_text(el)
            if name:
                link_href = el.get("href") if el.tag == "a" else None
                return name, canonical_author_url(link_href) if link_href else None
    return _page_title_parts(doc)[1], None


def _easy_apply(card: Element) -> bool:
    for control in card.iter("button", "a"):
        label = control.get("aria-label") or ""
        if words.is_easy_apply(label) or words.is_easy_apply(shown_text(control)):
            return True
        if "jobs-apply-button" in (control.get("class") or ""):
            for icon in control.iter("svg"):
                if (icon.get("data-test-icon") or "").startswith("linkedin-bug"):
                    return True
    return False


def criteria_employment(root: Element, anchors: JobAnchors) -> str | None:
    """The employment type of a logged-out posting's criteria list (header + value items):
    the item headed "Employment type" in any language, else the second item (LinkedIn's
    fixed order: seniority, employment type, function, industries), else any later match."""
    items = []
    for item in anchors.criteria:
        if not inside(item, root):
            continue
        texts = [text for _el, text in runs(item, buttons=False)]
        if len(texts) >= 2:
            items.append((texts[0], words.employment_type(" ".join(texts[1:]))))
    for header, value in items:
        if value and words.is_employment_type_header(header):
            return value
    if len(items) > 1 and items[1][1]:
        return items[1][1]
    return next((value for _header, value in items[1:] if value), None)


# Description ----------------------------------------------------------------------------------


def _description_rank(el: Element) -> int:
    """Most specific container first: ``#job-details``, then DESCRIPTION_CLASSES in order."""
    if el.get("id") == "job-details":
        return -1
    cls = el.get("class") or ""
    return next((i for i, name in enumerate(DESCRIPTION_CLASSES) if name in cls), 99)


def _drop_heading(text: str, container: Element) -> str:
    """The description without its own "About the job" heading line."""
    first, _, rest = text.partition("\n")
    if rest and (words.is_about_the_job(first) or _leading_heading(container) == first):
        return rest
    return text


def _leading_heading(container: Element) -> str | None:
    for child in container:
        if isinstance(child.tag, str) and child.tag in ("h1", "h2", "h3"):
            return shown_text(child)
        if isinstance(child.tag, str) and shown_text(child):
            return None
    return None


def description(root: Element, anchors: JobAnchors, doc: Element) -> str | None:
    """The posting's description as lines of text, or None."""
    for el in anchors.sdui_descriptions:
        if inside(el, root):
            box = next((b for b in el.iter() if b.get("data-testid") == "expandable-text-box"), el)
            text = _drop_heading(block_text(box), box)
            if text:
                return text[:_MAX_DESCRIPTION]
    for el in sorted(anchors.descriptions, key=_description_rank):
        if inside(el, root):
            text = _drop_heading(block_text(el), el)
            if text:
                return text[:_MAX_DESCRIPTION]
    for heading in anchors.headings:
        if inside(heading, root) and words.is_about_the_job(shown_text(heading)):
            parent = heading.getparent()
            if parent is not None:
                text = _drop_heading(block_text(parent), parent)
                if text:
                    return text[:_MAX_DESCRIPTION]
    posting = _ld_posting(doc)
    html = posting.get("description") if posting else None
    if isinstance(html, str) and html.strip():
        try:
            return block_text(lxml.html.fragment_fromstring(html, create_parent="div"))[
                :_MAX_DESCRIPTION
            ]
        except (ValueError, TypeError):
            return fold(html)[:_MAX_DESCRIPTION]
    return None


# Job id ----------------------------------------------------------------------------------------


def _id_from_element(el: Element) -> str | None:
    value = str(el.get("data-job-id") or "")
    if value.isdigit():
        return value
    key = el.get("componentkey") or ""
    if key.startswith("JobDetails"):
        tail = key.rsplit("_", 1)[-1]
        if tail.isdigit():
            return tail
    return job_id_from_urn(el.get("data-semaphore-content-urn"))


def job_id(
    card: Element,
    root: Element,
    anchors: JobAnchors,
    doc: Element,
    url: str | None,
    url_first: bool,
) -> str | None:
    """The posting's LinkedIn job id (see JOB_ID in the module docstring)."""
    from_url = job_id_from_url(url) if url else None
    if url_first and url and "/jobs/view/" in url and from_url:
        return from_url
    for el in card.iter():
        found = _id_from_element(el) if el.attrib else None
        if found:
            return found
        href = el.get("href") if el.tag == "a" else None
        if href and "/jobs/view/" in href:
            found = job_id_from_url(href)
            if found:
                return found
    for el in anchors.id_holders:
        if inside(el, root) and not any(inside(el, card_el) for card_el in anchors.cards):
            found = _id_from_element(el)
            if found:
                return found
    head = doc.find("head")
    if head is not None:
        for meta in head:
            if meta.tag == "meta" and meta.get("property") == "lnkd:url":
                found = job_id_from_url(meta.get("content"))
                if found:
                    return found
            if meta.tag == "link" and meta.get("rel") == "canonical":
                found = job_id_from_url(meta.get("href"))
                if found:
                    return found
    if from_url:
        return from_url
    for link in _main(root).iter("a"):
        match = _REFERENCE_ID.search(link.get("href") or "")
        if match:
            return match.group(1)
    for payload in code_payloads(doc, must_contain="*jobsDashJobPostingsById"):
        data = payload.get("data")
        inner = data.get("data") if isinstance(data, dict) else None
        ref = inner.get("*jobsDashJobPostingsById") if isinstance(inner, dict) else None
        found = job_id_from_urn(ref if isinstance(ref, str) else None)
        if found:
            return found
    return None


# Embedded JSON fallbacks ----------------------------------------------------------------------


def _ld_posting(doc: Element) -> dict[str, Any]:
    for item in json_ld(doc):
        if "JobPosting" in ld_type(item):
            return item
    return {}


def _enum_tail(value: object) -> str | None:
    if isinstance(value, str) and value:
        return value.rsplit(":", 1)[-1].upper()
    return None


def json_types(doc: Element, posting_id: str | None) -> tuple[str | None, str | None]:
    """Workplace and employment type from embedded JSON (language-independent), or Nones."""
    workplace = employment = None
    if posting_id:
        urn = f"urn:li:fsd_jobPosting:{posting_id}"
        for entity in included_entities(code_payloads(doc, must_contain=urn)):
            if entity.get("entityUrn") != urn:
                continue
            for key in ("*jobWorkplaceTypes", "*workplaceTypesResolutionResults", "workplaceTypes"):
                values = entity.get(key)
                if isinstance(values, list) and values and workplace is None:
                    workplace = words.WORKPLACE_BY_ENUM.get(_enum_tail(values[0]) or "")
            status = entity.get("*employmentStatus") or entity.get("employmentStatus")
            if employment is None:
                employment = words.EMPLOYMENT_BY_ENUM.get(_enum_tail(status) or "")
    posting = _ld_posting(doc)
    if posting:
        kind = posting.get("employmentType")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        employment = employment or words.EMPLOYMENT_BY_ENUM.get(_enum_tail(kind) or "")
        if workplace is None and str(posting.get("jobLocationType") or "").upper() == "TELECOMMUTE":
            workplace = "Remote"
    return workplace, employment


# The posting ----------------------------------------------------------------------------------


def parse_posting(
    doc: Element,
    anchors: JobAnchors,
    url: str | None,
    *,
    root: Element | None = None,
    url_first: bool = True,
    headings: bool = True,
) -> ParsedJob | None:
    """The posting shown in ``root`` (default: the whole page), or None without a title."""
    root = doc if root is None else root
    title_el = find_title(root, anchors, doc, headings=headings)
    if title_el is None:
        return None
    title = shown_text(title_el)
    card = top_card(title_el, anchors)
    company, company_url = _company(card, anchors, doc)
    facts = read_meta(card, title_el, title, company)
    posting_id = job_id(card, root, anchors, doc, url, url_first)
    workplace, employment = facts.workplace, facts.employment
    employment = employment or criteria_employment(root, anchors)
    if workplace is None or employment is None:
        json_workplace, json_employment = json_types(doc, posting_id)
        workplace = workplace or json_workplace
        employment = employment or json_employment
    return ParsedJob(
        job_id=posting_id,
        url=canonical_job_url(posting_id) if posting_id else None,
        title=title,
        company=company,
        company_url=company_url,
        location=facts.location,
        workplace_type=workplace,
        employment_type=employment,
        posted_relative=facts.posted,
        applicants=facts.applicants,
        easy_apply=_easy_apply(card),
        description=description(root, anchors, doc),
        hiring_team=tuple(parse_hiring_team(root, anchors)),
    )
