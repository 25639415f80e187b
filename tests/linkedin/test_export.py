"""The LinkedIn export readers, on the saved sample files and on zips built here."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.export_generator import main as generate_export
from tests.support.fixtures import EXPORT_FILES
from topofmind.linkedin.export import (
    NULL_MARKERS,
    CommentRow,
    ConnectionRow,
    EndorsementRow,
    EventRow,
    ExportError,
    ExportLimits,
    InvitationRow,
    MessageRow,
    RecommendationRow,
    ShareRow,
    SkippedRow,
    canonical_profile_url,
    escape_spreadsheet_cell,
    guess_self,
    iter_export,
    parse_export_date,
    parse_export_datetime,
    summarise_messages,
)

FIXTURES = EXPORT_FILES
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def only_file(source, filename=None, **options):
    files = list(_consume(iter_export(source, filename, **options)))
    assert len(files) == 1
    return files[0]


def _consume(export_files):
    for export_file in export_files:
        yield export_file.kind, export_file.name, list(export_file.rows)


def parsed(rows):
    return [row for row in rows if not isinstance(row, SkippedRow)]


def skipped(rows):
    return [row for row in rows if isinstance(row, SkippedRow)]


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


CONNECTIONS_CURRENT = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Jane,Doe,https://www.linkedin.com/in/jane-doe-12,,Acme,Engineering Manager,03 Oct 2024\n"
)
MESSAGES_CURRENT = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
    "c1,,Jane Doe,https://www.linkedin.com/in/jane-doe-12,Sam Self,"
    "https://www.linkedin.com/in/sam-self,2026-08-01 02:00:00 UTC,,Hi Sam,INBOX,,No\n"
)


# --- the saved sample files ----------------------------------------------------------------

# Counts read off the files: connections_02 has three rows with neither name nor URL (lines 90,
# 92, 245); connections_04 one (line 5); connections_05 23 (blank/NA/NULL names and no LinkedIn
# URL); messages_02 ten rows whose sender is blank or a null marker with no LinkedIn URL.
SAMPLES = [
    ("comments_01_synthetic.csv", "comments", 1, 0),
    ("comments_02_synthetic_fuzz.csv", "comments", 220, 0),
    ("connections_02_legacy_no_url.csv", "connections", 397, 3),
    ("connections_03_synthetic_min.csv", "connections", 2, 0),
    ("connections_04_synthetic_edgecases.csv", "connections", 4, 1),
    ("connections_05_synthetic_fuzz.csv", "connections", 197, 23),
    ("messages_01_synthetic_threads.csv", "messages", 4, 0),
    ("messages_02_synthetic_fuzz.csv", "messages", 210, 10),
    ("shares_01_synthetic.csv", "shares", 1, 0),
    ("shares_02_synthetic_fuzz.csv", "shares", 220, 0),
]


@pytest.mark.parametrize(("filename", "kind", "rows", "skips"), SAMPLES)
def test_every_sample_file_parses(filename, kind, rows, skips):
    found_kind, name, all_rows = only_file(FIXTURES / filename)
    assert (found_kind, name) == (kind, filename)
    assert (len(parsed(all_rows)), len(skipped(all_rows))) == (rows, skips)
    for row in all_rows:
        for value in vars(row).values():
            if isinstance(value, str):
                assert not CONTROL.search(value), (row, value)
                assert value == value.strip() and value not in NULL_MARKERS


def test_sample_files_can_come_as_uploads():
    with open(FIXTURES / "connections_03_synthetic_min.csv", "rb") as upload:
        kind, _, rows = only_file(upload, "Connections.csv")
        assert not upload.closed
    assert kind == "connections"
    assert [row.public_id for row in rows] == ["bob", "cara"]


def test_legacy_connections_without_url_column():
    _, _, rows = only_file(FIXTURES / "connections_02_legacy_no_url.csv")
    first = rows[0]
    assert first == ConnectionRow(
        first_name="Lim",
        last_name="Jun Ting",
        name="Lim Jun Ting",
        profile_url=None,
        public_id=None,
        email=None,
        company="InfoCepts",
        position="Talent Acquisition Lead",
        connected_on=date(2021, 11, 28),
        row_number=5,
    )
    assert all(row.profile_url is None for row in parsed(rows))
    assert [row.row for row in skipped(rows)] == [90, 92, 245]
    assert all(row.connected_on is not None for row in parsed(rows))


def test_edge_cases_keep_rows_with_impossible_dates_and_formulas():
    _, _, rows = only_file(FIXTURES / "connections_04_synthetic_edgecases.csv")
    by_line = {row.row_number: row for row in parsed(rows)}
    assert skipped(rows) == [
        SkippedRow("connections_04_synthetic_edgecases.csv", 5, "no name and no profile URL")
    ]
    assert by_line[7].name == "Builder" and by_line[7].public_id == "bob"
    formula = by_line[8]
    assert formula.name == "=2+5 +Lovelace"
    assert formula.connected_on is None  # 30 Feb
    assert formula.profile_url is None and formula.email is None  # NULL, N/A
    assert escape_spreadsheet_cell(formula.first_name) == "'=2+5"
    assert by_line[9].connected_on == date(2026, 9, 15)  # "15 September 2026"


def test_fuzzed_connections_are_cleaned():
    _, _, rows = only_file(FIXTURES / "connections_05_synthetic_fuzz.csv")
    rows = parsed(rows)
    names = {row.first_name for row in rows}
    assert "line one line two" in names  # a multi-line cell becomes one line
    assert "interiorbreak" in names  # \x01 removed
    assert "leading vtab" in names
    assert all("\n" not in (row.name or "") for row in rows)
    assert {row.profile_url for row in rows} <= {None, "https://www.linkedin.com/in/sample/"}
    assert {row.email for row in rows} <= {None, "person@example.com"}
    assert Counter(row.connected_on is None for row in rows)[True] > 0


def test_messages_sample_threads():
    _, _, rows = only_file(FIXTURES / "messages_01_synthetic_threads.csv")
    first = rows[0]
    assert first.sender_url == "https://www.linkedin.com/in/sam-self/"
    assert first.recipients == (("Ada Lovelace", "https://www.linkedin.com/in/ada-lovelace/"),)
    assert first.sent_at == datetime(2025, 1, 1, 10, tzinfo=UTC)
    assert first.content is None  # bodies are dropped by default
    _, _, kept = only_file(FIXTURES / "messages_01_synthetic_threads.csv", keep_bodies=True)
    assert kept[1].content == "=totally fine by me"


def test_fuzzed_messages_keep_rows_with_bad_dates():
    _, _, rows = only_file(FIXTURES / "messages_02_synthetic_fuzz.csv", keep_bodies=True)
    rows = parsed(rows)
    dated = [row for row in rows if row.sent_at is not None]
    assert dated and all(row.sent_at == datetime(1999, 1, 1, tzinfo=UTC) for row in dated)
    assert any(row.content == "multi\nline body" for row in rows)
    assert any(row.content == 'says "hi" once' for row in rows)


def test_comments_and_shares_samples_carry_activity_urns():
    _, _, comments = only_file(FIXTURES / "comments_02_synthetic_fuzz.csv")
    assert [row.activity_urn for row in comments[:3]] == [
        "urn:li:activity:0",
        "urn:li:activity:1",
        "urn:li:activity:2",
    ]
    assert any(row.message == "multi\nline comment" for row in comments)
    _, _, shares = only_file(FIXTURES / "shares_01_synthetic.csv")
    assert shares == [
        ShareRow(
            date=datetime(2025, 1, 3, 10, tzinfo=UTC),
            share_link="https://www.linkedin.com/feed/update/urn:li:activity:1",
            activity_urn="urn:li:activity:1",
            commentary="Building in public this week!",
            shared_url=None,
            media_url=None,
            visibility="PUBLIC",
            row_number=2,
        )
    ]


# --- header variants ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        CONNECTIONS_CURRENT,
        "\ufeff" + CONNECTIONS_CURRENT,
        CONNECTIONS_CURRENT.split("\n\n", 1)[1],  # no Notes preamble
        CONNECTIONS_CURRENT.replace("\n", "\r\n"),
        # columns in another order, header in other case
        "first name,connected on,last name,company,url,position,email address\n"
        "Jane,03 Oct 2024,Doe,Acme,https://www.linkedin.com/in/jane-doe-12,"
        "Engineering Manager,\n",
    ],
    ids=["current", "bom", "no-notes", "crlf", "reordered"],
)
def test_connections_header_variants(text):
    kind, _, rows = only_file(io.BytesIO(text.encode()), "Connections.csv")
    assert kind == "connections"
    (row,) = rows
    assert (row.name, row.public_id, row.company, row.connected_on) == (
        "Jane Doe",
        "jane-doe-12",
        "Acme",
        date(2024, 10, 3),
    )


def test_old_messages_header_without_url_columns():
    text = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Jane Doe,Sam Self,2019-05-01 09:30:00 UTC,,hello,INBOX\n"
    )
    _, _, (row,) = only_file(io.BytesIO(text.encode()), "Messages.csv")
    assert (row.sender_name, row.sender_url, row.recipients) == (
        "Jane Doe",
        None,
        (("Sam Self", None),),
    )
    assert row.sent_at == datetime(2019, 5, 1, 9, 30, tzinfo=UTC)


def test_group_thread_recipients_pair_names_with_urls():
    text = (
        "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
        'g1,Sam Self,https://www.linkedin.com/in/sam,"Ann Lee, Bo Chan",'
        '"https://www.linkedin.com/in/ann,https://www.linkedin.com/in/bo",'
        "2026-01-02 03:04:05 UTC,x\n"
    )
    _, _, (row,) = only_file(io.BytesIO(text.encode()), "messages.csv")
    assert row.recipients == (
        ("Ann Lee", "https://www.linkedin.com/in/ann/"),
        ("Bo Chan", "https://www.linkedin.com/in/bo/"),
    )


# --- zips ------------------------------------------------------------------------------


def test_zip_members_are_classified_by_exact_basename(tmp_path):
    messages_header = MESSAGES_CURRENT.split("\n", 1)[0] + "\n"
    archive = make_zip(
        tmp_path / "export.zip",
        {
            "Basic_LinkedInDataExport_11-01-2026/Connections.csv": CONNECTIONS_CURRENT,
            "MESSAGES.CSV": MESSAGES_CURRENT,
            "guide_messages.csv": MESSAGES_CURRENT,
            "learning_role_play_messages.csv": MESSAGES_CURRENT,
            "invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,"
            "inviteeProfileUrl\n",
            "Comments_7123.csv": "Date,Link,Message\n",
            "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n",
            "Events.csv": "Event Name,Event Time,Status,External Url\n",
            "Recommendations_Given.csv": "First Name,Last Name,Company,Job Title,Text,"
            "Creation Date,Status\n",
            "Endorsement_Received_Info.csv": "Endorsement Date,Skill Name,Endorser First Name,"
            "Endorser Last Name,Endorser Public Url,Endorsement Status\n",
            "Profile.csv": "First Name,Last Name\nSam,Self\n",
            "Jobs/Job Applications.csv": "Application Date,Company Name\n",
            "old_messages.csv": messages_header,
            "notes/": b"",
        },
    )
    found = {name: kind for kind, name, _ in _consume(iter_export(archive))}
    assert found == {
        "Basic_LinkedInDataExport_11-01-2026/Connections.csv": "connections",
        "MESSAGES.CSV": "messages",
        "invitations.csv": "invitations",
        "Comments_7123.csv": "comments",
        "Shares.csv": "shares",
        "Events.csv": "events",
        "Recommendations_Given.csv": "recommendations_given",
        "Endorsement_Received_Info.csv": "endorsements_received",
    }


def test_zip_upload_as_file_object(tmp_path):
    archive = make_zip(tmp_path / "x.zip", {"Connections.csv": CONNECTIONS_CURRENT})
    upload = io.BytesIO(archive.read_bytes())
    ((kind, name, rows),) = list(_consume(iter_export(upload, "whatever-name.csv")))
    assert (kind, name, rows[0].public_id) == ("connections", "Connections.csv", "jane-doe-12")


def test_zip_member_with_the_wrong_header_is_reported_not_fatal(tmp_path):
    archive = make_zip(
        tmp_path / "x.zip",
        {"Connections.csv": "Date,Link,Message\n", "messages.csv": MESSAGES_CURRENT},
    )
    found = {kind: rows for kind, _, rows in _consume(iter_export(archive))}
    assert found["connections"] == [
        SkippedRow("Connections.csv", 1, "no connections header found in this file")
    ]
    assert parsed(found["messages"])[0].sender_name == "Jane Doe"


def test_every_other_export_file_kind(tmp_path):
    archive = make_zip(
        tmp_path / "x.zip",
        {
            "Invitations.csv": (
                "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                'Sam Self,Jane Doe,"1/5/26, 9:00 AM",Loved your talk,OUTGOING,'
                "https://www.linkedin.com/in/sam,https://www.linkedin.com/in/jane-doe-12\n"
                'Bo Chan,Sam Self,"12/31/25, 11:59 PM",,INCOMING,'
                "https://www.linkedin.com/in/bo,https://www.linkedin.com/in/sam\n"
                'Nobody,Sam Self,"1/5/26, 9:00 AM",,SIDEWAYS,,\n'
            ),
            "Events.csv": (
                "Event Name,Event Time,Status,External Url\n"
                'Tech Summit,"Apr 08, 2024 07:00 AM - Apr 08, 2024 05:00 PM",ATTENDING,'
                "https://summit.example\n"
            ),
            "Recommendations_Received.csv": (
                "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                'Ann,Lee,Acme,CTO,"Great, ""reliable"" teammate.","01/24/18, 03:00 PM",VISIBLE\n'
            ),
            "Endorsement_Given_Info.csv": (
                "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,"
                "Endorsee Public Url,Endorsement Status\n"
                "2023/06/05 15:47:58 UTC,Python,Bo,Chan,www.linkedin.com/in/bo-chan-1,ACCEPTED\n"
            ),
        },
    )
    found = {kind: rows for kind, _, rows in _consume(iter_export(archive))}
    outgoing, incoming, sideways = found["invitations"]
    assert outgoing == InvitationRow(
        from_name="Sam Self",
        to_name="Jane Doe",
        sent_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
        message="Loved your talk",
        direction="outgoing",
        inviter_url="https://www.linkedin.com/in/sam/",
        invitee_url="https://www.linkedin.com/in/jane-doe-12/",
        row_number=2,
    )
    assert incoming.direction == "incoming"
    assert incoming.sent_at == datetime(2025, 12, 31, 23, 59, tzinfo=UTC)
    assert isinstance(sideways, SkippedRow) and sideways.row == 4
    assert found["events"] == [
        EventRow(
            "Tech Summit",
            datetime(2024, 4, 8, 7, 0, tzinfo=UTC),
            "ATTENDING",
            "https://summit.example",
            2,
        )
    ]
    assert found["recommendations_received"] == [
        RecommendationRow(
            first_name="Ann",
            last_name="Lee",
            name="Ann Lee",
            company="Acme",
            job_title="CTO",
            direction="received",
            created_on=date(2018, 1, 24),
            status="VISIBLE",
            row_number=2,
        )
    ]
    (endorsement,) = found["endorsements_given"]
    assert isinstance(endorsement, EndorsementRow)
    assert (endorsement.direction, endorsement.public_id, endorsement.skill) == (
        "given",
        "bo-chan-1",
        "Python",
    )
    assert endorsement.endorsed_at == datetime(2023, 6, 5, 15, 47, 58, tzinfo=UTC)


def test_comment_links_of_every_shape():
    text = (
        "Date,Link,Comment\n"
        "2025-01-04 11:30:00 UTC,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A71"
        "?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A71%2C9%29,old header\n"
        "2025-01-04,https://www.linkedin.com/posts/jane-doe_hiring-activity-7234-AbCd,slug\n"
        "2025-01-04,https://www.linkedin.com/feed/update/urn:li:ugcPost:55/,ugc\n"
        "2025-01-04,,\n"
    )
    _, _, rows = only_file(io.BytesIO(text.encode()), "Comments.csv")
    assert [row.activity_urn for row in parsed(rows)] == [
        "urn:li:activity:71",
        "urn:li:activity:7234",
        "urn:li:ugcPost:55",
    ]
    assert isinstance(rows[0], CommentRow) and rows[0].message == "old header"
    assert skipped(rows) == [SkippedRow("Comments.csv", 5, "no link and no text")]


# --- hostile input ---------------------------------------------------------------------


def test_zip_bomb_is_rejected(tmp_path):
    archive = make_zip(tmp_path / "bomb.zip", {"messages.csv": b"0" * (4 * 1024 * 1024)})
    with pytest.raises(ExportError, match="zip bomb") as raised:
        list(iter_export(archive))
    assert raised.value.file == "messages.csv"


def test_too_many_members_and_too_large_are_rejected(tmp_path):
    archive = make_zip(tmp_path / "many.zip", {f"f{i}.csv": "a\n" for i in range(6)})
    with pytest.raises(ExportError, match="holds 6 files"):
        list(iter_export(archive, limits=ExportLimits(max_members=5)))
    with pytest.raises(ExportError, match="expand to more than"):
        list(iter_export(archive, limits=ExportLimits(max_total_uncompressed=10)))


def test_not_a_zip_nor_a_known_csv(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ExportError, match="not a readable zip"):
        list(iter_export(broken))
    with pytest.raises(ExportError, match="no LinkedIn export header"):
        list(iter_export(io.BytesIO(b"a,b,c\n1,2,3\n"), "random.csv"))
    with pytest.raises(ExportError, match="not conversations"):
        list(iter_export(io.BytesIO(MESSAGES_CURRENT.encode()), "guide_messages.csv"))


def test_an_endless_line_stops_the_file():
    text = CONNECTIONS_CURRENT + "Ann,Lee,,,,,\n" + "Jane," + "x" * 5000
    export_file = next(
        iter_export(
            io.BytesIO(text.encode()), "Connections.csv", limits=ExportLimits(max_line_chars=1000)
        )
    )
    rows = export_file.rows
    assert next(rows).name == "Jane Doe"
    assert next(rows).name == "Ann Lee"
    with pytest.raises(ExportError, match="longer than 1000 characters") as raised:
        next(rows)
    assert raised.value.file == "Connections.csv"


def test_an_oversized_field_skips_only_its_row():
    text = CONNECTIONS_CURRENT + '"' + "y" * 300 + '",Doe,,,,,\n' + "Ann,Lee,,,,,\n"
    _, _, rows = only_file(
        io.BytesIO(text.encode()), "Connections.csv", limits=ExportLimits(max_field_chars=200)
    )
    assert [row.name for row in parsed(rows)] == ["Jane Doe", "Ann Lee"]
    assert [row.reason for row in skipped(rows)] == ["a field is longer than 200 chars"]


def test_latin1_bytes_and_nul_bytes_do_not_stop_the_import():
    # Not UTF-8: read as Windows-1252 (issue 15, finding 8), so the name comes through whole.
    data = CONNECTIONS_CURRENT.encode() + b"Jos\xe9,Pe\x00rez,,,Acme,,01 Jan 2020\n"
    _, _, rows = only_file(io.BytesIO(data), "Connections.csv")
    assert rows[1].name == "Jos\u00e9 Perez"


# --- small helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15 Mar 2024", datetime(2024, 3, 15, tzinfo=UTC)),
        ("15 March 2024", datetime(2024, 3, 15, tzinfo=UTC)),
        ("08 Nov 2021", datetime(2021, 11, 8, tzinfo=UTC)),
        ("2026-08-01 02:00:00 UTC", datetime(2026, 8, 1, 2, tzinfo=UTC)),
        ("2026-08-01T02:00:00Z", datetime(2026, 8, 1, 2, tzinfo=UTC)),
        ("2023/06/05 15:47:58 UTC", datetime(2023, 6, 5, 15, 47, 58, tzinfo=UTC)),
        ("1/5/26, 9:00 AM", datetime(2026, 1, 5, 9, tzinfo=UTC)),
        ("12/31/25, 12:05 AM", datetime(2025, 12, 31, 0, 5, tzinfo=UTC)),
        ("1/5/26, 12:30 PM", datetime(2026, 1, 5, 12, 30, tzinfo=UTC)),
        ("06/30/25", datetime(2025, 6, 30, tzinfo=UTC)),
        ("Apr 08, 2024 07:00 PM - Apr 08, 2024 09:00 PM", datetime(2024, 4, 8, 19, tzinfo=UTC)),
        ("Jan 2024", datetime(2024, 1, 1, tzinfo=UTC)),
        ("30 Feb 2026", None),
        ("2026-02-30 10:00:00 UTC", None),
        ("2026-13-05 09:00:00", None),
        ("1/5/26, 13:00 PM", None),
        ("sometime later", None),
        ("Smarch 3, 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_export_dates(value, expected):
    assert parse_export_datetime(value) == expected
    assert parse_export_date(value) == (expected.date() if expected else None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:B2)", "'=SUM(A1:B2)"),
        ("+1 leads here", "'+1 leads here"),
        ("-danger", "'-danger"),
        ("@handle", "'@handle"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Jane = Doe", "Jane = Doe"),
        ("'already", "'already"),
        ("", ""),
    ],
)
def test_escape_spreadsheet_cell(value, expected):
    assert escape_spreadsheet_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.linkedin.com/in/jane-doe-12", "https://www.linkedin.com/in/jane-doe-12/"),
        ("http://linkedin.com/in/jane-doe-12/?trk=x", "https://www.linkedin.com/in/jane-doe-12/"),
        ("www.linkedin.com/in/bo-chan-1", "https://www.linkedin.com/in/bo-chan-1/"),
        ("https://uk.linkedin.com/in/ann#about", "https://www.linkedin.com/in/ann/"),
        ("https://www.linkedin.com/in/fran%C3%A7ois", "https://www.linkedin.com/in/françois/"),
        ('=HYPERLINK("https://www.linkedin.com/in/eve","Eve")', "https://www.linkedin.com/in/eve/"),
        ("https://www.linkedin.com/in/Jane-Doe-12", "https://www.linkedin.com/in/jane-doe-12/"),
        (
            "https://www.linkedin.com/in/ACoAABcdEfGhIjKlMn",
            "https://www.linkedin.com/in/ACoAABcdEfGhIjKlMn/",
        ),
        ("https://example.com/profile/1", None),
        ("https://www.linkedin.com/company/acme/", None),
        ("person@example.com", None),
        (None, None),
    ],
)
def test_canonical_profile_url(value, expected):
    assert canonical_profile_url(value) == expected


# --- message statistics ----------------------------------------------------------------


def message(conversation, sender, recipients, when, *, draft=False, line=0):
    name, url = sender
    return MessageRow(
        conversation_id=conversation,
        conversation_title=None,
        sender_name=name,
        sender_url=url,
        recipients=tuple(recipients),
        sent_at=when,
        subject=None,
        content=None,
        folder="INBOX",
        is_draft=draft,
        row_number=line,
    )


ME = ("Sam Self", "https://www.linkedin.com/in/sam/")
ANN = ("Ann Lee", "https://www.linkedin.com/in/ann/")
BO = ("Bo Chan", None)


def test_summarise_messages_per_counterpart():
    t0 = datetime(2026, 1, 1, 9, tzinfo=UTC)
    hour = timedelta(hours=1)
    rows = [
        # Ann answers two of the user's three turns, after 2 h and 4 h.
        message("a", ME, [ANN], t0),
        message("a", ME, [ANN], t0 + hour),  # same turn
        message("a", ANN, [ME], t0 + 3 * hour),
        message("a", ME, [ANN], t0 + 4 * hour),  # the user answered after 1 h
        message("a", ANN, [ME], t0 + 8 * hour),
        message("a", ME, [ANN], t0 + 30 * hour),
        message("a", ME, [ANN], t0 + 40 * hour, draft=True),
        # a group thread counts messages but not reply timing
        message("g", ME, [ANN, BO], t0 + 50 * hour),
        message("g", BO, [ME, ANN], t0 + 51 * hour),
        message("b", BO, [ME], None),
        SkippedRow("messages.csv", 9, "no sender name and no sender URL"),
    ]
    stats = summarise_messages(rows, [ME[1], "sam self"])
    assert set(stats) == {ANN[1], "Bo Chan"}
    ann = stats[ANN[1]]
    assert (ann.messages_sent, ann.messages_received, ann.conversations) == (5, 2, 2)
    assert ann.last_sent_at == t0 + 50 * hour and ann.last_received_at == t0 + 8 * hour
    assert ann.reply_rate == pytest.approx(2 / 3)
    assert ann.median_reply_latency == 3 * hour
    assert ann.your_median_reply_latency == timedelta(hours=11.5)  # median of 1 h and 22 h
    bo = stats["Bo Chan"]
    assert (bo.messages_sent, bo.messages_received, bo.last_received_at) == (1, 2, t0 + 51 * hour)
    assert bo.reply_rate is None and bo.median_reply_latency is None


def test_summarise_the_sample_threads_and_guess_the_user():
    _, _, rows = only_file(FIXTURES / "messages_01_synthetic_threads.csv")
    assert guess_self(rows) == "https://www.linkedin.com/in/sam-self/"
    stats = summarise_messages(rows, "Sam Self")  # by name: URLs are keys when known
    ada = stats["https://www.linkedin.com/in/ada-lovelace/"]
    assert (ada.messages_sent, ada.messages_received, ada.reply_rate) == (1, 1, 1.0)
    assert ada.median_reply_latency == timedelta(days=1)


# --- the generator and streaming -------------------------------------------------------


@pytest.mark.parametrize(
    "flags",
    [
        [],
        ["--hostile", "--bom", "--decoys"],
        ["--legacy-header", "--no-notes", "--member-case", "upper"],
    ],  # fmt: skip
    ids=["plain", "hostile", "legacy-upper"],
)
def test_generated_exports_parse_completely(tmp_path, flags):
    out = tmp_path / "export.zip"
    generate_export(["120", str(out), "--seed", "5", *flags])
    files = {kind: rows for kind, _, rows in _consume(iter_export(out))}
    assert set(files) == {
        "connections",
        "messages",
        "invitations",
        "comments",
        "shares",
        "events",
        "recommendations_received",
        "endorsements_received",
    }
    connections = files["connections"]
    assert len(connections) == 120 and not skipped(connections)
    with_url = [row for row in connections if row.profile_url]
    if "--legacy-header" in flags:
        assert not with_url
    else:
        assert len(with_url) > 100
    assert not skipped(files["messages"]) and parsed(files["messages"])
    assert all(row.sent_at is not None for row in files["messages"])
    assert all(row.activity_urn for row in files["comments"])


def test_generator_is_deterministic(tmp_path):
    generate_export(["50", str(tmp_path / "a.zip"), "--seed", "9", "--hostile"])
    generate_export(["50", str(tmp_path / "b.zip"), "--seed", "9", "--hostile"])
    generate_export(["50", str(tmp_path / "c.zip"), "--seed", "10", "--hostile"])
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert (tmp_path / "a.zip").read_bytes() != (tmp_path / "c.zip").read_bytes()


def test_rows_stream_lazily_from_an_unseekable_upload():
    class Unseekable(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)
            self.served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            chunk = self._data.read(min(len(buffer), 4096))
            buffer[: len(chunk)] = chunk
            self.served += len(chunk)
            return len(chunk)

    body = "".join(f"P{i},Q{i},,,Acme,,01 Jan 2020\n" for i in range(20_000))
    data = (CONNECTIONS_CURRENT + body).encode()
    upload = Unseekable(data)
    export_file = next(iter_export(upload, "Connections.csv"))
    rows = export_file.rows
    assert next(rows).name == "Jane Doe"
    assert upload.served < len(data) // 4  # read only as far as needed
    assert sum(1 for _ in rows) == 20_000


def test_a_damaged_member_is_an_export_error(tmp_path):
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Connections.csv", CONNECTIONS_CURRENT)
    data = bytearray(path.read_bytes())
    position = data.index(b"Jane,Doe")
    data[position : position + 4] = b"Joan"  # the CRC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(ExportError, match="damaged") as raised:
        list(_consume(iter_export(path)))
    assert raised.value.file == "Connections.csv"


def test_an_unzipped_export_folder(tmp_path):
    (tmp_path / "Jobs").mkdir()
    (tmp_path / "Connections.csv").write_text(CONNECTIONS_CURRENT, encoding="utf-8")
    (tmp_path / "guide_messages.csv").write_text(MESSAGES_CURRENT, encoding="utf-8")
    (tmp_path / "Jobs" / "Job Applications.csv").write_text("Application Date\n", encoding="utf-8")
    found = [(kind, name, len(rows)) for kind, name, rows in _consume(iter_export(tmp_path))]
    assert found == [("connections", "Connections.csv", 1)]


def test_reposts_are_not_comments_and_urn_urls_have_no_vanity_id():
    with pytest.raises(ExportError, match="no LinkedIn export header"):
        list(iter_export(io.BytesIO(b"Date,Link\n2025-01-01,https://x\n"), "InstantReposts.csv"))
    text = CONNECTIONS_CURRENT.replace("jane-doe-12", "ACoAABcdEfGhIjKlMn")
    _, _, (row,) = only_file(io.BytesIO(text.encode()), "Connections.csv")
    assert row.profile_url == "https://www.linkedin.com/in/ACoAABcdEfGhIjKlMn/"
    assert row.public_id is None


@settings(max_examples=150, deadline=None)
@given(
    body=st.lists(
        st.lists(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
            | st.sampled_from(["NA", "=1+1", '"', "\r\n", "30 Feb 2026", "\ufeff"]),
            max_size=9,
        ),
        max_size=12,
    ),
    raw_tail=st.binary(max_size=64),
)
def test_arbitrary_content_never_crashes_the_reader(body, raw_tail):
    lines = [",".join(cells) for cells in body]
    data = (CONNECTIONS_CURRENT + "\n".join(lines)).encode() + raw_tail
    rows = list(next(iter_export(io.BytesIO(data), "Connections.csv")).rows)
    assert rows[0].name == "Jane Doe"
    for row in rows:
        assert isinstance(row, ConnectionRow | SkippedRow)
        if isinstance(row, ConnectionRow):
            assert row.name or row.profile_url


RECOMMENDATIONS = "First Name,Last Name,Company,Job Title,Text,Creation Date,Status"
ENDORSEMENTS_GIVEN = (
    "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,"
    "Endorsement Status"
)
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
LEGACY_CONNECTIONS = "First Name,Last Name,Email Address,Company,Position,Connected On"


@pytest.mark.parametrize(
    ("filename", "header", "kind"),
    [
        ("my recs.csv", RECOMMENDATIONS, "recommendations_received"),
        ("Recommendations_Given (1).csv", RECOMMENDATIONS, "recommendations_given"),
        ("endorse.csv", ENDORSEMENTS_GIVEN, "endorsements_given"),
        ("x.csv", "Event Name,Event Time,Status,External Url", "events"),
        ("y.csv", INVITATIONS, "invitations"),
        ("Connections (2).csv", LEGACY_CONNECTIONS, "connections"),
    ],
)
def test_single_csvs_with_any_name_are_classified_by_header(filename, header, kind):
    assert only_file(io.BytesIO(f"{header}\n".encode()), filename)[0] == kind
