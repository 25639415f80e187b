"""Time arithmetic for the rules: zones from location text, business days, working hours, wording.

Everything takes and returns time-zone aware datetimes; results are in UTC. Local reasoning
(weekends, 9-to-5) happens in the zone the caller names, so daylight-saving changes land on the
right wall-clock hour.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Cities, metro areas, regions and countries as LinkedIn writes them, normalised (lower case, no
# accents, hyphens as spaces). A country maps to its main (most populous) zone.
_PLACES: dict[str, str] = {
    # North America — cities and metro areas
    "san francisco": "America/Los_Angeles",
    "san francisco bay": "America/Los_Angeles",
    "bay area": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "palo alto": "America/Los_Angeles",
    "mountain view": "America/Los_Angeles",
    "menlo park": "America/Los_Angeles",
    "sunnyvale": "America/Los_Angeles",
    "san jose": "America/Los_Angeles",
    "cupertino": "America/Los_Angeles",
    "oakland": "America/Los_Angeles",
    "berkeley": "America/Los_Angeles",
    "los angeles": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "redmond": "America/Los_Angeles",
    "bellevue": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "vancouver": "America/Vancouver",
    "denver": "America/Denver",
    "boulder": "America/Denver",
    "salt lake city": "America/Denver",
    "phoenix": "America/Phoenix",
    "chicago": "America/Chicago",
    "austin": "America/Chicago",
    "dallas": "America/Chicago",
    "fort worth": "America/Chicago",
    "houston": "America/Chicago",
    "san antonio": "America/Chicago",
    "minneapolis": "America/Chicago",
    "new york": "America/New_York",
    "new york city": "America/New_York",
    "nyc": "America/New_York",
    "brooklyn": "America/New_York",
    "boston": "America/New_York",
    "cambridge ma": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "philadelphia": "America/New_York",
    "pittsburgh": "America/New_York",
    "raleigh": "America/New_York",
    "durham": "America/New_York",
    "detroit": "America/Detroit",
    "toronto": "America/Toronto",
    "ottawa": "America/Toronto",
    "montreal": "America/Toronto",
    "calgary": "America/Edmonton",
    "edmonton": "America/Edmonton",
    "mexico city": "America/Mexico_City",
    # US states and Canadian provinces
    "california": "America/Los_Angeles",
    "washington": "America/Los_Angeles",
    "oregon": "America/Los_Angeles",
    "nevada": "America/Los_Angeles",
    "arizona": "America/Phoenix",
    "colorado": "America/Denver",
    "utah": "America/Denver",
    "texas": "America/Chicago",
    "illinois": "America/Chicago",
    "minnesota": "America/Chicago",
    "wisconsin": "America/Chicago",
    "missouri": "America/Chicago",
    "tennessee": "America/Chicago",
    "new york state": "America/New_York",
    "massachusetts": "America/New_York",
    "new jersey": "America/New_York",
    "pennsylvania": "America/New_York",
    "virginia": "America/New_York",
    "maryland": "America/New_York",
    "north carolina": "America/New_York",
    "georgia": "America/New_York",
    "florida": "America/New_York",
    "ohio": "America/New_York",
    "michigan": "America/Detroit",
    "district of columbia": "America/New_York",
    "washington dc": "America/New_York",
    "hawaii": "Pacific/Honolulu",
    "alaska": "America/Anchorage",
    "british columbia": "America/Vancouver",
    "alberta": "America/Edmonton",
    "ontario": "America/Toronto",
    "quebec": "America/Toronto",
    # Europe
    "london": "Europe/London",
    "manchester": "Europe/London",
    "edinburgh": "Europe/London",
    "cambridge": "Europe/London",
    "oxford": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "dublin": "Europe/Dublin",
    "stockholm": "Europe/Stockholm",
    "gothenburg": "Europe/Stockholm",
    "goteborg": "Europe/Stockholm",
    "malmo": "Europe/Stockholm",
    "uppsala": "Europe/Stockholm",
    "oslo": "Europe/Oslo",
    "copenhagen": "Europe/Copenhagen",
    "kobenhavn": "Europe/Copenhagen",
    "helsinki": "Europe/Helsinki",
    "berlin": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "munchen": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin",
    "paris": "Europe/Paris",
    "ile de france": "Europe/Paris",
    "lyon": "Europe/Paris",
    "amsterdam": "Europe/Amsterdam",
    "rotterdam": "Europe/Amsterdam",
    "brussels": "Europe/Brussels",
    "zurich": "Europe/Zurich",
    "geneva": "Europe/Zurich",
    "vienna": "Europe/Vienna",
    "madrid": "Europe/Madrid",
    "barcelona": "Europe/Madrid",
    "lisbon": "Europe/Lisbon",
    "milan": "Europe/Rome",
    "rome": "Europe/Rome",
    "warsaw": "Europe/Warsaw",
    "krakow": "Europe/Warsaw",
    "prague": "Europe/Prague",
    "budapest": "Europe/Budapest",
    "bucharest": "Europe/Bucharest",
    "athens": "Europe/Athens",
    "istanbul": "Europe/Istanbul",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "tallinn": "Europe/Tallinn",
    "riga": "Europe/Riga",
    "vilnius": "Europe/Vilnius",
    "reykjavik": "Atlantic/Reykjavik",
    # Asia, Middle East, Oceania, Africa, South America
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "tokyo": "Asia/Tokyo",
    "osaka": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "beijing": "Asia/Shanghai",
    "shanghai": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "taipei": "Asia/Taipei",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata",
    "pune": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "dubai": "Asia/Dubai",
    "abu dhabi": "Asia/Dubai",
    "tel aviv": "Asia/Jerusalem",
    "jakarta": "Asia/Jakarta",
    "kuala lumpur": "Asia/Kuala_Lumpur",
    "bangkok": "Asia/Bangkok",
    "manila": "Asia/Manila",
    "ho chi minh city": "Asia/Ho_Chi_Minh",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth",
    "new south wales": "Australia/Sydney",
    "victoria": "Australia/Melbourne",
    "auckland": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
    "cape town": "Africa/Johannesburg",
    "johannesburg": "Africa/Johannesburg",
    "lagos": "Africa/Lagos",
    "nairobi": "Africa/Nairobi",
    "cairo": "Africa/Cairo",
    "sao paulo": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "santiago": "America/Santiago",
    "bogota": "America/Bogota",
    "lima": "America/Lima",
    # Countries → main zone
    "united states": "America/New_York",
    "united states of america": "America/New_York",
    "usa": "America/New_York",
    "us": "America/New_York",
    "canada": "America/Toronto",
    "mexico": "America/Mexico_City",
    "brazil": "America/Sao_Paulo",
    "argentina": "America/Argentina/Buenos_Aires",
    "chile": "America/Santiago",
    "colombia": "America/Bogota",
    "peru": "America/Lima",
    "united kingdom": "Europe/London",
    "uk": "Europe/London",
    "great britain": "Europe/London",
    "ireland": "Europe/Dublin",
    "sweden": "Europe/Stockholm",
    "norway": "Europe/Oslo",
    "denmark": "Europe/Copenhagen",
    "finland": "Europe/Helsinki",
    "iceland": "Atlantic/Reykjavik",
    "germany": "Europe/Berlin",
    "deutschland": "Europe/Berlin",
    "france": "Europe/Paris",
    "netherlands": "Europe/Amsterdam",
    "the netherlands": "Europe/Amsterdam",
    "belgium": "Europe/Brussels",
    "luxembourg": "Europe/Luxembourg",
    "switzerland": "Europe/Zurich",
    "austria": "Europe/Vienna",
    "spain": "Europe/Madrid",
    "portugal": "Europe/Lisbon",
    "italy": "Europe/Rome",
    "poland": "Europe/Warsaw",
    "czechia": "Europe/Prague",
    "czech republic": "Europe/Prague",
    "hungary": "Europe/Budapest",
    "romania": "Europe/Bucharest",
    "greece": "Europe/Athens",
    "turkey": "Europe/Istanbul",
    "turkiye": "Europe/Istanbul",
    "ukraine": "Europe/Kyiv",
    "estonia": "Europe/Tallinn",
    "latvia": "Europe/Riga",
    "lithuania": "Europe/Vilnius",
    "israel": "Asia/Jerusalem",
    "united arab emirates": "Asia/Dubai",
    "uae": "Asia/Dubai",
    "saudi arabia": "Asia/Riyadh",
    "india": "Asia/Kolkata",
    "china": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "south korea": "Asia/Seoul",
    "korea": "Asia/Seoul",
    "taiwan": "Asia/Taipei",
    "indonesia": "Asia/Jakarta",
    "malaysia": "Asia/Kuala_Lumpur",
    "thailand": "Asia/Bangkok",
    "philippines": "Asia/Manila",
    "vietnam": "Asia/Ho_Chi_Minh",
    "pakistan": "Asia/Karachi",
    "bangladesh": "Asia/Dhaka",
    "australia": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "south africa": "Africa/Johannesburg",
    "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi",
    "egypt": "Africa/Cairo",
}

# Two-letter US state codes, trusted only after a city ("Palo Alto, CA"), never on their own.
_US_STATE_CODES = {
    "ca": "America/Los_Angeles",
    "wa": "America/Los_Angeles",
    "or": "America/Los_Angeles",
    "nv": "America/Los_Angeles",
    "az": "America/Phoenix",
    "co": "America/Denver",
    "ut": "America/Denver",
    "tx": "America/Chicago",
    "il": "America/Chicago",
    "mn": "America/Chicago",
    "ny": "America/New_York",
    "ma": "America/New_York",
    "nj": "America/New_York",
    "pa": "America/New_York",
    "va": "America/New_York",
    "md": "America/New_York",
    "nc": "America/New_York",
    "ga": "America/New_York",
    "fl": "America/New_York",
    "dc": "America/New_York",
    "oh": "America/New_York",
}

# Region names that outrank a city name before them ("Washington, District of Columbia").
_REGIONS = frozenset(
    {
        "california",
        "washington",
        "oregon",
        "nevada",
        "arizona",
        "colorado",
        "utah",
        "texas",
        "illinois",
        "minnesota",
        "wisconsin",
        "missouri",
        "tennessee",
        "massachusetts",
        "new jersey",
        "pennsylvania",
        "virginia",
        "maryland",
        "north carolina",
        "georgia",
        "florida",
        "ohio",
        "michigan",
        "district of columbia",
        "hawaii",
        "alaska",
        "british columbia",
        "alberta",
        "ontario",
        "quebec",
        "new south wales",
        "victoria",
    }
)

_NOISE = re.compile(
    r"\b(greater|metropolitan|metroplex|metro|area|region|county|municipality|city of)\b"
)
_NOT_WORD = re.compile(r"[^a-z0-9,]+")
_LONGEST_PLACE = max(len(key.split()) for key in _PLACES)


@lru_cache(maxsize=4096)
def zone_for_location(location: str | None) -> str | None:
    """Guess an IANA zone from LinkedIn location text; None when nothing is recognised.

    The most specific part wins: "Palo Alto, California, United States" → America/Los_Angeles,
    "Greater Stockholm Metropolitan Area" → Europe/Stockholm, "Singapore" → Asia/Singapore, a bare
    country → its main zone.
    """
    if not location:
        return None
    decomposed = unicodedata.normalize("NFKD", location.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    segments = [part.strip() for part in _NOT_WORD.sub(" ", plain).split(",")]
    found: str | None = None
    for index, segment in enumerate(segments):
        if not segment:
            continue
        if index > 0 and segment in _US_STATE_CODES:
            # "Washington, DC": a state code after a city is more reliable than the city name.
            return _US_STATE_CODES[segment]
        here = _PLACES.get(segment)
        if here is None:
            here = _longest_known_phrase(segment.split()) or _longest_known_phrase(
                _NOISE.sub(" ", segment).split()
            )
        if here is None:
            continue
        if found is None:
            found = here
        elif segment in _REGIONS or found.split("/", 1)[0] != here.split("/", 1)[0]:
            # A later part (state, country) settles the continent: "Cambridge, Massachusetts".
            found = here
    return found


def _longest_known_phrase(words: list[str]) -> str | None:
    for size in range(min(len(words), _LONGEST_PLACE), 0, -1):
        for start in range(len(words) - size + 1):
            zone = _PLACES.get(" ".join(words[start : start + size]))
            if zone is not None:
                return zone
    return None


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """`ZoneInfo` for an IANA name; raises `ValueError` for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error


