"""The API's security envelope: token, Host and Origin checks, dashboard session and CSRF.

Any page in the user's browser can send requests to 127.0.0.1 (docs/security.md):
CORS hides responses but not writes, and DNS rebinding makes a hostile name same-origin. So every
request must name our host, a present Origin must be ours or the paired extension's, and every data
call carries the user's token (the extension) or the dashboard session plus a CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

TOKEN_FILE = "token"
SECRET_KEY_FILE = "secret_key"


def prepare_data_dir(data_dir: Path) -> None:
    """Create the data folder if needed; it holds private notes on real people, so only the user
    may read it (0700)."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(data_dir, 0o700)


def _write_private(path: Path, value: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    os.replace(tmp, path)
    os.chmod(path, 0o600)


def _read_or_create(path: Path, factory) -> str:
    if path.exists():
        value = path.read_text().strip()
        if value:
            return value
    value = factory()
    _write_private(path, value)
    return value


def load_token(data_dir: Path) -> str:
    """The API token, created on first run in a file only the user can read."""
    return _read_or_create(Path(data_dir) / TOKEN_FILE, lambda: secrets.token_urlsafe(32))


def rotate_token(data_dir: Path) -> str:
    """Replace the token; every paired extension must be paired again."""
    token = secrets.token_urlsafe(32)
    _write_private(Path(data_dir) / TOKEN_FILE, token)
    return token


class TokenKeeper:
    """The API token a running server accepts, re-read when the token file changes.

    ``topofmind token --rotate`` writes a new file; the next request sees it (one ``stat`` per
    request), so the old token stops working at once and ``on_change`` runs once (it ends
    every dashboard session). A token given in the configuration is fixed.
    """

    def __init__(self, data_dir: Path, fixed: str | None = None, on_change: Callable | None = None):
        self.path = Path(data_dir) / TOKEN_FILE
        self.on_change = on_change
        self._fixed = fixed
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._value = fixed or load_token(data_dir)
        self._stamp = self._file_stamp()

    def _file_stamp(self) -> tuple | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    @property
    def value(self) -> str:
        if self._fixed:
            return self._fixed
        stamp = self._file_stamp()
        if stamp == self._stamp or stamp is None:
            return self._value
        with self._lock:
            if stamp != self._stamp:
                fresh = self.path.read_text().strip()
                self._stamp = stamp
                if fresh and fresh != self._value:
                    self._value = fresh
                    if self.on_change is not None:
                        self.on_change()
        return self._value


def safe_next_path(target: str | None, default: str = "/") -> str:
    """``target`` when it is a path on this site, else ``default``.

    Browsers drop tabs and newlines from URLs and read a backslash as a slash, so
    ``/\t/evil.example/`` would become ``//evil.example/``: any control character, space or
    backslash refuses the target outright.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if any(ch <= " " or ch in "\\\x7f" for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def load_secret_key(data_dir: Path) -> str:
    return _read_or_create(Path(data_dir) / SECRET_KEY_FILE, lambda: secrets.token_hex(32))


def tokens_equal(given: str | None, expected: str) -> bool:
    if not given:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def calendar_token(api_token: str) -> str:
    """A separate secret for the calendar feed URL, so sharing it never leaks the API token."""
    return hmac.new(api_token.encode(), b"calendar-feed", hashlib.sha256).hexdigest()[:32]


def allowed_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}


def own_origins(port: int) -> set[str]:
    return {f"http://{host}" for host in allowed_hosts(port)}


def extension_origins(extension_ids) -> set[str]:
    return {f"chrome-extension://{ext_id}" for ext_id in extension_ids}
