"""The share queue."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint("share_items", __name__, url_prefix="/api", description="The share queue")
