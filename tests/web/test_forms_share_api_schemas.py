"""The dashboard's forms accept exactly what the API accepts: both load with the same schemas.

Each case is one write the two can make, with input the API's schema refuses; the dashboard must
refuse it too (422, the field marked) and store nothing.
"""

import re
from datetime import timedelta

import pytest

TOO_MANY_TAGS = [f"tag {n}" for n in range(21)]
TOO_MANY_TOPICS = [f"topic {n}" for n in range(31)]


def _interactions(client, person_id):
    return client.get(f"/api/contacts/{person_id}/interactions?per_page=200").json["total"]


def _person(client, person_id):
    return client.get(f"/api/contacts/{person_id}").json


def _interviews(client, opportunity_id):
    return client.get(f"/api/interviews?opportunity_id={opportunity_id}").json["total"]


CASES = {
    "tags over the limit": dict(
        form=("/contacts/{quiet}/edit", {"name": "Quinn Quiet", "tags": ", ".join(TOO_MANY_TAGS)}),
        api=("PATCH", "/api/contacts/{quiet}", {"tags": TOO_MANY_TAGS}),
        field="tags",
        stored=lambda client, ids: _person(client, ids["quiet"])["tags"],
    ),
    "a tag too long": dict(
        form=("/contacts/{quiet}/edit", {"name": "Quinn Quiet", "tags": "x" * 41}),
        api=("PATCH", "/api/contacts/{quiet}", {"tags": ["x" * 41]}),
        field="tags",
        stored=lambda client, ids: _person(client, ids["quiet"])["tags"],
    ),
    "an unknown direction": dict(
        form=("/contacts/{quiet}/interactions", {"kind": "call", "direction": "sideways"}),
        api=(
            "POST",
            "/api/contacts/{quiet}/interactions",
            {"kind": "call", "direction": "sideways"},
        ),
        field="direction",
        stored=lambda client, ids: _interactions(client, ids["quiet"]),
    ),
    "topics over the limit": dict(
        form=(
            "/pipeline/opportunities/{opportunity}/interviews",
            {"starts_at": "{start}", "kind": "video", "topics": ", ".join(TOO_MANY_TOPICS)},
        ),
        api=(
            "POST",
            "/api/interviews",
            {
                "opportunity_id": "{opportunity}",
                "starts_at": "{start}:00Z",
                "ends_at": "{end}:00Z",
                "kind": "video",
                "topics": TOO_MANY_TOPICS,
            },
        ),
        field="topics",
        stored=lambda client, ids: _interviews(client, ids["opportunity"]),
    ),
}


def _fill(value, values):
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, dict):
        return {key: _fill(item, values) for key, item in value.items()}
    return value


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_form_refuses_what_the_api_refuses(web, client, seed, clock, case):
    spec = CASES[case]
    start = clock() + timedelta(days=2)
    values = {
        **{name: str(value) for name, value in seed.items()},
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }
    before = spec["stored"](client, seed)

    method, path, body = spec["api"]
    body = _fill(body, values)
    if "opportunity_id" in body:
        body["opportunity_id"] = int(body["opportunity_id"])
    api = client.open(method, _fill(path, values), json=body)
    assert api.status_code == 422, api.json
    assert spec["field"] in api.json["errors"]

    form_path, form = spec["form"]
    page = web.post(_fill(form_path, values), _fill(form, values))
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    # The refused field itself is marked, with the message next to it.
    assert re.search(rf'name="{spec["field"]}"[^>]*aria-invalid="true"', html)
    assert f'id="{spec["field"]}-error"' in html

    assert spec["stored"](client, seed) == before


def test_a_form_accepts_what_the_api_accepts(web, client, seed):
    tags = [f"tag {n}" for n in range(20)]
    page = web.post(
        f"/contacts/{seed['quiet']}/edit", {"name": "Quinn Quiet", "tags": ", ".join(tags)}
    )
    assert page.status_code == 303
    assert _person(client, seed["quiet"])["tags"] == tags
    api = client.patch(f"/api/contacts/{seed['ravi']}", json={"tags": tags})
    assert api.status_code == 200, api.json
    assert api.json["tags"] == tags


@pytest.mark.parametrize("hours", ["99999999", "-5"])
def test_a_snooze_the_api_refuses_is_refused_on_today_too(web, client, seed, hours):
    suggestion = client.get("/api/suggestions?status=open").json["items"][0]
    api = client.post(f"/api/suggestions/{suggestion['id']}/snooze", json={"hours": int(hours)})
    assert api.status_code == 422
    assert "hours" in api.json["errors"]

    page = web.post(f"/suggestions/{suggestion['id']}/snooze", {"hours": hours})
    assert page.status_code == 303
    shown = web.text("/")
    assert "Pick a snooze time in the future, at most 90 days ahead." in shown
    assert client.get(f"/api/suggestions/{suggestion['id']}").json["status"] == "open"
