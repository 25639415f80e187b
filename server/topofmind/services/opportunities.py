"""Opportunities (a role at a company, its stage and its people) and their interviews."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain.facts import ROLES as ROLES  # re-exported: schemas and web read it here
from ..domain.facts import STAGES_CLOSED, STAGES_OPEN
from ..errors import InvalidInput, NotFound
from ..sanitize import http_url_problem
from ..store.models import (
    Interview,
    InterviewInterviewer,
    Opportunity,
    OpportunityPerson,
    Person,
    StageChange,
)
from .paging import Page, paginate
from .unit_of_work import touch, touch_everyone, unit_of_work

# The stages and roles are the domain's (domain/facts.py); these names are the services'.
OPEN_STAGES = STAGES_OPEN
CLOSED_STAGES = STAGES_CLOSED
STAGES = OPEN_STAGES + CLOSED_STAGES
INTERVIEW_KINDS = ("phone", "video", "onsite", "technical", "panel", "final", "other")


def get_opportunity(session: Session, opportunity_id: int) -> Opportunity:
    opportunity = session.get(Opportunity, opportunity_id)
    if opportunity is None:
        raise NotFound(f"No opportunity with id {opportunity_id}.")
    return opportunity


def _check_people(session: Session, people: list[Mapping[str, Any]]) -> None:
    ids = {entry["person_id"] for entry in people}
    if not ids:
        return
    found = set(session.scalars(select(Person.id).where(Person.id.in_(ids))))
    missing = sorted(ids - found)
    if missing:
        raise InvalidInput(
            "Unknown person in 'people'.",
            {"people": [f"No person with id {person_id}." for person_id in missing]},
        )


def _set_people(opportunity: Opportunity, people: list[Mapping[str, Any]]) -> None:
    wanted = {}
    for entry in people:
        wanted[entry["person_id"]] = entry.get("role", "other")
    for link in list(opportunity.people):
        if link.person_id not in wanted:
            opportunity.people.remove(link)
        else:
            link.role = wanted.pop(link.person_id)
    for person_id, role in wanted.items():
        opportunity.people.append(OpportunityPerson(person_id=person_id, role=role))


def people_of(opportunity: Opportunity) -> set[int]:
    """The ids of the people linked to ``opportunity``."""
    return {link.person_id for link in opportunity.people}


def _check_job_url(data: Mapping[str, Any]) -> None:
    problem = http_url_problem(data.get("job_url"))
    if problem:
        raise InvalidInput(f"job_url: {problem}", {"job_url": [problem]})


@unit_of_work
def create_opportunity(session: Session, data: Mapping[str, Any], now: datetime) -> Opportunity:
    _check_job_url(data)
    people = list(data.get("people") or [])
    _check_people(session, people)
    opportunity = Opportunity(
        company=data["company"].strip(),
        title=data["title"].strip(),
        stage=data.get("stage", "interested"),
        job_url=data.get("job_url"),
        decision_expected_on=data.get("decision_expected_on"),
        notes=data.get("notes"),
        created_at=now,
        updated_at=now,
    )
    if opportunity.stage in CLOSED_STAGES:
        opportunity.closed_at = now
    _set_people(opportunity, people)
    session.add(opportunity)
    session.flush()
    touch(session, people_of(opportunity))
    return opportunity


@unit_of_work
def update_opportunity(
    session: Session, opportunity: Opportunity, data: Mapping[str, Any], now: datetime
) -> Opportunity:
    _check_job_url(data)
    for field in ("company", "title", "job_url", "decision_expected_on", "notes"):
        if field in data:
            setattr(opportunity, field, data[field])
    if "stage" in data and data["stage"] != opportunity.stage:
        if "hired" in (data["stage"], opportunity.stage):
            # A hire pauses (or resumes) the whole search: everyone's plan changes.
            touch_everyone(session)
        session.add(
            StageChange(
                opportunity=opportunity,
                from_stage=opportunity.stage,
                to_stage=data["stage"],
                changed_at=now,
            )
        )
        opportunity.stage = data["stage"]
        opportunity.closed_at = now if data["stage"] in CLOSED_STAGES else None
    touch(session, people_of(opportunity))
    if "people" in data:
        _check_people(session, list(data["people"]))
        _set_people(opportunity, list(data["people"]))
    opportunity.updated_at = now
    session.flush()
    touch(session, people_of(opportunity))
    return opportunity


def list_opportunities(
    session: Session,
    *,
    stage: str | None = None,
    person_id: int | None = None,
    q: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    query = select(Opportunity).options(
        selectinload(Opportunity.people), selectinload(Opportunity.interviews)
    )
    if stage == "open":
        query = query.where(Opportunity.stage.in_(OPEN_STAGES))
    elif stage:
        query = query.where(Opportunity.stage == stage)
    if person_id is not None:
        query = query.where(
            Opportunity.id.in_(
                select(OpportunityPerson.opportunity_id).where(
                    OpportunityPerson.person_id == person_id
                )
            )
        )
    if q:
        pattern = f"%{q.strip().lower()}%"
        query = query.where(
            func.lower(Opportunity.company).like(pattern)
            | func.lower(Opportunity.title).like(pattern)
        )
    query = query.order_by(Opportunity.updated_at.desc(), Opportunity.id.desc())
    return paginate(session, query, page, per_page)


@unit_of_work
def delete_opportunity(session: Session, opportunity: Opportunity, now: datetime) -> None:
    """Delete the opportunity and its interviews; its people's suggestions follow."""
    touch(session, people_of(opportunity))
    session.delete(opportunity)
    session.flush()


