"""Network (``/network``): every connection, imported or captured, searchable and paged."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ..errors import DomainError, NotFound
from ..schemas.network import ConnectionQuery
from ..services import network as network_service
from .common import back, db, now, protect

bp = protect(Blueprint("web_network", __name__))

SOURCE_CHOICES = (("", "Imported and captured"), ("import", "Imported"), ("capture", "Captured"))
TRACKED_CHOICES = (("", "Tracked or not"), ("true", "Tracked"), ("false", "Not tracked"))
SORT_CHOICES = (
    ("name", "Name A–Z"),
    ("-name", "Name Z–A"),
    ("connected_on", "Connected (newest)"),
    ("-connected_on", "Connected (oldest)"),
    ("last_message", "Last message (recent)"),
    ("company", "Company"),
)
FILTERS = ("q", "company", "position", "source", "tracked", "sort", "per_page")


def _query() -> tuple[dict, dict]:
    """The filters as the service takes them, and as the form shows them (bad values dropped)."""
    raw = {name: (request.args.get(name) or "").strip() for name in (*FILTERS, "page")}
    given = {name: value for name, value in raw.items() if value}
    try:
        loaded = ConnectionQuery().load(given)
    except ValidationError as error:
        for field in error.messages:
            given.pop(field, None)
            raw[field] = ""
        loaded = ConnectionQuery().load(given)
    return loaded, raw


@bp.get("/network")
def network():
    session = db()
    query, shown = _query()
    page = network_service.list_connections(session, **query)
    pages = max((page.total + page.per_page - 1) // page.per_page, 1)
    kept = {
        k: v for k, v in shown.items() if v and k != "page" and not (k == "sort" and v == "name")
    }

    def link(**changes):
        """This page's URL with ``changes`` applied, keeping the filters."""
        merged = {**kept, **changes}
        if merged.get("page") == 1:
            del merged["page"]
        return url_for("web_network.network") + ("?" + urlencode(merged) if merged else "")

    if page.total and page.page > pages:
        return redirect(link(page=pages))
    return render_template(
        "network.html",
        connections=network_service.connection_views(session, page.items),
        page=page,
        pages=pages,
        filters=shown,
        active=any(shown[name] for name in ("q", "company", "position", "source", "tracked")),
        link=link,
        here=link(page=page.page),
        totals=network_service.network_totals(session),
        companies=network_service.top_companies(session),
        source_choices=SOURCE_CHOICES,
        tracked_choices=TRACKED_CHOICES,
        sort_choices=SORT_CHOICES,
    )


@bp.post("/network/<int:connection_id>/track")
def track(connection_id: int):
    try:
        person = network_service.track_connection(db(), connection_id, now())
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(error.message, "error")
        return back("web_network.network")
    flash(f"Now tracking {person.name}: suggestions for them appear on Today.", "success")
    return back("web_network.network")
