"""Captures: what the extension saw, parsed into people, posts and views.

``store_capture`` is idempotent by the client's capture id: the extension may resend after a
timeout, and the second call must return the first result without storing anything twice.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import InvalidInput, NotFound, TooLarge
from ..linkedin import PAGE_KINDS as PAGE_KINDS  # the kinds a capture may name (API schema)
from ..linkedin import PARSER_VERSION, canonical_profile_url, is_linkedin_url, parse_page
from ..sanitize import clean_tree
from ..store.models import (
    Capture,
    Connection,
    MutualConnection,
    OwnPost,
    Person,
    Post,
    PostView,
)
from .job_postings import job_capture_view, save_posting
from .paging import Page, paginate
from .people import (
    create_person,
    find_person,
    identity_from_url,
    name_key,
    update_person,
)
from .rows import rows_affected
from .settings import get_settings
from .suggestions import list_suggestions, suggestion_views
from .unit_of_work import touch, touch_everyone, unit_of_work
from .views import person_view

log = logging.getLogger(__name__)

PERSON_FIELDS_FROM_PAGE = (
    "name",
    "headline",
    "title",
    "company",
    "location",
    "degree",
    "followers",
    "mutual_count",
)


def get_capture(session: Session, capture_id: str) -> Capture:
    capture = session.get(Capture, capture_id)
    if capture is None:
        raise NotFound(f"No capture with id {capture_id}.")
    return capture


def list_captures(
    session: Session, *, person_id: int | None = None, page: int = 1, per_page: int = 50
) -> Page:
    query = select(Capture)
    if person_id is not None:
        query = query.where(Capture.person_id == person_id)
    query = query.order_by(Capture.received_at.desc(), Capture.id)
    return paginate(session, query, page, per_page)


# A concurrent first capture of the same person (two tabs, a resend racing the original) makes
# the loser's insert fail on a unique key; it then runs again and finds what the winner stored.
STORE_ATTEMPTS = 3


@unit_of_work
def store_capture(
    session: Session, payload: Mapping[str, Any], now: datetime, max_bytes: int
) -> tuple[Capture, bool]:
    """``record_capture`` in a savepoint, tried again when a concurrent capture of the same
    person wins a unique key (at most ``STORE_ATTEMPTS`` times; then the ``IntegrityError``
    propagates). Returns ``(capture, created)``."""
    attempt = 1
    while True:
        savepoint = session.begin_nested()
        try:
            result = record_capture(session, payload, now, max_bytes)
        except IntegrityError:
            savepoint.rollback()
            if attempt == STORE_ATTEMPTS:
                raise
            attempt += 1
        else:
            savepoint.commit()
            return result


@unit_of_work
def record_capture(
    session: Session, payload: Mapping[str, Any], now: datetime, max_bytes: int
) -> tuple[Capture, bool]:
    """Store and parse one capture. Returns ``(capture, created)``; ``created`` is False when
    this capture id was already stored (nothing is written then).

    Raises ``InvalidInput`` for a URL outside LinkedIn and ``TooLarge`` past ``max_bytes``.
    """
    existing = session.get(Capture, payload["id"])
    if existing is not None:
        return existing, False
    url = payload["url"]
    if not is_linkedin_url(url):
        raise InvalidInput(
            "Only LinkedIn pages can be captured.",
            {"url": ["Must be a https://www.linkedin.com/ page."]},
        )
    raw = payload["html"].encode("utf-8", "replace")
    if len(raw) > max_bytes:
        raise TooLarge(
            f"The page is {len(raw)} bytes; the limit is {max_bytes}.",
            {"html": [f"At most {max_bytes} bytes."]},
        )
    capture = Capture(
        id=payload["id"],
        url=url,
        kind=payload.get("kind") or "unknown",
        captured_at=payload["captured_at"],
        received_at=now,
        html_gz=zlib.compress(raw, 6),
        html_bytes=len(raw),
    )
    session.add(capture)
    session.flush()
    apply_parse(session, capture, raw, now, views=payload.get("views") or [])
    touch(session, [capture.person_id, *_post_authors(session, capture)])
    return capture, True


def _post_authors(session: Session, capture: Capture) -> set[int]:
    """Tracked authors of the posts the capture saw (a fresh post changes their suggestions)."""
    urns = [post["urn"] for post in (capture.extracted or {}).get("posts") or []]
    if not urns:
        return set()
    return set(
        session.scalars(
            select(Post.person_id).where(Post.person_id.is_not(None), Post.urn.in_(urns))
        )
    )


def apply_parse(
    session: Session,
    capture: Capture,
    raw: bytes,
    now: datetime,
    views: Iterable[Mapping[str, Any]] = (),
    save_jobs: bool = True,
) -> None:
    """Parse ``raw`` and fold what it says into people, posts, views and the job posting it
    shows (also used by reparse, which refreshes postings in the pipeline but, with
    ``save_jobs`` False, adds none: the user may have removed them)."""
    try:
        # Entity-encoded bidi controls (&#8238;) survive the JSON boundary; clear them here.
        extracted = clean_tree(parse_page(raw, capture.url).to_dict())
    except Exception:  # noqa: BLE001 - the raw capture is kept and can be re-parsed later
        log.exception("parser failed on capture %s", capture.id)
        capture.status = "failed"
        capture.parser_version = PARSER_VERSION
        capture.warnings = [
            "The page could not be read; it is kept and will be re-read when Top of Mind updates."
        ]
        capture.extracted = None
        return
    capture.kind = extracted["kind"]
    capture.parser_version = extracted.get("parser_version") or PARSER_VERSION
    capture.warnings = list(extracted.get("warnings") or [])
    capture.status = "unknown" if extracted["kind"] == "unknown" else "parsed"
    if capture.status == "parsed" and read_nothing(extracted):
        # A known kind of page the parser read nothing from: said so in the popup, and the
        # HTML is kept (never pruned) for ``topofmind reparse`` once the parser improves.
        capture.status = "empty"
        capture.warnings = [*capture.warnings, EMPTY_PARSE_WARNING]
    capture.extracted = extracted
    person = None
    if extracted.get("person"):
        person = upsert_person_from_page(session, extracted["person"], capture, now)
        capture.person_id = person.id if person else None
    if extracted.get("people") and _is_own_connections_page(capture.url):
        record_connections_seen(session, extracted["people"], now)
    record_posts(session, extracted.get("posts") or [], capture, now, views)
    if extracted["kind"] == "job" and extracted.get("job"):
        save_posting(session, extracted["job"], capture, now, create=save_jobs)
    session.flush()


EMPTY_PARSE_WARNING = (
    "Nothing could be read from this page. It is kept and will be read again by"
    " `topofmind reparse` when the parser improves."
)
# Captures whose HTML a newer parser may still turn into facts: never pruned.
KEEP_HTML_STATUSES = ("empty", "unknown", "failed")


def read_nothing(extracted: Mapping[str, Any]) -> bool:
    """Whether a parse result holds no fact at all: no person, people, post, job or result."""
    return not any(extracted.get(key) for key in ("person", "people", "posts", "job", "jobs"))


def _is_own_connections_page(url: str) -> bool:
    return "/mynetwork/" in url and "connections" in url


def upsert_person_from_page(
    session: Session, parsed: Mapping[str, Any], capture: Capture, now: datetime
) -> Person | None:
    """The person a profile capture is about: found by vanity or member id, else created."""
    url = parsed.get("profile_url") or (
        capture.url if capture.kind == "profile" or "/in/" in capture.url else None
    )
    canonical, public_id, member_urn = identity_from_url(url)
    public_id = parsed.get("public_id") or public_id
    if not parsed.get("name") or not (public_id or member_urn):
        return None
    person = find_person(session, public_id=public_id, member_urn=member_urn)
    if person is None:
        # The same human reached first by a member-id URL and now by the vanity one: the page's
        # own URL may carry the other form of the id.
        _c, page_public, page_member = identity_from_url(capture.url)
        person = find_person(session, public_id=page_public, member_urn=page_member)
    changes = {
        field: parsed.get(field)
        for field in PERSON_FIELDS_FROM_PAGE
        if parsed.get(field) is not None
    }
    if person is None:
        person = create_person(
            session,
            {"name": parsed["name"], "profile_url": canonical, "source": "extension"},
            now,
        )
        if public_id and person.public_id is None:
            person.public_id = public_id
    else:
        if public_id and not person.public_id:
            person.public_id = public_id
            person.profile_url = (
                canonical_profile_url(f"https://www.linkedin.com/in/{public_id}/")
                or person.profile_url
            )
        if member_urn and not person.member_urn:
            person.member_urn = member_urn
        if not person.tracked:
            person.tracked = True
    update_person(session, person, changes, now, capture_id=capture.id)
    person.last_captured_at = now
    record_mutuals(session, person, parsed.get("mutual_names") or [], capture, now)
    return person


def record_mutuals(
    session: Session, person: Person, names: Iterable[str], capture: Capture, now: datetime
) -> None:
    """Mutual connections named on a profile, joined to the user's own connections by name."""
    known = {
        m.name_key: m
        for m in session.scalars(
            select(MutualConnection).where(MutualConnection.person_id == person.id)
        )
    }
    for name in names:
        key = name_key(name)
        if not key:
            continue
        mutual = known.get(key)
        if mutual is None:
            connection = session.scalars(
                select(Connection).where(Connection.name_key == key).limit(1)
            ).first()
            mutual_person = session.scalars(
                select(Person).where(Person.name_key == key).limit(1)
            ).first()
            mutual = MutualConnection(
                person_id=person.id,
                name=name,
                name_key=key,
                connection_id=connection.id if connection else None,
                mutual_person_id=mutual_person.id if mutual_person else None,
                profile_url=connection.profile_url if connection else None,
            )
            session.add(mutual)
            known[key] = mutual
        mutual.seen_on = capture.url
        mutual.seen_at = now


