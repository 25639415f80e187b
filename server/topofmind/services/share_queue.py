"""The share queue: articles, findings and the user's own posts worth sending to someone.

An item's topics are the user's, or extracted from its title and note when none are given. Who an
item suits is decided by ``domain.topics``: each person's topics come from what was discussed in
their interviews, their posts and their headline. Nothing is ever suggested or recorded twice for
the same person: an item sent to someone is out of their matches, and sending it again conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.topics import extract_topics, match_share_items, normalise_topic, person_topics
from ..errors import Conflict, NotFound
from ..store.models import (
    Interview,
    InterviewInterviewer,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
    ShareItem,
    ShareSent,
    Suggestion,
)
from .interactions import record_interaction
from .opportunities import OPEN_STAGES
from .paging import Page, paginate
from .unit_of_work import touch, unit_of_work

ITEM_KINDS = ("article", "finding", "own_post")
MAX_TOPICS = 12
TOPIC_LENGTH = 80
# Topics of a person come from posts of the last half year; older ones say little about today.
POST_LOOKBACK_DAYS = 180
POSTS_PER_PERSON = 20


def clean_topics(topics: Iterable[str]) -> list[str]:
    """The user's topics as written, trimmed, without duplicates (by normalised form)."""
    seen: set[str] = set()
    result = []
    for topic in topics:
        topic = " ".join(str(topic or "").split())[:TOPIC_LENGTH]
        normal = normalise_topic(topic)
        if normal and normal not in seen:
            seen.add(normal)
            result.append(topic)
    return result[:MAX_TOPICS]


def topics_for(title: str, note: str | None, topics: Iterable[str] | None) -> list[str]:
    """The item's topics: the given ones, else extracted from its title and note."""
    given = clean_topics(topics or ())
    if given:
        return given
    return _extracted(title, note)


def sent_to(session: Session, item_ids: Iterable[int]) -> dict[int, list[int]]:
    ids = list(item_ids)
    result: dict[int, list[int]] = defaultdict(list)
    if ids:
        for item_id, person_id in session.execute(
            select(ShareSent.share_item_id, ShareSent.person_id)
            .where(ShareSent.share_item_id.in_(ids))
            .order_by(ShareSent.sent_at, ShareSent.id)
        ):
            result[item_id].append(person_id)
    return result


def sent_items_of(session: Session, person_id: int) -> set[int]:
    """The ids of the items already sent to this person."""
    return set(
        session.scalars(select(ShareSent.share_item_id).where(ShareSent.person_id == person_id))
    )


def item_views(session: Session, items: Iterable[ShareItem]) -> list[dict]:
    items = list(items)
    sent = sent_to(session, [item.id for item in items])
    return [
        {
            "id": item.id,
            "url": item.url,
            "title": item.title,
            "kind": item.kind,
            "topics": list(item.topics or ()),
            "note": item.note,
            "created_at": item.created_at,
            "updated_at": item.updated_at,
            "sent_to": sent.get(item.id, []),
        }
        for item in items
    ]


def item_view(session: Session, item: ShareItem) -> dict:
    return item_views(session, [item])[0]


def list_items(
    session: Session, *, kind: str | None = None, page: int = 1, per_page: int = 50
) -> Page:
    query = select(ShareItem)
    if kind:
        query = query.where(ShareItem.kind == kind)
    query = query.order_by(ShareItem.created_at.desc(), ShareItem.id.desc())
    return paginate(session, query, page, per_page)


def get_item(session: Session, item_id: int) -> ShareItem:
    item = session.get(ShareItem, item_id)
    if item is None:
        raise NotFound(f"No share item with id {item_id}.")
    return item


@unit_of_work
def create_item(session: Session, data: Mapping[str, Any], now: datetime) -> ShareItem:
    """Add an item ``{url?, title, kind?, topics?, note?}``; topics are extracted when none."""
    title = data["title"].strip()
    item = ShareItem(
        url=(data.get("url") or "").strip() or None,
        title=title,
        kind=data.get("kind") or "article",
        note=(data.get("note") or "").strip() or None,
        topics=topics_for(title, data.get("note"), data.get("topics")),
        created_at=now,
        updated_at=now,
    )
    session.add(item)
    session.flush()
    touch(session, _matched_people(session, item.id, now))
    return item


