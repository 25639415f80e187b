"""The demo data set and the scheduler's job leases."""

from datetime import timedelta

from topofmind.scheduler import acquire_lease, release_lease, run_exclusive
from topofmind.services.demo import load_demo_if_empty


def test_demo_gives_a_coach_like_day(app, client, clock):
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        assert load_demo_if_empty(session, clock.now)
    with state.session_factory.begin() as session:
        assert not load_demo_if_empty(session, clock.now)
    items = client.get("/api/suggestions?per_page=100").json["items"]
    by_kind = {}
    for item in items:
        by_kind.setdefault(item["kind"], []).append(item["person_name"])
    assert set(by_kind["thank_you"]) == {"Priya Raman", "Tomás Ortega"}
    assert by_kind["respond"] == ["Hannah Becker"]
    assert "Marcus Lindqvist" in by_kind["check_in"]
    assert "Jonas Weber" in by_kind["event_follow_up"]
    intro = next(i for i in items if i["kind"] == "ask_intro")
    assert intro["person_name"] == "Daniel Okafor" and "Sofia Marin" in intro["reason"]
    assert client.get("/api/digest").json["items"][0]["kind"] == "respond"


def test_a_lease_is_held_by_one_process_at_a_time(app, clock):
    factory = app.extensions["topofmind"].session_factory
    assert acquire_lease(factory, "job", clock.now, timedelta(minutes=5), owner="a")
    assert not acquire_lease(factory, "job", clock.now, timedelta(minutes=5), owner="b")
    assert acquire_lease(
        factory, "job", clock.now + timedelta(minutes=6), timedelta(minutes=5), owner="b"
    )
    release_lease(factory, "job", clock.now + timedelta(minutes=7), owner="b")
    assert acquire_lease(
        factory, "job", clock.now + timedelta(minutes=7), timedelta(minutes=5), owner="a"
    )


def test_run_exclusive_skips_when_another_process_runs(app, clock):
    factory = app.extensions["topofmind"].session_factory
    ran = []
    assert acquire_lease(factory, "recompute", clock.now, timedelta(minutes=5), owner="other")
    assert not run_exclusive(app, "recompute", lambda session, now: ran.append(now))
    assert ran == []
    assert run_exclusive(app, "prune", lambda session, now: ran.append(now))
    assert ran == [clock.now]
