"""Settings schema: the user's settings (docs/api.md, ``/api/settings``)."""

from __future__ import annotations

import marshmallow as ma


class SettingsSchema(ma.Schema):
    """Types only (strict: ``"5"`` and ``1.5`` are not whole numbers); ranges, known cadence keys
    and ordered pairs are the service's rules (``services.settings``), so a value read back
    from an older store passes the same checks."""

    user_name = ma.fields.String(validate=ma.validate.Length(max=200))
    user_time_zone = ma.fields.String(validate=ma.validate.Length(min=1, max=64))
    working_hours_start = ma.fields.Integer(strict=True)
    working_hours_end = ma.fields.Integer(strict=True)
    daily_budget = ma.fields.Integer(strict=True)
    capture_retention_days = ma.fields.Integer(strict=True)
    digest_hour = ma.fields.Integer(strict=True)
    keep_message_bodies = ma.fields.Boolean()
    posts_per_week_target = ma.fields.Integer(strict=True)
    cadence = ma.fields.Dict()
    templates = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
