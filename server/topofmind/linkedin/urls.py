"""LinkedIn URLs and URNs: recognising, canonicalising, and reading the time inside an id.

Canonical forms (docs/parser.md): profiles ``https://www.linkedin.com/in/<id>/``, organisations
``/company/<slug>/``, ``/showcase/<slug>/`` and ``/school/<slug>/``, posts
``https://www.linkedin.com/feed/update/<urn>/``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

BASE = "https://www.linkedin.com"

# Member URN ids ("ACoAA…", "ACwAA…") are case-sensitive; vanity ids are not.
_MEMBER_URN_ID = re.compile(r"^AC[a-zA-Z0-9]AA[A-Za-z0-9_-]+$")
_ACTIVITY_URN = re.compile(r"urn:li:(activity|ugcPost|share|aggregate):(\d{6,25})")
# /posts/<author>_<slug>-activity-7463608443963318272-2kSA and the ugcPost/share variants.
_POSTS_SLUG = re.compile(r"-(activity|ugcPost|share)-(\d{6,25})(?:-[A-Za-z0-9_-]{1,8})?/?$")
_ORG_KINDS = ("company", "showcase", "school")
_BAD_ID_CHARS = re.compile(r"[\s/?#<>\"']")
_URN_ID = re.compile(r"(\d{6,25})\)?$")
# Ids LinkedIn issued between 2003 and 2100; anything outside is not a time-based id.
_MIN_MS, _MAX_MS = 1_041_379_200_000, 4_102_444_800_000


def is_linkedin_url(url: str | None) -> bool:
    """True for an http(s) URL on linkedin.com or one of its subdomains (``sg.``, ``de.`` …)."""
    if not url or not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    )


def _path_segments(url: str) -> list[str] | None:
    """The path segments of a LinkedIn (or site-relative) URL, or None for other hosts."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host and not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return None
    if not host and not parts.path.startswith("/"):
        return None
    return [s for s in parts.path.split("/") if s]


def is_member_urn_id(ident: str | None) -> bool:
    """True for a URN-style profile id (``ACoAAB…``): case-sensitive, and it says nothing about
    the member's vanity id."""
    return bool(ident and _MEMBER_URN_ID.match(ident))


def _clean_profile_id(raw: str) -> str | None:
    """The id as LinkedIn means it: percent-decoded, NFC (``szymon-nędza-…`` whether the page
    wrote it encoded, decoded or decomposed), vanity ids lower-cased, member URN ids as they are
    (they are case-sensitive)."""
    ident = unicodedata.normalize("NFC", unquote(raw).strip())
    if not ident or _BAD_ID_CHARS.search(ident):
        return None
    if _MEMBER_URN_ID.match(ident):
        return ident
    return ident.lower()


