"""Opportunity and interview schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..services.opportunities import INTERVIEW_KINDS, ROLES, STAGES
from .common import Date, DateTime, PageQuery, Text, list_schema


class OpportunityPersonSchema(ma.Schema):
    person_id = fields.Integer(required=True, validate=validate.Range(min=1))
    role = fields.String(load_default="other", validate=validate.OneOf(ROLES))
    name = fields.String(dump_only=True)


class OpportunityOut(ma.Schema):
    id = fields.Integer()
    company = fields.String()
    title = fields.String()
    stage = fields.String()
    job_url = fields.String(allow_none=True)
    decision_expected_on = fields.Date(allow_none=True)
    notes = fields.String(allow_none=True)
    people = fields.List(fields.Nested(OpportunityPersonSchema))
    interview_ids = fields.List(fields.Integer())
    created_at = DateTime()
    updated_at = DateTime()
    closed_at = DateTime(allow_none=True)


OpportunityList = list_schema(OpportunityOut, "OpportunityList")


class OpportunityUpdate(ma.Schema):
    company = Text(300, validate=validate.Length(min=1, max=300))
    title = Text(300, validate=validate.Length(min=1, max=300))
    stage = fields.String(validate=validate.OneOf(STAGES))
    job_url = Text(1000, allow_none=True)
    decision_expected_on = Date(allow_none=True)
    notes = Text(20000, allow_none=True)
    people = fields.List(fields.Nested(OpportunityPersonSchema), validate=validate.Length(max=50))


class OpportunityCreate(OpportunityUpdate):
    company = fields.String(required=True, validate=validate.Length(min=1, max=300))
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))


class OpportunityQuery(PageQuery):
    stage = fields.String(validate=validate.OneOf((*STAGES, "open")))
    person_id = fields.Integer(validate=validate.Range(min=1))
    q = Text(200)


TOPICS = fields.List(
    fields.String(validate=validate.Length(min=1, max=200)), validate=validate.Length(max=30)
)


class InterviewOut(ma.Schema):
    id = fields.Integer()
    opportunity_id = fields.Integer()
    starts_at = DateTime()
    ends_at = DateTime()
    kind = fields.String()
    interviewer_ids = fields.List(fields.Integer())
    interviewer_topics = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))
    topics = fields.List(fields.String())
    notes = fields.String(allow_none=True)
    created_at = DateTime()
    updated_at = DateTime()


InterviewList = list_schema(InterviewOut, "InterviewList")


class InterviewUpdate(ma.Schema):
    starts_at = DateTime()
    ends_at = DateTime()
    kind = fields.String(validate=validate.OneOf(INTERVIEW_KINDS))
    interviewer_ids = fields.List(
        fields.Integer(validate=validate.Range(min=1)), validate=validate.Length(max=20)
    )
    interviewer_topics = fields.Dict(keys=fields.String(), values=TOPICS)
    topics = TOPICS
    notes = Text(20000, allow_none=True)
    decision_expected_on = Date(allow_none=True)


class InterviewCreate(InterviewUpdate):
    opportunity_id = fields.Integer(required=True, validate=validate.Range(min=1))
    starts_at = DateTime(required=True)
    ends_at = DateTime(required=True)


class InterviewQuery(PageQuery):
    opportunity_id = fields.Integer(validate=validate.Range(min=1))
    person_id = fields.Integer(validate=validate.Range(min=1))
