"""The suggestion rules of docs/cadence.md, each a pure function of one person's facts and a clock.

A rule returns candidate `Suggestion`s with their raw due time; the guards (`guards.py`) then
move messages into working hours, space touches out, cap public engagement, and the engine
applies the daily budget. Each rule can note why it stayed silent, for `engine.explain`.

Timers always run from the event's own time (`occurred_at`, `ends_at`, `posted_at`), never from
when it was logged, so a back-filled interaction counts as it should.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cached_property
from typing import Any

from ..linkedin.names import name_key as normalise_name  # the one name key (as in facts)
from . import timing
from .cadence import Touch, cadence_stage, touches_of
from .facts import (
    STAGES_OPEN,
    FactConnection,
    FactInteraction,
    FactOpportunity,
    FactPerson,
    FactPost,
    Facts,
    FactShareItem,
    first_name,
)
from .settings import CadenceSettings
from .topics import topics_in_texts

KINDS = (
    "thank_you",
    "comment",
    "react",
    "share",
    "check_in",
    "respond",
    "ask_intro",
    "event_follow_up",
    "keep_warm",
    "connect",
    "close_loop",
    "offer_thanks",
    "offer_reply",
    "withdraw",
    "news_and_thanks",
)
SUBJECT_TYPES = ("post", "interview", "opportunity", "share_item", "interaction")
CHANNELS = ("message", "email", "comment", "reaction", "linkedin_note")
#: Channels that deliver a private message, so they must land in the person's working hours.
MESSAGE_CHANNELS = frozenset({"message", "email", "linkedin_note"})
#: Channels others can see on LinkedIn; these count toward the public-engagement cap.
PUBLIC_CHANNELS = frozenset({"comment", "reaction"})
#: Outbound interaction kinds that were public engagement with the person's content.
PUBLIC_INTERACTION_KINDS = frozenset({"comment", "reaction", "share"})
#: Kinds the two-day spacing guard lets through: answering and thanking are never "too much",
#: and an intro request goes to the mutual, not to the person it is about.
#: Answers to an outcome (an offer, a rejection, a hire) are exempt for the same reason.
SPACING_EXEMPT_KINDS = frozenset(
    {
        "thank_you",
        "respond",
        "ask_intro",
        "close_loop",
        "offer_thanks",
        "offer_reply",
        "withdraw",
        "news_and_thanks",
    }
)

PRIORITY = {
    "offer_reply": 105,
    "respond": 100,
    "offer_thanks": 95,
    "withdraw": 88,
    "close_loop": 85,
    "news_and_thanks": 80,
    "thank_you": 90,
    "event_follow_up": 75,
    "check_in": 70,
    "comment": 60,
    "ask_intro": 55,
    "connect": 50,
    "share": 45,
    "keep_warm": 40,
    "react": 25,
}

OPEN_FOR_CHECK_IN = ("applied", "screening", "interviewing")
OPEN_FOR_INTRO = ("interested", "applied", "screening")
ACTIVE_STAGES = STAGES_OPEN

TopicMatcher = Callable[[Sequence[str], Sequence[str]], Sequence[str]]
"""(topics, texts) → the topics that the texts are about, in the order given."""
match_topics: TopicMatcher = topics_in_texts  # the default; one definition, in domain/topics.py


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested touch. `key` is stable across recomputes of the same facts.

    `fact_fingerprint` changes only when facts that matter to this suggestion change; persistence
    uses it to reopen a snoozed or dismissed suggestion. `facts` carries plain values for drafts.
    """

    key: str
    kind: str
    person_id: int
    subject_type: str | None
    subject_id: int | None
    reason: str
    due_at: datetime
    window_end: datetime | None
    priority: int
    channel: str
    fact_fingerprint: str
    introducer_person_id: int | None = None
    facts: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def is_public(self) -> bool:
        return self.channel in PUBLIC_CHANNELS

    @property
    def spacing_exempt(self) -> bool:
        return self.kind in SPACING_EXEMPT_KINDS

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: datetimes as ISO 8601 with offset."""
        return {
            "key": self.key,
            "kind": self.kind,
            "person_id": self.person_id,
            "subject_type": self.subject_type,
            "subject_id": self.subject_id,
            "reason": self.reason,
            "due_at": self.due_at.isoformat(),
            "window_end": self.window_end.isoformat() if self.window_end else None,
            "priority": self.priority,
            "channel": self.channel,
            "fact_fingerprint": self.fact_fingerprint,
            "introducer_person_id": self.introducer_person_id,
            "facts": dict(self.facts),
        }


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a rule did or did not produce a suggestion for a person.

    `outcome` is `suggested`, `held` (a guard stopped it; `guard` names which), `moved` (a guard
    delayed it), `merged` (folded into a keep-warm suggestion) or `skipped` (the rule's own
    conditions were not met).
    """

    rule: str
    outcome: str
    detail: str
    key: str | None = None
    guard: str | None = None


# ---------------------------------------------------------------------------------------------
# Context