# Interviews ---------------------------------------------------------------------------------


def get_interview(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFound(f"No interview with id {interview_id}.")
    return interview


def _set_interviewers(
    session: Session, interview: Interview, data: Mapping[str, Any], replace_topics: bool = False
) -> None:
    ids = list(dict.fromkeys(data.get("interviewer_ids") or []))
    _check_people(session, [{"person_id": person_id} for person_id in ids])
    per_person_topics = data.get("interviewer_topics") or {}
    current = {link.person_id: link for link in interview.interviewers}
    for person_id, link in current.items():
        if person_id not in ids:
            interview.interviewers.remove(link)
    for person_id in ids:
        topics = list(per_person_topics.get(str(person_id), per_person_topics.get(person_id, [])))
        if person_id in current:
            if topics or replace_topics:
                current[person_id].topics = topics
        else:
            interview.interviewers.append(InterviewInterviewer(person_id=person_id, topics=topics))


def _ensure_linked(opportunity: Opportunity, person_ids: Iterable[int]) -> None:
    """Interviewers belong to the opportunity's people (role ``interviewer`` unless known)."""
    linked = {link.person_id for link in opportunity.people}
    for person_id in person_ids:
        if person_id not in linked:
            opportunity.people.append(OpportunityPerson(person_id=person_id, role="interviewer"))


@unit_of_work
def create_interview(session: Session, data: Mapping[str, Any], now: datetime) -> Interview:
    opportunity = session.get(Opportunity, data["opportunity_id"])
    if opportunity is None:
        raise InvalidInput(
            "Unknown opportunity.",
            {"opportunity_id": [f"No opportunity with id {data['opportunity_id']}."]},
        )
    _check_times(data["starts_at"], data["ends_at"])
    interview = Interview(
        opportunity_id=opportunity.id,
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        kind=data.get("kind", "video"),
        topics=list(data.get("topics") or []),
        notes=data.get("notes"),
        created_at=now,
        updated_at=now,
    )
    session.add(interview)
    _set_interviewers(session, interview, data)
    _ensure_linked(opportunity, data.get("interviewer_ids") or [])
    # An interview moves an earlier stage forward (never an offer back).
    if opportunity.stage in OPEN_STAGES[: OPEN_STAGES.index("interviewing")]:
        opportunity.stage = "interviewing"
    if data.get("decision_expected_on"):
        opportunity.decision_expected_on = data["decision_expected_on"]
    session.flush()
    touch(session, people_of(opportunity))
    return interview


def interviewers_by_interview(
    session: Session, interview_ids: Iterable[int]
) -> dict[int, list[int]]:
    """``{interview_id: [person_id, …]}`` in the order they were added, in one query."""
    interviewers: dict[int, list[int]] = {}
    for interview_id, person_id in session.execute(
        select(InterviewInterviewer.interview_id, InterviewInterviewer.person_id)
        .where(InterviewInterviewer.interview_id.in_(list(interview_ids)))
        .order_by(InterviewInterviewer.id)
    ):
        interviewers.setdefault(interview_id, []).append(person_id)
    return interviewers


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at < starts_at:
        raise InvalidInput(
            "An interview cannot end before it starts.",
            {"ends_at": ["Must not be before starts_at."]},
        )


@unit_of_work
def update_interview(
    session: Session,
    interview: Interview,
    data: Mapping[str, Any],
    now: datetime,
    *,
    replace_topics: bool = False,
) -> Interview:
    """Apply ``data`` to the interview. An interviewer's topics change only when given, unless
    ``replace_topics`` (a form showing every interviewer's topics: an emptied field clears them).
    Raises ``InvalidInput`` for an end before the start or an unknown person."""
    for field in ("starts_at", "ends_at", "kind", "topics", "notes"):
        if field in data:
            setattr(interview, field, data[field])
    _check_times(interview.starts_at, interview.ends_at)
    if "interviewer_ids" in data or "interviewer_topics" in data:
        merged = dict(data)
        merged.setdefault("interviewer_ids", [link.person_id for link in interview.interviewers])
        _set_interviewers(session, interview, merged, replace_topics)
        _ensure_linked(interview.opportunity, merged["interviewer_ids"])
    if data.get("decision_expected_on"):
        interview.opportunity.decision_expected_on = data["decision_expected_on"]
    interview.updated_at = now
    session.flush()
    # Interviewers stay linked to the opportunity, so its people cover those removed here too.
    touch(session, people_of(interview.opportunity))
    return interview


def list_interviews(
    session: Session,
    *,
    opportunity_id: int | None = None,
    person_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    query = select(Interview).options(selectinload(Interview.interviewers))
    if opportunity_id is not None:
        query = query.where(Interview.opportunity_id == opportunity_id)
    if person_id is not None:
        query = query.where(
            Interview.id.in_(
                select(InterviewInterviewer.interview_id).where(
                    InterviewInterviewer.person_id == person_id
                )
            )
        )
    return paginate(session, query.order_by(Interview.starts_at.desc()), page, per_page)


@unit_of_work
def delete_interview(session: Session, interview: Interview, now: datetime) -> None:
    """Delete the interview; the opportunity's people's suggestions follow."""
    touch(session, people_of(interview.opportunity))
    session.delete(interview)
    session.flush()


def latest_finished_interview(session: Session, now: datetime) -> Interview | None:
    """The interview that ended most recently, at or before ``now``; None when there is none."""
    return session.scalars(
        select(Interview)
        .where(Interview.ends_at <= now)
        .order_by(Interview.ends_at.desc(), Interview.id.desc())
        .limit(1)
    ).first()
