"""The reading tools over stdio with the SDK's client, on the demo data: the right people and
facts in the text and the structured content; bad arguments to any tool give a tool error
naming the field, never a crash, and write nothing."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from topofmind.assistant.tools import READING, WRITING

from .conftest import ids_by_name, text_of


def test_tools_and_prompts_are_listed_with_typed_inputs(reader):
    async def scenario(session):
        return await session.list_tools(), await session.list_prompts()

    tools, prompts = reader.run(scenario)
    by_name = {tool.name: tool for tool in tools.tools}
    assert set(by_name) == set(READING) | set(WRITING)
    for tool in tools.tools:
        assert len(tool.description) > 60, tool.name
        assert tool.input_schema["type"] == "object"
        assert tool.annotations.read_only_hint is (tool.name in READING), tool.name
        assert tool.annotations.open_world_hint is False
    log = by_name["log_interaction"].input_schema
    assert log["required"] == ["person_id", "kind"]
    assert log["properties"]["person_id"]["type"] == "integer"
    assert "thank_you" in log["properties"]["kind"]["enum"]
    interview = by_name["add_interview"].input_schema
    assert interview["properties"]["interviewers"]["type"] == "array"
    channel = by_name["check_message"].input_schema["properties"]["channel"]
    assert set(channel["enum"]) >= {"email", "message", "linkedin_note", "comment"}
    # An optional choice keeps null allowed and lists the choices on its string branch.
    stage = by_name["search_people"].input_schema["properties"]["stage"]
    assert {"type": "null"} in stage["anyOf"]
    assert "networking" in next(b for b in stage["anyOf"] if b.get("type") == "string")["enum"]
    assert {prompt.name for prompt in prompts.prompts} == {
        "thank_you",
        "check_in",
        "comment_on_post",
        "introduction_request",
        "event_follow_up",
    }
    for prompt in prompts.prompts:
        assert prompt.description and prompt.arguments[0].name == "person"
        assert prompt.arguments[0].required is (prompt.name != "thank_you")


def test_todays_plan_lists_due_suggestions_with_reason_window_and_draft(reader, shared_api):
    result = reader.call("todays_plan")
    assert not result.is_error, text_of(result)
    plan = result.structured_content
    today, coming = plan["today"], plan["coming_up"]
    assert len(today) <= plan["budget"]
    order = [(-item["priority"], item["due_at"]) for item in today]
    assert order == sorted(order)
    for item in today:
        assert item["reason"] and item["due_at"] and item["person_name"]
        assert item["id"] in {
            s["id"] for s in shared_api.get("/api/suggestions?per_page=200").json["items"]
        }
    # Whatever the weekday, Hannah's request and both thank-yous are today or coming up.
    planned = {(item["kind"], item["person_name"]) for item in today + coming}
    assert {
        ("respond", "Hannah Becker"),
        ("thank_you", "Priya Raman"),
        ("thank_you", "Tomás Ortega"),
    } <= planned
    words = text_of(result)
    assert words.startswith("Now: ") and "Europe/Berlin" in words
    assert "two references by Friday" in words
    assert today  # the demo's overdue keep-warm notes are due whatever the day
    for item in today:
        assert item["reason"] in words
        for line in filter(None, item["draft"]["body"].splitlines()):
            assert line in words, (item["kind"], line)
        assert item["draft"]["guidance"] in words


@pytest.mark.parametrize(
    ("arguments", "names"),
    [
        ({"query": "northwind"}, {"Priya Raman", "Tomás Ortega", "Hannah Becker"}),
        ({"tag": "recruiter"}, {"Hannah Becker"}),
        ({"stage": "applied"}, {"Daniel Okafor"}),
        ({"company": "Lumen Health"}, {"Daniel Okafor", "Sofia Marin"}),
        ({"query": "tomas"}, {"Tomás Ortega"}),
        ({"query": "nobody at all"}, set()),
    ],
)
def test_search_people_filters_by_name_company_tag_and_stage(reader, arguments, names):
    result = reader.call("search_people", arguments)
    assert not result.is_error, text_of(result)
    found = result.structured_content["items"]
    assert {person["name"] for person in found} == names
    for person in found:
        assert f"{person['name']} (person {person['id']})" in text_of(result)
        assert "notes" not in person  # nobody's private notes in a list


def test_dossier_has_interview_topics_notes_posts_introducers_and_drafts(reader, shared_api):
    ids = ids_by_name(shared_api)

    async def scenario(session):
        tomas = await session.call_tool("person_dossier", {"person_id": ids["Tomás Ortega"]})
        daniel = await session.call_tool("person_dossier", {"person_id": ids["Daniel Okafor"]})
        return tomas, daniel

    tomas, daniel = reader.run(scenario)
    words = text_of(tomas)
    assert words.startswith("# Tomás Ortega (person ")
    assert "Kafka consumer lag alerts; a calmer on-call rotation" in words
    assert "Both want fewer pages at night" in words  # the user's notes on the round
    assert (
        "Staff Platform Engineer at Northwind Robotics — interviewing; their role: interviewer"
        in (words)
    )
    [thank_you] = [s for s in tomas.structured_content["suggestions"] if s["kind"] == "thank_you"]
    assert thank_you["draft"]["body"].split("\n")[0] in words
    assert "Guidance: Send within 24 hours" in words
    data = daniel.structured_content
    assert [i["name"] for i in data["introductions"]["introducers"]][:1] == ["Sofia Marin"]
    assert "1. Sofia Marin (score" in text_of(daniel)
    assert "Data contracts saved our on-call" in text_of(daniel)
    assert data["person"]["cadence"]["last_outbound_at"]  # structured times are ISO strings
    datetime.fromisoformat(data["person"]["cadence"]["last_outbound_at"])


def test_pipeline_shows_stages_people_interviews_and_decision_dates(reader):
    async def scenario(session):
        return (
            await session.call_tool("pipeline", {}),
            await session.call_tool("pipeline", {"include_closed": True}),
        )

    open_only, everything = reader.run(scenario)
    words = text_of(open_only)
    assert "## Interviewing" in words and "## Applied" in words and "## Interested" in words
    assert "Staff Platform Engineer at Northwind Robotics" in words
    assert "Hannah Becker (person" in words and "recruiter" in words
    assert "Decision expected" in words and "Kafka" not in words  # round topics, not per person
    assert "Interview" in words and "platform roadmap" in words
    assert open_only.structured_content["closed"] == []
    assert "## Closed" not in words
    [closed] = everything.structured_content["closed"]
    assert (closed["company"], closed["stage"]) == ("Quanta Labs", "rejected")
    assert "Principal Engineer at Quanta Labs: rejected" in text_of(everything)


def test_check_message_names_the_words_behind_each_warning(reader, shared_api):
    tomas = ids_by_name(shared_api)["Tomás Ortega"]
    pushy = "Hi Tomás, just following up ASAP!!! I hope this finds you well. Any update?"
    specific = (
        "Hi Tomás, thank you for walking me through how you alert on Kafka consumer lag — the "
        "idea of paging only when users notice stayed with me. Best, Alex"
    )

    async def scenario(session):
        return (
            await session.call_tool(
                "check_message", {"text": pushy, "channel": "email", "person_id": tomas}
            ),
            await session.call_tool(
                "check_message", {"text": specific, "channel": "email", "person_id": tomas}
            ),
            await session.call_tool(
                "check_message", {"text": "x" * 400, "channel": "linkedin_note"}
            ),
        )

    bad, good, long = reader.run(scenario)
    codes = {warning["code"]: warning["words"] for warning in bad.structured_content["warnings"]}
    assert {"stock_phrase", "pushy", "generic"} <= set(codes)
    assert "ASAP" in codes["pushy"] and "just following up" in codes["stock_phrase"]
    assert "caused by: “ASAP”" in text_of(bad)
    assert good.structured_content["warnings"] == [], text_of(good)
    assert "No warnings" in text_of(good)
    assert long.structured_content["within_limit"] is False
    assert "too_long" in {warning["code"] for warning in long.structured_content["warnings"]}


BAD_CALLS = [
    ("person_dossier", {"person_id": "abc"}, "person_id"),
    ("person_dossier", {"person_id": 999_999}, "person_id"),
    ("person_dossier", {"person_id": 2**70}, "cannot be stored"),
    ("person_dossier", {}, "person_id"),
    ("search_people", {"stage": "bogus"}, "'stage'"),
    ("search_people", {"per_page": 500}, "'per_page'"),
    ("check_message", {"text": "Hi", "channel": "fax"}, "'channel'"),
    ("check_message", {"text": "y" * 20_001, "channel": "email"}, "'text'"),
    ("log_interaction", {"person_id": 1, "kind": "hug"}, "'kind'"),
    (
        "log_interaction",
        {"person_id": 1, "kind": "call", "occurred_at": "yesterday"},
        "'occurred_at'",
    ),
    ("log_interaction", {"person_id": 1, "kind": "call", "note": "z" * 20_001}, "'note'"),
    (
        "log_interaction",
        {"person_id": 1, "kind": "call", "opportunity_id": 9999},
        "'opportunity_id'",
    ),
    ("log_interaction", {"person_id": 999_999, "kind": "call"}, "person_id"),
    ("mark_suggestion_done", {"suggestion_id": 999_999}, "suggestion_id"),
    ("snooze_suggestion", {"suggestion_id": 1, "hours": 0}, "'hours'"),
    ("snooze_suggestion", {"suggestion_id": 1, "until": "2001-01-01T00:00:00Z"}, "'until'"),
    (
        "add_interview",
        {
            "opportunity_id": 2,
            "starts_at": "2026-12-07T10:00:00+01:00",
            "ends_at": "2026-12-07T09:00:00+01:00",
            "interviewers": [{"person_id": 4}],
        },
        "'ends_at'",
    ),
    (
        "add_interview",
        {
            "opportunity_id": 2,
            "starts_at": "2026-12-07T10:00:00+01:00",
            "ends_at": "2026-12-07T11:00:00+01:00",
            "interviewers": [{"person_id": 4444}],
        },
        "'interviewers'",
    ),
    (
        "add_interview",
        {
            "opportunity_id": 9999,
            "starts_at": "2026-12-07T10:00:00+01:00",
            "ends_at": "2026-12-07T11:00:00+01:00",
            "interviewers": [],
        },
        "'opportunity_id'",
    ),
    ("no_such_tool", {}, "Unknown tool"),
]


def test_bad_arguments_are_tool_errors_naming_the_field_and_nothing_is_written(reader, shared_api):
    before = json.dumps(
        [
            shared_api.get(path).json
            for path in ("/api/interactions", "/api/interviews", "/api/suggestions")
        ]
    )

    async def scenario(session):
        results = [await session.call_tool(name, args) for name, args, _ in BAD_CALLS]
        return results, await session.call_tool("todays_plan", {})

    results, after_all = reader.run(scenario)
    for (name, args, field), result in zip(BAD_CALLS, results, strict=True):
        assert result.is_error, (name, args, text_of(result))
        assert field in text_of(result), (name, args, text_of(result))
        assert "Traceback" not in text_of(result)
    assert not after_all.is_error  # still serving after every refusal
    after = json.dumps(
        [
            shared_api.get(path).json
            for path in ("/api/interactions", "/api/interviews", "/api/suggestions")
        ]
    )
    assert after == before
