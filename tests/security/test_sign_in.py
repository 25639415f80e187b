"""Issue 15, findings 2 and 4: the sign-in link is a one-time key, sessions live on the server,
and a token rotation applies at once to a running server (docs/security.md)."""

from __future__ import annotations

import base64
import zlib

import pytest

from tests.support.app import build_app
from tests.support.auth import sign_in, sign_in_key

BASE = "http://127.0.0.1:8765"
HOST = {"Host": "127.0.0.1:8765"}


def test_a_sign_in_key_works_once(app):
    key = sign_in_key(app)
    first = app.test_client()
    assert first.post("/login", data={"key": key}, base_url=BASE).status_code == 303
    assert first.get("/contacts", base_url=BASE).status_code == 200
    second = app.test_client()
    assert second.post("/login", data={"key": key}, base_url=BASE).status_code == 401
    assert second.get("/contacts", base_url=BASE).status_code == 302


def test_a_sign_in_key_expires_after_ten_minutes(app, clock):
    key = sign_in_key(app)
    clock.advance(minutes=11)
    raw = app.test_client()
    assert raw.post("/login", data={"key": key}, base_url=BASE).status_code == 401


def test_the_api_token_no_longer_signs_in(app):
    raw = app.test_client()
    token = app.config["TOKEN"]
    response = raw.get(f"/?token={token}", base_url=BASE)
    assert response.status_code == 302
    assert token not in response.headers["Location"]
    assert raw.post("/login", data={"key": token}, base_url=BASE).status_code == 401
    assert raw.get("/contacts", base_url=BASE).status_code == 302


def test_the_link_page_spends_the_key_only_by_post(app):
    key = sign_in_key(app)
    raw = app.test_client()
    page = raw.get(f"/login?key={key}", base_url=BASE)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert "data-submit-now" in page.get_data(as_text=True)
    # A GET (a link preview, a prefetch) spends nothing: the key still signs in once.
    assert raw.post("/login", data={"key": key}, base_url=BASE).status_code == 303


def test_a_pasted_link_signs_in(app):
    raw = app.test_client()
    pasted = f"  {BASE}/login?key={sign_in_key(app)}  "
    assert raw.post("/login", data={"key": pasted}, base_url=BASE).status_code == 303


def _cookie_payload(raw) -> bytes:
    cookie = raw.get_cookie("topofmind_session", domain="127.0.0.1")
    body = cookie.value.lstrip(".").split(".")[0]
    data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return zlib.decompress(data) if cookie.value.startswith(".") else data


def test_the_cookie_carries_no_part_of_the_token(app):
    raw = app.test_client()
    sign_in(raw, app, BASE)
    payload = _cookie_payload(raw)
    token = app.config["TOKEN"]
    for start in range(0, len(token) - 5):
        assert token[start : start + 6].encode() not in payload


def test_sign_out_ends_the_session_on_the_server(app):
    raw = app.test_client()
    sign_in(raw, app, BASE)
    with raw.session_transaction(base_url=BASE) as session:
        stolen = dict(session)
    response = raw.post("/logout", data={"csrf_token": stolen["csrf"]}, base_url=BASE)
    assert response.status_code == 303
    # A copy of the cookie taken before sign-out is worth nothing afterwards.
    replay = app.test_client()
    with replay.session_transaction(base_url=BASE) as session:
        session.update(stolen)
    assert replay.get("/contacts", base_url=BASE).status_code == 302
    assert replay.get("/api/contacts", base_url=BASE).status_code == 401


@pytest.mark.parametrize(
    "target,expected",
    [
        ("/contacts?sort=name", "/contacts?sort=name"),
        ("/%09/evil.example/", "/"),
        ("/\t/evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_next_only_goes_to_paths_on_this_site(app, target, expected):
    from urllib.parse import unquote

    raw = app.test_client()
    response = raw.post(
        "/login", data={"key": sign_in_key(app), "next": unquote(target)}, base_url=BASE
    )
    assert response.status_code == 303
    assert response.headers["Location"] == expected


def test_next_from_the_query_string_is_checked_too(app):
    raw = app.test_client()
    response = raw.post(
        "/login?next=/%09/evil.example/", data={"key": sign_in_key(app)}, base_url=BASE
    )
    assert response.headers["Location"] == "/"


def test_pages_with_secrets_are_not_cached(app):
    raw = app.test_client()
    sign_in(raw, app, BASE)
    for path in ("/", "/settings", "/contacts", "/login"):
        assert raw.get(path, base_url=BASE).headers["Cache-Control"] == "no-store", path


# Finding 4: a rotation reaches a running server at once.


@pytest.fixture
def token_app(sqlite_only_url, tmp_path, clock):
    return build_app(sqlite_only_url, tmp_path / "data", clock, TOKEN=None)


def test_rotating_the_token_applies_at_once(token_app, tmp_path):
    from topofmind.security import rotate_token

    raw = token_app.test_client()
    old = token_app.config["TOKEN"]
    ok = raw.get("/api/contacts", headers={**HOST, "Authorization": f"Bearer {old}"})
    assert ok.status_code == 200
    new = rotate_token(tmp_path / "data")
    stale = raw.get("/api/contacts", headers={**HOST, "Authorization": f"Bearer {old}"})
    assert stale.status_code == 401
    fresh = raw.get("/api/contacts", headers={**HOST, "Authorization": f"Bearer {new}"})
    assert fresh.status_code == 200


def test_rotating_the_token_ends_every_session(token_app, tmp_path):
    from topofmind.security import rotate_token

    browsers = [token_app.test_client() for _ in range(2)]
    for raw in browsers:
        sign_in(raw, token_app, BASE)
        assert raw.get("/contacts", base_url=BASE).status_code == 200
    rotate_token(tmp_path / "data")
    for raw in browsers:
        assert raw.get("/contacts", base_url=BASE).status_code == 302
