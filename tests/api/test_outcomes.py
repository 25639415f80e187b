"""The plan follows the search's outcome, through the API (issue 13): rejection, withdrawal,
offer and hire; and every suggestion carries ``send_by`` and ``timing``."""

from datetime import datetime, timedelta

import pytest

from topofmind.domain.outcome_drafts import PURSUIT_WORDS


def _team(client, make_person, make_opportunity, clock, stage="interviewing", **extra):
    manager = make_person(name="Maria Lopez", degree=1, email="maria@example.com")
    interviewer = make_person(name="Ana Silva", degree=1)
    opportunity = make_opportunity(
        stage=stage, people=[{"person_id": manager["id"], "role": "hiring_manager"}], **extra
    )
    ends = clock.now - timedelta(days=3)
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": (ends - timedelta(hours=1)).isoformat(),
            "ends_at": ends.isoformat(),
            "interviewer_ids": [interviewer["id"], manager["id"]],
            "topics": ["event sourcing"],
        },
    )
    assert response.status_code == 201, response.json
    return manager, interviewer, opportunity


def _open(client, person_id):
    return client.get(f"/api/suggestions?person_id={person_id}").json["items"]


def _pursuit(text):
    lowered = text.lower()
    return [w for w in (*PURSUIT_WORDS, "even more enthusiastic") if w in lowered]


def test_every_suggestion_says_when_to_send(client, make_person, make_opportunity, clock):
    manager, interviewer, _ = _team(client, make_person, make_opportunity, clock)
    for item in client.get("/api/suggestions").json["items"]:
        send_by = datetime.fromisoformat(item["send_by"])
        assert datetime.fromisoformat(item["due_at"]) <= send_by
        assert item["send_by"] == item["window_end"]
        assert item["timing"].startswith(("Send", "From", "Overdue since"))
    digest = client.get("/api/digest").json
    assert {"later_count", "budget", "due_today_count"} <= set(digest)
    assert all("timing" in item for item in digest["items"])


@pytest.mark.parametrize(
    ("stage", "words"), [("rejected", "decided not to go"), ("withdrawn", "You withdrew")]
)
def test_a_closed_role_gets_one_gracious_note(
    client, make_person, make_opportunity, clock, stage, words
):
    manager, interviewer, opportunity = _team(client, make_person, make_opportunity, clock)
    response = client.patch(f"/api/opportunities/{opportunity['id']}", json={"stage": stage})
    assert response.status_code == 200, response.json
    (close,) = _open(client, manager["id"])
    assert close["kind"] == "close_loop" and words in close["reason"]
    assert close["channel"] == "email"  # an address is known
    assert close["draft"]["subject"] and not _pursuit(close["draft"]["body"])
    assert "Maria" in close["draft"]["body"]
    # Nothing pursues the role any more: no thank-you, check-in or intro ask to anyone on it.
    assert _open(client, interviewer["id"]) == []
    done = client.post(f"/api/suggestions/{close['id']}/done")
    assert done.status_code == 200
    assert _open(client, manager["id"]) == []
    contacts = client.get(f"/api/contacts/{manager['id']}").json
    assert contacts["cadence"]["stage"] == "closed"


def test_the_offer_stage_asks_to_thank_then_answer(client, make_person, make_opportunity, clock):
    deadline = (clock.now + timedelta(days=7)).date()
    manager, interviewer, opportunity = _team(
        client, make_person, make_opportunity, clock, decision_expected_on=deadline.isoformat()
    )
    client.patch(f"/api/opportunities/{opportunity['id']}", json={"stage": "offer"})
    (thanks,) = _open(client, manager["id"])
    assert thanks["kind"] == "offer_thanks"
    assert "Wednesday 2 December" in thanks["draft"]["body"]
    client.post(f"/api/suggestions/{thanks['id']}/done")
    clock.advance(days=4)
    client.post("/api/suggestions/recompute")
    (reply,) = _open(client, manager["id"])
    assert reply["kind"] == "offer_reply"
    assert reply["send_by"].startswith(deadline.isoformat())
    assert [s["kind"] for s in _open(client, interviewer["id"])] != ["check_in"]


