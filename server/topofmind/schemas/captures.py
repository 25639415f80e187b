"""Capture schemas (docs/api.md)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..services.captures import PAGE_KINDS
from .common import DateTime, PageQuery, list_schema
from .opportunities import OpportunityOut
from .people import PersonOut
from .suggestions import SuggestionOut


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


class HiringMemberOut(ma.Schema):
    person = fields.Nested(PersonOut)
    role = fields.String()
    job_poster = fields.Boolean()
    suggestions = fields.List(fields.Nested(SuggestionOut))


class JobPostingOut(OpportunityOut):
    hiring_team = fields.List(fields.Nested(HiringMemberOut))


class JobResultOut(ma.Schema):
    job_id = fields.String()
    url = fields.String()
    title = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    posted_relative = fields.String(allow_none=True)
    opportunity_id = fields.Integer(allow_none=True)


class SavedJobIn(ma.Schema):
    job_id = fields.String(
        required=True, validate=validate.Regexp(r"^\d{6,20}$", error="A LinkedIn job id.")
    )


class UndoneOut(ma.Schema):
    opportunity_id = fields.Integer()
    people_removed = fields.Integer()


class CaptureOut(ma.Schema):
    capture_id = fields.String()
    kind = fields.String()
    status = fields.String()
    extracted = fields.Dict(allow_none=True)
    person_id = fields.Integer(allow_none=True)
    person = fields.Nested(PersonOut, allow_none=True)
    person_added = fields.Boolean()
    posts = fields.List(fields.Nested(CapturePostOut))
    suggestions = fields.List(fields.Nested(SuggestionOut))
    warnings = fields.List(fields.String())
    posting = fields.Nested(JobPostingOut, allow_none=True)
    saved = fields.String(allow_none=True)
    results = fields.List(fields.Nested(JobResultOut))


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
