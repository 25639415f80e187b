"""The message check, draft previews and template edits over HTTP (SQLite and PostgreSQL)."""

import pytest

from topofmind.domain.draft_templates import DEFAULT_TEMPLATES
from topofmind.services.demo import load_demo

STOCK = "Thank you for your time, I hope this email finds you well."


@pytest.fixture
def demo(app, clock):
    with app.extensions["topofmind"].session_factory.begin() as session:
        load_demo(session, clock())
    return app


def person_id(client, name):
    items = client.get("/api/contacts", query_string={"per_page": 200}).json["items"]
    return next(p["id"] for p in items if p["name"] == name)


def open_suggestion(client, kind, name):
    items = client.get("/api/suggestions", query_string={"kind": kind, "per_page": 200}).json[
        "items"
    ]
    return next(s for s in items if s["person_name"] == name)


def test_a_stock_thank_you_is_flagged_with_the_reason(client):
    response = client.post("/api/drafts/check", json={"text": STOCK, "channel": "email"})
    assert response.status_code == 200
    result = response.json
    by_code = {w["code"]: w for w in result["warnings"]}
    assert set(by_code) == {"generic", "stock_phrase"}
    assert by_code["stock_phrase"]["words"] == ["I hope this email finds you well"]
    start, end = by_code["stock_phrase"]["spans"][0]
    assert STOCK[start:end] == "I hope this email finds you well"
    assert "nothing here is specific" in by_code["generic"]["message"]
    assert result["length"] == len(STOCK)
    assert result["char_limit"] == 2000 and result["within_limit"] is True


def test_the_check_for_a_person_suggests_what_to_cite(client, demo):
    tomas = person_id(client, "Tomás Ortega")
    result = client.post(
        "/api/drafts/check", json={"text": STOCK, "channel": "email", "person_id": tomas}
    ).json
    generic = next(w for w in result["warnings"] if w["code"] == "generic")
    assert "Kafka consumer lag alerts" in generic["message"]

    specific = (
        "Hi Tomás, thank you for walking me through how you tuned the Kafka consumer lag "
        "alerts. Best, Alex"
    )
    result = client.post(
        "/api/drafts/check", json={"text": specific, "channel": "email", "person_id": tomas}
    ).json
    assert result["warnings"] == []


def test_length_is_measured_against_the_channel(client):
    text = "I enjoyed your talk on platform migrations at KubeCon. " * 7
    result = client.post("/api/drafts/check", json={"text": text, "channel": "linkedin_note"}).json
    assert result["char_limit"] == 300 and result["length"] == len(text)
    assert result["within_limit"] is False
    assert "too_long" in [w["code"] for w in result["warnings"]]


def test_check_rejects_unknown_channel_and_person(client):
    response = client.post("/api/drafts/check", json={"text": "Hi", "channel": "fax"})
    assert response.status_code == 422
    assert "channel" in response.json["errors"]
    response = client.post(
        "/api/drafts/check", json={"text": "Hi", "channel": "email", "person_id": 999}
    )
    assert response.status_code == 404
    assert "person_id" in response.json["errors"]
    response = client.post("/api/drafts/check", json={"channel": "email"})
    assert response.status_code == 422 and "text" in response.json["errors"]


def test_a_sent_message_is_seen_by_the_repeat_check(client, demo):
    client.patch("/api/settings", json={"keep_message_bodies": True})
    marcus = person_id(client, "Marcus Lindqvist")
    check_in = open_suggestion(client, "check_in", "Marcus Lindqvist")
    text = check_in["draft"]["body"]
    done = client.post(f"/api/suggestions/{check_in['id']}/done", json={"sent_text": text})
    assert done.status_code == 200
    result = client.post(
        "/api/drafts/check", json={"text": text, "channel": "email", "person_id": marcus}
    ).json
    repeat = next(w for w in result["warnings"] if w["code"] == "repeat")
    assert "100% the same" in repeat["message"]


def test_templates_list_defaults_with_placeholders(client):
    templates = client.get("/api/drafts/templates").json
    assert set(templates) == set(DEFAULT_TEMPLATES)
    thank_you = templates["thank_you"]
    assert thank_you["template"] == thank_you["default"] == DEFAULT_TEMPLATES["thank_you"]
    assert thank_you["edited"] is False and thank_you["kind"] == "thank_you"
    names = [p["name"] for p in thank_you["placeholders"]]
    assert "topic_sentence" in names and "first_name" in names
    assert all(p["description"] for p in thank_you["placeholders"])
    assert templates["check_in.2"]["kind"] == "check_in"


