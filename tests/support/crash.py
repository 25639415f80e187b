"""Kill a loaded ``topofmind serve`` with SIGKILL and check what survives (``crash_round``):
the database passes its integrity check, no acknowledged capture is lost, resending is safe.

Used by ``tests/reliability`` and ``scripts/crash_test.py``.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.support.load import Server, capture_payload, listed_capture_ids, start_load


@dataclass
class CrashResult:
    acked: set[str]
    resent: int
    lost: set[str]  # acknowledged before the kill, missing after the restart
    integrity: str  # PRAGMA integrity_check, or "n/a" on PostgreSQL
    resend_statuses: Counter
    second_resend_statuses: Counter
    duplicates: int
    unexpected: set[str]  # listed but never sent
    missing_after_resend: set[str]
    stored: set[str]  # every capture id listed at the end
    errors: list[str]  # what clients saw before the kill (connection errors after it not counted)

    @property
    def ok(self) -> bool:
        return (
            not self.lost
            and self.integrity in ("ok", "n/a")
            and set(self.resend_statuses) <= {200, 201}
            and set(self.second_resend_statuses) <= {200}
            and not self.duplicates
            and not self.unexpected
            and not self.missing_after_resend
        )


def integrity_check(data_dir: Path) -> str:
    with contextlib.closing(sqlite3.connect(data_dir / "topofmind.db")) as connection:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


def resend_unacked(base: str, headers: dict, unacked: dict) -> Counter:
    """What the extension's queue does after a restart: send every unacknowledged capture again;
    the status codes counted."""
    statuses = Counter()
    for capture_id, (url, html) in unacked.items():
        response = requests.post(
            f"{base}/api/captures",
            json=capture_payload(capture_id, url, html),
            headers=headers,
            timeout=120,
        )
        statuses[response.status_code] += 1
    return statuses


def crash_round(
    data_dir: Path,
    database_url: str | None,
    clients: int,
    seconds: float,
    known: set[str] | None = None,
) -> CrashResult:
    """One round: load for ``seconds``, SIGKILL, restart, verify, resend. ``known`` holds the
    capture ids stored by earlier rounds in the same data folder."""
    known = set(known or ())
    server = Server(data_dir, database_url).start()
    try:
        token = server.token()
        stop, threads, report = start_load(server.base, token, clients)
        time.sleep(seconds)
        stop.set()
        server.kill()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        server.kill()
    integrity = integrity_check(data_dir) if database_url is None else "n/a"

    server = Server(data_dir, database_url, port=server.port).start()
    try:
        headers = {"Authorization": f"Bearer {token}"}
        before = set(listed_capture_ids(server.base, token))
        lost = report.acked - before

        resend = resend_unacked(server.base, headers, report.unacked)
        # A second resend must change nothing: the capture id is the idempotency key.
        again = resend_unacked(server.base, headers, report.unacked)
        listed = listed_capture_ids(server.base, token)
    finally:
        server.stop()
    sent = report.acked | set(report.unacked) | known
    return CrashResult(
        acked=report.acked,
        resent=len(report.unacked),
        lost=lost,
        integrity=integrity,
        resend_statuses=resend,
        second_resend_statuses=again,
        duplicates=len(listed) - len(set(listed)),
        unexpected=set(listed) - sent,
        missing_after_resend=sent - set(listed),
        stored=set(listed),
        errors=report.errors,
    )