def valid_zone_name(name: str | None) -> bool:
    if not name:
        return False
    try:
        zone(name)
    except ValueError:
        return False
    return True


def person_zone_name(time_zone: str | None, location: str | None, default: str) -> str:
    """The zone to use for a person: their override, else their location, else `default`."""
    if valid_zone_name(time_zone):
        return time_zone  # type: ignore[return-value]
    return zone_for_location(location) or default


def add_business_days(start: datetime, days: int, tz: ZoneInfo) -> datetime:
    """Move `days` weekdays forward from `start`, keeping its wall-clock time in `tz`.

    Saturday + 1 business day is Monday. The result is in UTC.
    """
    local = start.astimezone(tz)
    current = local.date()
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return _at(current, local.timetz().replace(tzinfo=None), tz)


def next_business_day_start(day: date, tz: ZoneInfo, start_hour: int) -> datetime:
    """The first working hour of the first weekday strictly after `day`, in UTC."""
    current = day + timedelta(days=1)
    while current.weekday() >= 5:
        current += timedelta(days=1)
    return _at(current, time(start_hour), tz)


def next_working_time(moment: datetime, tz: ZoneInfo, start_hour: int, end_hour: int) -> datetime:
    """`moment` if it falls on a weekday within working hours in `tz`, else the next start of a
    working day. The result is in UTC."""
    local = moment.astimezone(tz)
    if local.weekday() < 5:
        if start_hour <= local.hour < end_hour:
            return moment.astimezone(UTC)
        if local.hour < start_hour:
            return _at(local.date(), time(start_hour), tz)
    return next_business_day_start(local.date(), tz, start_hour)


