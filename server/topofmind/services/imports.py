"""Import the user's LinkedIn data export into their network, idempotently and in bounded memory.

`import_linkedin_export` streams each file of the export through `linkedin.export.iter_export`
and writes in batches: existing rows are looked up by their identity key a chunk at a time,
new rows go in with one bulk INSERT, changed ones with one bulk UPDATE. Nothing is committed
here (the request or the CLI command commits). Re-importing the same or a newer export adds only
what is new and reports the rest as updated or unchanged.

What lands where:
- `Connections.csv` → `Connection` (identity: canonical profile URL, else `name:<name key>`),
  linked to a tracked `Person` with the same vanity id or member id.
- `messages.csv` → per-counterpart statistics on `Connection`; for tracked people only, one
  `Interaction` per message (`message` outbound, `inbound_reply` inbound) keyed by
  `external_key`. Bodies are kept only when asked (`keep_bodies` or the `keep_message_bodies`
  setting).
- `Invitations.csv` → `Invitation`; `Shares*.csv` → `OwnPost`; `Comments*.csv` → `comment`
  interactions on stored posts of tracked people; recommendations and endorsements → counts on
  `Connection`; `Events.csv` → `Event` (the people met there are added on the event page).
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy import JSON, Column, Integer, MetaData, Table, Text, bindparam, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..domain.duplicates import is_member_urn_id, public_id_from_url
from ..errors import InvalidInput
from ..linkedin.export import (
    CommentRow,
    ConnectionRow,
    ExportError,
    ExportFile,
    MessageRow,
    ShareRow,
    SkippedRow,
    ThreadStats,
    canonical_profile_url,
    classify_member_name,
    guess_self,
    iter_export,
    summarise_messages,
)
from ..store.models import (
    Base,
    Connection,
    Event,
    Interaction,
    Invitation,
    MutualConnection,
    OwnPost,
    Person,
    Post,
)
from ..store.types import UTCDateTime
from .events import event_key
from .people import name_key
from .settings import get_settings
from .unit_of_work import touch, unit_of_work

__all__ = ["MAX_SKIPPED", "import_linkedin_export"]

BATCH = 1000
# With a checkpoint (``import_in_batches``), what is written so far is committed this often, so
# the write lock is held for at most this many rows at a time (issue 15).
CHECKPOINT_ROWS = 100
PROGRESS_EVERY = 5000
# Enough to show what went wrong; the total is reported beside the list.
MAX_SKIPPED = 1000
SPILL_PAGE = 5000  # spilled message rows read back at a time
SELF_GUESS_CONVERSATIONS = 50
SELF_GUESS_ROWS = 20_000
OUTCOMES = ("added", "updated", "unchanged", "ignored")
TIE_KINDS = frozenset(
    {
        "recommendations_received",
        "recommendations_given",
        "endorsements_received",
        "endorsements_given",
    }
)

Source = str | os.PathLike[str] | IO[bytes]


def _cut(value: str | None, length: int) -> str | None:
    return value[:length] if value else value


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()


def _chunks(values: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


def _bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    # Core executemany: the ORM's bulk path costs several times more per row for nothing here.
    if rows:
        session.execute(_table(model).insert(), rows)


def _bulk_update(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Update rows by `id`; every dict carries the same keys."""
    if not rows:
        return
    table = _table(model)
    columns = [key for key in rows[0] if key != "id"]
    statement = (
        table.update()
        .where(table.c.id == bindparam("_id"))
        .values({column: bindparam(f"_{column}") for column in columns})
    )
    session.execute(statement, [{f"_{key}": value for key, value in row.items()} for row in rows])


def connection_identity(profile_url: str | None, name: str | None) -> str | None:
    """The key a connection is matched on: its canonical profile URL, else `name:<name key>`."""
    if profile_url:
        return profile_url
    key = name_key(name)
    return f"name:{key}" if key else None


