"""The user's data in open formats: one JSON document of everything, and contacts as CSV.

Unlike a backup (``services.backup``), an export is for people and other tools: it leaves out
the raw capture HTML and the app's internal bookkeeping, and CSV cells that a spreadsheet would
run as a formula are escaped.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import __version__
from ..linkedin.export import escape_spreadsheet_cell
from ..store.models import Base, CadenceSnapshot, Person
from .rows import rows_affected
from .views import person_stages

# Internal state, not the user's data: job leases and the cached cadence figures (recomputed).
SKIPPED_TABLES = {"job_lock", "cadence_snapshot", "merge_record", "auth_secret"}
SKIPPED_COLUMNS = {"capture": {"html_gz"}}

CONTACT_COLUMNS = (
    "id",
    "name",
    "headline",
    "title",
    "company",
    "location",
    "profile_url",
    "public_id",
    "degree",
    "followers",
    "mutual_count",
    "tags",
    "do_not_contact",
    "tracked",
    "time_zone",
    "notes",
    "stage",
    "cadence_status",
    "last_outbound_at",
    "last_inbound_at",
    "created_at",
    "updated_at",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def export_data(session: Session, now: datetime) -> dict:
    """Everything the user stored, one list of rows per table (``GET /api/export.json``)."""
    document: dict[str, Any] = {
        "format": "topofmind-export",
        "app_version": __version__,
        "exported_at": now.isoformat(),
    }
    for table in Base.metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        skipped = SKIPPED_COLUMNS.get(table.name, set())
        columns = [column for column in table.columns if column.name not in skipped]
        rows = session.execute(select(*columns).order_by(*table.primary_key.columns)).mappings()
        document[table.name] = [
            {column.name: _plain(row[column.name]) for column in columns} for row in rows
        ]
    return document


def escape_cell(value: Any) -> str:
    """A CSV cell that no spreadsheet evaluates: text starting like a formula gets a ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return escape_spreadsheet_cell(str(value))


def contacts_csv(session: Session) -> str:
    """Every person as one CSV row (``GET /api/export/contacts.csv``), formula cells escaped."""
    people = list(session.scalars(select(Person).order_by(Person.id)))
    stages = person_stages(session, [person.id for person in people]) if people else {}
    cadence = {
        snapshot.person_id: snapshot for snapshot in session.scalars(select(CadenceSnapshot))
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CONTACT_COLUMNS)
    for person in people:
        snapshot = cadence.get(person.id)
        row = {
            column: getattr(person, column, None)
            for column in CONTACT_COLUMNS
            if hasattr(Person, column)
        }
        row["tags"] = "; ".join(person.tags or [])
        row["stage"] = stages.get(person.id, "networking")
        row["cadence_status"] = snapshot.status if snapshot else None
        row["last_outbound_at"] = snapshot.last_outbound_at if snapshot else None
        row["last_inbound_at"] = snapshot.last_inbound_at if snapshot else None
        writer.writerow([escape_cell(row.get(column)) for column in CONTACT_COLUMNS])
    return out.getvalue()


# Settings survive "delete everything": they are the user's preferences, not their data; the job
# leases belong to the running server.
KEPT_ON_DELETE = {"setting", "job_lock", "auth_secret"}


def delete_everything(session: Session) -> int:
    """Delete all stored data but the settings; returns the number of rows removed."""
    removed = 0
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in KEPT_ON_DELETE:
            continue
        removed += rows_affected(session, delete(table))
    session.flush()
    return removed
