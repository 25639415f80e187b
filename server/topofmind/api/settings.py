"""``/api/settings``: the user's settings (cadence targets, budget, hours, templates)."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from ..services import settings as service
from .db import db_session

blp = Blueprint("settings", __name__, url_prefix="/api/settings", description="Settings")


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


@blp.route("")
class Settings(MethodView):
    @blp.response(200, SettingsSchema)
    def get(self):
        return service.get_settings(db_session())

    @blp.arguments(SettingsSchema)
    @blp.response(200, SettingsSchema)
    def patch(self, data):
        return service.update_settings(db_session(), data)
