"""Every default of the cadence engine, in one frozen dataclass.

The values follow the job-search playbook (docs/cadence.md): thank-you within 24–48 h, fresh
posts for 48 h, check-ins 5 business days after the last interview then +7 and +14, and per-stage
keep-warm targets. Users edit them on the settings page; `from_mapping` accepts whatever subset
was stored and `to_dict` gives the full, JSON-ready picture back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Stage → (target minimum, target maximum) days between touches (docs/cadence.md, keep_warm).
DEFAULT_KEEP_WARM_TARGETS: tuple[tuple[str, int, int], ...] = (
    ("interested", 14, 21),
    ("applied", 14, 21),
    ("screening", 7, 10),
    ("interviewing", 5, 7),
    ("offer", 3, 5),
    ("networking", 14, 21),
    ("closed", 60, 90),
)


@dataclass(frozen=True, slots=True)
class CadenceSettings:
    """The tunable numbers of every rule and guard. All durations are whole hours or days."""

    user_time_zone: str = "UTC"
    working_hours_start: int = 9
    working_hours_end: int = 17
    daily_budget: int = 10
    horizon_days: int = 14

    thank_you_ideal_hours: int = 24
    thank_you_late_hours: int = 48
    thank_you_give_up_days: int = 14

    fresh_post_hours: int = 48
    react_max_age_days: int = 7
    comments_per_person_per_week: int = 2

    share_quiet_days: int = 7

    check_in_first_business_days: int = 5
    check_in_follow_up_business_days: tuple[int, ...] = (7, 14)
    check_in_max_unanswered: int = 3

    respond_within_business_days: int = 1
    respond_give_up_days: int = 14

    event_follow_up_hours: int = 48
    event_follow_up_give_up_days: int = 7

    connect_within_days: int = 30

    keep_warm_targets: tuple[tuple[str, int, int], ...] = DEFAULT_KEEP_WARM_TARGETS

    min_days_between_touches: int = 2
    public_engagements_cap: int = 3
    public_engagements_window_days: int = 14

    warmth_half_life_days: int = 21
    too_frequent_touches_per_week: int = 4
    reply_window_days: int = 14

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.user_time_zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {self.user_time_zone!r}") from error
        if not 0 <= self.working_hours_start < self.working_hours_end <= 24:
            raise ValueError("working hours must satisfy 0 <= start < end <= 24")
        if self.daily_budget < 0:
            raise ValueError("daily_budget must not be negative")
        if self.thank_you_ideal_hours > self.thank_you_late_hours:
            raise ValueError("thank_you_ideal_hours must not exceed thank_you_late_hours")
        for stage, low, high in self.keep_warm_targets:
            if not 0 < low <= high:
                raise ValueError(f"keep-warm target for {stage!r} must satisfy 0 < min <= max")

    def keep_warm_target(self, stage: str) -> tuple[int, int]:
        """Return (min_days, max_days) for a cadence stage; unknown stages use `networking`."""
        fallback = (14, 21)
        for name, low, high in self.keep_warm_targets:
            if name == stage:
                return low, high
            if name == "networking":
                fallback = (low, high)
        return fallback

    def to_dict(self) -> dict[str, Any]:
        """Every setting as plain JSON values; keep-warm targets as ``{stage: [min, max]}``."""
        result: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "keep_warm_targets":
                value = {stage: [low, high] for stage, low, high in value}
            elif isinstance(value, tuple):
                value = list(value)
            result[item.name] = value
        return result

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> CadenceSettings:
        """Build settings from a possibly partial mapping (as stored or posted by a form).

        Missing keys keep their defaults and unknown keys are ignored, so older or newer stored
        settings still load. `keep_warm_targets` may name only some stages; the others keep their
        defaults. Raises `ValueError` when a given value has the wrong type or is out of range.
        """
        if not data:
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for item in dataclasses.fields(cls):
            if item.name not in data:
                continue
            raw = data[item.name]
            default = getattr(defaults, item.name)
            if item.name == "keep_warm_targets":
                values[item.name] = _targets(raw, default)
            elif isinstance(default, bool):
                values[item.name] = bool(raw)
            elif isinstance(default, int):
                values[item.name] = _whole_number(item.name, raw)
            elif isinstance(default, tuple):
                if not isinstance(raw, list | tuple):
                    raise ValueError(f"{item.name} must be a list of whole numbers")
                values[item.name] = tuple(_whole_number(item.name, part) for part in raw)
            else:
                if not isinstance(raw, str):
                    raise ValueError(f"{item.name} must be text")
                values[item.name] = raw
        return dataclasses.replace(defaults, **values)


def _whole_number(name: str, raw: Any) -> int:
    if isinstance(raw, bool):
        raise ValueError(f"{name} must be a whole number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        return int(raw.strip())
    raise ValueError(f"{name} must be a whole number")


def _targets(
    raw: Any, default: tuple[tuple[str, int, int], ...]
) -> tuple[tuple[str, int, int], ...]:
    if not isinstance(raw, Mapping):
        raise ValueError("keep_warm_targets must map a stage to [min_days, max_days]")
    merged = {stage: (low, high) for stage, low, high in default}
    for stage, pair in raw.items():
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValueError(f"keep_warm_targets[{stage!r}] must be [min_days, max_days]")
        merged[str(stage)] = (
            _whole_number("keep_warm_targets", pair[0]),
            _whole_number("keep_warm_targets", pair[1]),
        )
    return tuple((stage, low, high) for stage, (low, high) in merged.items())


# Validation of what a user (or an old store, or a backup) says -------------------------------

#: The cadence numbers a user may set, with the range that keeps every rule meaningful.
CADENCE_RANGES: dict[str, tuple[int, int]] = {
    "horizon_days": (1, 90),
    "thank_you_ideal_hours": (1, 168),
    "thank_you_late_hours": (1, 336),
    "thank_you_give_up_days": (1, 90),
    "fresh_post_hours": (1, 336),
    "react_max_age_days": (1, 90),
    "comments_per_person_per_week": (0, 50),
    "share_quiet_days": (1, 365),
    "check_in_first_business_days": (1, 60),
    "check_in_max_unanswered": (0, 20),
    "respond_within_business_days": (0, 30),
    "respond_give_up_days": (1, 365),
    "event_follow_up_hours": (1, 336),
    "event_follow_up_give_up_days": (1, 90),
    "connect_within_days": (1, 365),
    "min_days_between_touches": (0, 30),
    "public_engagements_cap": (0, 20),
    "public_engagements_window_days": (1, 90),
    "warmth_half_life_days": (1, 365),
    "too_frequent_touches_per_week": (1, 50),
    "reply_window_days": (1, 90),
}
#: Days between touches a keep-warm target may ask for.
TARGET_RANGE = (1, 365)
#: Follow-up check-ins after the first: at most this many, each in business days.
FOLLOW_UPS_MAX = 10
FOLLOW_UP_RANGE = (1, 120)
#: Keys the stored ``cadence`` object may hold (top-level settings carry the others).
CADENCE_KEYS = frozenset(CADENCE_RANGES) | {"keep_warm_targets", "check_in_follow_up_business_days"}
KNOWN_STAGES = frozenset(stage for stage, _low, _high in DEFAULT_KEEP_WARM_TARGETS)


def strict_whole_number(raw: Any, low: int, high: int) -> str | None:
    """The problem with ``raw`` as a whole number in [low, high], or None when it is one.

    Strict: JSON true, 1.5, "5", 1e308 and infinities are all refused (a stored value that is
    not a plain int breaks every reader later, issue 15)."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        return "Must be a whole number."
    if not low <= raw <= high:
        return f"Must be between {low} and {high}."
    return None


