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
from pathlib import Path

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


def load_secret_key(data_dir: Path) -> str:
    return _read_or_create(Path(data_dir) / SECRET_KEY_FILE, lambda: secrets.token_hex(32))


def tokens_equal(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


def calendar_token(api_token: str) -> str:
    """A separate secret for the calendar feed URL, so sharing it never leaks the API token."""
    return hmac.new(api_token.encode(), b"calendar-feed", hashlib.sha256).hexdigest()[:32]


def allowed_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}


def own_origins(port: int) -> set[str]:
    return {f"http://{host}" for host in allowed_hosts(port)}


def extension_origins(extension_ids) -> set[str]:
    return {f"chrome-extension://{ext_id}" for ext_id in extension_ids}
