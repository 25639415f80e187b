"""Done means: an assistant connected to ``topofmind mcp`` answers "what should I do today?" and
"draft my thank-you to the interviewer I met this morning" with the user's real facts, and logs
what the user sent — on SQLite, and on PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.app import ApiClient, empty_all_tables, migrated_engine
from topofmind.domain.message_check import CHANNEL_LIMITS

from .conftest import Assistant, http_api, ids_by_name, load_demo_with_cli, text_of

TOPICS = ["data contracts", "on-call for data pipelines"]


async def the_users_day(session) -> dict:
    """What an assistant does for a user who asks for their day, mentions this morning's
    interview with Daniel Okafor, asks for the thank-you, and says they sent it."""
    seen: dict = {}
    # "What should I do today?"
    seen["plan"] = await session.call_tool("todays_plan", {})
    # "I had a video interview with Daniel at Lumen Health this morning: we talked about data
    # contracts and on-call for data pipelines."
    found = await session.call_tool("search_people", {"query": "Daniel"})
    [daniel] = found.structured_content["items"]
    pipeline = await session.call_tool("pipeline", {})
    lumen = next(
        item
        for column in pipeline.structured_content["stages"]
        for item in column["opportunities"]
        if item["company"] == "Lumen Health"
    )
    ended = datetime.now(UTC) - timedelta(hours=2)
    seen["interview"] = await session.call_tool(
        "add_interview",
        {
            "opportunity_id": lumen["id"],
            "starts_at": (ended - timedelta(minutes=45)).isoformat(),
            "ends_at": ended.isoformat(),
            "kind": "video",
            "interviewers": [{"person_id": daniel["id"], "topics": TOPICS}],
        },
    )
    # "Draft my thank-you to the interviewer I met this morning."
    brief = await session.get_prompt("thank_you", {})
    seen["brief"] = text = brief.messages[0].content.text
    channel = re.search(r"channel '(\w+)'", text).group(1)
    suggestion_id = int(re.search(r"mark_suggestion_done with suggestion_id (\d+)", text).group(1))
    generic = "Thanks so much for your time! Looking forward to hearing from you."
    seen["first_check"] = await session.call_tool(
        "check_message", {"text": generic, "channel": channel, "person_id": daniel["id"]}
    )
    # Short enough for any channel the brief names, even a free account's connection note.
    draft = (
        "Hi Daniel, thank you for this morning's talk on data contracts and quieter on-call for "
        "data pipelines. I'd be glad to help the team get there. Alex"
    )
    seen["second_check"] = await session.call_tool(
        "check_message", {"text": draft, "channel": channel, "person_id": daniel["id"]}
    )
    # "Sent it."
    seen["done"] = await session.call_tool(
        "mark_suggestion_done", {"suggestion_id": suggestion_id, "sent_text": draft}
    )
    seen["plan_after"] = await session.call_tool("todays_plan", {})
    seen.update(daniel=daniel, suggestion_id=suggestion_id, channel=channel, sent=draft)
    return seen


def check_the_day(seen: dict, api: ApiClient) -> None:
    plan = seen["plan"].structured_content
    planned = {(i["kind"], i["person_name"]) for i in plan["today"] + plan["coming_up"]}
    assert ("respond", "Hannah Becker") in planned
    assert "Could you send me two references by Friday?" in text_of(seen["plan"])
    assert not seen["interview"].is_error, text_of(seen["interview"])

    brief = seen["brief"]
    assert "thank-you note to Daniel Okafor" in brief
    assert "← this person: data contracts; on-call for data pipelines" in brief
    assert "Senior Backend Engineer at Lumen Health" in brief and "Alex Rivera" in brief
    assert seen["channel"] in CHANNEL_LIMITS

    first = {w["code"] for w in seen["first_check"].structured_content["warnings"]}
    assert "generic" in first
    assert seen["second_check"].structured_content["warnings"] == [], text_of(seen["second_check"])
    assert not seen["done"].is_error, text_of(seen["done"])

    daniel = seen["daniel"]["id"]
    assert api.get(f"/api/suggestions/{seen['suggestion_id']}").json["status"] == "done"
    [thanked] = [
        i
        for i in api.get(f"/api/contacts/{daniel}/interactions").json["items"]
        if i["source"] == "suggestion"
    ]
    assert thanked["direction"] == "outbound"
    # The sent text itself, or its summary when message bodies are not kept (a setting).
    assert thanked["note"] == seen["sent"] or thanked["note"].startswith("Sent ")
    after = seen["plan_after"].structured_content
    assert ("thank_you", "Daniel Okafor") not in {
        (i["kind"], i["person_name"]) for i in after["today"] + after["coming_up"]
    }
    assert ids_by_name(api)["Daniel Okafor"] == daniel


def test_the_assistant_plans_the_day_drafts_the_thank_you_and_logs_it(assistant, api):
    check_the_day(assistant.run(the_users_day), api)


@pytest.mark.postgres
def test_the_same_day_on_postgresql(postgres_url, tmp_path):
    if postgres_url is None:
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432 (set TOPOFMIND_TEST_PG)")
    empty_all_tables(migrated_engine(postgres_url))
    data_dir = tmp_path / "data"
    load_demo_with_cli(data_dir, postgres_url)
    seen = Assistant(data_dir, postgres_url).run(the_users_day)
    app = http_api(data_dir, postgres_url)
    try:
        check_the_day(seen, ApiClient(app.test_client(), app.config["TOKEN"]))
    finally:
        app.extensions["topofmind"].engine.dispose()
