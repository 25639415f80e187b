"""Connections, mutual connections, introductions, duplicates."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint(
    "network",
    __name__,
    url_prefix="/api",
    description="Connections, mutual connections, introductions, duplicates",
)
