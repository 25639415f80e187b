"""``/api/captures``: what the extension saw, stored once and parsed."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..errors import TooLarge
from ..services import captures as service
from ..services import job_postings
from ..services import suggestions as suggestion_service
from ..services.views import person_view
from ..store.models import Person, Post
from . import now, refresh
from .db import db_session
from .schemas.captures import (
    CaptureIn,
    CaptureList,
    CaptureOut,
    CaptureQuery,
    CaptureSummary,
    JobPostingOut,
    SavedJobIn,
    UndoneOut,
)

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


def capture_result(capture) -> dict:
    session = db_session()
    person = None
    suggestions = []
    if capture.person_id:
        person_model = session.get(Person, capture.person_id)
        if person_model is not None:
            person = person_view(session, person_model, now())
            page = suggestion_service.list_suggestions(
                session, person_id=capture.person_id, per_page=20
            )
            suggestions = suggestion_service.suggestion_views(session, page.items, now())
    return {
        "capture_id": capture.id,
        "kind": capture.kind,
        "status": capture.status,
        "extracted": capture.extracted,
        "person_id": capture.person_id,
        "person": person,
        "posts": service.capture_posts_view(session, capture),
        "suggestions": suggestions,
        "warnings": list(capture.warnings or []),
        **job_postings.capture_view(session, capture, now()),
    }


def _record(session, data):
    """Record the capture; a concurrent first capture of the same person (two tabs, a resend
    racing the original) makes the loser's insert fail on a unique key — it then runs again
    and finds what the winner stored."""
    limit = current_app.config["MAX_CAPTURE_BYTES"]
    for attempt in range(3):
        savepoint = session.begin_nested()
        try:
            result = service.record_capture(session, data, now(), limit)
            savepoint.commit()
            return result
        except IntegrityError:
            savepoint.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


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
        capture, created = _record(session, data)
        if created:
            touched = {capture.person_id} if capture.person_id else set()
            touched |= set(
                session.scalars(
                    select(Post.person_id).where(
                        Post.person_id.is_not(None),
                        Post.urn.in_(
                            [p["urn"] for p in (capture.extracted or {}).get("posts") or []]
                        ),
                    )
                )
            )
            touched |= job_postings.people_saved_by(session, capture)
            if touched:
                suggestion_service.recompute(session, now(), touched)
        return capture_result(capture), 201 if created else 200


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
        refresh(session, {link.person_id for link in opportunity.people})
        return job_postings.posting_view(session, opportunity, now()), 201 if created else 200


@blp.route("/<capture_id>/saved-jobs/<job_id>")
class SavedJob(MethodView):
    @blp.response(200, UndoneOut)
    def delete(self, capture_id, job_id):
        """Undo what this capture saved for one posting: the opportunity and the people saved
        for it alone. 409 once the role has changed since."""
        session = db_session()
        undone, kept = job_postings.undo_save(session, capture_id, job_id)
        refresh(session, kept)
        return undone
