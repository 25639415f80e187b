"""Settings (``/settings``): cadence targets, budget, hours, retention, pairing, data tools."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from marshmallow import ValidationError

from ..config import DEFAULT_EXTENSION_ID
from ..domain.settings import DEFAULT_KEEP_WARM_TARGETS, CadenceSettings
from ..domain.timing import valid_zone_name
from ..errors import DomainError
from ..http.downloads import private_file
from ..http.guard import api_token
from ..schemas.settings import SettingsSchema
from ..security import calendar_token
from ..services import data_export, demo
from ..services.auth import issue_pairing_code
from ..services.settings import update_settings
from .common import (
    FormErrors,
    back,
    db,
    int_field,
    load_form,
    now,
    protect,
    settings,
    text_field,
)

bp = protect(Blueprint("web_settings", __name__))

STAGE_ORDER = tuple(stage for stage, _low, _high in DEFAULT_KEEP_WARM_TARGETS)
# The cadence numbers worth a field on the page (the rest keep their playbook defaults).
CADENCE_FIELDS = (
    ("thank_you_ideal_hours", "Thank-you: ideal within (hours)", 1, 168),
    ("thank_you_late_hours", "Thank-you: late after (hours)", 1, 336),
    ("fresh_post_hours", "A post is fresh for (hours)", 1, 336),
    ("check_in_first_business_days", "First check-in after (business days)", 1, 60),
    ("min_days_between_touches", "At least this many days between touches", 0, 30),
    ("public_engagements_cap", "Public engagements per person per 14 days", 0, 20),
)
DELETE_PHRASE = "delete everything"


def _values() -> dict:
    current = settings()
    cadence = CadenceSettings.from_mapping(
        {**current["cadence"], "user_time_zone": "UTC"}
    ).to_dict()
    return {"settings": current, "cadence": cadence}


def _render(errors=None, form=None, status=200, pairing_code=None):
    config = current_app.config
    token = api_token()
    origin = request.host_url.rstrip("/")
    return (
        render_template(
            "settings.html",
            **_values(),
            errors=errors or {},
            form=form,
            masked=token[:4] + "•" * 12 + token[-4:],
            pairing_code=pairing_code,
            server_url=origin,
            data_dir=str(config["DATA_DIR"]),
            calendar_url=f"{origin}/calendar.ics?key={calendar_token(token)}",
            extension_id=(config.get("EXTENSION_IDS") or [DEFAULT_EXTENSION_ID])[0],
            cadence_fields=CADENCE_FIELDS,
            stage_order=STAGE_ORDER,
            delete_phrase=DELETE_PHRASE,
        ),
        status,
    )


@bp.get("/settings")
def settings_page():
    return _render()


@bp.post("/settings")
def save_settings():
    errors = FormErrors()
    zone = text_field("user_time_zone", max_length=64) or "UTC"
    changes = {
        "user_name": text_field("user_name", max_length=200) or "",
        "user_time_zone": zone,
        "working_hours_start": int_field("working_hours_start", errors, low=0, high=23),
        "working_hours_end": int_field("working_hours_end", errors, low=1, high=24),
        "daily_budget": int_field("daily_budget", errors, low=1, high=100),
        "capture_retention_days": int_field("capture_retention_days", errors, low=1, high=3650),
        "digest_hour": int_field("digest_hour", errors, low=0, high=23),
    }
    if not valid_zone_name(zone):
        errors.add("user_time_zone", "Use a time zone name like Europe/Berlin or America/New_York.")
    cadence = dict(settings()["cadence"])
    for name, _label, low, high in CADENCE_FIELDS:
        cadence[name] = int_field(f"cadence_{name}", errors, low=low, high=high)
    targets = {}
    for stage in STAGE_ORDER:
        min_days = int_field(f"target_{stage}_min", errors, low=1, high=365)
        max_days = int_field(f"target_{stage}_max", errors, low=1, high=365)
        if min_days is not None and max_days is not None:
            if min_days > max_days:
                errors.add(f"target_{stage}_max", "The maximum must be at least the minimum.")
            targets[stage] = [min_days, max_days]
    cadence["keep_warm_targets"] = targets
    if not errors:
        try:
            CadenceSettings.from_mapping(cadence)
        except ValueError as problem:
            errors.add("cadence", str(problem).capitalize() + ".")
    loaded = {**changes, "cadence": cadence}
    data = load_form(SettingsSchema(), loaded, errors) if not errors else {}
    if not errors:
        try:
            update_settings(db(), data, now())
        except DomainError as problem:
            for field, messages in problem.errors.items():
                errors.add(field, "; ".join(messages))
            errors.add("form", problem.message)
    if errors:
        errors.setdefault("form", "Some settings need a fix; see the marked fields.")
        return _render(errors, request.form, 422)
    flash("Settings saved; suggestions recomputed.", "success")
    return redirect(url_for("web_settings.settings_page"), code=303)


@bp.post("/settings/pairing-code")
def pairing_code():
    """A fresh one-time code for the extension's options page (made at the click, never
    cached; the page never holds the token itself)."""
    return _render(pairing_code=issue_pairing_code(db(), now()))


@bp.get("/settings/export.json")
def export_json():
    stamp = now().strftime("%Y%m%d")
    body = json.dumps(data_export.export_data(db(), now()), ensure_ascii=False, indent=1)
    return private_file(body, "application/json", f"topofmind-export-{stamp}.json")


@bp.get("/settings/export.csv")
def export_csv():
    stamp = now().strftime("%Y%m%d")
    return private_file(data_export.contacts_csv(db()), "text/csv", f"topofmind-people-{stamp}.csv")


@bp.post("/settings/remove-demo")
def remove_demo():
    """Remove the demo data set in one click; the user's own data stays."""
    removed = demo.remove_demo(db(), now())
    flash(
        f"Removed the demo: {removed['people']} people, {removed['connections']} connections, "
        f"{removed['opportunities']} opportunities and {removed['share_items']} library items. "
        "Your own data is untouched.",
        "success",
    )
    return back("web_settings.settings_page")


@bp.post("/settings/name")
def save_name():
    """The first-run question: the user's name, used to sign drafts."""
    try:
        data = SettingsSchema(only=("user_name",)).load(
            {"user_name": text_field("user_name", max_length=200) or ""}
        )
    except ValidationError:
        data = {}
    if not data.get("user_name"):
        flash("Type your name as you sign messages.", "error")
        return back("web_today.today")
    update_settings(db(), data, now())
    flash(f"Thanks, {data['user_name']}: drafts are signed with your name.", "success")
    return back("web_today.today")


@bp.post("/settings/delete-all")
def delete_all():
    if (request.form.get("confirm") or "").strip().lower() != DELETE_PHRASE:
        flash(f"Nothing deleted: type “{DELETE_PHRASE}” to confirm.", "error")
        return redirect(url_for("web_settings.settings_page") + "#danger", code=303)
    removed = data_export.delete_everything(db())
    flash(f"Deleted all data ({removed} records). Settings were kept.", "success")
    return redirect(url_for("web_today.today"), code=303)
