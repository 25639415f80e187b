"""Contacts: the searchable table (``/contacts``) and the person page (``/contacts/<id>``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from ..errors import DomainError, NotFound
from ..schemas.interactions import InteractionCreate
from ..schemas.people import PersonCreate, PersonUpdate
from ..services import drafting, job_postings
from ..services import interactions as interaction_service
from ..services import network as network_service
from ..services import opportunities as opportunity_service
from ..services import people as people_service
from ..services import suggestions as suggestion_service
from ..services.opportunities import STAGES
from ..services.timeline import person_timeline, touches_per_week
from ..services.views import person_view, person_views
from .common import (
    FormErrors,
    datetime_field,
    db,
    load_form,
    now,
    protect,
    split_list,
    text_field,
)

#: What the person forms say about a field the schema rejects.
PERSON_MESSAGES = {
    "name": "A name is required.",
    "email": "Use an address like name@example.com.",
    "time_zone": "Use a time zone name like Europe/Berlin.",
    "degree": "Choose 1st, 2nd or 3rd+.",
    "tags": "Use at most 20 tags of up to 40 characters each.",
    "profile_url": "Use a LinkedIn profile address of up to 500 characters.",
}

bp = protect(Blueprint("web_contacts", __name__))

SORT_CHOICES = (
    ("due", "Due first"),
    ("warmth", "Warmest"),
    ("-warmth", "Coolest"),
    ("last_touch", "Last touch (recent)"),
    ("-last_touch", "Last touch (oldest)"),
    ("name", "Name A–Z"),
    ("-name", "Name Z–A"),
    ("company", "Company"),
    ("-created", "Newest added"),
)
STATUS_CHOICES = (
    ("", "Any status"),
    ("due", "Due"),
    ("overdue", "Overdue"),
    ("on_track", "On track"),
    ("too_frequent", "Too frequent"),
    ("no_contact", "No contact yet"),
)
DEGREE_CHOICES = (("", "Any degree"), ("1", "1st"), ("2", "2nd"), ("3", "3rd+"))
STAGE_CHOICES = (("", "Any stage"), ("networking", "Networking")) + tuple(
    (stage, stage.capitalize()) for stage in STAGES
)
PER_PAGE_CHOICES = (25, 50, 100)
FILTERS = ("q", "stage", "company", "tag", "status", "degree")


def _filters() -> dict:
    args = request.args
    filters = {name: (args.get(name) or "").strip() for name in FILTERS}
    filters["sort"] = args.get("sort") or "due"
    if filters["sort"] not in dict(SORT_CHOICES):
        filters["sort"] = "due"
    return filters


def _page_number(name: str, default: int, high: int) -> int:
    try:
        return min(max(int(request.args.get(name, default)), 1), high)
    except ValueError:
        return default


@bp.get("/contacts")
def contacts():
    session, moment = db(), now()
    filters = _filters()
    page_number = _page_number("page", 1, 10_000)
    per_page = _page_number("per_page", 50, 100)
    degree = int(filters["degree"]) if filters["degree"] in ("1", "2", "3") else None
    page = people_service.list_people(
        session,
        q=filters["q"] or None,
        company=filters["company"] or None,
        tag=filters["tag"] or None,
        degree=degree,
        stage=filters["stage"] or None,
        status=filters["status"] or None,
        sort=filters["sort"],
        page=page_number,
        per_page=per_page,
    )
    people = person_views(session, page.items, moment)
    steps = suggestion_service.next_steps(session, [p["id"] for p in people], moment)
    pages = max((page.total + page.per_page - 1) // page.per_page, 1)
    kept = {k: v for k, v in filters.items() if v and not (k == "sort" and v == "due")}
    if per_page != 50:
        kept["per_page"] = per_page

    def link(**changes):
        """This page's URL with ``changes`` applied, keeping the filters (page 1 is implied)."""
        merged = {**kept, **changes}
        if merged.get("page") == 1:
            del merged["page"]
        return url_for("web_contacts.contacts") + ("?" + urlencode(merged) if merged else "")

    if page.total and page_number > pages:
        return redirect(link(page=pages))
    active = any(filters[name] for name in FILTERS)
    return render_template(
        "contacts.html",
        people=people,
        steps=steps,
        page=page,
        pages=pages,
        filters=filters,
        active=active,
        link=link,
        sort_choices=SORT_CHOICES,
        status_choices=STATUS_CHOICES,
        degree_choices=DEGREE_CHOICES,
        stage_choices=STAGE_CHOICES,
        per_page_choices=PER_PAGE_CHOICES,
    )


