"""Message drafts and the message check; templates; the user's own posting cadence."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from ..http.clock import now
from ..http.db import db_session
from ..schemas.drafts import (
    CheckIn,
    CheckOut,
    PostingOut,
    PreviewIn,
    PreviewOut,
    TemplateIn,
    TemplateOut,
)
from ..services import drafting as service
from ..services.thought_leadership import posting_status

blp = Blueprint(
    "drafts", __name__, url_prefix="/api", description="Message drafts and the message check"
)


@blp.route("/drafts/check")
class Check(MethodView):
    @blp.arguments(CheckIn)
    @blp.response(200, CheckOut)
    def post(self, data):
        """Warnings for a message before it is sent: generic, stock phrase, too long for the
        channel, a repeat of what was sent to this person, negative or pushy."""
        return service.check_text(
            db_session(), data["text"], data["channel"], data.get("person_id"), now()
        )


@blp.route("/drafts/preview")
class Preview(MethodView):
    @blp.arguments(PreviewIn)
    @blp.response(200, PreviewOut)
    def post(self, data):
        """A draft for a person (and suggestion) built with an unsaved template edit."""
        return service.preview_draft(
            db_session(),
            data["kind"],
            data["person_id"],
            now(),
            suggestion_id=data.get("suggestion_id"),
            template=data.get("template"),
            key=data.get("key"),
        )


@blp.route("/drafts/templates")
class Templates(MethodView):
    @blp.response(200)
    def get(self):
        """Every message template by key (``thank_you``, ``thank_you.subject``, ``check_in.1``
        …): ``{key: {key, kind, template, default, placeholders, edited}}``."""
        templates = service.list_templates(db_session())
        return {key: TemplateOut().dump(view) for key, view in templates.items()}


@blp.route("/drafts/templates/<string:key>")
class TemplateResource(MethodView):
    @blp.response(200, TemplateOut)
    def get(self, key):
        templates = service.list_templates(db_session())
        if key not in templates:
            raise NotFound(f"No template '{key}'.", {"key": ["Unknown template."]})
        return templates[key]

    @blp.arguments(TemplateIn)
    @blp.response(200, TemplateOut)
    def put(self, data, key):
        """Save an edit; only edited templates are stored, so new defaults arrive on upgrade."""
        return service.save_template(db_session(), key, data["template"], now())

    @blp.response(200, TemplateOut)
    def delete(self, key):
        """Back to the default."""
        return service.reset_template(db_session(), key, now())


@blp.route("/me/posting")
class Posting(MethodView):
    @blp.response(200, PostingOut)
    def get(self):
        """How often you post, and a gentle nudge when you've been quiet during a search."""
        return posting_status(db_session(), now())
