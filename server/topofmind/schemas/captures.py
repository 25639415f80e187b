"""Capture schemas (docs/api.md)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from .common import DateTime, PageQuery, list_schema
from .people import PersonOut
from .suggestions import SuggestionOut

PAGE_KINDS = ("profile", "post", "feed", "activity", "search", "people", "unknown")


class ViewIn(ma.Schema):
    urn = fields.String(required=True, validate=validate.Length(min=1, max=100))
    dwell_ms = fields.Integer(validate=validate.Range(min=0, max=24 * 3600 * 1000))


class CaptureIn(ma.Schema):
    id = fields.UUID(required=True)
    url = fields.Url(required=True, schemes={"http", "https"}, validate=validate.Length(max=2000))
    html = fields.String(required=True)
    captured_at = DateTime(required=True)
    kind = fields.String(validate=validate.OneOf(PAGE_KINDS))
    views = fields.List(fields.Nested(ViewIn), validate=validate.Length(max=500))


class CapturePostOut(ma.Schema):
    urn = fields.String()
    url = fields.String(allow_none=True)
    author_name = fields.String(allow_none=True)
    author_url = fields.String(allow_none=True)
    text = fields.String(allow_none=True)
    posted_at = fields.String(allow_none=True)
    relative_time = fields.String(allow_none=True)
    author_person_id = fields.Integer(allow_none=True)
    tracked = fields.Boolean()


class CaptureOut(ma.Schema):
    capture_id = fields.String()
    kind = fields.String()
    status = fields.String()
    extracted = fields.Dict(allow_none=True)
    person_id = fields.Integer(allow_none=True)
    person = fields.Nested(PersonOut, allow_none=True)
    posts = fields.List(fields.Nested(CapturePostOut))
    suggestions = fields.List(fields.Nested(SuggestionOut))
    warnings = fields.List(fields.String())


class CaptureSummary(ma.Schema):
    id = fields.String()
    url = fields.String()
    kind = fields.String()
    captured_at = DateTime()
    received_at = DateTime()
    status = fields.String()
    person_id = fields.Integer(allow_none=True)
    html_bytes = fields.Integer()
    parser_version = fields.String(allow_none=True)


CaptureList = list_schema(CaptureSummary, "CaptureList")


class CaptureQuery(PageQuery):
    person_id = fields.Integer(validate=validate.Range(min=1))