@unit_of_work
def update_item(
    session: Session, item_id: int, changes: Mapping[str, Any], now: datetime
) -> ShareItem:
    """Change an item. Topics given as an empty list are extracted again from title and note;
    topics that were extracted (never set by the user) follow an edited title or note."""
    item = get_item(session, item_id)
    touch(session, people_with_suggestions_for(session, item_id))
    extracted_before = list(item.topics or ()) == _extracted(item.title, item.note)
    for name in ("url", "note"):
        if name in changes:
            setattr(item, name, (changes[name] or "").strip() or None)
    if "title" in changes:
        item.title = changes["title"].strip()
    if "kind" in changes:
        item.kind = changes["kind"]
    if "topics" in changes:
        item.topics = topics_for(item.title, item.note, changes["topics"])
    elif extracted_before:
        item.topics = _extracted(item.title, item.note)
    item.updated_at = now
    session.flush()
    touch(session, _matched_people(session, item.id, now))
    return item


def _extracted(title: str, note: str | None) -> list[str]:
    return list(extract_topics(f"{title}. {note or ''}", limit=6))


@unit_of_work
def delete_item(session: Session, item_id: int, now: datetime) -> None:
    """Delete the item and its sent records; suggestions that pointed at it follow."""
    item = get_item(session, item_id)
    touch(session, people_with_suggestions_for(session, item_id))
    session.execute(delete(ShareSent).where(ShareSent.share_item_id == item.id))
    session.delete(item)
    session.flush()


def people_with_suggestions_for(session: Session, item_id: int) -> set[int]:
    """People whose stored suggestions point at this item (a share, or a keep-warm using it)."""
    return set(
        session.scalars(
            select(Suggestion.person_id).where(
                Suggestion.subject_type == "share_item", Suggestion.subject_id == item_id
            )
        )
    )


# Matching ------------------------------------------------------------------------------------


def topics_by_person(
    session: Session, now: datetime, person_ids: Iterable[int] | None = None
) -> dict[int, tuple[str, ...]]:
    """Each tracked person's topics, most telling first (``domain.topics.person_topics``):
    what was discussed in their interviews, what they post about, their headline; then what
    the postings of their open roles are about (a hiring team saved from a job page)."""
    query = select(Person.id, Person.headline).where(
        Person.tracked.is_(True), Person.do_not_contact.is_(False)
    )
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    people = dict(session.execute(query).all())
    if not people:
        return {}
    discussed: dict[int, list[str]] = defaultdict(list)
    for person_id, own, shared in session.execute(
        select(InterviewInterviewer.person_id, InterviewInterviewer.topics, Interview.topics)
        .join(Interview, Interview.id == InterviewInterviewer.interview_id)
        .where(InterviewInterviewer.person_id.in_(list(people)))
        .order_by(Interview.ends_at.desc(), Interview.id.desc())
    ):
        discussed[person_id].extend([*(own or ()), *(shared or ())])
    posts: dict[int, list[str]] = defaultdict(list)
    since = now - timedelta(days=POST_LOOKBACK_DAYS)
    for person_id, text in session.execute(
        select(Post.person_id, Post.text)
        .where(
            Post.person_id.in_(list(people)), Post.text.is_not(None), Post.first_seen_at >= since
        )
        .order_by(Post.posted_at.desc(), Post.id.desc())
    ):
        if person_id is not None and text is not None and len(posts[person_id]) < POSTS_PER_PERSON:
            posts[person_id].append(text)
    roles: dict[int, list[str]] = defaultdict(list)
    for person_id, topics in session.execute(
        select(OpportunityPerson.person_id, Opportunity.topics)
        .join(Opportunity, Opportunity.id == OpportunityPerson.opportunity_id)
        .where(
            OpportunityPerson.person_id.in_(list(people)),
            Opportunity.stage.in_(OPEN_STAGES),
        )
        .order_by(Opportunity.updated_at.desc(), Opportunity.id.desc())
    ):
        roles[person_id].extend(topics or ())
    return {
        person_id: tuple(
            dict.fromkeys(
                (
                    *person_topics(headline, discussed[person_id], posts[person_id]),
                    *roles[person_id],
                )
            )
        )
        for person_id, headline in people.items()
    }


def matches(session: Session, item_id: int, now: datetime, limit: int = 10) -> list[dict]:
    """The people this item suits best, best first, never anyone it was already sent to:
    ``[{person_id, name, headline, company, stage, score, topics}]``, where ``topics`` are the
    person's topics the item speaks to and ``stage`` their most advanced open stage (or null)."""
    item = get_item(session, item_id)
    return matches_for_items(session, [item], now, limit)[item.id]