def record_connections_seen(
    session: Session, people: Iterable[Mapping[str, Any]], now: datetime
) -> None:
    """The user's own Connections list: each entry is a 1st-degree connection."""
    for entry in people:
        url = canonical_profile_url(entry.get("profile_url")) if entry.get("profile_url") else None
        name = entry.get("name")
        if not name:
            continue
        key = url or f"name:{name_key(name)}"
        if session.scalars(select(Connection).where(Connection.identity_key == key)).first():
            continue
        _c, public_id, _m = identity_from_url(url)
        session.add(
            Connection(
                identity_key=key,
                name=name,
                name_key=name_key(name),
                profile_url=url,
                public_id=public_id,
                position=entry.get("headline"),
                source="capture",
                created_at=now,
                updated_at=now,
            )
        )
    session.flush()


def record_posts(
    session: Session,
    posts: Iterable[Mapping[str, Any]],
    capture: Capture,
    now: datetime,
    views: Iterable[Mapping[str, Any]] = (),
) -> None:
    """Upsert each post by URN, link it to its author when tracked, and record the view.
    A post the user wrote (author named as in the ``user_name`` setting, not a repost) is also
    one of their own posts (``OwnPost``, source ``capture``), beside those from Shares.csv."""
    dwell = {view["urn"]: view.get("dwell_ms") for view in views if view.get("urn")}
    user_key = name_key(get_settings(session).get("user_name") or "")
    for parsed in posts:
        urn = parsed.get("urn")
        if not urn:
            continue
        post = session.scalars(select(Post).where(Post.urn == urn)).first()
        if post is None:
            post = Post(urn=urn, first_seen_at=capture.captured_at)
            session.add(post)
        for field in (
            "url",
            "author_name",
            "author_url",
            "text",
            "relative_time",
            "reactions",
            "comments",
            "reposts",
        ):
            value = parsed.get(field)
            if value is not None:
                setattr(post, field, value)
        post.is_repost = bool(parsed.get("is_repost"))
        if parsed.get("posted_at"):
            post.posted_at = datetime.fromisoformat(parsed["posted_at"].replace("Z", "+00:00"))
        post.last_seen_at = capture.captured_at
        if post.person_id is None and post.author_url:
            _c, public_id, member_urn = identity_from_url(post.author_url)
            author = find_person(session, public_id=public_id, member_urn=member_urn)
            if author is not None:
                post.person_id = author.id
        session.flush()
        if user_key and not post.is_repost and name_key(post.author_name or "") == user_key:
            _record_own_post(session, post)
        session.add(
            PostView(
                post_id=post.id,
                capture_id=capture.id,
                seen_at=capture.captured_at,
                dwell_ms=dwell.get(urn),
            )
        )


