"""The JSON API under ``/api`` (docs/api.md).

Handlers parse with a schema (``topofmind.schemas``), call one service, dump. What a write
implies (recomputing the people it touched) happens inside the services' unit of work
(``services.unit_of_work``), so no handler calls it.
"""

from __future__ import annotations

from flask_smorest import Api


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
        pairing,
        settings,
        share_items,
        suggestions,
    )

    for module in (
        health,
        pairing,
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
