"""POST /api/imports/linkedin: real sample files, a generated full export, re-imports, limits."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter

import pytest
from sqlalchemy import select

from tests.support import export_generator as generator
from tests.support.api_calls import upload, upload_path
from tests.support.app import build_app
from tests.support.fixtures import FIXTURES_DIR as FIXTURES
from topofmind.linkedin.export import (
    ConnectionRow,
    InvitationRow,
    MessageRow,
    ShareRow,
    iter_export,
)
from topofmind.store.models import Interaction, MutualConnection, Post

EXPORT = FIXTURES / "linkedin-export"


def all_connections(client) -> list[dict]:
    items, page = [], 1
    while True:
        body = client.get(f"/api/connections?per_page=200&page={page}").json
        items += body["items"]
        if len(items) >= body["total"]:
            return items
        page += 1


def session_of(client):
    return client.raw.application.extensions["topofmind"].session_factory()


# Counted by hand from each file: rows with neither a name nor a URL are skipped.
@pytest.mark.parametrize(
    ("file", "added", "skipped_rows"),
    [
        ("connections_03_synthetic_min.csv", 2, []),
        ("connections_04_synthetic_edgecases.csv", 4, [5]),
        ("connections_02_legacy_no_url.csv", 397, [90, 92, 245]),
    ],
)
def test_sample_connection_files_import_with_exact_counts(client, file, added, skipped_rows):
    response = upload_path(client, EXPORT / file)
    assert response.status_code == 200, response.json
    report = response.json
    assert (report["added"], report["updated"], report["unchanged"]) == (added, 0, 0)
    assert [skip["row"] for skip in report["skipped"]] == skipped_rows
    assert all(skip["file"] == file for skip in report["skipped"])
    assert client.get("/api/connections").json["total"] == added

    again = upload_path(client, EXPORT / file).json
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, added)


def test_minimal_file_fields_are_stored(client):
    upload_path(client, EXPORT / "connections_03_synthetic_min.csv")
    items = client.get("/api/connections?sort=name").json["items"]
    assert [(c["name"], c["company"], c["position"], c["connected_on"]) for c in items] == [
        ("Bob Smith", "Acme", "Engineer", "2024-06-15"),
        ("Cara Jones", "Innotech", "Manager", "2024-07-20"),
    ]
    assert items[0]["profile_url"] == "https://www.linkedin.com/in/bob/"
    assert items[0]["tracked_person_id"] is None


def test_hostile_cells_are_stored_as_text_and_escaped_in_csv(client):
    upload_path(client, EXPORT / "connections_04_synthetic_edgecases.csv")
    hostile = client.get("/api/connections?q=lovelace&sort=name").json["items"]
    formula = next(c for c in hostile if c["name"].startswith("="))
    assert formula["name"] == "=2+5 +Lovelace"
    assert formula["company"] == "-Analytical Co"
    assert formula["position"] == "@Handle Corp"
    assert formula["connected_on"] is None  # 30 Feb
    assert formula["profile_url"] is None

    response = client.get("/api/connections.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    row = next(r for r in rows if "Lovelace" in r["name"] and "Analytical Co" in r["company"])
    assert row["name"] == "'=2+5 +Lovelace"
    assert row["company"] == "'-Analytical Co"
    assert row["position"] == "'@Handle Corp"
    for cell in (value for r in rows for value in r.values()):
        assert not cell or cell[0] not in "=+-@\t\r"


def test_messages_become_interactions_for_tracked_people_only(client, make_person):
    ada = make_person(name="Ada Lovelace", profile_url="https://www.linkedin.com/in/ada-lovelace/")
    file = EXPORT / "messages_01_synthetic_threads.csv"
    report = upload_path(client, file).json
    assert report["by_kind"]["messages"]["added"] == 2

    with session_of(client) as session:
        rows = session.execute(
            select(
                Interaction.person_id, Interaction.kind, Interaction.direction, Interaction.note
            ).order_by(Interaction.occurred_at)
        ).all()
    # Sam Self (the user) wrote to Ada first and Ada answered; Bob Smith is not tracked.
    assert [tuple(r) for r in rows] == [
        (ada["id"], "message", "outbound", None),
        (ada["id"], "inbound_reply", "inbound", None),
    ]
    again = upload_path(client, file).json
    assert again["added"] == 0
    assert again["by_kind"]["messages"] == {"added": 0, "updated": 0, "unchanged": 2, "ignored": 0}


def test_message_bodies_are_kept_only_when_the_setting_says_so(client, make_person):
    make_person(name="Ada Lovelace", profile_url="https://www.linkedin.com/in/ada-lovelace/")
    assert client.patch("/api/settings", json={"keep_message_bodies": True}).status_code == 200
    upload_path(client, EXPORT / "messages_01_synthetic_threads.csv")
    with session_of(client) as session:
        notes = session.scalars(select(Interaction.note).order_by(Interaction.occurred_at)).all()
    assert notes == ["+1, that works for me", "=totally fine by me"]


def test_message_stats_land_on_the_connection(client):
    connections = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Globex,CTO,01 Mar 2020\n"
    )
    upload(client, connections.encode(), "Connections.csv")
    upload_path(client, EXPORT / "messages_01_synthetic_threads.csv")
    (ada,) = client.get("/api/connections").json["items"]
    assert (ada["messages_sent"], ada["messages_received"]) == (1, 1)
    assert ada["last_sent_at"].startswith("2025-01-01T10:00:00")
    assert ada["last_received_at"].startswith("2025-01-02T10:00:00")
    assert ada["reply_rate"] == 1.0
    assert ada["median_reply_hours"] == 24.0


@pytest.fixture
def generated_export(tmp_path):
    path = tmp_path / "export.zip"
    argv = [
        "300",
        str(path),
        "--seed",
        "11",
        "--hostile",
        "--bom",
        "--decoys",
        "--message-share",
        "1.0",
    ]
    generator.main(argv)
    people = generator.Generator(generator.parse_args(argv)).people
    return path, people


def test_generated_export_with_every_file(client, make_person, generated_export):
    path, people = generated_export
    tracked_url = people[3]["url"] + "/"
    tracked = make_person(name=f"{people[3]['first']} {people[3]['last']}", profile_url=tracked_url)

    kinds: Counter[str] = Counter()
    with_tracked = 0
    for export_file in iter_export(path):
        for row in export_file.rows:
            kinds[type(row).__name__] += 1
            if isinstance(row, MessageRow) and not row.is_draft and row.sent_at:
                urls = {row.sender_url, *(url for _, url in row.recipients)}
                with_tracked += tracked["profile_url"] in urls
    assert with_tracked > 0

    report = upload_path(client, path).json
    by_kind = report["by_kind"]
    connections = by_kind["connections"]
    duplicates = [
        s
        for s in report["skipped"]
        if s["file"] == "Connections.csv" and s["reason"].startswith("same ")
    ]
    assert connections["added"] == kinds[ConnectionRow.__name__] - len(duplicates)
    assert client.get("/api/connections").json["total"] == connections["added"]
    assert by_kind["invitations"]["added"] == kinds[InvitationRow.__name__]
    assert by_kind["shares"]["added"] == kinds[ShareRow.__name__]
    assert by_kind["messages"]["added"] == with_tracked
    assert by_kind["message_stats"]["updated"] > 0
    assert by_kind["ties"]["updated"] > 0
    assert by_kind["events"]["added"] > 0  # stored as facts since issue 16
    assert "guide_messages.csv" not in report["files"]
    assert "Connections.csv" in report["files"]
    assert tracked["id"] in report["affected_person_ids"]
    # The decoys (guide_messages.csv, Profile.csv…) are not read.
    assert {s["file"] for s in report["skipped"]} <= {
        "Connections.csv",
        "messages.csv",
        "Invitations.csv",
        "Comments.csv",
        "Shares.csv",
    }

    linked = [c for c in all_connections(client) if c["tracked_person_id"] == tracked["id"]]
    assert len(linked) == 1 and linked[0]["profile_url"] == tracked["profile_url"]

    again = upload_path(client, path).json
    assert again["added"] == 0, again["by_kind"]
    assert again["updated"] == 0, {k: v for k, v in again["by_kind"].items() if v["updated"]}
    assert again["unchanged"] == report["added"] + report["updated"]
    assert again["skipped_total"] == report["skipped_total"]


def test_a_newer_export_updates_what_changed(client):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    first = header + (
        "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Mathematician,"
        "01 Mar 2020\nBob,Smith,https://www.linkedin.com/in/bob,,Acme,Engineer,15 Jun 2024\n"
    )
    newer = first.replace("Acme,Engineer", "Globex,Staff Engineer") + (
        "Cara,Jones,https://www.linkedin.com/in/cara,,Innotech,Manager,20 Jul 2024\n"
    )
    assert upload(client, first.encode(), "Connections.csv").json["added"] == 2
    report = upload(client, newer.encode(), "Connections.csv").json
    assert (report["added"], report["updated"], report["unchanged"]) == (1, 1, 1)
    bob = client.get("/api/connections?q=bob").json["items"][0]
    assert (bob["company"], bob["position"]) == ("Globex", "Staff Engineer")


def test_duplicate_rows_in_one_file_are_skipped_with_the_first_row_named(client):
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,https://www.linkedin.com/in/ada,,A,B,01 Mar 2020\n"
        "Ada,Lovelace,https://linkedin.com/in/ADA/,,A,B,01 Mar 2020\n"
    )
    report = upload(client, data.encode(), "Connections.csv").json
    assert report["added"] == 1
    assert report["skipped"] == [
        {"file": "Connections.csv", "row": 3, "reason": "same profile URL as row 2"}
    ]


def test_comments_on_stored_posts_of_tracked_people_become_interactions(client, make_person):
    ada = make_person(name="Ada Lovelace", profile_url="https://www.linkedin.com/in/ada/")
    with session_of(client) as session, session.begin():
        session.add(Post(urn="urn:li:activity:7100000000000000000", person_id=ada["id"]))
        session.add(Post(urn="urn:li:activity:7100000000000000001", person_id=None))
    comments = (
        "Date,Link,Message\n"
        "2026-11-20 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A"
        '7100000000000000000,"=Great point, Ada"\n'
        "2026-11-21 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A"
        "7100000000000000001,Nice\n"
        "2026-11-22 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,Hm\n"
    )
    report = upload(client, comments.encode(), "Comments.csv").json
    assert report["by_kind"]["comments"] == {"added": 1, "updated": 0, "unchanged": 0, "ignored": 2}
    with session_of(client) as session:
        (comment,) = session.scalars(select(Interaction)).all()
        assert (comment.person_id, comment.kind, comment.post_urn, comment.note) == (
            ada["id"],
            "comment",
            "urn:li:activity:7100000000000000000",
            "=Great point, Ada",
        )
    assert upload(client, comments.encode(), "Comments.csv").json["added"] == 0


def test_shares_and_invitations_are_stored_once(client):
    shares = upload_path(client, EXPORT / "shares_02_synthetic_fuzz.csv").json
    assert shares["by_kind"]["shares"]["added"] == shares["added"] > 0
    assert upload_path(client, EXPORT / "shares_02_synthetic_fuzz.csv").json["added"] == 0
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        'Sam Self,Ada Lovelace,"1/5/26, 9:00 AM",Hi Ada,OUTGOING,'
        "https://www.linkedin.com/in/sam,https://www.linkedin.com/in/ada\n"
        'Bob Smith,Sam Self,"1/6/26, 9:00 AM",,INCOMING,'
        "https://www.linkedin.com/in/bob,https://www.linkedin.com/in/sam\n"
    )
    first = upload(client, invitations.encode(), "Invitations.csv").json
    assert first["by_kind"]["invitations"]["added"] == 2
    again = upload(client, invitations.encode(), "Invitations.csv").json
    assert again["by_kind"]["invitations"] == {
        "added": 0,
        "updated": 0,
        "unchanged": 2,
        "ignored": 0,
    }


def test_import_joins_mutual_connections_seen_earlier(client, make_person):
    target = make_person(name="Grace Hopper", profile_url="https://www.linkedin.com/in/grace/")
    with session_of(client) as session, session.begin():
        session.add(
            MutualConnection(person_id=target["id"], name="Bob Smith", name_key="bob smith")
        )
    upload_path(client, EXPORT / "connections_03_synthetic_min.csv")
    with session_of(client) as session:
        mutual = session.scalars(select(MutualConnection)).one()
        assert mutual.connection_id is not None
        assert mutual.profile_url == "https://www.linkedin.com/in/bob/"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "needle"),
    [
        (b"hello", "notes.txt", ".zip or .csv"),
        (b"PK\x03\x04 definitely not a zip", "export.zip", "zip"),
        (b"a,b,c\n1,2,3\n", "random.csv", "header"),
        (zip_bytes({"Connections.csv": b"\0" * (8 * 1024 * 1024)}), "bomb.zip", "zip bomb"),
    ],
    ids=["wrong-type", "broken-zip", "unknown-csv", "zip-bomb"],
)
def test_bad_uploads_are_refused_naming_file(client, data, filename, needle):
    response = upload(client, data, filename)
    assert response.status_code == 422, response.json
    assert "file" in response.json["errors"]
    assert needle in response.json["message"] + " ".join(response.json["errors"]["file"])
    assert client.get("/api/connections").json["total"] == 0


def test_missing_file_is_refused_naming_file(client):
    response = client.post(
        "/api/imports/linkedin", data={"other": "x"}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert response.json["errors"] == {"file": ["Missing file."]}


def test_an_upload_over_the_limit_gets_413_naming_file(database_url, tmp_path, clock):
    from tests.support.app import ApiClient

    app = build_app(database_url, tmp_path / "data", clock, MAX_CONTENT_LENGTH=64 * 1024)
    client = ApiClient(app.test_client(), app.config["TOKEN"])
    response = upload(client, b"x" * (128 * 1024), "Connections.csv")
    assert response.status_code == 413
    assert "file" in response.json["errors"]


def test_import_needs_the_token(anonymous):
    response = upload(anonymous, b"a", "Connections.csv")
    assert response.status_code == 401


@pytest.mark.parametrize("page", [3, 5000])
def test_message_figures_match_summarising_the_whole_file(client, generated_export, page):
    """Figures are computed one counterpart at a time from spilled rows, a page at a time; they
    must equal `summarise_messages` over the whole file (pages of 3 rows force every boundary,
    including counterparts with more messages than a page)."""
    import topofmind.services.imports as imports

    path, _people = generated_export
    original = imports.SPILL_PAGE
    imports.SPILL_PAGE = page
    try:
        report = upload_path(client, path).json
    finally:
        imports.SPILL_PAGE = original
    assert report["by_kind"]["message_stats"]["updated"] > 20

    from topofmind.linkedin.export import summarise_messages

    for export_file in iter_export(path):
        if export_file.kind == "messages":
            expected = summarise_messages(export_file.rows, generator.SELF_URL)
    stored = {c["profile_url"]: c for c in all_connections(client) if c["profile_url"]}
    compared = 0
    for key, stats in expected.items():
        connection = stored.get(key)
        if connection is None:
            continue
        compared += 1
        assert (connection["messages_sent"], connection["messages_received"]) == (
            stats.messages_sent,
            stats.messages_received,
        ), key
        assert connection["reply_rate"] == (
            round(stats.reply_rate, 4) if stats.reply_rate is not None else None
        ), key
        latency = stats.median_reply_latency
        assert connection["median_reply_hours"] == (
            round(latency.total_seconds() / 3600, 2) if latency is not None else None
        ), key
    assert compared == report["by_kind"]["message_stats"]["updated"]
