"""merge_people / undo_merge on a full graph: every row moves over and exactly those move back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from tests.support.app import migrated_engine
from topofmind.errors import InvalidState
from topofmind.services.merging import merge_people, propose_duplicates, undo_merge
from topofmind.store.models import (
    Capture,
    Connection,
    Interaction,
    Interview,
    InterviewInterviewer,
    MergeRecord,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
    PersonFieldChange,
    Post,
    ShareItem,
    ShareSent,
    Suggestion,
)

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture
def session(database_url):
    factory = sessionmaker(migrated_engine(database_url), expire_on_commit=False)
    with factory() as session:
        yield session


def person(session, name, **fields):
    row = Person(name=name, name_key=name.casefold(), created_at=NOW, updated_at=NOW, **fields)
    session.add(row)
    session.flush()
    return row


def owners(session, model, column="person_id"):
    return dict(session.execute(select(model.id, getattr(model, column))).all())


def build_graph(session):
    keep = person(session, "Jane Doe", public_id="jane-doe", company="Acme")
    other = person(
        session, "Jane Doe", member_urn="ACoAAB123", title="CTO", tags=["hiring manager"]
    )
    third = person(session, "Bob Smith", public_id="bob")
    opportunity = Opportunity(company="Acme", title="Staff Engineer")
    session.add(opportunity)
    session.flush()
    interview = Interview(
        opportunity_id=opportunity.id, starts_at=NOW, ends_at=NOW + timedelta(hours=1)
    )
    item = ShareItem(title="An article")
    session.add_all([interview, item])
    session.flush()
    for who, day in ((keep, 1), (other, 2), (other, 3)):
        session.add(
            Interaction(
                person_id=who.id,
                kind="message",
                occurred_at=NOW - timedelta(days=day),
                external_key=f"li-msg:{who.id}:{day}",
                source="import",
            )
        )
    session.add_all(
        [
            PersonFieldChange(person_id=other.id, field="company", old_value="A", new_value="B"),
            Post(urn="urn:li:activity:1", person_id=other.id),
            Capture(
                id="cap-1",
                url="https://www.linkedin.com/in/x/",
                captured_at=NOW,
                person_id=other.id,
            ),
            Connection(
                identity_key="https://www.linkedin.com/in/x/",
                name="Jane Doe",
                name_key="jane doe",
                person_id=other.id,
            ),
            # The same mutual seen on both profiles (clash) and one only on the other's.
            MutualConnection(person_id=keep.id, name="Ann", name_key="ann"),
            MutualConnection(person_id=other.id, name="Ann", name_key="ann"),
            MutualConnection(person_id=other.id, name="Ben", name_key="ben"),
            MutualConnection(
                person_id=third.id, name="Jane Doe", name_key="jane doe", mutual_person_id=other.id
            ),
            OpportunityPerson(opportunity_id=opportunity.id, person_id=keep.id, role="recruiter"),
            OpportunityPerson(opportunity_id=opportunity.id, person_id=other.id, role="other"),
            InterviewInterviewer(interview_id=interview.id, person_id=other.id, topics=["sql"]),
            ShareSent(share_item_id=item.id, person_id=other.id, sent_at=NOW),
            Suggestion(
                key=f"keep_warm:person={keep.id}",
                kind="keep_warm",
                person_id=keep.id,
                reason="r",
                due_at=NOW,
            ),
            Suggestion(
                key=f"keep_warm:person={other.id}",
                kind="keep_warm",
                person_id=other.id,
                reason="r",
                due_at=NOW,
                status="dismissed",
            ),
            Suggestion(
                key=f"thank_you:person={other.id}:interview={interview.id}",
                kind="thank_you",
                person_id=other.id,
                reason="r",
                due_at=NOW,
                status="done",
            ),
        ]
    )
    session.flush()
    return keep, other, third


def test_merge_moves_everything_and_undo_moves_exactly_it_back(session):
    keep, other, third = build_graph(session)
    keep_id, other_id = keep.id, other.id
    before = {
        model: owners(session, model)
        for model in (
            Interaction,
            PersonFieldChange,
            Post,
            Capture,
            Connection,
            OpportunityPerson,
            InterviewInterviewer,
            ShareSent,
        )
    }
    mutuals_before = {
        (row.person_id, row.name_key, row.mutual_person_id)
        for row in session.scalars(select(MutualConnection))
    }
    history = {
        (row.key, row.status)
        for row in session.scalars(select(Suggestion).where(Suggestion.status != "open"))
    }
    interactions = session.scalar(select(func.count(Interaction.id)))

    record = merge_people(session, keep_id, other_id, NOW)

    assert session.get(Person, other_id) is None
    assert session.scalar(select(func.count(Interaction.id))) == interactions
    assert set(owners(session, Interaction).values()) == {keep_id}
    for model in (PersonFieldChange, Post, Capture, Connection, InterviewInterviewer, ShareSent):
        assert set(owners(session, model).values()) == {keep_id}, model
    assert set(owners(session, OpportunityPerson).values()) == {keep_id}
    assert len(owners(session, OpportunityPerson)) == 1
    mutual_rows = session.scalars(select(MutualConnection)).all()
    assert sorted((m.person_id, m.name_key) for m in mutual_rows if m.person_id == keep_id) == [
        (keep_id, "ann"),
        (keep_id, "ben"),
    ]
    assert {m.mutual_person_id for m in mutual_rows if m.person_id == third.id} == {keep_id}
    keys = set(session.scalars(select(Suggestion.key)))
    assert f"keep_warm:person={other_id}" not in keys
    assert any(key.startswith(f"thank_you:person={keep_id}:") for key in keys)
    merged = session.get(Person, keep_id)
    assert (merged.public_id, merged.member_urn) == ("jane-doe", "ACoAAB123")
    assert (merged.title, merged.company, merged.tags) == ("CTO", "Acme", ["hiring manager"])

    undo_merge(session, record.id, NOW)

    restored = session.get(Person, other_id)
    assert restored is not None and restored.member_urn == "ACoAAB123"
    assert restored.title == "CTO" and restored.tags == ["hiring manager"]
    kept = session.get(Person, keep_id)
    assert (kept.member_urn, kept.title, kept.tags) == (None, None, [])
    assert session.scalar(select(func.count(Interaction.id))) == interactions
    assert owners(session, Interaction) == before[Interaction]
    for model in (PersonFieldChange, Post, Capture, Connection):
        assert owners(session, model) == before[model], model
    # Rows that clashed were recreated: same owners and content, possibly new ids.
    for model in (OpportunityPerson, InterviewInterviewer, ShareSent):
        assert sorted(owners(session, model).values()) == sorted(before[model].values()), model
    assert {
        (row.person_id, row.name_key, row.mutual_person_id)
        for row in session.scalars(select(MutualConnection))
    } == mutuals_before
    assert history <= {(row.key, row.status) for row in session.scalars(select(Suggestion))}
    assert session.get(MergeRecord, record.id).undone_at == NOW
    with pytest.raises(InvalidState):
        undo_merge(session, record.id, NOW)


def test_propose_duplicates_pairs_same_name_and_company(session):
    a = person(session, "Jane Doe", public_id="jane-doe", company="Acme")
    b = person(session, "Dr. Jane Doe", company="Acme Inc")
    c = person(session, "Jane Doe", public_id="jane-doe-2", company="Acme")
    person(session, "Jane Doe", company="Globex", tracked=False)
    pairs = propose_duplicates(session)
    # Two different vanity ids are two people; the one without an id may be either of them.
    assert [(p["a"]["id"], p["b"]["id"]) for p in pairs] == [(a.id, b.id), (b.id, c.id)]
    assert pairs[0]["reasons"][0] == "Same name: Jane Doe"
