"""Captures of the user's own activity count as their own posts (issue 16), once per post."""

from __future__ import annotations

import uuid

from tests.support.fixtures import LINKEDIN_PAGES, truth_for

FILE = "activity_01.html"


def capture(client):
    truth = truth_for(FILE)
    return client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": truth["url"],
            "html": (LINKEDIN_PAGES / FILE).read_text(encoding="utf-8", errors="replace"),
            "captured_at": "2026-11-25T14:59:00Z",
        },
    )


def own_urns(app) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from topofmind.store.models import OwnPost

    with app.extensions["topofmind"].session_factory() as session:
        return sorted(session.execute(select(OwnPost.key, OwnPost.source)).all())


def test_the_users_own_activity_becomes_own_posts_and_reposts_do_not(app, client):
    truth = truth_for(FILE)
    written = sorted(
        p["urn"]
        for p in truth["posts"]
        if p["author_name"] == "Tushar Chauhan" and not p.get("is_repost")
    )
    assert capture(client).status_code in (200, 201)
    assert own_urns(app) == []  # not the user: nobody's name is set yet

    assert client.patch("/api/settings", json={"user_name": "Tushar Chauhan"}).status_code == 200
    assert capture(client).status_code in (200, 201)
    assert own_urns(app) == [(urn, "capture") for urn in written]
    assert capture(client).status_code in (200, 201)
    assert len(own_urns(app)) == len(written)
