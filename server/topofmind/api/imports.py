"""LinkedIn data export import."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint("imports", __name__, url_prefix="/api", description="LinkedIn data export import")
