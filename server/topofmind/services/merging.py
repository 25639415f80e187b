"""Duplicate people: propose pairs, merge one into the other, undo a merge.

A merge keeps one person and moves everything about the other onto it (interactions, posts,
opportunity and interview links, mutual connections, suggestions, captures, field history,
connections, shares sent), fills the kept person's empty fields, then deletes the other. A
`MergeRecord` holds a snapshot of the deleted person and the ids of exactly what moved, so an undo
recreates the person (with the same id when it is free) and moves those rows back. Where the kept
person already had the same row (the same opportunity, interview, mutual, suggestion key or
shared item), the other's copy is deleted and kept in the record so the undo can recreate it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Date, delete, inspect, select, update
from sqlalchemy.orm import Session

from ..domain.duplicates import find_near_duplicates
from ..errors import InvalidInput, InvalidState, NotFound
from ..store.models import (
    Base,
    CadenceSnapshot,
    Capture,
    Connection,
    Interaction,
    InterviewInterviewer,
    MergeRecord,
    MutualConnection,
    OpportunityPerson,
    Person,
    PersonFieldChange,
    Post,
    ShareSent,
    Suggestion,
)
from ..store.types import UTCDateTime
from .people import get_person
from .unit_of_work import touch, unit_of_work

__all__ = ["merge_people", "merge_view", "propose_duplicates", "undo_merge"]

# Rows that simply change owner: (record name, model, column).
_PLAIN_MOVES: tuple[tuple[str, type[Base], str], ...] = (
    ("interaction", Interaction, "person_id"),
    ("person_field_change", PersonFieldChange, "person_id"),
    ("post", Post, "person_id"),
    ("capture", Capture, "person_id"),
    ("connection", Connection, "person_id"),
    ("mutual_of", MutualConnection, "mutual_person_id"),
    ("merge_record", MergeRecord, "kept_person_id"),
)
_Row = TypeVar("_Row", bound=Base)
_UniqueModel = (
    type[OpportunityPerson] | type[InterviewInterviewer] | type[MutualConnection] | type[ShareSent]
)
# Rows unique per (scope, person): (record name, model, the column that must not clash).
_UNIQUE_MOVES: tuple[tuple[str, _UniqueModel, str], ...] = (
    ("opportunity_person", OpportunityPerson, "opportunity_id"),
    ("interview_interviewer", InterviewInterviewer, "interview_id"),
    ("mutual_connection", MutualConnection, "name_key"),
    ("share_sent", ShareSent, "share_item_id"),
)
_MODELS: dict[str, type[Base]] = {
    "opportunity_person": OpportunityPerson,
    "interview_interviewer": InterviewInterviewer,
    "mutual_connection": MutualConnection,
    "share_sent": ShareSent,
    "suggestion": Suggestion,
}
_FILLABLE = (
    "headline",
    "title",
    "company",
    "location",
    "time_zone",
    "degree",
    "followers",
    "mutual_count",
    "notes",
    "last_captured_at",
)
_IDENTITY = ("public_id", "member_urn", "profile_url")


def _person_summary(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "company": person.company,
        "title": person.title,
        "profile_url": person.profile_url,
        "public_id": person.public_id,
    }


def propose_duplicates(session: Session) -> list[dict[str, Any]]:
    """Pairs of tracked people who are probably one human, best first: `{a, b, score, reasons}`."""
    people = list(
        session.scalars(select(Person).where(Person.tracked.is_(True)).order_by(Person.id))
    )
    by_id = {person.id: person for person in people}
    return [
        {
            "a": _person_summary(by_id[candidate.a_id]),
            "b": _person_summary(by_id[candidate.b_id]),
            "score": candidate.score,
            "reasons": list(candidate.reasons),
        }
        for candidate in find_near_duplicates(people)
    ]


def _dump(row: Base) -> dict[str, Any]:
    data = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        data[column.key] = value
    return data


def _load(model: type[_Row], data: dict[str, Any]) -> _Row:
    values = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None and isinstance(column.type, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        values[column.key] = value
    return model(**values)


def _move_unique(
    session: Session, model: _UniqueModel, scope: str, keep_id: int, other_id: int
) -> tuple[list[int], list[dict[str, Any]]]:
    """Give ``other_id``'s rows of ``model`` to ``keep_id``; where the kept person already has
    the same ``scope`` value, delete the other's row instead. Returns (moved ids, deleted rows)."""
    scope_column = getattr(model, scope)
    taken = set(session.scalars(select(scope_column).where(model.person_id == keep_id)))
    moved: list[int] = []
    deleted: list[dict[str, Any]] = []
    for row_id, value in session.execute(
        select(model.id, scope_column).where(model.person_id == other_id)
    ).all():
        if value in taken:
            row = session.get_one(model, row_id)
            deleted.append(_dump(row))
            session.delete(row)
        else:
            moved.append(row_id)
    if moved:
        session.execute(
            update(model).where(model.id.in_(moved)).values(person_id=keep_id),
            execution_options={"synchronize_session": False},
        )
    return moved, deleted


