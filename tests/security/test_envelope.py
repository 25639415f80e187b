"""Envelope checks not covered in tests/api/test_security.py (measured in a real browser in
test_browser.py; these pin the same rules at the WSGI level)."""

from __future__ import annotations

import pytest

from tests.support.auth import sign_in

HOST = {"Host": "127.0.0.1:8765"}


@pytest.fixture
def signed_in(app):
    raw = app.test_client()
    assert sign_in(raw, app, "http://127.0.0.1:8765").status_code == 303
    return raw


@pytest.mark.parametrize(
    "site,status", [("same-origin", 200), ("none", 200), ("same-site", 403), ("cross-site", 403)]
)
def test_the_dashboard_session_only_works_from_our_own_pages(signed_in, site, status):
    """Another port of 127.0.0.1 is same-site: SameSite=Strict sends the cookie along."""
    response = signed_in.get("/api/contacts", headers={**HOST, "Sec-Fetch-Site": site})
    assert response.status_code == status


def test_the_token_works_whatever_the_fetch_metadata(client):
    """The extension authenticates with its token; its fetches are not same-origin."""
    response = client.get("/api/contacts", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/api/export.json", "/api/export/contacts.csv"])
def test_exports_are_not_cached_and_are_downloads(client, path):
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_openapi_document_is_public_but_host_checked(anonymous):
    assert anonymous.get("/api/openapi.json").status_code == 200
    refused = anonymous.get("/api/openapi.json", headers={"Host": "evil.example:8765"})
    assert refused.status_code == 403


def test_the_data_folder_is_private(tmp_path, clock):
    from tests.support.app import build_app

    data_dir = tmp_path / "data"
    build_app(f"sqlite:///{data_dir / 'topofmind.db'}", data_dir, clock, AUTO_UPGRADE=True)
    assert data_dir.stat().st_mode & 0o077 == 0, oct(data_dir.stat().st_mode)


HOSTILE_NAME = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_names_from_linkedin_are_escaped_on_every_dashboard_page(client, signed_in):
    """Names and headlines come from pages strangers write; they must never become markup."""
    person = client.post(
        "/api/contacts",
        json={"name": HOSTILE_NAME, "headline": HOSTILE_NAME, "notes": HOSTILE_NAME},
    ).json
    client.post(f"/api/contacts/{person['id']}/interactions", json={"kind": "call"})
    for path in ("/", "/contacts", f"/contacts/{person['id']}", "/pipeline"):
        response = signed_in.get(path, headers=HOST)
        assert response.status_code == 200, path
        page = response.data.decode()
        assert "<script>alert(1)" not in page, path
        assert 'onerror="alert(2)"' not in page, path
    detail = signed_in.get(f"/contacts/{person['id']}", headers=HOST).data.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail
    assert (
        "script-src 'self'" in signed_in.get("/", headers=HOST).headers["Content-Security-Policy"]
    )
