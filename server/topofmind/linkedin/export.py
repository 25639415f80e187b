"""Streaming readers for LinkedIn's data export ("Get a copy of your data").

Pure parsing: a `.zip` export or one of its CSVs in, frozen dataclasses out; no database, no
Flask. Files are read member by member through `io.TextIOWrapper` and `csv.reader`, so memory
stays flat however large the export is.

Facts about the format that shaped this module:
- `Connections.csv` opens with a `Notes:` line, a quoted notice and a blank line before its header;
  older exports have no `URL` column. The header is therefore found by its content.
- A UTF-8 BOM may lead any file; values may span lines, carry control characters, spreadsheet
  artefacts (`NA`, `#N/A`, `NULL`) or formulas (`=HYPERLINK(...)`).
- `guide_messages.csv` and `learning_role_play_messages.csv` share `messages.csv`'s header but are
  not conversations, so members are classified by exact basename, never by header alone.
- Dates come in several shapes: `15 Mar 2024`, `2026-08-01 02:00:00 UTC`, `1/5/26, 9:00 AM`,
  `2023/06/05 15:47:58 UTC`, `Apr 08, 2024 07:00 AM - Apr 08, 2024 05:00 PM`.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import statistics
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import PurePosixPath
from typing import IO, Any
from urllib.parse import unquote

from .names import name_key
from .urls import profile_url_in, public_id_from_url

__all__ = [
    "DEFAULT_LIMITS",
    "NULL_MARKERS",
    "CommentRow",
    "ConnectionRow",
    "EndorsementRow",
    "EventRow",
    "ExportError",
    "ExportFile",
    "ExportLimits",
    "InvitationRow",
    "MessageRow",
    "ParsedRow",
    "RecommendationRow",
    "ShareRow",
    "SkippedRow",
    "ThreadStats",
    "canonical_profile_url",
    "classify_member_name",
    "escape_spreadsheet_cell",
    "guess_self",
    "iter_export",
    "parse_export_date",
    "parse_export_datetime",
    "summarise_messages",
]


class ExportError(Exception):
    """The export as a whole cannot be read (not a zip/CSV we know, too large, a zip bomb…).

    `file` names the member at fault when there is one.
    """

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message


@dataclass(frozen=True)
class ExportLimits:
    """Guards against hostile uploads. Real exports are far below every one of them."""

    max_members: int = 2_000
    max_total_uncompressed: int = 2 * 1024**3
    # Plain CSV compresses about 5-20x; zip bombs reach 1000x and more.
    max_compression_ratio: int = 200
    # Ratios of tiny members mean nothing (a 2 KB file of commas), so only larger ones are checked.
    ratio_check_from_bytes: int = 1024 * 1024
    max_field_chars: int = 100_000
    max_line_chars: int = 1024 * 1024
    header_search_records: int = 20


DEFAULT_LIMITS = ExportLimits()


# ---------------------------------------------------------------------------------------------
# Row types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkippedRow:
    """A record that could not be used. `row` is the 1-based line where the record starts."""

    file: str
    row: int
    reason: str


@dataclass(frozen=True)
class ConnectionRow:
    first_name: str | None
    last_name: str | None
    name: str | None
    profile_url: str | None
    public_id: str | None
    email: str | None
    company: str | None
    position: str | None
    connected_on: date | None
    row_number: int


@dataclass(frozen=True)
class MessageRow:
    """One message. `content` is None unless `iter_export(..., keep_bodies=True)`."""

    conversation_id: str | None
    conversation_title: str | None
    sender_name: str | None
    sender_url: str | None
    recipients: tuple[tuple[str | None, str | None], ...]
    sent_at: datetime | None
    subject: str | None
    content: str | None
    folder: str | None
    is_draft: bool
    row_number: int


@dataclass(frozen=True)
class InvitationRow:
    from_name: str | None
    to_name: str | None
    sent_at: datetime | None
    message: str | None
    direction: str  # "incoming" | "outgoing"
    inviter_url: str | None
    invitee_url: str | None
    row_number: int


@dataclass(frozen=True)
class CommentRow:
    date: datetime | None
    link: str | None
    activity_urn: str | None
    message: str | None
    row_number: int


@dataclass(frozen=True)
class ShareRow:
    date: datetime | None
    share_link: str | None
    activity_urn: str | None
    commentary: str | None
    shared_url: str | None
    media_url: str | None
    visibility: str | None
    row_number: int


@dataclass(frozen=True)
class EventRow:
    name: str
    time: datetime | None
    status: str | None
    external_url: str | None
    row_number: int


@dataclass(frozen=True)
class RecommendationRow:
    """A recommendation; `direction` is "received" (they recommended you) or "given"."""

    first_name: str | None
    last_name: str | None
    name: str
    company: str | None
    job_title: str | None
    direction: str
    created_on: date | None
    status: str | None
    row_number: int


@dataclass(frozen=True)
class EndorsementRow:
    """A skill endorsement; `direction` is "received" (they endorsed you) or "given"."""

    first_name: str | None
    last_name: str | None
    name: str | None
    profile_url: str | None
    public_id: str | None
    skill: str | None
    direction: str
    endorsed_at: datetime | None
    status: str | None
    row_number: int


ParsedRow = (
    ConnectionRow
    | MessageRow
    | InvitationRow
    | CommentRow
    | ShareRow
    | EventRow
    | RecommendationRow
    | EndorsementRow
)


@dataclass(frozen=True)
class ExportFile:
    """One recognised file of the export.

    `kind` is one of: connections (`ConnectionRow`), messages (`MessageRow`), invitations
    (`InvitationRow`), comments (`CommentRow`), shares (`ShareRow`), events (`EventRow`),
    recommendations_received / recommendations_given (`RecommendationRow`),
    endorsements_received / endorsements_given (`EndorsementRow`); any of them may also yield
    `SkippedRow`s. `name` is the member path inside the zip (or the file name).
    `rows` is a one-shot iterator; consume it before asking `iter_export` for the next file.
    Once reading has begun, `read_as["encoding"]` names the encoding the file was read in
    (`detect_encoding`).
    """

    kind: str
    name: str
    rows: Iterator[ParsedRow | SkippedRow]
    read_as: dict[str, str] = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------------------------------------
# Cell cleaning
# ---------------------------------------------------------------------------------------------

# Spreadsheet and dataframe spellings of "no value" seen in exports that went through Excel/pandas.
NULL_MARKERS = frozenset({"NA", "N/A", "n/a", "#N/A", "NULL", "null", "Null", "<NA>", "NaN", "nan"})

# C0/C1 controls except tab/newline/carriage return, plus bidi overrides and zero-width spaces
# (a hostile name can reorder or hide text with them). ZWJ/ZWNJ stay: scripts and emoji need them.
_STRIP_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE_LIKE = re.compile(r"[\t\n\r\x0b\x0c\u00a0\u2028\u2029]+")
_MULTISPACE = re.compile(r"\s{2,}")


# Anything that needs more than strip(): controls, odd spaces, doubled spaces, line breaks.
_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00a0\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\\s\\s"
)


def _clean_text(value: str | None, *, multiline: bool = False) -> str | None:
    """Strip controls and surrounding space; spreadsheet null markers and blanks become None."""
    if value is None:
        return None
    if _NEEDS_CLEANING.search(value):
        value = _STRIP_CHARS.sub("", value)
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            value = re.sub(r"[\x0b\x0c]", " ", value)
        else:
            value = _SPACE_LIKE.sub(" ", value)
            value = _MULTISPACE.sub(" ", value)
    value = value.strip()
    if not value or value in NULL_MARKERS:
        return None
    return value


def escape_spreadsheet_cell(value: str) -> str:
    """Make a value safe to write into a CSV a spreadsheet will open (OWASP CSV injection).

    Values starting with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with `'`
    so spreadsheets show them as text instead of evaluating them; others are returned unchanged.
    """
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


# One canonicaliser for pages and export (linkedin/urls.py): export cells hold URLs inside
# formulas and without a scheme, which ``profile_url_in`` reads.
canonical_profile_url = profile_url_in


def _public_id(profile_url: str | None) -> str | None:
    """The vanity id of a canonical profile URL; None for URN-style ids (they are not vanity)."""
    if profile_url is None:
        return None
    return public_id_from_url(profile_url)


_ACTIVITY_URN = re.compile(r"urn:li:(activity|share|ugcPost):(\d+)", re.IGNORECASE)
_POST_SLUG_ACTIVITY = re.compile(r"-activity-(\d+)-", re.IGNORECASE)


def _activity_urn(link: str | None) -> str | None:
    if not link:
        return None
    decoded = unquote(link)
    match = _ACTIVITY_URN.search(decoded)
    if match:
        kind = {"activity": "activity", "share": "share", "ugcpost": "ugcPost"}[
            match.group(1).lower()
        ]
        return f"urn:li:{kind}:{match.group(2)}"
    match = _POST_SLUG_ACTIVITY.search(decoded)
    if match:
        return f"urn:li:activity:{match.group(1)}"
    return None


def _http_url(value: str | None) -> str | None:
    if value and re.match(r"^https?://\S+$", value, re.IGNORECASE):
        return value
    return None


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

# Own month table: `strptime("%b")` follows the process locale, and exports are always English.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_TIME = r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?"
_ZONE = r"\s*(?:UTC|GMT|Z|[+-]00:?00)?"
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME + _ZONE + "$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})" + _TIME + _ZONE + "$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})" + _TIME + _ZONE + "$")
_US_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})" + _TIME + _ZONE + "$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.? (\d{4})$")


def _to_hour(hour: str | None, meridiem: str | None) -> int:
    value = int(hour or 0)
    if meridiem:
        if not 1 <= value <= 12:
            raise ValueError("hour out of range for AM/PM")
        value = value % 12 + (12 if meridiem.lower() == "pm" else 0)
    return value


def parse_export_datetime(value: str | None) -> datetime | None:
    """Parse any date shape the export uses into an aware UTC datetime; None if impossible.

    Times without a zone are taken as UTC (LinkedIn writes UTC). Invalid calendar dates such as
    30 Feb give None. A range (`A - B`, as in Events.csv) gives its start.
    """
    if not value:
        return None
    text = value.strip()
    if len(text) > 64:
        return None
    if " - " in text:
        text = text.split(" - ", 1)[0].strip()
    try:
        if match := _ISO.match(text):
            year, month, day = int(match[1]), int(match[2]), int(match[3])
            hour, minute, second, meridiem = match[4], match[5], match[6], match[7]
        elif match := _DAY_MONTH_YEAR.match(text):
            day, month, year = int(match[1]), _MONTHS[match[2].lower()], int(match[3])
            hour, minute, second, meridiem = match[4], match[5], match[6], match[7]
        elif match := _MONTH_DAY_YEAR.match(text):
            month, day, year = _MONTHS[match[1].lower()], int(match[2]), int(match[3])
            hour, minute, second, meridiem = match[4], match[5], match[6], match[7]
        elif match := _US_NUMERIC.match(text):
            month, day, year = int(match[1]), int(match[2]), int(match[3])
            if year < 100:
                year += 2000
            hour, minute, second, meridiem = match[4], match[5], match[6], match[7]
        elif match := _MONTH_YEAR.match(text):
            month, day, year = _MONTHS[match[1].lower()], 1, int(match[2])
            hour = minute = second = meridiem = None
        else:
            return None
        return datetime(
            year,
            month,
            day,
            _to_hour(hour, meridiem),
            int(minute or 0),
            int(second or 0),
            tzinfo=UTC,
        )
    except (KeyError, ValueError):
        return None


def parse_export_date(value: str | None) -> date | None:
    """The calendar date of `parse_export_datetime(value)`, or None."""
    parsed = parse_export_datetime(value)
    return parsed.date() if parsed else None


# ---------------------------------------------------------------------------------------------
# Header detection and classification
# ---------------------------------------------------------------------------------------------


def _norm_header(cell: str) -> str:
    return " ".join(_STRIP_CHARS.sub("", cell).split()).casefold()


# kind -> columns that must all be present. Checked in order; the first match wins.
_SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    ("connections", frozenset({"first name", "last name", "connected on"})),
    ("messages", frozenset({"conversation id", "from", "to", "date"})),
    ("invitations", frozenset({"from", "to", "sent at", "direction"})),
    ("shares", frozenset({"date", "sharelink"})),
    ("events", frozenset({"event name", "event time"})),
    ("recommendations", frozenset({"first name", "last name", "creation date"})),
    ("endorsements_received", frozenset({"endorsement date", "endorser first name"})),
    ("endorsements_given", frozenset({"endorsement date", "endorsee first name"})),
    ("comments", frozenset({"date", "link", "message"})),
    ("comments", frozenset({"date", "link", "comment"})),
)

# Exact basenames (casefolded) of the members we read; `<id>` suffixes for the paged ones.
_MEMBER_NAMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"connections\.csv"), "connections"),
    (re.compile(r"messages\.csv"), "messages"),
    (re.compile(r"invitations\.csv"), "invitations"),
    (re.compile(r"comments(?:_[a-z0-9-]+)?\.csv"), "comments"),
    (re.compile(r"shares(?:_[a-z0-9-]+)?\.csv"), "shares"),
    (re.compile(r"events\.csv"), "events"),
    (re.compile(r"recommendations_received\.csv"), "recommendations_received"),
    (re.compile(r"recommendations_given\.csv"), "recommendations_given"),
    (re.compile(r"endorsement_received_info\.csv"), "endorsements_received"),
    (re.compile(r"endorsement_given_info\.csv"), "endorsements_given"),
)


def classify_member_name(name: str) -> str | None:
    """The kind of an export member from its basename (case-insensitive), or None to ignore it."""
    base = PurePosixPath(name.replace("\\", "/")).name.casefold()
    for pattern, kind in _MEMBER_NAMES:
        if pattern.fullmatch(base):
            return kind
    return None


def _kind_from_header(columns: list[str]) -> str | None:
    present = set(columns)
    for kind, required in _SIGNATURES:
        if required <= present:
            return kind
    return None


def _header_matches(kind: str, header_kind: str) -> bool:
    return header_kind == kind or (
        header_kind == "recommendations" and kind.startswith("recommendations")
    )


# ---------------------------------------------------------------------------------------------
# Record reading
# ---------------------------------------------------------------------------------------------


def _bounded_lines(text: IO[str], name: str, limits: ExportLimits) -> Iterator[str]:
    # csv.reader pulls whole lines; a file with no newline would otherwise be read at once.
    while True:
        line = text.readline(limits.max_line_chars + 1)
        if not line:
            return
        if len(line) > limits.max_line_chars and not line.endswith("\n"):
            raise ExportError(f"a line is longer than {limits.max_line_chars} characters", name)
        if "\x00" in line:
            line = line.replace("\x00", "")
        yield line


@dataclass
class _Record:
    line: int
    cells: list[str]


def _records(text: IO[str], name: str, limits: ExportLimits) -> Iterator[_Record | SkippedRow]:
    reader = csv.reader(_bounded_lines(text, name, limits), strict=False)
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            previous_end = reader.line_num
            yield SkippedRow(name, start, f"unreadable CSV record ({error})")
            continue
        previous_end = reader.line_num
        if not cells or not "".join(cells).strip():
            continue
        if max(map(len, cells)) > limits.max_field_chars:
            yield SkippedRow(name, start, f"a field is longer than {limits.max_field_chars} chars")
            continue
        yield _Record(start, cells)


# Columns whose values keep their line breaks (message bodies, comments, post text).
_MULTILINE_COLUMNS = frozenset({"content", "message", "comment", "sharecommentary", "text"})


def _clean_multiline(value: str) -> str | None:
    return _clean_text(value, multiline=True)


class _Columns:
    """Turns a record into {normalised header name: cleaned value}; order and gaps don't matter."""

    def __init__(self, header: list[str], ignore: frozenset[str] = frozenset()) -> None:
        self.names: list[str] = []
        seen: set[str] = set()
        for position, cell in enumerate(header):
            column = _norm_header(cell)
            # A repeated column name must not shadow the first one.
            self.names.append(column if column not in seen else f"{column}#{position}")
            seen.add(column)
        self.cleaners = [
            _clean_multiline if column in _MULTILINE_COLUMNS else _clean_text
            for column in self.names
        ]
        self.ignore = ignore

    def values(self, cells: list[str]) -> dict[str, str | None]:
        # Most records are clean: one search over the whole record instead of one per cell.
        dirty = _NEEDS_CLEANING.search("|".join(cells)) is not None
        values: dict[str, str | None] = {}
        for column, clean, cell in zip(self.names, self.cleaners, cells, strict=False):
            if column in self.ignore:
                continue
            if dirty and _NEEDS_CLEANING.search(cell):
                values[column] = clean(cell)
            else:
                cell = cell.strip()
                values[column] = cell if cell and cell not in NULL_MARKERS else None
        return values


