"""A realistic data set built through the API: real captured pages, people, a pipeline."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from tests.support.fixtures import FIXTURES_DIR as FIXTURES
from topofmind.store.models import Base

PAGES = FIXTURES / "linkedin"
TRUTH = {t["file"]: t for t in json.loads((PAGES / "ground_truth.json").read_text())}


def capture_payload(file: str, capture_id: str | None = None, url: str | None = None) -> dict:
    return {
        "id": capture_id or str(uuid.uuid4()),
        "url": url or TRUTH[file]["url"],
        "html": (PAGES / file).read_text(encoding="utf-8", errors="replace"),
        "captured_at": "2026-11-25T14:59:00Z",
    }


def fill(client) -> dict:
    """Capture every saved page, add people, an opportunity, an interview, notes and settings.

    Returns what was created (``{"captures": [...], "people": [...]}``).
    """
    created: dict = {"captures": [], "people": []}
    for file in sorted(TRUTH):
        response = client.post("/api/captures", json=capture_payload(file))
        assert response.status_code == 201, (file, response.json)
        created["captures"].append(response.json["capture_id"])
    manager = client.post(
        "/api/contacts",
        json={
            "name": "Zoë Ünïcode-Ørsted",
            "profile_url": "https://www.linkedin.com/in/zoe-orsted/",
            "tags": ["hiring manager"],
            "notes": 'Met at the "Data" meetup; likes 🚲 and =SUM(A1).',
            "time_zone": "Europe/Copenhagen",
        },
    )
    assert manager.status_code == 201, manager.json
    created["people"].append(manager.json["id"])
    opportunity = client.post(
        "/api/opportunities",
        json={
            "company": "Acme",
            "title": "Staff Engineer",
            "stage": "screening",
            "decision_expected_on": "2026-12-04",
            "people": [{"person_id": manager.json["id"], "role": "hiring_manager"}],
        },
    )
    assert opportunity.status_code == 201, opportunity.json
    interview = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity.json["id"],
            "starts_at": "2026-11-24T10:00:00+01:00",
            "ends_at": "2026-11-24T11:00:00+01:00",
            "interviewer_ids": [manager.json["id"]],
            "topics": ["Kafka migration"],
        },
    )
    assert interview.status_code == 201, interview.json
    interaction = client.post(
        f"/api/contacts/{manager.json['id']}/interactions",
        json={"kind": "message", "occurred_at": "2026-11-20T09:00:00Z", "note": "Asked about Q1"},
    )
    assert interaction.status_code == 201, interaction.json
    settings = client.patch("/api/settings", json={"user_name": "Sam", "daily_budget": 7})
    assert settings.status_code == 200, settings.json
    return created


def dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table a backup carries, as plain tuples in primary-key order (for
    comparing databases). Sign-in keys and sessions are the installation's, not data."""
    from topofmind.services.backup import NOT_BACKED_UP

    out = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_BACKED_UP:
                continue
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            out[table.name] = [tuple(row) for row in rows]
    return out
