"""The search at a glance: every opportunity by stage, with its people, its interviews and the
promised decision date (docs/assistant.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..store.models import Opportunity
from .dossier import interview_summary, names_of
from .opportunities import CLOSED_STAGES, OPEN_STAGES, list_opportunities
from .paging import MAX_PER_PAGE


def _all_opportunities(session: Session) -> list[Opportunity]:
    page, rows = 1, []
    while True:
        chunk = list_opportunities(session, page=page, per_page=MAX_PER_PAGE)
        rows.extend(chunk.items)
        if page * chunk.per_page >= chunk.total:
            return rows
        page += 1


def _entry(opportunity: Opportunity, names: dict[int, str], now: datetime) -> dict[str, Any]:
    interviews = [interview_summary(item, names) for item in opportunity.interviews]
    past = [item for item in interviews if item["ends_at"] <= now]
    upcoming = [item for item in interviews if item["ends_at"] > now]
    return {
        "id": opportunity.id,
        "company": opportunity.company,
        "title": opportunity.title,
        "stage": opportunity.stage,
        "job_url": opportunity.job_url,
        "decision_expected_on": opportunity.decision_expected_on,
        "closed_at": opportunity.closed_at,
        "updated_at": opportunity.updated_at,
        "people": [
            {"person_id": link.person_id, "name": names.get(link.person_id, ""), "role": link.role}
            for link in opportunity.people
        ],
        "interviews": interviews,
        "last_interview_at": past[-1]["ends_at"] if past else None,
        "next_interview_at": upcoming[0]["starts_at"] if upcoming else None,
    }


def pipeline_view(session: Session, now: datetime, *, include_closed: bool = True) -> dict:
    """Opportunities grouped by stage, most recently updated first within a stage.

    Returns ``{stages: [{stage, opportunities}], closed: [...], open_total, closed_total}``: one
    entry per open stage in pipeline order (empty ones included), each opportunity with its people
    (name and role), its interviews in time order (with each interviewer's own topics and the
    user's notes), the last and next interview times and the decision date. ``closed`` lists hired,
    rejected and withdrawn ones when ``include_closed``, else is empty. Reads only.
    """
    opportunities = _all_opportunities(session)
    person_ids = {link.person_id for item in opportunities for link in item.people}
    person_ids |= {
        link.person_id
        for item in opportunities
        for interview in item.interviews
        for link in interview.interviewers
    }
    names = names_of(session, person_ids)
    by_stage: dict[str, list[dict[str, Any]]] = {stage: [] for stage in OPEN_STAGES}
    closed: list[dict[str, Any]] = []
    for opportunity in opportunities:
        if opportunity.stage in CLOSED_STAGES:
            closed.append(_entry(opportunity, names, now))
        else:
            by_stage[opportunity.stage].append(_entry(opportunity, names, now))
    return {
        "stages": [{"stage": stage, "opportunities": by_stage[stage]} for stage in OPEN_STAGES],
        "closed": closed if include_closed else [],
        "open_total": sum(len(items) for items in by_stage.values()),
        "closed_total": len(closed),
    }
