"""Contacts: create, validate, look up, edit with history, list, forget."""

import pytest


def test_create_and_read_back(client):
    response = client.post(
        "/api/contacts",
        json={
            "name": "Maria López",
            "profile_url": "https://de.linkedin.com/in/maria-lopez-1?trk=x",
            "tags": ["Hiring Manager", "hiring manager"],
            "company": "Acme",
        },
    )
    assert response.status_code == 201
    person = response.json
    assert person["profile_url"] == "https://www.linkedin.com/in/maria-lopez-1/"
    assert person["public_id"] == "maria-lopez-1"
    assert person["tags"] == ["hiring manager"]
    assert person["stage"] == "networking"
    assert client.get(f"/api/contacts/{person['id']}").json["name"] == "Maria López"


@pytest.mark.parametrize(
    "payload,field",
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": 42}, "name"),
        ({"name": "A", "degree": 7}, "degree"),
        ({"name": "A", "time_zone": "Mars/Olympus"}, "time_zone"),
        ({"name": "A", "tags": "recruiter"}, "tags"),
        ({"name": "A", "unexpected": 1}, "unexpected"),
        ({"name": "A", "profile_url": "https://example.com/in/a"}, "profile_url"),
        ({"name": "A", "do_not_contact": "maybe"}, "do_not_contact"),
    ],
)
def test_invalid_fields_are_named(client, payload, field):
    response = client.post("/api/contacts", json=payload)
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert client.get("/api/contacts").json["total"] == 0


def test_body_that_is_not_json_object(client):
    response = client.post(
        "/api/contacts", data="[1,2", headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.json["code"] == response.status_code


def test_same_profile_twice_conflicts(client, make_person):
    make_person(profile_url="https://www.linkedin.com/in/jane/")
    response = client.post(
        "/api/contacts", json={"name": "J", "profile_url": "linkedin.com/in/jane"}
    )
    assert response.status_code == 409
    assert "profile_url" in response.json["errors"]


def test_lookup_by_any_url_form(client, make_person):
    person = make_person(profile_url="https://www.linkedin.com/in/jane-doe/")
    for url in ["https://www.linkedin.com/in/jane-doe", "https://fr.linkedin.com/in/jane-doe/?x=1"]:
        response = client.get("/api/contacts/lookup", query_string={"url": url})
        assert response.status_code == 200, url
        assert response.json["id"] == person["id"]
    missing = client.get(
        "/api/contacts/lookup", query_string={"url": "https://www.linkedin.com/in/nobody/"}
    )
    assert missing.status_code == 404
    assert client.get("/api/contacts/lookup").status_code == 422


def test_patch_keeps_field_history(client, make_person, app):
    from sqlalchemy import select

    from topofmind.store.models import PersonFieldChange

    person = make_person(company="Acme")
    response = client.patch(
        f"/api/contacts/{person['id']}", json={"company": "Globex", "tags": ["recruiter"]}
    )
    assert response.status_code == 200
    assert response.json["company"] == "Globex"
    with app.extensions["topofmind"].session_factory() as session:
        change = session.scalars(select(PersonFieldChange)).one()
    assert (change.field, change.old_value, change.new_value) == ("company", "Acme", "Globex")


def test_patch_unknown_person_is_404(client):
    response = client.patch("/api/contacts/999", json={"notes": "x"})
    assert response.status_code == 404
    assert response.json["status"] == "Not Found"


def test_list_search_filter_sort_and_page(client, make_person):
    make_person(name="Zoe Zhang", company="Acme", tags=["recruiter"], degree=2)
    make_person(name="Ana Álvarez", company="Globex", degree=1)
    make_person(name="Bob Brown", company="Acme", headline="Platform engineering lead")
    everyone = client.get("/api/contacts").json
    assert [p["name"] for p in everyone["items"]] == ["Ana Álvarez", "Bob Brown", "Zoe Zhang"]
    assert client.get("/api/contacts?q=alvarez").json["items"][0]["name"] == "Ana Álvarez"
    assert client.get("/api/contacts?q=platform").json["total"] == 1
    assert client.get("/api/contacts?company=acme").json["total"] == 2
    assert client.get("/api/contacts?tag=recruiter").json["items"][0]["name"] == "Zoe Zhang"
    assert client.get("/api/contacts?degree=1").json["total"] == 1
    assert [p["name"] for p in client.get("/api/contacts?sort=-name").json["items"]][
        0
    ] == "Zoe Zhang"
    paged = client.get("/api/contacts?per_page=2&page=2").json
    assert (paged["total"], paged["page"], paged["per_page"], len(paged["items"])) == (3, 2, 2, 1)


@pytest.mark.parametrize(
    "query", ["per_page=0", "per_page=201", "page=0", "sort=bogus", "degree=5"]
)
def test_paging_and_filter_limits(client, query):
    response = client.get(f"/api/contacts?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in response.json["errors"]


def test_forget_removes_the_person_and_their_history(client, make_person):
    person = make_person(name="Forget Me")
    client.post(f"/api/contacts/{person['id']}/interactions", json={"kind": "message"})
    response = client.delete(f"/api/contacts/{person['id']}")
    assert response.status_code == 200
    assert response.json["removed"]["interactions"] == 1
    assert client.get(f"/api/contacts/{person['id']}").status_code == 404
    assert client.get("/api/interactions").json["total"] == 0
