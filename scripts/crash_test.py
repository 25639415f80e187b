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
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.crash import crash_round  # noqa: E402
from tests.support.load import postgres_schema  # noqa: E402


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
