"""Your posting (``/posting``): the user's own posts over time against their weekly target."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ..schemas.settings import SettingsSchema
from ..services import thought_leadership
from ..services.settings import update_settings
from .charts import bar_chart
from .common import db, now, protect, settings, user_zone

bp = protect(Blueprint("web_posting", __name__))

WEEKS = 12


def _render(errors: dict | None = None, status: int = 200):
    session, moment = db(), now()
    weeks = thought_leadership.posts_per_week(session, moment, user_zone(), WEEKS)
    target = settings()["posts_per_week_target"]
    labels = [f"{start.astimezone(user_zone()):%d %b}" for start, _ in weeks]
    return render_template(
        "posting.html",
        status=thought_leadership.posting_status(session, moment),
        weeks=weeks,
        chart=bar_chart([[count for _, count in weeks]], labels, target or None),
        weeks_on_target=sum(1 for _, count in weeks if target and count >= target),
        posts_in_chart=sum(count for _, count in weeks),
        target=target,
        posts=thought_leadership.own_posts(session, 15),
        interests=thought_leadership.contact_interests(session, moment, 10),
        errors=errors or {},
    ), status


@bp.get("/posting")
def posting_page():
    return _render()


@bp.post("/posting/target")
def save_target():
    raw = (request.form.get("posts_per_week_target") or "").strip()
    try:
        data = SettingsSchema(only=("posts_per_week_target",)).load(
            {"posts_per_week_target": int(raw) if raw.isdigit() else raw}
        )
        if not 0 <= data["posts_per_week_target"] <= 14:
            raise ValidationError({"posts_per_week_target": ["Out of range."]})
    except ValidationError:
        return _render({"posts_per_week_target": "Enter a whole number from 0 to 14."}, 422)
    update_settings(db(), data, now())
    flash("Target saved.", "success")
    return redirect(url_for("web_posting.posting_page"), code=303)