def in_working_hours(moment: datetime, tz: ZoneInfo, start_hour: int, end_hour: int) -> bool:
    local = moment.astimezone(tz)
    return local.weekday() < 5 and start_hour <= local.hour < end_hour


def end_of_day(moment: datetime, tz: ZoneInfo) -> datetime:
    """Midnight at the end of `moment`'s local day, in UTC."""
    return _at(moment.astimezone(tz).date() + timedelta(days=1), time(0), tz)


def _at(day: date, wall: time, tz: ZoneInfo) -> datetime:
    # zoneinfo resolves ambiguous and missing wall times (DST changes) with fold=0; going through
    # UTC normalises a missing time (e.g. 02:30 on the spring-forward night) to a real instant.
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)


def ago(delta: timedelta) -> str:
    """Short, human duration: "40 min", "3 h", "2 days", "45 days", "4 months"."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 3600:
        return f"{max(1, seconds // 60)} min"
    hours = seconds // 3600
    if hours < 48:
        return f"{hours} h"
    days = hours // 24
    if days < 60:
        return f"{days} days"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def day_name(moment: datetime, now: datetime, tz: ZoneInfo) -> str:
    """How a person would name the day of `moment`: "today", "yesterday", "Tuesday", "3 March"."""
    day = moment.astimezone(tz).date()
    today = now.astimezone(tz).date()
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if today - timedelta(days=6) <= day < today:
        return day.strftime("%A")
    return f"{day.day} {day.strftime('%B')}"


def date_phrase(day: date) -> str:
    """ "Friday 6 March" — a date as it reads in a sentence."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


