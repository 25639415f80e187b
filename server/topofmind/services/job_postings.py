"""Job postings captured on LinkedIn: the opportunity and its hiring team, saved (docs/jobs.md).

A capture of a job page saves the posting as an opportunity (stage ``interested``) or updates the
one with the same LinkedIn job id: one opportunity per posting, however often it is captured.
Each hiring-team member becomes (or is found as) a tracked person linked to it: a recruiter when
their headline says so (in any UI language), else the hiring manager. A role the user set is
never overwritten by a later capture. Job-search results are saved one at a time, on request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.postings import posting_topics
from ..errors import Conflict, InvalidInput, NotFound
from ..linkedin import canonical_job_url, job_id_from_url
from ..linkedin.vocabulary.jobs import is_recruiter_headline
from ..store.models import (
    Capture,
    Interaction,
    Interview,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
)
from .opportunities import ROLES, create_opportunity
from .people import find_person, identity_from_url
from .suggestions import list_suggestions, suggestion_views
from .unit_of_work import touch, unit_of_work
from .views import opportunity_view, person_views

SOURCE_POSTING = "LinkedIn job posting"
SOURCE_SEARCH = "LinkedIn job search"
TOPIC_LIMIT = 8
# The posting facts an opportunity mirrors; a later capture refreshes them.
POSTING_FIELDS = ("location", "workplace_type", "employment_type", "company_url", "description")


@dataclass(frozen=True)
class SavedPosting:
    """What a capture of a job page saved: the opportunity, whether this capture created it, and
    the hiring team's people in page order."""

    opportunity: Opportunity
    created: bool
    team: tuple[Person, ...]


def hiring_team_role(headline: str | None) -> str:
    """``recruiter`` when the headline says its owner recruits (recruiting, talent, sourcing… in
    any UI language), else ``hiring_manager``."""
    return "recruiter" if is_recruiter_headline(headline) else "hiring_manager"


def find_by_job_id(session: Session, job_id: str) -> Opportunity | None:
    """The opportunity for a LinkedIn job id: saved from the posting, or typed by the user with
    the posting's URL."""
    found = session.scalars(
        select(Opportunity).where(Opportunity.linkedin_job_id == job_id)
    ).first()
    if found is not None:
        return found
    candidates = session.scalars(
        select(Opportunity).where(
            Opportunity.linkedin_job_id.is_(None), Opportunity.job_url.like(f"%{job_id}%")
        )
    )
    return next((o for o in candidates if job_id_from_url(o.job_url) == job_id), None)


def saved_job_ids(session: Session, job_ids: Iterable[str]) -> dict[str, int]:
    """``{job_id: opportunity_id}`` for the given LinkedIn job ids already in the pipeline."""
    wanted = [job_id for job_id in dict.fromkeys(job_ids) if job_id]
    if not wanted:
        return {}
    rows = session.execute(
        select(Opportunity.linkedin_job_id, Opportunity.id).where(
            Opportunity.linkedin_job_id.in_(wanted)
        )
    )
    return {job_id: opportunity_id for job_id, opportunity_id in rows if job_id}


def _new_opportunity(
    session: Session, job: Mapping[str, Any], source: str, capture: Capture, now: datetime
) -> Opportunity:
    opportunity = create_opportunity(
        session,
        {
            "company": job["company"],
            "title": job["title"],
            "stage": "interested",
            "job_url": job.get("url") or canonical_job_url(job["job_id"]),
        },
        now,
    )
    opportunity.source = source
    opportunity.saved_from_capture_id = capture.id
    return opportunity


def _refresh_posting(opportunity: Opportunity, job: Mapping[str, Any], now: datetime) -> None:
    """The posting's facts on the opportunity; the user's own title, company, stage — and that
    they added it themselves (``source`` stays None) — are kept."""
    opportunity.linkedin_job_id = opportunity.linkedin_job_id or job["job_id"]
    opportunity.job_url = opportunity.job_url or job.get("url")
    for field in POSTING_FIELDS:
        value = job.get(field)
        if value:
            setattr(opportunity, field, value)
    opportunity.topics = list(
        posting_topics(opportunity.title, opportunity.company, opportunity.description, TOPIC_LIMIT)
    )
    opportunity.updated_at = now


def _link_member(
    opportunity: Opportunity, person: Person, member: Mapping[str, Any], new_person: bool
) -> None:
    link = next((link for link in opportunity.people if link.person_id == person.id), None)
    if link is None:
        link = OpportunityPerson(
            person_id=person.id,
            role=hiring_team_role(member.get("headline")),
            saved_with_posting=new_person,
        )
        opportunity.people.append(link)
    link.on_hiring_team = True
    link.job_poster = link.job_poster or bool(member.get("role"))


