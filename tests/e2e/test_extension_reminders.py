"""The daily desktop reminder (issue 16): opt-in on the options page, shown by the worker's own
alarm path at the digest hour when something is due, once a day; real Chromium, real server."""

from __future__ import annotations

import os
import time

import pytest

from tests.e2e.linkedin_site import REPO_ROOT
from tests.support.popup import seed_interview

pytestmark = pytest.mark.browser

ALARM = "daily-reminder"
NOTIFICATION = "top-of-mind-today"
LAST_CHECK = "async () => (await chrome.storage.local.get('reminders')).reminders.last_check"


def wait_for(browser, expression: str, timeout: float = 20.0):
    """Polls ``expression`` in the worker until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{expression} stayed falsy for {timeout} s")
        time.sleep(0.1)


def toggle(browser, on: bool) -> str:
    page = browser.context.new_page()
    page.goto(browser.extension_url("options/options.html"))
    box = page.get_by_label("Remind me on the desktop at my digest hour when someone is due")
    box.wait_for()
    if box.is_checked() != on:
        box.click()
    result = page.locator("#reminders-result")
    result.locator("xpath=self::*[text()!='']").wait_for()
    text = result.inner_text()
    if on and os.environ.get("TOPOFMIND_SCREENSHOTS") == "1":
        page.set_viewport_size({"width": 800, "height": 900})
        page.locator("#reminders-title").scroll_into_view_if_needed()
        page.screenshot(path=str(REPO_ROOT / "docs" / "screenshots" / "options-reminders.png"))
    page.close()
    return text


def test_reminder_is_opt_in_and_shows_once_a_day_when_something_is_due(
    paired_extension, topofmind_server
):
    browser = paired_extension
    status, person = topofmind_server.api(
        "POST", "/api/contacts", {"name": "Rosa Alvarez", "company": "Acme"}
    )
    assert status == 201, person
    seed_interview(topofmind_server, person["id"], ended_hours_ago=2)
    # A working day of all 24 hours: the thank-you is due now whatever the hour (with 9 to 17 it
    # would wait for tomorrow morning after 17:00, and nothing would be due today to remind of).
    status, body = topofmind_server.api(
        "PATCH",
        "/api/settings",
        {
            "digest_hour": 0,
            "user_time_zone": "UTC",
            "working_hours_start": 0,
            "working_hours_end": 24,
        },
    )
    assert status == 200, body

    assert browser.evaluate(f"async () => Boolean(await chrome.alarms.get('{ALARM}'))") is False
    assert "On:" in toggle(browser, True)
    assert browser.evaluate(f"async () => Boolean(await chrome.alarms.get('{ALARM}'))") is True

    # Fire the worker's own alarm now instead of waiting for the hourly check.
    browser.evaluate(f"async () => chrome.alarms.create('{ALARM}', {{when: Date.now()}})")
    wait_for(browser, f"async () => '{NOTIFICATION}' in await chrome.notifications.getAll()")
    day = wait_for(
        browser,
        "async () => (await chrome.storage.local.get('reminders')).reminders.last_notified_on",
    )
    assert day == time.strftime("%Y-%m-%d", time.gmtime())

    first = wait_for(browser, LAST_CHECK)
    assert first["reason"] == "due"

    # Once a day: cleared, the alarm fires again, and nothing new appears that day.
    browser.evaluate(f"async () => chrome.notifications.clear('{NOTIFICATION}')")
    browser.evaluate(f"async () => chrome.alarms.create('{ALARM}', {{when: Date.now()}})")
    second = wait_for(
        browser,
        f"async () => {{ const c = await ({LAST_CHECK})(); "
        f"return c && c.at !== {first['at']!r} ? c : null; }}",
    )
    assert second["reason"] == "already_today"
    assert browser.evaluate("async () => Object.keys(await chrome.notifications.getAll())") == []

    assert "Off:" in toggle(browser, False)
    assert browser.evaluate(f"async () => Boolean(await chrome.alarms.get('{ALARM}'))") is False
