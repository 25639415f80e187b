"""Schemas for events (the dashboard's event forms)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from .common import DateTime, Text


class EventCreate(ma.Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=500))
    starts_at = DateTime(required=True)
    url = fields.Url(allow_none=True, schemes={"http", "https"}, validate=validate.Length(max=1000))
    note = Text(5000, allow_none=True)


class PersonMetIn(ma.Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    note = Text(2000, allow_none=True)
