"""Helpers shared by the dashboard's page handlers: the session, the clock, forms, display.

Pages follow POST-redirect-GET: a handler that changes something flashes one message and
redirects; a form with bad input is rendered again (status 422) with the message next to the
field and what the user typed kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, overload
from zoneinfo import ZoneInfo

import marshmallow as ma
from flask import Blueprint, g, redirect, request, url_for
from marshmallow import ValidationError
from sqlalchemy.orm import Session

from ..http.clock import now
from ..http.db import db_session
from ..http.guard import check_csrf
from ..sanitize import clean_text
from ..services.demo import demo_present as demo_data_present
from ..services.settings import get_settings


def db() -> Session:
    """This request's database session (committed by ``http.db`` after the response)."""
    return db_session()


def settings() -> dict:
    """The user's settings, read once per request."""
    if "tom_settings" not in g:
        g.tom_settings = get_settings(db())
    return g.tom_settings


def demo_present() -> bool:
    """Whether the demo data set is stored (asked once per request, by the page banner)."""
    if "tom_demo" not in g:
        g.tom_demo = demo_data_present(db())
    return g.tom_demo


def needs_name() -> bool:
    """Whether the user has not told us their name yet (drafts are signed with it)."""
    return not (settings().get("user_name") or "").strip()


def user_zone() -> ZoneInfo:
    try:
        return ZoneInfo(settings()["user_time_zone"] or "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def protect(bp: Blueprint) -> Blueprint:
    """Every unsafe request to ``bp`` must carry this session's CSRF token."""

    @bp.before_request
    def _csrf():
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            check_csrf()

    return bp


def back(default: str, **values):
    """Redirect (303) to the form's ``next`` field when it is a local path, else ``default``."""
    target = request.form.get("next") or ""
    if not target.startswith("/") or target.startswith("//"):
        target = url_for(default, **values)
    return redirect(target, code=303)


class FormErrors(dict):
    """field → the first message about it; a handler re-renders its form when any are present."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)


def load_form(
    schema: ma.Schema,
    raw: Mapping[str, Any],
    errors: FormErrors,
    messages: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """``raw`` (the form's values, already read with the helpers below) loaded by ``schema`` —
    the API's schema for the same write, so the dashboard accepts exactly what the API accepts.

    Each field the schema rejects gets ``messages[field]`` (a sentence for the form) or else the
    schema's own first message, in ``errors``; the loaded data is then ``{}``.
    """
    try:
        return dict(schema.load(raw))
    except ValidationError as error:
        for field, problems in error.messages_dict.items():
            first = problems[0] if isinstance(problems, list) and problems else "Check this field."
            errors.add(field, (messages or {}).get(field) or str(first))
        return {}


def text_field(name: str, *, max_length: int = 2000) -> str | None:
    """A form field's text, stripped of bidi controls and NUL (``sanitize``)."""
    value = clean_text(request.form.get(name) or "").strip()
    return value[:max_length] or None


def int_field(
    name: str,
    errors: FormErrors,
    *,
    low: int | None = None,
    high: int | None = None,
    required: bool = True,
) -> int | None:
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if required:
            errors.add(name, "Required.")
        return None
    try:
        value = int(raw)
    except ValueError:
        errors.add(name, "Enter a whole number.")
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        errors.add(
            name,
            f"Enter a number from {low} to {high}."
            if low is not None and high is not None
            else "That number is out of range.",
        )
        return None
    return value


def datetime_field(name: str, errors: FormErrors, *, required: bool = True) -> datetime | None:
    """A ``datetime-local`` input, read in the user's time zone, returned in UTC."""
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if required:
            errors.add(name, "Required.")
        return None
    try:
        naive = datetime.fromisoformat(raw)
    except ValueError:
        errors.add(name, "Use a date and time like 2026-11-25T14:30.")
        return None
    if naive.tzinfo is None:
        naive = naive.replace(tzinfo=user_zone())
    return naive.astimezone(UTC)


def date_field(name: str, errors: FormErrors) -> date | None:
    raw = (request.form.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.add(name, "Use a date like 2026-12-01.")
        return None


def split_list(raw: str | None, *, separators: str = ",\n") -> list[str]:
    """Comma- or line-separated text as a clean list (tags, topics)."""
    text = raw or ""
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


# Display -------------------------------------------------------------------------------------


@overload
def local(moment: datetime) -> datetime: ...
@overload
def local(moment: None) -> None: ...
def local(moment: datetime | None) -> datetime | None:
    """``moment`` in the user's time zone (a naive one is taken as UTC); None stays None."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(user_zone())


def format_when(moment: datetime | None) -> str:
    """``Wed 25 Nov, 15:00`` in the user's time zone (the year only when not this year)."""
    if moment is None:
        return "—"
    shown = local(moment)
    year = "" if shown.year == local(now()).year else f" {shown.year}"
    return f"{shown:%a} {shown.day} {shown:%b}{year}, {shown:%H:%M}"


def format_day(moment: datetime | date | None) -> str:
    if moment is None:
        return "—"
    shown = local(moment) if isinstance(moment, datetime) else moment
    year = "" if shown.year == local(now()).year else f" {shown.year}"
    return f"{shown:%a} {shown.day} {shown:%b}{year}"


def relative(moment: datetime | None) -> str:
    """``in 3 h``, ``2 d ago``, ``now`` — relative to the app's clock."""
    if moment is None:
        return "never"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - now()
    future = delta > timedelta(0)
    seconds = abs(delta.total_seconds())
    if seconds < 90:
        return "now"
    if seconds < 3600:
        amount = f"{round(seconds / 60)} min"
    elif seconds < 48 * 3600:
        amount = f"{round(seconds / 3600)} h"
    elif seconds < 60 * 86400:
        amount = f"{round(seconds / 86400)} d"
    elif seconds < 730 * 86400:
        amount = f"{round(seconds / (30 * 86400))} mo"
    else:
        amount = f"{round(seconds / (365 * 86400))} y"
    return f"in {amount}" if future else f"{amount} ago"


def input_datetime(moment: datetime | None) -> str:
    """The value a ``datetime-local`` input shows, in the user's time zone."""
    return local(moment).strftime("%Y-%m-%dT%H:%M") if moment else ""


def safe_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL, else None: stored URLs become links only then.

    The CSP already blocks ``javascript:`` links; this keeps them from being rendered at all.
    """
    text = (value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def label(value: str | None) -> str:
    """``hiring_manager`` → ``Hiring manager``; ``linkedin_note`` → ``LinkedIn note``."""
    return (value or "").replace("_", " ").capitalize().replace("Linkedin", "LinkedIn")
