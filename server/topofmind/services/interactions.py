"""Interactions: every touch with a person, either direction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.facts import INTERACTION_KINDS
from ..errors import InvalidInput, NotFound
from ..store.models import Interaction, Opportunity
from .paging import Page, paginate
from .people import get_person
from .unit_of_work import touch, unit_of_work

KINDS = INTERACTION_KINDS
INBOUND_KINDS = ("inbound_reply", "inbound_request")
DIRECTIONS = ("outbound", "inbound")
SOURCES = ("extension", "manual", "import", "suggestion")


@unit_of_work
def record_interaction(
    session: Session, person_id: int, data: Mapping[str, Any], now: datetime
) -> Interaction:
    """Log a touch. Inbound kinds are always inbound; others default to outbound."""
    get_person(session, person_id)
    kind = data["kind"]
    direction = "inbound" if kind in INBOUND_KINDS else data.get("direction") or "outbound"
    opportunity_id = data.get("opportunity_id")
    if opportunity_id is not None and session.get(Opportunity, opportunity_id) is None:
        raise InvalidInput(
            "Unknown opportunity.",
            {"opportunity_id": [f"No opportunity with id {opportunity_id}."]},
        )
    interaction = Interaction(
        person_id=person_id,
        kind=kind,
        direction=direction,
        occurred_at=data.get("occurred_at") or now,
        note=data.get("note"),
        post_urn=data.get("post_urn"),
        opportunity_id=opportunity_id,
        source=data.get("source") or "manual",
        created_at=now,
    )
    session.add(interaction)
    session.flush()
    touch(session, [person_id])
    return interaction


def get_interaction(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFound(f"No interaction with id {interaction_id}.")
    return interaction


def list_interactions(
    session: Session,
    *,
    person_id: int | None = None,
    kind: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    query = select(Interaction)
    if person_id is not None:
        query = query.where(Interaction.person_id == person_id)
    if kind:
        query = query.where(Interaction.kind == kind)
    query = query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    return paginate(session, query, page, per_page)


@unit_of_work
def delete_interaction(session: Session, interaction: Interaction, now: datetime) -> None:
    """Delete one logged touch; the person's suggestions follow."""
    touch(session, [interaction.person_id])
    session.delete(interaction)
    session.flush()
