"""Long fuzzing run: schemathesis over every operation of /api/openapi.json, SQLite and PostgreSQL.

The same test as CI (tests/security/test_fuzz.py), with many more examples per operation, and
fresh random ones on every run (the suite replays a fixed set):

    PYTHONPATH=server python3 scripts/fuzz_api.py --examples 300
    PYTHONPATH=server python3 scripts/fuzz_api.py --examples 100 -k sqlite
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="examples per operation")
    parser.add_argument("-k", default=None, help="pytest -k expression (e.g. sqlite)")
    args = parser.parse_args(argv)
    env = {
        **os.environ,
        "TOPOFMIND_FUZZ_EXAMPLES": str(args.examples),
        "TOPOFMIND_HYPOTHESIS_RANDOM": "1",
        "PYTHONPATH": str(REPO / "server"),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/security/test_fuzz.py",
        "-q",
        "-p",
        "no:cacheprovider",
    ]
    if args.k:
        command += ["-k", args.k]
    return subprocess.run(command, cwd=REPO, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