def test_edit_preview_draft_and_reset_a_template(client, demo):
    priya = person_id(client, "Priya Raman")
    suggestion = open_suggestion(client, "thank_you", "Priya Raman")
    edited = "Hi {first_name},\n\nThanks so much for the chat about {topics}.\n\n{user_first_name}"

    preview = client.post(
        "/api/drafts/preview",
        json={
            "kind": "thank_you",
            "person_id": priya,
            "suggestion_id": suggestion["id"],
            "template": edited,
        },
    )
    assert preview.status_code == 200
    assert preview.json["body"] == (
        "Hi Priya,\n\nThanks so much for the chat about the paved-road platform for 40 product "
        "teams and growing the team from 6 to 10.\n\nAlex"
    )
    # A preview saves nothing.
    # (An email, or a connection note when Priya is neither connected nor has an address.)
    body = open_suggestion(client, "thank_you", "Priya Raman")["draft"]["body"]
    assert body.startswith("Hi Priya,\n") and "Thank you for taking the time" in body

    saved = client.open("PUT", "/api/drafts/templates/thank_you", json={"template": edited})
    assert saved.status_code == 200 and saved.json["edited"] is True
    assert saved.json["default"] == DEFAULT_TEMPLATES["thank_you"]
    assert client.get("/api/settings").json["templates"] == {"thank_you": edited}
    draft = open_suggestion(client, "thank_you", "Priya Raman")["draft"]
    assert draft["body"] == preview.json["body"]
    # Tomás's draft follows the same edit with his own topics.
    tomas = open_suggestion(client, "thank_you", "Tomás Ortega")["draft"]["body"]
    assert "chat about Kafka consumer lag alerts" in tomas

    reset = client.delete("/api/drafts/templates/thank_you")
    assert reset.status_code == 200 and reset.json["edited"] is False
    assert reset.json["template"] == DEFAULT_TEMPLATES["thank_you"]
    assert client.get("/api/settings").json["templates"] == {}
    draft = open_suggestion(client, "thank_you", "Priya Raman")["draft"]
    body = draft["body"]
    assert body.startswith("Hi Priya,\n") and "Thank you for taking the time" in body


def test_saving_the_default_text_is_not_an_edit(client):
    key = "check_in.subject"
    response = client.open(
        "PUT", f"/api/drafts/templates/{key}", json={"template": DEFAULT_TEMPLATES[key]}
    )
    assert response.status_code == 200 and response.json["edited"] is False
    assert client.get("/api/settings").json["templates"] == {}


def test_template_errors(client):
    response = client.open("PUT", "/api/drafts/templates/nope", json={"template": "Hi"})
    assert response.status_code == 404
    response = client.open(
        "PUT", "/api/drafts/templates/thank_you", json={"template": "Hi {favourite_colour}"}
    )
    assert response.status_code == 422
    assert "favourite_colour" in response.json["errors"]["template"][0]
    assert client.delete("/api/drafts/templates/nope").status_code == 404
    assert client.get("/api/drafts/templates/thank_you").json["edited"] is False


def test_preview_without_a_suggestion_uses_what_is_known_about_the_person(client, demo):
    marcus = person_id(client, "Marcus Lindqvist")
    draft = client.post("/api/drafts/preview", json={"kind": "connect", "person_id": marcus}).json
    assert draft["channel"] == "linkedin_note"
    assert "lakehouse migration" in draft["body"] and draft["warnings"] == []


def test_preview_errors(client, demo):
    priya = person_id(client, "Priya Raman")
    tomas_suggestion = open_suggestion(client, "thank_you", "Tomás Ortega")
    response = client.post("/api/drafts/preview", json={"kind": "thank_you", "person_id": 999})
    assert response.status_code == 404
    response = client.post(
        "/api/drafts/preview",
        json={"kind": "thank_you", "person_id": priya, "suggestion_id": tomas_suggestion["id"]},
    )
    assert response.status_code == 422 and "suggestion_id" in response.json["errors"]
    response = client.post("/api/drafts/preview", json={"kind": "poem", "person_id": priya})
    assert response.status_code == 422 and "kind" in response.json["errors"]
    response = client.post(
        "/api/drafts/preview",
        json={"kind": "share", "person_id": priya, "template": "x", "key": "thank_you"},
    )
    assert response.status_code == 422 and "key" in response.json["errors"]
