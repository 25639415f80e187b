"""Connections, mutual connections, introductions, duplicates."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..http.downloads import private_file
from ..schemas.network import (
    ConnectionCsvQuery,
    ConnectionList,
    ConnectionQuery,
    DuplicateList,
    IntroPathsOut,
    MergeIn,
    MergeOut,
)
from ..services import merging
from ..services import network as service

blp = Blueprint(
    "network",
    __name__,
    url_prefix="/api",
    description="Connections, mutual connections, introductions, duplicates",
)


@blp.route("/connections")
class Connections(MethodView):
    @blp.arguments(ConnectionQuery, location="query")
    @blp.response(200, ConnectionList)
    def get(self, args):
        """The user's own 1st-degree network, paged; `tracked_person_id` links tracked people."""
        session = db_session()
        page = service.list_connections(session, **args)
        result = page.to_dict()
        result["items"] = service.connection_views(session, page.items)
        return result


@blp.route("/connections.csv")
class ConnectionsCsv(MethodView):
    @blp.arguments(ConnectionCsvQuery, location="query")
    @blp.response(
        200, {"type": "string"}, content_type="text/csv", description="One row per connection."
    )
    def get(self, args):
        """The connections as a spreadsheet-safe CSV download."""
        body = service.connections_csv(db_session(), **args)
        return private_file(body, "text/csv", "connections.csv")


@blp.route("/contacts/<int:person_id>/intro-paths")
class IntroPaths(MethodView):
    @blp.response(200, IntroPathsOut)
    def get(self, person_id):
        """Who could introduce you to this person, best first, and a draft request."""
        return service.intro_paths(db_session(), person_id, now())


@blp.route("/contacts/duplicates")
class Duplicates(MethodView):
    @blp.response(200, DuplicateList)
    def get(self):
        """Pairs of tracked people who are probably the same human, with reasons."""
        pairs = merging.propose_duplicates(db_session())
        return {"items": pairs, "total": len(pairs)}


@blp.route("/contacts/<int:person_id>/merge")
class Merge(MethodView):
    @blp.arguments(MergeIn)
    @blp.response(200, MergeOut)
    def post(self, data, person_id):
        """Merge `other_id` into this person (kept); everything moves, the other is deleted."""
        record = merging.merge_people(db_session(), person_id, data["other_id"], now())
        return merging.merge_view(record)


@blp.route("/merges/<int:merge_id>/undo")
class UndoMerge(MethodView):
    @blp.response(200, MergeOut)
    def post(self, merge_id):
        """Recreate the merged person and move back exactly what the merge moved."""
        return merging.merge_view(merging.undo_merge(db_session(), merge_id, now()))
