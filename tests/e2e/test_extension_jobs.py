"""The popup on LinkedIn job pages, end to end: Debian Chromium with the unpacked extension, the
real Top of Mind server, and the local https://www.linkedin.com serving the saved job pages.

A job view is saved to the pipeline with its hiring team and each member's next step from the
suggestions engine (undo, save again); on a job search, one result is saved with one click.
Screenshots (400×600) go to docs/screenshots/ when TOPOFMIND_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.linkedin_site import FIXTURES_DIR, LinkedInSite
from tests.support.popup import wait_for_state, wait_until

pytestmark = pytest.mark.browser

JOB_PAGE = "en_job_loggedin_ember2026_hiring_team.html"
SEARCH_PAGE = "en_job_search_loggedin_ember2026_with_hiring_team.html"
PROFILE_PAGE = "profile_loggedin_02.html"
# The hiring-team page with Sri Lalitha Jeevanige (profile_loggedin_02.html) as its hiring
# manager, a 2nd-degree contact: the story of a user who looked at her profile before.
WARM_PAGE = "job_hiring_manager_2nd_degree.html"


def _warm_page(source: Path) -> str:
    html = source.read_text("utf-8", "replace")
    html = html.replace("sujith-reddy-00b243128", "sri-lalitha-jeevanige-35520a61")
    html = html.replace("Sujith Reddy", "Sri Lalitha Jeevanige")
    html = re.sub(r'(hirer-card__connection-degree" dir="ltr">\s*<!---->)3rd', r"\g<1>2nd", html)
    return html.replace(
        "Talent Acquisition Leader | Contract &amp; Contingent Workforce | MSP Recruiter | "
        "Connecting Fashion, Consumer Electronics &amp; IT Professionals",
        "Head of Creative at US Tech Solutions | Brand, campaigns, photo and video",
    )


@pytest.fixture(scope="module")
def linkedin_site(tmp_path_factory) -> Iterator[LinkedInSite]:
    """The repository's saved pages plus the hiring-manager variant of the job page."""
    folder = tmp_path_factory.mktemp("linkedin-jobs")
    truths = json.loads((FIXTURES_DIR / "ground_truth.json").read_text("utf-8"))
    wanted = {JOB_PAGE, SEARCH_PAGE, PROFILE_PAGE, "en_job_search_guest_2024.html"}
    entries = [entry for entry in truths if entry["file"] in wanted]
    for entry in entries:
        shutil.copyfile(FIXTURES_DIR / entry["file"], folder / entry["file"])
    (folder / WARM_PAGE).write_text(_warm_page(FIXTURES_DIR / JOB_PAGE), "utf-8")
    job_entry = next(entry for entry in entries if entry["file"] == JOB_PAGE)
    entries.append({"file": WARM_PAGE, "url": job_entry["url"], "kind": "job"})
    (folder / "ground_truth.json").write_text(json.dumps(entries), "utf-8")
    with LinkedInSite(folder) as site:
        yield site


def opportunities(server) -> list[dict]:
    status, body = server.api("GET", "/api/opportunities")
    assert status == 200, body
    return body["items"]


def contacts_total(server) -> int:
    status, body = server.api("GET", "/api/contacts")
    assert status == 200, body
    return body["total"]