# Working hours and the words for a deadline --------------------------------------------------


def end_of_working_day(moment: datetime, tz: ZoneInfo, end_hour: int) -> datetime:
    """The end of working hours on `moment`'s local day, in UTC."""
    day = moment.astimezone(tz).date()
    if end_hour >= 24:
        return _at(day + timedelta(days=1), time(0), tz)
    return _at(day, time(end_hour), tz)


def last_working_time(moment: datetime, tz: ZoneInfo, start_hour: int, end_hour: int) -> datetime:
    """`moment` if it falls within working hours on a weekday in `tz`, else the end of the last
    working day before it (a deadline on Saturday night means Friday at the end of work)."""
    local = moment.astimezone(tz)
    day = local.date()
    if local.weekday() < 5:
        if start_hour <= local.hour < end_hour:
            return moment.astimezone(UTC)
        if local.hour >= end_hour:
            return end_of_working_day(local, tz, end_hour)
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return end_of_working_day(datetime.combine(day, time(12), tzinfo=tz), tz, end_hour)


# Working hours shared by two zones (the user's and a recipient's) ------------------------------

#: Rounds of moving into each zone's working hours before deciding the zones share none.
_SHARED_ROUNDS = 12


def next_shared_working_time(
    moment: datetime, zones: tuple[ZoneInfo, ...], start_hour: int, end_hour: int
) -> datetime | None:
    """The first time at or after `moment` inside working hours on a weekday in every zone of
    `zones`, in UTC; None when their working hours never meet (e.g. London and San Francisco
    with 9-to-5)."""
    return _settle_in_all(next_working_time, moment, zones, start_hour, end_hour)


