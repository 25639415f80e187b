"""A real ``topofmind serve`` subprocess on a free port with a data folder of its own — what the
browser tests and the logging test drive over HTTP."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support.auth import sign_in_link

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DashboardServer:
    """``python -m topofmind.cli serve --no-scheduler`` with ``TOPOFMIND_DATA_DIR`` of its own."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = data_dir / "server.log"
        self._token: str | None = None

    @classmethod
    def copy_of(cls, template: Path, data_dir: Path) -> DashboardServer:
        """A server (not started) on a copy of the data folder ``template`` (e.g. one
        ``topofmind demo`` seeded once for the whole run: seeding takes seconds, a copy none)."""
        shutil.copytree(template, data_dir)
        return cls(data_dir)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        env.update(
            TOPOFMIND_DATA_DIR=str(self.data_dir),
            TOPOFMIND_PORT=str(self.port),
            PYTHONPATH=str(REPO_ROOT / "server"),
        )
        return env

    def cli(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "topofmind.cli", *args],
            env=self.env(),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return result.stdout

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "topofmind.cli",
                    "serve",
                    "--port",
                    str(self.port),
                    "--no-scheduler",
                ],
                env=self.env(),
                cwd=REPO_ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_path.read_text())
            try:
                with urllib.request.urlopen(f"{self.url}/api/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not answer:\n" + self.log_path.read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    @property
    def token(self) -> str:
        """The API token, as ``topofmind token`` prints it (asked once: no test rotates it)."""
        if self._token is None:
            self._token = self.cli("token").strip()
        return self._token

    def api(self, method: str, path: str, body=None):
        request = urllib.request.Request(
            self.url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    @property
    def login_url(self) -> str:
        """A fresh one-time sign-in link, as ``topofmind open`` prints it."""
        return self.cli("open", "--no-browser", "--port", str(self.port)).strip()

    def sign_in_url(self) -> str:
        """A fresh one-time sign-in link like ``login_url``'s, without the command's seconds."""
        return sign_in_link(f"sqlite:///{self.data_dir / 'topofmind.db'}", self.url)
