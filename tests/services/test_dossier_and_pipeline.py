"""A person's dossier and the pipeline view on the demo data set: the right facts for the right
person, and nobody else's private notes. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from topofmind.errors import NotFound
from topofmind.services import opportunities as opportunity_service
from topofmind.services.demo import load_demo
from topofmind.services.dossier import person_dossier
from topofmind.services.opportunities import OPEN_STAGES
from topofmind.services.pipeline import pipeline_view
from topofmind.store.models import Opportunity, Person


@pytest.fixture
def session(app, clock):
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        load_demo(session, clock())
    with factory() as session:
        yield session
        session.rollback()


def person_id(session, name: str) -> int:
    return session.scalars(select(Person.id).where(Person.name == name)).one()


def test_an_interviewers_dossier_has_their_own_topics_and_the_round(session, clock):
    dossier = person_dossier(session, person_id(session, "Tomás Ortega"), clock())
    assert dossier["person"]["name"] == "Tomás Ortega"
    assert dossier["person"]["cadence"]["status"]
    [final] = [item for item in dossier["interviews"] if item["kind"] == "onsite"]
    own = next(i for i in final["interviewers"] if i["name"] == "Tomás Ortega")
    assert own["topics"] == ["Kafka consumer lag alerts", "a calmer on-call rotation"]
    assert {i["name"] for i in final["interviewers"]} == {"Priya Raman", "Tomás Ortega"}
    assert final["company"] == "Northwind Robotics" and "paved road" in final["notes"]
    [opportunity] = dossier["opportunities"]
    assert (opportunity["company"], opportunity["role"]) == ("Northwind Robotics", "interviewer")
    assert {p["name"] for p in opportunity["people"]} == {
        "Priya Raman",
        "Tomás Ortega",
        "Hannah Becker",
    }
    thank_you = next(s for s in dossier["suggestions"] if s["kind"] == "thank_you")
    assert "Kafka consumer lag alerts" in thank_you["draft"]["body"]
    assert thank_you["draft"]["guidance"]
    # A 3rd-degree interviewer with no known mutual: no introduction section.
    assert dossier["introductions"] is None


def test_a_hiring_managers_dossier_ranks_introducers_and_shows_posts(session, clock):
    dossier = person_dossier(session, person_id(session, "Daniel Okafor"), clock())
    introducers = dossier["introductions"]["introducers"]
    assert [i["name"] for i in introducers] == ["Sofia Marin", "Wei Chen"]
    assert introducers[0]["evidence"] and introducers[0]["score"] > introducers[1]["score"]
    mutuals = {m["name"]: m for m in dossier["mutual_connections"]}
    assert set(mutuals) == {"Sofia Marin", "Wei Chen"}
    assert mutuals["Sofia Marin"]["first_degree"] and mutuals["Sofia Marin"]["person_id"]
    assert dossier["posts"][0]["text"].startswith("Data contracts saved our on-call")
    [opportunity] = dossier["opportunities"]
    assert (opportunity["stage"], opportunity["role"]) == ("applied", "hiring_manager")
    assert any(
        entry["kind"] == "interaction" and entry["label"] == "reaction"
        for entry in dossier["timeline"]
    )


def test_a_first_degree_connection_needs_no_introduction(session, clock):
    dossier = person_dossier(session, person_id(session, "Hannah Becker"), clock())
    assert dossier["introductions"] is None
    assert dossier["timeline"][0]["label"] == "inbound_request"


def test_only_the_asked_for_persons_notes_are_in_the_dossier(session, clock):
    priya = session.get(Person, person_id(session, "Priya Raman"))
    tomas = session.get(Person, person_id(session, "Tomás Ortega"))
    priya.notes = "PRIYA-PRIVATE: salary expectations discussed"
    tomas.notes = "TOMAS-OWN: prefers email"
    session.flush()
    dumped = json.dumps(person_dossier(session, tomas.id, clock()), default=str)
    assert "TOMAS-OWN" in dumped
    assert "PRIYA-PRIVATE" not in dumped  # Priya is on the same panel and opportunity
    assert "PRIYA-PRIVATE" in json.dumps(person_dossier(session, priya.id, clock()), default=str)


def test_unknown_person_is_not_found(session, clock):
    with pytest.raises(NotFound):
        person_dossier(session, 999_999, clock())


def test_pipeline_groups_opportunities_by_stage_with_people_and_interviews(session, clock):
    view = pipeline_view(session, clock(), include_closed=False)
    assert [column["stage"] for column in view["stages"]] == list(OPEN_STAGES)
    by_stage = {
        column["stage"]: {item["company"]: item for item in column["opportunities"]}
        for column in view["stages"]
    }
    assert set(by_stage["interviewing"]) == {"Northwind Robotics", "Brightwave Analytics"}
    assert set(by_stage["applied"]) == {"Lumen Health"}
    assert set(by_stage["interested"]) == {"Harbor & Pine"}
    northwind = by_stage["interviewing"]["Northwind Robotics"]
    assert {(p["name"], p["role"]) for p in northwind["people"]} == {
        ("Priya Raman", "hiring_manager"),
        ("Tomás Ortega", "interviewer"),
        ("Hannah Becker", "recruiter"),
    }
    assert northwind["decision_expected_on"] == clock().date() + timedelta(days=6)
    starts = [interview["starts_at"] for interview in northwind["interviews"]]
    assert starts == sorted(starts) and len(starts) == 2
    assert northwind["last_interview_at"] == northwind["interviews"][-1]["ends_at"]
    assert northwind["next_interview_at"] is None
    assert (view["open_total"], view["closed_total"], view["closed"]) == (4, 1, [])


def test_pipeline_lists_closed_ones_on_request_and_the_next_interview(session, clock):
    lumen = session.scalars(select(Opportunity).where(Opportunity.company == "Lumen Health")).one()
    daniel = person_id(session, "Daniel Okafor")
    starts = clock() + timedelta(days=2)
    opportunity_service.create_interview(
        session,
        {
            "opportunity_id": lumen.id,
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=1),
            "interviewer_ids": [daniel],
        },
        clock(),
    )
    view = pipeline_view(session, clock())
    [closed] = view["closed"]
    assert (closed["company"], closed["stage"]) == ("Quanta Labs", "rejected")
    interviewing = next(c for c in view["stages"] if c["stage"] == "interviewing")
    lumen_entry = next(o for o in interviewing["opportunities"] if o["id"] == lumen.id)
    assert lumen_entry["next_interview_at"] == starts
    assert lumen_entry["interviews"][0]["interviewers"][0]["name"] == "Daniel Okafor"
