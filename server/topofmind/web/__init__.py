"""The local dashboard (server-rendered pages, same origin as the API)."""

from __future__ import annotations

from flask import Flask


def register_web(app: Flask) -> None:
    from .auth import bp as auth_bp

    app.register_blueprint(auth_bp)
