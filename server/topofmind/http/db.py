"""One database session per request, committed once, here (docs/architecture.md).

Services only ``flush()``. Here the response decides: below 400 the work is committed, otherwise it
is rolled back, so a failed request never leaves a half-written record. A request that only reads
(GET, HEAD, OPTIONS) is always rolled back: a read never writes, even by mistake.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app, g, jsonify, make_response, render_template, request
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .errors import error_body

log = logging.getLogger(__name__)


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Seconds a client should wait before retrying when the database is busy (the extension keeps
# the capture queued and retries; docs/reliability.md).
RETRY_AFTER_SECONDS = 2
BUSY_MESSAGE = "The database is busy; nothing was saved. Try again in a moment."


def db_session() -> Session:
    """This request's session (opened on first use, finished by the commit point)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["topofmind"].session_factory()
    return g.db_session


def _busy():
    response = _failure(503, "Service Unavailable", BUSY_MESSAGE)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _failure(code: int, status: str, message: str):
    """The error as JSON for the API, as a page for the dashboard."""
    if request.path.startswith("/api/"):
        response = jsonify(error_body(code, status, message))
    else:
        response = make_response(
            render_template("error.html", code=code, title=status, message=message)
        )
    response.status_code = code
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def finish_transaction(response):
        session: Session | None = g.pop("db_session", None)
        if session is None:
            return response
        try:
            if response.status_code < 400 and request.method not in READ_ONLY_METHODS:
                session.commit()
            else:
                session.rollback()
        except IntegrityError:
            session.rollback()
            log.warning("commit refused by a constraint", exc_info=True)
            response = _failure(
                409, "Conflict", "That conflicts with what is already stored; reload and try again."
            )
        except OperationalError:
            session.rollback()
            log.exception("database unavailable at commit")
            response = _busy()
        finally:
            session.close()
        return response

    @app.errorhandler(OperationalError)
    def database_busy(error: OperationalError):
        # SQLite's lock not granted within the busy timeout (a long import, a backup): the
        # request changed nothing (rolled back at teardown) and may simply be sent again.
        log.warning("database unavailable: %s", error.orig)
        return _busy()

    @app.teardown_request
    def close_session(_exc):
        session: Session | None = g.pop("db_session", None)
        if session is not None:
            session.rollback()
            session.close()
