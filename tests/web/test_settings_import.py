"""Settings (targets, budget, hours, pairing, data tools) and the import page."""

import csv
import io
import json
import re

import pytest

from tests.support.fixtures import FIXTURES_DIR as FIXTURES
from tests.web.conftest import flash_text


def settings_form(**overrides):
    form = {
        "user_name": "Alex Seeker",
        "user_time_zone": "Europe/Berlin",
        "working_hours_start": "8",
        "working_hours_end": "18",
        "daily_budget": "5",
        "capture_retention_days": "90",
        "digest_hour": "7",
        "cadence_thank_you_ideal_hours": "24",
        "cadence_thank_you_late_hours": "48",
        "cadence_fresh_post_hours": "48",
        "cadence_check_in_first_business_days": "5",
        "cadence_min_days_between_touches": "2",
        "cadence_public_engagements_cap": "3",
    }
    for stage, low, high in (
        ("interested", 14, 21),
        ("applied", 14, 21),
        ("screening", 7, 10),
        ("interviewing", 5, 7),
        ("offer", 3, 5),
        ("networking", 10, 30),
        ("closed", 60, 90),
    ):
        form[f"target_{stage}_min"], form[f"target_{stage}_max"] = str(low), str(high)
    form.update(overrides)
    return form


def test_settings_save_and_show_again(web, seed, db_session):
    response = web.post("/settings", settings_form())
    assert response.status_code == 303
    html = web.text("/settings")
    assert "Settings saved; suggestions recomputed." in flash_text(html)
    assert 'value="Europe/Berlin"' in html and 'value="Alex Seeker"' in html
    assert (
        'id="target_networking_max" name="target_networking_max" type="number" min="1" '
        'max="365" value="30"' in html
    )
    from topofmind.services.settings import get_settings

    with db_session() as session:
        stored = get_settings(session)
    assert stored["daily_budget"] == 5 and stored["working_hours_end"] == 18
    assert stored["cadence"]["keep_warm_targets"]["networking"] == [10, 30]
    assert stored["cadence"]["thank_you_ideal_hours"] == 24


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("user_time_zone", "Mars/Base", "Use a time zone name like"),
        ("daily_budget", "0", "Enter a number from 1 to 100."),
        ("working_hours_end", "abc", "Enter a whole number."),
        ("working_hours_end", "6", "Working hours must end after they start."),
        ("target_offer_max", "1", "The maximum must be at least the minimum."),
        ("cadence_thank_you_late_hours", "12", "Thank_you_ideal_hours must not exceed"),
    ],
)
def test_settings_errors_keep_the_form(web, seed, field, value, message):
    response = web.post("/settings", settings_form(**{field: value, "user_name": "Kept Name"}))
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body
    assert 'value="Kept Name"' in body
    assert 'value="Kept Name"' not in web.text("/settings")


def test_settings_never_holds_the_token_and_shows_a_pairing_code_on_click(web, app):
    response = web.get("/settings")
    html = response.get_data(as_text=True)
    token = app.config["TOKEN"]
    assert f'<code id="token-masked">{token[:4]}' in html
    assert token not in html
    assert response.headers["Cache-Control"] == "no-store"
    assert "http://127.0.0.1:8765" in html
    assert "options page" in html
    assert 'id="pairing-code"' not in html

    shown = web.post("/settings/pairing-code")
    assert shown.status_code == 200
    assert shown.headers["Cache-Control"] == "no-store"
    code = re.search(r'id="pairing-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', shown.get_data(True))
    assert code is not None
    assert token not in shown.get_data(as_text=True)


def test_exports_download_json_and_csv(web, seed):
    response = web.get("/settings/export.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert {p["name"] for p in data["person"]} >= {"Dana Hiring", "Quinn Quiet"}
    assert all("html_gz" not in capture for capture in data.get("capture", []))
    response = web.get("/settings/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {row["name"] for row in rows} >= {"Dana Hiring", "Ravi Recruiter"}
    assert next(r for r in rows if r["name"] == "Quinn Quiet")["cadence_status"] == "overdue"


def test_csv_export_neutralises_formulas(web, seed):
    web.post("/contacts", {"name": '=HYPERLINK("http://evil")'})
    rows = list(csv.reader(io.StringIO(web.get("/settings/export.csv").get_data(as_text=True))))
    assert ['\'=HYPERLINK("http://evil")'] == [c for r in rows for c in r if "HYPERLINK" in c]


def test_delete_all_needs_the_phrase(web, seed):
    response = web.post("/settings/delete-all", {"confirm": "yes"})
    assert response.status_code == 303
    assert "Dana Hiring" in web.text("/contacts")
    web.post("/settings", settings_form())
    response = web.post("/settings/delete-all", {"confirm": "Delete Everything"})
    assert response.headers["Location"] == "/"
    html = web.text("/")
    assert "Start here" in html and "Deleted all data" in " ".join(flash_text(html))
    assert "No contacts yet" in web.text("/contacts")
    assert 'value="Alex Seeker"' in web.text("/settings")  # settings kept


def test_import_page_renders_with_instructions(web):
    html = web.text("/import")
    assert 'enctype="multipart/form-data"' in html
    assert 'name="file"' in html and "Get a copy of your data" in html


def test_import_refuses_missing_and_wrong_files(web):
    response = web.post("/import", {})
    assert response.status_code == 422
    assert web.post("/import", {"file": (io.BytesIO(b"x"), "notes.txt")}).status_code == 422
    assert web.post("/import", {"file": (io.BytesIO(b"x"), "a.csv")}, csrf=False).status_code == 403


def upload(web, name: str, data: bytes):
    return web.post(
        "/import", {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def test_import_uploads_the_export_zip_and_reimports_idempotently(web, db_session):
    import zipfile

    from sqlalchemy import func, select

    from topofmind.store.models import Connection

    export = FIXTURES / "linkedin-export"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(export / "connections_03_synthetic_min.csv", "Connections.csv")
        archive.write(export / "messages_01_synthetic_threads.csv", "messages.csv")
    response = upload(web, "Basic_LinkedInDataExport.zip", buffer.getvalue())
    assert response.status_code == 303
    html = web.text("/import")
    assert "Imported Basic_LinkedInDataExport.zip." in flash_text(html)
    assert "Connections.csv" in html
    added = int(re.search(r"<dt>Added</dt><dd>(\d+)</dd>", html).group(1))
    assert added >= 2
    with db_session() as session:
        assert session.scalar(select(func.count()).select_from(Connection)) == 2
    assert upload(web, "again.zip", buffer.getvalue()).status_code == 303
    again = web.text("/import")
    assert re.search(r"<dt>Added</dt><dd>0</dd>", again)
    with db_session() as session:
        assert session.scalar(select(func.count()).select_from(Connection)) == 2


def test_import_explains_a_file_that_is_not_an_export(web):
    response = upload(web, "Connections.zip", b"this is not a zip file")
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert 'id="file-error"' in body and "cannot be imported" in body
