"""Dashboard fixtures: a signed-in browser-like client and a small, demo-like data set."""

from __future__ import annotations

import re
import zlib
from datetime import timedelta

import pytest

from tests.support.app import TEST_PORT
from tests.support.auth import sign_in

XSS_NAME = '<script>alert("name")</script>Eve'
XSS_HEADLINE = '<img src=x onerror="alert(1)"> Head of <b>Hiring</b>'
XSS_POST = '<script>alert("post")</script><svg onload=alert(2)> Great news'


class DashboardClient:
    """The Flask test client as a signed-in dashboard user: our Host, the session cookie and
    the CSRF token (``post`` adds it unless ``csrf=False``)."""

    def __init__(self, flask_client, app):
        self.raw = flask_client
        self.base_url = f"http://127.0.0.1:{TEST_PORT}"
        response = sign_in(self.raw, app, self.base_url)
        assert response.status_code == 303
        with self.raw.session_transaction(base_url=self.base_url) as session:
            self.csrf = session["csrf"]

    def get(self, path, **kwargs):
        return self.raw.get(path, base_url=self.base_url, **kwargs)

    def post(self, path, data=None, *, csrf=True, **kwargs):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.csrf)
        return self.raw.post(path, data=data, base_url=self.base_url, **kwargs)

    def text(self, path) -> str:
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response.get_data(as_text=True)


@pytest.fixture
def web(app) -> DashboardClient:
    return DashboardClient(app.test_client(), app)


@pytest.fixture
def db_session(app):
    """A session on the app's database, committed when the block ends (like a CLI command)."""
    factory = app.extensions["topofmind"].session_factory

    class Scope:
        def __enter__(self):
            self.cm = factory.begin()
            return self.cm.__enter__()

        def __exit__(self, *exc):
            return self.cm.__exit__(*exc)

    return Scope


