"""Request ids and one log line per request (``topofmind.logs`` says where lines go).

Every request gets a random id before anything else runs — the guard's refusals included — sent
back as ``X-Request-Id`` and stamped on every line logged while it runs. The line names the
method, the path without its query (a calendar key or sign-in key travels there), the status and
the time taken; never a header or a body.
"""

from __future__ import annotations

import logging
import secrets
import time

from flask import Flask, Response, g, request

log = logging.getLogger("topofmind.requests")
REQUEST_ID_HEADER = "X-Request-Id"


def request_id() -> str:
    """This request's id (made on first use)."""
    if "request_id" not in g:
        g.request_id = secrets.token_hex(6)
    return str(g.request_id)


def init_app(app: Flask) -> None:
    """Register before every other ``before_request`` hook, so refused requests have an id."""

    @app.before_request
    def start_request() -> None:
        request_id()
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = request_id()
        started = g.get("request_started")
        took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        level = logging.WARNING if response.status_code >= 500 else logging.INFO
        log.log(level, "%s %s %s %.0f ms", request.method, request.path, response.status_code, took)
        return response
