"""Bad input: each a clear 4xx naming the problem, never a 500, nothing half-written.

Cases already covered in tests/api (bad capture fields, opportunity validation, contacts
validation) are not repeated; this table adds hostile sizes, encodings, nesting, dates and URLs.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.support.sample_data import capture_payload

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def counts(client) -> dict[str, int]:
    """What is stored, as the API lists it."""
    return {
        path: client.get(path).json["total"]
        for path in ("/api/contacts", "/api/captures", "/api/interactions", "/api/opportunities")
    }


@pytest.fixture
def person(make_person):
    return make_person(name="Ada Target")


def raw_post(client, path, body: bytes, content_type="application/json"):
    return client.post(path, data=body, headers={"Content-Type": content_type})


# --- bodies: size, encoding, nesting -------------------------------------------------------


@SQLITE
def test_oversized_json_body_is_413(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 100_000
    before = counts(client)
    body = json.dumps({"name": "Big", "notes": "x" * 200_000}).encode()
    response = raw_post(client, "/api/contacts", body)
    assert response.status_code == 413
    assert response.json["code"] == 413
    assert counts(client) == before


@SQLITE
def test_capture_html_over_the_limit_is_413_naming_html(client, app):
    app.config["MAX_CAPTURE_BYTES"] = 50_000
    payload = capture_payload("profile_loggedin_03.html")  # ~540 kB of real HTML
    response = client.post("/api/captures", json=payload)
    assert response.status_code == 413
    assert "html" in response.json["errors"]
    assert counts(client)["/api/captures"] == 0


@pytest.mark.parametrize(
    "body",
    [
        b'{"name": "\xff\xfe broken"}',
        b'{"name": "caf\xc3"}',
        b"\xef\xbb\xbf\xff{}",
        b'{"name": "\\ud800 lone surrogate"}',
    ],
)
def test_invalid_utf8_json_is_a_4xx(client, body):
    before = counts(client)
    response = raw_post(client, "/api/contacts", body)
    assert 400 <= response.status_code < 500, response.data[:300]
    assert response.json["code"] == response.status_code
    assert counts(client) == before


@pytest.mark.parametrize("depth", [100, 5_000, 100_000])
def test_deeply_nested_json_is_a_4xx(client, depth):
    before = counts(client)
    body = ('{"name": "Nest", "tags": ' + "[" * depth + "]" * depth + "}").encode()
    response = raw_post(client, "/api/contacts", body)
    assert response.status_code in (400, 422), response.data[:300]
    assert counts(client) == before


def test_deeply_nested_settings_value_is_a_4xx(client):
    depth = 5_000
    body = ('{"cadence": ' + '{"a": ' * depth + "1" + "}" * depth + "}").encode()
    response = client.patch(
        "/api/settings", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (400, 422), response.data[:300]
    assert client.get("/api/settings").json["cadence"] == {}


@SQLITE
@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 200_000,
        "<html><body>" + "<span><b><i>" * 60_000 + "x",
        "<table>" + "<tr><td><table>" * 30_000,
        "<!--" * 100_000,
        "<p>" + "&amp;" * 300_000,
    ],
    ids=["div-200k", "inline-180k", "tables-90k", "comments-100k", "entities-300k"],
)
def test_deeply_nested_html_is_stored_never_a_500(client, html):
    payload = capture_payload("profile_loggedin_03.html")
    payload["html"] = html
    response = client.post("/api/captures", json=payload)
    assert response.status_code == 201, response.data[:300]
    assert response.json["status"] in ("empty", "unknown", "failed", "parsed")
    assert counts(client)["/api/captures"] == 1


# --- fields: types, missing, enums, dates, URLs ----------------------------------------------


@SQLITE
@pytest.mark.parametrize(
    "path_template,payload,field",
    [
        ("/api/contacts", {"name": 123}, "name"),
        ("/api/contacts", {"name": ["A"]}, "name"),
        ("/api/contacts", {"name": "A", "tags": "not-a-list"}, "tags"),
        ("/api/contacts", {"name": "A", "degree": "2nd"}, "degree"),
        ("/api/contacts", {"name": "A", "degree": 7}, "degree"),
        ("/api/contacts", {"name": "A", "do_not_contact": "maybe"}, "do_not_contact"),
        ("/api/contacts", {"name": "A", "time_zone": "Mars/Olympus"}, "time_zone"),
        ("/api/contacts", {"headline": "no name"}, "name"),
        (
            "/api/contacts",
            {"name": "A", "profile_url": "https://evil.example/in/a/"},
            "profile_url",
        ),
        (
            "/api/contacts",
            {"name": "A", "profile_url": "https://linkedin.com.evil.example/in/a/"},
            "profile_url",
        ),
        ("/api/contacts/{id}/interactions", {}, "kind"),
        ("/api/contacts/{id}/interactions", {"kind": "hug"}, "kind"),
        ("/api/contacts/{id}/interactions", {"kind": "call", "direction": "sideways"}, "direction"),
        ("/api/contacts/{id}/interactions", {"kind": "call", "note": 5}, "note"),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "occurred_at": "9999-12-31T00:00:00Z"},
            "occurred_at",
        ),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "occurred_at": "0001-01-01T00:00:00Z"},
            "occurred_at",
        ),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "occurred_at": "2026-02-30T10:00:00Z"},
            "occurred_at",
        ),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "occurred_at": "+12026-01-01T00:00:00Z"},
            "occurred_at",
        ),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "occurred_at": 1732540000},
            "occurred_at",
        ),
        (
            "/api/contacts/{id}/interactions",
            {"kind": "call", "opportunity_id": 99999},
            "opportunity_id",
        ),
        ("/api/opportunities", {"company": "A", "title": "B", "stage": "won"}, "stage"),
        ("/api/opportunities", {"company": "A", "title": 5}, "title"),
        ("/api/opportunities", {"company": "A", "title": "B", "people": "everyone"}, "people"),
        (
            "/api/opportunities",
            {"company": "A", "title": "B", "decision_expected_on": "1066-10-14"},
            "decision_expected_on",
        ),
        ("/api/interviews", {"starts_at": "2026-11-24T10:00:00Z"}, "opportunity_id"),
        (
            "/api/interviews",
            {
                "opportunity_id": 99999,
                "starts_at": "2026-11-24T10:00:00Z",
                "ends_at": "2026-11-24T11:00:00Z",
            },
            "opportunity_id",
        ),
    ],
)
def test_wrong_fields_are_a_4xx_naming_the_field(client, person, path_template, payload, field):
    before = counts(client)
    response = client.post(path_template.format(id=person["id"]), json=payload)
    assert response.status_code in (404, 409, 422), response.json
    assert field in (response.json.get("errors") or {}), response.json
    assert counts(client) == before


@pytest.mark.parametrize(
    "url",
    [
        "https://linkedin.com.evil.example/in/ada/",
        "https://evil.example/?next=https://www.linkedin.com/in/ada/",
        "http://www.linkedin.com@evil.example/in/ada/",
        "https://evil.example/www.linkedin.com/in/ada/",
        "file:///etc/passwd",
        "data:text/html,<h1>www.linkedin.com</h1>",
        "ftp://www.linkedin.com/in/ada/",
        "https://www.linkedin.com.",
        "https://xn--linkedn-yxa.com/in/ada/",
    ],
)
@SQLITE
def test_non_linkedin_capture_urls_are_422_naming_url(client, url):
    payload = capture_payload("profile_loggedin_03.html", url=url)
    response = client.post("/api/captures", json=payload)
    assert response.status_code == 422, response.json
    assert "url" in response.json["errors"]
    assert counts(client) == {k: 0 for k in counts(client)}


@pytest.mark.parametrize(
    "captured_at", ["1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "not a date", None, 12]
)
@SQLITE
def test_capture_dates_out_of_range_are_422(client, captured_at):
    payload = capture_payload("profile_loggedin_03.html")
    payload["captured_at"] = captured_at
    response = client.post("/api/captures", json=payload)
    assert response.status_code == 422, response.json
    assert "captured_at" in response.json["errors"]
    assert counts(client)["/api/captures"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=-1",
        "per_page=100000",
        "page=abc",
        "page=99999999999999999999999",
        "sort=%00",
        "degree=4",
        "q=" + "x" * 5000,
    ],
)
@SQLITE
def test_bad_list_queries_are_4xx_never_500(client, query):
    response = client.get(f"/api/contacts?{query}")
    assert response.status_code in (200, 422), response.json
    if response.status_code == 422:
        assert response.json["errors"]


@pytest.mark.parametrize(
    "method,path,payload",
    [
        ("GET", f"/api/contacts/{2**70}", None),
        ("DELETE", f"/api/contacts/{2**64 + 1}", None),
        ("GET", f"/api/suggestions/{2**64 + 1}", None),
        (
            "POST",
            "/api/opportunities",
            {"company": "A", "title": "B", "people": [{"person_id": 2**70}]},
        ),
        ("POST", "/api/contacts/{id}/interactions", {"kind": "call", "opportunity_id": 2**70}),
    ],
)
def test_ids_past_64_bits_are_4xx(client, person, method, path, payload):
    """Found by schemathesis: SQLite raised OverflowError, a 500."""
    before = counts(client)
    response = client.open(method, path.format(id=person["id"]), json=payload)
    assert response.status_code in (400, 404, 422), response.json
    assert counts(client) == before


@SQLITE
def test_a_failing_request_leaves_nothing_half_written(client, person, make_opportunity):
    """An interview whose second interviewer is unknown: the opportunity's stage does not move."""
    opportunity = make_opportunity(stage="applied")
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": "2026-11-24T10:00:00Z",
            "ends_at": "2026-11-24T11:00:00Z",
            "interviewer_ids": [person["id"], 99999],
        },
    )
    assert response.status_code in (404, 422), response.json
    assert client.get(f"/api/opportunities/{opportunity['id']}").json["stage"] == "applied"
    assert client.get("/api/interviews").json["total"] == 0


