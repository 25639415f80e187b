"""The writing tools over stdio with the SDK's client, on the demo data: what they record shows
up through the HTTP API on the same database, recomputed as the API recomputes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import anyio.to_thread

from .conftest import ids_by_name, suggestion_of, text_of


def test_log_interaction_shows_up_through_the_http_api(assistant, api):
    sofia = ids_by_name(api)["Sofia Marin"]
    result = assistant.call(
        "log_interaction",
        {"person_id": sofia, "kind": "call", "note": "Called Sofia about Lumen's data team."},
    )
    assert not result.is_error, text_of(result)
    logged = result.structured_content["interaction"]
    assert "Logged: call, outbound, with Sofia Marin (person" in text_of(result)
    items = api.get(f"/api/contacts/{sofia}/interactions").json["items"]
    assert items[0]["id"] == logged["id"]
    assert (items[0]["kind"], items[0]["note"], items[0]["source"]) == (
        "call",
        "Called Sofia about Lumen's data team.",
        "manual",
    )
    # Recomputed like the API does: the keep-warm for Sofia is settled by the call.
    open_kinds = {s["kind"] for s in api.get(f"/api/suggestions?person_id={sofia}").json["items"]}
    assert "keep_warm" not in open_kinds
    assert "keep_warm" not in {s["kind"] for s in result.structured_content["open_suggestions"]}


def test_done_snooze_and_dismiss_show_up_through_the_http_api(assistant, api):
    ids = ids_by_name(api)
    thank_you = suggestion_of(api, "thank_you", ids["Priya Raman"])
    others = [
        item
        for item in api.get("/api/suggestions?per_page=200").json["items"]
        if item["person_id"] != thank_you["person_id"]
    ]
    comment = others[0]
    share = next(item for item in others if item["person_id"] != comment["person_id"])
    sent = "Hi Priya, thank you for the talk about a paved-road platform for 40 product teams."

    async def scenario(session):
        return (
            await session.call_tool(
                "mark_suggestion_done", {"suggestion_id": thank_you["id"], "sent_text": sent}
            ),
            await session.call_tool(
                "snooze_suggestion", {"suggestion_id": comment["id"], "hours": 5}
            ),
            await session.call_tool("dismiss_suggestion", {"suggestion_id": share["id"]}),
        )

    done, snoozed, dismissed = assistant.run(scenario)
    for result in (done, snoozed, dismissed):
        assert not result.is_error, text_of(result)
    assert api.get(f"/api/suggestions/{thank_you['id']}").json["status"] == "done"
    logged = api.get(f"/api/contacts/{ids['Priya Raman']}/interactions").json["items"][0]
    assert (logged["kind"], logged["source"]) == ("thank_you", "suggestion")
    # The sent text itself, or its summary when message bodies are not kept (a setting).
    assert logged["note"] == sent or logged["note"].startswith("Sent a thank-you note")
    after = api.get(f"/api/suggestions/{comment['id']}").json
    assert after["status"] == "snoozed"
    until = datetime.fromisoformat(after["snoozed_until"])
    assert timedelta(hours=4) < until - datetime.now(UTC) <= timedelta(hours=5)
    assert api.get(f"/api/suggestions/{share['id']}").json["status"] == "dismissed"
    assert text_of(done).startswith("Marked done: thank you for Priya Raman")
    assert text_of(snoozed).startswith("Snoozed until")
    assert text_of(dismissed).startswith("Dismissed:")


def test_add_interview_stores_interviewers_and_topics_and_suggests_thanks(assistant, api):
    ids = ids_by_name(api)
    lumen = api.get("/api/opportunities?q=lumen").json["items"][0]
    ended = datetime.now(UTC) - timedelta(hours=2)
    result = assistant.call(
        "add_interview",
        {
            "opportunity_id": lumen["id"],
            "starts_at": (ended - timedelta(hours=1)).isoformat(),
            "ends_at": ended.isoformat(),
            "kind": "video",
            "interviewers": [
                {"person_id": ids["Daniel Okafor"], "topics": ["data contracts", "schema drift"]},
                {"person_id": ids["Sofia Marin"], "topics": ["roadmap for the data team"]},
            ],
            "topics": ["system design"],
            "notes": "Daniel worries about schema drift breaking dashboards.",
            "decision_expected_on": (ended.date() + timedelta(days=10)).isoformat(),
        },
    )
    assert not result.is_error, text_of(result)
    stored = api.get(f"/api/interviews?opportunity_id={lumen['id']}").json["items"]
    [interview] = stored
    assert interview["interviewer_topics"] == {
        str(ids["Daniel Okafor"]): ["data contracts", "schema drift"],
        str(ids["Sofia Marin"]): ["roadmap for the data team"],
    }
    opportunity = api.get(f"/api/opportunities/{lumen['id']}").json
    assert opportunity["stage"] == "interviewing"
    assert opportunity["decision_expected_on"] == (ended.date() + timedelta(days=10)).isoformat()
    thanks = {
        s["person_name"]
        for s in result.structured_content["open_suggestions"]
        if s["kind"] == "thank_you"
    }
    assert thanks == {"Daniel Okafor", "Sofia Marin"}
    assert "Daniel Okafor (person" in text_of(result) and "schema drift" in text_of(result)


def test_writes_beside_a_running_api_both_land(assistant, api):
    """The MCP server and the HTTP API write to the same SQLite file at the same time: every
    write of both lands, none fails (short transactions, the busy timeout)."""
    ids = ids_by_name(api)
    sofia, jonas = ids["Sofia Marin"], ids["Jonas Weber"]
    rounds = 15
    before = api.get("/api/interactions?per_page=1").json["total"]
    statuses: list[int] = []

    def http_writes() -> None:
        for n in range(rounds):
            response = api.post(
                f"/api/contacts/{jonas}/interactions",
                json={"kind": "message", "note": f"HTTP write {n}"},
            )
            statuses.append(response.status_code)

    async def scenario(session):
        writer = threading.Thread(target=http_writes)
        writer.start()
        results = [
            await session.call_tool(
                "log_interaction", {"person_id": sofia, "kind": "call", "note": f"MCP write {n}"}
            )
            for n in range(rounds)
        ]
        await anyio.to_thread.run_sync(writer.join)
        return results

    results = assistant.run(scenario)
    assert [text_of(r) for r in results if r.is_error] == []
    assert statuses == [201] * rounds
    assert api.get("/api/interactions?per_page=1").json["total"] == before + 2 * rounds
