"""The popup after a capture, in a real browser with the unpacked extension: it confirms what was
saved, says "Not contacted yet", and offers a next step (link to a role); a draft is edited in
the popup, mailed with the edit, and marked as sent.

Screenshots (400×600): popup-first-capture.png, popup-linked.png, popup-draft-editing.png.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.e2e.linkedin_site import load_ground_truth
from tests.support.popup import open_profile_popup, seed_interview, wait_for_state, wait_until

pytestmark = pytest.mark.browser

TRUTH = {entry["file"]: entry for entry in load_ground_truth()}


def test_a_first_capture_confirms_the_save_and_offers_a_next_step(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    name = TRUTH["profile_loggedin_02.html"]["person"]["name"]
    _, popup = open_profile_popup(paired_extension, linkedin_site, "profile_loggedin_02.html")
    saved = popup.locator("[data-saved='added']")
    assert saved.inner_text().startswith(f"Saved \u2068{name}\u2069 to your contacts")
    assert popup.locator("[data-cadence]").inner_text() == "Not contacted yet"
    assert "No contact yet" not in popup.locator("#view").inner_text()
    offer = popup.locator("[data-offer='link']")
    assert "Nothing to do for" in offer.inner_text()
    # No roles yet: a new role at their company, with their likely part in it.
    assert popup.get_by_label("Role", exact=True).input_value() == "new"
    company = TRUTH["profile_loggedin_02.html"]["person"]["company"]
    assert popup.get_by_label("Company").input_value() == (company or "")
    screenshot(popup, "first-capture")

    person_id = int(popup.locator("#view").get_attribute("data-person-id"))
    if not company:
        popup.get_by_label("Company").fill("Acme")
    popup.get_by_label("Role title").fill("Staff Engineer")
    popup.get_by_label("Their part in it").select_option("hiring_manager")
    popup.get_by_role("button", name="Link and suggest a step").click()
    popup.get_by_text("Linked to Staff Engineer").first.wait_for()

    status, page = topofmind_server.api("GET", "/api/opportunities")
    assert status == 200
    (opportunity,) = page["items"]
    assert opportunity["title"] == "Staff Engineer"
    assert [(p["person_id"], p["role"]) for p in opportunity["people"]] == [
        (person_id, "hiring_manager")
    ]
    # What the popup shows now is the person's plan as the server has it.
    status, open_ = topofmind_server.api("GET", f"/api/suggestions?person_id={person_id}")
    assert status == 200 and open_["items"], open_
    expected = sorted(s["id"] for s in open_["items"])

    def shown() -> list[int]:
        return sorted(
            popup.locator("li.suggestion").evaluate_all(
                "(cards) => cards.map((card) => Number(card.dataset.suggestionId))"
            )
        )

    # The toast says "Linked" first; the plan is drawn when the popup's fetch of it answers.
    wait_until(lambda: shown() == expected)
    assert popup.locator("[data-offer='link']").count() == 0
    popup.locator("#todo-title").evaluate("(el) => el.scrollIntoView()")
    screenshot(popup, "linked")

    # A second capture of the same profile says it was updated, not added.
    popup.reload()
    wait_for_state(popup, "profile")
    popup.locator("[data-saved]").wait_for()
    assert popup.locator("[data-saved]").get_attribute("data-saved") == "updated"


def test_edit_a_draft_in_the_popup_then_mail_and_mark_as_sent(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, popup = open_profile_popup(paired_extension, linkedin_site, "profile_loggedin_02.html")
    person_id = int(popup.locator("#view").get_attribute("data-person-id"))
    status, _ = topofmind_server.api(
        "PATCH", f"/api/contacts/{person_id}", {"email": "jane@acme.example"}
    )
    assert status == 200
    seed_interview(topofmind_server, person_id, ended_hours_ago=2)
    popup.reload()
    popup.locator("[data-loaded='true']").wait_for()
    status, open_ = topofmind_server.api(
        "GET", f"/api/suggestions?person_id={person_id}&kind=thank_you"
    )
    (thank_you,) = open_["items"]
    card = popup.locator(f"li.suggestion[data-suggestion-id='{thank_you['id']}']")
    card.locator("details.draft > summary").click()
    assert "24 hours" in card.locator(".draft-guidance").inner_text()
    text = card.get_by_label("Message")
    assert text.input_value() == thank_you["draft"]["body"]

    edited = text.input_value().replace("Best regards,", "PS: the notes follow.\n\nBest regards,")
    text.fill(edited)
    mail = card.get_by_role("link", name="Email it")
    parts = urlsplit(mail.get_attribute("href"))
    assert parts.scheme == "mailto" and unquote(parts.path) == "jane@acme.example"
    query = parse_qs(parts.query)
    assert query["body"] == [edited.replace("\n", "\r\n")]
    assert query["subject"] == [thank_you["draft"]["subject"]]
    assert card.locator(".draft-count").inner_text() == f"{len(edited)} of 2000 characters"
    card.locator("details.draft > summary").evaluate(
        "(el) => { el.scrollIntoView(); window.scrollBy(0, -56); }"
    )
    screenshot(popup, "draft-editing")

    topofmind_server.api("PATCH", "/api/settings", {"keep_message_bodies": True})
    card.get_by_role("button", name="Mark as sent", exact=False).click()
    card.wait_for(state="detached")
    popup.get_by_text("Marked as sent and logged").wait_for()
    _, done = topofmind_server.api("GET", f"/api/suggestions/{thank_you['id']}")
    assert done["status"] == "done"
    _, touches = topofmind_server.api("GET", f"/api/contacts/{person_id}/interactions")
    (sent,) = [i for i in touches["items"] if i["kind"] == "thank_you"]
    assert sent["note"] == edited