def matches_for_items(
    session: Session, items: Iterable[ShareItem], now: datetime, limit: int = 10
) -> dict[int, list[dict]]:
    """``matches`` for several items at once (everyone's topics are read once): item id → list."""
    items = list(items)
    people_topics = topics_by_person(session, now)
    already_by_item = sent_to(session, [item.id for item in items])
    scored_by_item: dict[int, list[tuple[int, float, tuple[str, ...]]]] = {}
    for item in items:
        already = set(already_by_item.get(item.id, []))
        wanted = {"id": item.id, "title": item.title, "note": item.note, "topics": item.topics}
        scored = []
        for person_id, topics in people_topics.items():
            if person_id in already:
                continue
            found = match_share_items(topics, [wanted])
            if found:
                _, score, matched = found[0]
                scored.append((person_id, score, matched))
        scored_by_item[item.id] = scored
    stages = _open_stages(
        session, sorted({row[0] for scored in scored_by_item.values() for row in scored})
    )
    shown: dict[int, list[tuple[int, float, tuple[str, ...]]]] = {}
    for item_id, scored in scored_by_item.items():
        # Among equal fits, someone on an open opportunity gains most from a useful note.
        scored.sort(key=lambda row: (-row[1], row[0] not in stages, row[0]))
        shown[item_id] = scored[:limit]
    wanted_ids = {row[0] for rows in shown.values() for row in rows}
    people = (
        {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(wanted_ids)))}
        if wanted_ids
        else {}
    )
    return {
        item_id: [
            {
                "person_id": person_id,
                "name": people[person_id].name,
                "headline": people[person_id].headline,
                "company": people[person_id].company,
                "stage": stages.get(person_id),
                "score": score,
                "topics": list(matched),
            }
            for person_id, score, matched in rows
        ]
        for item_id, rows in shown.items()
    }


def sent_records(session: Session, item_ids: Iterable[int]) -> dict[int, list[dict]]:
    """Item id → ``[{person_id, name, sent_at}]``, oldest first: what went to whom."""
    ids = list(item_ids)
    result: dict[int, list[dict]] = defaultdict(list)
    if ids:
        for item_id, person_id, name, sent_at in session.execute(
            select(ShareSent.share_item_id, ShareSent.person_id, Person.name, ShareSent.sent_at)
            .join(Person, Person.id == ShareSent.person_id)
            .where(ShareSent.share_item_id.in_(ids))
            .order_by(ShareSent.sent_at, ShareSent.id)
        ):
            result[item_id].append({"person_id": person_id, "name": name, "sent_at": sent_at})
    return result


def _matched_people(session: Session, item_id: int, now: datetime) -> set[int]:
    """Who the item suits (their share suggestions may change with it)."""
    return {row["person_id"] for row in matches(session, item_id, now, limit=100)}


def _open_stages(session: Session, person_ids: list[int]) -> dict[int, str]:
    rank = {stage: index for index, stage in enumerate(OPEN_STAGES)}
    best: dict[int, str] = {}
    if not person_ids:
        return best
    for person_id, stage in session.execute(
        select(OpportunityPerson.person_id, Opportunity.stage)
        .join(Opportunity, Opportunity.id == OpportunityPerson.opportunity_id)
        .where(OpportunityPerson.person_id.in_(person_ids), Opportunity.stage.in_(OPEN_STAGES))
    ):
        if person_id not in best or rank[stage] > rank[best[person_id]]:
            best[person_id] = stage
    return best


# Sending -------------------------------------------------------------------------------------


@unit_of_work
def mark_sent(session: Session, item_id: int, person_id: int, now: datetime) -> ShareSent:
    """Record that the item went to this person, log a ``share`` interaction dated ``now`` and
    close any open suggestion to share it with them. Raises ``NotFound`` for an unknown item or
    person and ``Conflict`` when it was already sent to them."""
    item = get_item(session, item_id)
    if session.get(Person, person_id) is None:
        raise NotFound(f"No person with id {person_id}.", {"person_id": ["Unknown person."]})
    if session.scalars(
        select(ShareSent.id).where(
            ShareSent.share_item_id == item.id, ShareSent.person_id == person_id
        )
    ).first():
        raise Conflict(
            f"“{item.title}” was already sent to this person.",
            {"person_id": ["Already sent this item."]},
        )
    sent = ShareSent(share_item_id=item.id, person_id=person_id, sent_at=now)
    session.add(sent)
    note = f"Shared “{item.title}”" + (f" ({item.url})" if item.url else "") + "."
    record_interaction(session, person_id, {"kind": "share", "note": note, "source": "manual"}, now)
    for suggestion in session.scalars(
        select(Suggestion).where(
            Suggestion.person_id == person_id,
            Suggestion.subject_type == "share_item",
            Suggestion.subject_id == item.id,
            Suggestion.status.in_(("open", "snoozed")),
        )
    ):
        suggestion.status = "done"
        suggestion.resolved_at = now
        suggestion.updated_at = now
    session.flush()
    return sent
