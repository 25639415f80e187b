"""Readable text for the assistant: what each tool found, laid out as short Markdown.

The structured content carries the exact values (ISO times, ids); this text is what a language
model reads first, so it says dates in the user's time zone, names people with their ids, and puts
the reason, the window and the draft of each suggestion together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..domain import timing

EXCERPT = 280


def label(value: str | None) -> str:
    """``hiring_manager`` → ``hiring manager``."""
    return (value or "").replace("_", " ")


def excerpt(text: str | None, limit: int = EXCERPT) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Words:
    """Dates and times as the user says them: in their time zone, relative to now."""

    def __init__(self, zone: ZoneInfo, now: datetime):
        self.zone = zone
        self.now = now

    @staticmethod
    def zone_of(settings: Mapping[str, Any]) -> ZoneInfo:
        """The user's time zone from their settings."""
        return timing.zone(settings["user_time_zone"])

    def when(self, moment: datetime | None) -> str:
        """``Mon 7 Dec 09:00`` in the user's zone (with the year when it is not this year)."""
        if moment is None:
            return "—"
        shown = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(self.zone)
        year = "" if shown.year == self.now.astimezone(self.zone).year else f" {shown.year}"
        return f"{shown:%a} {shown.day} {shown:%b}{year} {shown:%H:%M}"

    def hour(self, moment: datetime) -> str:
        """``14:30`` in the user's zone."""
        return f"{moment.astimezone(self.zone):%H:%M}"

    def day(self, value: date | datetime | None) -> str:
        """``Fri 11 Dec`` (with the year when it is not this year)."""
        if value is None:
            return "—"
        if isinstance(value, datetime):
            value = value.astimezone(self.zone).date()
        year = "" if value.year == self.now.astimezone(self.zone).year else f" {value.year}"
        return f"{value:%a} {value.day} {value:%b}{year}"

    def ago(self, moment: datetime | None) -> str:
        """``in 3 h``, ``2 d ago``, ``now``, ``never``."""
        if moment is None:
            return "never"
        seconds = (moment - self.now).total_seconds()
        size = abs(seconds)
        if size < 90:
            return "now"
        if size < 3600:
            amount = f"{round(size / 60)} min"
        elif size < 48 * 3600:
            amount = f"{round(size / 3600)} h"
        elif size < 60 * 86400:
            amount = f"{round(size / 86400)} d"
        else:
            amount = f"{round(size / (30 * 86400))} mo"
        return f"in {amount}" if seconds > 0 else f"{amount} ago"

    def today_line(self) -> str:
        shown = self.now.astimezone(self.zone)
        return f"Now: {shown:%A} {shown.day} {shown:%B %Y}, {shown:%H:%M} ({self.zone.key})."


# Suggestions ---------------------------------------------------------------------------------


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def draft_block(draft: Mapping[str, Any]) -> list[str]:
    """A draft: channel and length, subject, body, guidance and the check's warnings."""
    lines = [
        f"  Draft ({label(draft['channel'])}, {draft['length']}/{draft['char_limit']} characters):"
    ]
    if draft.get("subject"):
        lines.append(f"    Subject: {draft['subject']}")
    if draft.get("body"):
        lines.append(_indent(draft["body"]))
    if draft.get("guidance"):
        lines.append(f"  Guidance: {draft['guidance']}")
    for warning in draft.get("warnings") or []:
        lines.append(f"  Check: {warning['message']}")
    return lines


def suggestion_block(item: Mapping[str, Any], words: Words, *, with_person: bool = True) -> str:
    """One suggestion: what, for whom, why, when (due and window end), the draft."""
    who = f" — {item['person_name']} (person {item['person_id']})" if with_person else ""
    head = f"- [suggestion {item['id']}] {label(item['kind'])}{who}"
    status = "" if item.get("status") in (None, "open") else f"; {item['status']}"
    if item.get("snoozed_until"):
        status += f" until {words.when(item['snoozed_until'])}"
    # The same phrase as Today and the popup (issue 13: one clock), then the exact times.
    timing = f"  {item['timing']}" if item.get("timing") else "  "
    timing += f" (due {words.when(item['due_at'])}"
    if item.get("send_by"):
        timing += f"; send by {words.when(item['send_by'])}"
    timing += f"); priority {item['priority']}{status}."
    lines = [head, f"  Why: {item['reason']}", timing]
    if item.get("post_url"):
        lines.append(f"  Post: {item['post_url']}")
    if item.get("draft"):
        lines.extend(draft_block(item["draft"]))
    return "\n".join(lines)


