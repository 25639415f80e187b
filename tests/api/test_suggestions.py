"""Suggestions through the API: created by facts, acted on, recomputed idempotently."""

from datetime import timedelta


def _interview(client, make_person, make_opportunity, clock, hours_ago=3):
    interviewer = make_person(name="Ines Interviewer", degree=2)
    opportunity = make_opportunity(stage="interviewing")
    ends = clock.now - timedelta(hours=hours_ago)
    response = client.post(
        "/api/interviews",
        json={
            "opportunity_id": opportunity["id"],
            "starts_at": (ends - timedelta(hours=1)).isoformat(),
            "ends_at": ends.isoformat(),
            "interviewer_ids": [interviewer["id"]],
            "topics": ["event sourcing"],
        },
    )
    assert response.status_code == 201, response.json
    return interviewer, opportunity


def test_interview_produces_a_thank_you_with_a_draft(client, make_person, make_opportunity, clock):
    interviewer, _ = _interview(client, make_person, make_opportunity, clock)
    items = client.get(f"/api/suggestions?person_id={interviewer['id']}").json["items"]
    thanks = [s for s in items if s["kind"] == "thank_you"]
    assert len(thanks) == 1
    thank = thanks[0]
    assert "Ines" in thank["reason"]
    assert thank["subject_type"] == "interview"
    assert thank["draft"]["body"] and "event sourcing" in thank["draft"]["body"]
    assert thank["window_end"] > thank["due_at"]


def test_recompute_is_idempotent(client, make_person, make_opportunity, clock):
    _interview(client, make_person, make_opportunity, clock)
    before = client.get("/api/suggestions?status=any").json["total"]
    again = client.post("/api/suggestions/recompute").json
    assert again["created"] == 0 and again["updated"] == 0
    assert client.get("/api/suggestions?status=any").json["total"] == before


def test_done_logs_the_interaction_and_closes(client, make_person, make_opportunity, clock):
    interviewer, _ = _interview(client, make_person, make_opportunity, clock)
    thank = next(
        s for s in client.get("/api/suggestions").json["items"] if s["kind"] == "thank_you"
    )
    response = client.post(f"/api/suggestions/{thank['id']}/done")
    assert response.status_code == 200 and response.json["status"] == "done"
    kinds = [
        i["kind"]
        for i in client.get(f"/api/contacts/{interviewer['id']}/interactions").json["items"]
    ]
    assert kinds == ["thank_you"]
    open_kinds = {s["kind"] for s in client.get("/api/suggestions").json["items"]}
    assert "thank_you" not in open_kinds
    cadence = client.get(f"/api/contacts/{interviewer['id']}").json["cadence"]
    assert cadence["last_outbound_at"] is not None


def test_snooze_and_dismiss_stay_through_recompute(client, make_person, make_opportunity, clock):
    _interview(client, make_person, make_opportunity, clock)
    # One plan per person: a second person brings the second suggestion.
    other = make_person(name="Rita Recruiter", degree=1)
    client.post(f"/api/contacts/{other['id']}/interactions", json={"kind": "inbound_request"})
    items = client.get("/api/suggestions").json["items"]
    first, second = items[0], items[1]
    snoozed = client.post(f"/api/suggestions/{first['id']}/snooze", json={"hours": 4}).json
    assert snoozed["status"] == "snoozed" and snoozed["snoozed_until"]
    assert client.post(f"/api/suggestions/{second['id']}/dismiss").json["status"] == "dismissed"
    client.post("/api/suggestions/recompute")
    assert client.get(f"/api/suggestions/{first['id']}").json["status"] == "snoozed"
    assert client.get(f"/api/suggestions/{second['id']}").json["status"] == "dismissed"
    clock.advance(hours=5)
    listed = {s["id"] for s in client.get("/api/suggestions").json["items"]}
    assert first["id"] in listed


def test_acting_on_unknown_or_closed_suggestions(client, make_person, make_opportunity, clock):
    assert client.post("/api/suggestions/999/done").status_code == 404
    _interview(client, make_person, make_opportunity, clock)
    item = client.get("/api/suggestions").json["items"][0]
    client.post(f"/api/suggestions/{item['id']}/done")
    refused = client.post(f"/api/suggestions/{item['id']}/snooze", json={"hours": 2})
    assert refused.status_code == 409
    bad = client.post(f"/api/suggestions/{item['id']}/snooze", json={"hours": "soon"})
    assert bad.status_code == 422 and "hours" in bad.json["errors"]


def test_do_not_contact_silences_a_person(client, make_person, make_opportunity, clock):
    interviewer, _ = _interview(client, make_person, make_opportunity, clock)
    client.patch(f"/api/contacts/{interviewer['id']}", json={"do_not_contact": True})
    items = client.get(f"/api/suggestions?person_id={interviewer['id']}").json["items"]
    assert items == []


def test_inbound_request_is_top_of_the_digest(client, make_person):
    person = make_person(name="Rita Recruiter")
    client.post(
        f"/api/contacts/{person['id']}/interactions",
        json={"kind": "inbound_request", "note": "Could you send two references?"},
    )
    digest = client.get("/api/digest").json
    assert digest["due_today_count"] >= 1
    assert digest["items"][0]["kind"] == "respond"
    assert digest["items"][0]["person_name"] == "Rita Recruiter"


