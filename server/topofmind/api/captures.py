"""``/api/captures``: what the extension saw, stored once and parsed."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import TooLarge
from ..http.clock import now
from ..http.db import db_session
from ..schemas.captures import (
    CaptureIn,
    CaptureList,
    CaptureOut,
    CaptureQuery,
    CaptureSummary,
    JobPostingOut,
    SavedJobIn,
    UndoneOut,
)
from ..services import captures as service
from ..services import job_postings

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


@blp.route("/<capture_id>/saved-jobs")
class SavedJobs(MethodView):
    @blp.arguments(SavedJobIn)
    @blp.response(201, JobPostingOut)
    @blp.alt_response(200, schema=JobPostingOut, description="Already in the pipeline")
    def post(self, data, capture_id):
        """Save a posting this capture shows to the pipeline (stage ``interested``): a search
        result, or a job page's posting again after an undo."""
        session = db_session()
        capture = service.get_capture(session, capture_id)
        opportunity, created = job_postings.save_from_capture(
            session, capture, data["job_id"], now()
        )
        return job_postings.posting_view(session, opportunity, now()), 201 if created else 200


@blp.route("/<capture_id>/saved-jobs/<job_id>")
class SavedJob(MethodView):
    @blp.response(200, UndoneOut)
    def delete(self, capture_id, job_id):
        """Undo what this capture saved for one posting: the opportunity and the people saved
        for it alone. 409 once the role has changed since."""
        return job_postings.undo_save(db_session(), capture_id, job_id, now())
