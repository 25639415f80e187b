"""Signing a test client in to the dashboard the way a user does: a one-time key from the
service ``topofmind open`` uses, spent by the sign-in page's POST."""

from __future__ import annotations


def sign_in_key(app) -> str:
    from topofmind.services.auth import issue_sign_in_key

    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        return issue_sign_in_key(session, state.clock())


def sign_in(raw_client, app, base_url: str, next_path: str = "/"):
    """POST a fresh key to /login with ``raw_client``; returns the response (303 when it worked)."""
    return raw_client.post(
        "/login", data={"key": sign_in_key(app), "next": next_path}, base_url=base_url
    )
