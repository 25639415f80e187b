"""Where the server's log goes, and what it never holds.

``topofmind serve`` logs to stderr and to ``<data folder>/logs/topofmind.log`` (rotated at 1 MB,
five old files kept, readable by the user alone). Each line names the request it belongs to
(``[a1b2c3d4e5f6]``, also sent as the ``X-Request-Id`` response header and shown on the error
page), so "the server's log says why" can be followed from a screen to a line.

Nothing secret reaches either place: the last step before a line is written replaces the API
token, the session secret, bearer credentials, cookies, ``key=``/``token=``/``code=`` query
values and database passwords with ``[redacted]`` — in the message, its arguments and any
traceback alike (docs/security.md).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

LOG_DIR = "logs"
LOG_FILE = "topofmind.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
REDACTED = "[redacted]"
NO_REQUEST = "-"

# Secrets by shape, for values the process does not know (a wrong token, a one-time key).
_SHAPES = (
    (re.compile(r"(?i)(\bbearer\s+)[^\s\"',;]+"), rf"\1{REDACTED}"),
    (re.compile(r"(?i)((?:^|[?&;,(\s])(?:key|token|code|secret|password)=)[^&\s\"';,)]+"),
     rf"\1{REDACTED}"),
    (re.compile(r"(?i)(\b(?:cookie|set-cookie|authorization)\b[\"']?\s*[:=]\s*)[^\r\n]+"),
     rf"\1{REDACTED}"),
    (re.compile(r"(?i)(\btopofmind_session=)[^;\s\"']+"), rf"\1{REDACTED}"),
    (re.compile(r"(://[^:/@\s]+:)[^@\s/]+(@)"), rf"\1{REDACTED}\2"),
)  # fmt: skip
# Secrets shorter than this are not searched for by value (they would redact ordinary words).
_MIN_SECRET_LENGTH = 8


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every known secret value and every secret-shaped value replaced."""
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET_LENGTH:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _SHAPES:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then redacts the whole line (traceback included)."""

    def __init__(self, secrets: Callable[[], Iterable[str | None]] = tuple):
        super().__init__(FORMAT)
        self.secrets = secrets

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets())


class RequestIdFilter(logging.Filter):
    """Stamps each record with the id of the request it was logged in (``-`` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


def current_request_id() -> str:
    from flask import g, has_app_context, has_request_context

    if has_request_context() and has_app_context():
        return str(g.get("request_id", NO_REQUEST))
    return NO_REQUEST


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_FILE


def configure(
    data_dir: Path,
    secrets: Callable[[], Iterable[str | None]] = tuple,
    *,
    level: int = logging.INFO,
    stream: TextIO | None = None,
) -> Path:
    """Send the process's log (ours, Flask's, waitress's) to ``stream`` (stderr) and the rotating
    file in ``data_dir``; return the file's path. ``secrets`` gives the values to redact now (the
    token may rotate while the server runs). Calling it again replaces what it set up."""
    path = log_path(data_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    os.chmod(path, 0o600)
    stream_handler = logging.StreamHandler(stream or sys.stderr)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "topofmind", False):
            root.removeHandler(handler)
            handler.close()
    for handler in (stream_handler, file_handler):
        handler.setFormatter(RedactingFormatter(secrets))
        handler.addFilter(RequestIdFilter())
        setattr(handler, "topofmind", True)  # noqa: B010 - marks the handlers this module owns
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path