# --- POST /api/imports/linkedin (the data export upload) ---------------------------------------


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def upload(client, name: str, data: bytes):
    return client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def connections_total(client) -> int:
    response = client.get("/api/connections")
    assert response.status_code == 200, response.status_code
    return response.json["total"]


HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROW = b"Ada,Lovelace,https://www.linkedin.com/in/ada-l/,,Analytical,Engineer,01 Jan 2024\n"


@SQLITE
def test_zip_bomb_is_refused(client):
    # 200 MB of zeros behind a CSV header, about 200 kB zipped: refuse it, never expand it all.
    bomb = zip_bytes({"Connections.csv": HEADER + b"\x00" * (200 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    response = upload(client, "export.zip", bomb)
    assert response.status_code in (413, 422), response.status_code
    assert "file" in response.json["errors"]
    assert connections_total(client) == 0


@SQLITE
def test_huge_csv_upload_is_413(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    response = upload(client, "Connections.csv", HEADER + ROW * 30_000)  # ~2.4 MB
    assert response.status_code == 413
    assert "file" in response.json["errors"]
    assert connections_total(client) == 0


@pytest.mark.parametrize(
    "name,data",
    [
        ("export.zip", b"PK\x03\x04 this is not a zip"),
        ("export.zip", b""),
        ("Connections.csv", b"\xff\xfe\x00garbage\x00\x00"),
        ("notes.txt", b"hello"),
        ("export.zip", zip_bytes({"../../etc/passwd": b"root:x:0:0"})),
    ],
    ids=["not-a-zip", "empty", "binary-csv", "wrong-suffix", "path-traversal"],
)
@SQLITE
def test_broken_uploads_are_4xx_naming_file(client, name, data):
    response = upload(client, name, data)
    assert response.status_code in (200, 422), response.status_code
    if response.status_code == 422:
        assert "file" in response.json["errors"]
    assert connections_total(client) == 0


def test_csv_with_broken_rows_imports_the_good_ones(client):
    """Invalid UTF-8, a NUL byte (PostgreSQL text cannot hold one), an unterminated quote."""
    csv = HEADER + ROW + b"\xff\xfe,\x00,not a url,,,,yesterday\n" + b'"unterminated,quote\n'
    response = upload(client, "Connections.csv", csv)
    assert response.status_code == 200, response.json
    names = {c["name"]: c for c in client.get("/api/connections").json["items"]}
    assert names["Ada Lovelace"]["profile_url"] == "https://www.linkedin.com/in/ada-l/"
    assert not any("\x00" in name for name in names)
    assert response.json["added"] == len(names)


@SQLITE
def test_import_without_a_file_is_4xx(client):
    response = client.post("/api/imports/linkedin", json={"file": "nope"})
    assert 400 <= response.status_code < 500
    assert counts(client)["/api/contacts"] == 0