def _suggestion_key(key: str, old_id: int, new_id: int) -> str:
    return key.replace(f"person={old_id}:", f"person={new_id}:").replace(
        f"person={old_id}", f"person={new_id}"
    )


@unit_of_work
def merge_people(session: Session, keep_id: int, other_id: int, now: datetime) -> MergeRecord:
    """Merge person `other_id` into `keep_id` and delete it; returns the `MergeRecord`.

    Raises `NotFound` for an unknown id and `InvalidInput` when both ids are the same.
    """
    if keep_id == other_id:
        raise InvalidInput("A person cannot be merged into themselves.", {"other_id": ["Same id."]})
    kept = get_person(session, keep_id)
    other = session.get(Person, other_id)
    if other is None:
        raise NotFound(f"No person with id {other_id}.", {"other_id": ["Unknown person."]})
    session.flush()
    moved: dict[str, Any] = {"deleted": {}, "filled": {}, "tags_added": []}

    for name, model, column in _PLAIN_MOVES:
        attribute = getattr(model, column)
        primary = inspect(model).primary_key[0]
        ids = list(session.scalars(select(primary).where(attribute == other_id)))
        moved[name] = ids
        if ids:
            session.execute(
                update(model).where(primary.in_(ids)).values({column: keep_id}),
                execution_options={"synchronize_session": False},
            )

    for name, model, scope in _UNIQUE_MOVES:
        moved[name], moved["deleted"][name] = _move_unique(session, model, scope, keep_id, other_id)

    kept_keys = set(session.scalars(select(Suggestion.key).where(Suggestion.person_id == keep_id)))
    moved["suggestion"] = []
    moved["deleted"]["suggestion"] = []
    for suggestion in session.scalars(select(Suggestion).where(Suggestion.person_id == other_id)):
        new_key = _suggestion_key(suggestion.key, other_id, keep_id)
        if new_key in kept_keys:
            moved["deleted"]["suggestion"].append(_dump(suggestion))
            session.delete(suggestion)
            continue
        moved["suggestion"].append({"id": suggestion.id, "key": suggestion.key})
        suggestion.key = new_key
        suggestion.person_id = keep_id
        kept_keys.add(new_key)

    snapshot = _dump(other)
    for field in _FILLABLE:
        if getattr(kept, field) in (None, "") and getattr(other, field) not in (None, ""):
            moved["filled"][field] = getattr(kept, field)
            setattr(kept, field, getattr(other, field))
    added_tags = [tag for tag in other.tags or [] if tag not in (kept.tags or [])]
    if added_tags:
        kept.tags = [*(kept.tags or []), *added_tags]
        moved["tags_added"] = added_tags
    identity = {
        field: getattr(other, field)
        for field in _IDENTITY
        if getattr(kept, field) is None and getattr(other, field) is not None
    }
    session.execute(delete(CadenceSnapshot).where(CadenceSnapshot.person_id == other_id))
    session.flush()
    session.expire_all()
    session.delete(session.get_one(Person, other_id))
    session.flush()
    kept = session.get_one(Person, keep_id)
    for field, value in identity.items():
        moved["filled"][field] = None
        setattr(kept, field, value)
    kept.updated_at = now
    record = MergeRecord(
        kept_person_id=keep_id, merged_snapshot=snapshot, moved=moved, created_at=now
    )
    session.add(record)
    session.flush()
    touch(session, [keep_id])
    return record


