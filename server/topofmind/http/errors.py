"""The one error body: ``{"code", "status", "message", "errors": {"field": ["…"]}}``.

HTTP errors, validation errors and domain errors all leave through here, so a client (the
extension, the dashboard, a script) handles one shape (docs/api.md).
"""

from __future__ import annotations

DEFAULT_MESSAGES = {
    400: "The request could not be understood.",
    401: "A valid token is required: send 'Authorization: Bearer <token>' (see `topofmind token`).",
    403: "This request is not allowed from here.",
    404: "Nothing here by that id.",
    405: "That method is not allowed on this resource.",
    409: "That conflicts with what is already stored.",
    413: "The request body is too large.",
    415: "Send JSON (Content-Type: application/json).",
    422: "Some fields are invalid; see 'errors'.",
    429: "Too many requests; try again shortly.",
    500: "Something went wrong on our side; nothing was saved.",
}


def error_body(code: int, status: str, message: str | None = None, errors=None) -> dict:
    body = {
        "code": code,
        "status": status,
        "message": message or DEFAULT_MESSAGES.get(code, status),
    }
    if errors:
        body["errors"] = errors
    return body
