"""A capture the parser reads nothing from: status "empty", said so, and kept for reparse."""

import uuid

from topofmind.services.captures import EMPTY_PARSE_WARNING, prune_captures, reparse_all

# A profile URL whose page holds no top card, post or list: the kind is known, nothing is read.
BLANK_PROFILE = "<html><body><main><div><p>Loading…</p></div></main></body></html>"


def _post(client, html, url="https://www.linkedin.com/in/jane-doe/"):
    return client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": url,
            "html": html,
            "captured_at": "2026-11-25T10:00:00Z",
        },
    )


def test_an_empty_parse_is_reported_and_its_html_kept_past_retention(client, app, clock):
    response = _post(client, BLANK_PROFILE)
    assert response.status_code == 201
    body = response.json
    assert (body["kind"], body["status"]) == ("profile", "empty")
    assert EMPTY_PARSE_WARNING in body["warnings"]
    assert body["person"] is None

    clock.advance(days=400)
    factory = app.extensions["topofmind"].session_factory
    with factory.begin() as session:
        assert prune_captures(session, clock(), 30) == 0
    with factory.begin() as session:
        counts = reparse_all(session, clock(), only_older=False)
    assert counts["reparsed"] == 1
    statuses = {c["id"]: c["status"] for c in client.get("/api/captures").json["items"]}
    assert statuses[body["capture_id"]] == "empty"


def test_a_page_with_facts_is_parsed_not_empty(client):
    html = (
        "<html><body><main><section><h1>Jane Doe</h1><div>Head of Data at Acme</div>"
        "</section></main></body></html>"
    )
    body = _post(client, html).json
    assert (body["status"], body["person"]["name"]) == ("parsed", "Jane Doe")
    assert EMPTY_PARSE_WARNING not in body["warnings"]
