"""The network API: connections list, warm-intro paths, duplicates, merge and undo."""

from __future__ import annotations

import json

from tests.support.api_calls import capture, upload
from tests.support.fixtures import FIXTURES_DIR as FIXTURES

TRUTH = {
    t["file"]: t for t in json.loads((FIXTURES / "linkedin" / "ground_truth.json").read_text())
}
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER\n"
)
SELF = "Sam Self,https://www.linkedin.com/in/sam-self"


def message(conversation, sender, recipient, when):
    return f'{conversation},,{sender},{recipient},"{when}",,hello,INBOX\n'


def test_connections_are_paged_searched_and_sorted(client, make_person):
    bob = make_person(name="Bob Smith", profile_url="https://www.linkedin.com/in/bob/")
    rows = "".join(
        f"Person,{n:03d},https://www.linkedin.com/in/p{n},,Co {n % 3},Engineer,"
        f"{(n % 27) + 1:02d} Mar 2021\n"
        for n in range(60)
    )
    rows += "Bob,Smith,https://linkedin.com/in/bob,,Acme,Recruiter,15 Jun 2024\n"
    assert upload(client, (HEADER + rows).encode(), "Connections.csv").json["added"] == 61
    messages = MESSAGES_HEADER + message(
        "c1", SELF, "Bob Smith,https://www.linkedin.com/in/bob", "2026-11-01 10:00:00 UTC"
    )
    messages += message(
        "c2", SELF, "Person 007,https://www.linkedin.com/in/p7", "2026-10-01 10:00:00 UTC"
    )
    messages += message(
        "c2", "Person 007,https://www.linkedin.com/in/p7", SELF, "2026-10-02 10:00:00 UTC"
    )
    upload(client, messages.encode(), "messages.csv")

    first = client.get("/api/connections?per_page=25").json
    assert (first["total"], first["page"], first["per_page"], len(first["items"])) == (
        61,
        1,
        25,
        25,
    )
    third = client.get("/api/connections?per_page=25&page=3").json
    assert len(third["items"]) == 11
    names = [c["name"] for c in first["items"]]
    assert names == sorted(names, key=str.casefold)

    recent = client.get("/api/connections?sort=last_message&per_page=3").json["items"]
    assert [c["name"] for c in recent[:2]] == ["Bob Smith", "Person 007"]
    assert recent[1]["last_message_at"].startswith("2026-10-02")

    newest = client.get("/api/connections?sort=connected_on&per_page=1").json["items"]
    assert newest[0]["name"] == "Bob Smith"

    found = client.get("/api/connections?q=recruiter").json
    assert found["total"] == 1
    assert found["items"][0]["tracked_person_id"] == bob["id"]
    assert client.get("/api/connections?q=co 1").json["total"] == 20

    assert client.get("/api/connections?sort=nonsense").status_code == 422


def hiring_manager_with_mutuals(client, make_opportunity):
    """The real saved profile of a 2nd-degree person at Swedbank, with two mutual connections."""
    response, _ = capture(client, "profile_loggedin_02.html")
    assert response.status_code == 201, response.json
    target = response.json["person"]
    make_opportunity(
        company="Swedbank",
        title="Data Engineer",
        stage="applied",
        people=[{"person_id": target["id"], "role": "hiring_manager"}],
    )
    return target


def test_intro_paths_name_the_best_introducer_with_evidence_and_a_draft(client, make_opportunity):
    truth = TRUTH["profile_loggedin_02.html"]["person"]
    assert sorted(truth["mutual_names"]) == ["Mohan Krishna Raguthu", "Sudipta Dey"]
    target = hiring_manager_with_mutuals(client, make_opportunity)
    assert target["degree"] == 2
    client.patch("/api/settings", json={"user_name": "Sam Self"})

    connections = HEADER + (
        "Sudipta,Dey,https://www.linkedin.com/in/sudipta-dey-1,,Swedbank,Data Lead,01 Mar 2019\n"
        "Mohan Krishna,Raguthu,https://www.linkedin.com/in/mohan-r,,Volvo,Engineer,01 Mar 2023\n"
        "Ada,Lovelace,https://www.linkedin.com/in/ada,,Swedbank,CTO,01 Mar 2015\n"
    )
    upload(client, connections.encode(), "Connections.csv")
    sudipta = "Sudipta Dey,https://www.linkedin.com/in/sudipta-dey-1"
    ada = "Ada Lovelace,https://www.linkedin.com/in/ada"
    messages = MESSAGES_HEADER + "".join(
        [
            message("c1", SELF, sudipta, "2026-11-10 09:00:00 UTC"),
            message("c1", sudipta, SELF, "2026-11-10 15:00:00 UTC"),
            message("c2", SELF, ada, "2026-11-01 09:00:00 UTC"),
        ]
    )
    upload(client, messages.encode(), "messages.csv")

    response = client.get(f"/api/contacts/{target['id']}/intro-paths")
    assert response.status_code == 200, response.json
    body = response.json
    assert body["target"]["id"] == target["id"]
    # Ada works at Swedbank too but is no mutual of the target: she cannot introduce.
    assert [i["name"] for i in body["introducers"]] == ["Sudipta Dey", "Mohan Krishna Raguthu"]
    best = body["introducers"][0]
    assert best["company"] == "Swedbank"
    assert best["connection_id"] is not None
    assert best["score"] > body["introducers"][1]["score"]
    evidence = " | ".join(best["evidence"])
    assert "You exchanged 2 messages" in evidence
    assert "Works at Swedbank" in evidence
    assert "Mutual connection, seen on Sri Lalitha Jeevanige's profile" in evidence
    assert body["reason_if_none"] is None

    draft = body["draft"]
    assert draft["introducer"]["name"] == "Sudipta Dey"
    assert draft["body"].startswith("Hi Sudipta,")
    assert "Sri Lalitha Jeevanige" in draft["body"]
    assert "Data Engineer role at Swedbank" in draft["body"]
    assert "feel free to say no" in draft["body"]  # double opt-in: the introducer asks first