def test_a_hire_pauses_the_search(client, make_person, make_opportunity, clock):
    manager, interviewer, hired = _team(client, make_person, make_opportunity, clock)
    other_manager = make_person(name="Lena Berg", degree=1)
    client.post(f"/api/contacts/{other_manager['id']}/interactions", json={"kind": "call"})
    other = make_opportunity(
        company="Globex",
        stage="interviewing",
        people=[{"person_id": other_manager["id"], "role": "hiring_manager"}],
    )
    stranger = make_person(name="Sam Stranger", degree=3)
    make_opportunity(
        company="Initech",
        stage="applied",
        people=[{"person_id": stranger["id"], "role": "hiring_manager"}],
    )
    # Before the hire, a freshly tracked 3rd-degree hiring manager has a first step.
    (first,) = _open(client, stranger["id"])
    assert first["kind"] == "connect" and first["channel"] == "linkedin_note"
    clock.advance(hours=2)
    client.patch(f"/api/opportunities/{hired['id']}", json={"stage": "hired"})
    (withdraw,) = _open(client, other_manager["id"])
    assert (
        withdraw["kind"] == "withdraw"
        and "Globex" not in withdraw["draft"]["body"].split("at ")[1:2]
    )
    assert "accepted a role at Acme" in withdraw["draft"]["body"]
    assert not _pursuit(withdraw["draft"]["body"])
    (thanks,) = _open(client, interviewer["id"])
    assert thanks["kind"] == "news_and_thanks"
    assert _open(client, manager["id"]) == []
    assert _open(client, stranger["id"]) == []
    assert other["id"]


def test_an_outcome_note_has_no_template_to_preview(client, make_person, make_opportunity, clock):
    _, interviewer, hired = _team(client, make_person, make_opportunity, clock)
    client.patch(f"/api/opportunities/{hired['id']}", json={"stage": "hired"})
    (thanks,) = _open(client, interviewer["id"])
    for kind in ("thank_you", "react"):
        response = client.post(
            "/api/drafts/preview",
            json={
                "kind": kind,
                "person_id": interviewer["id"],
                "suggestion_id": thanks["id"],
                "template": "",
            },
        )
        assert response.status_code == 422, response.json
        assert "suggestion_id" in response.json["errors"]


def test_email_is_a_person_field(client, make_person):
    person = make_person(name="Rita Recruiter")
    bad = client.patch(f"/api/contacts/{person['id']}", json={"email": "not an address"})
    assert bad.status_code == 422 and "email" in bad.json["errors"]
    good = client.patch(f"/api/contacts/{person['id']}", json={"email": "rita@example.com"})
    assert good.status_code == 200 and good.json["email"] == "rita@example.com"


def test_an_introducer_is_thanked_after_the_hire(app, client, clock):
    """A done intro request is logged on the introducer (who was asked), for the role; after the
    hire, the introducer gets the news and thanks."""
    from topofmind.services.demo import load_demo_if_empty

    with app.extensions["topofmind"].session_factory.begin() as session:
        assert load_demo_if_empty(session, clock.now)
    items = client.get("/api/suggestions?per_page=100").json["items"]
    ask = next(i for i in items if i["kind"] == "ask_intro")
    sofia, daniel = ask["introducer_person_id"], ask["person_id"]
    assert sofia is not None and sofia != daniel
    assert ask["subject_type"] == "opportunity"
    opportunity_id = ask["subject_id"]
    assert client.post(f"/api/suggestions/{ask['id']}/done").status_code == 200

    asked = client.get(f"/api/contacts/{sofia}/interactions").json["items"]
    assert [(i["kind"], i["opportunity_id"]) for i in asked][:1] == [
        ("intro_request", opportunity_id)
    ], asked
    assert "Daniel Okafor" in asked[0]["note"]
    # No second ask for the same introduction.
    assert [s for s in _open(client, daniel) if s["kind"] == "ask_intro"] == []

    clock.advance(days=20)
    response = client.patch(f"/api/opportunities/{opportunity_id}", json={"stage": "hired"})
    assert response.status_code == 200, response.json
    thanks = [s for s in _open(client, sofia) if s["kind"] == "news_and_thanks"]
    assert len(thanks) == 1, _open(client, sofia)
    assert "introduc" in thanks[0]["reason"]
    assert not _pursuit(thanks[0]["draft"]["body"])