def cadence_problems(cadence: Any) -> dict[str, list[str]]:
    """Every problem with a stored or posted ``cadence`` object, by field path
    (``cadence.thank_you_ideal_hours``, ``cadence.keep_warm_targets.offer``); empty when valid.

    Known keys only; numbers strict and in range; keep-warm targets ``[min, max]`` of a known
    stage with min <= max; follow-ups ascending; a thank-you is ideal before it is late.
    """
    if not isinstance(cadence, Mapping):
        return {"cadence": ["Must be an object."]}
    problems: dict[str, list[str]] = {}

    def add(path: str, message: str) -> None:
        problems.setdefault(path, []).append(message)

    for key, raw in cadence.items():
        path = f"cadence.{key}"
        if key not in CADENCE_KEYS:
            add(path, "Unknown setting.")
        elif key in CADENCE_RANGES:
            problem = strict_whole_number(raw, *CADENCE_RANGES[key])
            if problem:
                add(path, problem)
        elif key == "keep_warm_targets":
            if not isinstance(raw, Mapping):
                add(path, "Must map a stage to [min_days, max_days].")
                continue
            for stage, pair in raw.items():
                where = f"{path}.{stage}"
                if stage not in KNOWN_STAGES:
                    add(where, "Unknown stage.")
                elif not isinstance(pair, list | tuple) or len(pair) != 2:
                    add(where, "Must be [min_days, max_days].")
                else:
                    found = [strict_whole_number(part, *TARGET_RANGE) for part in pair]
                    if any(found):
                        add(where, next(problem for problem in found if problem))
                    elif pair[0] > pair[1]:
                        add(where, "The maximum must be at least the minimum.")
        else:  # check_in_follow_up_business_days
            if not isinstance(raw, list | tuple) or len(raw) > FOLLOW_UPS_MAX:
                add(path, f"Must be a list of at most {FOLLOW_UPS_MAX} whole numbers.")
                continue
            found = [strict_whole_number(part, *FOLLOW_UP_RANGE) for part in raw]
            if any(found):
                add(path, next(problem for problem in found if problem))
            elif list(raw) != sorted(set(raw)):
                add(path, "Must be in increasing order.")
    defaults = CadenceSettings()
    ideal = cadence.get("thank_you_ideal_hours", defaults.thank_you_ideal_hours)
    late = cadence.get("thank_you_late_hours", defaults.thank_you_late_hours)
    if (
        "cadence.thank_you_ideal_hours" not in problems
        and "cadence.thank_you_late_hours" not in problems
        and ideal > late
    ):
        add("cadence.thank_you_late_hours", "Must be at least the ideal time.")
    return problems
