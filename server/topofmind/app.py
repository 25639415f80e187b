"""The application factory."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import __version__
from .api.errors import TopOfMindApi, register_error_handlers
from .config import load_config
from .http import db as request_db
from .http import guard, request_log
from .sanitize import clean_tree
from .security import (
    TokenKeeper,
    calendar_token,
    extension_origins,
    load_secret_key,
    prepare_data_dir,
)
from .store import migrate
from .store.database import SQLITE_BUSY_TIMEOUT_MS, make_engine, make_session_factory

log = logging.getLogger(__name__)


@dataclass
class AppState:
    """What the app shares across requests (``app.extensions["topofmind"]``)."""

    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Callable[[], datetime]


class CleaningJSONProvider(DefaultJSONProvider):
    """Every JSON body the API reads loses bidi controls and NUL before any schema sees it:
    one sanitiser at the boundary for captures and every API call (``sanitize``). Keys keep the
    order the code gives them."""

    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return clean_tree(super().loads(s, **kwargs))


class _Flask(Flask):
    json_provider_class = CleaningJSONProvider


def utc_clock() -> datetime:
    return datetime.now(UTC)


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app. Never starts the scheduler (``topofmind serve`` does that).

    ``config`` overrides the environment (see ``topofmind.config``); tests pass ``DATA_DIR``,
    ``DATABASE_URL`` and optionally ``CLOCK`` (a callable returning an aware datetime) and
    ``ENGINE`` (an engine on ``DATABASE_URL`` they own; otherwise the app makes its own, which
    ``dispose(app)`` closes).
    """
    settings = load_config(config)
    app = _Flask(__name__, static_folder="web/static", template_folder="web/templates")
    app.config.update(settings)
    data_dir = app.config["DATA_DIR"]
    prepare_data_dir(data_dir)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(data_dir)
    app.config.update(
        SESSION_COOKIE_NAME="topofmind_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        API_TITLE="Top of Mind",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
            "security": [{"bearer": []}],
            "info": {
                "description": "Local API of Top of Mind. Every call but /api/health "
                "needs 'Authorization: Bearer <token>' (`topofmind token`)."
            },
        },
    )

    # ENGINE: an engine the caller made and disposes (the test suite shares one per database).
    engine = app.config.get("ENGINE") or make_engine(
        app.config["DATABASE_URL"],
        busy_timeout_ms=app.config.get("SQLITE_BUSY_TIMEOUT_MS", SQLITE_BUSY_TIMEOUT_MS),
    )
    if app.config["AUTO_UPGRADE"]:
        migrate.upgrade(engine)
    app.extensions["topofmind"] = AppState(
        engine=engine,
        session_factory=make_session_factory(engine),
        clock=app.config.get("CLOCK") or utc_clock,
    )
    # Read the token through the keeper (``http.guard.api_token``): a rotation applies at once
    # and ends every dashboard session (docs/security.md).
    keeper = TokenKeeper(data_dir, app.config["TOKEN"], on_change=lambda: _end_sessions(app))
    app.extensions["topofmind_token"] = keeper
    app.config["TOKEN"] = keeper.value
    app.extensions["topofmind_sessions"] = lambda session_id: _session_is_open(app, session_id)

    request_log.init_app(app)  # first: every request, refused ones included, gets its id
    guard.init_app(app)
    request_db.init_app(app)
    CORS(
        app,
        resources={r"/api/*": {"origins": sorted(extension_origins(app.config["EXTENSION_IDS"]))}},
        allow_headers=["Authorization", "Content-Type"],
        methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
        max_age=600,
    )
    api = TopOfMindApi(app)
    register_error_handlers(app, api)

    from .api import register_blueprints

    register_blueprints(api)

    from .web import register_web

    register_web(app)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        return response

    return app


def dispose(app: Flask) -> None:
    """Close the database connections of an app that made its own engine (not an ``ENGINE``
    handed in: its owner disposes it)."""
    if not app.config.get("ENGINE"):
        app.extensions["topofmind"].engine.dispose()


def _end_sessions(app: Flask) -> None:
    from .services.auth import end_all_sessions

    state: AppState = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        end_all_sessions(session)


def _session_is_open(app: Flask, session_id: str | None) -> bool:
    from .services.auth import session_is_open

    if not session_id:
        return False
    state: AppState = app.extensions["topofmind"]
    with state.session_factory() as session:
        return session_is_open(session, session_id, state.clock())


def log_secrets(app: Flask) -> Callable[[], tuple[str, ...]]:
    """The values ``topofmind.logs`` must never write, read afresh for each line (the token may
    rotate while the server runs): the API token, its calendar key and the session secret."""
    keeper: TokenKeeper = app.extensions["topofmind_token"]

    def secrets() -> tuple[str, ...]:
        token = keeper.value
        return (token, calendar_token(token), str(app.config["SECRET_KEY"]))

    return secrets


def now(app: Flask) -> datetime:
    """The app's clock (injectable for tests)."""
    return app.extensions["topofmind"].clock()
