"""Message drafts and the message check."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint(
    "drafts", __name__, url_prefix="/api", description="Message drafts and the message check"
)
