"""File responses that carry the user's private data (exports, CSVs, the calendar feed)."""

from __future__ import annotations

from flask import Response


def private_file(body: str, mimetype: str, filename: str, *, inline: bool = False) -> Response:
    """``body`` as a named file that no browser or proxy cache keeps (``Cache-Control: no-store``).

    Downloads by default; ``inline`` for feeds a calendar app reads in place.
    """
    response = Response(body, mimetype=mimetype)
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
