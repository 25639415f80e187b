"""Real pieces for the extension's end-to-end tests and the popup benchmark (the fixtures built
on them are in tests/e2e/conftest.py).

- ``TopOfMindServer``: the real server as a subprocess (``python -m topofmind.cli serve``) on a
  free port with its own data directory; its token comes from ``topofmind token``.
- ``ExtensionBrowser``: Debian Chromium (/usr/bin/chromium, never a downloaded browser) with the
  unpacked extension in a fresh persistent profile, reaching the local LinkedIn site.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

try:
    from .linkedin_site import REPO_ROOT
except ImportError:  # imported as a top-level module by scripts/bench_popup.py
    from linkedin_site import REPO_ROOT

EXTENSION_DIR = REPO_ROOT / "extension"
SERVER_SRC = REPO_ROOT / "server"
CHROMIUM = Path("/usr/bin/chromium")
EXTENSION_ID = "gcjjkcbndgikekoophcbppaoiemcaabp"  # pinned by the manifest's "key"
POPUP_SIZE = {"width": 400, "height": 600}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TopOfMindServer:
    """The real Top of Mind server in a subprocess. ``start()``/``stop()`` may be called again
    (same port, same data directory) to take it down and bring it back."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._token: str | None = None
        self.log_path = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["TOPOFMIND_DATA_DIR"] = str(self.data_dir)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(SERVER_SRC), env.get("PYTHONPATH", "")) if p
        )
        env.pop("DATABASE_URL", None)
        return env

    def _cli(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "topofmind.cli", *args]

    def start(self, timeout: float = 30.0) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self._cli("serve", "--port", str(self.port), "--no-scheduler"),
            env=self._env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO_ROOT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError(f"server did not answer /api/health in {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def token(self) -> str:
        if self._token is None:
            result = subprocess.run(
                self._cli("token"),
                env=self._env(),
                capture_output=True,
                text=True,
                check=True,
                cwd=REPO_ROOT,
            )
            self._token = result.stdout.strip().splitlines()[-1].strip()
        return self._token

    @property
    def login_url(self) -> str:
        """A fresh one-time dashboard sign-in link, as ``topofmind open`` prints it."""
        result = subprocess.run(
            self._cli("open", "--no-browser", "--port", str(self.port)),
            env=self._env(),
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO_ROOT,
        )
        return result.stdout.strip().splitlines()[-1].strip()

    def api(self, method: str, path: str, body: object | None = None) -> tuple[int, object]:
        """Calls the API with the token; returns (status, decoded JSON or None)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, json.loads(raw) if raw else None


class ExtensionBrowser:
    """Chromium with the unpacked extension loaded, in a fresh profile."""

    def __init__(
        self,
        playwright,
        user_data_dir: Path,
        resolver_rule: str,
        extension_dir: Path = EXTENSION_DIR,
    ) -> None:
        if not CHROMIUM.exists():
            pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
        ext = str(extension_dir)
        self.context = playwright.chromium.launch_persistent_context(
            str(user_data_dir),
            executable_path=str(CHROMIUM),
            headless=True,
            ignore_https_errors=True,
            args=[
                f"--disable-extensions-except={ext}",
                f"--load-extension={ext}",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                f"--host-resolver-rules={resolver_rule}",
            ],
        )
        self.worker = (
            self.context.service_workers[0]
            if self.context.service_workers
            else self.context.wait_for_event("serviceworker")
        )
        self.extension_id = self.worker.url.split("/")[2]

    def close(self) -> None:
        self.context.close()

    def evaluate(self, expression: str, arg: object = None):
        """Runs ``expression`` (a JS function source) in the service worker."""
        return self.worker.evaluate(expression, arg)

    def _tab_ids(self) -> set[int]:
        return set(self.evaluate("async () => (await chrome.tabs.query({})).map((t) => t.id)"))

    def open_tab(self, url: str):
        """Opens ``url`` in a new tab; returns (page, chrome tab id)."""
        before = self._tab_ids()
        page = self.context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        (tab_id,) = self._tab_ids() - before
        return page, tab_id

    def extension_url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    def open_popup(self, tab_id: int):
        """The popup for ``tab_id``, opened as a 400x600 tab (``popup.html?tab=<id>``)."""
        page = self.context.new_page()
        page.set_viewport_size(POPUP_SIZE)
        page.goto(self.extension_url(f"popup/popup.html?tab={tab_id}"))
        return page

    def save_settings(self, server: str, token: str) -> str:
        """Fills in the options page like a user and returns the result it reports."""
        page = self.context.new_page()
        page.goto(self.extension_url("options/options.html"))
        page.get_by_label("Server URL").fill(server)
        page.locator("#token").fill(token)
        page.get_by_role("button", name="Save").click()
        result = page.locator("#result")
        result.locator("xpath=self::*[not(@data-state='testing')]").wait_for()
        text = result.inner_text()
        page.close()
        return text

    def queue_count(self) -> int:
        return self.evaluate(
            "async () => ((await chrome.storage.local.get('queue_index')).queue_index || []).length"
        )
