"""Schemas for the network: export import report, connections, intro paths, duplicates, merges."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from .common import Date, DateTime, PageQuery, list_schema

CONNECTION_SORTS = (
    "name",
    "-name",
    "connected_on",
    "-connected_on",
    "last_message",
    "-last_message",
    "company",
)


class SkippedRowOut(ma.Schema):
    file = fields.String()
    row = fields.Integer()
    reason = fields.String()


class ImportCounts(ma.Schema):
    added = fields.Integer()
    updated = fields.Integer()
    unchanged = fields.Integer()
    ignored = fields.Integer()


class SkipReasonOut(ma.Schema):
    reason = fields.String()
    count = fields.Integer()


class FileReportOut(ma.Schema):
    """One file of the upload: read (with its counts) or not recognised."""

    name = fields.String()
    kind = fields.String(allow_none=True)
    recognised = fields.Boolean()
    rows = fields.Integer()
    added = fields.Integer()
    updated = fields.Integer()
    unchanged = fields.Integer()
    ignored = fields.Integer()
    skipped = fields.Integer()
    reasons = fields.List(fields.Nested(SkipReasonOut))
    encoding = fields.String(allow_none=True)


class ImportReport(ma.Schema):
    added = fields.Integer(required=True)
    updated = fields.Integer(required=True)
    unchanged = fields.Integer(required=True)
    ignored = fields.Integer()
    skipped = fields.List(fields.Nested(SkippedRowOut), required=True)
    skipped_total = fields.Integer()
    by_kind = fields.Dict(keys=fields.String(), values=fields.Nested(ImportCounts))
    rows_read = fields.Integer()
    files = fields.List(fields.String())
    notes = fields.List(fields.String())
    # file name -> the encoding it was read in (utf-8, utf-16-le, cp1252, ...)
    encodings = fields.Dict(keys=fields.String(), values=fields.String())
    file_reports = fields.List(fields.Nested(FileReportOut))
    affected_person_ids = fields.List(fields.Integer())


class ConnectionQuery(PageQuery):
    q = fields.String(validate=validate.Length(max=200))
    company = fields.String(validate=validate.Length(max=300))
    position = fields.String(validate=validate.Length(max=300))
    source = fields.String(validate=validate.OneOf(("import", "capture")))
    tracked = fields.Boolean()
    sort = fields.String(load_default="name", validate=validate.OneOf(CONNECTION_SORTS))


class ConnectionCsvQuery(ma.Schema):
    q = fields.String(validate=validate.Length(max=200))
    sort = fields.String(load_default="name", validate=validate.OneOf(CONNECTION_SORTS))


class ConnectionOut(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    profile_url = fields.String(allow_none=True)
    public_id = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    connected_on = Date(allow_none=True)
    source = fields.String()
    messages_sent = fields.Integer()
    messages_received = fields.Integer()
    last_sent_at = DateTime(allow_none=True)
    last_received_at = DateTime(allow_none=True)
    last_message_at = DateTime(allow_none=True)
    reply_rate = fields.Float(allow_none=True)
    median_reply_hours = fields.Float(allow_none=True)
    recommendations = fields.Integer()
    endorsements = fields.Integer()
    tracked_person_id = fields.Integer(allow_none=True)


ConnectionList = list_schema(ConnectionOut, "ConnectionList")


class IntroducerOut(ma.Schema):
    connection_id = fields.Integer(allow_none=True)
    person_id = fields.Integer(allow_none=True)
    name = fields.String()
    profile_url = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    score = fields.Integer()
    evidence = fields.List(fields.String())


class IntroTargetOut(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    company = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    profile_url = fields.String(allow_none=True)
    degree = fields.Integer(allow_none=True)


class IntroPathsOut(ma.Schema):
    target = fields.Nested(IntroTargetOut)
    introducers = fields.List(fields.Nested(IntroducerOut))
    # The draft shape is services.drafting.draft_view plus the introducer it is addressed to.
    draft = fields.Dict(allow_none=True)
    reason_if_none = fields.String(allow_none=True)


class PersonBriefOut(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    company = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    profile_url = fields.String(allow_none=True)
    public_id = fields.String(allow_none=True)


class DuplicatePairOut(ma.Schema):
    a = fields.Nested(PersonBriefOut)
    b = fields.Nested(PersonBriefOut)
    score = fields.Integer()
    reasons = fields.List(fields.String())


class DuplicateList(ma.Schema):
    items = fields.List(fields.Nested(DuplicatePairOut))
    total = fields.Integer()


class MergeIn(ma.Schema):
    other_id = fields.Integer(required=True, validate=validate.Range(min=1))


class MergeOut(ma.Schema):
    id = fields.Integer()
    kept_person_id = fields.Integer()
    merged_person = fields.Nested(PersonBriefOut)
    moved = fields.Dict(keys=fields.String(), values=fields.Integer())
    replaced = fields.Dict(keys=fields.String(), values=fields.Integer())
    filled = fields.List(fields.String())
    created_at = DateTime()
    undone_at = DateTime(allow_none=True)
