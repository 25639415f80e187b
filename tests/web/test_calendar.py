"""The private calendar feed: written and read back with the icalendar library."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from topofmind.domain import timing
from topofmind.security import calendar_token


def feed_url(app) -> str:
    return f"/calendar.ics?key={calendar_token(app.config['TOKEN'])}"


def test_feed_lists_interviews_and_due_suggestions(anonymous, app, seed):
    response = anonymous.get(feed_url(app))  # calendar apps carry no cookie
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    raw = response.data
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    interview = events[f"interview-{seed['interview']}@topofmind.local"]
    assert str(interview["SUMMARY"]) == "Interview: Acme – Staff Engineer"
    assert interview.decoded("DTSTART") == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert interview.decoded("DTEND") == datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
    assert "Topics: platform migration." in str(interview["DESCRIPTION"])
    assert "With Dana Hiring." in str(interview["DESCRIPTION"])
    summaries = [str(event["SUMMARY"]) for event in events.values()]
    assert "Thank you: Dana Hiring" in summaries
    assert "Keep warm: Quinn Quiet" in summaries
    for event in events.values():
        assert event.decoded("DTSTART").tzinfo is not None
        assert "DTSTAMP" in event


@pytest.mark.parametrize("key", [None, "", "wrong", "test-token-0123456789"])
def test_feed_needs_the_calendar_key(anonymous, app, seed, key):
    path = "/calendar.ics" if key is None else f"/calendar.ics?key={key}"
    response = anonymous.get(path)
    assert response.status_code == 404
    assert b"BEGIN:VCALENDAR" not in response.data


def test_settings_page_shows_the_feed_url(web, app):
    assert feed_url(app).replace("&", "&amp;") in web.text("/settings")


def test_suggestions_sit_in_working_hours_and_say_when_to_send(anonymous, app, seed):
    calendar = Calendar.from_ical(anonymous.get(feed_url(app)).data)
    utc = timing.zone("UTC")  # the seed's user time zone
    suggestions = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("suggestion-")]
    assert suggestions
    for event in suggestions:
        start = event.decoded("DTSTART")
        assert timing.in_working_hours(start, utc, 9, 17), (event["SUMMARY"], start)
        assert str(event["DESCRIPTION"]).startswith(("Send ", "From ", "Overdue since "))


def test_snoozed_suggestions_appear_at_their_new_time(web, app, seed, db_session, clock):
    from tests.web.conftest import suggestion_of

    suggestion = suggestion_of(db_session, "keep_warm", seed["quiet"])
    web.post(f"/suggestions/{suggestion}/snooze", {"hours": "72"})
    calendar = Calendar.from_ical(web.get(feed_url(app)).data)
    event = next(
        e
        for e in calendar.walk("VEVENT")
        if str(e["UID"]) == f"suggestion-{suggestion}@topofmind.local"
    )
    # At the snooze's end, moved into working hours when it falls outside them.
    expected = timing.next_working_time(clock() + timedelta(hours=72), timing.zone("UTC"), 9, 17)
    assert event.decoded("DTSTART") == expected
