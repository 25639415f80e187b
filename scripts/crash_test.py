"""Crash test: kill -9 the server in the middle of a capture load, restart, check nothing is lost.

Every capture that got a 2xx before the kill must be there after the restart; SQLite's
``PRAGMA integrity_check`` must say ``ok``; resending the captures that got no answer (same ids,
as the extension's queue does) must store each exactly once.

    PYTHONPATH=server python3 scripts/crash_test.py --clients 20 --seconds 10 --rounds 3
    PYTHONPATH=server python3 scripts/crash_test.py --database postgresql
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_test import (  # noqa: E402 - the sibling script, importable from anywhere
    Server,
    capture_payload,
    listed_capture_ids,
    postgres_schema,
    start_load,
)


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10, help="load before each kill")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database", default="sqlite", help="sqlite or postgresql")
    args = parser.parse_args(argv)
    failures = 0
    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tom-crash-")))
        url = stack.enter_context(postgres_schema("crash")) if args.database != "sqlite" else None
        known: set[str] = set()
        for number in range(1, args.rounds + 1):
            result = crash_round(data_dir, url, args.clients, args.seconds, known)
            known = result.stored
            print(
                f"round {number}: acknowledged {len(result.acked)}, lost {len(result.lost)}, "
                f"integrity {result.integrity}, resent {result.resent} "
                f"{dict(result.resend_statuses)}, again {dict(result.second_resend_statuses)}, "
                f"duplicates {result.duplicates}, missing {len(result.missing_after_resend)}, "
                f"unexpected {len(result.unexpected)}, errors before the kill {len(result.errors)} "
                f"-> {'ok' if result.ok else 'FAILED'}"
            )
            for error in result.errors[:5]:
                print("  error:", error)
            failures += not result.ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
