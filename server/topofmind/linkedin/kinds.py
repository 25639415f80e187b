"""Page-kind detection from the URL first, then from cheap markers in the content.

Selectors (content markers, looked for with ``bytes.find`` over the raw page, no decoding):
- job pages first, because a logged-out job page also carries the profile marker
  ``top-card-layout__title``: job-search lists (guest ``d_jobs_guest_search``, Ember
  ``jobs-search-results-list`` / ``data-occludable-job-id``) → job_search; one posting (guest
  ``d_jobs_guest_details``, Ember ``jobs-unified-top-card``, SDUI ``JobDetails_AboutTheJob``,
  JSON-LD JobPosting) → job;
- recent-activity top card → activity; profile top cards (Ember ``pv-top-card``, public
  ``top-card-layout``, SDUI ``ProfileVerificationTriggerRef``, JSON-LD Person) → profile;
- Connections/people cards, SDUI people-search and My Network screens → people; JSON-LD
  SocialMediaPosting → post;
- rendered post cards or Voyager feed payloads → feed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .urls import is_linkedin_url

_CONTENT_MARKERS: tuple[tuple[bytes, str], ...] = (
    (b"d_jobs_guest_search", "job_search"),
    (b"jobs-search-results-list", "job_search"),
    (b"data-occludable-job-id", "job_search"),
    (b"jobs-search__results-list", "job_search"),
    (b"d_jobs_guest_details", "job"),
    (b"jobs-unified-top-card", "job"),
    (b"JobDetails_AboutTheJob", "job"),
    (b'"@type":"JobPosting"', "job"),
    (b'"@type": "JobPosting"', "job"),
    (b"recent-activity-top-card", "activity"),
    (b"SocialMediaPosting", "post"),
    (b"pv-top-card", "profile"),
    (b"top-card-layout__title", "profile"),
    (b"ProfileVerificationTriggerRef", "profile"),
    (b"com.linkedin.sdui.profile.card.ref", "profile"),
    (b'"@type":"Person"', "profile"),
    (b'"@type": "Person"', "profile"),
    (b"ConnectionsPage", "people"),
    (b"flagshipnav.search.SearchResultsPeople", "people"),
    (b"flagshipnav.mynetwork.", "people"),
    (b"invitation-card", "people"),
    (b"mn-connection-card", "people"),
    (b"reusable-search__result-container", "people"),
    (b"search-entity-result-universal-template", "people"),
    (b"search-results-container", "search"),
    (b'data-urn="urn:li:activity:', "feed"),
    (b'data-id="urn:li:activity:', "feed"),
    (b"data-activity-urn=", "post"),
    (b"update-card", "feed"),
    (b"feedDashMainFeed", "feed"),
    (b"com.linkedin.voyager.dash.feed.Update", "feed"),
)


def kind_from_url(url: str | None) -> str:
    """The page kind a LinkedIn URL names, or "unknown"."""
    if not is_linkedin_url(url):
        return "unknown"
    if url is None:  # (is_linkedin_url says so already; this tells the type checker)
        return "unknown"
    parts = urlsplit(url.strip())
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return "unknown"
    head = segments[0]
    if head == "in" and len(segments) >= 2:
        if len(segments) >= 3 and segments[2] == "recent-activity":
            return "activity"
        return "profile"
    if head == "feed":
        if len(segments) >= 2 and segments[1] == "update":
            return "post"
        if len(segments) == 1:
            return "feed"
        return "unknown"
    if head == "posts" or (head == "embed" and "update" in segments):
        return "post"
    if head == "search" and len(segments) >= 3 and segments[1] == "results":
        section = segments[2]
        if section == "people":
            return "people"
        if section in ("content", "all"):
            return "search"
        return "unknown"
    if head == "mynetwork":
        # Connections, invitations received and sent, suggestions ("grow"), followers and
        # following, mutual-connection lists: every My Network page lists people.
        return "people"
    if head in ("company", "showcase") and len(segments) >= 3 and segments[2] == "posts":
        return "feed"
    if head == "comm" and len(segments) >= 2:
        head, segments = segments[1], segments[1:]
    if head == "jobs":
        return _job_kind(segments[1:])
    return "unknown"


# /jobs/ pages that list no postings (settings, the tracker's own tools, the poster's side).
_JOBS_NOT_LISTS = frozenset({"application-settings", "job-alerts", "post", "hiring", "preferences"})


def _job_kind(rest: list[str]) -> str:
    """``/jobs/view/…`` is one posting; the jobs home, searches, collections, the tracker and
    logged-out search pages (``/jobs/data-engineer-jobs-new-york``) list postings."""
    if rest and rest[0] == "view":
        return "job" if len(rest) >= 2 else "unknown"
    if rest and rest[0] in _JOBS_NOT_LISTS:
        return "unknown"
    return "job_search"


def kind_from_content(data: bytes) -> str:
    """The page kind suggested by markers in the raw bytes, or "unknown"."""
    for marker, kind in _CONTENT_MARKERS:
        if data.find(marker) != -1:
            return kind
    return "unknown"


def detect_kind(url: str | None = None, html: str | bytes | None = None) -> str:
    """One of profile, post, feed, activity, search, people, job, job_search, unknown; the URL
    decides first."""
    kind = kind_from_url(url)
    if kind != "unknown" or html is None:
        return kind
    if url and not is_linkedin_url(url):
        return "unknown"
    data = html.encode("utf-8", "replace") if isinstance(html, str) else bytes(html)
    return kind_from_content(data)
