"""Every error the API raises leaves as the one error body (``http.errors.error_body``).

HTTP errors, validation errors and domain errors all leave through here, so a client (the
extension, the dashboard, a script) handles one shape.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from flask_smorest import Api
from sqlalchemy.exc import DataError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from ..errors import DomainError
from ..http.errors import error_body

log = logging.getLogger(__name__)


def flatten_locations(messages: dict) -> dict:
    """webargs nests errors by location ({"json": {"name": [...]}}); clients want field names."""
    flat: dict = {}
    for location, fields in messages.items():
        if isinstance(fields, dict):
            for field, problems in fields.items():
                flat[field] = problems
        else:
            flat[location] = fields
    return flat


class TopOfMindApi(Api):
    """flask-smorest's Api with the house error body."""

    def handle_http_exception(self, error: HTTPException):
        data = getattr(error, "data", None) or {}
        errors = data.get("errors")
        if errors is None and "messages" in data:
            errors = flatten_locations(data["messages"])
        code = error.code or 500
        message = data.get("message")
        custom = error.description and error.description != type(error).description
        if message is None and custom and code != 500:
            message = _plain(str(error.description))
        if errors and code == 422 and message is None:
            first = next(iter(errors))
            message = f"Invalid field '{first}'." if len(errors) == 1 else None
        headers = data.get("headers") or {}
        response = jsonify(error_body(code, error.name, message, errors))
        response.status_code = code
        for key, value in dict(headers).items():
            response.headers[key] = value
        if getattr(error, "response", None) is None and hasattr(error, "get_headers"):
            for key, value in error.get_headers():
                if key.lower() != "content-type":
                    response.headers.setdefault(key, value)
        return response


def _plain(description: str) -> str:
    return " ".join(str(description).split())


def register_error_handlers(app: Flask, api: TopOfMindApi) -> None:
    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError):
        names = {
            400: "Bad Request",
            404: "Not Found",
            409: "Conflict",
            413: "Payload Too Large",
            422: "Unprocessable Entity",
        }
        response = jsonify(
            error_body(error.status, names.get(error.status, "Error"), error.message, error.errors)
        )
        response.status_code = error.status
        return response

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return api.handle_http_exception(error)
        # Input no database can take: JSON nested thousands deep, a lone surrogate ("\ud800"),
        # an id past 64 bits (SQLite: OverflowError; PostgreSQL: DataError).
        if isinstance(error, RecursionError | UnicodeEncodeError | OverflowError | DataError):
            return api.handle_http_exception(
                BadRequest(
                    "A value in the request cannot be stored (too large, too deep, or not text)."
                )
            )
        log.exception("unhandled error")
        return api.handle_http_exception(InternalServerError())
