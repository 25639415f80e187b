"""LinkedIn data export import: ``POST /api/imports/linkedin`` (multipart field ``file``)."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import InvalidInput, TooLarge
from ..http.clock import now
from ..schemas.network import ImportReport
from ..services.imports import import_in_batches

blp = Blueprint("imports", __name__, url_prefix="/api", description="LinkedIn data export import")

ACCEPTED_SUFFIXES = (".zip", ".csv")


def _upload():
    """The uploaded file, or a 4xx that names the `file` field."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    try:
        upload = request.files.get("file")
    except RequestEntityTooLarge as error:
        raise TooLarge(
            f"The upload is larger than {limit // (1024 * 1024)} MB.",
            {"file": [f"At most {limit} bytes; a LinkedIn export is usually a few MB."]},
        ) from error
    if upload is None or not upload.filename:
        raise InvalidInput(
            "Send the LinkedIn export as multipart form data in the field 'file'.",
            {"file": ["Missing file."]},
        )
    if not upload.filename.casefold().endswith(ACCEPTED_SUFFIXES):
        raise InvalidInput(
            "Expected the LinkedIn export .zip or one of its .csv files.",
            {"file": [f"'{upload.filename}' is not a .zip or .csv file."]},
        )
    return upload


@blp.route("/imports/linkedin")
class LinkedInImport(MethodView):
    @blp.response(200, ImportReport)
    def post(self):
        """Import the LinkedIn data export (.zip) or one of its CSVs; safe to repeat.

        Returns `{added, updated, unchanged, skipped: [{file, row, reason}]}` plus per-kind
        counts. An unreadable or hostile file gives 422 (413 when too large) naming `file`.
        """
        upload = _upload()
        # In short transactions of its own, so captures can write meanwhile (issue 15).
        engine = current_app.extensions["topofmind"].engine
        return import_in_batches(engine, upload.stream, upload.filename, now())
