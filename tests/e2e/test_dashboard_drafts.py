"""From draft to sent on the dashboard, in a real browser: edit the draft in place, the mail link
follows the edit, copy, open the LinkedIn profile or the post, mark as sent with the day it went.

Screenshots (1280×800): dashboard-today-draft-editor.png, dashboard-person-draft-editor.png.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.support.screenshots import dashboard_screenshot as screenshot

pytestmark = pytest.mark.browser

EMAIL = "priya.raman@example.com"


def open_suggestions(server) -> list[dict]:
    return server.api("GET", "/api/suggestions?per_page=200")["items"]


def find(server, kind: str, name: str | None = None, channel: str | None = None) -> dict:
    for item in open_suggestions(server):
        draft = item.get("draft") or {}
        if item["kind"] != kind or (name and item["person_name"] != name):
            continue
        if channel and draft.get("channel") != channel:
            continue
        return item
    raise AssertionError(f"no open {kind} suggestion for {name or 'anyone'}")


def test_edit_then_mail_copy_and_mark_as_sent_on_today(signed_in, dashboard_server):
    page = signed_in
    server = dashboard_server
    thank_you = find(server, "thank_you", "Priya Raman")
    server.api("PATCH", f"/api/contacts/{thank_you['person_id']}", {"email": EMAIL})
    thank_you = find(server, "thank_you", "Priya Raman")
    assert thank_you["draft"]["handoff"]["action"] == "email"

    page.goto(server.url + "/")
    card = page.locator(f"#suggestion-{thank_you['id']}")
    card.locator("details.draft > summary").click()
    editor = card.locator("textarea.draft-body")
    assert editor.input_value() == thank_you["draft"]["body"]
    assert "how to send it" in card.locator(".draft-guidance").inner_text().lower()
    assert "24 hours" in card.locator(".draft-guidance").inner_text()

    # Edit in place: the mail link carries the edited text, subject and address.
    edited = editor.input_value().replace(
        "Best regards,", "PS: I'll send the write-up I mentioned.\n\nBest regards,"
    )
    editor.fill(edited)
    card.get_by_label("Subject").fill("Thank you, and the write-up")
    link = card.get_by_role("link", name=f"Open in your email app (to {EMAIL})")
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == EMAIL
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thank you, and the write-up"]
    assert query["body"] == [edited.replace("\n", "\r\n")]
    count = card.locator("[data-draft-count]").inner_text()
    assert count.startswith(f"{len(edited)} of 2000")

    card.get_by_role("button", name="Copy draft").click()
    card.get_by_role("button", name="Copied").wait_for()  # the clipboard answers asynchronously
    assert card.get_by_role("button", name="Copied").count() == 1

    card.locator("details.draft").scroll_into_view_if_needed()
    screenshot(page, "today-draft-editor")

    # Mark as sent, dated yesterday: the interaction is logged on that day with the sent text.
    yesterday = date.fromisoformat(card.get_by_label("Sent on").input_value()) - timedelta(days=1)
    card.get_by_label("Sent on").fill(yesterday.isoformat())
    card.get_by_role("button", name="Mark as sent").click()
    flash = page.locator(".flash.success").inner_text()
    assert "Marked as sent on" in flash and "thank you" in flash.lower()
    assert page.locator(f"#suggestion-{thank_you['id']}").count() == 0
    done = server.api("GET", f"/api/suggestions/{thank_you['id']}")
    assert done["status"] == "done"
    logged = server.api("GET", f"/api/contacts/{thank_you['person_id']}/interactions")["items"]
    latest = next(i for i in logged if i["kind"] == "thank_you" and i["source"] == "suggestion")
    assert datetime.fromisoformat(latest["occurred_at"]).date() in (
        yesterday,
        yesterday + timedelta(days=1),  # noon in the user's zone may be the next UTC day
    )
    assert latest["note"].startswith("Sent a thank-you note")
    assert page.console_errors == []


def test_a_message_opens_the_profile_and_a_comment_opens_the_post(signed_in, dashboard_server):
    page = signed_in
    server = dashboard_server
    page.goto(server.url + "/")
    message = next(
        (
            item
            for item in open_suggestions(server)
            if (item.get("draft") or {}).get("handoff", {}).get("action") == "profile"
        ),
        None,
    )
    assert message is not None
    person = server.api("GET", f"/api/contacts/{message['person_id']}")
    card = page.locator(f"#suggestion-{message['id']}")
    card.locator("details.draft > summary").click()
    link = card.locator(".draft-actions a")
    assert link.get_attribute("href") == message["draft"]["handoff"]["url"]
    if message["kind"] != "ask_intro":
        assert link.get_attribute("href") == person["profile_url"]
    assert "LinkedIn profile" in link.inner_text()
    assert link.get_attribute("target") == "_blank"

    comments = [
        item
        for item in open_suggestions(server)
        if (item.get("draft") or {}).get("channel") == "comment"
    ]
    if comments:
        comment = comments[0]
        card = page.locator(f"#suggestion-{comment['id']}")
        card.locator("details.draft > summary").click()
        link = card.get_by_role("link", name="Open the post to comment")
        assert link.get_attribute("href") == comment["post_url"]
        assert "“" in card.locator("textarea.draft-body").input_value()
    assert page.console_errors == []


def test_the_person_page_opens_the_first_draft_for_editing(signed_in, dashboard_server):
    page = signed_in
    server = dashboard_server
    item = next(i for i in open_suggestions(server) if i.get("draft") and i["draft"]["body"])
    page.goto(f"{server.url}/contacts/{item['person_id']}")
    first = page.locator("details.draft").first
    assert first.get_attribute("open") is not None
    editor = first.locator("textarea.draft-body")
    editor.fill(editor.input_value() + "\nOne more line.")
    assert "One more line." in editor.input_value()
    assert first.locator(".draft-guidance").inner_text().lower().startswith("how to send it")
    first.scroll_into_view_if_needed()
    screenshot(page, "person-draft-editor")
    assert page.console_errors == []
