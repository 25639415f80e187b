"""The draft editor's form on the dashboard: "mark as sent" logs the edited text on the day it
was sent; a day in the future or a malformed one is refused and nothing is logged."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.web.conftest import flash_text, status_of, suggestion_of
from topofmind.store.models import Interaction


def thank_you_touches(db_session, person_id):
    with db_session() as session:
        return [
            (row.occurred_at, row.note)
            for row in session.scalars(
                select(Interaction).where(
                    Interaction.person_id == person_id, Interaction.kind == "thank_you"
                )
            )
        ]


def test_the_card_has_the_editor_with_guidance_and_the_sent_form(web, seed, db_session):
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    html = web.text(f"/contacts/{seed['dana']}")
    assert f'<textarea id="draft-{suggestion}"' in html
    assert f'form="sent-{suggestion}"' in html and 'name="sent_text"' in html
    assert "How to send it" in html and "within 24 hours" in html
    assert 'name="sent_on"' in html and "Mark as sent" in html


def test_mark_as_sent_logs_the_edited_text_on_its_day(web, seed, db_session, clock):
    from topofmind.services.settings import update_settings

    with db_session() as session:
        update_settings(session, {"keep_message_bodies": True}, clock())
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    yesterday = (clock() - timedelta(days=1)).date()
    text = "Hi Dana,\n\nThank you for the conversation about the Kafka migration.\n\nSam"
    response = web.post(
        f"/suggestions/{suggestion}/done",
        {"next": "/", "sent_text": text, "sent_on": yesterday.isoformat()},
    )
    assert response.status_code == 303
    assert status_of(db_session, suggestion) == "done"
    flashes = flash_text(web.text("/"))
    assert any(f.startswith(f"Marked as sent on {yesterday:%a %-d %b}") for f in flashes), flashes
    ((occurred_at, note),) = thank_you_touches(db_session, seed["dana"])
    assert occurred_at.date() in (yesterday, clock().date())
    assert occurred_at.replace(tzinfo=None) < clock().replace(tzinfo=None)
    assert note == text


def test_a_future_or_malformed_sent_day_is_refused(web, seed, db_session, clock):
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    tomorrow = (clock() + timedelta(days=2)).date()
    for bad in (tomorrow.isoformat(), "yesterday"):
        response = web.post(
            f"/suggestions/{suggestion}/done", {"next": "/", "sent_text": "Hi", "sent_on": bad}
        )
        assert response.status_code == 303
        assert status_of(db_session, suggestion) == "open"
        assert any("sent" in f.lower() for f in flash_text(web.text("/")))
    assert thank_you_touches(db_session, seed["dana"]) == []
