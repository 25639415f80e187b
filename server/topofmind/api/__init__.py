"""The JSON API under ``/api`` (design §3). Handlers parse with a schema, call one service, dump."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Api


def now():
    return current_app.extensions["topofmind"].clock()


def register_blueprints(api: Api) -> None:
    from . import captures, contacts, health, interactions, opportunities, settings, suggestions

    for module in (health, contacts, opportunities, interactions, suggestions, captures, settings):
        api.register_blueprint(module.blp)
