"""Opportunities, interviews and interactions."""

import pytest


def test_opportunity_with_people(client, make_person, make_opportunity):
    manager = make_person(name="Hana Manager")
    opportunity = make_opportunity(people=[{"person_id": manager["id"], "role": "hiring_manager"}])
    assert opportunity["people"] == [
        {
            "person_id": manager["id"],
            "role": "hiring_manager",
            "name": "Hana Manager",
            "on_hiring_team": False,
            "job_poster": False,
        }
    ]
    assert opportunity["source"] is None and opportunity["linkedin_job_id"] is None
    assert client.get(f"/api/contacts/{manager['id']}").json["stage"] == "applied"
    listed = client.get("/api/opportunities?stage=open").json
    assert listed["total"] == 1


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"title": "X"}, "company"),
        ({"company": "X"}, "title"),
        ({"company": "X", "title": "Y", "stage": "dreaming"}, "stage"),
        ({"company": "X", "title": "Y", "people": [{"person_id": 999}]}, "people"),
        ({"company": "X", "title": "Y", "people": [{"person_id": 1, "role": "boss"}]}, "people"),
        (
            {"company": "X", "title": "Y", "decision_expected_on": "3000-01-01"},
            "decision_expected_on",
        ),
    ],
)
def test_opportunity_validation(client, make_person, payload, field):
    make_person()
    response = client.post("/api/opportunities", json=payload)
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert client.get("/api/opportunities").json["total"] == 0


def test_interview_links_interviewers_and_moves_stage(client, make_person, make_opportunity):
    interviewer = make_person(name="Ivan Interviewer")
    opportunity = make_opportunity(stage="screening")
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": "2026-11-24T10:00:00+01:00",
            "ends_at": "2026-11-24T11:00:00+01:00",
            "interviewer_ids": [interviewer["id"]],
            "interviewer_topics": {str(interviewer["id"]): ["event sourcing"]},
            "topics": ["Kafka migration"],
            "decision_expected_on": "2026-12-04",
        },
    )
    assert response.status_code == 201, response.json
    interview = response.json
    assert interview["interviewer_ids"] == [interviewer["id"]]
    assert interview["interviewer_topics"] == {str(interviewer["id"]): ["event sourcing"]}
    updated = client.get(f"/api/opportunities/{opportunity['id']}").json
    assert updated["stage"] == "interviewing"
    assert updated["decision_expected_on"] == "2026-12-04"
    assert {p["role"] for p in updated["people"]} == {"interviewer"}


def test_interview_cannot_end_before_it_starts(client, make_opportunity):
    opportunity = make_opportunity()
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": "2026-11-24T10:00:00Z",
            "ends_at": "2026-11-24T09:00:00Z",
        },
    )
    assert response.status_code == 422
    assert "ends_at" in response.json["errors"]


def test_interview_for_unknown_opportunity(client):
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": 77,
            "starts_at": "2026-11-24T10:00:00Z",
            "ends_at": "2026-11-24T11:00:00Z",
        },
    )
    assert response.status_code == 422
    assert "opportunity_id" in response.json["errors"]


def test_interactions(client, make_person):
    person = make_person()
    created = client.post(
        f"/api/contacts/{person['id']}/interactions",
        json={
            "kind": "inbound_request",
            "occurred_at": "2026-11-20T09:00:00Z",
            "note": "References?",
        },
    )
    assert created.status_code == 201
    assert created.json["direction"] == "inbound"
    bad = client.post(f"/api/contacts/{person['id']}/interactions", json={"kind": "poke"})
    assert bad.status_code == 422 and "kind" in bad.json["errors"]
    far = client.post(
        f"/api/contacts/{person['id']}/interactions",
        json={"kind": "call", "occurred_at": "1800-01-01T00:00:00Z"},
    )
    assert far.status_code == 422 and "occurred_at" in far.json["errors"]
    assert client.post("/api/contacts/999/interactions", json={"kind": "call"}).status_code == 404
    listed = client.get(f"/api/contacts/{person['id']}/interactions").json
    assert listed["total"] == 1


def test_opportunity_update_and_delete(client, make_opportunity):
    opportunity = make_opportunity()
    response = client.patch(f"/api/opportunities/{opportunity['id']}", json={"stage": "rejected"})
    assert response.json["stage"] == "rejected" and response.json["closed_at"]
    assert client.delete(f"/api/opportunities/{opportunity['id']}").status_code == 200
    assert client.get(f"/api/opportunities/{opportunity['id']}").status_code == 404