def test_without_an_import_the_mutuals_rank_by_logged_touches(
    client, make_person, make_opportunity
):
    mohan = make_person(name="Mohan Krishna Raguthu")
    target = hiring_manager_with_mutuals(client, make_opportunity)
    log(client, mohan["id"], "email", "2026-11-20T10:00:00Z", "notes from the meetup")
    log(client, mohan["id"], "inbound_reply", "2026-11-21T10:00:00Z", "thanks!")
    body = client.get(f"/api/contacts/{target['id']}/intro-paths").json
    assert [i["name"] for i in body["introducers"]] == ["Mohan Krishna Raguthu", "Sudipta Dey"]
    assert all(i["connection_id"] is None for i in body["introducers"])
    best = body["introducers"][0]
    assert best["person_id"] == mohan["id"]
    assert best["evidence"][0] == "You exchanged 2 messages; last on 21 Nov 2026"
    assert body["draft"]["body"].startswith("Hi Mohan,")


def test_no_mutuals_means_no_path_and_no_draft(client, make_person):
    person = make_person(name="Grace Hopper")
    body = client.get(f"/api/contacts/{person['id']}/intro-paths").json
    assert body["introducers"] == []
    assert body["draft"] is None
    assert "Grace Hopper" in body["reason_if_none"]
    assert client.get("/api/contacts/999999/intro-paths").status_code == 404


def log(client, person_id, kind, when, note):
    response = client.post(
        f"/api/contacts/{person_id}/interactions",
        json={"kind": kind, "occurred_at": when, "note": note},
    )
    assert response.status_code == 201, response.json
    return response.json["id"]


def interactions_of(client, person_id):
    body = client.get(f"/api/contacts/{person_id}/interactions?per_page=200").json
    return sorted(item["id"] for item in body["items"])


def test_duplicates_merge_and_undo_keep_every_interaction(client, make_person, make_opportunity):
    jane = make_person(
        name="Jane Doe", profile_url="https://www.linkedin.com/in/jane-doe/", company="Acme"
    )
    twin = make_person(name="Jane Doe, PhD", profile_url=None, company="Acme Inc.", title="CTO")
    make_person(name="Someone Else", company="Acme")

    pairs = client.get("/api/contacts/duplicates").json
    assert pairs["total"] == 1
    (pair,) = pairs["items"]
    assert {pair["a"]["id"], pair["b"]["id"]} == {jane["id"], twin["id"]}
    assert pair["score"] >= 75 and pair["reasons"]

    kept_own = [log(client, jane["id"], "message", "2026-11-01T10:00:00Z", "hello")]
    moved = [
        log(client, twin["id"], "email", "2026-11-02T10:00:00Z", "intro"),
        log(client, twin["id"], "call", "2026-11-03T10:00:00Z", "call"),
    ]
    opportunity = make_opportunity(
        people=[
            {"person_id": jane["id"], "role": "hiring_manager"},
            {"person_id": twin["id"], "role": "interviewer"},
        ]
    )

    response = client.post(f"/api/contacts/{jane['id']}/merge", json={"other_id": twin["id"]})
    assert response.status_code == 200, response.json
    merge = response.json
    assert merge["kept_person_id"] == jane["id"]
    assert merge["merged_person"]["id"] == twin["id"]
    assert merge["moved"]["interaction"] == 2
    assert merge["replaced"] == {"opportunity_person": 1}
    assert interactions_of(client, jane["id"]) == sorted(kept_own + moved)
    assert client.get(f"/api/contacts/{twin['id']}").status_code == 404
    merged = client.get(f"/api/contacts/{jane['id']}").json
    assert merged["title"] == "CTO"  # filled from the twin
    assert merged["company"] == "Acme"  # kept as it was
    people = client.get(f"/api/opportunities/{opportunity['id']}").json["people"]
    assert [p["person_id"] for p in people] == [jane["id"]]
    assert client.get("/api/contacts/duplicates").json["total"] == 0

    undo = client.post(f"/api/merges/{merge['id']}/undo")
    assert undo.status_code == 200, undo.json
    assert undo.json["undone_at"] is not None
    restored = client.get(f"/api/contacts/{twin['id']}").json
    assert (restored["name"], restored["company"]) == ("Jane Doe, PhD", "Acme Inc.")
    assert interactions_of(client, twin["id"]) == sorted(moved)
    assert interactions_of(client, jane["id"]) == kept_own
    assert client.get(f"/api/contacts/{jane['id']}").json["title"] is None
    people = client.get(f"/api/opportunities/{opportunity['id']}").json["people"]
    assert sorted((p["person_id"], p["role"]) for p in people) == sorted(
        [(jane["id"], "hiring_manager"), (twin["id"], "interviewer")]
    )
    assert client.post(f"/api/merges/{merge['id']}/undo").status_code == 409


def test_merge_refuses_bad_ids(client, make_person):
    person = make_person()
    same = client.post(f"/api/contacts/{person['id']}/merge", json={"other_id": person["id"]})
    assert same.status_code == 422
    missing = client.post(f"/api/contacts/{person['id']}/merge", json={"other_id": 999999})
    assert missing.status_code == 404
    assert client.post(f"/api/contacts/{person['id']}/merge", json={}).status_code == 422
    assert client.post("/api/merges/999999/undo").status_code == 404
