"""Issue 15, finding 8: a Connections.csv saved again by a spreadsheet in Latin-1/Windows-1252
or UTF-16 reads right (bs4's UnicodeDammit), and the report says which encoding was read."""

from __future__ import annotations

import io
import zipfile

import pytest

BASE = "http://127.0.0.1:8765"
CSV = (
    "Notes:\r\n"
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Jürgen,Müller,https://www.linkedin.com/in/jmueller,,Bäckerei Größe,Bäcker,15 Jun 2024\r\n"
    "José,Núñez,https://www.linkedin.com/in/jnunez,,Café Señor,Barista,16 Jun 2024\r\n"
)
NAMES = ["José Núñez", "Jürgen Müller"]


def upload(client, data: bytes, filename: str):
    return client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


@pytest.mark.parametrize(
    "encoding,reported",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("latin-1", "cp1252"),
        ("cp1252", "cp1252"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_a_csv_in_any_usual_encoding_reads_right(client, encoding, reported):
    response = upload(client, CSV.encode(encoding), "Connections.csv")
    assert response.status_code == 200, response.json
    report = response.json
    assert report["added"] == 2
    assert report["encodings"] == {"Connections.csv": reported}
    warned = any("read as" in note for note in report["notes"])
    assert warned == (reported not in ("utf-8", "utf-8-sig"))
    items = client.get("/api/connections?sort=name").json["items"]
    assert [item["name"] for item in items] == NAMES
    assert {item["company"] for item in items} == {"Bäckerei Größe", "Café Señor"}


def test_a_latin1_member_of_a_zip_is_read_right_and_reported(client):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Connections.csv", CSV.encode("latin-1"))
    response = upload(client, archive.getvalue(), "Basic_LinkedInDataExport.zip")
    assert response.status_code == 200, response.json
    assert response.json["encodings"] == {"Connections.csv": "cp1252"}
    items = client.get("/api/connections?sort=name").json["items"]
    assert [item["name"] for item in items] == NAMES


def test_a_utf8_character_cut_by_the_sample_is_still_utf8():
    from topofmind.linkedin.export import ENCODING_SAMPLE_BYTES, detect_encoding

    line = "Jürgen,Müller\n".encode()
    head = (line * (ENCODING_SAMPLE_BYTES // len(line) + 1))[:ENCODING_SAMPLE_BYTES]
    head = head[: head.rindex("ü".encode()) + 1]  # ends in the middle of "ü"
    assert detect_encoding(head) == "utf-8"
