"""One plan per recipient, on one clock.

The rules propose; this module makes the proposals into a plan a coach would sign:

- **Channel by relationship** (`route`): a LinkedIn message only to a 1st-degree connection,
  an email only where an address is known, otherwise a connection request with a note (at most
  `NOTE_LIMIT` characters); a share for someone the user cannot write to is dropped.
- **One suggestion per recipient** (`one_per_recipient`): the best-ranked wins; a reply to a
  request and a thank-you become one note.
- **Introductions respected** (`respect_introductions`): an intro request to a mutual absorbs
  any hello to that mutual, and while an introduction to someone is being asked, nothing
  private goes to them directly (public engagement with their posts is fine; answering a
  request of theirs too).
- **A hire pauses the search** (`PAUSED_KINDS` are dropped).
- **One clock** (`settle`): due and send-by both land in the user's working hours on business
  days, with due never after send-by; every suggestion has a send-by.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import timing
from .facts import STAGES_OPEN, FactPerson, Facts
from .rules import MESSAGE_CHANNELS, OPEN_FOR_INTRO, Explanation, Suggestion
from .settings import CadenceSettings

#: LinkedIn's limit on a connection request's note.
NOTE_LIMIT = 300
#: How long an introduction counts as "being asked" after the request, unless the person
#: writes first.
INTRO_WAIT_DAYS = 14
#: Business days a suggestion without a deadline of its own stays open.
DEFAULT_WINDOW_BUSINESS_DAYS = 3
#: Kinds that pursue a role; a hire stops them everywhere (with thank-yous for other roles:
#: the withdrawal note replaces them).
PAUSED_KINDS = frozenset(
    {"check_in", "ask_intro", "share", "connect", "offer_thanks", "offer_reply", "thank_you"}
)
#: Light touches an intro request to the same person absorbs.
ABSORBED_BY_INTRO = frozenset(
    {"keep_warm", "share", "connect", "comment", "react", "event_follow_up"}
)


def is_connected(facts: Facts, person: FactPerson) -> bool:
    """A 1st-degree connection of the user, by degree or by the connections list."""
    return person.degree == 1 or facts.connection_for_person(person) is not None


def request_pending(facts: Facts, person: FactPerson) -> bool:
    """A connection request was sent (logged) and they are not connected yet: a second request
    would be pushy, so nothing goes to them as a request until they accept."""
    return not is_connected(facts, person) and any(
        i.kind == "connection_request" and i.direction == "outbound"
        for i in facts.interactions_of(person.id)
    )


def recipient(suggestion: Suggestion) -> tuple[str, object]:
    """Whom the suggestion writes to: the introducer for an intro request, else the person."""
    if suggestion.kind == "ask_intro":
        if suggestion.introducer_person_id is not None:
            return ("person", suggestion.introducer_person_id)
        return ("introducer", suggestion.facts.get("introducer_name"))
    return ("person", suggestion.person_id)


def route(suggestion: Suggestion, facts: Facts, person: FactPerson) -> Suggestion | None:
    """The suggestion on a channel the user can really use for this person, or None when there
    is none (a share for someone they cannot write to, a note while their connection request
    waits)."""
    if suggestion.channel not in MESSAGE_CHANNELS or suggestion.kind == "ask_intro":
        return suggestion
    connected = is_connected(facts, person)
    email = bool(person.email)
    if email and (suggestion.channel == "email" or not connected):
        channel = "email"
    elif connected:
        channel = "message"
    elif suggestion.kind == "share" or request_pending(facts, person):
        return None
    else:
        channel = "linkedin_note"
    if channel == suggestion.channel:
        return suggestion
    extra = dict(suggestion.facts)
    reason = suggestion.reason
    if channel == "linkedin_note":
        extra["char_limit"] = NOTE_LIMIT
        if suggestion.kind != "connect":
            reason += (
                " You're not connected and have no email address for them, so send it as a "
                f"connection request with a note ({NOTE_LIMIT} characters at most) — or add "
                "their address on their page."
            )
    return dataclasses.replace(suggestion, channel=channel, reason=reason, facts=extra)


def one_per_recipient(
    candidates: list[Suggestion], trace: list[Explanation] | None = None
) -> list[Suggestion]:
    """At most one suggestion per recipient: the best-ranked private note, else the best public
    touch; a pending reply and a thank-you to the same person become one thank-you that also
    answers."""
    groups: defaultdict[tuple[str, object], list[Suggestion]] = defaultdict(list)
    for suggestion in candidates:
        groups[recipient(suggestion)].append(suggestion)
    kept = []
    for group in groups.values():
        # A note to the person goes before a public touch on their posts: the guards may still
        # hold a comment back (the public cap, a stale post), never a note.
        group.sort(key=lambda s: (s.is_public, *ranking(s)))
        best = group[0]
        kinds = {s.kind: s for s in group}
        if "respond" in kinds and "thank_you" in kinds:
            best = _thank_and_answer(kinds["thank_you"], kinds["respond"])
        for other in group:
            if other.key != best.key:
                _note(trace, other, "merged", f"one note at a time: {best.kind} goes first")
        kept.append(best)
    return kept


def _thank_and_answer(thanks: Suggestion, reply: Suggestion) -> Suggestion:
    request = reply.facts.get("request_note")
    asked = f" and answer their question (“{request[:80]}”)" if request else " and answer them"
    extra = {**thanks.facts, "also_respond": True, "request_note": request}
    extra["request_interaction_id"] = reply.facts.get("interaction_id")
    return dataclasses.replace(
        thanks,
        reason=thanks.reason + f" They also wrote to you: thank them{asked} in the same note.",
        due_at=min(thanks.due_at, reply.due_at),
        window_end=_earliest(thanks.window_end, reply.window_end),
        priority=max(thanks.priority, reply.priority),
        fact_fingerprint=thanks.fact_fingerprint + reply.fact_fingerprint[:4],
        facts=extra,
    )


def intro_in_flight(facts: Facts, person_id: int, now: datetime) -> bool:
    """An introduction to the person was asked for within `INTRO_WAIT_DAYS` (logged on them, or
    on one of their mutuals, for one of their roles) and they have not written since.

    An intro request on the person's own timeline for a role they are not on is one they were
    asked (they are the introducer), not one about them."""
    since = now - timedelta(days=INTRO_WAIT_DAYS)
    theirs = facts.interactions_of(person_id)
    roles = {opp.id for opp, _ in facts.roles_of(person_id)}
    asked = [
        i.occurred_at
        for i in theirs
        if i.kind == "intro_request"
        and i.direction == "outbound"
        and (i.opportunity_id is None or i.opportunity_id in roles)
        and since <= i.occurred_at <= now
    ]
    for mutual in facts.mutuals_of(person_id):
        linked = facts.mutual_person_id(mutual)
        if linked is None:
            continue
        asked.extend(
            i.occurred_at
            for i in facts.interactions_of(linked)
            if i.kind == "intro_request"
            and i.direction == "outbound"
            and i.opportunity_id in roles
            and since <= i.occurred_at <= now
        )
    if not asked:
        return False
    first = min(asked)
    return not any(i.direction == "inbound" and first <= i.occurred_at <= now for i in theirs)


def respect_introductions(
    plans: dict[int, list[Suggestion]],
    facts: Facts,
    now: datetime,
    trace: dict[int, list[Explanation]] | None = None,
) -> None:
    """Apply, in place across everyone's plans, the two introduction rules: the intro request
    absorbs light touches to the introducer (or waits for a weightier note to them), and nothing
    private goes to someone whose introduction is being asked."""
    asks = [s for items in plans.values() for s in items if s.kind == "ask_intro"]
    targets = {s.person_id for s in asks}
    targets.update(pid for pid in plans if intro_in_flight(facts, pid, now))
    for pid in targets:
        items = plans.get(pid)
        if not items:
            continue
        kept = []
        for s in items:
            if s.channel in MESSAGE_CHANNELS and s.kind not in ("ask_intro", "respond"):
                _note(_trace(trace, pid), s, "held", "an introduction to them is being asked")
            else:
                kept.append(s)
        plans[pid] = kept
    by_introducer: defaultdict[int, list[Suggestion]] = defaultdict(list)
    for ask in asks:
        if ask.introducer_person_id is not None:
            by_introducer[ask.introducer_person_id].append(ask)
    for introducer, their_asks in by_introducer.items():
        their_asks.sort(key=ranking)
        for ask in their_asks[1:]:
            # One ask at a time to the same mutual; the next comes once this one is sent.
            plans[ask.person_id] = [s for s in plans[ask.person_id] if s.key != ask.key]
            _note(_trace(trace, ask.person_id), ask, "held", "another ask to them goes first")
        their_asks = their_asks[:1]
        own = plans.get(introducer, [])
        weighty = [s for s in own if s.kind not in ABSORBED_BY_INTRO]
        if weighty:
            # A reply or a thank-you to the introducer goes first; the ask waits a round.
            for ask in their_asks:
                plans[ask.person_id] = [s for s in plans[ask.person_id] if s.key != ask.key]
                _note(_trace(trace, ask.person_id), ask, "held", "a note to the introducer is due")
            continue
        if own:
            for s in own:
                _note(_trace(trace, introducer), s, "merged", "the intro request says hello too")
            plans[introducer] = []
            for ask in their_asks:
                first = str(ask.facts.get("introducer_name") or "them").split()[0]
                merged = dataclasses.replace(
                    ask, reason=ask.reason + f" It doubles as catching up with {first}."
                )
                plans[ask.person_id] = [
                    merged if s.key == ask.key else s for s in plans[ask.person_id]
                ]


def next_step(
    facts: Facts, person: FactPerson, now: datetime, today_start: datetime
) -> Suggestion | None:
    """A first step for a tracked non-connection on an active role who has none: a connection
    request with a note that names the role. None when they are connected, marked do not
    contact, on no active role, the search is paused, an introduction is being asked, or a
    connection request already waits for their answer."""
    if (
        person.do_not_contact
        or is_connected(facts, person)
        or facts.hired is not None
        or request_pending(facts, person)
    ):
        return None
    roles = [(opp, role) for opp, role in facts.roles_of(person.id) if opp.stage in STAGES_OPEN]
    if not roles or intro_in_flight(facts, person.id, now):
        return None
    opp, role = roles[0]
    role_words = {
        "hiring_manager": "the hiring manager",
        "recruiter": "the recruiter",
        "interviewer": "an interviewer",
        "referrer": "a possible referrer",
    }.get(role, "on the team")
    via = (
        " No mutual connection could introduce you, so"
        if opp.stage in OPEN_FOR_INTRO and role == "hiring_manager"
        else ""
    )
    reason = (
        f"{person.name} is {role_words} for {opp.title} at {opp.company}, and you're not "
        f"connected yet.{via} {'a' if via else 'A'} connection request with a short note that "
        f"names the role is the first step (LinkedIn allows {NOTE_LIMIT} characters)."
    )
    return Suggestion(
        key=f"connect:person={person.id}",
        kind="connect",
        person_id=person.id,
        subject_type="opportunity",
        subject_id=opp.id,
        reason=reason,
        due_at=today_start,
        window_end=None,
        priority=50,
        channel="email" if person.email else "linkedin_note",
        fact_fingerprint=f"first-step-{opp.id}-{role}",
        facts={
            "opportunity_id": opp.id,
            "company": opp.company,
            "title": opp.title,
            "role": role,
            "char_limit": None if person.email else NOTE_LIMIT,
        },
    )


#: Shared working hours shorter than this are no window to aim a note at: the user's own hours
#: are kept (a note that arrives early next morning is read just as well).
MIN_SHARED_HOURS = 2


def settle(
    suggestion: Suggestion,
    tz: ZoneInfo,
    settings: CadenceSettings,
    recipient_zone: ZoneInfo | None = None,
) -> Suggestion:
    """Due and send-by in the user's working hours: due moves forward to the next working time,
    the window's end back to the end of the last working day within it (a suggestion without
    one gets `DEFAULT_WINDOW_BUSINESS_DAYS`), and the send-by is never before due (at worst the
    end of due's working day). `window_end` leaves as that send-by.

    With the `recipient_zone` of a private note (where known, and unlike the user's), both land
    in the working hours the two zones share, so the note arrives in the recipient's working
    day too; zones whose working days overlap by less than `MIN_SHARED_HOURS` (when the user's
    next working hour comes) keep the user's hours alone."""
    start, end = settings.working_hours_start, settings.working_hours_end
    if recipient_zone is not None and recipient_zone.key != tz.key:
        first = timing.next_working_time(suggestion.due_at, tz, start, end)
        if timing.hours_apart(first, tz, recipient_zone) <= end - start - MIN_SHARED_HOURS:
            shared = _settle_shared(suggestion, (tz, recipient_zone), settings)
            if shared is not None:
                alone = settle(suggestion, tz, settings)
                if (shared.due_at, shared.window_end) == (alone.due_at, alone.window_end):
                    return shared
                # A deadline that is not the user's usual one says why.
                city = recipient_zone.key.rsplit("/", 1)[-1].replace("_", " ")
                return dataclasses.replace(
                    shared,
                    reason=f"{shared.reason} Timed for the hours your working day shares "
                    f"with theirs ({city} time).",
                )
    due = timing.next_working_time(suggestion.due_at, tz, start, end)
    window = suggestion.window_end
    if window is None:
        window = timing.end_of_working_day(
            timing.add_business_days(due, DEFAULT_WINDOW_BUSINESS_DAYS, tz), tz, end
        )
    # A deadline reads as a day: the end of work on the last working day in the window.
    send_by = timing.end_of_working_day(timing.last_working_time(window, tz, start, end), tz, end)
    if send_by < due:
        send_by = timing.end_of_working_day(due, tz, end)
    if due == suggestion.due_at and send_by == suggestion.window_end:
        return suggestion
    return dataclasses.replace(suggestion, due_at=due, window_end=send_by)


def _settle_shared(
    suggestion: Suggestion, zones: tuple[ZoneInfo, ...], settings: CadenceSettings
) -> Suggestion | None:
    """`settle` in the working hours all `zones` share; None when they share none."""
    start, end = settings.working_hours_start, settings.working_hours_end
    due = timing.next_shared_working_time(suggestion.due_at, zones, start, end)
    if due is None:
        return None
    window = suggestion.window_end
    if window is None:
        window = timing.end_of_working_day(
            timing.add_business_days(due, DEFAULT_WINDOW_BUSINESS_DAYS, zones[0]), zones[0], end
        )
    last = timing.last_shared_working_time(window, zones, start, end)
    if last is None:
        return None
    send_by = timing.end_of_shared_working_day(last, zones, end)
    if send_by < due:
        send_by = timing.end_of_shared_working_day(due, zones, end)
    if due == suggestion.due_at and send_by == suggestion.window_end:
        return suggestion
    return dataclasses.replace(suggestion, due_at=due, window_end=send_by)


def ranking(suggestion: Suggestion) -> tuple[int, datetime, str]:
    """Sort key: highest priority first, then earliest due, then key (for determinism)."""
    return (-suggestion.priority, suggestion.due_at, suggestion.key)


def drop_paused(
    items: Iterable[Suggestion], trace: list[Explanation] | None = None
) -> list[Suggestion]:
    """After a hire: no pursuit anywhere."""
    kept = []
    for s in items:
        if s.kind in PAUSED_KINDS:
            _note(trace, s, "held", "you accepted an offer: the search is paused")
        else:
            kept.append(s)
    return kept


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return min(a, b)


def _trace(traces: dict[int, list[Explanation]] | None, person_id: int) -> list[Explanation] | None:
    return None if traces is None else traces.get(person_id)


def _note(trace: list[Explanation] | None, s: Suggestion, outcome: str, detail: str) -> None:
    if trace is not None:
        guard = "one_plan" if outcome in ("merged", "held") else None
        trace.append(Explanation(s.kind, outcome, detail, s.key, guard))
