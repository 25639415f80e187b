"""The security envelope: token, Host, Origin, content type, CORS."""

import pytest

from tests.support.auth import sign_in

DATA_ENDPOINTS = [
    ("GET", "/api/contacts"),
    ("POST", "/api/contacts"),
    ("GET", "/api/contacts/1"),
    ("PATCH", "/api/contacts/1"),
    ("DELETE", "/api/contacts/1"),
    ("GET", "/api/contacts/lookup?url=https://www.linkedin.com/in/x/"),
    ("GET", "/api/contacts/1/interactions"),
    ("POST", "/api/contacts/1/interactions"),
    ("GET", "/api/opportunities"),
    ("POST", "/api/opportunities"),
    ("GET", "/api/interviews"),
    ("POST", "/api/interviews"),
    ("GET", "/api/interactions"),
]


@pytest.mark.parametrize("method,path", DATA_ENDPOINTS)
def test_every_data_endpoint_needs_the_token(anonymous, method, path):
    response = anonymous.open(method, path, json={})
    assert response.status_code == 401
    assert response.json["code"] == 401
    assert "token" in response.json["message"]


@pytest.mark.parametrize("method,path", DATA_ENDPOINTS[:3])
def test_a_wrong_token_is_refused(client, method, path):
    response = client.open(method, path, headers={"Authorization": "Bearer nope"}, json={})
    assert response.status_code == 401


def test_health_needs_no_token(anonymous):
    response = anonymous.get("/api/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1:9999", "localhost", "10.0.0.1:8765"]
)
def test_foreign_host_header_is_refused(client, host):
    """DNS rebinding sends the attacker's host name; only ours pass."""
    response = client.get("/api/contacts", headers={"Host": host})
    assert response.status_code == 403
    assert response.json["message"].startswith("Unknown Host")


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765"])
def test_our_host_names_pass(client, host):
    assert client.get("/api/contacts", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://127.0.0.1:9999",
        "chrome-extension://abcdefghijklmnop",
        "null",
    ],
)
def test_foreign_origin_is_refused_even_with_the_token(client, origin):
    response = client.post("/api/contacts", headers={"Origin": origin}, json={"name": "X"})
    assert response.status_code == 403
    assert client.get("/api/contacts").json["total"] == 0


def test_the_paired_extension_origin_passes_and_gets_cors(client, app):
    origin = f"chrome-extension://{app.config['EXTENSION_IDS'][0]}"
    response = client.post("/api/contacts", headers={"Origin": origin}, json={"name": "Ana"})
    assert response.status_code == 201
    assert response.headers["Access-Control-Allow-Origin"] == origin


def test_no_cors_for_the_apps_own_origin_or_others(client):
    response = client.get("/api/contacts", headers={"Origin": "http://127.0.0.1:8765"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_text_plain_posts_are_not_read(client):
    """A cross-site page can send text/plain without a preflight; it must not be accepted."""
    response = client.post(
        "/api/contacts", data='{"name": "Mallory"}', headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert client.get("/api/contacts").json["total"] == 0


def test_security_headers_are_set(anonymous):
    response = anonymous.get("/api/health")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_token_file_is_private(tmp_path):
    from topofmind.security import load_token, rotate_token

    first = load_token(tmp_path)
    assert (tmp_path / "token").stat().st_mode & 0o777 == 0o600
    assert load_token(tmp_path) == first
    assert rotate_token(tmp_path) != first


def test_dashboard_login_sets_a_strict_httponly_cookie(app):
    raw = app.test_client()
    host = {"Host": "127.0.0.1:8765"}
    response = sign_in(raw, app, "http://127.0.0.1:8765")
    assert response.status_code == 303
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    # the session now reads the API, and writes need the CSRF token
    assert raw.get("/api/contacts", headers=host).status_code == 200
    refused = raw.post("/api/contacts", json={"name": "X"}, headers=host)
    assert refused.status_code == 403


def test_dashboard_without_session_redirects_to_login(app):
    response = app.test_client().get("/contacts", headers={"Host": "127.0.0.1:8765"})
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_wrong_sign_in_key_is_refused(app):
    raw = app.test_client()
    response = raw.post("/login", data={"key": "wrong"}, headers={"Host": "127.0.0.1:8765"})
    assert response.status_code == 401
    assert raw.get("/api/contacts", headers={"Host": "127.0.0.1:8765"}).status_code == 401
