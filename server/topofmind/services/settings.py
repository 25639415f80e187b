"""User settings, stored as one JSON value per key; defaults live here.

User-edited message templates are stored under ``templates`` and only override the kinds the
user changed, so new default templates arrive with upgrades while the user's edits survive.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..store.models import Setting
from .unit_of_work import touch_everyone, unit_of_work

DEFAULTS: dict[str, Any] = {
    "user_name": "",
    "user_time_zone": "UTC",
    "working_hours_start": 9,
    "working_hours_end": 17,
    "daily_budget": 10,
    "capture_retention_days": 180,
    "digest_hour": 8,
    "keep_message_bodies": False,
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
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput("Expected a whole number.", {key: ["Must be a whole number."]})
        limits = {
            "working_hours_start": (0, 23),
            "working_hours_end": (1, 24),
            "daily_budget": (1, 100),
            "capture_retention_days": (1, 3650),
            "digest_hour": (0, 23),
        }
        low, high = limits.get(key, (0, 10**6))
        if not low <= value <= high:
            raise InvalidInput("Out of range.", {key: [f"Must be between {low} and {high}."]})
        return value
    if isinstance(default, dict):
        if not isinstance(value, Mapping):
            raise InvalidInput("Expected an object.", {key: ["Must be an object."]})
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


def get_settings(session: Session) -> dict[str, Any]:
    """Every setting, defaults filled in."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    merged = {key: stored.get(key, default) for key, default in DEFAULTS.items()}
    for key in ("cadence", "templates"):
        merged[key] = dict(merged[key] or {})
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
