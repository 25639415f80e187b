"""Share library (``/share``): what is worth sending, who it suits and why, what went to whom."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from marshmallow import ValidationError

from ..errors import Conflict, NotFound
from ..schemas.drafts import SentIn, ShareItemCreate, ShareItemQuery
from ..services import share_queue
from ..services.people import get_person
from .common import back, db, now, protect, split_list, text_field

bp = protect(Blueprint("web_share", __name__))

KIND_CHOICES = (("article", "Article"), ("finding", "Finding"), ("own_post", "My own post"))
PER_PAGE = 10
MATCHES_SHOWN = 5


def _render(form: dict | None = None, errors: dict | None = None, status: int = 200):
    session, moment = db(), now()
    try:
        query = ShareItemQuery().load(
            {k: v for k, v in request.args.items() if k in ("kind", "page") and v}
        )
    except ValidationError:
        query = {"page": 1}
    page = share_queue.list_items(
        session, kind=query.get("kind"), page=query["page"], per_page=PER_PAGE
    )
    items = share_queue.item_views(session, page.items)
    ids = [item["id"] for item in items]
    pages = max((page.total + page.per_page - 1) // page.per_page, 1)

    def link(**changes):
        merged = {k: v for k, v in {**query, **changes}.items() if v and v != 1}
        return url_for("web_share.share_page") + ("?" + urlencode(merged) if merged else "")

    return render_template(
        "share.html",
        items=items,
        matches=share_queue.matches_for_items(session, page.items, moment, MATCHES_SHOWN),
        sent=share_queue.sent_records(session, ids),
        page=page,
        pages=pages,
        kind=query.get("kind") or "",
        link=link,
        here=link(page=page.page),
        kind_choices=KIND_CHOICES,
        form=form or {},
        errors=errors or {},
    ), status


@bp.get("/share")
def share_page():
    return _render()


@bp.post("/share")
def add_item():
    raw = {
        "url": text_field("url", max_length=1000),
        "title": text_field("title", max_length=500) or "",
        "kind": request.form.get("kind") or "article",
        "topics": split_list(text_field("topics", max_length=2000)),
        "note": text_field("note", max_length=5000),
    }
    try:
        data = ShareItemCreate().load(raw)
    except ValidationError as error:
        errors = {
            field: "; ".join(messages) if isinstance(messages, list) else "Check this field."
            for field, messages in error.messages_dict.items()
        }
        if "title" in errors:
            errors["title"] = "Give it a title."
        if "url" in errors:
            errors["url"] = "Use a full web address starting with https://."
        return _render(request.form.to_dict(), errors, 422)
    item = share_queue.create_item(db(), data, now())
    flash(f"Added “{item.title}” to your library.", "success")
    return redirect(url_for("web_share.share_page") + f"#item-{item.id}", code=303)


@bp.post("/share/<int:item_id>/sent")
def mark_sent(item_id: int):
    try:
        data = SentIn().load({"person_id": request.form.get("person_id")})
    except ValidationError:
        flash("Choose who you sent it to.", "error")
        return back("web_share.share_page")
    try:
        share_queue.mark_sent(db(), item_id, data["person_id"], now())
    except NotFound:
        abort(404)
    except Conflict as error:
        flash(error.message, "error")
        return back("web_share.share_page")
    name = get_person(db(), data["person_id"]).name
    flash(f"Recorded as sent to {name}; it will not be suggested to them again.", "success")
    return back("web_share.share_page")


@bp.post("/share/<int:item_id>/delete")
def delete_item(item_id: int):
    try:
        share_queue.delete_item(db(), item_id, now())
    except NotFound:
        abort(404)
    flash("Removed from your library.", "success")
    return back("web_share.share_page")
