from datetime import UTC, date, datetime, timedelta

import pytest
from topofmind.domain import timing

STOCKHOLM = timing.zone("Europe/Stockholm")
LOS_ANGELES = timing.zone("America/Los_Angeles")


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Greater Stockholm Metropolitan Area", "Europe/Stockholm"),
        ("Stockholm, Stockholm County, Sweden", "Europe/Stockholm"),
        ("San Francisco Bay Area", "America/Los_Angeles"),
        ("Palo Alto, California, United States", "America/Los_Angeles"),
        ("Palo Alto, CA", "America/Los_Angeles"),
        ("Singapore", "Asia/Singapore"),
        ("Germany", "Europe/Berlin"),
        ("Sweden", "Europe/Stockholm"),
        ("United States", "America/New_York"),
        ("London Area, United Kingdom", "Europe/London"),
        ("Île-de-France, France", "Europe/Paris"),
        ("Bengaluru, Karnataka, India", "Asia/Kolkata"),
        ("New York City Metropolitan Area", "America/New_York"),
        ("Cambridge, Massachusetts, United States", "America/New_York"),
        ("Washington, District of Columbia, United States", "America/New_York"),
        ("Seattle, Washington, United States", "America/Los_Angeles"),
        ("Dallas-Fort Worth Metroplex", "America/Chicago"),
        ("Remote", None),
        ("", None),
        (None, None),
    ],
)
def test_zone_for_location(location, expected):
    assert timing.zone_for_location(location) == expected


@pytest.mark.parametrize(
    ("override", "location", "expected"),
    [
        ("Asia/Tokyo", "Greater Stockholm Metropolitan Area", "Asia/Tokyo"),
        ("Not/AZone", "Greater Stockholm Metropolitan Area", "Europe/Stockholm"),
        (None, "Somewhere unknown", "Europe/Lisbon"),
        (None, None, "Europe/Lisbon"),
    ],
)
def test_person_zone_prefers_override_then_location_then_user_zone(override, location, expected):
    assert timing.person_zone_name(override, location, "Europe/Lisbon") == expected


def test_unknown_zone_name_raises():
    with pytest.raises(ValueError, match="unknown time zone"):
        timing.zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Friday + 1 business day is Monday, same wall-clock time.
        (datetime(2026, 3, 6, 10, 0, tzinfo=UTC), 1, datetime(2026, 3, 9, 10, 0, tzinfo=UTC)),
        # Saturday + 1 is Monday.
        (datetime(2026, 3, 7, 10, 0, tzinfo=UTC), 1, datetime(2026, 3, 9, 10, 0, tzinfo=UTC)),
        # Wednesday + 5 is next Wednesday.
        (datetime(2026, 3, 4, 10, 0, tzinfo=UTC), 5, datetime(2026, 3, 11, 10, 0, tzinfo=UTC)),
        (datetime(2026, 3, 4, 10, 0, tzinfo=UTC), 0, datetime(2026, 3, 4, 10, 0, tzinfo=UTC)),
    ],
)
def test_add_business_days_in_utc(start, days, expected):
    assert timing.add_business_days(start, days, timing.zone("UTC")) == expected


def test_add_business_days_keeps_local_time_across_spring_forward():
    # Friday 27 March 2026 10:00 in Stockholm (CET, UTC+1); clocks go forward on Sunday 29 March.
    friday = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    monday = timing.add_business_days(friday, 1, STOCKHOLM)
    assert monday.astimezone(STOCKHOLM).hour == 10
    assert monday == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)


def test_add_business_days_keeps_local_time_across_fall_back():
    # Friday 23 October 2026 10:00 CEST (UTC+2); clocks go back on Sunday 25 October.
    friday = datetime(2026, 10, 23, 8, 0, tzinfo=UTC)
    monday = timing.add_business_days(friday, 1, STOCKHOLM)
    assert monday == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert monday.astimezone(STOCKHOLM).hour == 10


@pytest.mark.parametrize(
    ("moment", "tz", "expected"),
    [
        # Within working hours: unchanged.
        (
            datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
            STOCKHOLM,
            datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
        ),
        # Before 9 local: 9:00 the same day (08:00 UTC in winter).
        (datetime(2026, 3, 4, 5, 0, tzinfo=UTC), STOCKHOLM, datetime(2026, 3, 4, 8, 0, tzinfo=UTC)),
        # 17:00 local is after hours: next morning.
        (
            datetime(2026, 3, 4, 16, 0, tzinfo=UTC),
            STOCKHOLM,
            datetime(2026, 3, 5, 8, 0, tzinfo=UTC),
        ),
        # Saturday: Monday morning.
        (
            datetime(2026, 3, 7, 12, 0, tzinfo=UTC),
            STOCKHOLM,
            datetime(2026, 3, 9, 8, 0, tzinfo=UTC),
        ),
        # Friday evening before spring-forward: Monday 09:00 CEST is 07:00 UTC.
        (
            datetime(2026, 3, 27, 17, 0, tzinfo=UTC),
            STOCKHOLM,
            datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
        ),
        # Friday evening before fall-back: Monday 09:00 CET is 08:00 UTC.
        (
            datetime(2026, 10, 23, 16, 0, tzinfo=UTC),
            STOCKHOLM,
            datetime(2026, 10, 26, 8, 0, tzinfo=UTC),
        ),
        # Sunday 2 pm UTC is Sunday 7 am in Los Angeles: Monday 9:00 PDT.
        (
            datetime(2026, 3, 22, 14, 0, tzinfo=UTC),
            LOS_ANGELES,
            datetime(2026, 3, 23, 16, 0, tzinfo=UTC),
        ),
        # Monday 02:00 UTC is still Sunday evening in Los Angeles.
        (
            datetime(2026, 3, 23, 2, 0, tzinfo=UTC),
            LOS_ANGELES,
            datetime(2026, 3, 23, 16, 0, tzinfo=UTC),
        ),
    ],
)
def test_next_working_time(moment, tz, expected):
    result = timing.next_working_time(moment, tz, 9, 17)
    assert result == expected
    assert timing.in_working_hours(result, tz, 9, 17)


def test_next_business_day_start_skips_weekend():
    assert timing.next_business_day_start(date(2026, 3, 6), STOCKHOLM, 9) == datetime(
        2026, 3, 9, 8, 0, tzinfo=UTC
    )


def test_end_of_day_in_user_zone():
    moment = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)  # already 5 March in Stockholm
    assert timing.end_of_day(moment, STOCKHOLM) == datetime(2026, 3, 5, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(minutes=5), "5 min"),
        (timedelta(hours=3, minutes=20), "3 h"),
        (timedelta(hours=47), "47 h"),
        (timedelta(days=20), "20 days"),
        (timedelta(days=95), "3 months"),
        (timedelta(days=800), "2 years"),
    ],
)
def test_ago(delta, text):
    assert timing.ago(delta) == text


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 3, 4, 8, 0, tzinfo=UTC), "today"),
        (datetime(2026, 3, 3, 8, 0, tzinfo=UTC), "yesterday"),
        (datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "Monday"),
        (datetime(2026, 2, 20, 8, 0, tzinfo=UTC), "20 February"),
    ],
)
def test_day_name(moment, text):
    now = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
    assert timing.day_name(moment, now, timing.zone("UTC")) == text
