"""The private calendar feed (RFC 5545), written with the ``icalendar`` library: interviews and
the suggestions still to do.

Every time is UTC, so no VTIMEZONE is needed; the library escapes text and folds long lines.
A suggestion sits at its due time (an overdue one at the current hour), moved into the user's
working hours, so the calendar never asks for a note at 02:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import timing
from ..store.models import Interview, Opportunity, Person, Suggestion
from .suggestions import cadence_settings

PRODID = "-//Top of Mind//Dashboard calendar//EN"
PAST_DAYS = 30
FUTURE_DAYS = 90
SUGGESTION_MINUTES = 30


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _event(
    uid: str,
    stamp: datetime,
    start: datetime,
    end: datetime,
    summary: str,
    description: str,
    url: str | None = None,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", _utc(stamp))
    event.add("dtstart", _utc(start))
    event.add("dtend", _utc(max(end, start + timedelta(minutes=1))))
    event.add("summary", summary)
    event.add("description", description)
    if url:
        event.add("url", url)
    return event


def build_calendar(session: Session, now: datetime, *, base_url: str = "") -> str:
    """The feed as text: interviews from 30 days ago to 90 days ahead; open and snoozed
    suggestions due within 90 days, each in the user's working hours (an overdue one from the
    current hour on).

    ``base_url`` (e.g. ``http://127.0.0.1:8765``) links each event to its dashboard page.
    """
    since, until = now - timedelta(days=PAST_DAYS), now + timedelta(days=FUTURE_DAYS)
    settings = cadence_settings(session)
    zone = timing.zone(settings.user_time_zone)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Top of Mind")
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
        calendar.add_component(
            _event(
                f"interview-{interview.id}@topofmind.local",
                interview.updated_at or now,
                interview.starts_at,
                interview.ends_at or interview.starts_at,
                f"Interview: {opportunity.company} – {opportunity.title}",
                "\n".join(description),
                f"{base_url}/pipeline#opportunity-{opportunity.id}" if base_url else None,
            )
        )
    for suggestion in suggestions:
        start = suggestion.snoozed_until if suggestion.status == "snoozed" else suggestion.due_at
        # Overdue work is still to do: it sits at the current hour, not weeks back in the past,
        # and always within working hours.
        start = timing.next_working_time(
            max(_utc(start or suggestion.due_at), this_hour),
            zone,
            settings.working_hours_start,
            settings.working_hours_end,
        )
        send_by = suggestion.window_end or suggestion.due_at
        name = names.get(suggestion.person_id, "someone")
        phrase = timing.timing_phrase(_utc(suggestion.due_at), _utc(send_by), now, zone)
        calendar.add_component(
            _event(
                f"suggestion-{suggestion.id}@topofmind.local",
                suggestion.updated_at or now,
                start,
                start + timedelta(minutes=SUGGESTION_MINUTES),
                f"{suggestion.kind.replace('_', ' ').capitalize()}: {name}",
                f"{phrase}.\n{suggestion.reason}",
                f"{base_url}/contacts/{suggestion.person_id}" if base_url else None,
            )
        )
    return calendar.to_ical().decode()
