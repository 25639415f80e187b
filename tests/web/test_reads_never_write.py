"""A GET never writes: every GET route of the API and the dashboard, on a seeded database with a
snoozed suggestion whose time has come, sends no INSERT, UPDATE or DELETE to the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

from topofmind.security import calendar_token

WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "TRUNCATE")


@pytest.fixture
def writes(app):
    """Every write statement the app's engine sends while the test runs."""
    engine = app.extensions["topofmind"].engine
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _executemany):
        if statement.lstrip().upper().startswith(WRITES):
            seen.append(statement.split("\n", 1)[0])

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _values(client, seed) -> dict[str, object]:
    """A real value for each route parameter, from the seeded data."""
    suggestion = client.get("/api/suggestions").json["items"][0]
    item = client.post("/api/share-items", json={"title": "Platform hiring in Berlin"}).json
    interaction = client.get(f"/api/contacts/{seed['quiet']}/interactions").json["items"][0]
    capture = client.get("/api/captures").json["items"][0]
    app = client.raw.application
    with app.extensions["topofmind"].session_factory.begin() as session:
        from topofmind.services.events import create_event

        now = app.config["CLOCK"]()
        event_id = create_event(session, {"name": "Platform Night", "starts_at": now}, now).id
    return {
        "event_id": event_id,
        "person_id": seed["dana"],
        "opportunity_id": seed["opportunity"],
        "interview_id": seed["interview"],
        "suggestion_id": suggestion["id"],
        "item_id": item["id"],
        "interaction_id": interaction["id"],
        "capture_id": capture["id"],
        "key": "thank_you",
        "filename": "app.css",
    }


def test_no_get_route_writes(app, client, web, seed, clock, writes):
    snoozed = client.get("/api/suggestions").json["items"][0]
    snoozing = client.post(f"/api/suggestions/{snoozed['id']}/snooze", json={"hours": 2})
    assert snoozing.status_code == 200
    values = _values(client, seed)
    clock.advance(hours=3)  # the snooze has ended: reads must show it open without storing it
    writes.clear()
    query = {
        "/api/contacts/lookup": "?url=https://www.linkedin.com/in/dana-hiring/",
        "/calendar.ics": f"?key={calendar_token(app.config['TOKEN'])}",
    }
    visited = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        if "GET" not in rule.methods:
            continue
        missing = set(rule.arguments) - set(values)
        assert not missing, f"give {rule.rule} a value for {missing} above"
        path = rule.build({name: values[name] for name in rule.arguments})[1]
        path += query.get(rule.rule, "")
        response = (client if path.startswith("/api/") else web).get(path)
        response.close()  # a static file stays open until its response is closed
        assert response.status_code < 400, (path, response.status_code)
        visited.append(path)
    assert len(visited) >= 40
    assert writes == []
    woke = client.get(f"/api/suggestions/{snoozed['id']}").json
    assert woke["status"] == "open" and woke["snoozed_until"] is None
    listed = client.get("/api/suggestions", query_string={"status": "snoozed"}).json
    assert snoozed["id"] not in [row["id"] for row in listed["items"]]
    assert writes == []


@pytest.mark.fresh_app
def test_a_get_that_tried_to_write_is_rolled_back(app, client, seed, clock):
    """The commit point itself: whatever a GET flushed is rolled back, never committed."""
    from topofmind.http.db import db_session

    @app.get("/api/test-only-writing-get")
    def writing_get():
        from topofmind.services.people import get_person

        get_person(db_session(), seed["quiet"]).notes = "written by a GET"
        db_session().flush()
        return {"ok": True}

    assert client.get("/api/test-only-writing-get").status_code == 200
    assert client.get(f"/api/contacts/{seed['quiet']}").json["notes"] != "written by a GET"


def test_the_snooze_ends_without_a_write_and_the_scheduler_stores_it(app, client, seed, clock):
    from topofmind.scheduler import recompute_job

    target = client.get("/api/suggestions").json["items"][0]
    client.post(f"/api/suggestions/{target['id']}/snooze", json={"hours": 1})
    assert client.get(f"/api/suggestions/{target['id']}").json["status"] == "snoozed"
    clock.advance(hours=1, minutes=1)
    assert client.get(f"/api/suggestions/{target['id']}").json["status"] == "open"
    with app.extensions["topofmind"].session_factory.begin() as session:
        from topofmind.services.suggestions import get_suggestion

        assert get_suggestion(session, target["id"]).status == "snoozed"
        recompute_job(session, clock() + timedelta(seconds=1))
        assert get_suggestion(session, target["id"]).status == "open"
