"""The private calendar feed (RFC 5545), written by hand: interviews and due suggestions.

Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 sequence); text values
escape backslash, semicolon, comma and newlines; every time is UTC (``…Z``), so no VTIMEZONE
is needed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..store.models import Interview, Opportunity, Person, Suggestion

PRODID = "-//Top of Mind//Dashboard calendar//EN"
PAST_DAYS = 30
FUTURE_DAYS = 90
SUGGESTION_MINUTES = 30


def escape_text(value: str | None) -> str:
    """RFC 5545 §3.3.11 TEXT escaping."""
    text = (value or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line at 75 octets (RFC 5545 §3.1), continuation lines start with a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, 74  # the leading space takes one octet
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def format_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(
    uid: str,
    stamp: datetime,
    start: datetime,
    end: datetime,
    summary: str,
    description: str,
    url: str | None = None,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{format_utc(stamp)}",
        f"DTSTART:{format_utc(start)}",
        f"DTEND:{format_utc(max(end, start + timedelta(minutes=1)))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(session: Session, now: datetime, *, base_url: str = "") -> str:
    """The feed as text: interviews from 30 days ago to 90 days ahead; open and snoozed
    suggestions due within 90 days (overdue ones placed at the current hour).

    ``base_url`` (e.g. ``http://127.0.0.1:8765``) links each event to its dashboard page.
    """
    since, until = now - timedelta(days=PAST_DAYS), now + timedelta(days=FUTURE_DAYS)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Top of Mind",
    ]
    interviews = session.scalars(
        select(Interview)
        .options(selectinload(Interview.opportunity), selectinload(Interview.interviewers))
        .where(Interview.starts_at >= since, Interview.starts_at <= until)
        .order_by(Interview.starts_at)
    ).all()
    person_ids = {link.person_id for interview in interviews for link in interview.interviewers}
    suggestions = session.scalars(
        select(Suggestion)
        .where(
            Suggestion.status.in_(("open", "snoozed")),
            Suggestion.due_at <= until,
        )
        .order_by(Suggestion.due_at, Suggestion.id)
    ).all()
    person_ids |= {suggestion.person_id for suggestion in suggestions}
    this_hour = now.replace(minute=0, second=0, microsecond=0)
    names = dict(
        session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all()
    )
    for interview in interviews:
        opportunity: Opportunity = interview.opportunity
        who = ", ".join(names.get(link.person_id, "?") for link in interview.interviewers)
        description = [
            f"{interview.kind.capitalize()} interview for {opportunity.title} at "
            f"{opportunity.company}."
        ]
        if who:
            description.append(f"With {who}.")
        if interview.topics:
            description.append("Topics: " + ", ".join(interview.topics) + ".")
        lines += _event(
            f"interview-{interview.id}@topofmind.local",
            interview.updated_at or now,
            interview.starts_at,
            interview.ends_at,
            f"Interview: {opportunity.company} – {opportunity.title}",
            "\n".join(description),
            f"{base_url}/pipeline#opportunity-{opportunity.id}" if base_url else None,
        )
    for suggestion in suggestions:
        start = suggestion.snoozed_until if suggestion.status == "snoozed" else suggestion.due_at
        # Overdue work is still to do: it sits at the current hour, not weeks back in the past.
        start = max(start or suggestion.due_at, this_hour)
        name = names.get(suggestion.person_id, "someone")
        lines += _event(
            f"suggestion-{suggestion.id}@topofmind.local",
            suggestion.updated_at or now,
            start,
            start + timedelta(minutes=SUGGESTION_MINUTES),
            f"{suggestion.kind.replace('_', ' ').capitalize()}: {name}",
            suggestion.reason,
            f"{base_url}/contacts/{suggestion.person_id}" if base_url else None,
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