@unit_of_work
def undo_merge(session: Session, merge_id: int, now: datetime) -> MergeRecord:
    """Recreate the merged person and move exactly the rows the merge moved back.

    The person gets their original id when no one holds it. Raises `NotFound` for an unknown
    merge and `InvalidState` when it was already undone.
    """
    record = session.get(MergeRecord, merge_id)
    if record is None:
        raise NotFound(f"No merge with id {merge_id}.")
    if record.undone_at is not None:
        raise InvalidState("This merge was already undone.")
    keep_id = record.kept_person_id
    moved = record.moved
    kept = get_person(session, keep_id)
    snapshot = dict(record.merged_snapshot)

    for field, old in moved.get("filled", {}).items():
        if field in _IDENTITY and getattr(kept, field) == snapshot.get(field):
            setattr(kept, field, old)
        elif field not in _IDENTITY:
            setattr(kept, field, old)
    if moved.get("tags_added"):
        kept.tags = [tag for tag in kept.tags or [] if tag not in moved["tags_added"]]
    session.flush()

    if session.get(Person, snapshot["id"]) is not None:
        snapshot.pop("id")
    person = _load(Person, snapshot)
    session.add(person)
    session.flush()
    other_id = person.id

    for name, model, column in _PLAIN_MOVES:
        ids = moved.get(name) or []
        primary = inspect(model).primary_key[0]
        for chunk in _chunks(ids):
            session.execute(
                update(model)
                .where(primary.in_(chunk), getattr(model, column) == keep_id)
                .values({column: other_id}),
                execution_options={"synchronize_session": False},
            )
    for name, model, _scope in _UNIQUE_MOVES:
        for chunk in _chunks(moved.get(name) or []):
            session.execute(
                update(model)
                .where(model.id.in_(chunk), model.person_id == keep_id)
                .values(person_id=other_id),
                execution_options={"synchronize_session": False},
            )
    for item in moved.get("suggestion") or []:
        session.execute(
            update(Suggestion)
            .where(Suggestion.id == item["id"], Suggestion.person_id == keep_id)
            .values(
                person_id=other_id,
                key=_suggestion_key(item["key"], record.merged_snapshot["id"], other_id),
            ),
            execution_options={"synchronize_session": False},
        )
    for name, rows in (moved.get("deleted") or {}).items():
        model = _MODELS[name]
        for data in rows:
            data = dict(data)
            if session.get(model, data["id"]) is not None:
                data.pop("id")
            data["person_id"] = other_id
            if name == "suggestion":
                data["key"] = _suggestion_key(data["key"], record.merged_snapshot["id"], other_id)
            session.add(_load(model, data))
    record.undone_at = now
    session.flush()
    session.expire_all()
    touch(session, [keep_id, other_id])
    return session.get_one(MergeRecord, merge_id)


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def merge_view(record: MergeRecord) -> dict[str, Any]:
    moved = record.moved or {}
    counts = {
        name: len(value)
        for name, value in moved.items()
        if isinstance(value, list) and value and name != "tags_added"
    }
    deleted = {name: len(rows) for name, rows in (moved.get("deleted") or {}).items() if rows}
    return {
        "id": record.id,
        "kept_person_id": record.kept_person_id,
        "merged_person": {
            key: record.merged_snapshot.get(key)
            for key in ("id", "name", "company", "title", "profile_url", "public_id")
        },
        "moved": counts,
        "replaced": deleted,
        "filled": sorted(moved.get("filled") or {}),
        "created_at": record.created_at,
        "undone_at": record.undone_at,
    }
