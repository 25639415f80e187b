"""POST /api/captures with the real saved pages: people, posts, views, idempotency, limits."""

import json
import uuid

import pytest

from tests.support.api_calls import capture
from tests.support.fixtures import FIXTURES_DIR as FIXTURES

PAGES = FIXTURES / "linkedin"
TRUTH = {t["file"]: t for t in json.loads((PAGES / "ground_truth.json").read_text())}


def test_profile_capture_creates_the_person(client):
    response, _ = capture(client, "profile_loggedin_02.html")
    assert response.status_code == 201, response.json
    body = response.json
    truth = TRUTH["profile_loggedin_02.html"]["person"]
    assert body["kind"] == "profile"
    person = body["person"]
    for field in ("name", "headline", "company", "location", "degree", "public_id", "mutual_count"):
        assert person[field] == truth[field], field
    assert sorted(person["mutual_names"]) == sorted(truth["mutual_names"])
    assert body["extracted"]["person"]["name"] == truth["name"]
    assert person["cadence"]["status"] in {"no_contact", "on_track", "due", "overdue"}
    assert body["person_added"] is True


def test_same_capture_id_twice_is_stored_once(client):
    first, payload = capture(client, "profile_loggedin_03.html")
    again = client.post("/api/captures", json=payload)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json["capture_id"] == first.json["capture_id"] == payload["id"]
    assert again.json["person_id"] == first.json["person_id"]
    assert client.get("/api/captures").json["total"] == 1
    assert client.get("/api/contacts").json["total"] == 1


def test_recapture_updates_the_same_person(client):
    first, _ = capture(client, "profile_loggedin_01.html")
    second, _ = capture(
        client,
        "profile_loggedin_01.html",
        url="https://se.linkedin.com/in/eduardo-alvarez-nowak?trk=abc",
    )
    assert second.json["person_id"] == first.json["person_id"]
    assert client.get("/api/contacts").json["total"] == 1
    # The popup says "Saved … to your contacts" only the first time.
    assert first.json["person_added"] is True and second.json["person_added"] is False


def test_a_person_added_by_hand_is_not_added_again_by_a_capture(client, make_person):
    make_person(name="Eduardo", profile_url="https://www.linkedin.com/in/eduardo-alvarez-nowak/")
    response, _ = capture(client, "profile_loggedin_01.html")
    assert response.json["person"]["name"] and response.json["person_added"] is False


def test_feed_capture_records_posts_and_views(client, app):
    from sqlalchemy import func, select

    from topofmind.store.models import Post, PostView

    response, _ = capture(
        client,
        "search_content_02.html",
        views=[{"urn": "urn:li:activity:7335601479181623296", "dwell_ms": 4200}],
    )
    assert response.status_code == 201
    posts = response.json["posts"]
    assert len(posts) == len(TRUTH["search_content_02.html"]["posts"])
    assert all(p["tracked"] is False for p in posts)
    with app.extensions["topofmind"].session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Post)) == len(posts)
        assert session.scalar(select(func.count()).select_from(PostView)) == len(posts)


def test_tracked_author_gets_a_fresh_post_suggestion(client, clock):
    from datetime import datetime

    truth = TRUTH["search_content_02.html"]["posts"][0]
    author_url = truth["author_url"]
    if "/in/" not in author_url:
        pytest.skip("first labelled post is not by a member")
    client.post("/api/contacts", json={"name": truth["author_name"], "profile_url": author_url})
    posted = datetime.fromisoformat(truth["posted_at"].replace("Z", "+00:00"))
    clock.now = posted.replace(microsecond=0) + (clock.now - clock.now)  # at posting time
    clock.advance(hours=3)
    response, _ = capture(client, "search_content_02.html", captured_at=clock.now.isoformat())
    mine = [p for p in response.json["posts"] if p["urn"] == truth["urn"]]
    assert mine and mine[0]["tracked"]
    kinds = {s["kind"] for s in client.get("/api/suggestions").json["items"]}
    assert "comment" in kinds


@pytest.mark.parametrize(
    "change,field,status",
    [
        ({"url": "https://example.com/in/jane"}, "url", 422),
        ({"url": "javascript:alert(1)"}, "url", 422),
        ({"id": "not-a-uuid"}, "id", 422),
        ({"html": None}, "html", 422),
        ({"captured_at": "yesterday"}, "captured_at", 422),
        ({"kind": "spaceship"}, "kind", 422),
        ({"views": [{"dwell_ms": 5}]}, "views", 422),
    ],
)
def test_bad_captures_are_refused_and_nothing_is_stored(client, change, field, status):
    payload = {
        "id": str(uuid.uuid4()),
        "url": "https://www.linkedin.com/in/x/",
        "html": "<html></html>",
        "captured_at": "2026-11-25T10:00:00Z",
    }
    payload.update(change)
    response = client.post("/api/captures", json=payload)
    assert response.status_code == status
    assert field in response.json["errors"]
    assert client.get("/api/captures").json["total"] == 0


def test_oversized_capture_is_413(client, app):
    app.config["MAX_CAPTURE_BYTES"] = 10_000
    response = client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": "https://www.linkedin.com/feed/",
            "html": "<p>" + "x" * 20_000 + "</p>",
            "captured_at": "2026-11-25T10:00:00Z",
        },
    )
    assert response.status_code == 413
    assert client.get("/api/captures").json["total"] == 0


@pytest.mark.parametrize("html", ["", "<html", "\x00\x01garbage", "<div>" * 5000])
def test_junk_pages_are_kept_as_unknown(client, html):
    response = client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": "https://www.linkedin.com/feed/",
            "html": html,
            "captured_at": "2026-11-25T10:00:00Z",
        },
    )
    assert response.status_code == 201
    assert response.json["kind"] in {"unknown", "feed"}
