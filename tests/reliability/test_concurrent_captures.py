"""Two first captures of the same profile at once (two tabs, or a resend racing the original)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from tests.support.sample_data import capture_payload
from topofmind.services.captures import record_capture


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_same_profile_captured_twice_at_once_is_not_a_500(app, client):
    file = "profile_loggedin_03.html"
    state = app.extensions["topofmind"]
    first = state.session_factory()
    first.begin()
    payload = capture_payload(file)
    payload["captured_at"] = state.clock()
    record_capture(first, payload, state.clock(), 10**8)  # flushed, not committed
    first_pid = first.execute(text("SELECT pg_backend_pid()")).scalar_one()

    result = {}
    second = threading.Thread(
        target=lambda: result.update(
            response=client.post("/api/captures", json=capture_payload(file))
        )
    )
    second.start()
    # Wait until the second request is blocked behind the first transaction's row.
    # (pg_stat_activity is a snapshot per transaction, hence autocommit.)
    with state.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
        deadline = time.monotonic() + 30
        while (
            time.monotonic() < deadline
            and not watcher.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"
                ),
                {"pid": first_pid},
            ).scalar_one()
        ):
            if not second.is_alive():
                break
            time.sleep(0.02)
    first.commit()
    first.close()
    second.join(timeout=60)

    assert result["response"].status_code in (200, 201), result["response"].json
    assert client.get("/api/contacts").json["total"] == 1
    assert client.get("/api/captures").json["total"] == 2