def _join_name(first: str | None, last: str | None) -> str | None:
    return " ".join(part for part in (first, last) if part) or None


RowBuilder = Callable[[dict[str, str | None], int, str], "ParsedRow | SkippedRow"]


def _connection(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
    first = row.get("first name")
    last = row.get("last name")
    full_name = _join_name(first, last)
    profile_url = canonical_profile_url(row.get("url") or row.get("profile url"))
    if not full_name and not profile_url:
        return SkippedRow(name, line, "no name and no profile URL")
    email = row.get("email address") or row.get("email")
    return ConnectionRow(
        first_name=first,
        last_name=last,
        name=full_name,
        profile_url=profile_url,
        public_id=_public_id(profile_url),
        email=email if email and _EMAIL.match(email) else None,
        company=row.get("company"),
        position=row.get("position"),
        connected_on=parse_export_date(row.get("connected on")),
        row_number=line,
    )


_URL_SPLIT = re.compile(r"[,;\s]+")


def _recipients(names: str | None, urls: str | None) -> tuple[tuple[str | None, str | None], ...]:
    found: list[str] = []
    for piece in _URL_SPLIT.split(urls or ""):
        url = canonical_profile_url(piece)
        if url and url not in found:
            found.append(url)
    if len(found) <= 1:
        if names or found:
            return ((names, found[0] if found else None),)
        return ()
    split_names = [part.strip() for part in (names or "").split(",")]
    if len(split_names) == len(found) and all(split_names):
        return tuple(zip(split_names, found, strict=True))
    return tuple((None, url) for url in found)


def _message_builder(keep_bodies: bool) -> RowBuilder:
    def build(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
        sender_name = row.get("from")
        sender_url = canonical_profile_url(row.get("sender profile url"))
        if not sender_name and not sender_url:
            return SkippedRow(name, line, "no sender name and no sender URL")
        draft = (row.get("is message draft") or "").casefold()
        return MessageRow(
            conversation_id=row.get("conversation id"),
            conversation_title=row.get("conversation title"),
            sender_name=sender_name,
            sender_url=sender_url,
            recipients=_recipients(row.get("to"), row.get("recipient profile urls")),
            sent_at=parse_export_datetime(row.get("date")),
            subject=row.get("subject"),
            content=row.get("content") if keep_bodies else None,
            folder=row.get("folder"),
            is_draft=draft in {"yes", "true", "1"},
            row_number=line,
        )

    return build


def _invitation(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
    direction = (row.get("direction") or "").casefold()
    if direction not in {"incoming", "outgoing"}:
        return SkippedRow(name, line, "direction is neither INCOMING nor OUTGOING")
    from_name = row.get("from")
    to_name = row.get("to")
    inviter_url = canonical_profile_url(row.get("inviterprofileurl"))
    invitee_url = canonical_profile_url(row.get("inviteeprofileurl"))
    other = (from_name, inviter_url) if direction == "incoming" else (to_name, invitee_url)
    if not any(other):
        return SkippedRow(name, line, "no name and no profile URL for the other person")
    return InvitationRow(
        from_name=from_name,
        to_name=to_name,
        sent_at=parse_export_datetime(row.get("sent at")),
        message=row.get("message"),
        direction=direction,
        inviter_url=inviter_url,
        invitee_url=invitee_url,
        row_number=line,
    )


def _comment(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
    link = row.get("link")
    message = row.get("message") or row.get("comment")
    if not link and not message:
        return SkippedRow(name, line, "no link and no text")
    return CommentRow(
        date=parse_export_datetime(row.get("date")),
        link=link,
        activity_urn=_activity_urn(link),
        message=message,
        row_number=line,
    )


def _share(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
    link = row.get("sharelink")
    commentary = row.get("sharecommentary")
    shared_url = _http_url(row.get("sharedurl"))
    if not link and not commentary and not shared_url:
        return SkippedRow(name, line, "no link, no text and no shared URL")
    return ShareRow(
        date=parse_export_datetime(row.get("date")),
        share_link=link,
        activity_urn=_activity_urn(link),
        commentary=commentary,
        shared_url=shared_url,
        media_url=_http_url(row.get("mediaurl")),
        visibility=row.get("visibility"),
        row_number=line,
    )


def _event(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
    event_name = row.get("event name")
    if not event_name:
        return SkippedRow(name, line, "no event name")
    return EventRow(
        name=event_name,
        time=parse_export_datetime(row.get("event time")),
        status=row.get("status"),
        external_url=_http_url(row.get("external url")),
        row_number=line,
    )


def _recommendation_builder(direction: str) -> RowBuilder:
    def build(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
        first = row.get("first name")
        last = row.get("last name")
        full_name = _join_name(first, last)
        if not full_name:
            return SkippedRow(name, line, "no name")
        return RecommendationRow(
            first_name=first,
            last_name=last,
            name=full_name,
            company=row.get("company"),
            job_title=row.get("job title"),
            direction=direction,
            created_on=parse_export_date(row.get("creation date")),
            status=row.get("status"),
            row_number=line,
        )

    return build


def _endorsement_builder(direction: str) -> RowBuilder:
    who = "endorser" if direction == "received" else "endorsee"

    def build(row: dict[str, str | None], line: int, name: str) -> ParsedRow | SkippedRow:
        first = row.get(f"{who} first name")
        last = row.get(f"{who} last name")
        full_name = _join_name(first, last)
        profile_url = canonical_profile_url(row.get(f"{who} public url"))
        if not full_name and not profile_url:
            return SkippedRow(name, line, "no name and no profile URL")
        return EndorsementRow(
            first_name=first,
            last_name=last,
            name=full_name,
            profile_url=profile_url,
            public_id=_public_id(profile_url),
            skill=row.get("skill name"),
            direction=direction,
            endorsed_at=parse_export_datetime(row.get("endorsement date")),
            status=row.get("endorsement status"),
            row_number=line,
        )

    return build


def _builder(kind: str, keep_bodies: bool) -> RowBuilder:
    builders: dict[str, RowBuilder] = {
        "connections": _connection,
        "messages": _message_builder(keep_bodies),
        "invitations": _invitation,
        "comments": _comment,
        "shares": _share,
        "events": _event,
        "recommendations_received": _recommendation_builder("received"),
        "recommendations_given": _recommendation_builder("given"),
        "endorsements_received": _endorsement_builder("received"),
        "endorsements_given": _endorsement_builder("given"),
    }
    return builders[kind]


def _find_header(
    records: Iterator[_Record | SkippedRow], limits: ExportLimits
) -> tuple[str, list[str], int] | None:
    """Consume records up to the header; (kind, header cells, line) or None if not found."""
    for seen, record in enumerate(records):
        if seen >= limits.header_search_records:
            return None
        if isinstance(record, SkippedRow):
            continue
        columns = [_norm_header(cell) for cell in record.cells]
        kind = _kind_from_header(columns)
        if kind is not None:
            return kind, record.cells, record.line
    return None


def _rows(
    records: Iterator[_Record | SkippedRow],
    header: list[str],
    kind: str,
    name: str,
    keep_bodies: bool,
) -> Iterator[ParsedRow | SkippedRow]:
    # Bodies not kept are not even cleaned: they can be most of the bytes of messages.csv.
    ignore = (
        frozenset({"content", "attachments"}) if kind == "messages" and not keep_bodies else None
    )
    columns = _Columns(header, ignore or frozenset())
    build = _builder(kind, keep_bodies)
    for record in records:
        if isinstance(record, SkippedRow):
            yield record
        else:
            yield build(columns.values(record.cells), record.line, name)


class _GuardedReader(io.RawIOBase):
    """Reads a caller's stream without closing it, stopping at `max_bytes` when one is given.

    A zip member that inflates past the size its header declares is hostile: stop right there.
    """

    def __init__(self, raw: IO[bytes], name: str, max_bytes: int | None = None) -> None:
        self._raw = raw
        self._name = name
        self._left = max_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        if self._left is not None:
            if len(data) > self._left:
                raise ExportError("member is larger than its zip header says", self._name)
            self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)


ENCODING_SAMPLE_BYTES = 64 * 1024


def detect_encoding(head: bytes) -> str:
    """The encoding a CSV starting with ``head`` is written in (a Python codec name).

    LinkedIn writes UTF-8, but a file opened and saved again in a spreadsheet comes back as
    UTF-16 or Latin-1/Windows-1252; read as UTF-8 those silently turn "Jürgen" into "J\ufffdrgen"
    (issue 15). A BOM decides; then UTF-16 without one shows as NUL bytes in every other place;
    then UTF-8 (a multi-byte character cut at the sample's end is not a failure); then bs4's
    ``UnicodeDammit`` picks among the Western single-byte encodings spreadsheets write.
    """
    from bs4 import UnicodeDammit

    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) >= 8:
        even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
        if odd_nuls > len(sample) // 4 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > len(sample) // 4 and odd_nuls == 0:
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(
        head, known_definite_encodings=["windows-1252", "iso-8859-1"], is_html=False
    )
    return codecs.lookup(dammit.original_encoding or "utf-8").name


def _open_text(
    raw: IO[bytes], name: str, max_bytes: int | None = None, read_as: dict[str, str] | None = None
) -> io.TextIOWrapper:
    # Bytes the detected encoding cannot read become U+FFFD instead of failing.
    buffered = io.BufferedReader(_GuardedReader(raw, name, max_bytes), ENCODING_SAMPLE_BYTES)
    encoding = detect_encoding(buffered.peek(ENCODING_SAMPLE_BYTES))
    if read_as is not None:
        read_as["encoding"] = encoding
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")


def _kind_for_single_csv(header_kind: str, filename: str) -> str:
    # Both recommendation files share one header; only the name tells given from received.
    if header_kind == "recommendations":
        given = "given" in filename.casefold()
        return "recommendations_given" if given else "recommendations_received"
    return header_kind


def _named_rows(
    raw: IO[bytes],
    name: str,
    kind: str,
    limits: ExportLimits,
    keep_bodies: bool,
    size: int | None,
    read_as: dict[str, str] | None = None,
) -> Iterator[ParsedRow | SkippedRow]:
    records = _records(_open_text(raw, name, size, read_as), name, limits)
    found = _find_header(records, limits)
    if found is None or not _header_matches(kind, found[0]):
        yield SkippedRow(name, 1, f"no {kind.replace('_', ' ')} header found in this file")
        return
    yield from _rows(records, found[1], kind, name, keep_bodies)


def _member_rows(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    kind: str,
    limits: ExportLimits,
    keep_bodies: bool,
    read_as: dict[str, str] | None = None,
) -> Iterator[ParsedRow | SkippedRow]:
    try:
        with archive.open(info) as raw:
            yield from _named_rows(
                raw, info.filename, kind, limits, keep_bodies, info.file_size, read_as
            )
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ExportError(f"this member of the zip is damaged ({error})", info.filename) from error


def _iter_folder(folder: str, limits: ExportLimits, keep_bodies: bool) -> Iterator[ExportFile]:
    paths = sorted(
        os.path.join(root, filename)
        for root, _, filenames in os.walk(folder)
        for filename in filenames
    )
    if len(paths) > limits.max_members:
        raise ExportError(f"the folder holds {len(paths)} files (limit {limits.max_members})")
    for path in paths:
        kind = classify_member_name(path)
        if kind is None:
            continue
        name = os.path.relpath(path, folder).replace(os.sep, "/")
        read_as: dict[str, str] = {}
        yield ExportFile(
            kind, name, _file_rows(path, name, kind, limits, keep_bodies, read_as), read_as
        )


def _file_rows(
    path: str,
    name: str,
    kind: str,
    limits: ExportLimits,
    keep_bodies: bool,
    read_as: dict[str, str],
) -> Iterator[ParsedRow | SkippedRow]:
    with open(path, "rb") as raw:
        yield from _named_rows(raw, name, kind, limits, keep_bodies, None, read_as)


def _check_archive(archive: zipfile.ZipFile, limits: ExportLimits) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise ExportError(
            f"the zip holds {len(members)} files; a LinkedIn export has far fewer "
            f"(limit {limits.max_members})"
        )
    total = 0
    for info in members:
        if info.is_dir():
            continue
        total += info.file_size
        if total > limits.max_total_uncompressed:
            raise ExportError(
                f"the zip would expand to more than {limits.max_total_uncompressed} bytes"
            )
        if info.file_size >= limits.ratio_check_from_bytes and (
            info.file_size > max(info.compress_size, 1) * limits.max_compression_ratio
        ):
            raise ExportError(
                "compression ratio is too high to be a real export (possible zip bomb)",
                info.filename,
            )
        if info.flag_bits & 0x1:
            raise ExportError("the zip is encrypted; export it again without a password")
    return members


def _iter_zip(
    binary: IO[bytes] | str | os.PathLike[str], limits: ExportLimits, keep_bodies: bool
) -> Iterator[ExportFile]:
    try:
        archive = zipfile.ZipFile(binary)
    except (zipfile.BadZipFile, OSError) as error:
        raise ExportError(f"not a readable zip file ({error})") from error
    with archive:
        for info in _check_archive(archive, limits):
            if info.is_dir():
                continue
            kind = classify_member_name(info.filename)
            if kind is None:
                continue
            read_as: dict[str, str] = {}
            yield ExportFile(
                kind,
                info.filename,
                _member_rows(archive, info, kind, limits, keep_bodies, read_as),
                read_as,
            )


def _iter_single_csv(
    binary: IO[bytes], filename: str, limits: ExportLimits, keep_bodies: bool
) -> Iterator[ExportFile]:
    read_as: dict[str, str] = {}
    text = _open_text(binary, filename, read_as=read_as)
    records = _records(text, filename, limits)
    found = _find_header(records, limits)
    if found is None:
        raise ExportError("no LinkedIn export header found in this CSV", filename)
    header_kind, header, _ = found
    kind = classify_member_name(filename) or _kind_for_single_csv(header_kind, filename)
    if not _header_matches(kind, header_kind):
        raise ExportError(f"the file name says {kind} but the header does not", filename)
    if kind == "messages" and PurePosixPath(filename).name.casefold().endswith("_messages.csv"):
        # guide_messages.csv, learning_role_play_messages.csv: same header, not conversations.
        raise ExportError(
            "this file holds LinkedIn's automated messages, not conversations", filename
        )
    yield ExportFile(kind, filename, _rows(records, header, kind, filename, keep_bodies), read_as)


def _is_zip(head: bytes) -> bool:
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def iter_export(
    source: str | os.PathLike[str] | IO[bytes],
    filename: str | None = None,
    *,
    keep_bodies: bool = False,
    limits: ExportLimits = DEFAULT_LIMITS,
) -> Iterator[ExportFile]:
    """Yield each recognised file of a LinkedIn export, with its rows as a lazy iterator.

    `source` is a path to the export `.zip`, to an unzipped export folder or to one CSV, or a
    binary file object (an upload) with `filename` naming it. Zip vs CSV is decided by content,
    not by the name. Zip members and folder files are classified by exact basename
    (case-insensitive); others, such as `guide_messages.csv`, are ignored. A single CSV is
    classified by its name when that is a known member name, else by its header. Each file's rows
    must be consumed before the next file is requested.

    Message bodies are dropped unless `keep_bodies` is true. Rows that cannot be used come out as
    `SkippedRow`; unparseable dates become None and the row is kept.

    Raises `ExportError` for an unreadable or hostile zip (too many members, too large, too high a
    compression ratio, encrypted), a CSV with no header we know, or an absurdly long line.
    """
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if os.path.isdir(path):
            yield from _iter_folder(path, limits, keep_bodies)
            return
        filename = filename or os.path.basename(path)
        with open(path, "rb") as handle:
            if _is_zip(handle.read(4)):
                handle.seek(0)
                yield from _iter_zip(handle, limits, keep_bodies)
            else:
                handle.seek(0)
                yield from _iter_single_csv(handle, filename, limits, keep_bodies)
        return
    filename = filename or getattr(source, "name", None) or "upload.csv"
    if source.seekable():
        start = source.tell()
        head = source.read(4)
        source.seek(start)
        if _is_zip(head):
            yield from _iter_zip(source, limits, keep_bodies)
            return
    elif filename.casefold().endswith(".zip"):
        raise ExportError("a zip upload must be seekable", filename)
    yield from _iter_single_csv(source, filename, limits, keep_bodies)


# ---------------------------------------------------------------------------------------------
# Message statistics
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThreadStats:
    """What the user's messages with one counterpart say about the tie.

    `reply_rate` is the share of the user's turns (runs of consecutive messages) in one-to-one
    conversations that the counterpart answered; `median_reply_latency` is how long they took;
    `your_median_reply_latency` is how long the user took to answer them. None when unknown.
    """

    key: str
    name: str | None
    profile_url: str | None
    messages_sent: int
    messages_received: int
    last_sent_at: datetime | None
    last_received_at: datetime | None
    reply_rate: float | None
    median_reply_latency: timedelta | None
    your_median_reply_latency: timedelta | None
    conversations: int


def _participants(row: MessageRow) -> list[tuple[str | None, str | None]]:
    return [(row.sender_name, row.sender_url), *row.recipients]


def guess_self(rows: Iterable[MessageRow]) -> str | None:
    """The identity (profile URL, else name) taking part in the most conversations: the user."""
    conversations: dict[str, set[str]] = {}
    for row in rows:
        if not isinstance(row, MessageRow):
            continue
        for participant_name, url in _participants(row):
            identity = url or participant_name
            if identity:
                conversations.setdefault(identity, set()).add(row.conversation_id or "")
    if not conversations:
        return None
    return max(sorted(conversations), key=lambda identity: len(conversations[identity]))


def summarise_messages(
    rows: Iterable[MessageRow | Any],
    self_name_or_url: str | Iterable[str],
) -> dict[str, ThreadStats]:
    """Per counterpart of the user: counts and last message each way, reply rate and latencies.

    `self_name_or_url` identifies the user: their profile URL, their name, or several of those.
    Keys are the counterpart's canonical profile URL when known, else their name as written.
    Non-message rows (e.g. `SkippedRow`) are ignored; drafts are not counted. Rows without a
    date count as messages but cannot be the last one nor time a reply.
    """
    identities = [self_name_or_url] if isinstance(self_name_or_url, str) else self_name_or_url
    self_urls = {url for value in identities if (url := canonical_profile_url(value))}
    self_names = {
        name
        for value in identities
        if not canonical_profile_url(value) and (name := name_key(value))
    }

    def is_self(participant_name: str | None, url: str | None) -> bool:
        # A URL decides when both sides have one; otherwise the name does.
        if url and self_urls:
            return url in self_urls
        return name_key(participant_name) in self_names

    names: dict[str, str | None] = {}
    urls: dict[str, str | None] = {}
    counts: dict[str, list[int]] = {}
    last: dict[str, list[datetime | None]] = {}
    conversations: dict[str, set[str]] = {}
    # conversation -> [(time, outbound, counterpart keys)] for reply timing in one-to-one threads
    timelines: dict[str, list[tuple[datetime, bool, tuple[str, ...]]]] = {}

    def key_of(participant_name: str | None, url: str | None) -> str | None:
        key = url or (" ".join(participant_name.split()) if participant_name else None)
        if key is not None:
            if names.get(key) is None:
                names[key] = participant_name
            urls.setdefault(key, url)
            counts.setdefault(key, [0, 0])
            last.setdefault(key, [None, None])
            conversations.setdefault(key, set())
        return key

    for row in rows:
        if not isinstance(row, MessageRow) or row.is_draft:
            continue
        outbound = is_self(row.sender_name, row.sender_url)
        if outbound:
            others = [p for p in row.recipients if not is_self(*p)]
        else:
            others = [(row.sender_name, row.sender_url)]
        keys = tuple(k for p in others if (k := key_of(*p)) is not None)
        direction = 0 if outbound else 1
        for key in keys:
            counts[key][direction] += 1
            conversations[key].add(row.conversation_id or "")
            previous = last[key][direction]
            if row.sent_at and (previous is None or row.sent_at > previous):
                last[key][direction] = row.sent_at
        if row.sent_at and keys and row.conversation_id:
            timelines.setdefault(row.conversation_id, []).append((row.sent_at, outbound, keys))

    turns: dict[str, list[int]] = {}  # key -> [user turns, answered user turns]
    their_latency: dict[str, list[float]] = {}
    your_latency: dict[str, list[float]] = {}
    for events in timelines.values():
        counterparts = {key for _, _, keys in events for key in keys}
        if len(counterparts) != 1:
            continue
        (key,) = counterparts
        events.sort(key=lambda event: event[0])
        tally = turns.setdefault(key, [0, 0])
        prior: tuple[datetime, bool] | None = None
        for sent_at, outbound, _ in events:
            if prior is None or prior[1] != outbound:
                if outbound:
                    tally[0] += 1
                if prior is not None:
                    gap = (sent_at - prior[0]).total_seconds()
                    if outbound:
                        your_latency.setdefault(key, []).append(gap)
                    else:
                        tally[1] += 1
                        their_latency.setdefault(key, []).append(gap)
            prior = (sent_at, outbound)

    def median(values: list[float] | None) -> timedelta | None:
        return timedelta(seconds=statistics.median(values)) if values else None

    result: dict[str, ThreadStats] = {}
    for key in counts:
        user_turns, answered = turns.get(key, [0, 0])
        result[key] = ThreadStats(
            key=key,
            name=names[key],
            profile_url=urls[key],
            messages_sent=counts[key][0],
            messages_received=counts[key][1],
            last_sent_at=last[key][0],
            last_received_at=last[key][1],
            reply_rate=answered / user_turns if user_turns else None,
            median_reply_latency=median(their_latency.get(key)),
            your_median_reply_latency=median(your_latency.get(key)),
            conversations=len(conversations[key]),
        )
    return result
