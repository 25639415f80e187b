"""Drafts for stored suggestions: the facts the product holds, fed to ``domain.drafts``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.drafts import DRAFT_KINDS, build_draft, context_from_facts
from ..domain.message_check import check_message
from ..store.models import Interaction, Interview, InterviewInterviewer, Person, Suggestion
from .settings import get_settings

# What the user already sent this person (summaries in interaction notes), for the repeat check.
SENT_KINDS = ("thank_you", "message", "email", "check_in", "intro_request")
PREVIOUS_LIMIT = 10


def draft_view(draft) -> dict:
    return {
        "kind": draft.kind,
        "channel": draft.channel,
        "subject": draft.subject,
        "body": draft.body,
        "char_limit": draft.char_limit,
        "length": draft.length,
        "within_limit": draft.within_limit,
        "guidance": draft.guidance,
        "warnings": [warning_view(w) for w in draft.warnings],
    }


def warning_view(warning) -> dict:
    return {
        "code": warning.code,
        "message": warning.message,
        "spans": [list(span) for span in warning.spans],
        "words": list(warning.words),
    }


def previous_messages(session: Session, person_id: int) -> tuple[str, ...]:
    notes = session.scalars(
        select(Interaction.note)
        .where(
            Interaction.person_id == person_id,
            Interaction.direction == "outbound",
            Interaction.kind.in_(SENT_KINDS),
            Interaction.note.is_not(None),
        )
        .order_by(Interaction.occurred_at.desc())
        .limit(PREVIOUS_LIMIT)
    )
    return tuple(note for note in notes if note and not note.startswith("Done from suggestion"))


def draft_for(
    session: Session, suggestion: Suggestion, person: Person, now: datetime
) -> dict | None:
    """The draft for one stored suggestion, or None for kinds without one."""
    if suggestion.kind not in DRAFT_KINDS:
        return None
    settings = get_settings(session)
    facts = dict((suggestion.extra or {}).get("facts") or {})
    fields = {
        "user_name": settings["user_name"],
        "person_name": person.name,
        "previous_messages": previous_messages(session, person.id),
    }
    if not facts.get("company") and person.company:
        fields["company"] = person.company
    if suggestion.subject_type == "interview" and suggestion.subject_id:
        interview = session.get(Interview, suggestion.subject_id)
        if interview is not None:
            own = (
                session.scalars(
                    select(InterviewInterviewer.topics).where(
                        InterviewInterviewer.interview_id == interview.id,
                        InterviewInterviewer.person_id == person.id,
                    )
                ).first()
                or []
            )
            # What was discussed with this interviewer comes first; the round's topics after.
            topics = list(dict.fromkeys([*own, *(facts.get("topics") or interview.topics or [])]))
            facts["topics"] = topics
            fields["interview_notes"] = interview.notes or ""
            fields.setdefault("company", interview.opportunity.company)
            if not facts.get("title"):
                facts["title"] = interview.opportunity.title
    if suggestion.subject_type == "interaction" and suggestion.subject_id:
        interaction = session.get(Interaction, suggestion.subject_id)
        if interaction is not None and interaction.note:
            key = "event_name" if suggestion.kind == "event_follow_up" else "request_text"
            fields[key] = interaction.note
    if suggestion.kind == "ask_intro":
        introducer_id = (suggestion.extra or {}).get("introducer_person_id")
        if introducer_id and not facts.get("introducer_name"):
            introducer = session.get(Person, introducer_id)
            if introducer is not None:
                fields["introducer_name"] = introducer.name
        fields.setdefault("mutual_name", facts.get("introducer_name") or "")
    context = context_from_facts(suggestion.kind, facts, **fields)
    return draft_view(build_draft(suggestion.kind, context, settings["templates"]))


def check_text(
    session: Session, text: str, channel: str, person_id: int | None = None
) -> list[dict]:
    """Warnings for text the user wrote (generic, too long, repeat, negative, pushy)."""
    previous: tuple[str, ...] = ()
    context = None
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is not None:
            previous = previous_messages(session, person_id)
            context = context_from_facts(
                "keep_warm", {}, person_name=person.name, company=person.company or ""
            )
    warnings = check_message(text, channel=channel, context=context, previous_messages=previous)
    return [warning_view(w) for w in warnings]
