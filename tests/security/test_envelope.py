"""Envelope checks not covered in tests/api/test_security.py (measured in a real browser in
test_browser.py; these pin the same rules at the WSGI level)."""

from __future__ import annotations

import pytest

HOST = {"Host": "127.0.0.1:8765"}


@pytest.fixture
def signed_in(app):
    raw = app.test_client()
    assert raw.get(f"/?token={app.config['TOKEN']}", headers=HOST).status_code == 302
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