def _record_own_post(session: Session, post: Post) -> None:
    """The user's own post, keyed by its URN as Shares.csv rows are (one row either way)."""
    own = session.scalars(select(OwnPost).where(OwnPost.key == post.urn)).first()
    if own is None:
        session.add(
            OwnPost(
                key=post.urn,
                urn=post.urn,
                url=post.url,
                text=post.text,
                posted_at=post.posted_at,
                source="capture",
            )
        )
    elif own.posted_at is None and post.posted_at is not None:
        own.posted_at = post.posted_at


def capture_html(capture: Capture) -> bytes:
    return zlib.decompress(capture.html_gz) if capture.html_gz else b""


@unit_of_work
def reparse_all(session: Session, now: datetime, only_older: bool = True) -> dict[str, int]:
    """Re-run the current parser over stored captures (``topofmind reparse``); everyone is
    recomputed when any was re-read."""
    counts = {"reparsed": 0, "skipped": 0}
    ids = list(session.scalars(select(Capture.id).order_by(Capture.received_at)))
    for capture_id in ids:
        capture = session.get_one(Capture, capture_id)
        if only_older and capture.parser_version == PARSER_VERSION:
            counts["skipped"] += 1
            continue
        session.execute(delete(PostView).where(PostView.capture_id == capture.id))
        apply_parse(session, capture, capture_html(capture), now, save_jobs=False)
        counts["reparsed"] += 1
    if counts["reparsed"]:
        touch_everyone(session)
    return counts