def test_the_popup_saves_a_job_page_with_its_hiring_team(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, tab_id = paired_extension.open_tab(linkedin_site.url(JOB_PAGE))
    popup = paired_extension.open_popup(tab_id)
    view = wait_for_state(popup, "posting")

    assert view.get_by_text("Saved to your pipeline").is_visible()
    assert view.locator("h1").inner_text() == "Creative Director"
    assert "US Tech Solutions · New York, NY" in view.inner_text()
    assert "Hybrid · Contract · 1 day ago · 41 applicants" in view.inner_text()
    member = view.locator("li.member")
    assert member.count() == 1
    assert member.locator(".author").inner_text() == "Sujith Reddy"
    assert member.locator(".degree").inner_text() == "3rd+"
    assert member.locator(".member-role").inner_text() == "Recruiter · posted this job"
    (saved,) = opportunities(topofmind_server)
    assert saved["linkedin_job_id"] == "4361442478" and saved["stage"] == "interested"
    assert [(p["name"], p["role"]) for p in saved["people"]] == [("Sujith Reddy", "recruiter")]
    assert view.get_attribute("data-opportunity-id") == str(saved["id"])
    # The page is over the extension's 1.5 M characters: what was read came from the trimmed
    # capture (head, main, <code> JSON), like any large page.
    status, captures = topofmind_server.api("GET", "/api/captures")
    assert status == 200
    (stored,) = captures["items"]
    status, summary = topofmind_server.api("GET", f"/api/captures/{stored['id']}")
    assert summary["html_bytes"] < (linkedin_site.fixtures_dir / JOB_PAGE).stat().st_size
    member.locator(".links").scroll_into_view_if_needed()
    screenshot(popup, "job-posting-recruiter")

    popup.evaluate("() => window.scrollTo(0, 0)")
    popup.get_by_role("button", name="Undo: remove from your pipeline").click()
    removed = wait_for_state(popup, "posting-removed")
    assert removed.get_by_text("Removed from your pipeline").is_visible()
    assert removed.get_by_role("link", name="Open in your pipeline").count() == 0
    screenshot(popup, "job-posting-undone")
    assert opportunities(topofmind_server) == []
    assert contacts_total(topofmind_server) == 0

    popup.get_by_role("button", name="Save again").click()
    view = wait_for_state(popup, "posting")
    assert view.get_by_text("Saved to your pipeline").is_visible()
    assert len(opportunities(topofmind_server)) == 1
    assert contacts_total(topofmind_server) == 1

    # Opening the popup on the same posting again updates it: still one role, one person.
    again = paired_extension.open_popup(tab_id)
    wait_for_state(again, "posting")
    assert again.locator("#view").get_by_text("Already in your pipeline").is_visible()
    assert len(opportunities(topofmind_server)) == 1
    assert contacts_total(topofmind_server) == 1


def import_connections(server, csv_text: str) -> dict:
    """POST /api/imports/linkedin with a Connections.csv, as the dashboard's import form does."""
    boundary = "----topofmind-test"
    body = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="file"; filename="Connections.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
        f"{csv_text}\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        f"{server.url}/api/imports/linkedin",
        data=body,
        method="POST",
        headers={
            "Authorization": f"Bearer {server.token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_the_hiring_managers_next_step_is_a_warm_introduction(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    """The engine's warm-introduction rule, not the popup, picks the step: Sudipta Dey is one
    of the user's connections (from their LinkedIn export) and a mutual connection of the
    2nd-degree hiring manager, whose profile the user captured before."""
    report = import_connections(
        topofmind_server,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sudipta,Dey,https://www.linkedin.com/in/sudipta-dey-x/,,Swedbank,Producer,01 Mar 2025\n",
    )
    assert report["added"] == 1, report
    _, profile_tab = paired_extension.open_tab(linkedin_site.url(PROFILE_PAGE))
    wait_for_state(paired_extension.open_popup(profile_tab), "profile")

    _, tab_id = paired_extension.open_tab(linkedin_site.url(WARM_PAGE))
    popup = paired_extension.open_popup(tab_id)
    view = wait_for_state(popup, "posting")

    member = view.locator("li.member")
    assert member.locator(".author").inner_text() == "Sri Lalitha Jeevanige"
    assert member.locator(".degree").inner_text() == "2nd"
    assert member.locator(".member-role").inner_text() == "Hiring manager · posted this job"
    assert "Sudipta Dey" in member.locator(".mutual").inner_text()
    step = member.locator("li.suggestion")
    assert step.count() >= 1
    assert "Warm introduction" in step.first.locator(".kind").inner_text()
    reason = step.first.locator(".reason").inner_text()
    assert "Sudipta Dey" in reason and "Creative Director" in reason
    popup.evaluate("() => window.scrollTo(0, 0)")
    screenshot(popup, "job-posting")


def test_the_popup_on_a_job_search_saves_one_result(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, tab_id = paired_extension.open_tab(linkedin_site.url(SEARCH_PAGE))
    popup = paired_extension.open_popup(tab_id)
    view = wait_for_state(popup, "job-search")

    results = view.locator("li.job-result")
    assert results.count() == 7  # the rendered cards; 18 LinkedIn had not drawn yet
    assert "18 more results LinkedIn has not shown yet" in view.inner_text()
    assert "25 results" in view.locator(".summary").inner_text()
    assert opportunities(topofmind_server) == []  # a search saves nothing by itself

    popup.get_by_role("button", name="Save Virtual Production Consultant to your pipeline").click()
    card = view.locator("li.job-result[data-job-id='4346045017']")
    card.locator(".pill", has_text="Saved").wait_for()
    (saved,) = opportunities(topofmind_server)
    assert (saved["title"], saved["company"]) == (
        "Virtual Production Consultant",
        "B&H Photo Video",
    )
    assert saved["source"] == "LinkedIn job search"
    assert saved["linkedin_job_id"] == "4346045017"
    popup.locator("#toast").wait_for(state="hidden")
    screenshot(popup, "job-search")

    card.get_by_role("button", name="Undo saving Virtual Production Consultant").click()
    card.get_by_role(
        "button", name="Save Virtual Production Consultant to your pipeline"
    ).wait_for()
    wait_until(lambda: opportunities(topofmind_server) == [])

    # A result already in the pipeline says so on the next capture.
    popup.get_by_role("button", name="Save Creative Director to your pipeline").click()
    view.locator("li.job-result[data-job-id='4361442478'] .pill").wait_for()
    again = paired_extension.open_popup(tab_id)
    again_view = wait_for_state(again, "job-search")
    assert "1 in your pipeline" in again_view.locator(".summary").inner_text()
    pill = again_view.locator("li.job-result[data-job-id='4361442478'] .pill")
    assert pill.inner_text() == "In your pipeline"
