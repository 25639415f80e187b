"""The prompts over stdio: each is filled with that person's facts and the guidance for its kind,
and asks the assistant to draft, run check_message and log what was sent."""

from __future__ import annotations

import re

import pytest
from mcp.shared.exceptions import MCPError

from topofmind.domain.draft_templates import GUIDANCE
from topofmind.domain.message_check import CHANNEL_LIMITS

from .conftest import Assistant, LiveAssistant

# Each prompt asks for a message of this draft kind (its guidance comes from the product).
DRAFT_KIND = {
    "thank_you": "thank_you",
    "check_in": "check_in",
    "comment_on_post": "comment",
    "introduction_request": "ask_intro",
    "event_follow_up": "event_follow_up",
}


def prompt_text(assistant: Assistant | LiveAssistant, name: str, arguments: dict, *flags) -> str:
    async def scenario(session):
        return await session.get_prompt(name, arguments)

    result = assistant.run(scenario, *flags)
    [message] = result.messages
    assert message.role == "user"
    return message.content.text


@pytest.mark.parametrize(
    ("name", "arguments", "facts"),
    [
        (
            "thank_you",
            {"person": "Tomás Ortega"},
            [
                "thank-you note to Tomás Ortega",
                "Kafka consumer lag alerts; a calmer on-call rotation",
                "Also on the panel: Priya Raman",
            ],
        ),
        (
            "check_in",
            {"person": "Marcus"},
            [
                "status check-in to Marcus Lindqvist",
                "Data Platform Lead at Brightwave Analytics",
                "They said they would decide by",
                "lakehouse migration",
            ],
        ),
        (
            "comment_on_post",
            {"person": "grace liu"},
            [
                "public comment on a post by Grace Liu",
                "time-to-first-deploy for new hires: 9 days → 2",
                "a comment under the post https://www.linkedin.com/feed/update/urn:li:activity:",
            ],
        ),
        (
            "introduction_request",
            {"person": "Daniel Okafor"},
            [
                "message to Sofia Marin asking for an introduction to Daniel Okafor",
                "1. Sofia Marin (score",
                "Works at Lumen Health like Daniel",
                "Senior Backend Engineer at Lumen Health (applied)",
            ],
        ),
        (
            "event_follow_up",
            {"person": "Jonas Weber"},
            [
                "follow-up to Jonas Weber after the event",
                "Berlin Platform Engineering Meetup",
                "Rust for control planes",
            ],
        ),
    ],
)
def test_each_prompt_carries_the_persons_facts_and_the_kinds_guidance(
    reader, name, arguments, facts
):
    brief = prompt_text(reader, name, arguments)
    for fact in facts:
        assert fact in brief, (name, fact)
    assert GUIDANCE[DRAFT_KIND[name]] in brief
    channel = re.search(r"check_message tool with the text, channel '(\w+)'", brief).group(1)
    assert channel in CHANNEL_LIMITS
    assert "Alex Rivera" in brief  # the user's name from settings
    assert "check_message" in brief
    assert "mark_suggestion_done" in brief or "log_interaction" in brief
    assert "## Top of Mind's template draft" in brief


def test_thank_you_without_a_person_briefs_every_interviewer_of_the_last_interview(reader):
    brief = prompt_text(reader, "thank_you", {})
    assert brief.startswith("The latest interview had 2 interviewers")
    assert "thank-you note to Priya Raman" in brief and "thank-you note to Tomás Ortega" in brief
    priya, tomas = brief.split("---")[1:]
    assert "paved-road platform for 40 product teams" in priya
    assert "← this person: Kafka consumer lag alerts" in tomas


def test_a_person_can_be_named_by_id(reader):
    async def scenario(session):
        found = await session.call_tool("search_people", {"query": "Jonas"})
        [jonas] = found.structured_content["items"]
        return jonas["id"], await session.get_prompt(
            "event_follow_up", {"person": str(jonas["id"])}
        )

    jonas_id, result = reader.run(scenario)
    assert f"Jonas Weber (person {jonas_id})" in result.messages[0].content.text


@pytest.mark.parametrize(
    ("name", "arguments", "message"),
    [
        ("check_in", {"person": "Nobody Atall"}, "Nobody tracked matches 'Nobody Atall'"),
        ("check_in", {"person": "a"}, "Several people match 'a'"),
        ("check_in", {"person": "999999"}, "No person with id 999999"),
        ("check_in", {"person": "Jonas Weber"}, "is on no opportunity"),
        (
            "check_in",
            {"person": "Olivia Brandt"},
            "Principal Engineer process at Quanta Labs is rejected",
        ),
        ("comment_on_post", {"person": "Hannah Becker"}, "No post by Hannah Becker"),
        ("introduction_request", {"person": "Hannah Becker"}, "already connected"),
        ("event_follow_up", {"person": "Priya Raman"}, "No event with Priya Raman"),
        ("check_in", {}, "person"),
    ],
)
def test_a_prompt_that_cannot_be_filled_says_why(reader, name, arguments, message):
    async def scenario(session):
        with pytest.raises(MCPError) as caught:
            await session.get_prompt(name, arguments)
        return str(caught.value), await session.list_prompts()

    error, still_serving = reader.run(scenario)
    assert message in error
    assert len(still_serving.prompts) == 5