class PersonContext:
    """One person's facts at one moment, with the derived values several rules share.

    `trace` is a list to collect `Explanation`s into, or None for the fast path.
    """

    def __init__(
        self,
        facts: Facts,
        person: FactPerson,
        now: datetime,
        settings: CadenceSettings,
        matcher: TopicMatcher,
        shared_topics: Sequence[str],
        trace: list[Explanation] | None = None,
    ) -> None:
        self.facts = facts
        self.person = person
        self.now = now
        self.settings = settings
        self.matcher = matcher
        self.shared_topics = shared_topics
        self.trace = trace
        self.user_zone = timing.zone(settings.user_time_zone)
        #: Business days count in the user's zone: one clock on every surface (issue 13); the
        #: guards then land a private note in the working hours the user and the person share.
        self.zone = self.user_zone
        self.name = person.name
        self.first = first_name(person.name)
        self.interactions = tuple(
            i for i in facts.interactions_of(person.id) if i.occurred_at <= now
        )
        last_outbound = last_inbound = None
        for interaction in self.interactions:
            # Meeting someone at an event is where a follow-up starts, not a touch to space from.
            if interaction.direction == "outbound" and interaction.kind != "event":
                last_outbound = interaction
            elif interaction.direction == "inbound":
                last_inbound = interaction
        self.last_outbound: FactInteraction | None = last_outbound
        self.last_inbound: FactInteraction | None = last_inbound

    def note(
        self,
        rule: str,
        outcome: str,
        detail: str,
        key: str | None = None,
        guard: str | None = None,
    ) -> None:
        if self.trace is not None:
            self.trace.append(Explanation(rule, outcome, detail, key, guard))

    @property
    def tracing(self) -> bool:
        return self.trace is not None

    @cached_property
    def today_start(self) -> datetime:
        """Midnight starting the user's current day: the stable anchor for ongoing suggestions."""
        local_day = self.now.astimezone(self.user_zone).date()
        return datetime.combine(local_day, time(0), tzinfo=self.user_zone).astimezone(
            self.now.tzinfo
        )

    @cached_property
    def touches(self) -> list[Touch]:
        return touches_of(self.facts, self.person.id, self.now)

    @cached_property
    def is_connected(self) -> bool:
        """A 1st-degree connection of the user, by degree or by the connections list."""
        return self.person.degree == 1 or self.facts.connection_for_person(self.person) is not None

    @cached_property
    def stage(self) -> str:
        return cadence_stage(self.facts, self.person.id)

    @cached_property
    def on_active_opportunity(self) -> bool:
        return self.stage in ACTIVE_STAGES

    @cached_property
    def engaged_urns(self) -> frozenset[str]:
        return frozenset(
            i.post_urn for i in self.interactions if i.direction == "outbound" and i.post_urn
        )

    @cached_property
    def own_texts(self) -> tuple[str, ...]:
        """What the person is about: interview topics, headline, and their recent posts."""
        parts: list[str] = []
        for interview in self.facts.interviews_of(self.person.id):
            parts.extend(interview.topics)
        if self.person.headline:
            parts.append(self.person.headline)
        parts.extend(post.text for post in self.facts.posts_of(self.person.id)[:10] if post.text)
        return tuple(parts)

    @cached_property
    def role_topics(self) -> tuple[str, ...]:
        """What the active roles they are on are about (from the saved job postings)."""
        topics: dict[str, None] = {}
        for opp, _role in self.facts.roles_of(self.person.id):
            if opp.stage in ACTIVE_STAGES:
                topics.update(dict.fromkeys(opp.topics))
        return tuple(topics)

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """Their own texts, then the topics of the active roles they are on."""
        return self.own_texts + self.role_topics

    @cached_property
    def best_share(self) -> tuple[FactShareItem, tuple[str, ...]] | None:
        """The share item whose topics best match the person, not yet sent to them."""
        texts = self.texts
        items = [i for i in self.facts.share_items if self.person.id not in i.sent_to_person_ids]
        if not texts or not items:
            return None
        # One matcher call per person over every candidate topic keeps a full recompute linear.
        wanted = tuple(dict.fromkeys(topic for item in items for topic in item.topics))
        matching = set(self.matcher(wanted, texts))
        best = None
        best_matched: tuple[str, ...] = ()
        for item in items:
            matched = tuple(topic for topic in item.topics if topic in matching)
            if len(matched) > len(best_matched):
                best, best_matched = item, matched
        return (best, best_matched) if best is not None else None

    def role_fit(self, matched: Sequence[str]) -> FactOpportunity | None:
        """The active role a share's `matched` topics come from, when the person's own texts
        (interviews, headline, posts) do not speak to them; None when they do."""
        if self.matcher(matched, self.own_texts):
            return None
        roles = [o for o, _r in self.facts.roles_of(self.person.id) if o.stage in ACTIVE_STAGES]
        if not roles:
            return None
        return next((o for o in roles if self.matcher(matched, o.topics)), roles[0])

    def since(self, moment: datetime) -> str:
        return timing.ago(self.now - moment)

    def day(self, moment: datetime) -> str:
        return timing.day_name(moment, self.now, self.user_zone)

    def when(self, moment: datetime) -> str:
        """ "today", "yesterday", "on Tuesday", "on 3 March"."""
        day = self.day(moment)
        return day if day in ("today", "yesterday") else f"on {day}"


