"""Events: Events.csv stored as facts, people met added on the event page, follow-ups from both."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from topofmind.errors import Conflict, InvalidInput
from topofmind.services import events as event_service
from topofmind.store.models import Event, Interaction, Suggestion

EVENTS_CSV = (
    "Event Name,Event Time,Status,External Url\n"
    'Platform Night Berlin,"{when} - {until}",ATTENDING,https://example.org/platform-night\n'
    ',"Dec 01, 2026 06:00 PM",ATTENDING,\n'
)


def events_zip(when: datetime) -> bytes:
    text = EVENTS_CSV.format(
        when=f"{when:%b %d, %Y %I:%M %p}", until=f"{when + timedelta(hours=2):%b %d, %Y %I:%M %p}"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Events.csv", text)
    return buffer.getvalue()


def upload(client, data: bytes):
    return client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(data), "export.zip")},
        content_type="multipart/form-data",
    )


def test_events_csv_is_stored_once_and_people_met_get_a_follow_up(app, client, clock):
    held = clock().replace(second=0, microsecond=0) - timedelta(days=1)
    report = upload(client, events_zip(held)).json
    assert report["by_kind"]["events"]["added"] == 1
    [file_report] = report["file_reports"]
    assert file_report["skipped"] == 1 and file_report["reasons"][0]["reason"] == "no event name"
    again = upload(client, events_zip(held)).json
    assert again["by_kind"]["events"] == {"added": 0, "updated": 0, "unchanged": 1, "ignored": 0}

    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        [event] = session.scalars(select(Event)).all()
        assert (event.name, event.source, event.status) == (
            "Platform Night Berlin",
            "import",
            "ATTENDING",
        )
        assert event.starts_at == held.astimezone(UTC)
        person = event_service.add_person_met(session, event.id, "Nadia Rossi", clock())
        person_id, event_id = person.id, event.id
    with factory.begin() as session:
        interaction = session.scalars(
            select(Interaction).where(Interaction.person_id == person_id)
        ).one()
        assert (interaction.kind, interaction.occurred_at) == ("event", held.astimezone(UTC))
        kinds = set(
            session.scalars(select(Suggestion.kind).where(Suggestion.person_id == person_id))
        )
        assert "event_follow_up" in kinds
        with pytest.raises(Conflict):
            event_service.add_person_met(session, event_id, "nadia rossi", clock())


def test_a_logged_event_in_the_future_takes_no_one_yet(app, clock):
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        event = event_service.create_event(
            session, {"name": "Data Summit", "starts_at": clock() + timedelta(days=3)}, clock()
        )
        with pytest.raises(InvalidInput):
            event_service.add_person_met(session, event.id, "Someone", clock())
