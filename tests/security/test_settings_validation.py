"""Issue 15, finding 3: one bad setting must not break the app (docs/security.md).

Settings are validated by schema and rules (types, ranges, known keys, ordered pairs, real time
zones, sane working hours): bad input is a 422 naming the field with nothing stored; a value an
older store or a backup holds is checked when read and falls back to its default, with a warning.
"""

from __future__ import annotations

import logging

import pytest

from tests.support.auth import sign_in
from tests.support.sample_data import capture_payload

BAD_PATCHES = [
    ({"cadence": {"thank_you_ideal_hours": "soon"}}, "cadence.thank_you_ideal_hours"),
    ({"cadence": {"thank_you_ideal_hours": 1.5}}, "cadence.thank_you_ideal_hours"),
    ({"cadence": {"thank_you_ideal_hours": True}}, "cadence.thank_you_ideal_hours"),
    ({"cadence": {"thank_you_ideal_hours": 10**9}}, "cadence.thank_you_ideal_hours"),
    (
        {"cadence": {"keep_warm_targets": {"offer": [1e308, 1e309]}}},
        "cadence.keep_warm_targets.offer",
    ),
    ({"cadence": {"keep_warm_targets": {"offer": [9, 3]}}}, "cadence.keep_warm_targets.offer"),
    (
        {"cadence": {"keep_warm_targets": {"nonsense": [3, 9]}}},
        "cadence.keep_warm_targets.nonsense",
    ),
    ({"cadence": {"keep_warm_targets": [3, 9]}}, "cadence.keep_warm_targets"),
    (
        {"cadence": {"check_in_follow_up_business_days": [14, 7]}},
        "cadence.check_in_follow_up_business_days",
    ),
    (
        {"cadence": {"thank_you_ideal_hours": 72, "thank_you_late_hours": 48}},
        "cadence.thank_you_late_hours",
    ),
    ({"cadence": {"no_such_rule": 3}}, "cadence.no_such_rule"),
    ({"cadence": []}, "cadence"),
    ({"user_time_zone": "Mars/Olympus_Mons"}, "user_time_zone"),
    ({"user_time_zone": "../../etc/passwd"}, "user_time_zone"),
    ({"working_hours_start": 18, "working_hours_end": 9}, "working_hours_end"),
    ({"working_hours_start": "9"}, "working_hours_start"),
    ({"daily_budget": 0}, "daily_budget"),
    ({"daily_budget": 1.0}, "daily_budget"),
    ({"templates": {"thank_you": 5}}, "templates"),
    ({"no_such_setting": 1}, "no_such_setting"),
]


@pytest.mark.parametrize("patch,field", BAD_PATCHES, ids=[f for _p, f in BAD_PATCHES])
def test_a_bad_setting_is_422_naming_the_field_and_nothing_is_stored(client, patch, field):
    before = client.get("/api/settings").json
    response = client.patch("/api/settings", json=patch)
    assert response.status_code == 422, response.json
    body = response.json
    assert field in body.get("errors", {}) or field in str(body), body
    assert client.get("/api/settings").json == before


def test_a_good_cadence_is_stored(client):
    cadence = {
        "thank_you_ideal_hours": 12,
        "keep_warm_targets": {"offer": [2, 4]},
        "check_in_follow_up_business_days": [5, 10],
    }
    response = client.patch("/api/settings", json={"cadence": cadence})
    assert response.status_code == 200, response.json
    assert response.json["cadence"] == cadence


def store_raw(app, key, value):
    """Writes a setting as an older version (or a restored backup) might have left it."""
    from topofmind.store.models import Setting

    with app.extensions["topofmind"].session_factory.begin() as session:
        session.merge(Setting(key=key, value=value))


STORED_BAD = [
    ("cadence", {"thank_you_ideal_hours": "soon", "fresh_post_hours": 12}),
    ("cadence", {"keep_warm_targets": {"offer": [1e308, 2.5]}}),
    ("cadence", "not an object"),
    ("user_time_zone", "Mars/Olympus_Mons"),
    ("working_hours_start", "nine"),
    ("daily_budget", 1e308),
    ("templates", ["a", "list"]),
]


@pytest.mark.parametrize(
    "key,value", STORED_BAD, ids=[f"{k}-{i}" for i, (k, _v) in enumerate(STORED_BAD)]
)
def test_a_bad_stored_setting_reads_as_its_default_and_nothing_breaks(
    app, client, make_person, key, value, caplog
):
    person = make_person()
    store_raw(app, key, value)
    with caplog.at_level(logging.WARNING, logger="topofmind.services.settings"):
        settings = client.get("/api/settings")
    assert settings.status_code == 200
    assert any("invalid" in record.getMessage() for record in caplog.records)
    assert client.get("/api/contacts").status_code == 200
    assert client.get(f"/api/contacts/{person['id']}").status_code == 200
    assert client.get("/api/digest").status_code == 200
    assert client.post("/api/suggestions/recompute", json={}).status_code == 200
    assert client.post(
        "/api/captures", json=capture_payload("profile_loggedin_01.html")
    ).status_code in (200, 201)
    raw = app.test_client()
    sign_in(raw, app, "http://127.0.0.1:8765")
    assert raw.get("/settings", base_url="http://127.0.0.1:8765").status_code == 200
    assert raw.get("/", base_url="http://127.0.0.1:8765").status_code == 200


def test_only_the_bad_cadence_entries_are_dropped(app, client):
    store_raw(app, "cadence", {"thank_you_ideal_hours": "soon", "fresh_post_hours": 12})
    assert client.get("/api/settings").json["cadence"] == {"fresh_post_hours": 12}
