"""Today (``/``): the suggestion inbox and the daily digest; done / snooze / dismiss."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, flash, render_template, request

from ..domain import timing
from ..errors import DomainError
from ..services import people as people_service
from ..services import suggestions as suggestion_service
from .common import FormErrors, back, datetime_field, db, now, protect, settings, user_zone

bp = protect(Blueprint("web_today", __name__))

LATER = 5
SNOOZE_CHOICES = (("", "Until tomorrow"), ("4", "4 hours"), ("72", "3 days"), ("168", "1 week"))


@bp.get("/")
def today():
    """Due today (overdue first by priority) within the daily budget, then a few for later this
    week. Drafts cost a few milliseconds each, so only the cards shown get one."""
    session, moment = db(), now()
    budget = int(settings()["daily_budget"])
    end_of_today = timing.end_of_day(moment, user_zone())
    due = suggestion_service.list_suggestions(
        session, status="open", now=moment, due_before=end_of_today, per_page=budget
    )
    later = suggestion_service.list_suggestions(
        session,
        status="open",
        now=moment,
        due_before=moment + timedelta(days=7),
        per_page=budget + LATER,
    )
    later_rows = [row for row in later.items if row.due_at >= end_of_today][:LATER]
    views = suggestion_service.suggestion_views(session, due.items + later_rows, moment)
    later_total = max(later.total - due.total, 0)
    snoozed = suggestion_service.list_suggestions(
        session, status="snoozed", now=moment, per_page=1
    ).total
    people = people_service.count_people(session)
    return render_template(
        "today.html",
        due_today=views[: len(due.items)],
        due_total=due.total,
        budget=budget,
        this_week=views[len(due.items) :],
        later_total=later_total,
        snoozed=snoozed,
        people_count=people,
        snooze_choices=SNOOZE_CHOICES,
    )


def _act(action, success: str):
    try:
        suggestion = action()
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(success.format(kind=suggestion.kind.replace("_", " ").capitalize()), "success")
    return back("web_today.today")


@bp.post("/suggestions/<int:suggestion_id>/done")
def done(suggestion_id: int):
    """Done, or "mark as sent" from the draft editor: the edited text (``sent_text``) and the
    day it was sent (``sent_on``, the user's local date; today means now) are logged."""
    from datetime import UTC, datetime, time

    from .common import date_field, local

    note = (request.form.get("note") or "").strip() or None
    sent_text = (request.form.get("sent_text") or "")[:20_000] or None
    errors = FormErrors()
    sent_on = date_field("sent_on", errors)
    if errors:
        flash("Use a date like 2026-12-01 for the day it was sent.", "error")
        return back("web_today.today")
    moment = now()
    sent_at = None
    if sent_on is not None and sent_on != local(moment).date():
        sent_at = datetime.combine(sent_on, time(12, 0), tzinfo=user_zone()).astimezone(UTC)
        sent_at = min(sent_at, moment) if sent_on < local(moment).date() else sent_at
    when = f" on {sent_on:%a %-d %b}" if sent_at is not None else " today"
    return _act(
        lambda: suggestion_service.mark_done(
            db(), suggestion_id, moment, note, sent_text=sent_text, sent_at=sent_at
        ),
        ("Marked as sent" + when + ": “{kind}” is logged on the timeline.")
        if sent_text
        else "Marked done: “{kind}” is logged on the timeline.",
    )


@bp.post("/suggestions/<int:suggestion_id>/snooze")
def snooze(suggestion_id: int):
    errors = FormErrors()
    until = datetime_field("until", errors, required=False)
    hours = request.form.get("hours") or ""
    if errors:
        flash("Pick a snooze time in the future.", "error")
        return back("web_today.today")
    return _act(
        lambda: suggestion_service.snooze(
            db(), suggestion_id, now(), until=until, hours=int(hours) if hours.isdigit() else None
        ),
        "Snoozed. It will come back when it is due again.",
    )


@bp.post("/suggestions/<int:suggestion_id>/dismiss")
def dismiss(suggestion_id: int):
    return _act(
        lambda: suggestion_service.dismiss(db(), suggestion_id, now()),
        "Dismissed. It stays hidden unless something new happens.",
    )
