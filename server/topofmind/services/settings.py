"""User settings, stored as one JSON value per key; defaults live here.

User-edited message templates are stored under ``templates`` and only override the kinds the
user changed, so new default templates arrive with upgrades while the user's edits survive.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.settings import cadence_problems
from ..errors import InvalidInput
from ..store.models import Setting
from .unit_of_work import touch_everyone, unit_of_work

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "user_name": "",
    "user_time_zone": "UTC",
    "working_hours_start": 9,
    "working_hours_end": 17,
    "daily_budget": 10,
    "capture_retention_days": 180,
    "digest_hour": 8,
    "keep_message_bodies": False,
    # How many posts of their own a week the user aims for (the posting page's target line).
    "posts_per_week_target": 1,
    "cadence": {},
    "templates": {},
}
# The settings the cadence engine reads (``suggestions.cadence_settings``): changing one
# changes everyone's suggestions.
CADENCE_KEYS = (
    "cadence",
    "user_time_zone",
    "working_hours_start",
    "working_hours_end",
    "daily_budget",
)


def _validate(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise InvalidInput(f"Unknown setting '{key}'.", {key: ["Unknown setting."]})
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise InvalidInput("Expected true or false.", {key: ["Must be true or false."]})
        return value
    if key == "user_name" and not isinstance(value, str):
        raise InvalidInput("Expected text.", {key: ["Must be text."]})
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput("Expected a whole number.", {key: ["Must be a whole number."]})
        limits = {
            "working_hours_start": (0, 23),
            "working_hours_end": (1, 24),
            "daily_budget": (1, 100),
            "capture_retention_days": (1, 3650),
            "digest_hour": (0, 23),
            "posts_per_week_target": (0, 14),
        }
        low, high = limits.get(key, (0, 10**6))
        if not low <= value <= high:
            raise InvalidInput("Out of range.", {key: [f"Must be between {low} and {high}."]})
        return value
    if key == "cadence":
        problems = cadence_problems(value)
        if problems:
            first = next(iter(problems))
            raise InvalidInput(f"{first}: {problems[first][0]}", problems)
        return _plain(value)
    if isinstance(default, dict):
        if not isinstance(value, Mapping):
            raise InvalidInput("Expected an object.", {key: ["Must be an object."]})
        for name, text in value.items():
            if not isinstance(text, str) or len(name) > 100 or len(text) > TEMPLATE_MAX_CHARS:
                problem = f"Must be text of at most {TEMPLATE_MAX_CHARS} characters."
                raise InvalidInput(f"{key}.{name}: {problem}", {f"{key}.{name}": [problem]})
        return dict(value)
    if not isinstance(value, str):
        raise InvalidInput("Expected text.", {key: ["Must be text."]})
    if key == "user_time_zone":
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(value)
        except (ValueError, KeyError, OSError) as error:
            raise InvalidInput("Unknown time zone.", {key: ["Use an IANA name."]}) from error
    return value.strip()[:200]


TEMPLATE_MAX_CHARS = 20_000


def _plain(value: Any) -> Any:
    """A JSON-ready deep copy (tuples become lists)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _readable(key: str, value: Any) -> Any:
    """``value`` as stored under ``key`` when it is valid today, else what can be kept of it.

    An older store or a restored backup may hold values today's rules refuse; they must not
    break every reader (issue 15), so each is checked on the way out and falls back to its
    default, with a warning in the log. In ``cadence`` only the bad entries are dropped."""
    try:
        return _validate(key, value)
    except InvalidInput as error:
        if key == "cadence" and isinstance(value, Mapping):
            bad = {path.split(".")[1] for path in error.errors if path.count(".") >= 1}
            kept = {k: v for k, v in value.items() if k not in bad}
            if not cadence_problems(kept):
                log.warning("stored cadence settings %s are invalid; using defaults", sorted(bad))
                return _plain(kept)
        log.warning("stored setting %r is invalid (%s); using the default", key, error.message)
        return _plain(DEFAULTS[key])


def get_settings(session: Session) -> dict[str, Any]:
    """Every setting, defaults filled in; a stored value that is not valid reads as its default
    (see ``_readable``)."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    merged = {
        key: _readable(key, stored[key]) if key in stored else _plain(default)
        for key, default in DEFAULTS.items()
    }
    if merged["working_hours_start"] >= merged["working_hours_end"]:
        log.warning("stored working hours end before they start; using the defaults")
        merged["working_hours_start"] = DEFAULTS["working_hours_start"]
        merged["working_hours_end"] = DEFAULTS["working_hours_end"]
    return merged


@unit_of_work
def update_settings(session: Session, changes: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """Validate and store ``changes``; returns the full settings. Raises ``InvalidInput``.

    A change to a setting the cadence engine reads recomputes everyone's suggestions.
    """
    clean = {key: _validate(key, value) for key, value in changes.items()}
    current = get_settings(session)
    start = clean.get("working_hours_start", current["working_hours_start"])
    end = clean.get("working_hours_end", current["working_hours_end"])
    if start >= end:
        raise InvalidInput(
            "Working hours must end after they start.",
            {"working_hours_end": ["Must be later than the start."]},
        )
    if any(clean[key] != current[key] for key in CADENCE_KEYS if key in clean):
        touch_everyone(session)
    for key, value in clean.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    session.flush()
    return get_settings(session)