class _Import:
    """State of one import run: report, progress, tracked people, aggregates applied at the end."""

    def __init__(
        self,
        session: Session,
        now: datetime,
        progress: Callable[[str], None] | None,
        keep_bodies: bool,
        checkpoint: Callable[[], None] | None = None,
    ) -> None:
        self.session = session
        self.checkpoint = checkpoint
        self.now = now
        self.progress = progress
        self.keep_bodies = keep_bodies
        self.counts: dict[str, Counter[str]] = {}
        self.skipped: list[dict[str, Any]] = []
        self.skipped_total = 0
        self.notes: list[str] = []
        self.encodings: dict[str, str] = {}
        self.files: list[str] = []
        self.rows_read = 0
        # file name -> its own report; ``current`` is the file being read (None afterwards)
        self.by_file: dict[str, dict[str, Any]] = {}
        self.current: dict[str, Any] | None = None
        self.affected: set[int] = set()
        self.self_identities: list[str] = []
        self.spilling = False
        # connection identity key or "name:<key>" -> [recommendations, endorsements]
        self.ties: dict[str, list[int]] = {}
        self.seen_external: set[str] = set()
        self._load_people()

    def _load_people(self) -> None:
        self.by_public_id: dict[str, int] = {}
        self.by_member_urn: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        rows = self.session.execute(
            select(Person.id, Person.public_id, Person.member_urn, Person.name_key).where(
                Person.tracked.is_(True)
            )
        )
        for person_id, public_id, member_urn, key in rows:
            if public_id:
                self.by_public_id[public_id.casefold()] = person_id
            if member_urn:
                self.by_member_urn[member_urn] = person_id
            if key:
                self.by_name.setdefault(key, []).append(person_id)

    def person_for_url(self, url: str | None) -> int | None:
        """The tracked person behind a canonical profile URL (as the export reader gives them)."""
        if not url or not (self.by_public_id or self.by_member_urn):
            return None
        profile_id = public_id_from_url(url)
        if not profile_id:
            return None
        if is_member_urn_id(profile_id):
            return self.by_member_urn.get(profile_id)
        return self.by_public_id.get(profile_id.casefold())

    def person_for(self, name: str | None, url: str | None) -> int | None:
        """A tracked person by profile URL; by name only when no URL is known and it is unique."""
        if url:
            return self.person_for_url(url)
        matches = self.by_name.get(name_key(name), [])
        return matches[0] if len(matches) == 1 else None

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += n
        report = self.current or self._report_of_kind(kind)
        if report is not None:
            report[outcome] += n

    def _report_of_kind(self, kind: str) -> dict[str, Any] | None:
        """The file a count made after every file was read belongs to (message statistics come
        from the messages file, ties from the recommendation and endorsement files)."""
        source_kind = "messages" if kind == "message_stats" else kind
        for report in self.by_file.values():
            if report["kind"] == source_kind or (kind == "ties" and report["kind"] in TIE_KINDS):
                return report
        return None

    def open_file(self, export_file: ExportFile) -> None:
        """Start the report of one recognised file."""
        self.files.append(export_file.name)
        report: dict[str, Any] = {
            "name": export_file.name,
            "kind": export_file.kind,
            "recognised": True,
            "rows": 0,
            **{outcome: 0 for outcome in OUTCOMES},
            "skipped": 0,
            "reasons": Counter(),
            "encoding": None,
        }
        self.by_file[export_file.name] = report
        self.current = report

    def file_reports(self, unrecognised: list[str]) -> list[dict[str, Any]]:
        """One entry per file: recognised ones with their counts, then the ones not read."""
        reports = []
        for report in self.by_file.values():
            reasons = report["reasons"]
            reports.append(
                {
                    **report,
                    "encoding": self.encodings.get(report["name"]),
                    "reasons": [
                        {"reason": reason, "count": count}
                        for reason, count in reasons.most_common(5)
                    ],
                }
            )
        for name in unrecognised:
            reports.append(
                {
                    "name": name,
                    "kind": None,
                    "recognised": False,
                    "rows": 0,
                    "skipped": 0,
                    **{outcome: 0 for outcome in OUTCOMES},
                    "reasons": [],
                    "encoding": None,
                }
            )
        return reports

    def skip(self, file: str, row: int, reason: str) -> None:
        self.skipped_total += 1
        report = self.by_file.get(file) or self.current
        if report is not None:
            report["skipped"] += 1
            report["reasons"][reason] += 1
        if len(self.skipped) < MAX_SKIPPED:
            self.skipped.append({"file": file, "row": row, "reason": reason})

    def tick(self, file: str) -> None:
        self.rows_read += 1
        if self.current is not None:
            self.current["rows"] += 1
        if self.progress and self.rows_read % PROGRESS_EVERY == 0:
            self.progress(f"{self.rows_read} rows read ({file})")

    def rows(self, export_file: ExportFile) -> Iterator[Any]:
        """The file's usable rows; skipped ones go to the report."""
        for row in export_file.rows:
            self.tick(export_file.name)
            if self.checkpoint is not None and self.rows_read % CHECKPOINT_ROWS == 0:
                self.checkpoint()
            if isinstance(row, SkippedRow):
                self.skip(row.file, row.row, row.reason)
            else:
                yield row

    def note_encoding(self, export_file: ExportFile) -> None:
        """Say which encoding a file was read in, and warn when it was not UTF-8 (a file saved
        again by a spreadsheet): the user can check the names came through (issue 15)."""
        encoding = export_file.read_as.get("encoding")
        if encoding is None:
            return
        self.encodings[export_file.name] = encoding
        if encoding not in ("utf-8", "utf-8-sig"):
            self.notes.append(
                f"{export_file.name} was not UTF-8 as LinkedIn writes it; it was read as "
                f"{encoding}. Check that accented names look right."
            )

    def report(self, unrecognised: list[str] | None = None) -> dict[str, Any]:
        totals = {outcome: 0 for outcome in OUTCOMES}
        for counter in self.counts.values():
            for outcome in OUTCOMES:
                totals[outcome] += counter[outcome]
        return {
            "added": totals["added"],
            "updated": totals["updated"],
            "unchanged": totals["unchanged"],
            "ignored": totals["ignored"],
            "skipped": self.skipped,
            "skipped_total": self.skipped_total,
            "by_kind": {
                kind: {outcome: counter[outcome] for outcome in OUTCOMES}
                for kind, counter in sorted(self.counts.items())
            },
            "rows_read": self.rows_read,
            "files": self.files,
            "notes": self.notes,
            "encodings": self.encodings,
            "file_reports": self.file_reports(unrecognised or []),
            "affected_person_ids": sorted(self.affected),
        }


