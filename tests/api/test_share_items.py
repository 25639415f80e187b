"""The share queue over HTTP: items, matching, sending once (SQLite and PostgreSQL)."""

import pytest

from topofmind.services.demo import load_demo

KAFKA = "Taming Kafka consumer lag: alerts that page only when users notice"
PAVED = "My write-up: a paved-road platform for 40 teams"


@pytest.fixture
def demo(app, clock):
    with app.extensions["topofmind"].session_factory.begin() as session:
        load_demo(session, clock())
    return app


def person_id(client, name):
    items = client.get("/api/contacts", query_string={"per_page": 200}).json["items"]
    return next(p["id"] for p in items if p["name"] == name)


def item_id(client, title):
    items = client.get("/api/share-items").json["items"]
    return next(i["id"] for i in items if i["title"] == title)


def open_suggestions(client, name):
    items = client.get("/api/suggestions", query_string={"per_page": 200}).json["items"]
    return [s for s in items if s["person_name"] == name]


def test_create_extracts_topics_when_none_are_given(client, clock):
    response = client.post(
        "/api/share-items",
        json={
            "title": "Data contracts in practice",
            "url": "https://example.org/data-contracts",
            "note": "How schema registries stop broken dashboards.",
        },
    )
    assert response.status_code == 201
    item = response.json
    assert "data contract" in item["topics"] and "schema registry" in item["topics"]
    assert item["kind"] == "article" and item["sent_to"] == []
    assert item["created_at"].startswith("2026-11-25T15:00:00")

    given = client.post(
        "/api/share-items",
        json={"title": "Notes", "kind": "finding", "topics": ["FinOps", " finops ", "cost"]},
    ).json
    assert given["topics"] == ["FinOps", "cost"]
    assert client.get(f"/api/share-items/{given['id']}").json == given
    listing = client.get("/api/share-items").json
    assert listing["total"] == 2 and {i["id"] for i in listing["items"]} == {
        item["id"],
        given["id"],
    }
    assert client.get("/api/share-items", query_string={"kind": "finding"}).json["total"] == 1


def test_edit_follows_extracted_topics_and_keeps_the_users(client):
    extracted = client.post("/api/share-items", json={"title": "Kubernetes upgrades"}).json
    edited = client.patch(
        f"/api/share-items/{extracted['id']}", json={"title": "Terraform drift"}
    ).json
    assert "terraform drift" in edited["topics"] and "kubernetes" not in " ".join(edited["topics"])
    chosen = client.post(
        "/api/share-items", json={"title": "Kubernetes upgrades", "topics": ["k8s"]}
    ).json
    edited = client.patch(f"/api/share-items/{chosen['id']}", json={"title": "Helm charts"}).json
    assert edited["topics"] == ["k8s"] and edited["title"] == "Helm charts"
    again = client.patch(f"/api/share-items/{chosen['id']}", json={"topics": []}).json
    assert again["topics"] == ["helm chart"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": ""}, "title"),
        ({"url": "https://example.org"}, "title"),
        ({"title": "x", "kind": "video"}, "kind"),
        ({"title": "x", "url": "javascript:alert(1)"}, "url"),
        ({"title": "x", "topics": "not a list"}, "topics"),
    ],
)
def test_create_validates(client, body, field):
    response = client.post("/api/share-items", json=body)
    assert response.status_code == 422
    assert field in response.json["errors"]


def test_matching_picks_the_right_person_for_each_item(client, demo):
    tomas, priya = person_id(client, "Tomás Ortega"), person_id(client, "Priya Raman")
    kafka = client.get(f"/api/share-items/{item_id(client, KAFKA)}/matches").json
    assert kafka[0]["person_id"] == tomas and kafka[0]["name"] == "Tomás Ortega"
    assert kafka[0]["stage"] == "interviewing"
    assert any("kafka" in topic for topic in kafka[0]["topics"])
    assert all(a["score"] >= b["score"] for a, b in zip(kafka, kafka[1:], strict=False))
    paved = client.get(f"/api/share-items/{item_id(client, PAVED)}/matches").json
    assert paved[0]["person_id"] == priya
    # Olivia shares no topic with either item.
    olivia = person_id(client, "Olivia Brandt")
    assert olivia not in {m["person_id"] for m in kafka + paved}
    limited = client.get(
        f"/api/share-items/{item_id(client, KAFKA)}/matches", query_string={"limit": 1}
    ).json
    assert len(limited) == 1


