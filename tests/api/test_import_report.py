"""The import's report per file: recognised or not, counts, skip reasons, the encoding read;
an upload with no recognised file is refused (422) naming what LinkedIn's export holds."""

from __future__ import annotations

import io
import zipfile

from tests.support.fixtures import FIXTURES_DIR

EXPORT = FIXTURES_DIR / "linkedin-export"

CONNECTIONS = (
    'Notes:\n"When exporting your connection data, you may notice..."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lövelace,https://www.linkedin.com/in/ada-l,,Engines Ltd,Analyst,01 Dec 2026\n"
    ",,,,,,01 Dec 2026\n"
)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(client, data: bytes, filename: str):
    return client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def test_a_mixed_zip_reports_each_file(client):
    data = zipped(
        {
            "Connections.csv": CONNECTIONS.encode("cp1252"),
            "Profile.csv": b"First Name,Last Name\nAda,Lovelace\n",
            "Learning.csv": b"Content Title\nSomething\n",
        }
    )
    response = upload(client, data, "Basic_LinkedInDataExport.zip")
    assert response.status_code == 200, response.json
    reports = {report["name"]: report for report in response.json["file_reports"]}
    assert set(reports) == {"Connections.csv", "Profile.csv", "Learning.csv"}
    connections = reports["Connections.csv"]
    assert connections["recognised"] is True
    assert connections["kind"] == "connections"
    assert connections["added"] == 1
    assert connections["skipped"] == 1
    assert connections["reasons"][0]["count"] == 1
    assert connections["encoding"] not in (None, "utf-8", "utf-8-sig")
    assert reports["Profile.csv"]["recognised"] is False
    assert reports["Learning.csv"]["recognised"] is False

    again = upload(client, data, "Basic_LinkedInDataExport.zip").json
    again_connections = next(r for r in again["file_reports"] if r["name"] == "Connections.csv")
    assert again_connections["unchanged"] == 1
    assert again_connections["added"] == 0


def test_a_zip_with_no_recognised_file_is_refused(client):
    data = zipped({"Profile.csv": b"First Name\nAda\n", "notes.txt": b"hello"})
    response = upload(client, data, "something.zip")
    assert response.status_code == 422
    body = response.json
    assert "file" in body["errors"]
    assert "Profile.csv" in body["message"]
    assert "Connections.csv" in body["message"]
    assert client.get("/api/connections").json["total"] == 0


def test_a_csv_with_no_known_header_names_the_export_files(client):
    response = upload(client, b"Title,Body\nA,B\n", "mystery.csv")
    assert response.status_code == 422
    assert "Connections.csv" in response.json["message"]


def test_one_csv_reports_itself(client):
    path = EXPORT / "connections_03_synthetic_min.csv"
    body = upload(client, path.read_bytes(), "Connections.csv").json
    [report] = body["file_reports"]
    assert report["recognised"] is True
    assert report["added"] == body["by_kind"]["connections"]["added"]
    assert report["rows"] >= report["added"]


def test_connections_filter_by_position_and_tracking_then_track_one(client):
    upload(client, zipped({"Connections.csv": CONNECTIONS.encode()}), "export.zip")
    assert client.get("/api/connections?position=analy").json["total"] == 1
    assert client.get("/api/connections?position=chef").json["total"] == 0
    [ada] = client.get("/api/connections?tracked=false").json["items"]
    assert ada["tracked_person_id"] is None
    assert client.get("/api/connections?source=bogus").status_code == 422


def test_tracking_a_connection_creates_the_person_once(app, client, clock):
    from topofmind.services.network import track_connection

    upload(client, zipped({"Connections.csv": CONNECTIONS.encode()}), "export.zip")
    [ada] = client.get("/api/connections").json["items"]
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        person = track_connection(session, ada["id"], clock())
        first_id = person.id
    with factory.begin() as session:
        assert track_connection(session, ada["id"], clock()).id == first_id
    [person] = client.get("/api/contacts").json["items"]
    assert (person["name"], person["company"], person["title"]) == (
        "Ada Lövelace",
        "Engines Ltd",
        "Analyst",
    )
    assert client.get("/api/connections?tracked=true").json["items"][0]["tracked_person_id"] == (
        first_id
    )