def fingerprint(*parts: Any) -> str:
    """A short digest of the facts a suggestion rests on."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def _quote(topics: Sequence[str]) -> str:
    quoted = [f"'{topic}'" for topic in topics[:2]]
    return " and ".join(quoted)


def snippet(text: str, words: int = 8) -> str:
    """The opening words of a post (at most `words` words, 60 characters), for citing it."""
    parts = text.split()
    if not parts:
        return "…"
    head = " ".join(parts[:words])
    if len(head) > 60:
        head = head[:57].rsplit(" ", 1)[0]
    return head if head == " ".join(parts) else head + "…"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _day_possessive(day: str) -> str:
    """ "today" → "today's", "3 March" → "the 3 March"."""
    if day[0].isdigit():
        return f"the {day}"
    return f"{day}'s"


# ---------------------------------------------------------------------------------------------
# Rule 1 — thank you


def thank_you(ctx: PersonContext) -> list[Suggestion]:
    """One suggestion per finished interview this person ran with no thank-you logged since."""
    settings, now = ctx.settings, ctx.now
    results = []
    for interview in ctx.facts.interviews_of(ctx.person.id):
        ended = interview.finished_at
        key = f"thank_you:person={ctx.person.id}:interview={interview.id}"
        if ended > now:
            ctx.note("thank_you", "skipped", f"interview {interview.id} has not ended yet", key)
            continue
        thanked = next(
            (
                i
                for i in ctx.interactions
                if i.kind == "thank_you"
                and i.direction == "outbound"
                and i.occurred_at >= interview.starts_at
            ),
            None,
        )
        if thanked is not None:
            ctx.note(
                "thank_you",
                "skipped",
                f"already thanked {ctx.first} {ctx.when(thanked.occurred_at)}",
                key,
            )
            continue
        age = now - ended
        if age > timedelta(days=settings.thank_you_give_up_days):
            ctx.note(
                "thank_you",
                "skipped",
                f"interview {interview.id} ended over {settings.thank_you_give_up_days} days ago",
                key,
            )
            continue
        opp = ctx.facts.opportunity_by_id.get(interview.opportunity_id)
        if opp is not None and opp.stage not in STAGES_OPEN:
            # After an outcome the note changes: close the loop, or thank for the hire.
            ctx.note("thank_you", "skipped", f"the {opp.title} process is {opp.stage}", key)
            continue
        day = _day_possessive(ctx.day(ended))
        if age <= timedelta(hours=settings.thank_you_ideal_hours):
            phase, priority = "ideal", PRIORITY["thank_you"]
            reason = (
                f"Thank {ctx.name} for {day} interview (ended {ctx.since(ended)} ago) — "
                f"best within {settings.thank_you_ideal_hours} h."
            )
        elif age <= timedelta(hours=settings.thank_you_late_hours):
            phase, priority = "late", PRIORITY["thank_you"] + 2
            reason = (
                f"Thank {ctx.name} for {day} interview (ended {ctx.since(ended)} ago) — "
                f"still timely within {settings.thank_you_late_hours} h."
            )
        else:
            phase, priority = "overdue", PRIORITY["thank_you"] - 10
            reason = (
                f"Thank {ctx.name} for {day} interview — it ended {ctx.since(ended)} ago, and a "
                "short, sincere note is still worth sending."
            )
        if interview.topics:
            reason += f" You talked about {_quote(interview.topics)}."
        results.append(
            Suggestion(
                key=key,
                kind="thank_you",
                person_id=ctx.person.id,
                subject_type="interview",
                subject_id=interview.id,
                reason=reason,
                due_at=ended,
                # Best within the ideal hours, still timely until the late limit: send by then.
                window_end=ended + timedelta(hours=settings.thank_you_late_hours),
                priority=priority,
                channel="email",
                fact_fingerprint=fingerprint(ended, interview.topics, interview.interviewer_ids),
                facts={
                    "interview_id": interview.id,
                    "opportunity_id": interview.opportunity_id,
                    "company": opp.company if opp else None,
                    "title": opp.title if opp else None,
                    "interview_kind": interview.kind,
                    "interview_ended_at": _iso(ended),
                    "topics": list(interview.topics),
                    "phase": phase,
                },
            )
        )
    return results


# ---------------------------------------------------------------------------------------------
# Rule 2 — comment while fresh (react when older)


def comment_or_react(ctx: PersonContext) -> list[Suggestion]:
    """At most one public touch on the person's posts: a comment on the best fresh post the user
    has seen, else a reaction to the newest recent one."""
    settings, now = ctx.settings, ctx.now
    fresh_limit = timedelta(hours=settings.fresh_post_hours)
    react_limit = timedelta(days=settings.react_max_age_days)
    fresh: list[tuple[int, FactPost, tuple[str, ...]]] = []
    older: FactPost | None = None
    engaged = ctx.engaged_urns
    for post in ctx.facts.posts_of(ctx.person.id):
        published = post.published_at
        if published is None:
            continue
        age = now - published
        if age > react_limit:
            break
        if post.first_seen_at is None or post.first_seen_at > now:
            if ctx.tracing:
                ctx.note("comment", "skipped", f"post {post.id} not seen yet")
            continue
        if post.urn in engaged:
            if ctx.tracing:
                ctx.note("comment", "skipped", f"already engaged with post {post.id}")
            continue
        if age < fresh_limit:
            matched = tuple(ctx.matcher(ctx.shared_topics, (post.text,))) if post.text else ()
            fresh.append((len(matched), post, matched))
        elif older is None:
            older = post
    if fresh:
        # Most relevant first, then newest (posts come newest first and sort is stable).
        fresh.sort(key=lambda entry: -entry[0])
        _, post, matched = fresh[0]
        return [_comment(ctx, post, matched)]
    if older is not None:
        return [_react(ctx, older, stale=True)]
    ctx.note(
        "comment",
        "skipped",
        f"no unengaged post seen in the last {settings.react_max_age_days} days",
    )
    return []


def _posted(post: FactPost, matched: Sequence[str], ago: str) -> str:
    """ "posted 5 h ago about 'platform migration'" when a shared topic matched, else
    "posted 5 h ago: “the post's opening words…”"."""
    if matched:
        return f"posted {ago} ago about {_quote(matched)}"
    return f"posted {ago} ago: “{snippet(post.text)}”"


def _comment(ctx: PersonContext, post: FactPost, matched: tuple[str, ...]) -> Suggestion:
    published = post.published_at
    assert published is not None
    week_ago = ctx.now - timedelta(days=7)
    comments_this_week = sum(
        1
        for i in ctx.interactions
        if i.kind == "comment" and i.direction == "outbound" and i.occurred_at > week_ago
    )
    if comments_this_week >= ctx.settings.comments_per_person_per_week:
        ctx.note(
            "comment",
            "held",
            f"already commented {comments_this_week} times this week; suggesting a reaction",
            guard="weekly_comment_budget",
        )
        return _react(ctx, post, stale=False, comments_this_week=comments_this_week)
    posted = ctx.since(published)
    reason = (
        f"{ctx.name} {_posted(post, matched, posted)} — a thoughtful comment while "
        f"it's fresh keeps you on {ctx.first}'s radar."
    )
    return Suggestion(
        key=f"comment:person={ctx.person.id}:post={post.id}",
        kind="comment",
        person_id=ctx.person.id,
        subject_type="post",
        subject_id=post.id,
        reason=reason,
        due_at=max(published, post.first_seen_at or published),
        window_end=published + timedelta(hours=ctx.settings.fresh_post_hours),
        priority=PRIORITY["comment"] + (10 if matched else 0),
        channel="comment",
        fact_fingerprint=fingerprint(post.urn, published, matched),
        facts=_post_facts(post, matched),
    )


def _react(
    ctx: PersonContext, post: FactPost, *, stale: bool, comments_this_week: int = 0
) -> Suggestion:
    published = post.published_at
    assert published is not None
    if stale:
        reason = (
            f"{ctx.name}'s post from {ctx.day(published)} (“{snippet(post.text)}”) is past its "
            "fresh window — a reaction is the lighter, fitting touch."
        )
    else:
        reason = (
            f"{ctx.name} {_posted(post, (), ctx.since(published))} — you've already "
            f"commented on {ctx.first}'s posts {comments_this_week} times this week, so a "
            "reaction is enough this time."
        )
    return Suggestion(
        key=f"react:person={ctx.person.id}:post={post.id}",
        kind="react",
        person_id=ctx.person.id,
        subject_type="post",
        subject_id=post.id,
        reason=reason,
        due_at=max(published, post.first_seen_at or published),
        window_end=published + timedelta(days=ctx.settings.react_max_age_days),
        priority=PRIORITY["react"],
        channel="reaction",
        fact_fingerprint=fingerprint(post.urn, published, stale),
        facts=_post_facts(post, ()),
    )


def _post_facts(post: FactPost, matched: Sequence[str]) -> dict[str, Any]:
    return {
        "post_id": post.id,
        "post_urn": post.urn,
        "post_text": post.text[:500],
        "posted_at": _iso(post.published_at),
        "topics": list(matched),
    }


# ---------------------------------------------------------------------------------------------
# Rule 3 — share something useful


def share(ctx: PersonContext) -> list[Suggestion]:
    """A share-queue item matching the person's topics, for someone on an active opportunity who
    has heard nothing from the user for `share_quiet_days`."""
    if not ctx.on_active_opportunity:
        ctx.note("share", "skipped", "not on an active opportunity")
        return []
    quiet = timedelta(days=ctx.settings.share_quiet_days)
    # An interview is a two-way touch too: sharing an article days after it would crowd the
    # thank-you and the check-in.
    last: Touch | None = next(
        (t for t in reversed(ctx.touches) if t.direction in ("outbound", "both")), None
    )
    if last is not None and ctx.now - last.at < quiet:
        ctx.note("share", "skipped", f"last touch was {ctx.since(last.at)} ago")
        return []
    found = ctx.best_share
    if found is None:
        ctx.note("share", "skipped", "no share item matches their topics")
        return []
    item, matched = found
    due = last.at + quiet if last is not None else ctx.today_start
    since = (
        f"it's been {ctx.since(last.at)} since you were last in touch"
        if last is not None
        else "you haven't reached out yet"
    )
    role = ctx.role_fit(matched)
    # Only the posting of their role may speak to it (a hiring team saved from a job page).
    about = (
        f"what the {role.title} role at {role.company} is about"
        if role is not None
        else f"what {ctx.first} talks and posts about"
    )
    reason = (
        f"Share '{item.title}' with {ctx.name}: it covers {_quote(matched)}, close to {about} "
        f"— and {since}."
    )
    return [
        Suggestion(
            key=f"share:person={ctx.person.id}:share_item={item.id}",
            kind="share",
            person_id=ctx.person.id,
            subject_type="share_item",
            subject_id=item.id,
            reason=reason,
            due_at=due,
            window_end=None,
            priority=PRIORITY["share"],
            channel="message",
            fact_fingerprint=fingerprint(item.id, item.url, matched, last and last.tag),
            facts={
                "share_item_id": item.id,
                "url": item.url,
                "title": item.title,
                "topics": list(matched),
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# Rule 4 — status check-in


def check_in_contact(facts: Facts, opp: FactOpportunity) -> int | None:
    """Whom to check in with on an opportunity: its hiring manager, else recruiter, else the
    interviewer of its latest interview — skipping anyone marked do-not-contact."""

    def reachable(person_id: int) -> bool:
        person = facts.person_by_id.get(person_id)
        return person is not None and not person.do_not_contact

    for wanted in ("hiring_manager", "recruiter"):
        for person_id, role in opp.people:
            if role == wanted and reachable(person_id):
                return person_id
    for interview in reversed(facts.interviews_for(opp.id)):
        for person_id in interview.interviewer_ids:
            if reachable(person_id):
                return person_id
    return None


def check_in(ctx: PersonContext) -> list[Suggestion]:
    """Polite status check-ins on the opportunities where this person is the contact."""
    results = []
    seen: set[int] = set()
    opportunities = [opp for opp, _ in ctx.facts.roles_of(ctx.person.id)]
    for interview in ctx.facts.interviews_of(ctx.person.id):
        opp = ctx.facts.opportunity_by_id.get(interview.opportunity_id)
        if opp is not None:
            opportunities.append(opp)
    for opp in opportunities:
        if opp.id in seen:
            continue
        seen.add(opp.id)
        if opp.stage not in OPEN_FOR_CHECK_IN:
            continue
        if check_in_contact(ctx.facts, opp) != ctx.person.id:
            continue
        suggestion = _check_in_for(ctx, opp)
        if suggestion is not None:
            results.append(suggestion)
    return results


def _check_in_for(ctx: PersonContext, opp: FactOpportunity) -> Suggestion | None:
    settings, now, facts, tz = ctx.settings, ctx.now, ctx.facts, ctx.zone
    interviews = facts.interviews_for(opp.id)
    if any(interview.starts_at > now for interview in interviews):
        ctx.note("check_in", "skipped", f"the next {opp.title} interview is already scheduled")
        return None
    finished = [iv for iv in interviews if iv.finished_at <= now]
    last_interview = max(finished, key=lambda iv: iv.finished_at) if finished else None
    reference = last_interview.finished_at if last_interview else None

    first_due = None
    basis = None
    decision = opp.decision_expected_on
    if decision is not None and (reference is None or decision >= reference.astimezone(tz).date()):
        first_due = timing.next_business_day_start(decision, tz, settings.working_hours_start)
        basis = "decision"
    elif reference is not None:
        first_due = timing.add_business_days(reference, settings.check_in_first_business_days, tz)
        basis = "interview"
    if first_due is None:
        ctx.note("check_in", "skipped", f"no interview or decision date yet for {opp.title}")
        return None

    people = {person_id for person_id, _ in opp.people}
    for interview in interviews:
        people.update(interview.interviewer_ids)
    relevant: list[FactInteraction] = []
    for person_id in people:
        for interaction in facts.interactions_of(person_id):
            if interaction.occurred_at > now:
                break
            if interaction.opportunity_id not in (None, opp.id):
                continue
            if reference is not None and interaction.occurred_at <= reference:
                continue
            relevant.append(interaction)
    relevant.sort(key=lambda i: (i.occurred_at, i.id))
    reply = next((i for i in reversed(relevant) if i.direction == "inbound"), None)
    start = reply.occurred_at if reply is not None else None
    sent = [
        i
        for i in relevant
        if i.kind == "check_in"
        and i.direction == "outbound"
        and (start is None or i.occurred_at > start)
    ]
    after = f"interaction-{reply.id}" if reply is not None else "none"
    round_number = len(sent) + 1
    key = f"check_in:person={ctx.person.id}:opportunity={opp.id}:after={after}:round={round_number}"
    if len(sent) >= settings.check_in_max_unanswered:
        ctx.note(
            "check_in",
            "skipped",
            f"{len(sent)} check-ins on {opp.title} without a reply — time to let it rest",
            key,
        )
        return None

    if sent:
        steps = settings.check_in_follow_up_business_days or (
            settings.check_in_first_business_days,
        )
        step = steps[min(len(sent) - 1, len(steps) - 1)]
        due = timing.add_business_days(sent[-1].occurred_at, step, tz)
        if round_number == settings.check_in_max_unanswered:
            ending = f"one last gentle note to {ctx.name} is fine, then let it rest."
        else:
            ending = f"one more gentle note to {ctx.name} is fine."
        reason = (
            f"No reply yet to your check-in {ctx.when(sent[-1].occurred_at)} about {opp.title} "
            f"at {opp.company} — {ending}"
        )
    elif reply is not None:
        due = max(
            first_due,
            timing.add_business_days(reply.occurred_at, settings.check_in_first_business_days, tz),
        )
        reason = (
            f"{ctx.facts.person_by_id[reply.person_id].name} last wrote "
            f"{ctx.when(reply.occurred_at)} — if there's no news on {opp.title} at {opp.company} "
            f"by now, a brief check-in with {ctx.name} is reasonable."
        )
    elif basis == "decision" and decision is not None:
        due = first_due
        reason = (
            f"{opp.company} expected to decide on {opp.title} by "
            f"{timing.date_phrase(decision)} — a polite check-in with {ctx.name} "
            "about next steps is welcome."
        )
    else:
        due = first_due
        reason = (
            f"{settings.check_in_first_business_days} business days after your {opp.title} "
            f"interview at {opp.company}, a polite check-in with {ctx.name} shows steady "
            "interest."
        )
    if due > now + timedelta(days=settings.horizon_days):
        ctx.note("check_in", "skipped", f"next check-in on {opp.title} not due yet", key)
        return None
    return Suggestion(
        key=key,
        kind="check_in",
        person_id=ctx.person.id,
        subject_type="opportunity",
        subject_id=opp.id,
        reason=reason,
        due_at=due,
        window_end=timing.add_business_days(due, 2, tz),
        priority=PRIORITY["check_in"],
        channel="email",
        fact_fingerprint=fingerprint(
            opp.decision_expected_on, reference, tuple(i.id for i in sent), after
        ),
        facts={
            "opportunity_id": opp.id,
            "company": opp.company,
            "title": opp.title,
            "decision_expected_on": (
                opp.decision_expected_on.isoformat() if opp.decision_expected_on else None
            ),
            "last_interview_ended_at": _iso(reference),
            "round": round_number,
            "topics": list(last_interview.topics) if last_interview else [],
        },
    )


# ---------------------------------------------------------------------------------------------
# Rule 5 — respond promptly


def respond(ctx: PersonContext) -> list[Suggestion]:
    """The oldest inbound request not yet followed by any outbound touch."""
    pending: list[FactInteraction] = []
    for interaction in ctx.interactions:
        if interaction.direction == "outbound" and interaction.kind != "reaction":
            pending.clear()
        elif interaction.kind == "inbound_request" and interaction.direction == "inbound":
            pending.append(interaction)
    if not pending:
        ctx.note("respond", "skipped", "no unanswered request")
        return []
    first = pending[0]
    settings, now = ctx.settings, ctx.now
    key = f"respond:person={ctx.person.id}:interaction={first.id}"
    if now - first.occurred_at > timedelta(days=settings.respond_give_up_days):
        ctx.note("respond", "skipped", f"request from {ctx.day(first.occurred_at)} is too old", key)
        return []
    window_end = timing.add_business_days(
        first.occurred_at, settings.respond_within_business_days, ctx.zone
    )
    more = f" ({len(pending)} requests waiting)" if len(pending) > 1 else ""
    asked = f"asked “{snippet(first.note, 10)}”" if first.note else "asked you something"
    if now <= window_end:
        reason = (
            f"{ctx.name} {asked} {ctx.since(first.occurred_at)} ago{more} — a reply "
            "within one business day keeps things moving."
        )
    else:
        reason = (
            f"{ctx.name}'s request {ctx.when(first.occurred_at)} is still waiting for a "
            f"reply{more} — a short answer today, even just to say when you'll follow up, helps."
        )
    return [
        Suggestion(
            key=key,
            kind="respond",
            person_id=ctx.person.id,
            subject_type="interaction",
            subject_id=first.id,
            reason=reason,
            due_at=first.occurred_at,
            window_end=window_end,
            priority=PRIORITY["respond"],
            channel="message",
            fact_fingerprint=fingerprint(tuple(i.id for i in pending)),
            facts={
                "interaction_id": first.id,
                "request_note": first.note,
                "requested_at": _iso(first.occurred_at),
                "opportunity_id": first.opportunity_id,
                "pending_count": len(pending),
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# Rule 6 — warm introduction


@dataclass(frozen=True, slots=True)
class Introducer:
    name: str
    person_id: int | None
    connection: FactConnection | None
    profile_url: str | None
    same_company: bool
    last_contact_at: datetime | None


def best_introducer(
    facts: Facts, person: FactPerson, company: str, now: datetime
) -> tuple[Introducer | None, int]:
    """The best mutual to ask for an introduction to `person`, and how many mutuals qualified.

    A mutual qualifies when it is one of the user's 1st-degree connections (matched by person,
    profile URL, then name) or a tracked 1st-degree person, and is not do-not-contact. Same
    company as the role and recent contact rank highest; ties go by most recent contact, then
    name, so the choice is deterministic.
    """
    wanted_company = normalise_name(company)
    ranked = []
    for mutual in facts.mutuals_of(person.id):
        connection = facts.connection_for_mutual(mutual)
        linked = None
        if mutual.mutual_person_id is not None:
            linked = facts.person_by_id.get(mutual.mutual_person_id)
        if linked is None and connection is not None and connection.person_id is not None:
            linked = facts.person_by_id.get(connection.person_id)
        if linked is None:
            linked = facts.person_for_url(mutual.profile_url)
        if connection is None and (linked is None or linked.degree != 1):
            continue
        if linked is not None and linked.do_not_contact:
            continue
        last_contact = connection.last_message_at if connection else None
        if linked is not None:
            for interaction in reversed(facts.interactions_of(linked.id)):
                if interaction.occurred_at <= now:
                    if last_contact is None or interaction.occurred_at > last_contact:
                        last_contact = interaction.occurred_at
                    break
        their_company = (connection.company if connection else None) or (
            linked.company if linked else None
        )
        same = bool(wanted_company) and normalise_name(their_company) == wanted_company
        score = 2 if same else 0
        if last_contact is not None:
            age = now - last_contact
            score += 2 if age <= timedelta(days=90) else 1 if age <= timedelta(days=365) else 0
        name = (linked.name if linked else None) or (connection.name if connection else None)
        name = name or mutual.name
        ranked.append(
            (
                -score,
                -(last_contact.timestamp() if last_contact else 0.0),
                normalise_name(name),
                Introducer(
                    name=name,
                    person_id=linked.id
                    if linked
                    else (connection.person_id if connection else None),
                    connection=connection,
                    profile_url=(connection.profile_url if connection else None)
                    or mutual.profile_url,
                    same_company=same,
                    last_contact_at=last_contact,
                ),
            )
        )
    if not ranked:
        return None, 0
    ranked.sort(key=lambda entry: entry[:3])
    return ranked[0][3], len(ranked)


def ask_intro(ctx: PersonContext) -> list[Suggestion]:
    """Ask a mutual for a warm introduction to a 2nd-degree hiring manager of an early-stage
    opportunity."""
    results = []
    for opp, role in ctx.facts.roles_of(ctx.person.id):
        if role != "hiring_manager" or opp.stage not in OPEN_FOR_INTRO:
            continue
        key = f"ask_intro:person={ctx.person.id}:opportunity={opp.id}"
        if ctx.person.degree != 2:
            ctx.note("ask_intro", "skipped", "the hiring manager is not a 2nd-degree contact", key)
            continue
        asked = next(
            (
                i
                for i in ctx.interactions
                if i.kind == "intro_request" and i.opportunity_id in (None, opp.id)
            ),
            None,
        )
        if asked is None:
            for mutual in ctx.facts.mutuals_of(ctx.person.id):
                linked = ctx.facts.mutual_person_id(mutual)
                if linked is None:
                    continue
                asked = next(
                    (
                        i
                        for i in ctx.facts.interactions_of(linked)
                        if i.kind == "intro_request" and i.opportunity_id == opp.id
                    ),
                    None,
                )
                if asked is not None:
                    break
        if asked is not None:
            ctx.note(
                "ask_intro",
                "skipped",
                f"intro already requested {ctx.when(asked.occurred_at)}",
                key,
            )
            continue
        introducer, count = best_introducer(ctx.facts, ctx.person, opp.company, ctx.now)
        if introducer is None:
            ctx.note(
                "ask_intro", "skipped", "no mutual connection found among your connections", key
            )
            continue
        intro_first = first_name(introducer.name)
        why = []
        if introducer.same_company:
            why.append(f"{intro_first} works at {opp.company}")
        if introducer.last_contact_at is not None:
            why.append(f"you were last in touch {ctx.since(introducer.last_contact_at)} ago")
        reason = (
            f"{introducer.name} knows {ctx.name}, the hiring manager for {opp.title} at "
            f"{opp.company} — asking {intro_first} for a warm introduction beats a cold note."
        )
        if why:
            reason += f" ({'; '.join(why)}.)"
        results.append(
            Suggestion(
                key=key,
                kind="ask_intro",
                person_id=ctx.person.id,
                subject_type="opportunity",
                subject_id=opp.id,
                reason=reason,
                due_at=ctx.today_start,
                window_end=None,
                priority=PRIORITY["ask_intro"],
                channel="message",
                fact_fingerprint=fingerprint(opp.stage, introducer.name, introducer.person_id),
                introducer_person_id=introducer.person_id,
                facts={
                    "opportunity_id": opp.id,
                    "company": opp.company,
                    "title": opp.title,
                    "introducer_name": introducer.name,
                    "introducer_profile_url": introducer.profile_url,
                    "introducer_connection_id": (
                        introducer.connection.id if introducer.connection else None
                    ),
                    "introducer_same_company": introducer.same_company,
                    "introducer_last_contact_at": _iso(introducer.last_contact_at),
                    "mutual_count": count,
                },
            )
        )
    return results


# ---------------------------------------------------------------------------------------------
# Rule 7 — after an event


def event_follow_up(ctx: PersonContext) -> list[Suggestion]:
    """Follow up on the latest logged event with the person, unless a touch came after it."""
    event = next((i for i in reversed(ctx.interactions) if i.kind == "event"), None)
    if event is None:
        return []
    later = next(
        (
            i
            for i in ctx.interactions
            if i.direction == "outbound" and i.kind != "event" and i.occurred_at > event.occurred_at
        ),
        None,
    )
    if later is not None:
        ctx.note("event_follow_up", "skipped", f"followed up {ctx.when(later.occurred_at)} already")
        return []
    settings, now = ctx.settings, ctx.now
    key = f"event_follow_up:person={ctx.person.id}:interaction={event.id}"
    if now - event.occurred_at > timedelta(days=settings.event_follow_up_give_up_days):
        ctx.note("event_follow_up", "skipped", "the event is more than a week ago", key)
        return []
    window_end = event.occurred_at + timedelta(hours=settings.event_follow_up_hours)
    when = ctx.when(event.occurred_at)
    if event.note:
        when = f"({snippet(event.note, 6)}) {when}"
    if now <= window_end:
        reason = (
            f"You met {ctx.name} at an event {when} — a short follow-up within "
            f"{settings.event_follow_up_hours} h, mentioning what you talked about, turns a "
            "meeting into a connection."
        )
    else:
        reason = (
            f"You met {ctx.name} at an event {when} — a follow-up is a little late now but "
            "still welcome."
        )
    return [
        Suggestion(
            key=key,
            kind="event_follow_up",
            person_id=ctx.person.id,
            subject_type="interaction",
            subject_id=event.id,
            reason=reason,
            due_at=event.occurred_at,
            window_end=window_end,
            priority=PRIORITY["event_follow_up"],
            channel="message",
            fact_fingerprint=fingerprint(event.id, event.occurred_at),
            facts={
                "interaction_id": event.id,
                "event_at": _iso(event.occurred_at),
                "event_note": event.note,
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# Rule 9 — connect


def connect(ctx: PersonContext) -> list[Suggestion]:
    """Connect with a personal note after an interview with someone not yet 1st-degree."""
    person = ctx.person
    key = f"connect:person={person.id}"
    if person.degree == 1 or ctx.facts.connection_for_person(person) is not None:
        return []
    if person.degree is None and not ctx.facts.connections:
        ctx.note("connect", "skipped", "connection degree unknown", key)
        return []
    finished = [iv for iv in ctx.facts.interviews_of(person.id) if iv.finished_at <= ctx.now]
    if not finished:
        return []
    interview = finished[-1]
    ended = interview.finished_at
    if ctx.now - ended > timedelta(days=ctx.settings.connect_within_days):
        ctx.note("connect", "skipped", "the last interview is too long ago", key)
        return []
    reason = (
        f"You're not connected with {ctx.name} yet — after {_day_possessive(ctx.day(ended))} "
        "interview, a connection request with a personal note keeps the door open."
    )
    return [
        Suggestion(
            key=key,
            kind="connect",
            person_id=person.id,
            subject_type="interview",
            subject_id=interview.id,
            reason=reason,
            due_at=ended,
            window_end=ended + timedelta(days=ctx.settings.connect_within_days),
            priority=PRIORITY["connect"],
            channel="linkedin_note",
            fact_fingerprint=fingerprint(interview.id, person.degree),
            facts={
                "interview_id": interview.id,
                "opportunity_id": interview.opportunity_id,
                "topics": list(interview.topics),
            },
        )
    ]


# ---------------------------------------------------------------------------------------------
# Rule 8 — keep warm

_STAGE_WORDS = {
    "interested": "while you're interested in a role",
    "applied": "while your application is open",
    "screening": "during screening",
    "interviewing": "while interviewing",
    "offer": "at the offer stage",
    "networking": "for your network",
    "closed": "after a closed process",
}


def keep_warm(ctx: PersonContext, others: list[Suggestion]) -> list[Suggestion]:
    """Past the stage's target gap, suggest the best available touch: a fresh post to comment on,
    a share item, or a short note.

    A comment or share candidate already in `others` is absorbed (removed from `others` and
    re-issued as this keep-warm), so the person gets one suggestion, not two.
    """
    stage = ctx.stage
    low, high = ctx.settings.keep_warm_target(stage)
    touches = ctx.touches
    accepted = False
    if touches:
        last = touches[-1]
        anchor, after = last.at, last.tag
        # Their acceptance of the user's request is the moment to follow up, whatever the gap.
        accepted = last.kind == "connection_request" and ctx.is_connected
        if accepted:
            anchor = ctx.today_start - timedelta(days=low)
        if ctx.now - anchor < timedelta(days=low):
            ctx.note(
                "keep_warm",
                "skipped",
                f"last touch {ctx.since(anchor)} ago; the {stage} target is {low}–{high} days",
            )
            return []
        gap = f"It's been {ctx.since(anchor)} since you were last in touch with {ctx.name}"
        if accepted:
            gap = (
                f"{ctx.name} accepted your connection request "
                f"(sent {ctx.when(last.at)}): a short thank-you note follows up"
            )
    elif ctx.on_active_opportunity and ctx.is_connected:
        anchor, after = ctx.today_start - timedelta(days=low), "none"
        gap = f"You haven't been in touch with {ctx.name} yet"
    else:
        # A first note to a stranger is a cold message: warm introductions and post-interview
        # connection requests are the better first touches, and other rules suggest them.
        ctx.note(
            "keep_warm", "skipped", "no contact yet, and not a connection on an open opportunity"
        )
        return []
    key = f"keep_warm:person={ctx.person.id}:after={after}"
    due = anchor + timedelta(days=low)
    window_end = anchor + timedelta(days=high)
    overdue = ctx.now > window_end
    target = (
        f"(the target {_STAGE_WORDS.get(stage, 'for your network')} is every {low}–{high} days)"
    )

    absorbed = next((s for s in others if s.kind == "comment"), None) or next(
        (s for s in others if s.kind == "share"), None
    )
    if absorbed is not None:
        others.remove(absorbed)
        ctx.note("keep_warm", "merged", f"{absorbed.kind} folded into keep-warm", absorbed.key)
        if absorbed.kind == "comment":
            post = ctx.facts.posts_of(ctx.person.id)
            commented = next(p for p in post if p.id == absorbed.subject_id)
            ago = ctx.since(commented.published_at or ctx.now)
            posted = _posted(commented, absorbed.facts.get("topics", ()), ago)
            touch = f" {ctx.first} {posted}; a thoughtful comment is a natural way back in."
        else:
            touch = _share_touch(ctx, absorbed.facts["title"], absorbed.facts["topics"])
        subject_type, subject_id = absorbed.subject_type, absorbed.subject_id
        channel, extra = absorbed.channel, dict(absorbed.facts)
        # The touch sets the timing: a post can be commented on only once seen, and only while
        # it is fresh.
        due = max(due, absorbed.due_at)
        window_end = absorbed.window_end or window_end
        touch_kind = absorbed.kind
    else:
        found = ctx.best_share
        if found is not None:
            item, matched = found
            touch = _share_touch(ctx, item.title, matched)
            subject_type, subject_id, channel = "share_item", item.id, "message"
            extra = {
                "share_item_id": item.id,
                "url": item.url,
                "title": item.title,
                "topics": list(matched),
            }
            touch_kind = "share"
        else:
            touch = " A short, friendly note is enough."
            opp = next(
                (o for o, _ in ctx.facts.roles_of(ctx.person.id) if o.stage in ACTIVE_STAGES), None
            )
            subject_type = "opportunity" if opp else None
            subject_id = opp.id if opp else None
            channel, extra, touch_kind = "message", {}, "note"
    reason = f"{gap} {target}.{touch}"
    extra.update(
        {
            "stage": stage,
            "last_touch_at": _iso(touches[-1].at if touches else None),
            "touch": touch_kind,
            "target_min_days": low,
            "target_max_days": high,
        }
    )
    priority = (
        PRIORITY["keep_warm"] + (10 if overdue else 0) + (5 if stage == "interviewing" else 0)
    )
    if absorbed is not None:
        priority = max(priority, absorbed.priority)
    return [
        Suggestion(
            key=key,
            kind="keep_warm",
            person_id=ctx.person.id,
            subject_type=subject_type,
            subject_id=subject_id,
            reason=reason,
            due_at=due,
            window_end=window_end,
            priority=priority,
            channel=channel,
            fact_fingerprint=fingerprint(after, stage, subject_type, subject_id),
            facts=extra,
        )
    ]


def _share_touch(ctx: PersonContext, title: str, matched: Sequence[str]) -> str:
    """The share item as the reason to write, naming the role when its topics are the role's."""
    role = ctx.role_fit(matched)
    fit = (
        f", close to what the {role.title} role at {role.company} is about,"
        if role is not None
        else ""
    )
    return f" Sharing '{title}' ({_quote(matched)}){fit} gives you a useful reason to write."


#: Rules run for every person, in this order; keep-warm runs last as it absorbs others.
PERSON_RULES: tuple[tuple[str, Callable[[PersonContext], list[Suggestion]]], ...] = (
    ("respond", respond),
    ("thank_you", thank_you),
    ("event_follow_up", event_follow_up),
    ("check_in", check_in),
    ("comment", comment_or_react),
    ("ask_intro", ask_intro),
    ("connect", connect),
    ("share", share),
)