@bp.post("/contacts")
def add_contact():
    errors = FormErrors()
    raw = {
        "name": text_field("name", max_length=300) or "",
        "profile_url": text_field("profile_url", max_length=500),
        "headline": text_field("headline"),
    }
    data = load_form(
        PersonCreate(), raw, errors, {**PERSON_MESSAGES, "name": "Give the person a name."}
    )
    if errors:
        flash(next(iter(errors.values())), "error")
        return redirect(url_for("web_contacts.contacts"), code=303)
    try:
        person = people_service.create_person(db(), data, now())
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("web_contacts.contacts"), code=303)
    flash(f"Now tracking {person.name}.", "success")
    return redirect(url_for("web_contacts.person_page", person_id=person.id), code=303)


def _chart(weeks) -> dict:
    """Bar geometry for the touches-per-week SVG (viewBox 0 0 260 60)."""
    peak = max((week.total for week in weeks), default=0) or 1
    width = 260 / len(weeks)
    bars = []
    for index, week in enumerate(weeks):
        out_height = round(50 * week.outbound / peak, 1)
        in_height = round(50 * week.inbound / peak, 1)
        bars.append(
            {
                "x": round(index * width + 1, 1),
                "width": round(width - 2, 1),
                "out_y": round(55 - out_height, 1),
                "out_height": out_height,
                "in_y": round(55 - out_height - in_height, 1),
                "in_height": in_height,
                "week": week,
            }
        )
    return {"bars": bars, "peak": peak, "total": sum(week.total for week in weeks)}


def _person_context(person, errors: dict | None = None, form: dict | None = None) -> dict:
    session, moment = db(), now()
    view = person_view(session, person, moment)
    suggestions = suggestion_service.list_suggestions(
        session, status="open", now=moment, person_id=person.id, per_page=20
    )
    snoozed = suggestion_service.list_suggestions(
        session, status="snoozed", now=moment, person_id=person.id, per_page=20
    )
    opportunities = opportunity_service.list_opportunities(
        session, person_id=person.id, per_page=50
    ).items
    mutuals = network_service.mutual_connections(session, person.id)
    roles = {
        opportunity.id: next(
            (link.role for link in opportunity.people if link.person_id == person.id), "other"
        )
        for opportunity in opportunities
    }
    return {
        "person": view,
        "timeline": person_timeline(session, person.id),
        "chart": _chart(touches_per_week(session, person.id, moment)),
        "mutuals": mutuals,
        "intro": network_service.intro_paths(session, person.id, moment)
        if mutuals and person.degree != 1
        else None,
        "suggestions": suggestion_service.suggestion_views(
            session, suggestions.items + snoozed.items, moment
        ),
        "next_step": suggestion_service.next_steps(session, [person.id], moment).get(person.id),
        "opportunities": opportunities,
        "roles": roles,
        "postings": job_postings.postings_by_person(session, person.id),
        "interviews": opportunity_service.list_interviews(
            session, person_id=person.id, per_page=50
        ).items,
        "repeats_headline": _headline_says_it(view),
        "interaction_kinds": interaction_service.KINDS,
        "check_channels": CHECK_CHANNELS,
        "check": None,
        "errors": errors or {},
        "form": form or {},
    }


def _headline_says_it(view: dict) -> bool:
    """Whether the headline already names the title and company (shown once, not twice)."""
    headline = (view.get("headline") or "").casefold()
    parts = [(view.get(key) or "").casefold() for key in ("title", "company")]
    return bool(headline) and all(part in headline for part in parts if part)


def _person_or_404(person_id: int):
    try:
        return people_service.get_person(db(), person_id)
    except NotFound:
        abort(404)


@bp.get("/contacts/<int:person_id>")
def person_page(person_id: int):
    person = _person_or_404(person_id)
    return render_template("person.html", **_person_context(person))


