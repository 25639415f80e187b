"""Settings schema: the user's settings (docs/api.md, ``/api/settings``)."""

from __future__ import annotations

import marshmallow as ma


class SettingsSchema(ma.Schema):
    user_name = ma.fields.String()
    user_time_zone = ma.fields.String()
    working_hours_start = ma.fields.Integer()
    working_hours_end = ma.fields.Integer()
    daily_budget = ma.fields.Integer()
    capture_retention_days = ma.fields.Integer()
    digest_hour = ma.fields.Integer()
    keep_message_bodies = ma.fields.Boolean()
    cadence = ma.fields.Dict()
    templates = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
