"""Pipeline (``/pipeline``): opportunities by stage, their people and interviews."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from ..errors import DomainError, NotFound
from ..schemas.opportunities import (
    InterviewCreate,
    InterviewUpdate,
    OpportunityCreate,
    OpportunityUpdate,
)
from ..services import job_postings
from ..services import opportunities as opportunity_service
from ..services import people as people_service
from ..services.opportunities import CLOSED_STAGES, INTERVIEW_KINDS, OPEN_STAGES, ROLES, STAGES
from .common import (
    FormErrors,
    date_field,
    datetime_field,
    db,
    int_field,
    load_form,
    now,
    protect,
    split_list,
    text_field,
)

bp = protect(Blueprint("web_pipeline", __name__))

#: What the pipeline forms say about a field the API's schema rejects.
OPPORTUNITY_MESSAGES = {
    "company": "Which company?",
    "title": "Which role?",
    "stage": "Choose a stage.",
    "job_url": "Use a web address of up to 1000 characters.",
    "people": "Choose at most 50 people, each with a role.",
}
INTERVIEW_MESSAGES = {
    "starts_at": "Required.",
    "kind": "Choose a kind.",
    "interviewer_ids": "Choose at most 20 interviewers.",
    "interviewer_topics": "Use at most 30 topics of up to 200 characters each.",
    "topics": "Use at most 30 topics of up to 200 characters each.",
}


def _find_by_name(session, name: str, errors: FormErrors, field: str):
    """A tracked person by exact name (accent- and case-insensitive) or profile URL; None with
    a message on ``field`` when no one or several people match."""
    matches = people_service.find_people_by_name_or_url(session, name, limit=2)
    if not matches:
        errors.add(field, f"No tracked person named “{name}”. Add them on Contacts first.")
        return None
    if len(matches) > 1:
        errors.add(field, f"Several people are named “{name}”; paste their profile URL instead.")
        return None
    return matches[0]


def _pipeline_context(errors=None, form=None, open_form=None):
    session = db()
    opportunities = opportunity_service.list_opportunities(session, per_page=200).items
    interviewers = opportunity_service.interviewers_by_interview(
        session, [interview.id for opp in opportunities for interview in opp.interviews]
    )
    people_ids = {link.person_id for opp in opportunities for link in opp.people}
    people_ids |= {person_id for ids in interviewers.values() for person_id in ids}
    names = people_service.names_by_id(session, people_ids)
    columns: dict[str, list[Any]] = {stage: [] for stage in STAGES}
    for opportunity in opportunities:
        columns[opportunity.stage].append(opportunity)
    return {
        "columns": [(stage, columns[stage]) for stage in OPEN_STAGES],
        "closed": [opp for stage in CLOSED_STAGES for opp in columns[stage]],
        "names": names,
        "interviewers": interviewers,
        "stages": STAGES,
        "roles": ROLES,
        "people_names": people_service.tracked_names(session),
        "errors": errors or {},
        "form": form or {},
        "open_form": open_form,
        "total": len(opportunities),
    }


@bp.get("/pipeline")
def pipeline():
    return render_template("pipeline.html", **_pipeline_context())


@bp.post("/pipeline/opportunities")
def add_opportunity():
    session = db()
    errors = FormErrors()
    decision = date_field("decision_expected_on", errors)
    people = []
    contact = text_field("contact", max_length=500)
    role = request.form.get("role") or "hiring_manager"
    if contact:
        person = _find_by_name(session, contact, errors, "contact")
        if person is not None:
            people.append({"person_id": person.id, "role": role if role in ROLES else "other"})
    raw = {
        "company": text_field("company", max_length=300) or "",
        "title": text_field("title", max_length=300) or "",
        "stage": request.form.get("stage") or "interested",
        "job_url": text_field("job_url", max_length=1000),
        "decision_expected_on": decision.isoformat() if decision else None,
        "people": people,
    }
    data = load_form(OpportunityCreate(), raw, errors, OPPORTUNITY_MESSAGES)
    if errors:
        context = _pipeline_context(errors, request.form.to_dict(), open_form="new")
        return render_template("pipeline.html", **context), 422
    opportunity = opportunity_service.create_opportunity(session, data, now())
    flash(f"Added {opportunity.title} at {opportunity.company}.", "success")
    return redirect(url_for("web_pipeline.pipeline") + f"#opportunity-{opportunity.id}", code=303)


def _opportunity_or_404(opportunity_id: int):
    try:
        return opportunity_service.get_opportunity(db(), opportunity_id)
    except NotFound:
        abort(404)


@bp.post("/pipeline/opportunities/<int:opportunity_id>/stage")
def move_opportunity(opportunity_id: int):
    opportunity = _opportunity_or_404(opportunity_id)
    errors = FormErrors()
    data = load_form(
        OpportunityUpdate(only=("stage",)),
        {"stage": request.form.get("stage") or ""},
        errors,
        OPPORTUNITY_MESSAGES,
    )
    if errors:
        flash(errors["stage"], "error")
    else:
        opportunity_service.update_opportunity(db(), opportunity, data, now())
        flash(f"{opportunity.company}: moved to {data['stage']}.", "success")
    return redirect(url_for("web_pipeline.pipeline") + f"#opportunity-{opportunity.id}", code=303)


@bp.post("/pipeline/opportunities/<int:opportunity_id>/people")
def add_person_to_opportunity(opportunity_id: int):
    session = db()
    opportunity = _opportunity_or_404(opportunity_id)
    errors = FormErrors()
    name = text_field("contact", max_length=500)
    role = request.form.get("role") or "other"
    person = _find_by_name(session, name, errors, "contact") if name else None
    if person is None:
        flash(errors.get("contact", "Type a tracked person's name."), "error")
    else:
        people = [{"person_id": link.person_id, "role": link.role} for link in opportunity.people]
        people = [entry for entry in people if entry["person_id"] != person.id]
        people.append({"person_id": person.id, "role": role if role in ROLES else "other"})
        opportunity_service.update_opportunity(session, opportunity, {"people": people}, now())
        flash(f"{person.name} added to {opportunity.company}.", "success")
    return redirect(url_for("web_pipeline.pipeline") + f"#opportunity-{opportunity.id}", code=303)


@bp.post("/pipeline/opportunities/<int:opportunity_id>/people/<int:person_id>/role")
def set_role(opportunity_id: int, person_id: int):
    """Change one person's role on a role (a later capture of the posting keeps it)."""
    session = db()
    opportunity = _opportunity_or_404(opportunity_id)
    try:
        link = job_postings.set_person_role(
            session, opportunity, person_id, request.form.get("role") or "", now()
        )
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(f"{link.person.name} is now the {link.role.replace('_', ' ')}.", "success")
    return redirect(url_for("web_pipeline.pipeline") + f"#opportunity-{opportunity.id}", code=303)