def last_shared_working_time(
    moment: datetime, zones: tuple[ZoneInfo, ...], start_hour: int, end_hour: int
) -> datetime | None:
    """`moment` if it is inside every zone's working hours, else the end of the last stretch
    before it that was (`last_working_time` for several zones); None when they never meet."""
    return _settle_in_all(last_working_time, moment, zones, start_hour, end_hour)


def _settle_in_all(
    step: Callable[[datetime, ZoneInfo, int, int], datetime],
    moment: datetime,
    zones: tuple[ZoneInfo, ...],
    start_hour: int,
    end_hour: int,
) -> datetime | None:
    """Moves `moment` by `step` into each zone's working hours in turn until no zone moves it
    (a time inside all of them, in UTC), or None after `_SHARED_ROUNDS` rounds."""
    current = moment
    for _ in range(_SHARED_ROUNDS):
        moved = current
        for tz in zones:
            moved = step(moved, tz, start_hour, end_hour)
        if moved == current:
            return moved.astimezone(UTC)
        current = moved
    return None


def hours_apart(moment: datetime, first: ZoneInfo, second: ZoneInfo) -> float:
    """How many hours apart the two zones' clocks are at `moment`."""
    offsets = [moment.astimezone(tz).utcoffset() or timedelta(0) for tz in (first, second)]
    return abs((offsets[0] - offsets[1]).total_seconds()) / 3600


def end_of_shared_working_day(
    moment: datetime, zones: tuple[ZoneInfo, ...], end_hour: int
) -> datetime:
    """Where the working day around `moment` ends first among `zones`, in UTC."""
    return min(end_of_working_day(moment, tz, end_hour) for tz in zones)


def clock_phrase(moment: datetime, tz: ZoneInfo) -> str:
    """ "5:00 PM", "9:30 AM" — a time as people say it."""
    local = moment.astimezone(tz)
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"


def short_date(moment: datetime, tz: ZoneInfo) -> str:
    """ "Tue 9 Dec" in `tz`."""
    local = moment.astimezone(tz)
    return f"{local:%a} {local.day} {local:%b}"


def timing_phrase(due: datetime, send_by: datetime, now: datetime, tz: ZoneInfo) -> str:
    """The one phrase every surface shows for a suggestion's timing, in the user's zone:

    - not yet due: "From Wed 10 Dec, 9:00 AM · send by Fri 12 Dec, 5:00 PM"
      (or "From 2:00 PM today · send by 5:00 PM" within the day);
    - due, deadline today: "Send today, by 5:00 PM"; tomorrow: "Send by tomorrow, 5:00 PM";
      later: "Send by Tue 9 Dec, 5:00 PM";
    - past the deadline: "Overdue since 5:00 PM" (today), "Overdue since yesterday",
      "Overdue since Mon" (this week), "Overdue since 28 Nov".
    """
    today = now.astimezone(tz).date()
    end_day = send_by.astimezone(tz).date()
    if send_by < now:
        if end_day == today:
            return f"Overdue since {clock_phrase(send_by, tz)}"
        if end_day == today - timedelta(days=1):
            return "Overdue since yesterday"
        if end_day > today - timedelta(days=7):
            return f"Overdue since {send_by.astimezone(tz):%a}"
        local = send_by.astimezone(tz)
        return f"Overdue since {local.day} {local:%b}"
    if end_day == today:
        deadline = f"by {clock_phrase(send_by, tz)}"
    elif end_day == today + timedelta(days=1):
        deadline = f"by tomorrow, {clock_phrase(send_by, tz)}"
    else:
        deadline = f"by {short_date(send_by, tz)}, {clock_phrase(send_by, tz)}"
    if due <= now:
        return f"Send today, {deadline}" if end_day == today else f"Send {deadline}"
    due_day = due.astimezone(tz).date()
    if due_day == today:
        start = f"From {clock_phrase(due, tz)} today"
    elif due_day == today + timedelta(days=1):
        start = f"From tomorrow, {clock_phrase(due, tz)}"
    else:
        start = f"From {short_date(due, tz)}, {clock_phrase(due, tz)}"
    return f"{start} · send {deadline}"
