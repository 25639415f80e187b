"""Shared schema pieces: paging, sane date ranges, list envelopes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def sane_datetime(value: datetime) -> None:
    if not EARLIEST <= value <= LATEST:
        raise ma.ValidationError("Must be between 1990 and 2100.")


def sane_date(value: date) -> None:
    if not EARLIEST.date() <= value <= LATEST.date():
        raise ma.ValidationError("Must be between 1990 and 2100.")


def DateTime(**kwargs: Any) -> fields.AwareDateTime:  # noqa: N802 - reads like a field class
    """ISO 8601 with offset; a value without one is taken as UTC."""
    kwargs.setdefault("validate", sane_datetime)
    return fields.AwareDateTime(format="iso", default_timezone=UTC, **kwargs)


def Date(**kwargs: Any) -> fields.Date:  # noqa: N802
    kwargs.setdefault("validate", sane_date)
    return fields.Date(**kwargs)


def Text(max_length: int, **kwargs: Any) -> fields.String:  # noqa: N802
    kwargs.setdefault("validate", validate.Length(max=max_length))
    return fields.String(**kwargs)


class PageQuery(ma.Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class ListEnvelope(ma.Schema):
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


def list_schema(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    """A ``{items, total, page, per_page}`` schema for ``item_schema``."""
    return type(name, (ListEnvelope,), {"items": fields.List(fields.Nested(item_schema))})


class Deleted(ma.Schema):
    deleted = fields.Boolean(required=True)
    removed = fields.Dict(keys=fields.String(), values=fields.Integer())
