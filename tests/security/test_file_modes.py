"""Issue 15, finding 6: whichever CLI command runs first, the data folder is 0700 and the
database, exports and backups 0600, even under a permissive umask (docs/security.md)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from tests.support.app import REPO
from tests.support.load import server_env

FIRST_COMMANDS = [
    ["db", "upgrade"],
    ["token"],
    ["recompute"],
    ["demo"],
    ["backup"],
    ["export", "--format", "csv", "-o", "{out}"],
    ["export", "-o", "{out}"],
    ["open", "--no-browser"],
]


def run_cli(data_dir, args):
    def permissive():
        os.umask(0o022)

    return subprocess.run(
        [sys.executable, "-m", "topofmind.cli", *args],
        env=server_env(data_dir, None),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=permissive,
        check=True,
    )


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("command", FIRST_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_the_first_command_creates_everything_private(tmp_path, command):
    data_dir = tmp_path / "nested" / "data"
    out = tmp_path / "out" / "export.file"
    out.parent.mkdir()
    run_cli(data_dir, [part.format(out=out) for part in command])

    assert mode(data_dir) == 0o700
    for path in data_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, (path, oct(mode(path)))
    if "-o" in command:
        assert mode(out) == 0o600
