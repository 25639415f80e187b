"""Today's plan in a real browser (issue 13): the daily budget is real, the digest and the list
are one thing, and the plan follows a rejection and a hire. Debian Chromium against
``topofmind serve`` with demo data; screenshots at 1280×800."""

from __future__ import annotations

import re

import pytest

from tests.support.screenshots import dashboard_screenshot as screenshot
from topofmind.domain.outcome_drafts import PURSUIT_WORDS

pytestmark = pytest.mark.browser


def _opportunity(server, company: str) -> dict:
    items = server.api("GET", "/api/opportunities?per_page=100")["items"]
    return next(o for o in items if o["company"] == company)


def _person_id(opportunity: dict, role: str) -> int:
    return next(p["person_id"] for p in opportunity["people"] if p["role"] == role)


def test_today_shows_the_budgeted_top_and_counts_the_rest_under_later(signed_in, dashboard_server):
    dashboard_server.api("PATCH", "/api/settings", {"daily_budget": 2})
    digest = dashboard_server.api("GET", "/api/digest")
    assert digest["budget"] == 2
    # One number: the badge's count is Today's budgeted list; the demo has more due than that.
    assert digest["due_today_count"] == 2 == len(digest["items"]), digest
    assert digest["later_count"] > 0, digest
    signed_in.goto(dashboard_server.url + "/")
    cards = signed_in.locator("#today-list article.suggestion")
    assert cards.count() == 2
    shown = [int(i.split("-")[1]) for i in cards.evaluate_all("els => els.map(e => e.id)")]
    assert shown == [item["id"] for item in digest["items"]]  # one list: the badge's, Today's
    summary = signed_in.locator("#today-summary").inner_text()
    assert f"{digest['later_count']} more wait under “Later”" in summary
    assert signed_in.locator("#later .later-list li").count() == digest["later_count"]
    assert signed_in.get_by_text("Daily digest").count() == 0
    for timing in signed_in.locator("#today-list .due").all_inner_texts():
        assert re.match(r"(Send|From|Overdue since) ", timing.strip()), timing
    screenshot(signed_in, "today-budget")
    dashboard_server.api("PATCH", "/api/settings", {"daily_budget": 10})


def test_after_a_rejection_and_after_a_hire(signed_in, dashboard_server):
    brightwave = _opportunity(dashboard_server, "Brightwave Analytics")
    marcus = _person_id(brightwave, "hiring_manager")
    dashboard_server.api("PATCH", f"/api/opportunities/{brightwave['id']}", {"stage": "rejected"})
    plan = dashboard_server.api("GET", f"/api/suggestions?person_id={marcus}")["items"]
    assert [s["kind"] for s in plan] == ["close_loop"]
    body = plan[0]["draft"]["body"].lower()
    assert not [w for w in PURSUIT_WORDS if w in body]
    signed_in.goto(f"{dashboard_server.url}/contacts/{marcus}")
    card = signed_in.locator("article.suggestion").first
    assert card.locator(".kind-badge").text_content() == "Close loop"
    assert "decided not to go ahead" in card.inner_text()
    screenshot(signed_in, "person-after-rejection")
    signed_in.goto(dashboard_server.url + "/")
    screenshot(signed_in, "today-after-rejection")

    northwind = _opportunity(dashboard_server, "Northwind Robotics")
    tomas = _person_id(northwind, "interviewer")
    dashboard_server.api("PATCH", f"/api/opportunities/{northwind['id']}", {"stage": "hired"})
    everything = dashboard_server.api("GET", "/api/suggestions?per_page=100")["items"]
    kinds = {s["kind"] for s in everything}
    assert not kinds & {"check_in", "ask_intro", "share", "thank_you", "offer_thanks"}
    assert "news_and_thanks" in kinds
    for item in everything:
        text = (item["draft"] or {}).get("body", "").lower()
        assert not [w for w in PURSUIT_WORDS if w in text], item
    signed_in.goto(f"{dashboard_server.url}/contacts/{tomas}")
    badge = signed_in.locator("article.suggestion .kind-badge").first
    assert badge.text_content() == "News and thanks"
    screenshot(signed_in, "person-after-hire")
    signed_in.goto(dashboard_server.url + "/")
    screenshot(signed_in, "today-after-hire")
