"""Issue 15, finding 7: bidi controls (U+202A–U+202E, U+2066–U+2069) and NUL are removed from
every text that enters (captures, the API, imports, dashboard forms), and user text is isolated
where the app shows it (``dir="auto"``, ``<bdi>``)."""

from __future__ import annotations

import io

import pytest

from tests.support.auth import sign_in
from tests.support.sample_data import TRUTH, capture_payload

BASE = "http://127.0.0.1:8765"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x00"


def test_the_sanitiser_removes_every_control_and_nothing_else():
    from topofmind.sanitize import clean_text, clean_tree

    assert clean_text(f"Ev{CONTROLS}e") == "Eve"
    assert clean_text("שלום Jürgen 李") == "שלום Jürgen 李"  # real RTL text is kept
    assert clean_tree({"a\u202e": ["x\u2066y", 3, None]}) == {"a": ["xy", 3, None]}


@pytest.mark.parametrize("control", list(CONTROLS), ids=lambda c: f"U+{ord(c):04X}")
def test_api_text_loses_the_control(client, control):
    created = client.post(
        "/api/contacts",
        json={
            "name": f"Eve{control} Evil",
            "profile_url": "https://www.linkedin.com/in/eve-evil/",
            "notes": f"met{control} at a meetup",
            "tags": [f"rtl{control}"],
        },
    )
    assert created.status_code == 201, created.json
    person = client.get(f"/api/contacts/{created.json['id']}").json
    assert (person["name"], person["notes"], person["tags"]) == (
        "Eve Evil",
        "met at a meetup",
        ["rtl"],
    )
    logged = client.post(
        f"/api/contacts/{person['id']}/interactions",
        json={"kind": "message", "note": f"hi{control}!", "occurred_at": "2026-11-20T10:00:00Z"},
    )
    assert logged.status_code == 201, logged.json
    assert logged.json["note"] == "hi!"


def test_a_captured_name_with_an_encoded_override_is_stored_clean(client):
    file = "profile_loggedin_01.html"
    name = TRUTH[file]["person"]["name"]
    payload = capture_payload(file)
    # Entity-encoded, so it survives the JSON boundary and reaches the parser.
    payload["html"] = payload["html"].replace(name, name[:3] + "&#x202E;" + name[3:])
    assert client.post("/api/captures", json=payload).status_code in (200, 201)
    found = client.get(f"/api/contacts/lookup?url={TRUTH[file]['url']}").json
    assert found.get("person", found)["name"] == name


def test_an_imported_name_loses_the_control(client):
    csv = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bo\u202eb,Smi\u2066th,https://linkedin.com/in/bob,,Ac\x00me,Engineer,15 Jun 2024\n"
    ).encode()
    response = client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(csv), "Connections.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.json
    (item,) = client.get("/api/connections").json["items"]
    assert (item["name"], item["company"]) == ("Bob Smith", "Acme")


def test_a_dashboard_form_loses_the_control(app, client, make_person):
    person = make_person(name="Plain Name")
    raw = app.test_client()
    sign_in(raw, app, BASE)
    with raw.session_transaction(base_url=BASE) as session:
        csrf = session["csrf"]
    response = raw.post(
        f"/contacts/{person['id']}/edit",
        data={"csrf_token": csrf, "name": "Mal\u202elory", "company": "Ev\u2067il"},
        base_url=BASE,
    )
    assert response.status_code in (200, 302, 303), response.status_code
    stored = client.get(f"/api/contacts/{person['id']}").json
    assert (stored["name"], stored["company"]) == ("Mallory", "Evil")


def test_names_are_isolated_where_the_dashboard_shows_them(app, make_person):
    person = make_person(name="אבי כהן")
    raw = app.test_client()
    sign_in(raw, app, BASE)
    html = raw.get(f"/contacts/{person['id']}", base_url=BASE).get_data(as_text=True)
    assert '<h1 id="person-name" dir="auto">אבי כהן</h1>' in html
    assert "Deletes <bdi>אבי כהן</bdi> and everything" in html
    listing = raw.get("/contacts?q=%D7%90%D7%91%D7%99", base_url=BASE).get_data(as_text=True)
    assert 'dir="auto" class="name">אבי כהן</a>' in listing


def test_the_assistant_s_write_arguments_lose_the_control():
    from topofmind.assistant.tools import given

    assert given(note="hi\u202e there\x00", sent_text=None) == {"note": "hi there"}
