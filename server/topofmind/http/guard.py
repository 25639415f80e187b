"""Checks every request passes before any handler runs (see ``topofmind.security``)."""

from __future__ import annotations

import secrets

from flask import Flask, abort, current_app, g, request, session

from ..security import allowed_hosts, extension_origins, own_origins, tokens_equal

# API paths open without the token; dashboard paths are signed in by ``web.auth`` instead.
PUBLIC_PATHS = {"/api/health", "/api/openapi.json", "/api/pairing/redeem"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_SESSION_KEY = "csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FORM_FIELD = "csrf_token"


def csrf_token() -> str:
    """This dashboard session's CSRF token (created on first use)."""
    if CSRF_SESSION_KEY not in session:
        session[CSRF_SESSION_KEY] = secrets.token_urlsafe(24)
    return session[CSRF_SESSION_KEY]


SESSION_ID_KEY = "sid"


def api_token() -> str:
    """The API token in force now (a rotation applies at once; ``security.TokenKeeper``)."""
    return current_app.extensions["topofmind_token"].value


def has_dashboard_session() -> bool:
    """True when the cookie names a session the server still holds (signed in by a one-time
    key, not signed out, not ended by a token rotation). The cookie carries only the session's
    random id, never any part of the token."""
    if "dashboard_session" not in g:
        api_token()  # a rotation noticed here ends the sessions before they are checked
        check = current_app.extensions["topofmind_sessions"]
        g.dashboard_session = check(session.get(SESSION_ID_KEY))
    return g.dashboard_session


def check_csrf() -> None:
    """Refuse an unsafe dashboard request without this session's CSRF token."""
    given = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FORM_FIELD)
    if not tokens_equal(given, session.get(CSRF_SESSION_KEY, "")):
        abort(403, description="The form expired or came from another site; reload and retry.")


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def init_app(app: Flask) -> None:
    @app.before_request
    def guard():
        config = current_app.config
        port = config["PORT"]
        # DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host.
        if request.host not in allowed_hosts(port):
            abort(403, description=f"Unknown Host header; use http://127.0.0.1:{port}/.")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in own_origins(port) | extension_origins(
            config["EXTENSION_IDS"]
        ):
            abort(403, description="Requests from this origin are not allowed.")
        if request.method == "OPTIONS" or request.path.startswith("/static/"):
            return None
        if not request.path.startswith("/api/"):
            # Dashboard pages: another site (or another port of 127.0.0.1) may link here, but
            # may not fetch or embed them behind the user's session.
            site = request.headers.get("Sec-Fetch-Site", "same-origin")
            mode = request.headers.get("Sec-Fetch-Mode", "navigate")
            if site not in ("same-origin", "none") and mode != "navigate":
                abort(403, description="Requests from this origin are not allowed.")
            return None
        if request.path in PUBLIC_PATHS:
            return None
        if tokens_equal(bearer_token(), api_token()):
            return _require_json_body()
        if has_dashboard_session():
            # Another port of 127.0.0.1 is the same *site*, so SameSite=Strict still sends the
            # cookie, and a no-cors GET carries no Origin: only our own pages may use the session.
            if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
                abort(403, description="Requests from this origin are not allowed.")
            if request.method in UNSAFE_METHODS:
                check_csrf()
            return _require_json_body()
        abort(401)


def _require_json_body():
    # A cross-site page can POST text/plain without a preflight; only JSON and uploads are read.
    if request.method in UNSAFE_METHODS and request.content_length:
        mimetype = request.mimetype
        if mimetype != "application/json" and not mimetype.startswith("multipart/form-data"):
            abort(415)
    return None
