"""``/api/captures``: what the extension saw, stored once and parsed."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import TooLarge
from ..http.clock import now
from ..http.db import db_session
from ..schemas.captures import CaptureIn, CaptureList, CaptureOut, CaptureQuery, CaptureSummary
from ..services import captures as service

blp = Blueprint("captures", __name__, url_prefix="/api/captures", description="Page captures")


@blp.before_request
def limit_capture_size():
    limit = current_app.config["MAX_CAPTURE_BYTES"]
    # JSON escaping can grow HTML by a few percent; the html field itself is checked exactly.
    if request.method == "POST" and (request.content_length or 0) > limit * 1.25 + 65536:
        raise TooLarge(
            f"A capture may be at most {limit} bytes of HTML.",
            {"html": [f"At most {limit} bytes."]},
        )


@blp.route("")
class Captures(MethodView):
    @blp.arguments(CaptureQuery, location="query")
    @blp.response(200, CaptureList)
    def get(self, args):
        return service.list_captures(db_session(), **args).to_dict()

    @blp.arguments(CaptureIn)
    @blp.response(201, CaptureOut)
    @blp.alt_response(200, schema=CaptureOut, description="This capture id was already stored")
    def post(self, data):
        """Store a capture and return what was extracted; the same id again returns 200."""
        session = db_session()
        data["id"] = str(data["id"])
        limit = current_app.config["MAX_CAPTURE_BYTES"]
        capture, created = service.store_capture(session, data, now(), limit)
        return service.capture_view(session, capture, now()), 201 if created else 200


@blp.route("/<capture_id>")
class CaptureResource(MethodView):
    @blp.response(200, CaptureSummary)
    def get(self, capture_id):
        return service.get_capture(db_session(), capture_id)