def plan_text(plan: Mapping[str, Any], words: Words) -> str:
    """Today's plan: the due suggestions within the daily budget, then what comes next."""
    lines = [words.today_line()]
    today = plan["today"]
    if today:
        lines.append(
            f"## Today: {len(today)} of {plan['due_today_count']} due "
            f"(daily budget {plan['budget']}), most important first"
        )
        lines.extend(suggestion_block(item, words) for item in today)
    else:
        lines.append("## Today: nothing is due.")
    if plan["waiting"]:
        lines.append(
            f"{plan['waiting']} more are due today beyond the daily budget; they stay for later."
        )
    if plan["coming_up"]:
        lines.append("## Coming up this week")
        lines.extend(
            f"- [suggestion {item['id']}] {label(item['kind'])} — {item['person_name']} "
            f"(person {item['person_id']}), due {words.when(item['due_at'])}: "
            f"{excerpt(item['reason'], 200)}"
            for item in plan["coming_up"]
        )
    return "\n\n".join(lines)


# People --------------------------------------------------------------------------------------


def _cadence_phrase(cadence: Mapping[str, Any] | None, words: Words) -> str:
    if not cadence:
        return "no cadence figures yet"
    parts = [f"cadence {label(cadence['status'])}"]
    parts.append(f"last outbound {words.ago(cadence.get('last_outbound_at'))}")
    parts.append(f"last inbound {words.ago(cadence.get('last_inbound_at'))}")
    touches = cadence.get("touches_30d") or 0
    parts.append(f"{touches} touch{'' if touches == 1 else 'es'} in 30 days")
    parts.append(f"warmth {cadence.get('warmth')}")
    if cadence.get("next_due_at"):
        parts.append(f"next touch due {words.when(cadence['next_due_at'])}")
    return ", ".join(parts)


def _degree(degree: int | None) -> str:
    return {1: "1st-degree", 2: "2nd-degree", 3: "3rd-degree"}.get(degree or 0, "degree unknown")


def person_line(person: Mapping[str, Any], words: Words) -> str:
    """``- Name (person 3): Title at Company · stage · tags · cadence``."""
    role = " at ".join(part for part in (person.get("title"), person.get("company")) if part)
    tags = f" · tags: {', '.join(person['tags'])}" if person.get("tags") else ""
    dnc = " · DO NOT CONTACT" if person.get("do_not_contact") else ""
    return (
        f"- {person['name']} (person {person['id']}): {role or 'role unknown'} · "
        f"{label(person.get('stage'))} · {_degree(person.get('degree'))}{tags}{dnc} · "
        f"{_cadence_phrase(person.get('cadence'), words)}"
    )


def people_text(result: Mapping[str, Any], words: Words) -> str:
    if not result["items"]:
        return "Nobody matches. Try fewer filters, or part of a name or company."
    first = (result["page"] - 1) * result["per_page"] + 1
    last = first + len(result["items"]) - 1
    head = f"People {first}–{last} of {result['total']}:"
    more = f"\n\nMore on page {result['page'] + 1}." if last < result["total"] else ""
    return head + "\n" + "\n".join(person_line(p, words) for p in result["items"]) + more


# A person's dossier --------------------------------------------------------------------------


def interview_block(interview: Mapping[str, Any], words: Words, focus: int | None = None) -> str:
    """An interview: when, what kind, for which role, each interviewer's topics, the notes."""
    state = (
        f"ended {words.ago(interview['ends_at'])}"
        if interview["ends_at"] <= words.now
        else "upcoming"
    )
    lines = [
        f"- [interview {interview['id']}] {words.when(interview['starts_at'])}–"
        f"{words.hour(interview['ends_at'])} {label(interview['kind'])}, "
        f"{interview['title']} at {interview['company']} ({state})"
    ]
    for interviewer in interview["interviewers"]:
        mark = " ← this person" if interviewer["person_id"] == focus else ""
        topics = "; ".join(interviewer["topics"]) or "no topics noted"
        lines.append(f"  {interviewer['name']} (person {interviewer['person_id']}){mark}: {topics}")
    if interview.get("topics"):
        lines.append(f"  Round topics: {'; '.join(interview['topics'])}")
    if interview.get("notes"):
        lines.append(
            f"  Your notes on the round (private: use them, don't quote them): {interview['notes']}"
        )
    return "\n".join(lines)


