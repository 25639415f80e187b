"""The JSON API under ``/api`` (docs/api.md).

Handlers parse with a schema, call one service, dump.
"""

from __future__ import annotations

from flask import current_app
from flask_smorest import Api


def now():
    return current_app.extensions["topofmind"].clock()


def refresh(session, person_ids) -> None:
    """Recompute suggestions for the people a write touched (docs/cadence.md: after every write)."""
    from ..services.suggestions import recompute

    ids = {person_id for person_id in person_ids if person_id}
    if ids:
        recompute(session, now(), ids)


def register_blueprints(api: Api) -> None:
    from . import (
        captures,
        contacts,
        drafts,
        exports,
        health,
        imports,
        interactions,
        network,
        opportunities,
        settings,
        share_items,
        suggestions,
    )

    for module in (
        health,
        contacts,
        opportunities,
        interactions,
        suggestions,
        captures,
        settings,
        imports,
        network,
        drafts,
        share_items,
        exports,
    ):
        api.register_blueprint(module.blp)
