"""The local dashboard (server-rendered pages, same origin as the API).

Pages are Jinja templates with autoescaping; small ES modules in ``static/`` add progressive
enhancement (copy a draft, reveal the token, pair the extension). The CSP allows no inline
script or style, so templates carry neither ``on*=`` handlers nor ``style=`` attributes.
"""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from ..domain.cadence import warmth_words
from ..errors import DomainError
from ..http.request_log import request_id

log = logging.getLogger(__name__)

NAV = (
    ("web_today.today", "Today"),
    ("web_contacts.contacts", "Contacts"),
    ("web_network.network", "Network"),
    ("web_pipeline.pipeline", "Pipeline"),
    ("web_share.share_page", "Share library"),
    ("web_posting.posting_page", "Your posting"),
    ("web_events.events_page", "Events"),
    ("web_review.review_page", "Weekly review"),
    ("web_import.import_page", "Import"),
    ("web_settings.settings_page", "Settings"),
)


def register_web(app: Flask) -> None:
    from . import (
        calendar,
        common,
        contacts,
        events,
        imports,
        network,
        pipeline,
        posting,
        review,
        settings,
        share,
        today,
    )
    from .auth import bp as auth_bp

    app.register_blueprint(auth_bp)
    for module in (
        today,
        contacts,
        network,
        pipeline,
        share,
        posting,
        events,
        review,
        imports,
        settings,
        calendar,
    ):
        app.register_blueprint(module.bp)

    app.jinja_env.globals.update(nav=NAV)
    app.jinja_env.filters.update(
        when=common.format_when,
        day=common.format_day,
        relative=common.relative,
        input_datetime=common.input_datetime,
        label=common.label,
        safe_url=common.safe_url,
        warmth_words=warmth_words,
    )

    @app.context_processor
    def csrf_field():
        from ..http.guard import csrf_token

        return {
            "csrf_token": csrf_token,
            "now_": common.now(),
            "demo_present": common.demo_present,
            "needs_name": common.needs_name,
        }

    @app.after_request
    def same_origin_referrer(response):
        # Under "no-referrer" Chromium sends "Origin: null" with form POSTs, which the guard
        # must refuse; "same-origin" keeps our own Origin while telling other sites nothing.
        if _is_dashboard_request():
            response.headers["Referrer-Policy"] = "same-origin"
            # Pages hold private notes and secrets (sign-in keys, pairing codes, the calendar
            # link): no browser cache or back-forward cache keeps them (docs/security.md).
            if not request.path.startswith("/static/"):
                response.headers["Cache-Control"] = "no-store"
        return response

    _register_error_pages(app)


def _is_dashboard_request() -> bool:
    return not request.path.startswith("/api/") and request.path != "/calendar.ics"


def _register_error_pages(app: Flask) -> None:
    """HTML error pages for dashboard routes; the API keeps its JSON body (registered earlier)."""
    handlers = app.error_handler_spec[None][None]
    json_any = handlers.get(Exception)
    json_domain = handlers.get(DomainError)
    json_http = handlers.get(HTTPException)

    def html(code: int, title: str, message: str):
        return render_template("error.html", code=code, title=title, message=message), code

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        if not _is_dashboard_request() and json_domain is not None:
            return json_domain(error)
        return html(error.status, "That did not work", error.message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if not _is_dashboard_request() and json_http is not None:
            return json_http(error)
        return any_error(error)

    @app.errorhandler(Exception)
    def any_error(error: Exception):
        if not _is_dashboard_request() and json_any is not None:
            return json_any(error)
        if isinstance(error, HTTPException) and error.code is not None and error.code < 500:
            if error.code == 404:
                return html(404, "Not found", "Nothing here by that address or id.")
            description = error.description
            if not description or description == type(error).description:
                description = "This request could not be handled."
            return html(error.code, error.name, description)
        if not isinstance(error, HTTPException):
            log.exception("unhandled error on a dashboard page")
        return html(
            500,
            "Something went wrong",
            "Something went wrong on our side; nothing was saved. Try again, and if it "
            f"keeps happening, the server's log says why (look for request {request_id()}).",
        )