def prune_captures(session: Session, now: datetime, retention_days: int) -> int:
    """Drop raw HTML older than the retention setting; the parsed facts and views stay. Pages
    the parser could not read (``KEEP_HTML_STATUSES``) keep theirs for ``topofmind reparse``."""
    cutoff = now - timedelta(days=retention_days)
    return rows_affected(
        session,
        update(Capture)
        .where(
            Capture.received_at < cutoff,
            Capture.html_gz.is_not(None),
            Capture.status.not_in(KEEP_HTML_STATUSES),
        )
        .values(html_gz=None, status="pruned"),
    )


def capture_posts_view(session: Session, capture: Capture) -> list[dict]:
    """The capture's posts with whether their authors are tracked (for the popup)."""
    posts = (capture.extracted or {}).get("posts") or []
    urns = [p["urn"] for p in posts if p.get("urn")]
    stored = {p.urn: p for p in session.scalars(select(Post).where(Post.urn.in_(urns)))}
    view = []
    for parsed in posts:
        post = stored.get(parsed.get("urn"))
        author_id = post.person_id if post else None
        view.append(
            {
                "urn": parsed.get("urn"),
                "url": parsed.get("url"),
                "author_name": parsed.get("author_name"),
                "author_url": parsed.get("author_url"),
                "text": parsed.get("text"),
                "posted_at": parsed.get("posted_at"),
                "relative_time": parsed.get("relative_time"),
                "author_person_id": author_id,
                "tracked": author_id is not None,
            }
        )
    return view


def capture_view(session: Session, capture: Capture, now: datetime) -> dict[str, Any]:
    """What the popup shows after a capture: what was extracted, the person with their cadence
    and open suggestions (drafts included) and whether this capture added them
    (``person_added``), the posts with whether their authors are tracked,
    and a job page's saved posting or a job search's results (docs/api.md, ``POST
    /api/captures``)."""
    person = None
    person_added = False
    suggestions: list[dict] = []
    if capture.person_id:
        person_model = session.get(Person, capture.person_id)
        if person_model is not None:
            person = person_view(session, person_model, now)
            # Added by this capture: the extension made them and no earlier capture shows them.
            person_added = person_model.source == "extension" and not session.scalar(
                select(func.count())
                .select_from(Capture)
                .where(Capture.person_id == capture.person_id, Capture.id != capture.id)
            )
            page = list_suggestions(session, person_id=capture.person_id, now=now, per_page=20)
            suggestions = suggestion_views(session, page.items, now)
    return {
        "capture_id": capture.id,
        "kind": capture.kind,
        "status": capture.status,
        "extracted": capture.extracted,
        "person_id": capture.person_id,
        "person": person,
        "person_added": person_added,
        "posts": capture_posts_view(session, capture),
        "suggestions": suggestions,
        "warnings": list(capture.warnings or []),
        **job_capture_view(session, capture, now),
    }
