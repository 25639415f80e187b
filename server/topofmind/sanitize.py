"""What every text that enters must be cleared of, and what a stored URL must be (issue 15;
docs/security.md).

Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069
isolates) in a captured name would reorder the app's own sentences around it, and a NUL breaks
PostgreSQL text and C-string tools; neither has a use in a name, a note or a headline, so both
are removed (not escaped) wherever text comes in: captures, the API, imports. Stored URLs become
links, so only http(s) ones are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

_UNSAFE = re.compile("[\u202a-\u202e\u2066-\u2069\x00]")


def clean_text(value: str) -> str:
    """``value`` without bidi embedding/override/isolate controls and NUL."""
    return _UNSAFE.sub("", value)


def clean_tree(value: Any) -> Any:
    """``clean_text`` applied to every string in a JSON-like value (keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_tree(k): clean_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_tree(v) for v in value)
    return value


def http_url_problem(value: str | None) -> str | None:
    """Why ``value`` cannot be stored as a link (None when it can, or when it is empty):
    only absolute http(s) URLs with a host, no spaces or control characters."""
    if value is None or value == "":
        return None
    if any(ch <= " " or ch == "\x7f" for ch in value):
        return "Must be an http(s) URL without spaces."
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "Must be an http:// or https:// URL."
    return None
