"""Drafts over HTTP: a panel's thank-yous differ, a name-swapped copy to a colleague is flagged,
the hand-off (mailto, profile, post), mark as sent with its date, and the signature rule.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, unquote, urlsplit

from topofmind.domain.message_check import NEAR_DUPLICATE_RATIO, note_similarity
from topofmind.services.demo import DEMO_USER_NAME, load_demo

PANEL = ("Jane Doe", "Omar Haddad", "Lena Fischer", "Raj Patel")
TITLES = ("Engineering Manager", "Staff Engineer", "Product Manager", "Principal Engineer")


def panel(client, make_person, make_opportunity, *, user_name="Noor Sato", emails=None):
    client.patch("/api/settings", json={"user_name": user_name})
    people = [
        # 1st-degree connections: a LinkedIn message or an email, whatever the channel rules.
        make_person(name=name, title=title, company="Acme", degree=1)
        for name, title in zip(PANEL, TITLES, strict=True)
    ]
    for person in people:
        if person["name"] in (emails or {}):
            address = emails[person["name"]]
            assert client.patch(f"/api/contacts/{person['id']}", json={"email": address})
    opportunity = make_opportunity(
        stage="interviewing",
        title="Staff Platform Engineer",
        people=[{"person_id": p["id"], "role": "interviewer"} for p in people],
    )
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": "2026-11-25T09:00:00Z",
            "ends_at": "2026-11-25T13:00:00Z",
            "interviewer_ids": [p["id"] for p in people],
            "topics": ["paved-road platform for 40 product teams", "incident reviews"],
        },
    )
    assert response.status_code == 201, response.json
    return people, opportunity


def thank_yous(client) -> dict[str, dict]:
    items = client.get("/api/suggestions", query_string={"kind": "thank_you"}).json["items"]
    return {item["person_name"]: item for item in items}


def test_a_panel_gets_different_notes_and_no_near_duplicate_warning(
    client, make_person, make_opportunity
):
    panel(client, make_person, make_opportunity)
    notes = thank_yous(client)
    assert set(notes) == set(PANEL)
    bodies = [notes[name]["draft"]["body"] for name in PANEL]
    assert len(set(bodies)) == len(PANEL)
    assert max(note_similarity(a, b) for a, b in itertools.combinations(bodies, 2)) < (
        NEAR_DUPLICATE_RATIO
    )
    for name in PANEL:
        draft = notes[name]["draft"]
        assert draft["warnings"] == [], (name, draft["warnings"])
        assert "the paved-road platform for 40 product teams" in draft["body"]
        assert draft["body"].endswith("Best regards,\nNoor Sato")
    # Each panelist hears about a different one of the shared topics first.
    firsts = {
        notes[name]["draft"]["body"].index("incident reviews")
        < notes[name]["draft"]["body"].index("paved-road")
        for name in PANEL
    }
    assert firsts == {True, False}


def test_a_name_swapped_copy_to_a_colleague_is_flagged(client, make_person, make_opportunity):
    people, _ = panel(client, make_person, make_opportunity)
    client.patch("/api/settings", json={"keep_message_bodies": True})
    notes = thank_yous(client)
    jane = notes["Jane Doe"]
    sent = client.post(
        f"/api/suggestions/{jane['id']}/done", json={"sent_text": jane["draft"]["body"]}
    )
    assert sent.status_code == 200 and sent.json["status"] == "done"
    copy = jane["draft"]["body"].replace("Hi Jane,", "Hi Omar,")
    omar = next(p for p in people if p["name"] == "Omar Haddad")
    checked = client.post(
        "/api/drafts/check", json={"text": copy, "channel": "email", "person_id": omar["id"]}
    ).json
    codes = [w["code"] for w in checked["warnings"]]
    assert "near_duplicate" in codes
    # Omar's own draft is not a copy of what Jane got.
    own = notes["Omar Haddad"]["draft"]["body"]
    checked = client.post(
        "/api/drafts/check", json={"text": own, "channel": "email", "person_id": omar["id"]}
    ).json
    assert "near_duplicate" not in [w["code"] for w in checked["warnings"]]


def test_the_hand_off_and_mark_as_sent_with_its_date(client, make_person, make_opportunity):
    people, _ = panel(
        client, make_person, make_opportunity, emails={"Omar Haddad": "omar@acme.example"}
    )
    notes = thank_yous(client)
    jane, omar = notes["Jane Doe"], notes["Omar Haddad"]
    handoff = jane["draft"]["handoff"]
    # No email: the profile, and (for an email draft) a note saying what is missing.
    assert handoff["action"] == "profile"
    assert handoff["url"] == people[0]["profile_url"]
    assert ("No email address" in handoff["note"]) == (jane["draft"]["channel"] == "email")

    # An email on file: a mailto with the draft's subject and body.
    handoff = omar["draft"]["handoff"]
    assert omar["draft"]["channel"] == "email"
    assert handoff["action"] == "email" and handoff["note"] == ""
    parts = urlsplit(handoff["url"])
    assert parts.scheme == "mailto" and unquote(parts.path) == "omar@acme.example"
    query = parse_qs(parts.query)
    assert query["subject"] == [omar["draft"]["subject"]]
    assert query["body"] == [omar["draft"]["body"].replace("\n", "\r\n")]

    future = client.post(
        f"/api/suggestions/{omar['id']}/done", json={"sent_at": "2026-11-26T09:00:00Z"}
    )
    assert future.status_code == 422 and "sent_at" in future.json["errors"]
    done = client.post(
        f"/api/suggestions/{omar['id']}/done",
        json={"sent_text": "Hi Omar, thank you.", "sent_at": "2026-11-25T14:10:00Z"},
    )
    assert done.status_code == 200 and done.json["status"] == "done"
    logged = client.get(f"/api/contacts/{people[1]['id']}/interactions").json["items"]
    (thank,) = [i for i in logged if i["kind"] == "thank_you"]
    assert thank["occurred_at"].startswith("2026-11-25T14:10")


def test_a_comment_hands_off_to_the_post(client, app, clock):
    with app.extensions["topofmind"].session_factory.begin() as session:
        load_demo(session, clock())
    items = client.get("/api/suggestions", query_string={"per_page": 200}).json["items"]
    comments = [i for i in items if (i.get("draft") or {}).get("channel") == "comment"]
    assert comments
    for item in comments:
        assert item["draft"]["handoff"] == {
            "action": "post",
            "url": item["post_url"],
            "label": "Open the post to comment",
            "note": "",
        }
        assert "Your point about" not in item["draft"]["body"]


def test_the_demo_user_never_signs_a_real_person_s_draft(client, app, clock, make_person):
    with app.extensions["topofmind"].session_factory.begin() as session:
        load_demo(session, clock())
    assert client.get("/api/settings").json["user_name"] == DEMO_USER_NAME
    real = make_person(name="Real Person", company="Real Co")
    draft = client.post(
        "/api/drafts/preview", json={"kind": "keep_warm", "person_id": real["id"]}
    ).json
    assert DEMO_USER_NAME not in draft["body"] and "Alex" not in draft["body"]
    demo_person = next(
        p
        for p in client.get("/api/contacts", query_string={"per_page": 200}).json["items"]
        if p["source"] == "demo"
    )
    demo_draft = client.post(
        "/api/drafts/preview", json={"kind": "keep_warm", "person_id": demo_person["id"]}
    ).json
    assert demo_draft["body"].endswith("Alex")


def test_without_a_name_in_settings_drafts_carry_no_name(client, make_person, make_opportunity):
    panel(client, make_person, make_opportunity, user_name="")
    for item in thank_yous(client).values():
        assert item["draft"]["body"].endswith("Best regards,")


def test_the_check_warns_on_pursuit_once_the_process_ended(client, make_person, make_opportunity):
    jane = make_person(name="Jane Doe", company="Acme")
    opportunity = make_opportunity(
        stage="interviewing", people=[{"person_id": jane["id"], "role": "hiring_manager"}]
    )
    text = "Hi Jane,\n\nThanks again. I'm still very interested in the role.\n\nNoor"

    def codes():
        body = {"text": text, "channel": "email", "person_id": jane["id"]}
        return [w["code"] for w in client.post("/api/drafts/check", json=body).json["warnings"]]

    assert "pursuit" not in codes()
    client.patch(f"/api/opportunities/{opportunity['id']}", json={"stage": "rejected"})
    assert "pursuit" in codes()
