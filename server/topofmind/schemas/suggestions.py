"""Suggestion, digest and cadence schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..domain.rules import KINDS
from ..services.suggestions import STATUSES
from .common import DateTime, PageQuery, list_schema


class DraftWarningOut(ma.Schema):
    code = fields.String()
    message = fields.String()
    words = fields.List(fields.String())
    spans = fields.List(fields.List(fields.Integer()))


class HandoffOut(ma.Schema):
    action = fields.String()
    url = fields.String(allow_none=True)
    label = fields.String()
    note = fields.String()


class DraftOut(ma.Schema):
    kind = fields.String()
    channel = fields.String()
    subject = fields.String(allow_none=True)
    body = fields.String()
    char_limit = fields.Integer(allow_none=True)
    length = fields.Integer()
    within_limit = fields.Boolean()
    guidance = fields.String()
    warnings = fields.List(fields.Nested(DraftWarningOut))
    handoff = fields.Nested(HandoffOut, allow_none=True)


class SuggestionOut(ma.Schema):
    id = fields.Integer()
    key = fields.String()
    kind = fields.String()
    person_id = fields.Integer()
    person_name = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True)
    subject_id = fields.Integer(allow_none=True)
    reason = fields.String()
    due_at = DateTime()
    window_end = DateTime(allow_none=True)
    send_by = DateTime()
    timing = fields.String()
    priority = fields.Integer()
    status = fields.String()
    snoozed_until = DateTime(allow_none=True)
    channel = fields.String(allow_none=True)
    introducer_person_id = fields.Integer(allow_none=True)
    post_url = fields.String(allow_none=True)
    draft = fields.Nested(DraftOut, allow_none=True)


SuggestionList = list_schema(SuggestionOut, "SuggestionList")


class SuggestionQuery(PageQuery):
    status = fields.String(load_default="open", validate=validate.OneOf((*STATUSES, "any")))
    person_id = fields.Integer(validate=validate.Range(min=1))
    due_before = DateTime()
    kind = fields.String(validate=validate.OneOf(KINDS))


class SnoozeIn(ma.Schema):
    until = DateTime()
    hours = fields.Integer(validate=validate.Range(min=1, max=24 * 90))


class DoneIn(ma.Schema):
    note = fields.String(validate=validate.Length(max=2000))
    sent_text = fields.String(validate=validate.Length(max=20000))
    sent_at = DateTime()


class DigestOut(ma.Schema):
    date = fields.String()
    due_today_count = fields.Integer()
    budget = fields.Integer()
    later_count = fields.Integer()
    items = fields.List(fields.Nested(SuggestionOut))


class ExplanationOut(ma.Schema):
    rule = fields.String()
    outcome = fields.String()
    detail = fields.String()
    key = fields.String(allow_none=True)
    guard = fields.String(allow_none=True)


class RecomputeOut(ma.Schema):
    created = fields.Integer()
    updated = fields.Integer()
    expired = fields.Integer()
    people = fields.Integer()
