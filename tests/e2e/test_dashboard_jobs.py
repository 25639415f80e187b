"""The pipeline card of a role saved from a LinkedIn job posting, in real Chromium: where it came
from, the link to the posting, its hiring team, and a role changed from the card. The dashboard
runs on the demo data set, with a real job page captured through the API (as the extension
sends it). Screenshot (1280×800) to docs/screenshots/ when TOPOFMIND_SCREENSHOTS=1.
"""

from __future__ import annotations

import uuid

import pytest

from tests.support.fixtures import page_text, truth_for
from tests.support.screenshots import dashboard_screenshot as screenshot

pytestmark = pytest.mark.browser

PAGE = "en_job_loggedin_ember2026_hiring_team.html"


@pytest.fixture(scope="module")
def saved_posting(dashboard_server) -> dict:
    body = dashboard_server.api(
        "POST",
        "/api/captures",
        {
            "id": str(uuid.uuid4()),
            "url": truth_for(PAGE)["url"],
            "html": page_text(PAGE),
            "captured_at": "2026-11-25T14:59:00Z",
        },
    )
    assert body["saved"] == "created", body
    return body["posting"]


def test_the_pipeline_card_of_a_saved_posting(signed_in, dashboard_server, saved_posting):
    page = signed_in
    page.goto(f"{dashboard_server.url}/pipeline")
    card = page.locator(f"#opportunity-{saved_posting['id']}")
    column = page.locator("section.column", has=card)
    assert column.locator(".column-title").inner_text().startswith("Interested")

    assert card.locator("h3").inner_text() == "Creative Director"
    assert "US Tech Solutions · New York, NY · Hybrid" in card.locator(".company").inner_text()
    assert card.locator(".opp-source").inner_text().startswith("From a LinkedIn job posting")
    posting_link = card.get_by_role("link", name="Open the posting")
    assert posting_link.get_attribute("href") == "https://www.linkedin.com/jobs/view/4361442478/"
    assert posting_link.get_attribute("rel") == "noopener noreferrer"
    member = card.locator("li.hiring-team")
    assert member.count() == 1
    assert "Sujith Reddy" in member.inner_text() and "posted this job" in member.inner_text()
    picker = member.get_by_label("Role of Sujith Reddy")
    assert picker.input_value() == "recruiter"
    card.scroll_into_view_if_needed()
    screenshot(page, "pipeline-job")

    # The role picker submits itself (progressive enhancement under the CSP).
    picker.select_option("hiring_manager")
    page.wait_for_url(f"**/pipeline#opportunity-{saved_posting['id']}")
    page.get_by_text("Sujith Reddy is now the hiring manager.").wait_for()
    card = page.locator(f"#opportunity-{saved_posting['id']}")
    assert card.get_by_label("Role of Sujith Reddy").input_value() == "hiring_manager"
    stored = dashboard_server.api("GET", f"/api/opportunities/{saved_posting['id']}")
    assert [(p["name"], p["role"]) for p in stored["people"]] == [
        ("Sujith Reddy", "hiring_manager")
    ]
    assert page.console_errors == []


def test_the_person_page_lists_the_job_they_posted(signed_in, dashboard_server, saved_posting):
    page = signed_in
    person_id = saved_posting["hiring_team"][0]["person"]["id"]
    page.goto(f"{dashboard_server.url}/contacts/{person_id}")
    section = page.locator("section", has=page.locator("#postings-title"))
    assert section.locator("h2").inner_text() == "Jobs they posted"
    assert "Creative Director · US Tech Solutions" in section.inner_text()
    section.scroll_into_view_if_needed()
    screenshot(page, "person-posted-job")
    section.get_by_role("link", name="Creative Director · US Tech Solutions").click()
    page.wait_for_url(f"**/pipeline#opportunity-{saved_posting['id']}")
    assert page.console_errors == []
