"""Steps the extension's browser tests share: wait for the popup's state, open the popup on a
LinkedIn page, poll for a condition, seed an interview through the API."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest


def wait_for_state(popup, state: str):
    view = popup.locator(f"#view[data-state='{state}']")
    view.wait_for()
    return view


def open_profile_popup(browser, site, file: str):
    page, tab_id = browser.open_tab(site.url(file))
    popup = browser.open_popup(tab_id)
    wait_for_state(popup, "profile")
    popup.locator("[data-loaded='true']").wait_for()
    return page, popup


def wait_until(condition, timeout: float = 30.0) -> None:
    """Polls ``condition`` until true; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s")
        time.sleep(0.1)


def seed_interview(server, person_id: int, ended_hours_ago: float) -> None:
    """An interview with ``person_id`` that ended a while ago: thank-you and check-in due."""
    ended = datetime.now(UTC) - timedelta(hours=ended_hours_ago)
    status, opportunity = server.api(
        "POST",
        "/api/opportunities",
        {
            "company": "Acme",
            "title": "Staff Engineer",
            "stage": "interviewing",
            "people": [{"person_id": person_id, "role": "interviewer"}],
        },
    )
    assert status == 201, opportunity
    status, body = server.api(
        "POST",
        "/api/interviews",
        {
            "opportunity_id": opportunity["id"],
            "starts_at": (ended - timedelta(hours=1)).isoformat(),
            "ends_at": ended.isoformat(),
            "interviewer_ids": [person_id],
            "topics": ["data pipelines"],
        },
    )
    assert status == 201, body
    status, body = server.api("POST", "/api/suggestions/recompute", {})
    assert status == 200, body
