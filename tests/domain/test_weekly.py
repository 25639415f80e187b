"""The weekly review's figures: pure functions of facts and an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from topofmind.domain.weekly import (
    InterviewFact,
    StageMoveFact,
    TouchFact,
    count_per_week,
    thank_you_figures,
    week_windows,
    weekly_review,
)

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # a Wednesday


def interview(ends_hours_ago: float, *people: int, interview_id: int = 1) -> InterviewFact:
    ends = NOW - timedelta(hours=ends_hours_ago)
    return InterviewFact(interview_id, "Role at Co", ends - timedelta(hours=1), ends, people)


def thank(person_id: int, hours_ago: float, direction: str = "outbound") -> TouchFact:
    return TouchFact(person_id, "thank_you", direction, NOW - timedelta(hours=hours_ago))


def test_weeks_start_on_monday_midnight_local_and_end_with_this_one():
    berlin = ZoneInfo("Europe/Berlin")
    weeks = week_windows(NOW, 12, berlin)
    assert len(weeks) == 12
    assert weeks[-1].start == datetime(2026, 12, 7, 0, 0, tzinfo=berlin)
    assert weeks[-1].start <= NOW < weeks[-1].end
    assert all(w.start.astimezone(berlin).hour == 0 for w in weeks)
    assert all(w.start.astimezone(berlin).weekday() == 0 for w in weeks)
    assert all(a.end == b.start for a, b in zip(weeks, weeks[1:], strict=False))


def test_weeks_across_a_clock_change_still_start_at_local_midnight():
    berlin = ZoneInfo("Europe/Berlin")
    weeks = week_windows(datetime(2026, 11, 4, 12, tzinfo=UTC), 3, berlin)
    # 25 Oct 2026: summer time ends in Berlin; that week is 7 days and one hour long.
    assert [w.start.astimezone(berlin).hour for w in weeks] == [0, 0, 0]
    assert weeks[0].end - weeks[0].start == timedelta(days=7, hours=1)


def test_count_per_week_puts_each_moment_in_its_week_and_ignores_the_rest():
    weeks = week_windows(NOW, 2)
    moments = [
        weeks[0].start,  # first instant of week 1
        weeks[1].start - timedelta(seconds=1),  # last instant of week 1
        weeks[1].start,
        NOW,
        weeks[0].start - timedelta(days=1),  # before
        weeks[1].end,  # after
    ]
    assert count_per_week(moments, weeks) == [2, 2]


@pytest.mark.parametrize(
    ("thank_after_hours", "expected"),
    [
        (None, (1, 0, 0, 1)),
        (2, (1, 1, 1, 0)),
        (24, (1, 1, 1, 0)),
        (30, (1, 0, 1, 0)),
        (48, (1, 0, 1, 0)),
        (60, (1, 0, 0, 0)),
    ],
)
def test_thank_you_speed(thank_after_hours, expected):
    ended_hours_ago = 100
    touches = []
    if thank_after_hours is not None:
        touches.append(thank(5, ended_hours_ago - thank_after_hours))
    figures = thank_you_figures([interview(ended_hours_ago, 5)], touches, NOW)
    assert (figures.owed, figures.within_24h, figures.within_48h, figures.still_open) == expected


def test_thank_yous_count_per_interviewer_and_only_recent_interviews():
    interviews = [
        interview(10, 1, 2, interview_id=1),
        interview(24 * 8, 3, interview_id=2),  # ended 8 days ago: outside the week
        interview(-5, 4, interview_id=3),  # not over yet
    ]
    touches = [
        thank(1, 5),
        thank(2, 20),  # before the interview ended: does not count
        thank(2, 1, direction="inbound"),  # inbound: does not count
        thank(3, 24 * 7),
    ]
    figures = thank_you_figures(interviews, touches, NOW)
    assert (figures.owed, figures.within_24h, figures.within_48h, figures.still_open) == (
        2,
        1,
        1,
        1,
    )


def test_weekly_review_figures():
    touches = [
        TouchFact(1, "message", "outbound", NOW - timedelta(days=1)),
        TouchFact(1, "inbound_reply", "inbound", NOW - timedelta(days=1, hours=-2)),
        TouchFact(2, "inbound_reply", "inbound", NOW - timedelta(days=3)),
        TouchFact(2, "inbound_reply", "inbound", NOW - timedelta(days=2)),
        TouchFact(3, "check_in", "outbound", NOW - timedelta(days=6)),
        TouchFact(3, "check_in", "outbound", NOW - timedelta(days=9)),  # last week
        TouchFact(4, "message", "outbound", NOW - timedelta(weeks=20)),  # out of the chart
    ]
    moves = [
        StageMoveFact("Role at Co", "applied", "screening", NOW - timedelta(days=2)),
        StageMoveFact("Old at Co", "screening", "rejected", NOW - timedelta(days=10)),
    ]
    ahead = InterviewFact(
        9, "Next at Co", NOW + timedelta(days=2), NOW + timedelta(days=2, hours=1), (1,)
    )
    later = InterviewFact(
        10, "Later", NOW + timedelta(days=9), NOW + timedelta(days=9, hours=1), (1,)
    )
    review = weekly_review(NOW, touches, [ahead, later], moves)
    assert review.replies == 3
    assert review.replied_people == 2
    assert review.check_ins == 1
    assert review.touches == 2
    assert [m.to_stage for m in review.stage_moves] == ["screening"]
    assert [i.interview_id for i in review.interviews_ahead] == [9]
    assert len(review.weeks) == 12
    assert sum(w.outbound for w in review.weeks) == 3
    assert sum(w.inbound for w in review.weeks) == 3
    assert review.weeks[-1].total == 3  # from Monday 7 Dec: a message and two replies


def test_an_empty_week():
    review = weekly_review(NOW, [], [], [])
    assert (review.replies, review.check_ins, review.touches) == (0, 0, 0)
    assert review.thank_yous.owed == 0
    assert all(w.total == 0 for w in review.weeks)