def _interview_data(session, opportunity, errors: FormErrors, *, new: bool) -> dict[str, Any]:
    """Read the interview form: times, kind, interviewers (checked people + one typed name)
    with per-interviewer topics (``topics_<person_id>``), topics, notes, decision date; loaded
    with the API's ``InterviewCreate`` (``new``) or ``InterviewUpdate`` schema."""
    starts_at = datetime_field("starts_at", errors)
    minutes = int_field("duration_minutes", errors, low=5, high=600, required=False) or 45
    decision = date_field("decision_expected_on", errors)
    ids = [int(value) for value in request.form.getlist("interviewer_ids") if value.isdigit()]
    topics_by_person = {
        str(person_id): split_list(request.form.get(f"topics_{person_id}")) for person_id in ids
    }
    extra = text_field("new_interviewer", max_length=500)
    if extra:
        person = _find_by_name(session, extra, errors, "new_interviewer")
        if person is not None and person.id not in ids:
            ids.append(person.id)
            topics_by_person[str(person.id)] = split_list(
                request.form.get("new_interviewer_topics")
            )
    raw: dict[str, Any] = {
        "kind": request.form.get("kind") or "video",
        "interviewer_ids": ids,
        "interviewer_topics": {k: v for k, v in topics_by_person.items() if v},
        "topics": split_list(request.form.get("topics")),
        "notes": text_field("notes", max_length=20_000),
    }
    if starts_at is not None:
        raw["starts_at"] = starts_at.isoformat()
        raw["ends_at"] = (starts_at + timedelta(minutes=minutes)).isoformat()
    if new:
        raw["opportunity_id"] = opportunity.id
    if new or decision is not None:
        raw["decision_expected_on"] = decision.isoformat() if decision else None
    schema = InterviewCreate() if new else InterviewUpdate()
    return load_form(schema, raw, errors, INTERVIEW_MESSAGES)


