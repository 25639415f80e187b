"""What the server must never do: write when read-only, hand out the API token, a raw capture or
another person's notes, touch a database it may not upgrade, or print anything but the protocol
on standard output."""

from __future__ import annotations

import json
import subprocess
import uuid

from tests.support.fixtures import LINKEDIN_PAGES, truth_for
from topofmind.assistant.tools import READING, WRITING
from topofmind.security import load_token

from .conftest import CLI, Assistant, cli_env, ids_by_name, text_of

PROFILE_PAGE = "profile_loggedin_02.html"


def test_read_only_offers_reading_tools_alone_and_refuses_writes(assistant, api):
    sofia = ids_by_name(api)["Sofia Marin"]
    before = api.get("/api/interactions?per_page=200").json

    async def scenario(session):
        tools = await session.list_tools()
        refused = [
            await session.call_tool("log_interaction", {"person_id": sofia, "kind": "call"}),
            await session.call_tool("dismiss_suggestion", {"suggestion_id": 1}),
            await session.call_tool(
                "add_interview",
                {
                    "opportunity_id": 1,
                    "starts_at": "2026-12-07T09:00:00+01:00",
                    "ends_at": "2026-12-07T10:00:00+01:00",
                    "interviewers": [],
                },
            ),
        ]
        plan = await session.call_tool("todays_plan", {})
        brief = await session.get_prompt("thank_you", {"person": "Tomás Ortega"})
        return tools, refused, plan, brief, session.initialize_result

    tools, refused, plan, brief, initialized = assistant.run(scenario, "--read-only")
    assert {tool.name for tool in tools.tools} == set(READING)
    for result in refused:
        assert result.is_error and "Unknown tool" in text_of(result)
    assert not plan.is_error
    text = brief.messages[0].content.text
    assert "check_message" in text
    assert not any(name in text for name in WRITING)  # no step the server cannot do
    assert "read-only" in initialized.instructions
    assert not any(name in initialized.instructions for name in WRITING)
    assert api.get("/api/interactions?per_page=200").json == before
    assert api.get("/api/suggestions/1").json["status"] == "open"


def test_no_tool_returns_the_token_a_raw_capture_or_anothers_notes(assistant, api, demo_dir):
    html = (LINKEDIN_PAGES / PROFILE_PAGE).read_text(encoding="utf-8", errors="replace")
    captured = api.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": truth_for(PROFILE_PAGE)["url"],
            "html": html,
            "captured_at": "2026-12-01T10:00:00Z",
        },
    )
    assert captured.status_code == 201, captured.json
    captured_id = captured.json["person_id"]
    ids = ids_by_name(api)
    secret_note = "PRIVATE-NOTE-ON-PRIYA salary range discussed"
    assert (
        api.patch(f"/api/contacts/{ids['Priya Raman']}", json={"notes": secret_note}).status_code
        == 200
    )

    async def scenario(session):
        calls = [
            ("todays_plan", {}),
            ("search_people", {"per_page": 200}),
            ("search_people", {"query": "Priya"}),
            ("pipeline", {"include_closed": True}),
            ("person_dossier", {"person_id": captured_id}),
            ("person_dossier", {"person_id": ids["Tomás Ortega"]}),
            ("person_dossier", {"person_id": ids["Hannah Becker"]}),
        ]
        results = {
            name + json.dumps(args): await session.call_tool(name, args) for name, args in calls
        }
        prompts = [
            await session.get_prompt("thank_you", {"person": "Tomás Ortega"}),
            await session.get_prompt("check_in", {"person": "Tomás Ortega"}),
        ]
        every_interviewer = await session.get_prompt("thank_you", {})
        own = await session.call_tool("person_dossier", {"person_id": ids["Priya Raman"]})
        return results, prompts, own, every_interviewer.messages[0].content.text

    results, prompts, own, every_interviewer = assistant.run(scenario)
    token = load_token(demo_dir)
    outputs = {
        key: text_of(result) + json.dumps(result.structured_content)
        for key, result in results.items()
    }
    outputs.update({f"prompt {i}": p.messages[0].content.text for i, p in enumerate(prompts)})
    for key, output in outputs.items():
        assert token not in output, key
        assert secret_note not in output, key
        assert "<div" not in output and "<code" not in output and "<html" not in output, key
    captured_dossier = results[f"person_dossier{json.dumps({'person_id': captured_id})}"]
    assert (
        captured_dossier.structured_content["person"]["name"]
        == truth_for(PROFILE_PAGE)["person"]["name"]
    )
    assert "captured their profile page" in text_of(captured_dossier)
    assert secret_note in text_of(own)  # the one asked for
    # Briefing each interviewer in turn: Priya's notes only in the part about Priya.
    _, priya_part, tomas_part = every_interviewer.split("---")
    assert secret_note in priya_part and secret_note not in tomas_part


def test_a_fresh_data_folder_is_upgraded_and_served(tmp_path):
    folder = tmp_path / "fresh"

    async def scenario(session):
        return await session.call_tool("todays_plan", {}), await session.call_tool(
            "search_people", {}
        )

    plan, people = Assistant(folder).run(scenario)
    assert "## Today: nothing is due." in text_of(plan)
    assert people.structured_content["total"] == 0
    assert (folder / "topofmind.db").exists()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert "Traceback" not in (tmp_path / "mcp-stderr.log").read_text()


def test_read_only_on_a_missing_database_creates_nothing_and_says_what_to_run(tmp_path):
    folder = tmp_path / "never-created"
    finished = subprocess.run(
        [*CLI, "mcp", "--read-only"],
        env=cli_env(folder),
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode != 0
    assert "topofmind db upgrade" in finished.stderr
    assert finished.stdout == ""  # stdout is the protocol: nothing else is ever printed there
    assert not folder.exists()


def test_an_unreachable_database_is_a_clear_message_without_the_password(tmp_path):
    url = "postgresql://someone:hunter2@127.0.0.1:1/nowhere"
    finished = subprocess.run(
        [*CLI, "mcp"],
        env=cli_env(tmp_path / "data", url),
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode != 0 and finished.stdout == ""
    assert "Cannot open the database at postgresql+psycopg://someone:***@127.0.0.1:1/nowhere" in (
        finished.stderr
    )
    assert "hunter2" not in finished.stderr and "Traceback" not in finished.stderr


def test_standard_output_carries_only_the_protocol(demo_dir):
    request = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "raw", "version": "0"},
        },
    }
    finished = subprocess.run(
        [*CLI, "mcp"],
        env=cli_env(demo_dir),
        input=json.dumps(request) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    assert lines, finished.stderr
    for line in lines:
        message = json.loads(line)
        assert message["jsonrpc"] == "2.0"
    assert json.loads(lines[0])["result"]["serverInfo"]["name"] == "topofmind"
    assert "MCP server (read-write) on stdio" in finished.stderr
