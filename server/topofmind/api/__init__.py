"""The JSON API under ``/api`` (docs/api.md).

Handlers parse with a schema (``topofmind.schemas``), call one service, dump. What a write
implies (recomputing the people it touched) happens inside the services' unit of work
(``services.unit_of_work``), so no handler calls it.
"""

from __future__ import annotations

from flask_smorest import Api
from flask_smorest.arguments import ArgumentsMixin
from webargs.flaskparser import FlaskParser

from ..sanitize import clean_tree


class CleaningParser(FlaskParser):
    """webargs' parser, but every JSON body loses bidi controls and NUL before any schema sees
    it: the one sanitiser at the API's boundary (``sanitize``, issue 15)."""

    def _raw_load_json(self, req):
        return clean_tree(super()._raw_load_json(req))


# Read by every blueprint's ``@blp.arguments`` when its module is imported (below, after this).
ArgumentsMixin.ARGUMENTS_PARSER = CleaningParser()


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
