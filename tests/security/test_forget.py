""" "Forget this person" leaves no trace: every text and JSON column and every raw capture."""

from __future__ import annotations

import zlib

from sqlalchemy import JSON, LargeBinary, String, Text, select

from tests.support.app import migrated_engine
from tests.support.sample_data import TRUTH, capture_payload
from topofmind.store.models import Base


def traces(engine, needles: list[str]) -> list[str]:
    """Every ``table.column`` (or capture HTML) in which any needle appears, case-insensitively."""
    needles = [needle.casefold() for needle in needles if needle]
    found = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            columns = [
                column
                for column in table.columns
                if isinstance(column.type, String | Text | JSON | LargeBinary)
            ]
            if not columns:
                continue
            for row in connection.execute(select(*columns)).mappings():
                for column in columns:
                    value = row[column.name]
                    if value is None:
                        continue
                    if isinstance(column.type, LargeBinary):
                        text = zlib.decompress(value).decode("utf-8", "replace")
                    else:
                        text = str(value)
                    text = text.casefold()
                    if any(needle in text for needle in needles):
                        found.append(f"{table.name}.{column.name}")
    return sorted(set(found))


def capture(client, file):
    response = client.post("/api/captures", json=capture_payload(file))
    assert response.status_code == 201, response.json
    return response.json


def build_history(client, person_id):
    """An opportunity, an interview, a note and an interaction about this person."""
    opportunity = client.post(
        "/api/opportunities",
        json={
            "company": "Acme",
            "title": "Data Engineer",
            "stage": "interviewing",
            "people": [{"person_id": person_id, "role": "interviewer"}],
        },
    ).json
    interview = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": "2026-11-24T10:00:00+00:00",
            "ends_at": "2026-11-24T11:00:00+00:00",
            "interviewer_ids": [person_id],
            "interviewer_topics": {str(person_id): ["data quality"]},
        },
    )
    assert interview.status_code == 201, interview.json
    assert (
        client.patch(f"/api/contacts/{person_id}", json={"tags": ["interviewer"]}).status_code
        == 200
    )
    response = client.post(
        f"/api/contacts/{person_id}/interactions",
        json={"kind": "thank_you", "occurred_at": "2026-11-24T12:00:00Z", "note": "Thanked"},
    )
    assert response.status_code == 201, response.json


def test_forgetting_a_captured_person_removes_every_trace(client, database_url):
    file = "profile_loggedin_02.html"
    truth = TRUTH[file]["person"]
    needles = [truth["name"], truth["public_id"]]
    engine = migrated_engine(database_url)
    # Other pages captured too, so the scan proves it finds the person, not merely an empty db.
    for other in ("feed_01.html", "profile_loggedin_06.html"):
        capture(client, other)
    body = capture(client, file)
    capture(client, file)  # a second visit: a second raw capture of the same profile
    person_id = body["person_id"]
    build_history(client, person_id)
    client.post("/api/suggestions/recompute")
    assert "capture.html_gz" in traces(engine, needles)
    assert "person.name" in traces(engine, needles)

    response = client.delete(f"/api/contacts/{person_id}")

    assert response.status_code == 200, response.json
    assert response.json["removed"]["captures"] == 2
    assert traces(engine, needles) == []
    # What was not about them stays.
    assert client.get("/api/captures").json["total"] == 2
    assert client.get("/api/opportunities").json["total"] == 1


def test_forgetting_a_person_named_on_other_profiles_removes_those_captures(client, database_url):
    # Eduardo Alvarez Nowak's name also appears on the profile pages of two other people.
    engine = migrated_engine(database_url)
    eduardo = capture(client, "profile_loggedin_01.html")
    capture(client, "profile_loggedin_02.html")
    capture(client, "profile_loggedin_03.html")
    needles = [TRUTH["profile_loggedin_01.html"]["person"]["name"], "eduardo-alvarez-nowak"]

    assert client.delete(f"/api/contacts/{eduardo['person_id']}").status_code == 200

    assert traces(engine, needles) == []


def test_forgetting_a_mutual_connection_removes_its_name_everywhere(client, database_url):
    engine = migrated_engine(database_url)
    mutual = client.post(
        "/api/contacts",
        json={"name": "Sudipta Dey", "profile_url": "https://www.linkedin.com/in/sudipta-dey-x/"},
    ).json
    capture(client, "profile_loggedin_02.html")  # lists Sudipta Dey as a mutual connection

    assert client.delete(f"/api/contacts/{mutual['id']}").status_code == 200

    assert traces(engine, ["Sudipta Dey"]) == []


def test_raw_captures_are_pruned_after_the_retention_setting(client, app, clock, database_url):
    from topofmind.services.captures import prune_captures
    from topofmind.services.settings import get_settings

    engine = migrated_engine(database_url)
    old = capture(client, "profile_loggedin_03.html")
    clock.advance(days=31)
    recent = capture(client, "profile_loggedin_06.html")
    assert client.patch("/api/settings", json={"capture_retention_days": 30}).status_code == 200
    assert "capture.html_gz" in traces(engine, ["Abgar Gulo"])

    with app.extensions["topofmind"].session_factory.begin() as session:
        days = get_settings(session)["capture_retention_days"]
        assert prune_captures(session, clock(), days) == 1

    statuses = {c["id"]: c["status"] for c in client.get("/api/captures").json["items"]}
    assert statuses[old["capture_id"]] == "pruned"
    assert statuses[recent["capture_id"]] != "pruned"
    assert "capture.html_gz" not in traces(engine, ["Abgar Gulo"])
    assert "capture.html_gz" in traces(
        engine, [TRUTH["profile_loggedin_06.html"]["person"]["name"]]
    )
    # The parsed facts stay.
    assert client.get(f"/api/contacts/{old['person_id']}").json["name"] == "Abgar Gulo"
