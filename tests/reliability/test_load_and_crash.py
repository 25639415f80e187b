"""The real server (waitress, ``topofmind serve``) under concurrent load, and killed mid-load.

Short forms of ``scripts/load_test.py`` and ``scripts/crash_test.py`` (see docs/reliability.md
for the long runs and their numbers).
"""

from __future__ import annotations

import pytest
import requests

from tests.support.crash import crash_round
from tests.support.load import Server, capture_payload, listed_capture_ids, run_load


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database(request, empty_database):
    """``None`` (the default SQLite file in the data folder) or a fresh PostgreSQL schema."""
    return None if request.param == "sqlite" else empty_database("postgresql")


def test_concurrent_clients_lose_nothing(tmp_path, server_database):
    with Server(tmp_path / "data", server_database) as server:
        token = server.token()
        report = run_load(server.base, token, clients=5, seconds=5)
        listed = listed_capture_ids(server.base, token)
        # What the extension does with a capture that got no 2xx: send it again, same id.
        for capture_id, (url, html) in report.unacked.items():
            response = requests.post(
                f"{server.base}/api/captures",
                json=capture_payload(capture_id, url, html),
                headers={"Authorization": f"Bearer {token}"},
                timeout=120,
            )
            assert response.status_code in (200, 201), response.text
        after_retry = listed_capture_ids(server.base, token)
    print(report.table())
    assert report.acked, "no capture got through"
    assert set(report.latencies) == {"POST /api/captures", "GET /api/contacts", "GET /api/captures"}
    assert report.acked <= set(listed)
    assert len(listed) == len(set(listed))
    assert set(after_retry) == report.acked | set(report.unacked)
    assert len(after_retry) == len(set(after_retry))
    assert report.errors == []


def test_kill_9_mid_load_loses_no_acknowledged_capture(tmp_path):
    result = crash_round(tmp_path / "data", None, clients=5, seconds=4)
    assert result.acked, "no capture got through before the kill"
    assert result.lost == set()
    assert result.integrity == "ok"
    assert set(result.resend_statuses) <= {200, 201}
    assert set(result.second_resend_statuses) <= {200}
    assert result.duplicates == 0
    assert result.unexpected == set() and result.missing_after_resend == set()
    assert result.errors == []
    assert result.errors == []


def test_kill_9_mid_load_on_postgresql(tmp_path, empty_database):
    result = crash_round(tmp_path / "data", empty_database("postgresql"), clients=5, seconds=4)
    assert result.acked
    assert result.lost == set()
    assert set(result.resend_statuses) <= {200, 201}
    assert set(result.second_resend_statuses) <= {200}
    assert result.duplicates == 0
    assert result.unexpected == set() and result.missing_after_resend == set()
    assert result.errors == []