def _opportunity_line(item: Mapping[str, Any], words: Words) -> str:
    people = ", ".join(f"{p['name']} ({label(p['role'])})" for p in item["people"])
    decision = (
        f"; decision expected {words.day(item['decision_expected_on'])}"
        if item.get("decision_expected_on")
        else ""
    )
    line = (
        f"- [opportunity {item['id']}] {item['title']} at {item['company']} — "
        f"{label(item['stage'])}; their role: {label(item['role'])}{decision}. People: {people}."
    )
    if item.get("notes"):
        line += f"\n  Your notes: {item['notes']}"
    return line


def _post_line(post: Mapping[str, Any], words: Words) -> str:
    when = (
        f"{words.day(post['posted_at'])} ({words.ago(post['posted_at'])})"
        if post.get("posted_at")
        else "date unknown"
    )
    counts = f"{post.get('reactions') or 0} reactions, {post.get('comments') or 0} comments"
    repost = "repost, " if post.get("is_repost") else ""
    return f"- {when}, {repost}{counts}: “{excerpt(post.get('text'))}” {post.get('url') or ''}"


def _timeline_line(entry: Mapping[str, Any], words: Words) -> str:
    if entry["kind"] == "interaction":
        what = f"{entry['direction']} {label(entry['label'])}"
    elif entry["kind"] == "capture":
        what = f"captured their {label(entry['label'])} page"
    elif entry["kind"] == "change":
        what = f"{entry['label']} changed"
    else:
        what = label(entry["label"])
    text = f": {excerpt(entry['text'], 200)}" if entry.get("text") else ""
    return f"- {words.when(entry['at'])} {what}{text}"


def _mutual_line(mutual: Mapping[str, Any]) -> str:
    tracked = f" (person {mutual['person_id']})" if mutual.get("person_id") else ""
    tie = "your 1st-degree connection" if mutual.get("first_degree") else "not your connection"
    company = f", {mutual['company']}" if mutual.get("company") else ""
    return f"- {mutual['name']}{tracked}: {tie}{company}"


def _introductions(intro: Mapping[str, Any], *, with_draft: bool) -> list[str]:
    if not intro["introducers"]:
        return [intro.get("reason_if_none") or "No warm path known."]
    lines = []
    for rank, introducer in enumerate(intro["introducers"], start=1):
        person = f", person {introducer['person_id']}" if introducer.get("person_id") else ""
        evidence = "; ".join(introducer["evidence"]) or "no evidence beyond the shared connection"
        lines.append(
            f"{rank}. {introducer['name']} (score {introducer['score']}{person}): {evidence}"
        )
    if with_draft and intro.get("draft"):
        lines.append("Draft request to the first:")
        lines.extend(draft_block(intro["draft"]))
    return lines


