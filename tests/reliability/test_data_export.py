"""GET /api/export.json, GET /api/export/contacts.csv and `topofmind export`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.support.app import REPO
from tests.support.sample_data import fill
from topofmind.services.data_export import escape_cell


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Staff Engineer", "Staff Engineer"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (12, "12"),
        (-3, "-3"),
        (True, "true"),
    ],
)
def test_cells_that_look_like_formulas_are_escaped(value, expected):
    assert escape_cell(value) == expected


def test_export_json_holds_everything_but_the_raw_html(client):
    created = fill(client)
    response = client.get("/api/export.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    document = json.loads(response.data)
    assert document["format"] == "topofmind-export"
    assert sorted(c["id"] for c in document["capture"]) == sorted(created["captures"])
    assert all("html_gz" not in c for c in document["capture"])
    people = {p["name"]: p for p in document["person"]}
    assert people["Zoë Ünïcode-Ørsted"]["tags"] == ["hiring manager"]
    assert people["Zoë Ünïcode-Ørsted"]["time_zone"] == "Europe/Copenhagen"
    assert len(document["person"]) == client.get("/api/contacts").json["total"]
    assert document["interview"][0]["starts_at"] == "2026-11-24T09:00:00+00:00"
    assert document["interaction"][0]["note"] == "Asked about Q1"
    assert {s["key"]: s["value"] for s in document["setting"]}["daily_budget"] == 7
    assert "job_lock" not in document


def test_contacts_csv_escapes_formulas_and_keeps_unicode(client, make_person):
    make_person(name="=cmd|' /C calc'!A0", headline="@evil", notes="-1+1", company="+Acme")
    make_person(name="Zoë Ørsted", company="Ünïcode GmbH", tags=["recruiter", "friend"])
    response = client.get("/api/export/contacts.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))
    assert len(rows) == 2
    evil, zoe = rows
    assert evil["name"] == "'=cmd|' /C calc'!A0"
    assert evil["headline"] == "'@evil"
    assert evil["notes"] == "'-1+1"
    assert evil["company"] == "'+Acme"
    assert zoe["name"] == "Zoë Ørsted" and zoe["company"] == "Ünïcode GmbH"
    assert zoe["tags"] == "recruiter; friend"
    assert zoe["stage"] == "networking"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_exports_need_the_token(anonymous):
    assert anonymous.get("/api/export.json").status_code == 401
    assert anonymous.get("/api/export/contacts.csv").status_code == 401


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_cli_export_writes_the_same_documents(client, database_url, tmp_path):
    fill(client)
    env = {
        **os.environ,
        "TOPOFMIND_DATA_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(REPO / "server"),
    }
    command = [sys.executable, "-m", "topofmind.cli", "export"]
    as_json = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert as_json.returncode == 0, as_json.stderr
    document = json.loads(as_json.stdout)
    assert len(document["person"]) == len(json.loads(client.get("/api/export.json").data)["person"])

    out = tmp_path / "contacts.csv"
    as_csv = subprocess.run(
        [*command, "--format", "csv", "-o", str(out)], env=env, capture_output=True, timeout=120
    )
    assert as_csv.returncode == 0, as_csv.stderr
    assert out.read_bytes().decode("utf-8") == client.get("/api/export/contacts.csv").data.decode()
