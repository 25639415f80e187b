"""Screenshots of what a test shows: into docs/screenshots/ when TOPOFMIND_SCREENSHOTS=1 (to
refresh the docs), else into a temporary folder so test runs leave the tree clean."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save_screenshot(page, filename: str) -> Path:
    folder = (
        DOCS
        if os.environ.get("TOPOFMIND_SCREENSHOTS") == "1"
        else Path(tempfile.gettempdir()) / "topofmind-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    page.screenshot(path=str(path))
    return path


def dashboard_screenshot(page, name: str, *, full_page: bool = False) -> Path:
    """Saves ``dashboard-<name>.png`` (the dashboard's browser tests)."""
    folder = (
        DOCS
        if os.environ.get("TOPOFMIND_SCREENSHOTS") == "1"
        else Path(tempfile.gettempdir()) / "topofmind-dashboard-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"dashboard-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
