"""One name key: a per-person recompute finds the same introducers as the full one.

A mutual connection captured as "Jane Doe, PhD" and the user's own connection "Jane Doe" (from
the export, no profile URL) are one human. The per-person recompute loads connections by the
stored ``name_key``; the full one matches names in memory — both through
``linkedin.names.name_key``, so they agree.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from tests.support.app import migrated_engine
from topofmind.linkedin.names import name_key
from topofmind.services.suggestions import load_facts, recompute
from topofmind.store.models import (
    Connection,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
    Suggestion,
)

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture
def session(database_url):
    factory = sessionmaker(migrated_engine(database_url), expire_on_commit=False)
    with factory() as session:
        yield session
        session.rollback()


@pytest.fixture
def hiring_manager(session) -> Person:
    manager = Person(
        name="Hana Hiring",
        name_key=name_key("Hana Hiring"),
        degree=2,
        company="Acme",
        created_at=NOW,
        updated_at=NOW,
    )
    role = Opportunity(company="Acme", title="Staff Engineer", stage="applied", created_at=NOW)
    session.add_all([manager, role])
    session.flush()
    session.add(
        OpportunityPerson(opportunity_id=role.id, person_id=manager.id, role="hiring_manager")
    )
    session.add(
        MutualConnection(
            person_id=manager.id,
            name="Jane Doe, PhD",
            name_key=name_key("Jane Doe, PhD"),
            seen_at=NOW,
        )
    )
    session.add(
        Connection(
            identity_key=f"name:{name_key('Jane Doe')}",
            name="Jane Doe",
            name_key=name_key("Jane Doe"),
            company="Globex",
            source="import",
        )
    )
    session.flush()
    return manager


def _introducers(facts, person_id: int) -> list[str | None]:
    return [
        found.name if (found := facts.connection_for_mutual(mutual)) else None
        for mutual in facts.mutuals_of(person_id)
    ]


def test_per_person_and_full_facts_find_the_same_introducer(session, hiring_manager):
    everyone = load_facts(session, NOW)
    one = load_facts(session, NOW, [hiring_manager.id])
    assert _introducers(one, hiring_manager.id) == ["Jane Doe"]
    assert _introducers(everyone, hiring_manager.id) == ["Jane Doe"]


def test_per_person_and_full_recompute_store_the_same_suggestions(session, hiring_manager):
    def stored():
        return sorted(
            (row.key, row.kind, row.reason, row.due_at)
            for row in session.scalars(
                select(Suggestion).where(Suggestion.person_id == hiring_manager.id)
            )
        )

    recompute(session, NOW, [hiring_manager.id])
    session.flush()
    per_person = stored()
    assert any(kind == "ask_intro" for _key, kind, _reason, _due in per_person)
    recompute(session, NOW)
    session.flush()
    assert stored() == per_person
