"""Who should introduce the user to a target: rank mutual connections by tie strength.

Pure rules, no I/O, clock passed in. The playbook's warm-introduction rule asks the best mutual:
one of the user's own 1st-degree connections, in recent contact, ideally at the target's company.
Only mutuals of the target can make the introduction; with none, there is no warm path and the
result is empty.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from topofmind.domain.duplicates import normalise_company

__all__ = [
    "IntroducerEvidence",
    "RankedIntroducer",
    "TargetLike",
    "no_path_reason",
    "rank_introducers",
]


class TargetLike(Protocol):
    """The person the user wants to meet (read-only)."""

    @property
    def name(self) -> str | None: ...

    @property
    def company(self) -> str | None: ...


@dataclass(frozen=True)
class IntroducerEvidence:
    """Facts about one of the user's connections, gathered by the caller.

    `reply_rate` is 0..1 (how often they answer the user), `recommendations` and `endorsements`
    count both directions, `seen_on` says where the mutual connection was seen (e.g. "Jane Doe's
    profile"). Times are timezone-aware.
    """

    id: Any
    name: str
    profile_url: str | None = None
    company: str | None = None
    connected_on: date | None = None
    messages_sent: int = 0
    messages_received: int = 0
    last_message_at: datetime | None = None
    reply_rate: float | None = None
    recommendations: int = 0
    endorsements: int = 0
    is_mutual_of_target: bool = False
    seen_on: str | None = None


@dataclass(frozen=True)
class RankedIntroducer:
    """A mutual who could introduce the user: a 0..100 score and the reasons in plain English."""

    id: Any
    name: str
    profile_url: str | None
    score: int
    evidence: tuple[str, ...]


# Weights sum to 100. Messages weigh most: a recent two-way conversation is the best sign that
# someone will act on a request; a shared employer is the next best (they can walk over). How long
# you have been connected says least: many old connections were never real conversations.
_MESSAGE_VOLUME = 12
_MESSAGE_RECENCY = 23
_SAME_COMPANY = 20
_REPLY_RATE = 15
_RECOMMENDATION = 15
_ENDORSEMENTS = 8
_TENURE = 7
_RECENCY_HALF_LIFE_DAYS = 120
_MESSAGE_VOLUME_SATURATION = 40
_ENDORSEMENTS_SATURATION = 4
_TENURE_SATURATION_YEARS = 5


def _format_day(moment: date) -> str:
    return f"{moment.day} {moment:%b %Y}"


def _first_name(name: str | None) -> str:
    return name.split()[0] if name and name.split() else "the target"


def _score(
    evidence: IntroducerEvidence, target: TargetLike, now: datetime
) -> tuple[float, list[str]]:
    lines: list[str] = []
    total = 0.0

    exchanged = evidence.messages_sent + evidence.messages_received
    if exchanged and evidence.last_message_at is not None:
        age_days = max(0.0, (now - evidence.last_message_at).total_seconds() / 86400)
        recency = 0.5 ** (age_days / _RECENCY_HALF_LIFE_DAYS)
        volume = min(1.0, math.log1p(exchanged) / math.log1p(_MESSAGE_VOLUME_SATURATION))
        two_way = 1.0 if evidence.messages_sent and evidence.messages_received else 0.5
        total += (_MESSAGE_VOLUME * volume + _MESSAGE_RECENCY * recency) * two_way
    if exchanged:
        last = (
            f"; last on {_format_day(evidence.last_message_at)}" if evidence.last_message_at else ""
        )
        if evidence.messages_sent and evidence.messages_received:
            lines.append(f"You exchanged {exchanged} messages{last}")
        elif evidence.messages_sent:
            plural = "message" if evidence.messages_sent == 1 else "messages"
            lines.append(f"You sent {evidence.messages_sent} {plural} and got no reply{last}")
        else:
            plural = "message" if evidence.messages_received == 1 else "messages"
            lines.append(f"They sent you {evidence.messages_received} {plural}{last}")

    if evidence.reply_rate is not None:
        rate = min(1.0, max(0.0, evidence.reply_rate))
        total += _REPLY_RATE * rate
        lines.append(f"Answers {round(rate * 100)}% of your messages")

    target_company = normalise_company(target.company)
    if target_company and normalise_company(evidence.company) == target_company:
        total += _SAME_COMPANY
        lines.append(f"Works at {evidence.company} like {_first_name(target.name)} (target)")

    if evidence.recommendations:
        total += _RECOMMENDATION
        lines.append(
            "A recommendation between you"
            if evidence.recommendations == 1
            else f"{evidence.recommendations} recommendations between you"
        )
    if evidence.endorsements:
        total += _ENDORSEMENTS * min(1.0, evidence.endorsements / _ENDORSEMENTS_SATURATION)
        plural = "endorsement" if evidence.endorsements == 1 else "endorsements"
        lines.append(f"{evidence.endorsements} skill {plural} between you")

    if evidence.connected_on is not None:
        years = max(0.0, (now.date() - evidence.connected_on).days / 365.25)
        total += _TENURE * min(1.0, years / _TENURE_SATURATION_YEARS)
        lines.append(f"Connected since {evidence.connected_on:%b %Y}")

    if evidence.seen_on:
        lines.append(f"Mutual connection, seen on {evidence.seen_on}")
    return total, lines


def rank_introducers(
    target: TargetLike, candidates: Iterable[IntroducerEvidence], now: datetime
) -> list[RankedIntroducer]:
    """The target's mutual connections ranked by tie strength with the user, strongest first.

    Only candidates with `is_mutual_of_target` are eligible; an empty list means there is no warm
    path (see `no_path_reason`). Score 0..100 blends how recent and two-way the messages are,
    reply rate, recommendations and endorsements, working at the target's company and how long
    the connection is. Ties break on the most recent message, then name, then id, so the order is
    stable. `now` must be timezone-aware like the message times.
    """
    ranked: list[tuple[tuple[Any, ...], RankedIntroducer]] = []
    for evidence in candidates:
        if not evidence.is_mutual_of_target:
            continue
        total, lines = _score(evidence, target, now)
        score = max(0, min(100, round(total)))
        last = evidence.last_message_at.timestamp() if evidence.last_message_at else float("-inf")
        order = (-score, -last, evidence.name.casefold(), str(evidence.id))
        ranked.append(
            (
                order,
                RankedIntroducer(
                    id=evidence.id,
                    name=evidence.name,
                    profile_url=evidence.profile_url,
                    score=score,
                    evidence=tuple(lines),
                ),
            )
        )
    ranked.sort(key=lambda item: item[0])
    return [introducer for _, introducer in ranked]


def no_path_reason(target: TargetLike) -> str:
    """The sentence to show when `rank_introducers` returns nothing."""
    who = target.name or "this person"
    return (
        f"No warm path to {who}: none of your connections is a known mutual. Open their profile "
        "with the extension to see shared connections, or reach out directly."
    )
