"""``POST /api/pairing/redeem`` — the extension trades a pairing code for the API token.

The dashboard's Settings page shows a short code (one-time, ten minutes); the user types it
into the extension's options page, which calls this. No token is needed to call it, so wrong
codes are counted in a transaction of their own (the refusal must not roll them back) and five
in a row void every open code (docs/security.md). Only the extension's origin can read the
answer: the guard refuses any other present Origin.
"""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import InvalidInput
from ..http.clock import now
from ..http.guard import api_token
from ..services.auth import redeem_pairing_code

blp = Blueprint("pairing", __name__, url_prefix="/api/pairing", description="Extension pairing")


class RedeemIn(ma.Schema):
    code = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=40))


class RedeemOut(ma.Schema):
    token = ma.fields.String()


@blp.route("/redeem")
class Redeem(MethodView):
    @blp.doc(security=[])
    @blp.arguments(RedeemIn)
    @blp.response(200, RedeemOut)
    def post(self, data):
        factory = current_app.extensions["topofmind"].session_factory
        with factory.begin() as session:
            accepted = redeem_pairing_code(session, data["code"], now())
        if not accepted:
            raise InvalidInput(
                "That pairing code is used, expired or mistyped; show a new one on the "
                "dashboard's Settings page.",
                errors={"code": ["Unknown or expired pairing code."]},
            )
        return {"token": api_token()}
