"""The user's own posting cadence and the gentle nudge (SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest

from topofmind.services.thought_leadership import posting_cadence, posting_status
from topofmind.store.models import Interview, Opportunity, OwnPost


@pytest.fixture
def session(app):
    with app.extensions["topofmind"].session_factory.begin() as session:
        yield session


def add_posts(session, now, days_ago):
    for index, days in enumerate(days_ago):
        session.add(
            OwnPost(key=f"post-{index}", text="A post", posted_at=now - timedelta(days=days))
        )
    session.flush()


def add_opportunity(session, now, stage, topics=()):
    opportunity = Opportunity(company="Acme", title="Staff Engineer", stage=stage)
    session.add(opportunity)
    session.flush()
    if topics:
        session.add(
            Interview(
                opportunity_id=opportunity.id,
                starts_at=now - timedelta(days=3, hours=1),
                ends_at=now - timedelta(days=3),
                topics=list(topics),
            )
        )
        session.flush()


def test_cadence_counts_gaps_and_quiet_days(session, clock):
    now = clock()
    add_posts(session, now, [20, 26, 40, 100, 400, -2])
    cadence = posting_cadence(session, now)
    assert cadence["posts_30d"] == 2 and cadence["posts_90d"] == 3
    assert cadence["last_posted_at"] == now - timedelta(days=20)
    # Gaps within the last year: 60, 14, 6 days (the future post and the old one are left out).
    assert cadence["median_gap_days"] == 14.0
    assert cadence["quiet_days"] == 20
    assert cadence["active_search"] is False


def test_no_posts_known(session, clock):
    cadence = posting_cadence(session, clock())
    assert cadence == {
        "posts_30d": 0,
        "posts_90d": 0,
        "last_posted_at": None,
        "median_gap_days": None,
        "quiet_days": None,
        "active_search": False,
    }


def test_nudge_when_quiet_during_an_active_search(session, clock):
    now = clock()
    add_posts(session, now, [15, 30])
    add_opportunity(session, now, "interviewing", ["Kafka consumer lag", "on-call load"])
    status = posting_status(session, now)
    assert status["active_search"] is True
    assert "15 days since your last post" in status["nudge"]
    assert "Kafka consumer lag and on-call load" in status["nudge"]


@pytest.mark.parametrize(
    ("days_ago", "stage"),
    [([13, 30], "interviewing"), ([40], "rejected")],
)
def test_no_nudge_when_recent_or_not_searching(session, clock, days_ago, stage):
    now = clock()
    add_posts(session, now, days_ago)
    add_opportunity(session, now, stage)
    assert posting_status(session, now)["nudge"] is None


def test_posting_over_http(client, app, clock):
    now = clock()
    with app.extensions["topofmind"].session_factory.begin() as session:
        add_posts(session, now, [21])
        add_opportunity(session, now, "applied")
    result = client.get("/api/me/posting").json
    assert result["quiet_days"] == 21 and result["posts_30d"] == 1
    assert result["last_posted_at"].startswith("2026-11-04T15:00:00")
    assert result["active_search"] is True
    assert "21 days since your last post" in result["nudge"]
