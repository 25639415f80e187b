"""``parse_page``: one captured page in, a ``ParsedPage`` out; never raises.

Strategy, cheapest first: detect the kind from the URL (then from byte markers), parse the
document once with lxml (comments dropped, UTF-8 forced), read structured data (JSON-LD,
``<code>`` JSON) through that tree, and run only the parsers the kind needs on targeted
subtrees found with XPath. No BeautifulSoup tree is ever built.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import lxml.etree

from . import index
from .dom import Element
from .jobs import parse_posting, scan
from .jobs_search import parse_open_posting, parse_results
from .kinds import detect_kind, kind_from_content
from .model import ParsedJob, ParsedJobCard, ParsedPage, ParsedPerson, ParsedPost
from .people import parse_people
from .posts import parse_posts
from .profile import owner_from_links, parse_activity_owner, parse_profile, profile_from_json
from .urls import canonical_profile_url, is_linkedin_url, post_urn_from_url, public_id_from_url
from .vocabulary import social

log = logging.getLogger(__name__)

MAX_BYTES = 24 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def _to_bytes(html: str | bytes | bytearray | memoryview | None) -> bytes:
    if html is None:
        return b""
    if isinstance(html, str):
        return html.encode("utf-8", "replace")
    return bytes(html)


def _parse_tree(data: bytes) -> Element:
    # Plain etree elements: lxml.html's Python-level class lookup costs more than the parse.
    # No id table: libxml2 would hash every ``id`` (thousands of ``ember123``) for ``id()``
    # lookups the parsers do not make (docs/parser.md, "Speed").
    parser = lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )
    root = lxml.etree.fromstring(data, parser=parser)
    if root is None:
        raise ValueError("no document element")
    return root


def parse_page(html: str | bytes, url: str | None = None) -> ParsedPage:
    """Everything the parser can read from one LinkedIn page (``to_dict``: docs/parser.md's JSON).

    ``html`` may be text or bytes (decoded as UTF-8, invalid bytes replaced, a BOM honoured).
    Unknown, empty, truncated, hostile or non-LinkedIn input gives ``kind="unknown"`` (or what
    could be read) plus warnings; this function does not raise.
    """
    warnings: list[str] = []
    try:
        data = _to_bytes(html)
        if data.startswith(_BOM):
            data = data[len(_BOM) :]
        if len(data) > MAX_BYTES:
            warnings.append(f"page larger than {MAX_BYTES} bytes: only the start was parsed")
            data = data[:MAX_BYTES]
        if not data or data.isspace():  # (``strip()`` would copy megabytes to say so)
            return ParsedPage(kind="unknown", warnings=("empty page",))
        if not url:
            url = None
        if url is not None and not is_linkedin_url(url):
            return ParsedPage(kind="unknown", warnings=(f"not a LinkedIn URL: {url[:200]}",))
        kind = detect_kind(url, None)
        if kind == "unknown":
            kind = kind_from_content(data)
        if kind == "unknown":
            return ParsedPage(kind="unknown", warnings=(*warnings, "page kind not recognised"))
        try:
            doc = _parse_tree(data)
        except (lxml.etree.ParserError, ValueError) as exc:
            return ParsedPage(kind="unknown", warnings=(*warnings, f"unparseable HTML: {exc}"))
        with social.unknown_words() as unknown, index.scope(doc):
            page = _parse_kind(doc, kind, url, warnings, data)
        if unknown:
            language = social.page_language(data) or "unknown"
            extra = tuple(f"unknown word (page language {language}): {word}" for word in unknown)
            page = replace(page, warnings=page.warnings + extra)
        return page
    except Exception as exc:  # the contract: a bad page is a warning, never a crash
        log.exception("parser failed on %s", url)
        return ParsedPage(
            kind="unknown", warnings=(*warnings, f"parser error: {type(exc).__name__}")
        )


def _main_post(posts: list[ParsedPost], url: str | None) -> list[ParsedPost]:
    """A single-post page is about one post; "more posts" rails below it are not it."""
    wanted = post_urn_from_url(url)
    matching = [p for p in posts if p.urn == wanted]
    return matching or posts[:1]


def _owner_from_posts(posts: list[ParsedPost], url: str | None) -> ParsedPerson | None:
    """The owner of an activity page without a known top card: the author of their own posts.

    Only the name and the profile URL are known that way; the other fields stay null.
    """
    owner_url = canonical_profile_url(url)
    if owner_url is None:
        return None
    for post in posts:
        if post.author_url == owner_url and post.author_name and not post.is_repost:
            return ParsedPerson(
                name=post.author_name,
                public_id=public_id_from_url(owner_url),
                profile_url=owner_url,
            )
    return None


def _parse_kind(
    doc: Element, kind: str, url: str | None, warnings: list[str], raw: bytes
) -> ParsedPage:
    person: ParsedPerson | None = None
    people: list[ParsedPerson] = []
    posts: list[ParsedPost] = []
    job: ParsedJob | None = None
    jobs: list[ParsedJobCard] = []
    if kind == "job":
        job = parse_posting(doc, scan(doc), url)
        if job is None:
            warnings.append("job page without a recognisable posting")
    elif kind == "job_search":
        anchors = scan(doc)
        jobs = parse_results(doc, anchors)
        job = parse_open_posting(doc, anchors, url)
        if not jobs and job is None:
            warnings.append("no job results found")
    elif kind == "profile":
        person = parse_profile(doc, url) or profile_from_json(doc, url)
        posts = parse_posts(doc, url, raw=raw, profile_page=True)
        if person is None:
            warnings.append("profile page without a recognisable top card")
    elif kind == "activity":
        person = parse_activity_owner(doc, url)
        posts = parse_posts(doc, url, raw=raw)
        if person is None:
            person = (
                _owner_from_posts(posts, url)
                or owner_from_links(doc, url)
                or profile_from_json(doc, url)
            )
    elif kind in ("feed", "post", "search"):
        posts = parse_posts(doc, url, raw=raw)
        if kind == "post" and len(posts) > 1:
            posts = _main_post(posts, url)
        if not posts:
            warnings.append("no posts found")
    elif kind == "people":
        people = parse_people(doc, exclude_url=canonical_profile_url(url))
        if not people:
            warnings.append("no people found")
    return ParsedPage(
        kind=kind,
        person=person,
        people=tuple(people),
        posts=tuple(posts),
        job=job,
        jobs=tuple(jobs),
        warnings=tuple(warnings),
    )