def test_explain_and_cadence(client, make_person, make_opportunity, clock):
    interviewer, _ = _interview(client, make_person, make_opportunity, clock)
    explained = client.get(f"/api/contacts/{interviewer['id']}/explain").json
    assert any(e["rule"] == "thank_you" and e["outcome"] == "suggested" for e in explained)
    cadence = client.get(f"/api/contacts/{interviewer['id']}/cadence").json
    assert cadence["stage"] == "interviewing"
    assert client.get("/api/contacts/999/explain").status_code == 404


def test_mark_as_sent_remembers_the_message(client, make_person, make_opportunity, clock):
    client.patch("/api/settings", json={"keep_message_bodies": True})
    interviewer, _ = _interview(client, make_person, make_opportunity, clock)
    thank = next(
        s for s in client.get("/api/suggestions").json["items"] if s["kind"] == "thank_you"
    )
    text = (
        "Hi Ines, thank you for the conversation about event sourcing and how your team "
        "replays projections after a schema change. I enjoyed it a lot."
    )
    client.post(f"/api/suggestions/{thank['id']}/done", json={"sent_text": text})
    notes = [
        i["note"]
        for i in client.get(f"/api/contacts/{interviewer['id']}/interactions").json["items"]
    ]
    assert notes == [text]
    check = client.post(
        "/api/drafts/check", json={"text": text, "channel": "email", "person_id": interviewer["id"]}
    ).json
    assert "repeat" in [w["code"] for w in check["warnings"]]


def test_the_badge_count_is_todays_budgeted_list(client, make_person):
    """The digest's ``due_today_count`` (the extension's badge and the popup read it) is the
    number Today shows within the daily budget, not everything due today."""
    client.patch("/api/settings", json={"daily_budget": 2})
    for name in ("Rita Recruiter", "Sam Sourcer", "Tara Talent", "Uma Underwood"):
        person = make_person(name=name)
        client.post(
            f"/api/contacts/{person['id']}/interactions",
            json={"kind": "inbound_request", "note": "Could you send two references?"},
        )
    digest = client.get("/api/digest").json
    assert digest["budget"] == 2
    assert digest["due_today_count"] == 2 == len(digest["items"])
    # The other two requests wait under "Later", counted there.
    assert digest["later_count"] == 2


def test_a_sent_connection_request_is_logged_and_the_plan_moves_on(
    client, make_person, make_opportunity, clock
):
    """Marking a connection request sent logs it (dated, on the timeline); no second request
    follows while it waits; once accepted, a short note to follow up is the next step."""
    manager = make_person(name="Hana Hiring", degree=3)
    make_opportunity(
        stage="applied", people=[{"person_id": manager["id"], "role": "hiring_manager"}]
    )
    plan = client.get(f"/api/suggestions?person_id={manager['id']}").json["items"]
    assert [s["kind"] for s in plan] == ["connect"], plan
    sent_on = clock.now - timedelta(hours=2)
    done = client.post(
        f"/api/suggestions/{plan[0]['id']}/done", json={"sent_at": sent_on.isoformat()}
    )
    assert done.status_code == 200, done.json
    logged = client.get(f"/api/contacts/{manager['id']}/interactions").json["items"]
    assert [(i["kind"], i["direction"]) for i in logged] == [("connection_request", "outbound")]
    assert logged[0]["occurred_at"].startswith(sent_on.date().isoformat())

    # Pending: nothing private to them (no second request, no note as a request) for weeks.
    for _ in range(4):
        clock.advance(days=7)
        client.post("/api/suggestions/recompute")
        plan = client.get(f"/api/suggestions?person_id={manager['id']}").json["items"]
        assert [s for s in plan if s["channel"] in ("message", "email", "linkedin_note")] == []

    # Accepted: a short note that follows up, by message.
    client.patch(f"/api/contacts/{manager['id']}", json={"degree": 1})
    plan = client.get(f"/api/suggestions?person_id={manager['id']}").json["items"]
    assert [(s["kind"], s["channel"]) for s in plan] == [("keep_warm", "message")], plan
    assert "accepted your connection request" in plan[0]["reason"]


def test_a_reply_lands_in_the_recipients_working_hours_too(client, make_person, clock):
    """A London user answering someone in New York: the reply is due when both are at work
    (14:00 London is 9:00 New York) and the send-by is the end of the user's day; someone
    with no known zone keeps the user's hours."""
    client.patch("/api/settings", json={"user_time_zone": "Europe/London"})
    asked_at = clock.now.replace(hour=10, minute=0)  # Wednesday 25 November, 10:00 London
    due = {}
    for name, zone in (("Nora York", "America/New_York"), ("Lou Local", None)):
        person = make_person(name=name, **({"time_zone": zone} if zone else {}))
        client.post(
            f"/api/contacts/{person['id']}/interactions",
            json={"kind": "inbound_request", "occurred_at": asked_at.isoformat()},
        )
        [reply] = client.get(f"/api/suggestions?person_id={person['id']}").json["items"]
        due[name] = (reply["due_at"], reply["send_by"])
    assert due["Nora York"] == ("2026-11-25T14:00:00+00:00", "2026-11-25T17:00:00+00:00")
    assert due["Lou Local"] == ("2026-11-25T10:00:00+00:00", "2026-11-26T17:00:00+00:00")
