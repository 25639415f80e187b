"""Signing a test client in to the dashboard the way a user does: a one-time key from the
service ``topofmind open`` uses, spent by the sign-in page's POST."""

from __future__ import annotations

from datetime import UTC, datetime


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


def sign_in_link(database_url: str, base_url: str) -> str:
    """A fresh one-time sign-in link to the server at ``base_url`` on ``database_url``, as
    ``topofmind open`` prints it, its key issued by the same service call, here in the test
    process: the command builds a whole app for it, seconds a test on this machine. A test
    about the command itself runs the command."""
    from topofmind.config import normalise_database_url
    from topofmind.services.auth import issue_sign_in_key
    from topofmind.store.database import make_engine, make_session_factory

    engine = make_engine(normalise_database_url(database_url))
    try:
        with make_session_factory(engine).begin() as session:
            key = issue_sign_in_key(session, datetime.now(UTC))
    finally:
        engine.dispose()
    return f"{base_url}/login?key={key}"
