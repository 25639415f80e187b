"""Export everything (JSON, people as CSV) and delete everything: the settings page's data tools.

A small adapter kept in the web layer until a ``services.backup`` exists; it reads and deletes
through the store's models only.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..store.models import (
    Base,
    CadenceSnapshot,
    Capture,
    JobLock,
    Person,
    Setting,
)

# Raw HTML is large and can be re-captured; the export keeps everything a person would read.
SKIPPED_COLUMNS = {Capture.__tablename__: {"html_gz"}}
KEPT_ON_DELETE = {Setting.__tablename__, JobLock.__tablename__}
PEOPLE_COLUMNS = (
    "id",
    "name",
    "headline",
    "title",
    "company",
    "location",
    "profile_url",
    "degree",
    "tags",
    "do_not_contact",
    "notes",
    "created_at",
    "updated_at",
)
CADENCE_COLUMNS = ("status", "last_touch_at", "touches_30d", "warmth", "next_due_at")


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def export_all(session: Session) -> dict:
    """Every table as a list of row dicts (raw capture HTML left out)."""
    tables = {}
    for table in Base.metadata.sorted_tables:
        skipped = SKIPPED_COLUMNS.get(table.name, set())
        columns = [column for column in table.columns if column.name not in skipped]
        rows = session.execute(select(*columns).order_by(*table.primary_key.columns))
        tables[table.name] = [
            {column.name: _plain(value) for column, value in zip(columns, row, strict=True)}
            for row in rows
        ]
    return {"format": "topofmind-export", "version": 1, "tables": tables}


def people_csv(session: Session) -> str:
    """Tracked people with their cadence figures, one row each."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PEOPLE_COLUMNS + CADENCE_COLUMNS)
    rows = session.execute(
        select(Person, CadenceSnapshot)
        .outerjoin(CadenceSnapshot, CadenceSnapshot.person_id == Person.id)
        .order_by(Person.name_key, Person.id)
    )
    for person, cadence in rows:
        values = []
        for column in PEOPLE_COLUMNS:
            value = getattr(person, column)
            values.append("; ".join(value) if column == "tags" else _plain(value))
        for column in CADENCE_COLUMNS:
            values.append(_plain(getattr(cadence, column)) if cadence else None)
        writer.writerow(["" if value is None else _csv_safe(value) for value in values])
    return out.getvalue()


def _csv_safe(value):
    # A cell starting with = + - @ runs as a formula in spreadsheets; captured text is untrusted.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def delete_everything(session: Session) -> int:
    """Delete all stored data but the settings; returns the number of rows removed."""
    removed = 0
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in KEPT_ON_DELETE:
            continue
        removed += session.execute(delete(table)).rowcount or 0
    session.flush()
    return removed
