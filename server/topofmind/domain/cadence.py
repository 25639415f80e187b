"""Cadence figures per person: how often, how recently, how warm, and how that compares to the
target for the person's stage (docs/cadence.md)."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import median
from typing import Any

from .facts import STAGES_CLOSED, FactInteraction, Facts
from .settings import CadenceSettings

STATUSES = ("on_track", "due", "overdue", "too_frequent", "no_contact")

_STAGE_RANK = {"interested": 1, "applied": 2, "screening": 3, "interviewing": 4, "offer": 5}

# Outbound kinds that expect an answer; the reply rate is measured on these.
CONVERSATION_KINDS = frozenset(
    {"message", "email", "thank_you", "check_in", "intro_request", "document_sent"}
)

# How much one touch warms the relationship before decay; inbound and live contact count most.
_WARMTH_WEIGHT = {
    "reaction": 0.3,
    "comment": 0.6,
    "share": 0.6,
    "message": 1.0,
    "email": 1.0,
    "thank_you": 1.0,
    "check_in": 0.8,
    "document_sent": 0.8,
    "intro_request": 0.8,
    "connection_request": 0.3,
    "referral": 1.5,
    "call": 2.0,
    "meeting": 2.0,
    "event": 1.5,
    "inbound_reply": 1.5,
    "inbound_request": 1.5,
    "interview": 2.0,
}
_WARMTH_SCALE = 2.0


@dataclass(frozen=True, slots=True)
class Touch:
    """One moment of contact: an interaction, or an interview the person took part in."""

    at: datetime
    kind: str
    direction: str
    tag: str


@dataclass(frozen=True, slots=True)
class CadenceFigures:
    person_id: int
    stage: str
    target_min_days: int
    target_max_days: int
    touches_7d: int
    touches_30d: int
    touches_90d: int
    last_outbound_at: datetime | None
    last_inbound_at: datetime | None
    last_touch_at: datetime | None
    median_gap_days: float | None
    reply_rate: float | None
    warmth: int
    status: str
    next_touch_due_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures; datetimes as ISO 8601 with offset."""
        result: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            result[name] = value.isoformat() if isinstance(value, datetime) else value
        return result


def cadence_stage(facts: Facts, person_id: int) -> str:
    """The stage that sets the person's cadence target.

    The most advanced open opportunity the person is on (directly or as an interviewer) wins;
    with only closed ones it is `closed`; with none at all it is `networking`. After a hire the
    search is paused: open roles no longer count, and the people of the accepted role are
    `networking` (future colleagues, not a process).
    """
    paused = facts.hired is not None
    best_rank = 0
    best = None
    closed = False
    opportunities = [opp for opp, _ in facts.roles_of(person_id)]
    for interview in facts.interviews_of(person_id):
        opp = facts.opportunity_by_id.get(interview.opportunity_id)
        if opp is not None:
            opportunities.append(opp)
    for opp in opportunities:
        if paused and (opp.stage in _STAGE_RANK or opp.stage == "hired"):
            continue
        rank = _STAGE_RANK.get(opp.stage, 0)
        if rank > best_rank:
            best_rank, best = rank, opp.stage
        elif opp.stage in STAGES_CLOSED:
            closed = True
    if best is not None:
        return best
    return "closed" if closed else "networking"


def touches_of(facts: Facts, person_id: int, now: datetime) -> list[Touch]:
    """Every contact up to `now`, oldest first: interactions plus finished interviews."""
    touches = [
        Touch(i.occurred_at.astimezone(UTC), i.kind, i.direction, f"interaction-{i.id}")
        for i in facts.interactions_of(person_id)
        if i.occurred_at <= now
    ]
    interviews = [
        Touch(iv.finished_at.astimezone(UTC), "interview", "both", f"interview-{iv.id}")
        for iv in facts.interviews_of(person_id)
        if iv.finished_at <= now
    ]
    if interviews:
        touches.extend(interviews)
        touches.sort(key=lambda t: t.at)
    return touches


