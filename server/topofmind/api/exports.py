"""Export of the user's data: `GET /api/export.json` and `GET /api/export/contacts.csv`."""

from __future__ import annotations

from flask import json
from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..http.downloads import private_file
from ..services import data_export

blp = Blueprint(
    "exports", __name__, url_prefix="/api", description="Backup and export of the user's data"
)


@blp.route("/export.json")
class ExportJson(MethodView):
    @blp.response(
        200,
        {"type": "object"},
        content_type="application/json",
        description="Every stored record, one list of rows per table.",
    )
    def get(self):
        """Everything stored, as one JSON document (raw capture HTML left out)."""
        stamp = now()
        document = data_export.export_data(db_session(), stamp)
        return private_file(
            json.dumps(document, ensure_ascii=False),
            "application/json",
            f"topofmind-export-{stamp:%Y%m%d}.json",
        )


@blp.route("/export/contacts.csv")
class ExportContactsCsv(MethodView):
    @blp.response(
        200, {"type": "string"}, content_type="text/csv", description="One row per person."
    )
    def get(self):
        """Every person as CSV; cells that look like spreadsheet formulas start with ``'``."""
        return private_file(
            data_export.contacts_csv(db_session()),
            "text/csv",
            f"topofmind-contacts-{now():%Y%m%d}.csv",
        )
