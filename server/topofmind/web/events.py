"""Events (``/events``): imported and logged events, the people met there, their follow-ups."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ..errors import DomainError, NotFound
from ..schemas.events import EventCreate, PersonMetIn
from ..services import events as event_service
from ..services import suggestions as suggestion_service
from ..services.people import tracked_names
from .common import FormErrors, datetime_field, db, now, protect, text_field

bp = protect(Blueprint("web_events", __name__))


def _page_number() -> int:
    try:
        return max(int(request.args.get("page", 1)), 1)
    except ValueError:
        return 1


def _render_list(form: dict | None = None, errors: dict | None = None, status: int = 200):
    session, moment = db(), now()
    past = event_service.list_events(session, upcoming=False, now=moment, page=_page_number())
    upcoming = event_service.list_events(session, upcoming=True, now=moment, per_page=10)
    pages = max((past.total + past.per_page - 1) // past.per_page, 1)
    return render_template(
        "events.html",
        past=past,
        upcoming=upcoming.items,
        pages=pages,
        form=form or {},
        errors=errors or {},
    ), status


@bp.get("/events")
def events_page():
    return _render_list()


@bp.post("/events")
def log_event():
    errors = FormErrors()
    starts_at = datetime_field("starts_at", errors)
    raw = {
        "name": text_field("name", max_length=500) or "",
        "url": text_field("url", max_length=1000),
        "note": text_field("note", max_length=5000),
    }
    if starts_at is not None:
        raw["starts_at"] = starts_at.isoformat()
    try:
        data = EventCreate().load(raw)
    except ValidationError as error:
        for field in error.messages:
            errors.add(
                field,
                {
                    "name": "Give the event a name.",
                    "url": "Use a full web address starting with https://.",
                    "starts_at": "Required.",
                }.get(field, "Check this field."),
            )
    if errors:
        return _render_list(request.form.to_dict(), errors, 422)
    event = event_service.create_event(db(), data, now())
    flash(f"Logged {event.name}. Add the people you met there.", "success")
    return redirect(url_for("web_events.event_page", event_id=event.id), code=303)


def _event_or_404(event_id: int):
    try:
        return event_service.get_event(db(), event_id)
    except NotFound:
        abort(404)


def _render_event(event, form: dict | None = None, errors: dict | None = None, status=200):
    session, moment = db(), now()
    people_ids = [link.person_id for link in event.people]
    follow_ups = suggestion_service.list_suggestions(
        session, status="open", now=moment, kind="event_follow_up", per_page=100
    ).items
    follow_ups = [s for s in follow_ups if s.person_id in people_ids]
    return render_template(
        "event.html",
        event=event,
        follow_ups=suggestion_service.suggestion_views(session, follow_ups, moment),
        known_names=tracked_names(session)[:500],
        upcoming=event.starts_at is not None and event.starts_at > moment,
        form=form or {},
        errors=errors or {},
    ), status


@bp.get("/events/<int:event_id>")
def event_page(event_id: int):
    return _render_event(_event_or_404(event_id))


@bp.post("/events/<int:event_id>/people")
def add_person(event_id: int):
    event = _event_or_404(event_id)
    try:
        data = PersonMetIn().load(
            {"name": text_field("name", max_length=300) or "", "note": text_field("note")}
        )
    except ValidationError:
        return _render_event(event, request.form.to_dict(), {"name": "Type their name."}, 422)
    try:
        person = event_service.add_person_met(db(), event.id, data["name"], now(), data["note"])
    except DomainError as error:
        return _render_event(event, request.form.to_dict(), {"name": error.message}, 422)
    flash(f"Added {person.name}; a follow-up is on Today while it is timely.", "success")
    return redirect(url_for("web_events.event_page", event_id=event.id), code=303)
