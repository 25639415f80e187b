"""Load test: concurrent clients post real captures and read lists through the real server.

Starts ``topofmind serve`` (waitress) as a subprocess on a free port with a fresh data folder,
runs N clients for S seconds, then checks that every capture that got a 2xx is listed, and prints
p50/p95 latency per endpoint.

    PYTHONPATH=server python3 scripts/load_test.py --clients 20 --seconds 60 --database sqlite
    PYTHONPATH=server python3 scripts/load_test.py --clients 20 --seconds 60 --database postgresql

``--database postgresql`` creates a schema of its own on the local server
(``postgresql://postgres@127.0.0.1:5432/test``) and drops it afterwards.
The machinery lives in ``tests/support/load.py`` (the reliability tests use it too).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.load import (  # noqa: E402
    Server,
    listed_capture_ids,
    postgres_schema,
    run_load,
    server_errors,
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database", default="sqlite", help="sqlite, postgresql, or a URL")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tom-load-")))
        url = None
        if args.database == "postgresql":
            url = stack.enter_context(postgres_schema())
        elif args.database != "sqlite":
            url = args.database
        server = stack.enter_context(Server(data_dir, url))
        token = server.token()
        print(f"{args.clients} clients for {args.seconds:.0f} s against {args.database} …")
        report = run_load(server.base, token, args.clients, args.seconds)
        listed = listed_capture_ids(server.base, token)
        lost = report.acked - set(listed)
        duplicates = len(listed) - len(set(listed))
        print(report.table())
        print(
            f"captures acknowledged {len(report.acked)}, listed {len(listed)}, lost {len(lost)}, "
            f"duplicates {duplicates}, errors {len(report.errors)}"
        )
        for error in report.errors[:20]:
            print("  error:", error)
        if report.errors:
            print("server log (last errors):")
            print(server_errors(server))
        return 0 if not (report.errors or lost or duplicates) else 1


if __name__ == "__main__":
    sys.exit(main())
