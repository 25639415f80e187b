"""Interaction schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..services.interactions import DIRECTIONS, KINDS
from .common import DateTime, PageQuery, Text, list_schema


class InteractionOut(ma.Schema):
    id = fields.Integer()
    person_id = fields.Integer()
    kind = fields.String()
    direction = fields.String()
    occurred_at = DateTime()
    note = fields.String(allow_none=True)
    post_urn = fields.String(allow_none=True)
    opportunity_id = fields.Integer(allow_none=True)
    source = fields.String()
    created_at = DateTime()


InteractionList = list_schema(InteractionOut, "InteractionList")


class InteractionCreate(ma.Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    direction = fields.String(validate=validate.OneOf(DIRECTIONS))
    occurred_at = DateTime()
    note = Text(20000, allow_none=True)
    post_urn = Text(100, allow_none=True)
    opportunity_id = fields.Integer(allow_none=True, validate=validate.Range(min=1))
    source = fields.String(validate=validate.OneOf(["extension", "manual"]))


class InteractionQuery(PageQuery):
    kind = fields.String(validate=validate.OneOf(KINDS))