def test_matches_leave_out_people_marked_do_not_contact(client, demo):
    tomas = person_id(client, "Tomás Ortega")
    assert client.patch(f"/api/contacts/{tomas}", json={"do_not_contact": True}).status_code == 200
    matches = client.get(f"/api/share-items/{item_id(client, KAFKA)}/matches").json
    assert tomas not in [m["person_id"] for m in matches]


def test_a_new_item_reaches_the_person_it_suits(client, demo):
    daniel = person_id(client, "Daniel Okafor")
    created = client.post(
        "/api/share-items",
        json={
            "title": "Data contracts in practice",
            "url": "https://example.org/data-contracts",
        },
    ).json
    matches = client.get(f"/api/share-items/{created['id']}/matches").json
    assert matches[0]["person_id"] == daniel


def test_an_item_is_sent_once_and_never_suggested_again(client, demo):
    daniel = person_id(client, "Daniel Okafor")
    kafka = item_id(client, KAFKA)
    # While Sofia is asked to introduce him, nothing private goes to Daniel (one plan per
    # recipient), but the item suits him: the library lists him.
    before = client.get(f"/api/share-items/{kafka}/matches").json
    assert daniel in [m["person_id"] for m in before]

    response = client.post(f"/api/share-items/{kafka}/sent", json={"person_id": daniel})
    assert response.status_code == 201
    assert response.json["person_id"] == daniel and response.json["share_item_id"] == kafka

    again = client.post(f"/api/share-items/{kafka}/sent", json={"person_id": daniel})
    assert again.status_code == 409 and "person_id" in again.json["errors"]

    assert client.get(f"/api/share-items/{kafka}").json["sent_to"] == [daniel]
    matches = client.get(f"/api/share-items/{kafka}/matches").json
    assert daniel not in [m["person_id"] for m in matches]
    assert not [
        s
        for s in open_suggestions(client, "Daniel Okafor")
        if s["subject_type"] == "share_item" and s["subject_id"] == kafka
    ]
    logged = client.get(f"/api/contacts/{daniel}/interactions").json["items"]
    share = next(i for i in logged if i["kind"] == "share")
    assert share["direction"] == "outbound" and KAFKA in share["note"]
    # A draft for Daniel no longer offers the item he already has.
    preview = client.post("/api/drafts/preview", json={"kind": "share", "person_id": daniel})
    assert KAFKA not in preview.json["body"]


def test_sent_errors(client, demo):
    kafka = item_id(client, KAFKA)
    response = client.post(f"/api/share-items/{kafka}/sent", json={"person_id": 9999})
    assert response.status_code == 404
    response = client.post("/api/share-items/9999/sent", json={"person_id": 1})
    assert response.status_code == 404
    assert client.get("/api/share-items/9999/matches").status_code == 404


def test_delete_removes_the_item_and_its_suggestions(client, demo):
    kafka = item_id(client, KAFKA)
    tomas = person_id(client, "Tomás Ortega")
    client.post(f"/api/share-items/{kafka}/sent", json={"person_id": tomas})
    # A connection on a live role whose work is Kafka's consumer lag: the item is her share.
    lena = client.post(
        "/api/contacts",
        json={
            "name": "Lena Park",
            "profile_url": "https://www.linkedin.com/in/lena-park/",
            "degree": 1,
            "headline": "Staff engineer — Kafka, consumer lag and on-call alerting",
        },
    ).json
    response = client.post(
        "/api/opportunities",
        json={
            "company": "Streamline",
            "title": "Platform Engineer",
            "stage": "screening",
            "people": [{"person_id": lena["id"], "role": "hiring_manager"}],
        },
    )
    assert response.status_code == 201, response.json
    shares = [
        s
        for s in open_suggestions(client, "Lena Park")
        if s["subject_type"] == "share_item" and s["subject_id"] == kafka
    ]
    assert len(shares) == 1, open_suggestions(client, "Lena Park")
    response = client.delete(f"/api/share-items/{kafka}")
    assert response.status_code == 200 and response.json["deleted"] is True
    assert client.get(f"/api/share-items/{kafka}").status_code == 404
    assert not [
        s
        for s in client.get("/api/suggestions?status=open&per_page=200").json["items"]
        if s["subject_type"] == "share_item" and s["subject_id"] == kafka
    ]
    # Her plan goes on without it: the same hello, no longer about the deleted item.
    after = client.get(f"/api/suggestions/{shares[0]['id']}").json
    assert after["status"] == "open" and after["subject_type"] != "share_item", after
    assert client.delete(f"/api/share-items/{kafka}").status_code == 404
