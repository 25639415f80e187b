"""Schemas of the message check, draft previews, templates, the share queue and posting cadence."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..domain.drafts import DRAFT_KINDS
from ..services.share_queue import ITEM_KINDS, MAX_TOPICS, TOPIC_LENGTH
from .common import DateTime, PageQuery, Text, list_schema
from .suggestions import DraftOut, DraftWarningOut

MAX_MESSAGE = 20000
MAX_TEMPLATE = 4000


class CheckIn(ma.Schema):
    text = fields.String(required=True, validate=validate.Length(max=MAX_MESSAGE))
    # Checked by the service, which names the known channels in its error.
    channel = fields.String(required=True)
    person_id = fields.Integer(allow_none=True, validate=validate.Range(min=1))


class CheckOut(ma.Schema):
    warnings = fields.List(fields.Nested(DraftWarningOut))
    length = fields.Integer()
    char_limit = fields.Integer()
    within_limit = fields.Boolean()


class PreviewIn(ma.Schema):
    kind = fields.String(required=True, validate=validate.OneOf(DRAFT_KINDS))
    person_id = fields.Integer(required=True, validate=validate.Range(min=1))
    suggestion_id = fields.Integer(allow_none=True, validate=validate.Range(min=1))
    template = fields.String(validate=validate.Length(max=MAX_TEMPLATE))
    key = fields.String(validate=validate.Length(max=60))


PreviewOut = DraftOut


class PlaceholderOut(ma.Schema):
    name = fields.String()
    description = fields.String()


class TemplateOut(ma.Schema):
    key = fields.String()
    kind = fields.String()
    template = fields.String()
    default = fields.String()
    placeholders = fields.List(fields.Nested(PlaceholderOut))
    edited = fields.Boolean()


class TemplateIn(ma.Schema):
    template = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEMPLATE))


class PostingOut(ma.Schema):
    posts_30d = fields.Integer()
    posts_90d = fields.Integer()
    last_posted_at = DateTime(allow_none=True)
    median_gap_days = fields.Float(allow_none=True)
    quiet_days = fields.Integer(allow_none=True)
    active_search = fields.Boolean()
    nudge = fields.String(allow_none=True)


# The share queue -----------------------------------------------------------------------------


def _topic_list(**kwargs: Any) -> fields.List:
    return fields.List(
        fields.String(validate=validate.Length(max=TOPIC_LENGTH)),
        validate=validate.Length(max=MAX_TOPICS),
        **kwargs,
    )


class ShareItemOut(ma.Schema):
    id = fields.Integer()
    url = fields.String(allow_none=True)
    title = fields.String()
    kind = fields.String()
    topics = fields.List(fields.String())
    note = fields.String(allow_none=True)
    created_at = DateTime()
    updated_at = DateTime()
    sent_to = fields.List(fields.Integer())


ShareItemList = list_schema(ShareItemOut, "ShareItemList")


class ShareItemCreate(ma.Schema):
    url = fields.Url(allow_none=True, schemes={"http", "https"}, validate=validate.Length(max=1000))
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    kind = fields.String(load_default="article", validate=validate.OneOf(ITEM_KINDS))
    topics = _topic_list(load_default=list)
    note = Text(5000, allow_none=True)


class ShareItemUpdate(ma.Schema):
    url = fields.Url(allow_none=True, schemes={"http", "https"}, validate=validate.Length(max=1000))
    title = fields.String(validate=validate.Length(min=1, max=500))
    kind = fields.String(validate=validate.OneOf(ITEM_KINDS))
    topics = _topic_list()
    note = Text(5000, allow_none=True)


class ShareItemQuery(PageQuery):
    kind = fields.String(validate=validate.OneOf(ITEM_KINDS))


class MatchQuery(ma.Schema):
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=100))


class MatchOut(ma.Schema):
    person_id = fields.Integer()
    name = fields.String()
    headline = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    stage = fields.String(allow_none=True)
    score = fields.Float()
    topics = fields.List(fields.String())


class SentIn(ma.Schema):
    person_id = fields.Integer(required=True, validate=validate.Range(min=1))


class SentOut(ma.Schema):
    share_item_id = fields.Integer()
    person_id = fields.Integer()
    sent_at = DateTime()
