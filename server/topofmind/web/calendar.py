"""``/calendar.ics``: the private feed of interviews and due suggestions.

Calendar apps cannot send the session cookie, so the feed is opened by a key derived from the
API token (``security.calendar_token``); a missing or wrong key gets a plain 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, request

from ..http.downloads import private_file
from ..http.guard import api_token
from ..security import calendar_token, tokens_equal
from ..services.calendar_feed import build_calendar
from .common import db, now

bp = Blueprint("web_calendar", __name__)


@bp.get("/calendar.ics")
def calendar_feed():
    expected = calendar_token(api_token())
    if not tokens_equal(request.args.get("key"), expected):
        abort(404)
    body = build_calendar(db(), now(), base_url=request.host_url.rstrip("/"))
    return private_file(body, "text/calendar", "topofmind.ics", inline=True)