@bp.post("/contacts/<int:person_id>/edit")
def edit_person(person_id: int):
    person = _person_or_404(person_id)
    errors = FormErrors()
    form = request.form.to_dict()
    raw = {
        "name": text_field("name", max_length=300) or "",
        "headline": text_field("headline"),
        "title": text_field("title", max_length=300),
        "company": text_field("company", max_length=300),
        "location": text_field("location", max_length=300),
        "time_zone": text_field("time_zone", max_length=64),
        "email": text_field("email", max_length=300),
        "tags": split_list(form.get("tags")),
        "do_not_contact": form.get("do_not_contact") == "on",
        "degree": (form.get("degree") or "").strip() or None,
    }
    data = load_form(PersonUpdate(), raw, errors, PERSON_MESSAGES)
    if not errors:
        try:
            changed = people_service.update_person(db(), person, data, now())
        except DomainError as error:
            for field, problems in error.errors.items():
                errors.add(field, "; ".join(problems))
            errors.add("form", error.message)
        else:
            flash("Saved." if changed else "Nothing changed.", "success")
            return redirect(url_for("web_contacts.person_page", person_id=person.id), code=303)
    context = _person_context(person, errors, form)
    context["open_edit"] = True
    return render_template("person.html", **context), 422


CHECK_CHANNELS = (
    ("message", "LinkedIn message"),
    ("email", "Email"),
    ("linkedin_note", "Connection note"),
    ("comment", "Comment"),
)


@bp.post("/contacts/<int:person_id>/check")
def check_message_page(person_id: int):
    """Check text the user wrote to this person; the page shows each warning and its words."""
    person = _person_or_404(person_id)
    text = (request.form.get("text") or "")[:20_000]
    channel = request.form.get("channel") or "message"
    errors = FormErrors()
    if channel not in dict(CHECK_CHANNELS):
        errors.add("channel", "Choose where the message goes.")
    if not text.strip():
        errors.add("text", "Paste or write the message to check.")
    context = _person_context(person, errors, request.form.to_dict())
    if errors:
        return render_template("person.html", **context), 422
    context["check"] = drafting.check_text(db(), text, channel, person.id, now())
    return render_template("person.html", **context)


@bp.post("/contacts/<int:person_id>/notes")
def save_notes(person_id: int):
    person = _person_or_404(person_id)
    notes = (request.form.get("notes") or "").strip()[:20_000] or None
    people_service.update_person(db(), person, {"notes": notes}, now())
    flash("Notes saved.", "success")
    return redirect(url_for("web_contacts.person_page", person_id=person.id) + "#notes", code=303)


@bp.post("/contacts/<int:person_id>/interactions")
def log_interaction(person_id: int):
    person = _person_or_404(person_id)
    errors = FormErrors()
    occurred_at = datetime_field("occurred_at", errors, required=False)
    if occurred_at is not None and occurred_at > now():
        errors.add("occurred_at", "That is in the future; log it once it has happened.")
    raw: dict[str, Any] = {
        "kind": request.form.get("kind") or "",
        "note": text_field("note", max_length=5000),
    }
    if request.form.get("direction"):
        raw["direction"] = request.form["direction"]
    if occurred_at is not None:
        raw["occurred_at"] = occurred_at.isoformat()
    data = load_form(
        InteractionCreate(),
        raw,
        errors,
        {"kind": "Choose what happened.", "direction": "Choose who reached out."},
    )
    if errors:
        context = _person_context(person, errors, request.form.to_dict())
        return render_template("person.html", **context), 422
    interaction_service.record_interaction(db(), person.id, data, now())
    kind = data["kind"]
    flash(f"Logged a {kind.replace('_', ' ')} with {person.name}.", "success")
    return redirect(
        url_for("web_contacts.person_page", person_id=person.id) + "#timeline", code=303
    )


@bp.post("/contacts/<int:person_id>/forget")
def forget(person_id: int):
    person = _person_or_404(person_id)
    if (request.form.get("confirm") or "").strip().casefold() != person.name.casefold():
        flash(f"To forget this person, type their name exactly: {person.name}", "error")
        return redirect(
            url_for("web_contacts.person_page", person_id=person.id) + "#forget", code=303
        )
    name = person.name
    removed = people_service.forget_person(db(), person, now())
    flash(
        f"Forgot {name}: {removed.get('interactions', 0)} interactions, "
        f"{removed.get('posts', 0)} posts and {removed.get('captures', 0)} captures removed.",
        "success",
    )
    return redirect(url_for("web_contacts.contacts"), code=303)