@unit_of_work
def save_posting(
    session: Session,
    job: Mapping[str, Any],
    capture: Capture,
    now: datetime,
    create: bool = True,
    source: str = SOURCE_POSTING,
) -> SavedPosting | None:
    """Save a captured posting (the parser's ``job`` object) and its hiring team; a new
    opportunity records ``source`` as where it came from.

    Returns None when the posting has no job id, title or company (nothing to file it under), or
    when it is not in the pipeline and ``create`` is False (a re-parse refreshes postings; it
    does not bring back one the user removed).
    """
    # Imported here: the captures service imports this module to save what a capture shows.
    from .captures import upsert_person_from_page

    if not (job.get("job_id") and job.get("title") and job.get("company")):
        return None
    opportunity = find_by_job_id(session, job["job_id"])
    created = opportunity is None
    if opportunity is None and not create:
        return None
    if opportunity is None:
        opportunity = _new_opportunity(session, job, source, capture, now)
    _refresh_posting(opportunity, job, now)
    team = []
    for member in job.get("hiring_team") or []:
        _url, public_id, member_urn = identity_from_url(member.get("profile_url"))
        known = find_person(session, public_id=public_id, member_urn=member_urn)
        person = upsert_person_from_page(
            session,
            {key: member.get(key) for key in ("name", "headline", "profile_url", "degree")},
            capture,
            now,
        )
        if person is None:
            continue
        _link_member(opportunity, person, member, new_person=known is None)
        team.append(person)
    session.flush()
    touch(session, (link.person_id for link in opportunity.people))
    return SavedPosting(opportunity=opportunity, created=created, team=tuple(team))


@unit_of_work
def save_from_capture(
    session: Session, capture: Capture, job_id: str, now: datetime
) -> tuple[Opportunity, bool]:
    """Save a posting a capture shows, on the user's request: a search result, or a job page's
    posting again after an undo. ``(opportunity, created)``; a posting already in the pipeline
    is returned as it is.

    Raises ``NotFound`` when the capture shows no such posting, ``InvalidInput`` when it has no
    title or company to file it under (a result LinkedIn had not rendered yet).
    """
    extracted = capture.extracted or {}
    job = extracted.get("job") or {}
    existing = find_by_job_id(session, job_id)
    if existing is not None:
        return existing, False
    if job.get("job_id") == job_id:
        # The posting itself (a job page, or a search's side pane): description, hiring team.
        source = SOURCE_POSTING if capture.kind == "job" else SOURCE_SEARCH
        saved = save_posting(session, job, capture, now, source=source)
        if saved is not None:
            return saved.opportunity, True
    card = next((c for c in extracted.get("jobs") or [] if c.get("job_id") == job_id), None)
    if card is None:
        raise NotFound(f"Capture {capture.id} shows no job {job_id}.")
    if not (card.get("title") and card.get("company")):
        raise InvalidInput(
            "LinkedIn had not shown this result yet: scroll to it, then capture again.",
            {"job_id": ["This result has no title or company on the captured page."]},
        )
    opportunity = _new_opportunity(session, card, SOURCE_SEARCH, capture, now)
    opportunity.linkedin_job_id = job_id
    opportunity.location = card.get("location")
    opportunity.topics = list(posting_topics(opportunity.title, opportunity.company, None))
    session.flush()
    return opportunity, True


def _untouched(session: Session, opportunity: Opportunity) -> bool:
    """True while nothing but captures has happened to a saved opportunity."""
    if opportunity.stage != "interested" or opportunity.notes or opportunity.decision_expected_on:
        return False
    has_interview = session.scalar(
        select(func.count())
        .select_from(Interview)
        .where(Interview.opportunity_id == opportunity.id)
    )
    logged = session.scalar(
        select(func.count())
        .select_from(Interaction)
        .where(Interaction.opportunity_id == opportunity.id)
    )
    return (
        not has_interview and not logged and all(link.on_hiring_team for link in opportunity.people)
    )


def _only_here(session: Session, link: OpportunityPerson) -> bool:
    """True for a person saved by this posting alone: first saved with it, on no other role,
    with no touch, capture, post, note or tag of their own."""
    person = link.person
    if not link.saved_with_posting or person.notes or person.tags:
        return False
    counts = [
        select(func.count())
        .select_from(OpportunityPerson)
        .where(
            OpportunityPerson.person_id == person.id,
            OpportunityPerson.opportunity_id != link.opportunity_id,
        ),
        select(func.count()).select_from(Interaction).where(Interaction.person_id == person.id),
        select(func.count()).select_from(Capture).where(Capture.person_id == person.id),
        select(func.count()).select_from(Post).where(Post.person_id == person.id),
        select(func.count())
        .select_from(MutualConnection)
        .where(MutualConnection.mutual_person_id == person.id),
    ]
    return not any(session.scalar(query) for query in counts)


