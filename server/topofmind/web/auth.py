"""Dashboard sign-in: the tokened URL ``serve`` prints sets a session cookie, like Jupyter.

The token leaves the address bar at once (redirect), so it lands in no history or Referer.
The cookie is HttpOnly and SameSite=Strict; forms carry a CSRF token as well.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from ..http.guard import check_csrf, csrf_token, has_dashboard_session
from ..security import tokens_equal

bp = Blueprint("auth", __name__)

OPEN_PATHS = ("/login", "/logout", "/static/", "/api/", "/calendar.ics", "/favicon.ico")


def sign_in() -> None:
    session.clear()
    session["auth"] = current_app.config["SESSION_EPOCH"]
    session.permanent = True
    csrf_token()


@bp.before_app_request
def require_dashboard_session():
    if request.path.startswith(OPEN_PATHS):
        return None
    token = request.args.get("token")
    if token is not None:
        if tokens_equal(token, current_app.config["TOKEN"]):
            sign_in()
            remaining = {k: v for k, v in request.args.items() if k != "token"}
            return redirect(request.path + ("?" + urlencode(remaining) if remaining else ""))
        return redirect(url_for("auth.login", failed=1))
    if not has_dashboard_session():
        return redirect(url_for("auth.login", next=request.path))
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    failed = bool(request.args.get("failed"))
    if request.method == "POST":
        if tokens_equal(request.form.get("token", "").strip(), current_app.config["TOKEN"]):
            sign_in()
            target = request.args.get("next", "/")
            return redirect(
                target if target.startswith("/") and not target.startswith("//") else "/"
            )
        failed = True
    return render_template("login.html", failed=failed), (401 if failed else 200)


@bp.route("/logout", methods=["POST"])
def logout():
    check_csrf()
    session.clear()
    return redirect(url_for("auth.login"))
