"""Rules that follow the search's outcome: a rejection or withdrawal, an offer, a hire.

A lost process gets one gracious close-the-loop note to its main contact and nothing that
pursues the role. An offer gets its own steps: thank and ask, then answer by the deadline. A
hire pauses the search: a short withdrawal note to each other process under way and thanks to
the people who helped; the engine drops every pursuit elsewhere (``plan.PURSUIT_KINDS``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from . import timing
from .facts import STAGES_LOST, FactInteraction, FactOpportunity
from .rules import PRIORITY, PersonContext, Suggestion, check_in_contact, fingerprint

#: Outbound kinds that are a private word to the person (what closes a loop or thanks).
PRIVATE_OUTBOUND = frozenset(
    {"message", "email", "call", "thank_you", "check_in", "meeting", "document_sent"}
)
#: Stages past "interested": the company knows the user is a candidate, so a hire elsewhere
#: deserves a word.
WITHDRAW_FROM = ("applied", "screening", "interviewing", "offer")
CLOSE_GIVE_UP_DAYS = 21
#: Touches that are not a conversation with the person.
_NOT_CONTACT = frozenset({"comment", "reaction", "share", "intro_request"})
THANKS_GIVE_UP_DAYS = 30


def _spoke_since(ctx: PersonContext, since: datetime | None) -> FactInteraction | None:
    """The first private outbound word to the person at or after `since` (any, when None)."""
    return next(
        (
            i
            for i in ctx.interactions
            if i.direction == "outbound"
            and i.kind in PRIVATE_OUTBOUND
            and (since is None or i.occurred_at >= since)
        ),
        None,
    )


def _last_interview_end(ctx: PersonContext, opp: FactOpportunity) -> datetime | None:
    ends = [iv.finished_at for iv in ctx.facts.interviews_for(opp.id) if iv.finished_at <= ctx.now]
    return max(ends) if ends else None


def _role_of(ctx: PersonContext, opp: FactOpportunity) -> str:
    for person_id, role in opp.people:
        if person_id == ctx.person.id:
            return role
    return "interviewer"


def _facts(opp: FactOpportunity, ctx: PersonContext, **extra: object) -> dict[str, object]:
    return {
        "opportunity_id": opp.id,
        "company": opp.company,
        "title": opp.title,
        "stage": opp.stage,
        "role": _role_of(ctx, opp),
        **extra,
    }


def _key(kind: str, ctx: PersonContext, opp: FactOpportunity) -> str:
    return f"{kind}:person={ctx.person.id}:opportunity={opp.id}"


def _about_role(
    kind: str,
    ctx: PersonContext,
    opp: FactOpportunity,
    *,
    reason: str,
    due: datetime,
    window_end: datetime,
    fingerprint_of: tuple[object, ...],
    **extra: object,
) -> Suggestion:
    """An outcome suggestion: an email to the person about one role, keyed by kind, person and
    role, at the kind's priority, carrying the role's facts (`_facts`) plus `extra`."""
    return Suggestion(
        key=_key(kind, ctx, opp),
        kind=kind,
        person_id=ctx.person.id,
        subject_type="opportunity",
        subject_id=opp.id,
        reason=reason,
        due_at=due,
        window_end=window_end,
        priority=PRIORITY[kind],
        channel="email",
        fact_fingerprint=fingerprint(*fingerprint_of),
        facts=_facts(opp, ctx, **extra),
    )


def close_loop(ctx: PersonContext) -> list[Suggestion]:
    """One close-the-loop note to the main contact of each rejected or withdrawn role, unless a
    private word already went to them after it closed. After a hire, withdrawals are covered by
    the withdrawal note, so only rejections get one."""
    results = []
    for opp, _role in ctx.facts.roles_of(ctx.person.id):
        if opp.stage not in STAGES_LOST:
            continue
        if ctx.facts.hired is not None and opp.stage == "withdrawn":
            continue
        if check_in_contact(ctx.facts, opp) != ctx.person.id:
            continue
        key = _key("close_loop", ctx, opp)
        closed = opp.closed_at
        since = closed or _last_interview_end(ctx, opp)
        if _spoke_since(ctx, since) is not None and since is not None:
            ctx.note("close_loop", "skipped", f"already wrote to {ctx.first} after it closed", key)
            continue
        if closed is not None and ctx.now - closed > timedelta(days=CLOSE_GIVE_UP_DAYS):
            ctx.note("close_loop", "skipped", "the role closed too long ago", key)
            continue
        due = closed if closed is not None else ctx.today_start
        if opp.stage == "rejected":
            reason = (
                f"{opp.company} decided not to go ahead with you for {opp.title}. A short, "
                f"gracious note to {ctx.name} — thanks for their time, and that you'd like to "
                "stay in touch — ends it well and keeps the door open for the next role."
            )
        else:
            reason = (
                f"You withdrew from {opp.title} at {opp.company}. A short note to {ctx.name} "
                "thanking them for their time, and saying you'd like to stay in touch, closes "
                "the loop politely."
            )
        results.append(
            _about_role(
                "close_loop",
                ctx,
                opp,
                reason=reason,
                due=due,
                window_end=timing.add_business_days(due, 3, ctx.user_zone),
                fingerprint_of=(opp.stage, closed),
                outcome=opp.stage,
            )
        )
    return results


def _deadline_end(day: date, ctx: PersonContext) -> datetime:
    return timing.end_of_working_day(
        datetime.combine(day, time(12), tzinfo=ctx.user_zone),
        ctx.user_zone,
        ctx.settings.working_hours_end,
    )


def offer_steps(ctx: PersonContext) -> list[Suggestion]:
    """At the offer stage, for the role's main contact: first thank them and send the questions
    about the offer; then answer by the deadline (`decision_expected_on`)."""
    if ctx.facts.hired is not None:
        return []
    results = []
    for opp, _role in ctx.facts.roles_of(ctx.person.id):
        if opp.stage != "offer" or check_in_contact(ctx.facts, opp) != ctx.person.id:
            continue
        reference = _last_interview_end(ctx, opp) or ctx.now - timedelta(days=14)
        deadline = opp.decision_expected_on
        by = f" — your answer is due {timing.date_phrase(deadline)}" if deadline else ""
        if _spoke_since(ctx, reference) is None:
            ask = "" if deadline else " and when they need your answer"
            reason = (
                f"{opp.company} offered you {opp.title}{by}. Thank {ctx.name} today and, in "
                f"the same note, ask what you need to decide (scope, start date, package){ask}."
            )
            due = ctx.today_start
            end = timing.add_business_days(due, 1, ctx.user_zone)
            if deadline is not None:
                end = min(end, _deadline_end(deadline, ctx))
            results.append(
                _about_role(
                    "offer_thanks",
                    ctx,
                    opp,
                    reason=reason,
                    due=due,
                    window_end=end,
                    fingerprint_of=(opp.stage, deadline, reference),
                    deadline=deadline.isoformat() if deadline else None,
                )
            )
        elif deadline is not None:
            end = _deadline_end(deadline, ctx)
            start = datetime.combine(
                deadline, time(ctx.settings.working_hours_start), ctx.user_zone
            )
            due = min(max(_minus_business_days(start, 2, ctx), ctx.today_start), end)
            results.append(
                _about_role(
                    "offer_reply",
                    ctx,
                    opp,
                    reason=(
                        f"Your answer on the {opp.title} offer at {opp.company} is due "
                        f"{timing.date_phrase(deadline)}. Reply to {ctx.name} by then — a yes, "
                        "a no, or a clear request for more time."
                    ),
                    due=due,
                    window_end=end,
                    fingerprint_of=(opp.stage, deadline),
                    deadline=deadline.isoformat(),
                )
            )
    return results


def _minus_business_days(moment: datetime, days: int, ctx: PersonContext) -> datetime:
    local = moment.astimezone(ctx.user_zone)
    day = local.date()
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), ctx.user_zone).astimezone(
        moment.tzinfo
    )


def after_hire(ctx: PersonContext) -> list[Suggestion]:
    """After a hire: a withdrawal note to the main contact of each other process under way, and
    thanks to the people who helped with the accepted role (its hiring team, interviewers,
    referrers and introducers)."""
    hired = ctx.facts.hired
    if hired is None:
        return []
    since = hired.closed_at
    results = []
    for opp, _role in ctx.facts.roles_of(ctx.person.id):
        if opp.id == hired.id or opp.stage not in WITHDRAW_FROM:
            continue
        if check_in_contact(ctx.facts, opp) != ctx.person.id:
            continue
        key = _key("withdraw", ctx, opp)
        if not any(t.kind not in _NOT_CONTACT for t in ctx.touches):
            # Never really in touch (a like, an intro asked of someone else): withdrawing the
            # application is enough, no note to a stranger.
            ctx.note("withdraw", "skipped", f"never in touch with {ctx.first}", key)
            continue
        if since is not None and _spoke_since(ctx, since) is not None:
            ctx.note("withdraw", "skipped", f"already wrote to {ctx.first} after the hire", key)
            continue
        due = since if since is not None else ctx.today_start
        results.append(
            _about_role(
                "withdraw",
                ctx,
                opp,
                reason=(
                    f"You accepted a role at {hired.company}, so let {ctx.name} know you're "
                    f"withdrawing from {opp.title} at {opp.company} — two or three lines: the "
                    "news, thanks for their time, and that you'd like to stay in touch."
                ),
                due=due,
                window_end=timing.add_business_days(due, 2, ctx.user_zone),
                fingerprint_of=(opp.stage, hired.id, since),
                hired_company=hired.company,
                hired_title=hired.title,
            )
        )
    if results:
        return results
    helped = _helped_with(ctx, hired)
    if helped is None:
        return []
    key = _key("news_and_thanks", ctx, hired)
    if _spoke_since(ctx, since or _last_interview_end(ctx, hired)) is not None:
        ctx.note("news_and_thanks", "skipped", f"already wrote to {ctx.first} since the hire", key)
        return []
    if since is not None and ctx.now - since > timedelta(days=THANKS_GIVE_UP_DAYS):
        return []
    due = since if since is not None else ctx.today_start
    return [
        _about_role(
            "news_and_thanks",
            ctx,
            hired,
            reason=(
                f"You accepted the {hired.title} role at {hired.company}. {ctx.name} {helped} "
                f"— share the news with {ctx.first} and say thank you; people remember being "
                "thanked."
            ),
            due=due,
            window_end=timing.add_business_days(due, 3, ctx.user_zone),
            fingerprint_of=(hired.id, since, helped),
            helped=helped,
        )
    ]


def _helped_with(ctx: PersonContext, hired: FactOpportunity) -> str | None:
    """How the person helped with the accepted role, in words; None when they did not."""
    for person_id, role in hired.people:
        if person_id == ctx.person.id:
            if role in ("hiring_manager", "recruiter"):
                # They had the acceptance itself; keep-warm takes it from here.
                return None
            return {
                "interviewer": "interviewed you",
                "referrer": "referred you",
            }.get(role, "helped along the way")
    if any(ctx.person.id in iv.interviewer_ids for iv in ctx.facts.interviews_for(hired.id)):
        return "interviewed you"
    for interaction in ctx.interactions:
        if interaction.opportunity_id == hired.id and interaction.kind == "referral":
            return "referred you"
        if interaction.opportunity_id == hired.id and interaction.kind == "intro_request":
            return "introduced you to the hiring team"
    return None


OUTCOME_RULES = (
    ("close_loop", close_loop),
    ("offer_steps", offer_steps),
    ("after_hire", after_hire),
)