@bp.get("/pipeline/opportunities/<int:opportunity_id>/interviews/new")
def new_interview(opportunity_id: int):
    return _render_interview(None, _opportunity_or_404(opportunity_id))


@bp.post("/pipeline/opportunities/<int:opportunity_id>/interviews")
def add_interview(opportunity_id: int):
    session = db()
    opportunity = _opportunity_or_404(opportunity_id)
    errors = FormErrors()
    data = _interview_data(session, opportunity, errors, new=True)
    if not errors:
        try:
            interview = opportunity_service.create_interview(session, data, now())
        except DomainError as error:
            errors.add("starts_at", error.message)
        else:
            flash(_interview_flash(interview), "success")
            return redirect(
                url_for("web_pipeline.pipeline") + f"#opportunity-{opportunity.id}", code=303
            )
    return _render_interview(None, opportunity, errors, request.form, 422)


def _interview_flash(interview) -> str:
    if interview.ends_at <= now():
        return "Interview saved. Thank-you suggestions are on Today."
    return "Interview saved."


def _interview_or_404(interview_id: int):
    try:
        return opportunity_service.get_interview(db(), interview_id)
    except NotFound:
        abort(404)


@bp.get("/pipeline/interviews/<int:interview_id>")
def interview_page(interview_id: int):
    interview = _interview_or_404(interview_id)
    return _render_interview(interview, interview.opportunity)


def _render_interview(interview, opportunity, errors=None, form=None, status=200):
    """The interview form: editing ``interview``, or logging a new one when it is None."""
    session = db()
    links = interview.interviewers if interview else []
    ids = {link.person_id for link in links} | {link.person_id for link in opportunity.people}
    names = people_service.names_by_id(session, ids)
    minutes = (
        max(int((interview.ends_at - interview.starts_at).total_seconds() // 60), 5)
        if interview
        else 45
    )
    return (
        render_template(
            "interview.html",
            interview=interview,
            opportunity=opportunity,
            names=names,
            minutes=minutes,
            topics_for={link.person_id: link.topics or [] for link in links},
            interviewer_ids={link.person_id for link in links},
            interview_kinds=INTERVIEW_KINDS,
            people_names=people_service.tracked_names(session, company=opportunity.company),
            errors=errors or {},
            form=form,
        ),
        status,
    )


@bp.post("/pipeline/interviews/<int:interview_id>")
def edit_interview(interview_id: int):
    session = db()
    interview = _interview_or_404(interview_id)
    errors = FormErrors()
    data = _interview_data(session, interview.opportunity, errors, new=False)
    if not errors:
        try:
            # The form shows every interviewer's topics: a cleared field clears them.
            opportunity_service.update_interview(
                session, interview, data, now(), replace_topics=True
            )
        except DomainError as error:
            errors.add("starts_at", error.message)
        else:
            flash(_interview_flash(interview), "success")
            return redirect(
                url_for("web_pipeline.interview_page", interview_id=interview.id), code=303
            )
    return _render_interview(interview, interview.opportunity, errors, request.form, 422)
