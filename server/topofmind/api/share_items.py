"""The share queue: items worth sending, who they suit, and to whom they went."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..schemas.common import Deleted
from ..schemas.drafts import (
    MatchOut,
    MatchQuery,
    SentIn,
    SentOut,
    ShareItemCreate,
    ShareItemList,
    ShareItemOut,
    ShareItemQuery,
    ShareItemUpdate,
)
from ..services import share_queue as service

blp = Blueprint("share_items", __name__, url_prefix="/api", description="The share queue")


@blp.route("/share-items")
class ShareItems(MethodView):
    @blp.arguments(ShareItemQuery, location="query")
    @blp.response(200, ShareItemList)
    def get(self, args):
        session = db_session()
        page = service.list_items(session, **args)
        result = page.to_dict()
        result["items"] = service.item_views(session, page.items)
        return result

    @blp.arguments(ShareItemCreate)
    @blp.response(201, ShareItemOut)
    def post(self, data):
        """Add an item; its topics are extracted from title and note when none are given."""
        session = db_session()
        item = service.create_item(session, data, now())
        return service.item_view(session, item)


@blp.route("/share-items/<int:item_id>")
class ShareItemResource(MethodView):
    @blp.response(200, ShareItemOut)
    def get(self, item_id):
        session = db_session()
        return service.item_view(session, service.get_item(session, item_id))

    @blp.arguments(ShareItemUpdate)
    @blp.response(200, ShareItemOut)
    def patch(self, data, item_id):
        session = db_session()
        item = service.update_item(session, item_id, data, now())
        return service.item_view(session, item)

    @blp.response(200, Deleted)
    def delete(self, item_id):
        service.delete_item(db_session(), item_id, now())
        return {"deleted": True}


@blp.route("/share-items/<int:item_id>/matches")
class ShareItemMatches(MethodView):
    @blp.arguments(MatchQuery, location="query")
    @blp.response(200, MatchOut(many=True))
    def get(self, args, item_id):
        """The people this item suits best; never anyone it was already sent to."""
        return service.matches(db_session(), item_id, now(), args["limit"])


@blp.route("/share-items/<int:item_id>/sent")
class ShareItemSent(MethodView):
    @blp.arguments(SentIn)
    @blp.response(201, SentOut)
    def post(self, data, item_id):
        """Record that the item went to this person (409 if it already did); logs a share."""
        session = db_session()
        sent = service.mark_sent(session, item_id, data["person_id"], now())
        return {
            "share_item_id": sent.share_item_id,
            "person_id": sent.person_id,
            "sent_at": sent.sent_at,
        }
