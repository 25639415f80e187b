"""Removing the demo deletes what the demo added and nothing the user added."""

from __future__ import annotations

from sqlalchemy import func, select

from topofmind.services.demo import demo_present, load_demo, remove_demo
from topofmind.services.settings import get_settings, update_settings
from topofmind.store.models import Connection, Interaction, Opportunity, Person, ShareItem


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_remove_demo_keeps_real_data(app, client, clock):
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        load_demo(session, clock())
    mine = client.post("/api/contacts", json={"name": "Real Person"}).json
    client.post(f"/api/contacts/{mine['id']}/interactions", json={"kind": "message"})
    opportunity = client.post(
        "/api/opportunities",
        json={"company": "Real Co", "title": "Engineer", "people": [{"person_id": mine["id"]}]},
    ).json
    client.post("/api/share-items", json={"title": "My own find", "topics": ["platform"]})
    with factory.begin() as session:
        assert demo_present(session)
        demo_person_id = session.scalar(select(Person.id).where(Person.source == "demo"))
    # The user names a demo person on their own opportunity: that opportunity stays. (Outside
    # the session above: on SQLite its transaction holds the write lock the PATCH needs.)
    named = client.patch(
        f"/api/opportunities/{opportunity['id']}",
        json={"people": [{"person_id": mine["id"]}, {"person_id": demo_person_id}]},
    )
    assert named.status_code == 200, named.json
    assert len(named.json["people"]) == 2
    with factory.begin() as session:
        removed = remove_demo(session, clock())
        assert removed["people"] >= 5 and removed["connections"] > 0
        assert removed["share_items"] == 2
    with factory.begin() as session:
        assert not demo_present(session)
        assert [p.name for p in session.scalars(select(Person))] == ["Real Person"]
        assert count(session, Interaction) == 1
        assert [o.company for o in session.scalars(select(Opportunity))] == ["Real Co"]
        assert [i.title for i in session.scalars(select(ShareItem))] == ["My own find"]
        assert count(session, Connection) == 0
        assert get_settings(session)["user_name"] == ""


def test_a_name_the_user_chose_survives_removal(app, clock):
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        load_demo(session, clock())
        update_settings(session, {"user_name": "Sam Lee"}, clock())
    with factory.begin() as session:
        remove_demo(session, clock())
    with factory.begin() as session:
        assert get_settings(session)["user_name"] == "Sam Lee"
