"""Suggestions: the inbox, done / snooze / dismiss, digest, per-person cadence and explain."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..schemas.people import CadenceOut
from ..schemas.suggestions import (
    DigestOut,
    DoneIn,
    ExplanationOut,
    RecomputeOut,
    SnoozeIn,
    SuggestionList,
    SuggestionOut,
    SuggestionQuery,
)
from ..services import people as people_service
from ..services import suggestions as service
from ..services.views import person_view

blp = Blueprint("suggestions", __name__, url_prefix="/api", description="What to do, and when")


@blp.route("/suggestions")
class Suggestions(MethodView):
    @blp.arguments(SuggestionQuery, location="query")
    @blp.response(200, SuggestionList)
    def get(self, args):
        session = db_session()
        if args.get("status") == "any":
            args["status"] = None
        page = service.list_suggestions(session, now=now(), **args)
        result = page.to_dict()
        result["items"] = service.suggestion_views(session, page.items, now())
        return result


def _one(suggestion) -> dict:
    return service.suggestion_views(db_session(), [suggestion], now())[0]


@blp.route("/suggestions/<int:suggestion_id>")
class SuggestionResource(MethodView):
    @blp.response(200, SuggestionOut)
    def get(self, suggestion_id):
        return _one(service.get_suggestion(db_session(), suggestion_id))


@blp.route("/suggestions/<int:suggestion_id>/done")
class SuggestionDone(MethodView):
    @blp.arguments(DoneIn, required=False)
    @blp.response(200, SuggestionOut)
    def post(self, data, suggestion_id):
        """Mark done (sent); logs the interaction it stands for, dated ``sent_at`` (default now,
        never in the future) with ``sent_text``, the message as sent."""
        data = data or {}
        return _one(
            service.mark_done(
                db_session(),
                suggestion_id,
                now(),
                data.get("note"),
                sent_text=data.get("sent_text"),
                sent_at=data.get("sent_at"),
            )
        )


@blp.route("/suggestions/<int:suggestion_id>/snooze")
class SuggestionSnooze(MethodView):
    @blp.arguments(SnoozeIn, required=False)
    @blp.response(200, SuggestionOut)
    def post(self, data, suggestion_id):
        data = data or {}
        return _one(
            service.snooze(db_session(), suggestion_id, now(), data.get("until"), data.get("hours"))
        )


@blp.route("/suggestions/<int:suggestion_id>/dismiss")
class SuggestionDismiss(MethodView):
    @blp.response(200, SuggestionOut)
    def post(self, suggestion_id):
        return _one(service.dismiss(db_session(), suggestion_id, now()))


@blp.route("/suggestions/recompute")
class Recompute(MethodView):
    @blp.response(200, RecomputeOut)
    def post(self):
        """Recompute everyone's suggestions now (the scheduler does this every 15 minutes)."""
        return service.recompute(db_session(), now())


@blp.route("/digest")
class Digest(MethodView):
    @blp.response(200, DigestOut)
    def get(self):
        """Today's top suggestions within the daily budget (the extension's badge reads it)."""
        return service.digest(db_session(), now())


@blp.route("/contacts/<int:person_id>/cadence")
class PersonCadence(MethodView):
    @blp.response(200, CadenceOut)
    def get(self, person_id):
        """The cadence figures as of the last recompute (every write and every 15 minutes)."""
        session = db_session()
        return person_view(session, people_service.get_person(session, person_id), now())["cadence"]


@blp.route("/contacts/<int:person_id>/explain")
class PersonExplain(MethodView):
    @blp.response(200, ExplanationOut(many=True))
    def get(self, person_id):
        """Which rules fired for this person, which a guard held back, and why."""
        return service.explain(db_session(), person_id, now())
