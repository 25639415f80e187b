"""Today (``/``): the suggestion inbox and the daily digest; done / snooze / dismiss."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, flash, render_template, request
from sqlalchemy import func, select

from ..errors import DomainError
from ..services import suggestions as suggestion_service
from ..store.models import Person
from .common import FormErrors, back, datetime_field, db, now, protect

bp = protect(Blueprint("web_today", __name__))

SNOOZE_CHOICES = (("", "Until tomorrow"), ("4", "4 hours"), ("72", "3 days"), ("168", "1 week"))


@bp.get("/")
def today():
    session, moment = db(), now()
    suggestion_service.wake_snoozed(session, moment)
    digest = suggestion_service.digest(session, moment)
    week_end = moment + timedelta(days=7)
    page = suggestion_service.list_suggestions(
        session, status="open", due_before=week_end, per_page=100
    )
    views = suggestion_service.suggestion_views(session, page.items, moment)
    due_now = [view for view in views if view["due_at"] <= moment]
    this_week = [view for view in views if view["due_at"] > moment]
    snoozed = suggestion_service.list_suggestions(session, status="snoozed", per_page=1).total
    people = session.scalar(select(func.count()).select_from(Person)) or 0
    return render_template(
        "today.html",
        digest=digest,
        due_now=due_now,
        this_week=this_week,
        more=max(page.total - len(views), 0),
        snoozed=snoozed,
        people_count=people,
        snooze_choices=SNOOZE_CHOICES,
    )


def _act(action, suggestion_id: int, success: str):
    try:
        suggestion = action()
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(success.format(kind=suggestion.kind.replace("_", " ")), "success")
    return back("web_today.today")


@bp.post("/suggestions/<int:suggestion_id>/done")
def done(suggestion_id: int):
    note = (request.form.get("note") or "").strip() or None
    return _act(
        lambda: suggestion_service.mark_done(db(), suggestion_id, now(), note),
        suggestion_id,
        "Marked done and logged the {kind}.",
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
        suggestion_id,
        "Snoozed. It will come back when it is due again.",
    )


@bp.post("/suggestions/<int:suggestion_id>/dismiss")
def dismiss(suggestion_id: int):
    return _act(
        lambda: suggestion_service.dismiss(db(), suggestion_id, now()),
        suggestion_id,
        "Dismissed. It stays hidden unless something new happens.",
    )