@pytest.fixture
def seed(app, clock, db_session):
    """A small demo-like world built through the services: people (one with XSS payloads in
    every captured field), an opportunity in interviewing with a finished interview, history,
    a post, a capture, mutual connections, then a recompute. Returns ids by name."""
    from topofmind.services import interactions, opportunities, people, suggestions
    from topofmind.store.models import Capture, Connection, MutualConnection, Post

    now = clock()
    ids = {}
    with db_session() as session:
        dana = people.create_person(
            session,
            {
                "name": "Dana Hiring",
                "profile_url": "https://www.linkedin.com/in/dana-hiring/",
                "headline": "Engineering Manager at Acme",
                "company": "Acme",
                "degree": 2,
                "tags": ["hiring manager"],
                "location": "Berlin, Germany",
            },
            now - timedelta(days=40),
        )
        ravi = people.create_person(
            session,
            {
                "name": "Ravi Recruiter",
                "profile_url": "https://www.linkedin.com/in/ravi-r/",
                "headline": "Talent Partner",
                "company": "Acme",
                "degree": 1,
                "tags": ["recruiter"],
            },
            now - timedelta(days=40),
        )
        eve = people.create_person(
            session,
            {
                "name": XSS_NAME,
                "profile_url": "https://www.linkedin.com/in/eve-x/",
                "headline": XSS_HEADLINE,
                "company": "Evil & Co",
                "degree": 3,
            },
            now - timedelta(days=10),
        )
        quiet = people.create_person(
            session,
            {
                "name": "Quinn Quiet",
                "profile_url": "https://www.linkedin.com/in/quinn-q/",
                "company": "Globex",
                "degree": 1,
            },
            now - timedelta(days=120),
        )
        mutual = people.create_person(
            session,
            {
                "name": "Mia Mutual",
                "profile_url": "https://www.linkedin.com/in/mia-m/",
                "company": "Acme",
                "degree": 1,
            },
            now - timedelta(days=200),
        )
        opportunity = opportunities.create_opportunity(
            session,
            {
                "company": "Acme",
                "title": "Staff Engineer",
                "stage": "applied",
                "people": [
                    {"person_id": dana.id, "role": "hiring_manager"},
                    {"person_id": ravi.id, "role": "recruiter"},
                ],
            },
            now - timedelta(days=20),
        )
        interview = opportunities.create_interview(
            session,
            {
                "opportunity_id": opportunity.id,
                "starts_at": now - timedelta(hours=5),
                "ends_at": now - timedelta(hours=4),
                "kind": "video",
                "interviewer_ids": [dana.id],
                "topics": ["platform migration"],
                "interviewer_topics": {str(dana.id): ["team growth"]},
            },
            now - timedelta(hours=3),
        )
        for days, kind, direction in (
            (90, "message", "outbound"),
            (60, "inbound_reply", None),
            (21, "call", "outbound"),
            (3, "email", "outbound"),
        ):
            interactions.record_interaction(
                session,
                ravi.id,
                {
                    "kind": kind,
                    "direction": direction,
                    "occurred_at": now - timedelta(days=days),
                    "note": f"{kind} note",
                },
                now,
            )
        interactions.record_interaction(
            session,
            quiet.id,
            {
                "kind": "message",
                "occurred_at": now - timedelta(days=100),
                "note": "Old hello",
            },
            now,
        )
        interactions.record_interaction(
            session,
            eve.id,
            {
                "kind": "message",
                "occurred_at": now - timedelta(days=2),
                "note": XSS_POST,
            },
            now,
        )
        session.add(
            Post(
                urn="urn:li:activity:7390000000000000001",
                person_id=dana.id,
                url="https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/",
                author_name="Dana Hiring",
                text="We are hiring platform engineers in Berlin.",
                posted_at=now - timedelta(hours=6),
                first_seen_at=now - timedelta(hours=1),
                last_seen_at=now - timedelta(hours=1),
            )
        )
        session.add(
            Post(
                urn="urn:li:activity:7390000000000000002",
                person_id=eve.id,
                url="https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000002/",
                author_name=XSS_NAME,
                text=XSS_POST,
                posted_at=now - timedelta(hours=2),
                first_seen_at=now - timedelta(hours=1),
                last_seen_at=now - timedelta(hours=1),
            )
        )
        session.add(
            Capture(
                id="5b0f7d0e-0000-4000-8000-000000000001",
                url="https://www.linkedin.com/in/dana-hiring/",
                kind="profile",
                captured_at=now - timedelta(hours=1),
                received_at=now,
                html_gz=zlib.compress(b"<html>Dana Hiring</html>"),
                html_bytes=24,
                person_id=dana.id,
            )
        )
        connection = Connection(
            identity_key="https://www.linkedin.com/in/mia-m/",
            name="Mia Mutual",
            name_key="mia mutual",
            profile_url="https://www.linkedin.com/in/mia-m/",
            company="Acme",
            person_id=mutual.id,
        )
        session.add(connection)
        session.flush()
        session.add_all(
            [
                MutualConnection(
                    person_id=dana.id,
                    mutual_person_id=mutual.id,
                    connection_id=connection.id,
                    name="Mia Mutual",
                    name_key="mia mutual",
                    seen_at=now,
                ),
                MutualConnection(
                    person_id=dana.id, name="Sam Stranger", name_key="sam stranger", seen_at=now
                ),
                MutualConnection(person_id=eve.id, name=XSS_NAME, name_key="xss", seen_at=now),
            ]
        )
        session.flush()
        suggestions.recompute(session, now)
        ids.update(
            dana=dana.id,
            ravi=ravi.id,
            eve=eve.id,
            quiet=quiet.id,
            mia=mutual.id,
            opportunity=opportunity.id,
            interview=interview.id,
        )
    return ids


def open_suggestions(db_session, **filters):
    from topofmind.services import suggestions

    with db_session() as session:
        return [
            (row.id, row.kind, row.person_id, row.status)
            for row in suggestions.list_suggestions(session, per_page=200, **filters).items
        ]


def status_of(db_session, suggestion_id):
    for sid, _kind, _pid, status in open_suggestions(db_session, status=None):
        if sid == suggestion_id:
            return status
    return None


def suggestion_of(db_session, kind, person_id, status="open"):
    for sid, skind, spid, sstatus in open_suggestions(db_session, status=None):
        if skind == kind and spid == person_id and sstatus == status:
            return sid
    raise AssertionError(f"no {status} {kind} suggestion for person {person_id}")


def flash_text(html: str) -> list[str]:
    return re.findall(r'<p class="flash [a-z]+"[^>]*>(.*?)</p>', html, re.S)


def parsed_tags(html: str) -> list[tuple[str, dict]]:
    """Every start tag as ``(name, attrs)``, as a browser's tokenizer would see them."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

        handle_startendtag = handle_starttag

    Collector(convert_charrefs=True).feed(html)
    return found