def warmth(touches: list[Touch], now: datetime, half_life_days: int) -> int:
    """0–100: each touch adds its weight, halving every `half_life_days`; saturates near 100."""
    total = 0.0
    for touch in touches:
        age_days = (now - touch.at).total_seconds() / 86400
        total += _WARMTH_WEIGHT.get(touch.kind, 0.5) * 0.5 ** (age_days / half_life_days)
    return round(100 * (1 - math.exp(-total / _WARMTH_SCALE)))


WARMTH_WORDS = ((75, "Warm"), (45, "Friendly"), (20, "Cooling"), (1, "Cold"), (0, "No contact yet"))


def warmth_words(score: float | None) -> str:
    """A warmth score (0–100) in words: Warm, Friendly, Cooling, Cold, No contact yet."""
    value = round(score or 0)
    return next(words for low, words in WARMTH_WORDS if value >= low)


def reply_rate(
    interactions: tuple[FactInteraction, ...], now: datetime, window_days: int
) -> float | None:
    """Share of outbound conversation messages answered by an inbound touch within the window.

    None when nothing was sent yet (a rate of 0 would read as "ignored").
    """
    inbound = [
        i.occurred_at for i in interactions if i.direction == "inbound" and i.occurred_at <= now
    ]
    window = timedelta(days=window_days)
    sent = answered = 0
    for interaction in interactions:
        if interaction.direction != "outbound" or interaction.kind not in CONVERSATION_KINDS:
            continue
        if interaction.occurred_at > now:
            continue
        sent += 1
        position = bisect_right(inbound, interaction.occurred_at)
        if position < len(inbound) and inbound[position] <= interaction.occurred_at + window:
            answered += 1
    return round(answered / sent, 3) if sent else None


def figures(
    facts: Facts, person_id: int, now: datetime, settings: CadenceSettings
) -> CadenceFigures:
    """The cadence figures for one person at `now`. Raises `KeyError` for an unknown person."""
    if person_id not in facts.person_by_id:
        raise KeyError(person_id)
    stage = cadence_stage(facts, person_id)
    low, high = settings.keep_warm_target(stage)
    touches = touches_of(facts, person_id, now)
    counts = {7: 0, 30: 0, 90: 0}
    last_outbound = last_inbound = None
    outbound_week = 0
    week_ago = now - timedelta(days=7)
    for touch in touches:
        age = now - touch.at
        for days in counts:
            if age <= timedelta(days=days):
                counts[days] += 1
        # An interview is contact but neither side's message, so it moves only last_touch_at.
        if touch.direction == "outbound":
            last_outbound = touch.at
            if touch.at > week_ago:
                outbound_week += 1
        elif touch.direction == "inbound":
            last_inbound = touch.at
    last_touch = touches[-1].at if touches else None
    gaps = [
        (later.at - earlier.at).total_seconds() / 86400
        for earlier, later in zip(touches, touches[1:], strict=False)
    ]
    if last_touch is None:
        status = "no_contact"
    elif outbound_week >= settings.too_frequent_touches_per_week:
        status = "too_frequent"
    elif now - last_touch < timedelta(days=low):
        status = "on_track"
    elif now - last_touch <= timedelta(days=high):
        status = "due"
    else:
        status = "overdue"
    return CadenceFigures(
        person_id=person_id,
        stage=stage,
        target_min_days=low,
        target_max_days=high,
        touches_7d=counts[7],
        touches_30d=counts[30],
        touches_90d=counts[90],
        last_outbound_at=last_outbound,
        last_inbound_at=last_inbound,
        last_touch_at=last_touch,
        median_gap_days=round(median(gaps), 2) if gaps else None,
        reply_rate=reply_rate(facts.interactions_of(person_id), now, settings.reply_window_days),
        warmth=warmth(touches, now, settings.warmth_half_life_days),
        status=status,
        next_touch_due_at=last_touch + timedelta(days=low) if last_touch else None,
    )
