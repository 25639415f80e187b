"""Import (``/import``): upload the LinkedIn data export (.zip or one of its CSVs)."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ..errors import DomainError
from ..services.imports import import_in_batches
from .common import now, protect

bp = protect(Blueprint("web_import", __name__))

ACCEPTED = (".zip", ".csv")
RESULT_KEY = "last_import"


@bp.get("/import")
def import_page():
    result = session.pop(RESULT_KEY, None)
    return render_template("import.html", result=result, error=None)


@bp.post("/import")
def upload():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _upload_failed("Choose the .zip LinkedIn emailed you, or one CSV from it.")
    filename = upload.filename
    if not filename.lower().endswith(ACCEPTED):
        return _upload_failed("That is not a .zip or .csv file.")
    try:
        # Short transactions of its own: captures keep working meanwhile (issue 15).
        engine = current_app.extensions["topofmind"].engine
        result = import_in_batches(engine, upload.stream, filename, now())
    except DomainError as failure:
        return _upload_failed(failure.message)
    skipped = list(result.get("skipped") or [])
    # Kept in the (cookie) session for the redirect, so only a short sample is stored.
    session[RESULT_KEY] = {
        "filename": filename,
        "added": result.get("added", 0),
        "updated": result.get("updated", 0),
        "unchanged": result.get("unchanged", 0),
        "skipped": [
            {key: str(entry.get(key, ""))[:120] for key in ("file", "row", "reason")}
            for entry in skipped[:8]
        ],
        "skipped_total": result.get("skipped_total", len(skipped)),
        "files": [str(name) for name in (result.get("files") or [])][:20],
        "file_reports": _short_file_reports(result.get("file_reports") or []),
        "notes": [str(note)[:300] for note in (result.get("notes") or [])][:5],
    }
    flash(f"Imported {filename}.", "success")
    return redirect(url_for("web_import.import_page"), code=303)


def _upload_failed(error: str) -> tuple[str, int]:
    return render_template("import.html", result=None, error=error), 422


def _short_file_reports(reports: list[dict]) -> list[dict]:
    """The per-file report cut to what fits in the session cookie: every recognised file with
    its counts and top reasons, and the names of the files not read."""
    short = []
    for report in reports[:60]:
        entry = {"name": str(report["name"])[:80], "recognised": bool(report["recognised"])}
        if report["recognised"]:
            entry.update(
                {
                    key: report.get(key)
                    for key in (
                        "kind",
                        "rows",
                        "added",
                        "updated",
                        "unchanged",
                        "ignored",
                        "skipped",
                        "encoding",
                    )
                }
            )
            entry["reasons"] = [
                {"reason": str(reason["reason"])[:120], "count": reason["count"]}
                for reason in report.get("reasons", [])[:3]
            ]
        short.append(entry)
    return short
