"""Person (contact) schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ..services.opportunities import STAGES
from .common import DateTime, PageQuery, Text, list_schema

TAGS = fields.List(
    fields.String(validate=validate.Length(min=1, max=40)), validate=validate.Length(max=20)
)


class CadenceOut(ma.Schema):
    status = fields.String()
    last_outbound_at = DateTime(allow_none=True)
    last_inbound_at = DateTime(allow_none=True)
    last_touch_at = DateTime(allow_none=True)
    touches_7d = fields.Integer()
    touches_30d = fields.Integer()
    touches_90d = fields.Integer()
    median_gap_days = fields.Float(allow_none=True)
    reply_rate = fields.Float(allow_none=True)
    warmth = fields.Float()
    target_days = fields.List(fields.Integer(), allow_none=True)
    stage = fields.String(allow_none=True)
    next_due_at = DateTime(allow_none=True)


class PersonOut(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    headline = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    company = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    public_id = fields.String(allow_none=True)
    member_urn = fields.String(allow_none=True)
    profile_url = fields.String(allow_none=True)
    degree = fields.Integer(allow_none=True)
    followers = fields.Integer(allow_none=True)
    mutual_count = fields.Integer(allow_none=True)
    mutual_names = fields.List(fields.String())
    tags = fields.List(fields.String())
    do_not_contact = fields.Boolean()
    time_zone = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    source = fields.String()
    cadence = fields.Nested(CadenceOut, allow_none=True)
    stage = fields.String(allow_none=True)
    created_at = DateTime()
    updated_at = DateTime()
    last_captured_at = DateTime(allow_none=True)


PersonList = list_schema(PersonOut, "PersonList")


def _time_zone(value: str) -> None:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except (ValueError, KeyError, OSError) as error:
        raise ma.ValidationError(
            "Unknown time zone; use an IANA name like 'Europe/Berlin'."
        ) from error


class PersonUpdate(ma.Schema):
    name = Text(300, validate=validate.Length(min=1, max=300))
    headline = Text(2000, allow_none=True)
    title = Text(300, allow_none=True)
    company = Text(300, allow_none=True)
    location = Text(300, allow_none=True)
    time_zone = fields.String(allow_none=True, validate=_time_zone)
    email = fields.Email(allow_none=True, validate=validate.Length(max=300))
    degree = fields.Integer(allow_none=True, validate=validate.OneOf([1, 2, 3]))
    tags = TAGS
    notes = Text(20000, allow_none=True)
    do_not_contact = fields.Boolean()


class PersonCreate(PersonUpdate):
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    profile_url = Text(500, allow_none=True)


SORT_CHOICES = (
    "name",
    "-name",
    "due",
    "warmth",
    "-warmth",
    "last_touch",
    "-last_touch",
    "created",
    "-created",
    "updated",
    "-updated",
    "company",
)


class PersonQuery(PageQuery):
    q = Text(200)
    company = Text(300)
    tag = Text(40)
    degree = fields.Integer(validate=validate.OneOf([1, 2, 3]))
    stage = fields.String(validate=validate.OneOf([*STAGES, "networking"]))
    status = fields.String(
        validate=validate.OneOf(["on_track", "due", "overdue", "too_frequent", "no_contact"])
    )
    sort = fields.String(load_default="name", validate=validate.OneOf(SORT_CHOICES))


class LookupQuery(ma.Schema):
    url = fields.String(required=True, validate=validate.Length(min=1, max=2000))
