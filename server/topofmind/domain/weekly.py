"""The week at a glance: pure figures from facts and a clock (the weekly review, posting page).

Weeks start on Monday at 00:00 in the user's time zone; "the last 7 days" end at ``now``. Every
function takes ``now`` explicitly, so tests pass a fixed clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

THANK_YOU_IDEAL = timedelta(hours=24)
THANK_YOU_LATE = timedelta(hours=48)
REVIEW_DAYS = 7


@dataclass(frozen=True, slots=True)
class Week:
    start: datetime  # Monday 00:00 local, in UTC
    end: datetime  # the next Monday 00:00 local, in UTC


@dataclass(frozen=True, slots=True)
class TouchFact:
    person_id: int
    kind: str
    direction: str  # outbound | inbound
    at: datetime


@dataclass(frozen=True, slots=True)
class InterviewFact:
    interview_id: int
    label: str  # "Staff Engineer at Northwind"
    starts_at: datetime
    ends_at: datetime
    interviewer_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StageMoveFact:
    label: str
    from_stage: str | None
    to_stage: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ThankYouFigures:
    owed: int  # interviewer × interview pairs whose interview ended in the last 7 days
    within_24h: int
    within_48h: int  # includes those within 24 h
    still_open: int  # not thanked yet


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: Week
    outbound: int
    inbound: int

    @property
    def total(self) -> int:
        return self.outbound + self.inbound


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    since: datetime
    thank_yous: ThankYouFigures
    replies: int
    replied_people: int
    check_ins: int
    touches: int
    stage_moves: tuple[StageMoveFact, ...]
    weeks: tuple[WeekCount, ...]
    interviews_ahead: tuple[InterviewFact, ...]


def week_windows(now: datetime, weeks: int = 12, zone: tzinfo = UTC) -> list[Week]:
    """The last ``weeks`` calendar weeks, oldest first, the last one containing ``now``."""
    local = now.astimezone(zone)
    monday = (local - timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    starts = [_local_midnight(monday - timedelta(weeks=back), zone) for back in range(weeks)]
    starts.reverse()
    return [
        Week(
            start.astimezone(UTC), _local_midnight(start + timedelta(days=7), zone).astimezone(UTC)
        )
        for start in starts
    ]


def _local_midnight(moment: datetime, zone: tzinfo) -> datetime:
    # Re-attach the zone after arithmetic so a DST change keeps weeks starting at 00:00 local.
    naive = moment.replace(tzinfo=None)
    return naive.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=zone)


def count_per_week(moments: Iterable[datetime], windows: Sequence[Week]) -> list[int]:
    """How many of ``moments`` fall in each window (moments outside every window are ignored)."""
    counts = [0] * len(windows)
    for moment in moments:
        for index, week in enumerate(windows):
            if week.start <= moment < week.end:
                counts[index] += 1
                break
    return counts


def thank_you_figures(
    interviews: Iterable[InterviewFact], touches: Sequence[TouchFact], now: datetime
) -> ThankYouFigures:
    """Thank-yous owed for interviews that ended in the last 7 days, and how fast they went.

    Each interviewer of each such interview is owed one; a thank-you counts when an outbound
    ``thank_you`` to that person came after the interview ended.
    """
    since = now - timedelta(days=REVIEW_DAYS)
    owed = within_24h = within_48h = still_open = 0
    for interview in interviews:
        if not since <= interview.ends_at <= now:
            continue
        for person_id in interview.interviewer_ids:
            owed += 1
            sent = [
                t.at
                for t in touches
                if t.person_id == person_id
                and t.kind == "thank_you"
                and t.direction == "outbound"
                and interview.ends_at <= t.at <= now
            ]
            if not sent:
                still_open += 1
                continue
            delay = min(sent) - interview.ends_at
            within_24h += delay <= THANK_YOU_IDEAL
            within_48h += delay <= THANK_YOU_LATE
    return ThankYouFigures(owed, within_24h, within_48h, still_open)


def weekly_review(
    now: datetime,
    touches: Sequence[TouchFact],
    interviews: Sequence[InterviewFact],
    stage_moves: Iterable[StageMoveFact],
    zone: tzinfo = UTC,
    weeks: int = 12,
) -> WeeklyReview:
    """The figures of the last 7 days, touches per week over ``weeks`` weeks, what is ahead.

    ``touches`` are the user's interactions (outbound and inbound) with tracked people;
    ``interviews`` any interviews, past or coming (those starting in the next 7 days are ahead).
    """
    since = now - timedelta(days=REVIEW_DAYS)
    recent = [t for t in touches if since <= t.at <= now]
    inbound = [t for t in recent if t.direction == "inbound"]
    windows = week_windows(now, weeks, zone)
    outbound_weeks = count_per_week((t.at for t in touches if t.direction == "outbound"), windows)
    inbound_weeks = count_per_week((t.at for t in touches if t.direction == "inbound"), windows)
    return WeeklyReview(
        since=since,
        thank_yous=thank_you_figures(interviews, touches, now),
        replies=len(inbound),
        replied_people=len({t.person_id for t in inbound}),
        check_ins=sum(1 for t in recent if t.kind == "check_in" and t.direction == "outbound"),
        touches=sum(1 for t in recent if t.direction == "outbound"),
        stage_moves=tuple(
            sorted((m for m in stage_moves if since <= m.at <= now), key=lambda m: m.at)
        ),
        weeks=tuple(
            WeekCount(week, out, into)
            for week, out, into in zip(windows, outbound_weeks, inbound_weeks, strict=True)
        ),
        interviews_ahead=tuple(
            sorted(
                (i for i in interviews if now < i.starts_at <= now + timedelta(days=7)),
                key=lambda i: i.starts_at,
            )
        ),
    )
