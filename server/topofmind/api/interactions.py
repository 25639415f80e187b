"""Interactions across all people."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..schemas.common import Deleted
from ..schemas.interactions import InteractionList, InteractionOut, InteractionQuery
from ..services import interactions as service

blp = Blueprint("interactions", __name__, url_prefix="/api/interactions", description="Every touch")


@blp.route("")
class Interactions(MethodView):
    @blp.arguments(InteractionQuery, location="query")
    @blp.response(200, InteractionList)
    def get(self, args):
        return service.list_interactions(db_session(), **args).to_dict()


@blp.route("/<int:interaction_id>")
class InteractionResource(MethodView):
    @blp.response(200, InteractionOut)
    def get(self, interaction_id):
        return service.get_interaction(db_session(), interaction_id)

    @blp.response(200, Deleted)
    def delete(self, interaction_id):
        session = db_session()
        service.delete_interaction(session, service.get_interaction(session, interaction_id), now())
        return {"deleted": True}
