"""Configuration: defaults here, overridden by the environment, overridden by the dict tests pass.

Environment variables (docs/api.md): ``TOPOFMIND_DATA_DIR``, ``DATABASE_URL``, ``TOPOFMIND_HOST``,
``TOPOFMIND_PORT``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
# The published extension is pinned by the "key" in extension/manifest.json, so its id is the same
# on every machine; other ids can be paired from the options page.
DEFAULT_EXTENSION_ID = "gcjjkcbndgikekoophcbppaoiemcaabp"
MAX_CAPTURE_BYTES = 8 * 1024 * 1024
MAX_UPLOAD_BYTES = 64 * 1024 * 1024


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("topofmind", appauthor=False))


def normalise_database_url(url: str) -> str:
    """Accept URLs as users write them: ``postgresql://`` means psycopg 3 here."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the effective configuration: defaults < environment < ``overrides``."""
    overrides = dict(overrides or {})
    data_dir = Path(
        overrides.get("DATA_DIR") or os.environ.get("TOPOFMIND_DATA_DIR") or default_data_dir()
    )
    config: dict[str, Any] = {
        "DATA_DIR": data_dir,
        "HOST": os.environ.get("TOPOFMIND_HOST", DEFAULT_HOST),
        "PORT": int(os.environ.get("TOPOFMIND_PORT", DEFAULT_PORT)),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'topofmind.db'}",
        # The unpacked extension's pinned id, plus any other ids (a Web Store install gets its
        # own) listed in TOPOFMIND_EXTENSION_IDS, comma-separated.
        "EXTENSION_IDS": [DEFAULT_EXTENSION_ID]
        + [
            x.strip() for x in os.environ.get("TOPOFMIND_EXTENSION_IDS", "").split(",") if x.strip()
        ],
        "MAX_CAPTURE_BYTES": MAX_CAPTURE_BYTES,
        "MAX_CONTENT_LENGTH": MAX_UPLOAD_BYTES,
        "TOKEN": None,  # read from (or created in) DATA_DIR/token unless given
        "AUTO_UPGRADE": True,
        "TESTING": False,
    }
    config.update(overrides)
    config["DATA_DIR"] = Path(config["DATA_DIR"])
    config["DATABASE_URL"] = normalise_database_url(str(config["DATABASE_URL"]))
    config["PORT"] = int(config["PORT"])
    return config