def _profile_id(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    segments = _path_segments(url)
    if segments and segments[0] == "mwlite":  # the lightweight mobile site
        segments = segments[1:]
    if not segments or len(segments) < 2 or segments[0] != "in":
        return None
    # Whatever follows the id is not part of it: a locale ("/in/<id>/pl/"), a sub-page
    # ("/recent-activity/all/", "/overlay/contact-info/").
    return _clean_profile_id(segments[1])


@functools.lru_cache(maxsize=4096)  # a people list repeats each href two or three times
def canonical_profile_url(url: str | None) -> str | None:
    """``https://www.linkedin.com/in/<id>/`` for any form of a member's profile URL, else None.

    Handles locale subdomains (``sg.linkedin.com``), query strings and fragments, trailing
    path parts (``/recent-activity/all/``, ``/overlay/…``, a locale ``/pl/``), percent-encoded
    and decomposed non-ASCII ids (decoded, NFC),
    upper-case vanity ids (LinkedIn treats them case-insensitively) and URN-style ids
    (``/in/ACoAA…``, kept as they are: they are case-sensitive). Never raises.
    """
    ident = _profile_id(url)
    return f"{BASE}/in/{ident}/" if ident else None


# A profile URL inside other text: a CSV cell, a spreadsheet formula (``=HYPERLINK("…")``), a
# bare ``www.linkedin.com/in/x`` without a scheme.
_PROFILE_URL_IN_TEXT = re.compile(
    r"(?<![\w.-])(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com/(?:mwlite/)?in/([^/?#\s,;\"'<>)]+)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # an export repeats the same few thousand URLs
def profile_url_in(text: str | None) -> str | None:
    """The canonical form of the first LinkedIn profile URL written anywhere inside ``text``
    (data-export cells, formulas, bare host names), else None. Same ids as
    ``canonical_profile_url``: one rule for the pages and the export."""
    if not text or not isinstance(text, str):
        return None
    match = _PROFILE_URL_IN_TEXT.search(text)
    if not match:
        return None
    ident = _clean_profile_id(match.group(1))
    return f"{BASE}/in/{ident}/" if ident else None


@functools.lru_cache(maxsize=16384)
def profile_id(url: str | None) -> str | None:
    """The id of any written form of a member's profile URL: full, site-relative (``/in/x``),
    without a scheme (``linkedin.com/in/x``) or inside other text. Vanity ids lower-cased,
    member URN ids (``ACoAA…``) as they are; None for anything else. The one rule behind
    ``canonical_profile_url``, ``profile_url_in`` and ``profile_key``."""
    if not url or not isinstance(url, str):
        return None
    ident = _profile_id(url)
    if ident is None and "://" not in url:
        canonical = profile_url_in(url)
        ident = canonical[len(BASE) + 4 : -1] if canonical else None
    return ident


def profile_key(url: str | None) -> str | None:
    """``in/<id>`` for any written form of a profile URL (``profile_id``), else None: a
    dictionary key under which a page's, the export's and a pasted URL of one member meet."""
    ident = profile_id(url)
    return f"in/{ident}" if ident else None


@functools.lru_cache(maxsize=4096)
def public_id_from_url(url: str | None) -> str | None:
    """The vanity id (``jane-doe-12``) in a profile URL; None for URN-style ids and non-profiles."""
    ident = _profile_id(url)
    if ident is None or _MEMBER_URN_ID.match(ident):
        return None
    return ident


def canonical_author_url(url: str | None) -> str | None:
    """Canonical URL of a post's author: a member profile or a company/showcase/school page."""
    if not url or not isinstance(url, str):
        return None
    profile = canonical_profile_url(url)
    if profile:
        return profile
    segments = _path_segments(url)
    if segments and len(segments) >= 2 and segments[0] in _ORG_KINDS:
        slug = unquote(segments[1]).strip().lower()
        if slug and not any(c in slug for c in " ?#"):
            return f"{BASE}/{segments[0]}/{slug}/"
    return None


def post_urn_from_text(text: str | None) -> str | None:
    """The first activity/ugcPost/share URN in a string (URL-encoded forms included)."""
    if not text:
        return None
    if "%3A" in text or "%3a" in text:
        text = unquote(text)
    match = _ACTIVITY_URN.search(text)
    if match:
        return f"urn:li:{match.group(1)}:{match.group(2)}"
    return None


def post_urn_from_url(url: str | None) -> str | None:
    """The post URN a post URL names: ``/feed/update/<urn>`` or ``/posts/…-activity-<id>``."""
    if not url or not isinstance(url, str):
        return None
    urn = post_urn_from_text(url)
    if urn:
        return urn
    segments = _path_segments(url)
    if segments and segments[0] == "posts" and len(segments) >= 2:
        match = _POSTS_SLUG.search("/".join(segments[1:]))
        if match:
            return f"urn:li:{match.group(1)}:{match.group(2)}"
    return None


def canonical_post_url(urn: str) -> str:
    """``https://www.linkedin.com/feed/update/<urn>/``."""
    return f"{BASE}/feed/update/{urn}/"


def posted_at_from_urn(urn: str | None) -> str | None:
    """ISO-8601 UTC creation time encoded in a post URN's id (``id >> 22`` = Unix ms), or None."""
    if not urn:
        return None
    match = _URN_ID.search(urn)
    if not match:
        return None
    millis = int(match.group(1)) >> 22
    if not _MIN_MS <= millis <= _MAX_MS:
        return None
    when = datetime.fromtimestamp(millis / 1000, tz=UTC)
    # (``strftime`` costs several times this; the bounds above keep the year at four digits.)
    return (
        f"{when.year:04d}-{when.month:02d}-{when.day:02d}T"
        f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}.{millis % 1000:03d}Z"
    )


# Job ids: /jobs/view/<id>, /jobs/view/<slug>-<id> (logged-out pages), ?currentJobId=<id> (search
# panes, collections), urn:li:jobPosting:<id> / urn:li:fsd_jobPosting:<id> (attributes, JSON).
_JOB_VIEW_ID = re.compile(r"/jobs/view/(?:[^/?#]*?-)?(\d{6,20})(?:[/?#]|$)")
_CURRENT_JOB_ID = re.compile(r"[?&]currentJobId=(\d{6,20})")
_JOB_URN = re.compile(r"urn:li:(?:fsd_|fs_normalized_)?jobPosting:(\d{6,20})")


def job_id_from_url(url: str | None) -> str | None:
    """The job id a LinkedIn URL names: ``/jobs/view/[<slug>-]<id>`` first, else the
    ``currentJobId`` query parameter (a search's open posting); None otherwise. Relative URLs
    work."""
    if not url or not isinstance(url, str):
        return None
    match = _JOB_VIEW_ID.search(url)
    if match is None:
        match = _CURRENT_JOB_ID.search(url.replace("&amp;", "&"))
    return match.group(1) if match else None


def job_id_from_urn(text: str | None) -> str | None:
    """The id in ``urn:li:jobPosting:<id>`` (or its ``fsd_``/``fs_normalized_`` forms); else
    None."""
    if not text:
        return None
    match = _JOB_URN.search(text)
    return match.group(1) if match else None


def canonical_job_url(job_id: str) -> str:
    """``https://www.linkedin.com/jobs/view/<id>/``."""
    return f"{BASE}/jobs/view/{job_id}/"
