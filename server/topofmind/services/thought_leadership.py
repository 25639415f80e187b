"""The user's own posting cadence: showing expertise in public while a search is on.

The playbook asks job seekers to share their expertise through posts and articles. ``OwnPost`` rows
(from the LinkedIn export's Shares*.csv, or captures of the user's own activity) tell how often
the user posts; during an active search, a quiet spell of two weeks earns a gentle nudge.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.drafts import join_phrases
from ..domain.topics import normalise_topic
from ..store.models import Interview, Opportunity, OwnPost

OPEN_STAGES = ("interested", "applied", "screening", "interviewing", "offer")
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
        for moment in session.scalars(
            select(OwnPost.posted_at).where(
                OwnPost.posted_at.is_not(None), OwnPost.posted_at <= now
            )
        )
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
