"""``GET /api/health`` — the one call that needs no token."""

from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint

from .. import __version__

blp = Blueprint("health", __name__, url_prefix="/api", description="Liveness")


class HealthOut(ma.Schema):
    status = ma.fields.String()
    version = ma.fields.String()


@blp.route("/health")
class Health(MethodView):
    @blp.doc(security=[])
    @blp.response(200, HealthOut)
    def get(self):
        return {"status": "ok", "version": __version__}