@unit_of_work
def undo_save(session: Session, capture_id: str, job_id: str, now: datetime) -> dict[str, Any]:
    """Undo what a capture saved for one posting: the opportunity it created, and the people
    saved for that posting alone. Returns ``{opportunity_id, people_removed}``; the posting's
    other people are recomputed (their role is gone).

    Raises ``NotFound`` when this capture did not save that posting (or it is gone already) and
    ``Conflict`` once the role has a life of its own (stage moved, interview, note, a person
    added by hand): removing it then is a choice for the pipeline page, not an undo.
    """
    opportunity = session.scalars(
        select(Opportunity).where(
            Opportunity.linkedin_job_id == job_id,
            Opportunity.saved_from_capture_id == capture_id,
        )
    ).first()
    if opportunity is None:
        raise NotFound(f"Capture {capture_id} saved no job {job_id} that is still in the pipeline.")
    if not _untouched(session, opportunity):
        raise Conflict(
            f"{opportunity.title} at {opportunity.company} has changed since it was saved; "
            "remove it from the pipeline page instead.",
            {"job_id": ["Changed since it was saved."]},
        )
    removable = [link.person for link in opportunity.people if _only_here(session, link)]
    kept = {link.person_id for link in opportunity.people} - {p.id for p in removable}
    opportunity_id = opportunity.id
    session.delete(opportunity)
    session.flush()
    for person in removable:
        session.delete(person)
    session.flush()
    touch(session, kept)
    return {"opportunity_id": opportunity_id, "people_removed": len(removable)}


@unit_of_work
def set_person_role(
    session: Session, opportunity: Opportunity, person_id: int, role: str, now: datetime
) -> OpportunityPerson:
    """Change the role of a person on an opportunity (a later capture keeps it).

    Raises ``NotFound`` when the person is not on this opportunity, ``InvalidInput`` for a role
    outside ``ROLES``.
    """
    if role not in ROLES:
        raise InvalidInput("Unknown role.", {"role": [f"One of: {', '.join(ROLES)}."]})
    link = next((link for link in opportunity.people if link.person_id == person_id), None)
    if link is None:
        raise NotFound(f"Person {person_id} is not on opportunity {opportunity.id}.")
    link.role = role
    opportunity.updated_at = now
    session.flush()
    touch(session, [person_id])
    return link


def postings_by_person(
    session: Session, person_id: int
) -> list[tuple[Opportunity, OpportunityPerson]]:
    """The postings a person is on the hiring team of (job posters first), newest first."""
    rows = session.execute(
        select(Opportunity, OpportunityPerson)
        .join(OpportunityPerson, OpportunityPerson.opportunity_id == Opportunity.id)
        .where(
            OpportunityPerson.person_id == person_id,
            OpportunityPerson.on_hiring_team.is_(True),
        )
        .order_by(OpportunityPerson.job_poster.desc(), Opportunity.updated_at.desc())
    )
    return [(opportunity, link) for opportunity, link in rows]


def posting_view(session: Session, opportunity: Opportunity, now: datetime) -> dict[str, Any]:
    """The opportunity with its hiring team as the popup shows it: each member's person view
    (degree, mutual connections), role, "Job poster" flag and open suggestions (best first)."""
    links = [link for link in opportunity.people if link.on_hiring_team]
    people = {
        view["id"]: view for view in person_views(session, [link.person for link in links], now)
    }
    team = []
    for link in links:
        page = list_suggestions(session, person_id=link.person_id, now=now, per_page=5)
        team.append(
            {
                "person": people[link.person_id],
                "role": link.role,
                "job_poster": link.job_poster,
                "suggestions": suggestion_views(session, page.items, now),
            }
        )
    return {**opportunity_view(opportunity), "hiring_team": team}


def job_capture_view(session: Session, capture: Capture, now: datetime) -> dict[str, Any]:
    """What a job-page or job-search capture saved, for the capture's answer:
    ``{"posting": {...} | None, "saved": "created" | "updated" | None, "results": [...]}``.

    ``results`` are a search's cards, each with the ``opportunity_id`` it is saved as (or None).
    """
    extracted = capture.extracted or {}
    job = extracted.get("job") or {}
    posting = saved = None
    if capture.kind == "job" and job.get("job_id"):
        opportunity = find_by_job_id(session, job["job_id"])
        if opportunity is not None:
            posting = posting_view(session, opportunity, now)
            saved = "created" if opportunity.saved_from_capture_id == capture.id else "updated"
    cards = extracted.get("jobs") or []
    saved_ids = saved_job_ids(session, (card.get("job_id") for card in cards))
    results = [{**card, "opportunity_id": saved_ids.get(card.get("job_id"))} for card in cards]
    return {"posting": posting, "saved": saved, "results": results}
