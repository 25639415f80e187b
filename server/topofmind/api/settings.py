"""``/api/settings``: the user's settings (cadence targets, budget, hours, templates)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..schemas.settings import SettingsSchema
from ..services import settings as service

blp = Blueprint("settings", __name__, url_prefix="/api/settings", description="Settings")


@blp.route("")
class Settings(MethodView):
    @blp.response(200, SettingsSchema)
    def get(self):
        return service.get_settings(db_session())

    @blp.arguments(SettingsSchema)
    @blp.response(200, SettingsSchema)
    def patch(self, data):
        """Change settings; a change to the cadence settings recomputes everyone's suggestions."""
        return service.update_settings(db_session(), data, now())
