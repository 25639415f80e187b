"""The user's own posting cadence: showing expertise in public while a search is on.

The playbook asks job seekers to share their expertise through posts and articles. ``OwnPost`` rows
(from the LinkedIn export's Shares*.csv, or captures of the user's own activity) tell how often
the user posts; during an active search, a quiet spell of two weeks earns a gentle nudge.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta, tzinfo
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.drafts import join_phrases
from ..domain.topics import normalise_topic
from ..domain.weekly import count_per_week, week_windows
from ..store.models import Interview, Opportunity, OwnPost, Person
from .opportunities import OPEN_STAGES
from .share_queue import topics_by_person

QUIET_DAYS_NUDGE = 14


def posting_cadence(session: Session, now: datetime) -> dict:
    """``{posts_30d, posts_90d, last_posted_at, median_gap_days, quiet_days, active_search}``.

    Posts dated after ``now`` are ignored. ``median_gap_days`` is the median number of days
    between consecutive posts of the last year (null with fewer than two); ``quiet_days`` the
    whole days since the last post (null when none is known); ``active_search`` whether any
    opportunity is in an open stage.
    """
    dates = sorted(
        moment
        for moment in session.scalars(select(OwnPost.posted_at).where(OwnPost.posted_at <= now))
        if moment is not None
    )
    last = dates[-1] if dates else None
    year = [moment for moment in dates if moment >= now - timedelta(days=365)]
    gaps = [(b - a).total_seconds() / 86400 for a, b in zip(year, year[1:], strict=False)]
    return {
        "posts_30d": sum(1 for moment in dates if moment >= now - timedelta(days=30)),
        "posts_90d": sum(1 for moment in dates if moment >= now - timedelta(days=90)),
        "last_posted_at": last,
        "median_gap_days": round(median(gaps), 1) if gaps else None,
        "quiet_days": (now - last).days if last else None,
        "active_search": active_search(session),
    }


def active_search(session: Session) -> bool:
    return (
        session.scalars(select(Opportunity.id).where(Opportunity.stage.in_(OPEN_STAGES))).first()
        is not None
    )


def search_topics(session: Session, limit: int = 2) -> list[str]:
    """The topics that come up most in interviews for open opportunities, as the user wrote them:
    what the people the user is talking to care about, and so good material for a post."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for topics in session.scalars(
        select(Interview.topics)
        .join(Opportunity, Opportunity.id == Interview.opportunity_id)
        .where(Opportunity.stage.in_(OPEN_STAGES))
        .order_by(Interview.ends_at.desc())
    ):
        for topic in topics or ():
            normal = normalise_topic(str(topic))
            if normal:
                counts[normal] += 1
                surface.setdefault(normal, str(topic).strip())
    return [surface[normal] for normal, _ in counts.most_common(limit)]


def posting_nudge(session: Session, cadence: dict) -> str | None:
    """A gentle suggestion to post when the user has been quiet for two weeks or more (or has no
    known post) during an active search; None otherwise."""
    if not cadence["active_search"]:
        return None
    quiet = cadence["quiet_days"]
    if quiet is not None and quiet < QUIET_DAYS_NUDGE:
        return None
    topics = search_topics(session)
    idea = (
        f" The teams you're talking to care about {join_phrases(topics)}; a few lines on how "
        "you've handled that would fit well."
        if topics
        else " A few lines on a problem you solved recently would fit well."
    )
    opening = (
        f"It's been {quiet} days since your last post."
        if quiet is not None
        else "No posts of yours are known yet (importing your LinkedIn data adds them)."
    )
    return (
        f"{opening} While you're in a search, a short post now and then keeps you visible to the "
        f"people you've met.{idea}"
    )


def posting_status(session: Session, now: datetime) -> dict:
    """``posting_cadence`` plus ``nudge`` (text or null)."""
    cadence = posting_cadence(session, now)
    return {**cadence, "nudge": posting_nudge(session, cadence)}


def own_posts(session: Session, limit: int = 20) -> list[dict]:
    """The user's latest posts, newest first: ``[{posted_at, text, url, shared_url, source}]``."""
    posts = session.scalars(
        select(OwnPost)
        .order_by(OwnPost.posted_at.is_(None), OwnPost.posted_at.desc(), OwnPost.id.desc())
        .limit(limit)
    )
    return [
        {
            "posted_at": post.posted_at,
            "text": post.text,
            "url": post.url,
            "shared_url": post.shared_url,
            "source": post.source,
        }
        for post in posts
    ]


def posts_per_week(
    session: Session, now: datetime, zone: tzinfo = UTC, weeks: int = 12
) -> list[tuple[datetime, int]]:
    """``[(week start, posts that week)]`` for the last ``weeks`` calendar weeks, oldest first."""
    windows = week_windows(now, weeks, zone)
    moments = session.scalars(
        select(OwnPost.posted_at).where(
            OwnPost.posted_at >= windows[0].start, OwnPost.posted_at <= now
        )
    )
    counts = count_per_week((moment for moment in moments if moment is not None), windows)
    return [(week.start, count) for week, count in zip(windows, counts, strict=True)]


def contact_interests(session: Session, now: datetime, limit: int = 10) -> list[dict]:
    """What the people the user tracks care about, most shared first:
    ``[{topic, people: [{id, name}]}]`` (from their interviews, posts and headlines)."""
    by_topic: dict[str, list[int]] = {}
    for person_id, topics in topics_by_person(session, now).items():
        for topic in topics[:6]:
            by_topic.setdefault(topic, []).append(person_id)
    ranked = sorted(by_topic.items(), key=lambda entry: (-len(entry[1]), entry[0]))[:limit]
    ids = {person_id for _, people in ranked for person_id in people}
    names = (
        dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())
        if ids
        else {}
    )
    return [
        {
            "topic": topic,
            "people": [{"id": person_id, "name": names[person_id]} for person_id in people[:5]],
            "count": len(people),
        }
        for topic, people in ranked
    ]
