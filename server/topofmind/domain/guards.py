"""The guards of docs/cadence.md, applied to one person's candidates and then to everyone's.

Order matters and is fixed: every suggestion moves into the user's working hours (due and send-by
together, `plan.settle`); candidates are taken
by priority, each checked against the public-engagement cap and pushed out to keep two days
between touches; finally the daily budget keeps the top N due today across all people.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import timing
from .facts import FactInteraction
from .plan import ranking, settle
from .rules import (
    PUBLIC_INTERACTION_KINDS,
    Explanation,
    Suggestion,
)
from .settings import CadenceSettings

__all__ = ["apply_budget", "guard_person", "land_in_working_hours", "public_engagements", "ranking"]


#: The recipient's own zone for a suggestion, where known (None: the user's zone alone).
RecipientZone = Callable[[Suggestion], ZoneInfo | None]


def land_in_working_hours(
    suggestion: Suggestion,
    tz: ZoneInfo,
    settings: CadenceSettings,
    recipient_zone: ZoneInfo | None = None,
) -> Suggestion:
    """Due and send-by in the user's working hours (`plan.settle`), for every channel: the user
    acts in working hours, and the calendar shows them there; a private note also in the
    recipient's, where their zone is known and the two share working hours."""
    return settle(suggestion, tz, settings, recipient_zone)


def public_engagements(
    interactions: Iterable[FactInteraction], now: datetime, settings: CadenceSettings
) -> int:
    """Outbound comments, reactions and shares in the cap's window up to `now`."""
    since = now - timedelta(days=settings.public_engagements_window_days)
    return sum(
        1
        for i in interactions
        if i.direction == "outbound"
        and i.kind in PUBLIC_INTERACTION_KINDS
        and since < i.occurred_at <= now
    )


def guard_person(
    candidates: list[Suggestion],
    *,
    now: datetime,
    tz: ZoneInfo,
    settings: CadenceSettings,
    last_outbound_at: datetime | None,
    public_count: int,
    trace: list[Explanation] | None = None,
    recipient_zone: RecipientZone | None = None,
) -> list[Suggestion]:
    """Apply working hours (in `tz`, the user's zone, and the recipient's where
    `recipient_zone` knows it), the public-engagement cap and two-day spacing to one person.

    Thank-you, respond and intro-request suggestions skip the spacing check (answering and
    thanking are never too much; an intro request goes to someone else), but every accepted touch
    other than an intro request still pushes later ones. A pushed message lands in working hours
    again; a public touch (comment, reaction) pushed past its window is held back, since a
    comment on a stale post is worse than none.
    """
    gap = timedelta(days=settings.min_days_between_touches)
    zones = {s.key: recipient_zone(s) if recipient_zone else None for s in candidates}
    placed = [land_in_working_hours(s, tz, settings, zones[s.key]) for s in candidates]
    placed.sort(key=lambda s: (not s.spacing_exempt, *ranking(s)))
    accepted: list[Suggestion] = []
    for suggestion in placed:
        if suggestion.is_public and public_count >= settings.public_engagements_cap:
            _note(
                trace,
                suggestion,
                "public_cap",
                f"already {public_count} public engagements in "
                f"{settings.public_engagements_window_days} days",
            )
            continue
        if not suggestion.spacing_exempt:
            due = suggestion.due_at
            if last_outbound_at is not None and due < last_outbound_at + gap:
                due = timing.next_working_time(
                    last_outbound_at + gap,
                    tz,
                    settings.working_hours_start,
                    settings.working_hours_end,
                )
            due = _clear_of(due, accepted, gap, suggestion, now, tz, settings)
            window = suggestion.window_end
            if suggestion.is_public and window is not None and due > window:
                _note(
                    trace,
                    suggestion,
                    "spacing",
                    f"another touch is planned within {settings.min_days_between_touches} days "
                    "and the window would close first",
                )
                continue
            if due != suggestion.due_at:
                _note(
                    trace,
                    suggestion,
                    "spacing",
                    f"moved to {due.isoformat()} to keep {settings.min_days_between_touches} "
                    "days between touches",
                    outcome="moved",
                )
                # A private note keeps its full window: due and send-by move together.
                shift = due - suggestion.due_at
                window = suggestion.window_end + shift if suggestion.window_end else None
                suggestion = settle(
                    dataclasses.replace(suggestion, due_at=due, window_end=window),
                    tz,
                    settings,
                    zones[suggestion.key],
                )
        if suggestion.is_public:
            public_count += 1
        accepted.append(suggestion)
    return accepted


def _clear_of(
    due: datetime,
    accepted: list[Suggestion],
    gap: timedelta,
    suggestion: Suggestion,
    now: datetime,
    tz: ZoneInfo,
    settings: CadenceSettings,
) -> datetime:
    """The earliest time at or after `due` that is `gap` away from every accepted touch.

    Times are compared as effective times, ``max(due, now)``: two suggestions both overdue are
    both "now", so the lower one moves to two days after the other.
    """
    touches = sorted(max(s.due_at, now) for s in accepted if s.kind != "ask_intro")
    moved = True
    while moved:
        moved = False
        for other in touches:
            if abs(max(due, now) - other) < gap:
                due = other + gap
                moved = True
        if moved:
            due = timing.next_working_time(
                due, tz, settings.working_hours_start, settings.working_hours_end
            )
    return due


def apply_budget(
    suggestions: list[Suggestion], now: datetime, settings: CadenceSettings
) -> tuple[list[Suggestion], list[Suggestion]]:
    """Keep the top `daily_budget` suggestions due before the end of the user's day, plus every
    suggestion due later (those compete on their own day). Returns (kept, held back)."""
    end_of_today = timing.end_of_day(now, timing.zone(settings.user_time_zone))
    today = [s for s in suggestions if s.due_at < end_of_today]
    later = [s for s in suggestions if s.due_at >= end_of_today]
    today.sort(key=ranking)
    kept = today[: settings.daily_budget] + later
    kept.sort(key=ranking)
    return kept, today[settings.daily_budget :]


def _note(
    trace: list[Explanation] | None,
    suggestion: Suggestion,
    guard: str,
    detail: str,
    outcome: str = "held",
) -> None:
    if trace is not None:
        trace.append(Explanation(suggestion.kind, outcome, detail, suggestion.key, guard))