@unit_of_work
def import_linkedin_export(
    session: Session,
    source: Source,
    filename: str | None,
    now: datetime,
    progress: Callable[[str], None] | None = None,
    keep_bodies: bool = False,
    checkpoint: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Import a LinkedIn export (`.zip`, its unzipped folder, or one of its CSVs).

    `source` is a path or a seekable binary file object named by `filename`. Returns
    `{added, updated, unchanged, ignored, skipped: [{file, row, reason}], skipped_total, by_kind,
    rows_read, files, notes, affected_person_ids}`: totals over every kind of record written, the
    same per kind in `by_kind` (connections, messages, message_stats, invitations, comments, shares,
    events, ties), at most `MAX_SKIPPED` skipped rows (`skipped_total` counts them all).
    `progress(text)` is called every 5,000 rows. Suggestions of the tracked people touched are
    recomputed. Flushes, never commits: but ``checkpoint()``, when given, is called every
    ``CHECKPOINT_ROWS`` rows read and may commit (``import_in_batches`` does).

    Raises `InvalidInput` (errors under `file`) when the export as a whole cannot be read: not a
    zip or CSV of the export, a zip bomb, an encrypted zip, a damaged member.
    """
    settings = get_settings(session)
    state = _Import(
        session, now, progress, keep_bodies or bool(settings["keep_message_bodies"]), checkpoint
    )
    if settings.get("user_name"):
        state.self_identities.append(settings["user_name"])
    try:
        state.self_identities[:0] = _guess_self(source, filename)
        unrecognised = unrecognised_members(source)
        for export_file in iter_export(source, filename, keep_bodies=state.keep_bodies):
            state.open_file(export_file)
            handler = _HANDLERS.get(export_file.kind)
            if handler is None:
                for _row in state.rows(export_file):
                    state.count(export_file.kind, "ignored")
                continue
            handler(state, export_file)
            state.note_encoding(export_file)
    except ExportError as error:
        raise InvalidInput(
            f"This file cannot be imported: {error}. {EXPORT_CONTENTS}", {"file": [str(error)]}
        ) from error
    if not state.files:
        shown = ", ".join(unrecognised[:10]) or "nothing"
        raise InvalidInput(
            f"{filename or 'The upload'} holds no file of LinkedIn's data export (found: "
            f"{shown}). {EXPORT_CONTENTS}",
            {"file": ["No recognised file."]},
        )
    state.current = None
    _summarise_spilled(state)
    _apply_ties(state)
    _link_mutuals(state)
    session.flush()
    touch(session, state.affected)
    if progress:
        progress(f"done: {state.rows_read} rows read")
    return state.report(unrecognised)


EXPORT_CONTENTS = (
    "LinkedIn's export holds Connections.csv, messages.csv, Invitations.csv, Shares.csv, "
    "Comments.csv, Events.csv, Recommendations_Received.csv, Recommendations_Given.csv, "
    "Endorsement_Received_Info.csv and Endorsement_Given_Info.csv; upload the .zip as "
    "LinkedIn sent it, or one of those files."
)


def unrecognised_members(source: Source) -> list[str]:
    """The files of an export .zip (or folder) the importer does not read, by name.

    Reading a zip's directory only; a single CSV, or anything that is not a zip, gives [].
    """
    names: list[str] = []
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if os.path.isdir(path):
            for folder, _dirs, files in os.walk(path):
                names += [
                    os.path.relpath(os.path.join(folder, name), path) for name in sorted(files)
                ]
            return [name for name in names if classify_member_name(name) is None]
        opened: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below
    else:
        if not source.seekable():
            return []
        opened = source
    start = opened.tell()
    try:
        with zipfile.ZipFile(opened) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        if opened is source:
            opened.seek(start)
        else:
            opened.close()
    return [name for name in names if classify_member_name(name) is None]


def _guess_self(source: Source, filename: str | None) -> list[str]:
    """The user's identity from a first pass over the messages (whoever is in most threads)."""
    if not isinstance(source, str | os.PathLike):
        if not source.seekable():
            return []
        start = source.tell()
    identities: list[str] = []
    try:
        for export_file in iter_export(source, filename):
            if export_file.kind == "messages":
                found = guess_self(_opening_messages(export_file.rows))
                if found:
                    identities.append(found)
    finally:
        if not isinstance(source, str | os.PathLike):
            source.seek(start)
    return identities


def _opening_messages(rows: Iterator[Any]) -> Iterator[MessageRow]:
    """Enough of the messages to tell who the user is: they are in every conversation, so the
    first few dozen conversations settle it without reading the whole file twice."""
    conversations: set[str | None] = set()
    for read, row in enumerate(rows):
        if len(conversations) >= SELF_GUESS_CONVERSATIONS or read >= SELF_GUESS_ROWS:
            return
        if isinstance(row, MessageRow):
            conversations.add(row.conversation_id)
            yield row


# ---------------------------------------------------------------------------------------------
# Connections
# ---------------------------------------------------------------------------------------------

_CONNECTION_FIELDS = ("name", "name_key", "profile_url", "public_id", "company", "position")


def _import_connections(state: _Import, export_file: ExportFile) -> None:
    batch: list[tuple[str, ConnectionRow]] = []
    # Repeats are looked for within the file only, so this goes when the file is done.
    seen: dict[int, int] = {}
    for row in state.rows(export_file):
        key = connection_identity(row.profile_url, row.name)
        if key is None or len(key) > 500:
            state.skip(export_file.name, row.row_number, "no usable name or profile URL")
            continue
        # A 64-bit digest instead of the key: half the memory over 50,000 rows, and a false
        # match needs a collision (about 1 in 10^10 at that size).
        digest = hash(key)
        first = seen.get(digest)
        if first is not None:
            reason = (
                f"same profile URL as row {first}"
                if row.profile_url
                else f"same name as row {first} and no profile URL to tell them apart"
            )
            state.skip(export_file.name, row.row_number, reason)
            continue
        seen[digest] = row.row_number
        batch.append((key, row))
        if len(batch) >= BATCH:
            _write_connections(state, batch)
            batch = []
    if batch:
        _write_connections(state, batch)


def _write_connections(state: _Import, batch: list[tuple[str, ConnectionRow]]) -> None:
    session = state.session
    existing = {
        row.identity_key: row
        for row in session.execute(
            select(
                Connection.id,
                Connection.identity_key,
                Connection.person_id,
                Connection.email,
                Connection.connected_on,
                Connection.source,
                *(getattr(Connection, field) for field in _CONNECTION_FIELDS),
            ).where(Connection.identity_key.in_([key for key, _ in batch]))
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for key, row in batch:
        name = row.name or row.public_id or key.rstrip("/").rsplit("/", 1)[-1]
        values: dict[str, Any] = {
            "name": _cut(name, 300),
            "name_key": _cut(name_key(name), 300),
            "profile_url": row.profile_url,
            "public_id": _cut(row.public_id, 200),
            "company": _cut(row.company, 300),
            "position": _cut(row.position, 300),
        }
        person_id = state.person_for_url(row.profile_url)
        old = existing.get(key)
        if old is None:
            inserts.append(
                {
                    **values,
                    "identity_key": key,
                    "person_id": person_id,
                    "email": _cut(row.email, 300),
                    "connected_on": row.connected_on,
                    "source": "import",
                    "created_at": state.now,
                    "updated_at": state.now,
                }
            )
            state.count("connections", "added")
            if person_id:
                state.affected.add(person_id)
            continue
        # A newer export is the truth for name, company and position; a blank e-mail or an
        # unreadable date says nothing, so the stored one stays.
        values["email"] = _cut(row.email, 300) or old.email
        values["connected_on"] = row.connected_on or old.connected_on
        values["person_id"] = person_id or old.person_id
        values["source"] = "import"
        if any(getattr(old, field) != value for field, value in values.items()):
            updates.append({"id": old.id, **values, "updated_at": state.now})
            state.count("connections", "updated")
            if values["person_id"]:
                state.affected.add(values["person_id"])
        else:
            state.count("connections", "unchanged")
    if inserts:
        _bulk_insert(session, Connection, inserts)
    if updates:
        _bulk_update(session, Connection, updates)


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------


def _self_matcher(identities: list[str]) -> Callable[[str | None, str | None], bool]:
    urls = {url for value in identities if (url := canonical_profile_url(value))}
    names = {name_key(value) for value in identities if not canonical_profile_url(value)}
    names.discard("")

    def is_self(name: str | None, url: str | None) -> bool:
        # Same rule as `summarise_messages`: a URL decides when both sides have one.
        if url and urls:
            return url in urls
        return name_key(name) in names

    return is_self


def _import_messages(state: _Import, export_file: ExportFile) -> None:
    if not state.self_identities:
        for _row in state.rows(export_file):
            state.count("messages", "ignored")
        state.notes.append(
            f"{export_file.name}: could not tell which side of the conversations is you; set "
            "your name in Settings and import again to count messages."
        )
        return
    is_self = _self_matcher(state.self_identities)
    pending: list[dict[str, Any]] = []
    spill: list[dict[str, Any]] = []
    occurrences: Counter[str] = Counter()
    table = _spill_table(state)
    for row in state.rows(export_file):
        if row.is_draft:
            continue
        if row.sent_at is not None:
            _message_interactions(state, row, row.sent_at, is_self, pending, occurrences)
            if len(pending) >= BATCH:
                _write_interactions(state, "messages", pending)
                pending.clear()
        spill.extend(_spilled(row, is_self))
        if len(spill) >= BATCH:
            state.session.execute(table.insert(), spill)
            spill.clear()
    if pending:
        _write_interactions(state, "messages", pending)
    if spill:
        state.session.execute(table.insert(), spill)


# Messages wait here, one row per counterpart, until every file is read: per-person statistics
# are then computed one counterpart at a time, so memory does not grow with the export.
_SPILL = Table(
    "import_message_spill",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("counterpart", Text, nullable=False, index=True),
    Column("conversation_id", Text),
    Column("sender_name", Text),
    Column("sender_url", Text),
    Column("recipients", JSON),
    Column("sent_at", UTCDateTime),
    prefixes=["TEMPORARY"],
)


def _spill_table(state: _Import) -> Table:
    if not state.spilling:
        connection = state.session.connection()
        _SPILL.drop(connection, checkfirst=True)
        _SPILL.create(connection)
        state.spilling = True
    return _SPILL


def _counterpart_key(name: str | None, url: str | None) -> str | None:
    # The key `summarise_messages` gives a counterpart: their URL, else their name as written.
    return url or (" ".join(name.split()) if name else None)


def _spilled(row: MessageRow, is_self: Callable[[str | None, str | None], bool]) -> list[dict]:
    if is_self(row.sender_name, row.sender_url):
        others = [p for p in row.recipients if not is_self(*p)]
    else:
        others = [(row.sender_name, row.sender_url)]
    keys = {key for p in others if (key := _counterpart_key(*p)) is not None}
    recipients = [list(p) for p in row.recipients]
    return [
        {
            "counterpart": key,
            "conversation_id": row.conversation_id,
            "sender_name": row.sender_name,
            "sender_url": row.sender_url,
            "recipients": recipients,
            "sent_at": row.sent_at,
        }
        for key in sorted(keys)
    ]


def _summarise_spilled(state: _Import) -> None:
    """Per-counterpart statistics from the spilled messages, a page of counterparts at a time.

    Each counterpart's rows go through `summarise_messages` alone: counts and last times only
    depend on their own messages, and reply timing only uses conversations with a single
    counterpart, which are all in that counterpart's rows.
    """
    if not state.spilling:
        return
    session = state.session
    after = ""
    limit = SPILL_PAGE
    while True:
        page = session.execute(
            select(_SPILL)
            .where(_SPILL.c.counterpart > after)
            .order_by(_SPILL.c.counterpart, _SPILL.c.id)
            .limit(limit)
        ).all()
        if not page:
            break
        last_key = page[-1].counterpart
        complete = len(page) < limit
        if not complete and page[0].counterpart == last_key:
            limit *= 2  # one counterpart with more messages than a page: read a bigger page
            continue
        groups: dict[str, list[MessageRow]] = {}
        for spilled in page:
            if not complete and spilled.counterpart == last_key:
                break  # that counterpart may go on in the next page
            groups.setdefault(spilled.counterpart, []).append(_message_of(spilled))
            # The database's order (its collation), which the next page's `>` follows.
            after = spilled.counterpart
        stats = []
        for key, rows in groups.items():
            found = summarise_messages(rows, state.self_identities).get(key)
            if found is not None:
                stats.append(found)
        _apply_message_stats(state, stats)
        if complete:
            break
    _SPILL.drop(session.connection())
    state.spilling = False


def _message_of(spilled: Any) -> MessageRow:
    return MessageRow(
        conversation_id=spilled.conversation_id,
        conversation_title=None,
        sender_name=spilled.sender_name,
        sender_url=spilled.sender_url,
        recipients=tuple((name, url) for name, url in spilled.recipients or []),
        sent_at=spilled.sent_at,
        subject=None,
        content=None,
        folder=None,
        is_draft=False,
        row_number=spilled.id,
    )


def _message_interactions(
    state: _Import,
    row: MessageRow,
    sent_at: datetime,
    is_self: Callable[[str | None, str | None], bool],
    pending: list[dict[str, Any]],
    occurrences: Counter[str],
) -> None:
    """Queue an interaction for each tracked person on either side of a dated message."""
    outbound = is_self(row.sender_name, row.sender_url)
    if outbound:
        counterparts = [p for p in row.recipients if not is_self(*p)]
    else:
        counterparts = [(row.sender_name, row.sender_url)]
    for name, url in counterparts:
        person_id = state.person_for(name, url)
        if person_id is None:
            continue
        base = _digest(row.conversation_id, sent_at.isoformat(), outbound, person_id)
        occurrences[base] += 1
        external_key = f"li-msg:{base}:{occurrences[base]}"
        pending.append(
            {
                "person_id": person_id,
                "kind": "message" if outbound else "inbound_reply",
                "direction": "outbound" if outbound else "inbound",
                "occurred_at": sent_at,
                "note": row.content if state.keep_bodies else None,
                "source": "import",
                "external_key": external_key,
                "created_at": state.now,
            }
        )


def _write_interactions(state: _Import, kind: str, pending: list[dict[str, Any]]) -> None:
    """Insert the interactions whose external key is not stored yet; count the rest."""
    keys = [item["external_key"] for item in pending]
    stored = set(
        state.session.scalars(
            select(Interaction.external_key).where(Interaction.external_key.in_(keys))
        )
    )
    fresh = []
    for item in pending:
        key = item["external_key"]
        if key in stored or key in state.seen_external:
            state.count(kind, "unchanged")
            continue
        state.seen_external.add(key)
        fresh.append(item)
        state.affected.add(item["person_id"])
    if fresh:
        _bulk_insert(state.session, Interaction, fresh)
        state.count(kind, "added", len(fresh))


def _apply_message_stats(state: _Import, items: list[ThreadStats]) -> None:
    """Each counterpart's message figures onto their connection (by URL, else unique name)."""
    for chunk in _chunks(items):
        urls = [s.profile_url for s in chunk if s.profile_url]
        names = [name_key(s.name) for s in chunk if not s.profile_url and s.name]
        conditions = []
        if urls:
            conditions.append(Connection.identity_key.in_(urls))
        if names:
            conditions.append(Connection.name_key.in_(names))
        if not conditions:
            state.count("message_stats", "ignored", len(chunk))
            continue
        found = state.session.execute(
            select(
                Connection.id,
                Connection.identity_key,
                Connection.name_key,
                Connection.person_id,
                Connection.messages_sent,
                Connection.messages_received,
                Connection.last_sent_at,
                Connection.last_received_at,
                Connection.reply_rate,
                Connection.median_reply_hours,
            ).where(or_(*conditions))
        ).all()
        by_url = {row.identity_key: row for row in found}
        by_name: dict[str, list[Any]] = {}
        for row in found:
            by_name.setdefault(row.name_key, []).append(row)
        updates = []
        for stats in chunk:
            if stats.profile_url:
                connection = by_url.get(stats.profile_url)
            else:
                matches = by_name.get(name_key(stats.name), [])
                connection = matches[0] if len(matches) == 1 else None
            if connection is None:
                state.count("message_stats", "ignored")
                continue
            latency = stats.median_reply_latency
            values = {
                "messages_sent": stats.messages_sent,
                "messages_received": stats.messages_received,
                "last_sent_at": stats.last_sent_at,
                "last_received_at": stats.last_received_at,
                "reply_rate": round(stats.reply_rate, 4) if stats.reply_rate is not None else None,
                "median_reply_hours": (
                    round(latency.total_seconds() / 3600, 2) if latency is not None else None
                ),
            }
            if any(getattr(connection, field) != value for field, value in values.items()):
                updates.append({"id": connection.id, **values, "updated_at": state.now})
                state.count("message_stats", "updated")
                if connection.person_id:
                    state.affected.add(connection.person_id)
            else:
                state.count("message_stats", "unchanged")
        if updates:
            _bulk_update(state.session, Connection, updates)


# ---------------------------------------------------------------------------------------------
# Invitations, comments, shares, events, recommendations, endorsements
# ---------------------------------------------------------------------------------------------


def _import_invitations(state: _Import, export_file: ExportFile) -> None:
    stored = {
        (direction, key, sent_at)
        for direction, key, sent_at in state.session.execute(
            select(Invitation.direction, Invitation.identity_key, Invitation.sent_at)
        )
    }
    fresh: list[dict[str, Any]] = []
    for row in state.rows(export_file):
        if row.direction == "incoming":
            name, url = row.from_name, row.inviter_url
        else:
            name, url = row.to_name, row.invitee_url
        key = connection_identity(url, name)
        if key is None or len(key) > 500:
            state.skip(export_file.name, row.row_number, "no usable name or profile URL")
            continue
        identity = (row.direction, key, row.sent_at)
        if identity in stored:
            state.count("invitations", "unchanged")
            continue
        stored.add(identity)
        fresh.append(
            {
                "direction": row.direction,
                "identity_key": key,
                "name": _cut(name, 300),
                "profile_url": url,
                "sent_at": row.sent_at,
                "has_note": bool(row.message),
                "message": row.message,
            }
        )
        state.count("invitations", "added")
        if len(fresh) >= BATCH:
            _bulk_insert(state.session, Invitation, fresh)
            fresh = []
    if fresh:
        _bulk_insert(state.session, Invitation, fresh)


def _import_comments(state: _Import, export_file: ExportFile) -> None:
    """The user's comments on posts of tracked people become `comment` interactions."""
    batch: list[CommentRow] = []

    def write() -> None:
        urns = sorted({row.activity_urn for row in batch if row.activity_urn})
        authors = dict(
            state.session.execute(
                select(Post.urn, Post.person_id)
                .join(Person, Person.id == Post.person_id)
                .where(Post.urn.in_(urns), Person.tracked.is_(True))
            ).all()
        )
        pending = []
        occurrences: Counter[str] = Counter()
        for row in batch:
            person_id = authors.get(row.activity_urn) if row.activity_urn else None
            if person_id is None or row.date is None:
                state.count("comments", "ignored")
                continue
            base = _digest(row.activity_urn, row.date.isoformat())
            occurrences[base] += 1
            pending.append(
                {
                    "person_id": person_id,
                    "kind": "comment",
                    "direction": "outbound",
                    "occurred_at": row.date,
                    "note": row.message,
                    "post_urn": row.activity_urn,
                    "source": "import",
                    "external_key": f"li-comment:{base}:{occurrences[base]}",
                    "created_at": state.now,
                }
            )
        if pending:
            _write_interactions(state, "comments", pending)

    for row in state.rows(export_file):
        batch.append(row)
        if len(batch) >= BATCH:
            write()
            batch = []
    if batch:
        write()


def _share_key(row: ShareRow) -> str:
    if row.activity_urn:
        return row.activity_urn
    if row.share_link:
        return row.share_link[:500]
    stamp = row.date.isoformat() if row.date else ""
    return f"share:{_digest(stamp, row.commentary, row.shared_url)}"


def _import_shares(state: _Import, export_file: ExportFile) -> None:
    batch: list[tuple[str, ShareRow]] = []
    seen: set[str] = set()

    def write() -> None:
        existing = {
            row.key: row
            for row in state.session.execute(
                select(
                    OwnPost.id,
                    OwnPost.key,
                    OwnPost.urn,
                    OwnPost.url,
                    OwnPost.text,
                    OwnPost.shared_url,
                    OwnPost.posted_at,
                ).where(OwnPost.key.in_([key for key, _ in batch]))
            )
        }
        inserts, updates = [], []
        for key, row in batch:
            values = {
                "urn": _cut(row.activity_urn, 100),
                "url": _cut(row.share_link, 1000),
                "text": row.commentary,
                "shared_url": _cut(row.shared_url, 1000),
                "posted_at": row.date,
            }
            old = existing.get(key)
            if old is None:
                inserts.append({"key": key, "source": "import", **values})
                state.count("shares", "added")
            elif any(getattr(old, field) != value for field, value in values.items()):
                updates.append({"id": old.id, **values})
                state.count("shares", "updated")
            else:
                state.count("shares", "unchanged")
        if inserts:
            _bulk_insert(state.session, OwnPost, inserts)
        if updates:
            _bulk_update(state.session, OwnPost, updates)

    for row in state.rows(export_file):
        key = _share_key(row)
        if key in seen:
            state.skip(export_file.name, row.row_number, "same post as an earlier row")
            continue
        seen.add(key)
        batch.append((key, row))
        if len(batch) >= BATCH:
            write()
            batch = []
    if batch:
        write()


def _import_events(state: _Import, export_file: ExportFile) -> None:
    """Events.csv → ``Event`` facts (name + start is the identity; status and URL updated).
    The export names no one met there: the user adds them on the event page."""
    for row in state.rows(export_file):
        if not row.name:
            state.skip(export_file.name, row.row_number, "no event name")
            continue
        key = event_key(row.name, row.time)
        existing = state.session.scalars(select(Event).where(Event.key == key)).first()
        status = _cut(row.status, 40)
        url = _cut(row.external_url, 1000)
        if existing is None:
            state.session.add(
                Event(
                    key=key,
                    name=_cut(row.name, 500),
                    starts_at=row.time,
                    status=status,
                    url=url,
                    source="import",
                    created_at=state.now,
                    updated_at=state.now,
                )
            )
            state.count("events", "added")
        elif (existing.status, existing.url) != (status, url):
            existing.status, existing.url, existing.updated_at = status, url, state.now
            state.count("events", "updated")
        else:
            state.count("events", "unchanged")
    state.session.flush()


def _import_ties(state: _Import, export_file: ExportFile) -> None:
    """Recommendations and endorsements, counted per person; applied after every file."""
    column = 0 if export_file.kind.startswith("recommendations") else 1
    for row in state.rows(export_file):
        url = getattr(row, "profile_url", None)
        key = connection_identity(url, row.name)
        if key is None:
            state.skip(export_file.name, row.row_number, "no usable name or profile URL")
            continue
        state.ties.setdefault(key, [0, 0])[column] += 1


def _apply_ties(state: _Import) -> None:
    """Recommendation and endorsement totals per connection; a person named in both files (by
    name in one, by URL in the other) adds up on one connection."""
    totals: dict[int, list[int]] = {}
    found_rows: dict[int, Any] = {}
    for chunk in _chunks(list(state.ties.items())):
        urls = [key for key, _ in chunk if not key.startswith("name:")]
        names = [key.removeprefix("name:") for key, _ in chunk if key.startswith("name:")]
        conditions = []
        if urls:
            conditions.append(Connection.identity_key.in_(urls))
        if names:
            conditions.append(Connection.name_key.in_(names))
        found = state.session.execute(
            select(
                Connection.id,
                Connection.identity_key,
                Connection.name_key,
                Connection.person_id,
                Connection.recommendations,
                Connection.endorsements,
            ).where(or_(*conditions))
        ).all()
        by_url = {row.identity_key: row for row in found}
        by_name: dict[str, list[Any]] = {}
        for row in found:
            by_name.setdefault(row.name_key, []).append(row)
        for key, counts in chunk:
            if key.startswith("name:"):
                matches = by_name.get(key.removeprefix("name:"), [])
                connection = matches[0] if len(matches) == 1 else None
            else:
                connection = by_url.get(key)
            if connection is None:
                state.count("ties", "ignored")
                continue
            found_rows[connection.id] = connection
            total = totals.setdefault(connection.id, [0, 0])
            total[0] += counts[0]
            total[1] += counts[1]
    updates = []
    for connection_id, (recommendations, endorsements) in totals.items():
        connection = found_rows[connection_id]
        if (connection.recommendations, connection.endorsements) == (recommendations, endorsements):
            state.count("ties", "unchanged")
            continue
        updates.append(
            {
                "id": connection_id,
                "recommendations": recommendations,
                "endorsements": endorsements,
                "updated_at": state.now,
            }
        )
        state.count("ties", "updated")
        if connection.person_id:
            state.affected.add(connection.person_id)
    for chunk in _chunks(updates):
        _bulk_update(state.session, Connection, chunk)


def _link_mutuals(state: _Import) -> None:
    """Join mutual connections seen on profiles to the user's connections (URL, else name)."""
    link_mutual_connections(state.session, state.affected)


def link_mutual_connections(session: Session, affected: set[int] | None = None) -> int:
    """Set `connection_id` on mutual connections that have none yet, by profile URL, else by
    name key when exactly one connection has that name. Adds the people whose mutuals were
    joined to `affected`. Returns how many were joined.
    """
    loose = session.scalars(
        select(MutualConnection).where(MutualConnection.connection_id.is_(None))
    ).all()
    joined = 0
    for chunk in _chunks(list(loose)):
        urls = [m.profile_url for m in chunk if m.profile_url]
        names = [m.name_key for m in chunk]
        found = session.execute(
            select(
                Connection.id, Connection.identity_key, Connection.name_key, Connection.profile_url
            ).where(or_(Connection.identity_key.in_(urls), Connection.name_key.in_(names)))
        ).all()
        by_url = {row.identity_key: row for row in found}
        by_name: dict[str, list[Any]] = {}
        for row in found:
            by_name.setdefault(row.name_key, []).append(row)
        for mutual in chunk:
            connection = by_url.get(mutual.profile_url) if mutual.profile_url else None
            if connection is None:
                matches = by_name.get(mutual.name_key, [])
                connection = matches[0] if len(matches) == 1 else None
            if connection is None:
                continue
            mutual.connection_id = connection.id
            mutual.profile_url = mutual.profile_url or connection.profile_url
            joined += 1
            if affected is not None:
                affected.add(mutual.person_id)
    session.flush()
    return joined


_HANDLERS: dict[str, Callable[[_Import, ExportFile], None]] = {
    "connections": _import_connections,
    "messages": _import_messages,
    "invitations": _import_invitations,
    "comments": _import_comments,
    "shares": _import_shares,
    "events": _import_events,
    "recommendations_received": _import_ties,
    "recommendations_given": _import_ties,
    "endorsements_received": _import_ties,
    "endorsements_given": _import_ties,
}


def import_in_batches(
    engine: Engine,
    source: Source,
    filename: str | None,
    now: datetime,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """``import_linkedin_export`` in short transactions of its own (docs/reliability.md).

    A 400,000-row export in one transaction held SQLite's write lock for half a minute, and
    every capture meanwhile failed (issue 15). Here what is written is committed every
    ``CHECKPOINT_ROWS`` rows, so other writers wait milliseconds, not the whole import. The
    session stays on one connection throughout (the messages' TEMPORARY table lives there).
    An import that fails part-way keeps the rows committed so far; importing the same file
    again completes it (rows already stored count as unchanged).
    """
    with engine.connect() as connection:
        session = Session(bind=connection, expire_on_commit=False)
        try:
            report = import_linkedin_export(
                session, source, filename, now, progress=progress, checkpoint=session.commit
            )
            session.commit()
            return report
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
