"""The server's log (``topofmind.logs``): stderr and a rotating file in the data folder, a request
id on every line, and never a secret — not the token, not a key in a URL, not a cookie."""

from __future__ import annotations

import io
import logging
import re
import stat
import urllib.error
import urllib.request

import pytest

from tests.support.app import build_app
from tests.support.auth import sign_in_key
from tests.support.server import DashboardServer
from topofmind import logs
from topofmind.app import log_secrets
from topofmind.security import calendar_token

HOST = {"Host": "127.0.0.1:8765"}


@pytest.fixture
def configured(tmp_path):
    """``logs.configure`` as ``serve`` calls it, undone afterwards."""
    root = logging.getLogger()
    level = root.level
    stream = io.StringIO()

    def configure(app):
        return logs.configure(app.config["DATA_DIR"], log_secrets(app), stream=stream)

    yield configure, stream
    for handler in list(root.handlers):
        if getattr(handler, "topofmind", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_redact_by_value_and_by_shape():
    token = "tok-0123456789abcdef"
    line = (
        f"token {token}; Authorization: Bearer wrong-one\nGET /calendar.ics?key=cal123456\n"
        "Cookie: topofmind_session=abc.def\npostgresql://me:hunter22@db/x code=ZZZ-999\n"
        "sent bearer abc-123 then topofmind_session=xyz.987"
    )
    clean = logs.redact(line, [token, None, "short"])
    for secret in (
        token,
        "wrong-one",
        "cal123456",
        "abc.def",
        "hunter22",
        "ZZZ-999",
        "abc-123",
        "xyz.987",
    ):
        assert secret not in clean
    assert "Authorization: [redacted]\n" in clean
    assert "postgresql://me:[redacted]@db/x" in clean
    assert logs.redact("a short word stays", ["short"]) == "a short word stays"


def test_requests_are_logged_with_ids_and_without_secrets(configured, sqlite_only_url, tmp_path):
    configure, stream = configured
    app = build_app(sqlite_only_url, tmp_path / "data", clock=None, SECRET_KEY="s3cret-key-42")
    token = app.config["TOKEN"]

    @app.get("/api/explode")
    def explode():
        logging.getLogger("topofmind.test").warning(
            "headers were %s", {"Authorization": f"Bearer {token}", "Cookie": "x=1"}
        )
        raise RuntimeError(f"failed with {token} and {app.config['SECRET_KEY']}")

    path = configure(app)
    assert path == tmp_path / "data" / "logs" / "topofmind.log"
    client = app.test_client()
    auth = {**HOST, "Authorization": f"Bearer {token}"}
    ok = client.get("/api/contacts", headers=auth)
    assert ok.status_code == 200
    boom = client.get("/api/explode", headers=auth)
    assert boom.status_code == 500
    refused = client.get("/api/contacts", headers={**HOST, "Authorization": "Bearer guess-1234"})
    assert refused.status_code == 401
    key = sign_in_key(app)
    signed = client.post("/login", data={"key": key, "next": "/"}, headers=HOST)
    assert signed.status_code == 303
    cookie = client.get_cookie("topofmind_session", domain="127.0.0.1")
    feed = client.get(f"/calendar.ics?key={calendar_token(token)}", headers=HOST)
    assert feed.status_code == 200
    page = client.get("/no-such-page", headers=HOST)
    assert page.status_code == 404
    with app.app_context():
        app.extensions["topofmind"].engine.dispose()

    for handler in logging.getLogger().handlers:
        handler.flush()
    written = path.read_text(encoding="utf-8")
    assert written == stream.getvalue()
    for secret in (token, app.config["SECRET_KEY"], calendar_token(token), key, "guess-1234"):
        assert secret not in written
    assert cookie is not None and cookie.value not in written
    assert "RuntimeError: failed with [redacted] and [redacted]" in written
    assert "Traceback" in written

    ids = [r.headers["X-Request-Id"] for r in (ok, boom, refused, signed, feed, page)]
    assert len(set(ids)) == len(ids)
    assert re.search(rf"\[{ids[0]}\] topofmind.requests: GET /api/contacts 200 \d+ ms", written)
    assert f"[{ids[1]}] topofmind.test: headers were " in written
    assert re.search(rf"ERROR \[{ids[1]}\] topofmind.api.errors: unhandled error", written)
    assert f"[{ids[2]}] topofmind.requests: GET /api/contacts 401" in written
    assert f"[{ids[4]}] topofmind.requests: GET /calendar.ics 200" in written
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_error_page_names_the_request_to_look_for(sqlite_only_url, tmp_path):
    app = build_app(sqlite_only_url, tmp_path / "data", clock=None)

    @app.get("/explode")
    def explode():
        raise RuntimeError("broken page")

    client = app.test_client()
    client.post("/login", data={"key": sign_in_key(app), "next": "/"}, headers=HOST)
    response = client.get("/explode", headers=HOST)
    app.extensions["topofmind"].engine.dispose()
    assert response.status_code == 500
    request_id = response.headers["X-Request-Id"]
    assert f"look for request {request_id}" in response.get_data(as_text=True)


def test_serve_logs_to_stderr_and_the_data_folder(tmp_path):
    """The real server: waitress is not quiet, each request is a line with its id, the token
    used on every call never appears."""
    server = DashboardServer(tmp_path / "data")
    server.start()
    try:
        token = server.token
        request = urllib.request.Request(
            f"{server.url}/api/contacts", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            request_id = response.headers["X-Request-Id"]
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{server.url}/api/contacts?token={token}", timeout=30)
    finally:
        server.stop()
    written = logs.log_path(server.data_dir).read_text(encoding="utf-8")
    console = server.log_path.read_text(encoding="utf-8")  # the process's stdout and stderr
    assert "waitress: Serving on http://127.0.0.1:" in written
    assert f"[{request_id}] topofmind.requests: GET /api/contacts 200" in written
    assert f"[{request_id}] topofmind.requests: GET /api/contacts 200" in console
    assert token not in written and token not in console
    assert f"Log: stderr and {logs.log_path(server.data_dir)}" in console