def dossier_text(dossier: Mapping[str, Any], words: Words) -> str:
    """The dossier as sections: who, where things stand, opportunities, interviews, posts,
    suggestions with drafts, introductions, mutual connections, the timeline."""
    person = dossier["person"]
    role = " at ".join(part for part in (person.get("title"), person.get("company")) if part)
    facts = [
        f"# {person['name']} (person {person['id']})",
        " · ".join(
            part
            for part in (
                role,
                person.get("location"),
                _degree(person.get("degree")),
                f"tags: {', '.join(person['tags'])}" if person.get("tags") else "",
            )
            if part
        ),
    ]
    if person.get("headline"):
        facts.append(f"Headline: {person['headline']}")
    if person.get("profile_url"):
        facts.append(f"Profile: {person['profile_url']}")
    facts.append(
        f"Stage: {label(person.get('stage'))}; {_cadence_phrase(person.get('cadence'), words)}."
    )
    if person.get("time_zone"):
        facts.append(f"Their time zone: {person['time_zone']}")
    if person.get("do_not_contact"):
        facts.append("DO NOT CONTACT: the user asked never to be prompted to reach out to them.")
    if person.get("notes"):
        facts.append(f"Your notes on them: {person['notes']}")
    sections = ["\n".join(facts), words.today_line()]

    def section(title: str, lines: Iterable[str], empty: str | None = None) -> None:
        lines = list(lines)
        if lines:
            sections.append(f"## {title}\n" + "\n".join(lines))
        elif empty:
            sections.append(f"## {title}\n{empty}")

    section(
        "Open suggestions (with drafts)",
        (suggestion_block(item, words, with_person=False) for item in dossier["suggestions"]),
        "None open.",
    )
    section(
        "Opportunities",
        (_opportunity_line(item, words) for item in dossier["opportunities"]),
        "Not on any opportunity (networking).",
    )
    section(
        "Interviews they ran",
        (interview_block(item, words, person["id"]) for item in dossier["interviews"]),
    )
    section("Recent posts", (_post_line(post, words) for post in dossier["posts"]))
    if dossier.get("introductions") is not None:
        # An open introduction suggestion above already carries the request's draft.
        asking = any(item["kind"] == "ask_intro" for item in dossier["suggestions"])
        section(
            "Who can introduce you",
            _introductions(dossier["introductions"], with_draft=not asking),
        )
    section(
        "Mutual connections",
        (_mutual_line(mutual) for mutual in dossier["mutual_connections"]),
    )
    section(
        "Timeline (newest first; posts are listed above)",
        (_timeline_line(entry, words) for entry in dossier["timeline"] if entry["kind"] != "post"),
        "Nothing logged yet.",
    )
    return "\n\n".join(sections)


# The pipeline --------------------------------------------------------------------------------


def _pipeline_entry(item: Mapping[str, Any], words: Words) -> str:
    people = ", ".join(
        f"{p['name']} (person {p['person_id']}, {label(p['role'])})" for p in item["people"]
    )
    lines = [f"- [opportunity {item['id']}] {item['title']} at {item['company']}"]
    if people:
        lines.append(f"  People: {people}")
    if item.get("decision_expected_on"):
        lines.append(f"  Decision expected {words.day(item['decision_expected_on'])}")
    for interview in item["interviews"]:
        who = ", ".join(i["name"] for i in interview["interviewers"]) or "interviewers not noted"
        topics = f"; topics: {'; '.join(interview['topics'])}" if interview["topics"] else ""
        lines.append(
            f"  Interview {interview['id']}: {words.when(interview['starts_at'])} "
            f"{label(interview['kind'])} with {who}{topics}"
        )
    return "\n".join(lines)


def pipeline_text(pipeline: Mapping[str, Any], words: Words) -> str:
    sections = [
        f"{words.today_line()} {pipeline['open_total']} open opportunities, "
        f"{pipeline['closed_total']} closed."
    ]
    for column in pipeline["stages"]:
        if column["opportunities"]:
            sections.append(
                f"## {label(column['stage']).capitalize()}\n"
                + "\n".join(_pipeline_entry(item, words) for item in column["opportunities"])
            )
    if pipeline["closed"]:
        sections.append(
            "## Closed\n"
            + "\n".join(
                f"- [opportunity {item['id']}] {item['title']} at {item['company']}: "
                f"{item['stage']} {words.day(item['closed_at'])}"
                for item in pipeline["closed"]
            )
        )
    return "\n\n".join(sections)


# The message check ---------------------------------------------------------------------------


def check_text(result: Mapping[str, Any], channel: str) -> str:
    fits = "fits" if result["within_limit"] else "is over"
    head = (
        f"{result['length']} characters; {fits} the {result['char_limit']}-character limit "
        f"for {label(channel)}."
    )
    if not result["warnings"]:
        return head + "\nNo warnings: specific, positive and the right length."
    lines = [head, f"{len(result['warnings'])} warning(s):"]
    for warning in result["warnings"]:
        words = ", ".join(f"“{word}”" for word in warning["words"])
        caused = f" (caused by: {words})" if words else ""
        lines.append(f"- {warning['code']}: {warning['message']}{caused}")
    return "\n".join(lines)
