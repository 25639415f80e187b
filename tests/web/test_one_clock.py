"""One clock on every surface (issue 13): Today, the contacts list and its filters, the person
page, the API and the digest tell each person's next step with the same timing phrase."""

import html as html_lib
import re


def test_every_surface_tells_the_same_timing(web, client, seed, clock):
    api = client
    items = api.get("/api/suggestions?per_page=100").json["items"]
    assert items
    digest = api.get("/api/digest").json
    by_id = {item["id"]: item for item in items}
    for item in digest["items"]:
        assert item["timing"] == by_id[item["id"]]["timing"]
    today = html_lib.unescape(web.text("/"))
    contacts = html_lib.unescape(web.text("/contacts"))
    firsts = {}
    for item in sorted(items, key=lambda i: (i["due_at"], -i["priority"], i["id"])):
        firsts.setdefault(item["person_id"], item)
    for person_id, item in firsts.items():
        assert item["timing"] in contacts, item
        page = html_lib.unescape(web.text(f"/contacts/{person_id}"))
        assert f"{item['timing']}" in page
    for item in digest["items"]:
        assert item["timing"] in today


def test_the_overdue_filter_is_the_people_past_a_send_by(web, client, seed, clock):
    api = client
    clock.advance(days=3)
    api.post("/api/suggestions/recompute")
    items = api.get("/api/suggestions?per_page=100").json["items"]
    late = {i["person_id"] for i in items if i["timing"].startswith("Overdue since")}
    assert late, items
    listed = api.get("/api/contacts?status=overdue&per_page=100").json["items"]
    assert {p["id"] for p in listed} == late
    page = html_lib.unescape(web.text("/contacts?status=overdue"))
    assert len(re.findall(r"Overdue since", page)) >= len(late)


def test_an_email_on_the_person_form_opens_the_email_channel(web, client, seed):
    person = seed["quiet"]
    path = f"/contacts/{person}"
    bad = web.post(f"{path}/edit", {"name": "Quinn Quiet", "email": "quinn at example"})
    assert bad.status_code == 422
    assert "Use an address like name@example.com." in bad.get_data(as_text=True)
    saved = web.post(f"{path}/edit", {"name": "Quinn Quiet", "email": "quinn@example.com"})
    assert saved.status_code == 303
    assert client.get(f"/api/contacts/{person}").json["email"] == "quinn@example.com"
    assert 'value="quinn@example.com"' in web.text(path)
