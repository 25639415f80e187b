"""Backup and export of the user's data."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint(
    "exports", __name__, url_prefix="/api", description="Backup and export of the user's data"
)
