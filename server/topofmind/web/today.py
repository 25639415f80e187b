"""Today (``/``): the suggestion inbox and the daily digest; done / snooze / dismiss."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from flask import Blueprint, flash, render_template, request

from ..errors import DomainError
from ..schemas.suggestions import DoneIn, SnoozeIn
from ..services import people as people_service
from ..services import suggestions as suggestion_service
from .common import (
    FormErrors,
    back,
    date_field,
    datetime_field,
    db,
    load_form,
    local,
    now,
    protect,
    user_zone,
)

bp = protect(Blueprint("web_today", __name__))

SNOOZE_CHOICES = (("", "Until tomorrow"), ("4", "4 hours"), ("72", "3 days"), ("168", "1 week"))


@bp.get("/")
def today():
    """Today's plan: the top suggestions within the daily budget (by priority), one list, and
    how many wait under "Later". Drafts cost a few milliseconds each, so only the cards shown
    get one; the later ones are listed by line."""
    session, moment = db(), now()
    plan = suggestion_service.today_plan(session, moment)
    views = suggestion_service.suggestion_views(session, plan["top"], moment)
    later = _later_lines(session, plan["later"], moment)
    snoozed = suggestion_service.list_suggestions(
        session, status="snoozed", now=moment, per_page=1
    ).total
    people = people_service.count_people(session)
    return render_template(
        "today.html",
        due_today=views,
        due_total=plan["due_today_count"],
        budget=plan["budget"],
        later=later,
        later_total=plan["later_count"],
        later_today=plan["later_today_count"],
        snoozed=snoozed,
        people_count=people,
        snooze_choices=SNOOZE_CHOICES,
    )


def _later_lines(session, rows, moment) -> list[dict]:
    names = people_service.names_of(session, {row.person_id for row in rows})
    zone = user_zone()
    return [
        {
            "id": row.id,
            "kind": row.kind,
            "person_id": row.person_id,
            "person_name": names.get(row.person_id),
            "reason": row.reason,
            **suggestion_service.timing_fields(row, moment, zone),
        }
        for row in rows
    ]


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

    errors = FormErrors()
    sent_on = date_field("sent_on", errors)
    if errors:
        flash("Use a date like 2026-12-01 for the day it was sent.", "error")
        return back("web_today.today")
    raw = {
        "note": (request.form.get("note") or "").strip(),
        "sent_text": request.form.get("sent_text") or "",
    }
    data = load_form(
        DoneIn(),
        {key: value for key, value in raw.items() if value},
        errors,
        {"note": "Keep the note under 2,000 characters.", "sent_text": "That message is too long."},
    )
    if errors:
        flash(next(iter(errors.values())), "error")
        return back("web_today.today")
    note, sent_text = data.get("note"), data.get("sent_text")
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
    raw: dict[str, Any] = {}
    if until is not None:
        raw["until"] = until.isoformat()
    if request.form.get("hours"):
        raw["hours"] = request.form["hours"]
    data = load_form(SnoozeIn(), raw, errors) if not errors else {}
    if errors:
        flash("Pick a snooze time in the future, at most 90 days ahead.", "error")
        return back("web_today.today")
    return _act(
        lambda: suggestion_service.snooze(
            db(), suggestion_id, now(), until=data.get("until"), hours=data.get("hours")
        ),
        "Snoozed. It will come back when it is due again.",
    )


@bp.post("/suggestions/<int:suggestion_id>/dismiss")
def dismiss(suggestion_id: int):
    return _act(
        lambda: suggestion_service.dismiss(db(), suggestion_id, now()),
        "Dismissed. It stays hidden unless something new happens.",
    )
