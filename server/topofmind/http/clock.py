"""The app's clock for the current request (injectable: tests pass ``CLOCK`` to ``create_app``)."""

from __future__ import annotations

from datetime import datetime

from flask import current_app


def now() -> datetime:
    """The current time from the app's clock, timezone-aware."""
    return current_app.extensions["topofmind"].clock()
