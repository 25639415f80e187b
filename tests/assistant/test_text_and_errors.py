"""Pure pieces of the MCP server: times in the user's words, field errors as the assistant reads
them, structured content as JSON. An injected clock, no server."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import marshmallow as ma
import pytest
from sqlalchemy.exc import OperationalError

from topofmind.assistant.errors import BUSY, describe_fields, tool_error
from topofmind.assistant.text import Words, check_text, excerpt, people_text
from topofmind.assistant.tools import jsonable
from topofmind.errors import InvalidInput, NotFound
from topofmind.schemas.interactions import InteractionCreate

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)  # Wednesday 16:00 in Berlin
BERLIN = Words(ZoneInfo("Europe/Berlin"), NOW)


@pytest.mark.parametrize(
    ("moment", "when", "ago"),
    [
        (NOW, "Wed 25 Nov 16:00", "now"),
        (NOW + timedelta(hours=3), "Wed 25 Nov 19:00", "in 3 h"),
        (NOW - timedelta(days=3), "Sun 22 Nov 16:00", "3 d ago"),
        (NOW + timedelta(days=60), "Sun 24 Jan 2027 16:00", "in 2 mo"),
        (NOW - timedelta(minutes=30), "Wed 25 Nov 15:30", "30 min ago"),
    ],
)
def test_times_read_in_the_users_zone_and_relative_to_now(moment, when, ago):
    assert BERLIN.when(moment) == when
    assert BERLIN.ago(moment) == ago


def test_days_and_the_today_line():
    assert BERLIN.day(date(2026, 12, 4)) == "Fri 4 Dec"
    assert BERLIN.day(date(2027, 1, 4)) == "Mon 4 Jan 2027"
    assert BERLIN.day(datetime(2026, 11, 25, 23, 30, tzinfo=UTC)) == "Thu 26 Nov"
    assert BERLIN.when(None) == "—" and BERLIN.ago(None) == "never"
    assert BERLIN.today_line() == "Now: Wednesday 25 November 2026, 16:00 (Europe/Berlin)."


def test_excerpt_flattens_and_cuts():
    assert excerpt("a\n\n b   c") == "a b c"
    assert excerpt("word " * 100, 20) == "word word word word…"


def test_validation_errors_name_every_field():
    with pytest.raises(ma.ValidationError) as caught:
        InteractionCreate().load({"kind": "hug", "note": "x" * 20_001})
    message = str(tool_error(caught.value))
    assert message.startswith("Invalid fields: ")
    assert "'kind': Must be one of:" in message and "'note': Longer than maximum" in message


def test_nested_field_errors_are_flattened():
    assert describe_fields({"interviewers": [{"0": ["Not a valid integer."]}]}) == (
        "'interviewers': Not a valid integer."
    )


def test_domain_errors_keep_their_message_and_blame_the_subject_when_unnamed():
    named = InvalidInput("Unknown opportunity.", {"opportunity_id": ["No opportunity with id 9."]})
    assert str(tool_error(named)) == (
        "Unknown opportunity. ('opportunity_id': No opportunity with id 9.)"
    )
    assert str(tool_error(NotFound("No person with id 7."), "person_id")) == (
        "No person with id 7. ('person_id': Not found.)"
    )
    assert str(tool_error(OverflowError(), "person_id")).endswith("('person_id')")
    assert str(tool_error(OperationalError("BEGIN", {}, Exception("locked")))) == BUSY


def test_unexpected_failures_are_not_dressed_up_as_tool_errors():
    with pytest.raises(TypeError):
        tool_error(KeyError("boom"))


def test_structured_content_is_json():
    value = {"at": NOW, "day": date(2026, 12, 4), "ids": (1, 2), "nested": [{"n": None}]}
    assert json.loads(json.dumps(jsonable(value))) == {
        "at": "2026-11-25T15:00:00+00:00",
        "day": "2026-12-04",
        "ids": [1, 2],
        "nested": [{"n": None}],
    }


def test_message_check_text_names_the_words():
    result = {
        "length": 40,
        "char_limit": 300,
        "within_limit": True,
        "warnings": [{"code": "pushy", "message": "Too pushy.", "words": ["ASAP"], "spans": []}],
    }
    assert check_text(result, "linkedin_note").splitlines() == [
        "40 characters; fits the 300-character limit for linkedin note.",
        "1 warning(s):",
        "- pushy: Too pushy. (caused by: “ASAP”)",
    ]


def test_people_pages_say_where_they_are():
    person = {
        "id": 3,
        "name": "Hannah Becker",
        "title": "Recruiter",
        "company": "Northwind",
        "stage": "interviewing",
        "degree": 1,
        "tags": ["recruiter"],
        "do_not_contact": False,
        "cadence": None,
    }
    text = people_text({"items": [person], "total": 41, "page": 2, "per_page": 20}, BERLIN)
    assert text.startswith("People 21–21 of 41:")
    assert "- Hannah Becker (person 3): Recruiter at Northwind · interviewing · 1st-degree" in text
    assert text.endswith("More on page 3.")
