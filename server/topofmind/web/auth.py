"""Dashboard sign-in by a one-time key (docs/security.md).

``topofmind open`` (and ``serve``) print ``/login?key=…``: a random key, distinct from the API
token, stored hashed, good once and for ten minutes. The link's page signs in with a POST (a
GET never writes; the page's script submits it at once), which spends the key and opens a
server-side session; the cookie holds only that session's random id. Sign-out ends the session
on the server, and rotating the API token ends them all. No page with a secret is cached.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from flask import (
    Blueprint,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ..http.clock import now
from ..http.db import db_session
from ..http.guard import SESSION_ID_KEY, check_csrf, csrf_token, has_dashboard_session
from ..security import safe_next_path
from ..services.auth import end_session, redeem_sign_in_key

bp = Blueprint("auth", __name__)

OPEN_PATHS = ("/login", "/logout", "/static/", "/api/", "/calendar.ics", "/favicon.ico")


@bp.before_app_request
def require_dashboard_session():
    if request.path.startswith(OPEN_PATHS):
        return None
    if not has_dashboard_session():
        # An old bookmark may still carry the API token (``/?token=``): never echo it onward.
        kept = {k: v for k, v in request.args.items() if k not in ("token", "key")}
        target = request.path + ("?" + urlencode(kept) if kept else "")
        return redirect(url_for("auth.login", next=safe_next_path(target)))
    return None


def _key_from(value: str) -> str:
    """The key itself, also when the whole link was pasted."""
    value = value.strip()
    if "key=" in value:
        found = parse_qs(urlsplit(value).query).get("key")
        if found:
            return found[0]
    return value


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_path = safe_next_path(request.values.get("next"))
    if request.method == "POST":
        session_id = redeem_sign_in_key(db_session(), _key_from(request.form.get("key", "")), now())
        if session_id is not None:
            session.clear()
            session[SESSION_ID_KEY] = session_id
            session.permanent = True
            csrf_token()
            return redirect(next_path, code=303)
        return render_template("login.html", failed=True, key="", next=next_path), 401
    key = request.args.get("key", "")
    return render_template("login.html", failed=False, key=key, next=next_path)


@bp.route("/logout", methods=["POST"])
def logout():
    check_csrf()
    end_session(db_session(), session.get(SESSION_ID_KEY))
    session.clear()
    return redirect(url_for("auth.login"), code=303)
