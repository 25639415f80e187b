"""The Chrome extension end to end: Debian Chromium, the unpacked extension, the real Top of Mind
server in a subprocess, and a local https://www.linkedin.com serving the saved fixture pages.

Screenshots of each popup state go to the test's tmp dir, or to docs/screenshots/ when
TOPOFMIND_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.extension_fixtures import EXTENSION_ID, ExtensionBrowser, TopOfMindServer
from tests.e2e.linkedin_site import REPO_ROOT, load_ground_truth
from tests.support.popup import open_profile_popup, seed_interview, wait_for_state, wait_until

pytestmark = pytest.mark.browser

OFFLINE_TEXT = "Saved offline — will sync when Top of Mind is running."
GROUND_TRUTH = {entry["file"]: entry for entry in load_ground_truth()}


def captures_total(server: TopOfMindServer) -> int:
    status, body = server.api("GET", "/api/captures")
    assert status == 200, body
    return body["total"]


def test_tracking_parameters_are_not_sent(paired_extension, topofmind_server, linkedin_site):
    url = linkedin_site.url("profile_loggedin_03.html")
    _, tab_id = paired_extension.open_tab(f"{url}?trk=" + "x" * 2100 + "&lipi=abc#experience")
    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "profile")
    status, body = topofmind_server.api("GET", "/api/captures")
    assert [capture["url"] for capture in body["items"]] == [url]


def test_profile_capture_creates_the_person(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    expected = GROUND_TRUTH["profile_loggedin_02.html"]["person"]
    page, tab_id = paired_extension.open_tab(linkedin_site.url("profile_loggedin_02.html"))
    html_before = page.evaluate("() => document.documentElement.outerHTML")
    linkedin_site.requests.clear()

    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "profile")
    popup.locator("[data-loaded='true']").wait_for()

    assert popup.get_by_role("heading", level=1).inner_text() == expected["name"]
    assert popup.locator(".degree").inner_text() == "2nd"
    assert popup.locator(".mutual").inner_text().startswith(f"{expected['mutual_count']} mutual")
    screenshot(popup, "profile")

    status, person = topofmind_server.api(
        "GET", f"/api/contacts/lookup?url={expected['profile_url']}"
    )
    assert status == 200, person
    person = person.get("person", person)
    for field in ("name", "headline", "company", "degree", "mutual_count", "profile_url"):
        assert person[field] == expected[field], field
    link = popup.get_by_role("link", name=f"Open {expected['name']} in Top of Mind")
    assert link.get_attribute("href") == f"{topofmind_server.url}/contacts/{person['id']}"

    # The capture read the page and left it as it was: no DOM change, no request to LinkedIn.
    assert page.evaluate("() => document.documentElement.outerHTML") == html_before
    assert linkedin_site.requests == []
    assert captures_total(topofmind_server) == 1


def test_quick_log_records_the_interaction_and_updates_the_popup(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, popup = open_profile_popup(paired_extension, linkedin_site, "profile_loggedin_03.html")
    person_id = popup.locator("#view").get_attribute("data-person-id")
    assert popup.locator(".touches li[data-kind]").count() == 0

    popup.get_by_role("button", name="Log: Had a call").click()

    popup.locator(".touches li[data-kind='call']").wait_for()
    status, page = topofmind_server.api("GET", f"/api/contacts/{person_id}/interactions")
    assert status == 200, page
    assert [(i["kind"], i["direction"], i["source"]) for i in page["items"]] == [
        ("call", "outbound", "extension")
    ]
    screenshot(popup, "profile-logged")


def test_tags_toggle_on_the_person(paired_extension, topofmind_server, linkedin_site):
    _, popup = open_profile_popup(paired_extension, linkedin_site, "profile_loggedin_01.html")
    person_id = popup.locator("#view").get_attribute("data-person-id")

    popup.get_by_role("button", name="hiring manager").click()

    popup.locator("button.chip[aria-pressed='true']").wait_for()
    status, person = topofmind_server.api("GET", f"/api/contacts/{person_id}")
    assert status == 200
    assert person["tags"] == ["hiring manager"]


def test_search_capture_records_posts_and_views(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    expected_urns = [p["urn"] for p in GROUND_TRUTH["search_content_02.html"]["posts"]]
    page, tab_id = paired_extension.open_tab(linkedin_site.url("search_content_02.html"))
    # The user scrolled to the fourth post: it is the one in view when they click.
    seen = expected_urns[3]
    page.locator(f"[data-urn='{seen}']").first.scroll_into_view_if_needed()

    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "posts")
    screenshot(popup, "posts")

    shown = popup.locator("li.post").evaluate_all("(items) => items.map((i) => i.dataset.urn)")
    assert sorted(shown) == sorted(expected_urns)
    in_view = popup.locator("li.post:has(.seen)").evaluate_all(
        "(items) => items.map((i) => i.dataset.urn)"
    )
    assert seen in in_view
    assert expected_urns[0] not in in_view
    status, body = topofmind_server.api("GET", "/api/captures")
    assert status == 200
    assert [(c["url"], c["kind"]) for c in body["items"]] == [
        (linkedin_site.url("search_content_02.html"), "search")
    ]


def test_track_this_author(paired_extension, topofmind_server, linkedin_site):
    author = GROUND_TRUTH["feed_post_snippet_01.html"]["posts"][0]
    linkedin_site.serve("/feed/", "feed_post_snippet_01.html")
    _, tab_id = paired_extension.open_tab("https://www.linkedin.com/feed/")
    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "posts")

    popup.get_by_role("button", name=f"Track {author['author_name']}").click()

    popup.locator("li.post .pill", has_text="Tracked").wait_for()
    status, found = topofmind_server.api("GET", f"/api/contacts/lookup?url={author['author_url']}")
    assert status == 200, found
    assert found.get("person", found)["name"] == author["author_name"]


def test_server_down_queues_the_capture_and_syncs_it_once(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    topofmind_server.stop()
    page, tab_id = paired_extension.open_tab(linkedin_site.url("profile_loggedin_06.html"))
    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "queued")
    assert OFFLINE_TEXT in popup.locator("#view").inner_text()
    screenshot(popup, "queued")
    assert paired_extension.queue_count() == 1
    assert paired_extension.evaluate("async () => Boolean(await chrome.alarms.get('sync-queue'))")

    topofmind_server.start()
    # Fire the retry alarm now instead of waiting out the backoff (unpacked extensions may).
    paired_extension.evaluate(
        "async () => chrome.alarms.create('sync-queue', {when: Date.now() + 100})"
    )
    wait_until(lambda: paired_extension.queue_count() == 0)
    assert captures_total(topofmind_server) == 1

    # A second sync (the popup's "Sync now") finds nothing left and sends nothing twice.
    result = popup.evaluate("() => chrome.runtime.sendMessage({type: 'sync-queue'})")
    assert result == {"sent": 0, "remaining": 0, "error": None}
    assert captures_total(topofmind_server) == 1
    status, person = topofmind_server.api(
        "GET", "/api/contacts/lookup?url=https://www.linkedin.com/in/austinoboyle/"
    )
    assert status == 200


def test_offline_queue_warns_then_drops_the_oldest(extension, linkedin_site, screenshot):
    page = extension.context.new_page()
    page.goto(extension.extension_url("options/options.html"))
    summary = page.evaluate(
        """async () => {
            const queue = await import("/background/queue.js");
            const storage = await import("/shared/storage.js");
            const capture = (n) => ({
                id: `id-${n}`, url: `https://www.linkedin.com/in/p${n}/`, html: `<p>${n}</p>`,
                captured_at: new Date().toISOString(),
            });
            for (let n = 0; n < storage.QUEUE_MAX_ITEMS * storage.QUEUE_WARN_RATIO; n++) {
                await queue.enqueue(capture(n), "offline");
            }
            const warned = await queue.summary();
            for (let n = warned.count; n <= storage.QUEUE_MAX_ITEMS; n++) {
                await queue.enqueue(capture(n), "offline");
            }
            const index = await storage.getQueueIndex();
            return {warned, after: await queue.summary(), first: index[0].id,
                    max: storage.QUEUE_MAX_ITEMS};
        }"""
    )
    assert summary["warned"]["nearly_full"] is True
    assert summary["warned"]["dropped"] == 0
    assert summary["after"]["count"] == summary["max"]
    assert summary["after"]["dropped"] == 1
    assert summary["first"] == "id-1"

    popup = extension.open_popup(0)
    popup.get_by_text("Offline queue nearly full").wait_for()
    popup.get_by_text("1 old capture dropped").wait_for()
    screenshot(popup, "queue-full")


def test_wrong_token_is_reported(extension, topofmind_server, screenshot):
    result = extension.save_settings(topofmind_server.url, "not-the-token")
    assert "refused this token" in result

    popup = extension.open_popup(0)
    wait_for_state(popup, "wrong-token")
    assert "Top of Mind refused the token" in popup.locator("#view").inner_text()
    screenshot(popup, "wrong-token")


def test_server_down_is_reported_on_save(extension, tmp_path):
    nobody = TopOfMindServer(tmp_path)  # never started: nothing listens on its port
    result = extension.save_settings(nobody.url, "some-token")
    assert "not answering" in result


def test_server_down_is_reported_in_the_popup(paired_extension, topofmind_server, screenshot):
    topofmind_server.stop()
    popup = paired_extension.open_popup(0)
    wait_for_state(popup, "server-down")
    assert "Top of Mind is not running" in popup.locator("#view").inner_text()
    screenshot(popup, "server-down")

    topofmind_server.start()
    popup.get_by_role("button", name="Try again").click()
    wait_for_state(popup, "today")


def test_not_paired_asks_to_connect(extension, linkedin_site, screenshot):
    _, tab_id = extension.open_tab(linkedin_site.url("profile_loggedin_01.html"))
    popup = extension.open_popup(tab_id)
    wait_for_state(popup, "not-paired")
    assert "Saved offline" in popup.locator("#view").inner_text()
    assert extension.queue_count() == 1
    screenshot(popup, "not-paired")


def test_suggestion_actions_on_a_profile(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, popup = open_profile_popup(paired_extension, linkedin_site, "profile_loggedin_02.html")
    person_id = int(popup.locator("#view").get_attribute("data-person-id"))
    seed_interview(topofmind_server, person_id, ended_hours_ago=2)
    popup.reload()
    popup.locator("[data-loaded='true']").wait_for()
    screenshot(popup, "profile-suggestions")
    status, open_ = topofmind_server.api("GET", f"/api/suggestions?person_id={person_id}")
    assert status == 200
    shown = popup.locator("li.suggestion").evaluate_all(
        "(cards) => cards.map((card) => Number(card.dataset.suggestionId))"
    )
    assert sorted(shown) == sorted(s["id"] for s in open_["items"])
    by_kind = {s["kind"]: s["id"] for s in open_["items"]}

    thank_you = popup.locator(f"li.suggestion[data-suggestion-id='{by_kind['thank_you']}']")
    draft = next(s["draft"] for s in open_["items"] if s["kind"] == "thank_you")
    assert draft and draft["body"], draft
    paired_extension.context.grant_permissions(["clipboard-read", "clipboard-write"])
    popup.bring_to_front()
    thank_you.locator("details.draft > summary").click()
    thank_you.get_by_role("button", name="Copy draft").click()
    popup.get_by_text("Draft copied").wait_for()
    assert popup.evaluate("() => navigator.clipboard.readText()") == draft["body"]
    # One plan per recipient: right after an interview the thank-you is the only step.
    assert list(by_kind) == ["thank_you"], by_kind
    thank_you.get_by_role("button", name="Done").click()
    thank_you.wait_for(state="detached")
    _, done = topofmind_server.api("GET", f"/api/suggestions/{by_kind['thank_you']}")
    assert done["status"] == "done"
    _, touches = topofmind_server.api("GET", f"/api/contacts/{person_id}/interactions")
    assert [i["kind"] for i in touches["items"]] == ["thank_you"]

    # With the thank-you sent, the plan's next step for this interviewer is the check-in (due
    # 5 business days after the interview); it is snoozed from the popup.
    _, after = topofmind_server.api("GET", f"/api/suggestions?person_id={person_id}")
    assert [s["kind"] for s in after["items"]] == ["check_in"], after["items"]
    check_in_id = after["items"][0]["id"]
    popup.reload()
    popup.locator("[data-loaded='true']").wait_for()
    shown = popup.locator("li.suggestion").evaluate_all(
        "(cards) => cards.map((card) => Number(card.dataset.suggestionId))"
    )
    assert shown == [check_in_id]
    check_in = popup.locator(f"li.suggestion[data-suggestion-id='{check_in_id}']")
    check_in.get_by_text("Snooze", exact=True).click()
    check_in.get_by_role("button", name="Snooze 1 week").click()
    check_in.wait_for(state="detached")
    _, snoozed = topofmind_server.api("GET", f"/api/suggestions/{check_in_id}")
    assert snoozed["status"] == "snoozed"
    until = datetime.fromisoformat(snoozed["snoozed_until"])
    assert timedelta(days=6) < until - datetime.now(UTC) <= timedelta(days=7)


def test_other_tab_shows_todays_suggestions(paired_extension, topofmind_server, screenshot):
    status, person = topofmind_server.api(
        "POST",
        "/api/contacts",
        {"name": "Dana Reyes", "profile_url": "https://www.linkedin.com/in/dana-reyes/"},
    )
    assert status == 201, person
    seed_interview(topofmind_server, person["id"], ended_hours_ago=26)
    _, tab_id = paired_extension.open_tab("about:blank")
    status, digest = topofmind_server.api("GET", "/api/digest")
    assert status == 200

    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "today")

    shown = popup.locator("li.suggestion").evaluate_all(
        "(cards) => cards.map((card) => Number(card.dataset.suggestionId))"
    )
    assert shown == [item["id"] for item in digest["items"]]
    assert digest["due_today_count"] == len(digest["items"])  # the badge counts what is shown
    if digest["due_today_count"]:
        assert popup.get_by_text(f"{digest['due_today_count']} suggestion").is_visible()
    expected_badge = str(digest["due_today_count"]) if digest["due_today_count"] else ""
    wait_until(
        lambda: paired_extension.evaluate("() => chrome.action.getBadgeText({})") == expected_badge
    )
    screenshot(popup, "today")
    alarm = paired_extension.evaluate("() => chrome.alarms.get('refresh-badge')")
    assert alarm["periodInMinutes"] == 15


@pytest.mark.parametrize("file", ["search_content_02.html", "feed_01.html", "activity_01.html"])
def test_a_trimmed_capture_reads_like_the_whole_page(
    paired_extension, topofmind_server, linkedin_site, file
):
    """Pages over 1.5 MB are cut down to what the parser reads; it must read the same posts."""
    from topofmind.linkedin import parse_page

    url = linkedin_site.url(file)
    page_bytes = (linkedin_site.fixtures_dir / file).read_bytes()
    whole = parse_page(page_bytes, url).to_dict()
    _, tab_id = paired_extension.open_tab(url)
    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "posts")

    shown = popup.locator("li.post").evaluate_all("(items) => items.map((i) => i.dataset.urn)")
    assert sorted(shown) == sorted(post["urn"] for post in whole["posts"])
    status, body = topofmind_server.api("GET", "/api/captures")
    assert status == 200
    (capture,) = body["items"]
    assert capture["kind"] == whole["kind"]
    status, stored = topofmind_server.api("GET", f"/api/captures/{capture['id']}")
    assert status == 200, stored
    assert stored["html_bytes"] < len(page_bytes)


def test_a_page_the_parser_does_not_know_says_so(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    _, tab_id = paired_extension.open_tab("https://www.linkedin.com/messaging/thread/2-abc/")
    popup = paired_extension.open_popup(tab_id)

    wait_for_state(popup, "unknown-page")
    assert "doesn't read this kind of LinkedIn page yet" in popup.locator("#view").inner_text()
    assert captures_total(topofmind_server) == 1
    screenshot(popup, "unknown-page")


def test_a_queued_capture_the_server_refuses_is_dropped_and_reported(
    paired_extension, topofmind_server, screenshot
):
    page = paired_extension.context.new_page()
    page.goto(paired_extension.extension_url("options/options.html"))
    # A capture queued by an older version for a page that is not LinkedIn: the server answers
    # 422, which no retry can fix.
    page.evaluate(
        """async () => {
            const queue = await import("/background/queue.js");
            await queue.enqueue({id: crypto.randomUUID(), url: "https://example.com/",
                                 html: "<p>hi</p>", captured_at: new Date().toISOString()},
                                "offline");
        }"""
    )

    result = page.evaluate("() => chrome.runtime.sendMessage({type: 'sync-queue'})")

    assert result == {"sent": 0, "remaining": 0, "error": None}
    assert paired_extension.queue_count() == 0
    assert captures_total(topofmind_server) == 0
    popup = paired_extension.open_popup(0)
    popup.get_by_text("A saved capture was refused by Top of Mind.").wait_for()
    assert "https://example.com/" in popup.locator("#notices").inner_text()
    screenshot(popup, "refused")

    popup.locator("#notices").get_by_role("button", name="Dismiss").click()
    popup.get_by_text("A saved capture was refused").wait_for(state="detached")
    assert (
        popup.evaluate("() => chrome.runtime.sendMessage({type: 'status'})")["queue"]["rejected"]
        == []
    )


def test_a_connections_list_offers_to_track_people(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    people = GROUND_TRUTH["connections_list_sdui_01.html"]["people"]
    _, tab_id = paired_extension.open_tab(linkedin_site.url("connections_list_sdui_01.html"))
    popup = paired_extension.open_popup(tab_id)
    wait_for_state(popup, "people")
    names = popup.locator("li.person-item .author").all_inner_texts()
    assert names == [person["name"] for person in people]
    screenshot(popup, "people")

    popup.get_by_role("button", name=f"Track {people[1]['name']}").click()

    popup.locator("li.person-item .pill", has_text="Tracked").wait_for()
    status, found = topofmind_server.api(
        "GET", f"/api/contacts/lookup?url={people[1]['profile_url']}"
    )
    assert status == 200, found
    assert found.get("person", found)["headline"] == people[1]["headline"]


def test_a_capture_the_server_refuses_is_shown_not_queued(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    # The API takes URLs up to 2000 characters; a search can run longer.
    url = linkedin_site.url("search_content_02.html") + "&more=" + "x" * 2100
    _, tab_id = paired_extension.open_tab(url)
    popup = paired_extension.open_popup(tab_id)

    wait_for_state(popup, "capture-error")
    text = popup.locator("#view").inner_text()
    assert "Top of Mind could not take this page" in text
    assert "url: Longer than maximum length 2000" in text
    assert paired_extension.queue_count() == 0
    assert captures_total(topofmind_server) == 0
    screenshot(popup, "capture-error")


def test_the_store_package_loads_and_works(playwright, linkedin_site, tmp_path, screenshot):
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "package_extension"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (package,) = tmp_path.glob("topofmind-extension-*.zip")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        zf.extractall(unpacked)
    assert not [n for n in names if "test" in n or n.endswith((".map", ".md", "jsconfig.json"))]
    assert "key" not in json.loads((unpacked / "manifest.json").read_text())

    browser = ExtensionBrowser(
        playwright, tmp_path / "profile", linkedin_site.resolver_rule, extension_dir=unpacked
    )
    try:
        assert browser.extension_id != EXTENSION_ID  # the store assigns its own
        _, tab_id = browser.open_tab(linkedin_site.url("profile_loggedin_01.html"))
        popup = browser.open_popup(tab_id)
        wait_for_state(popup, "not-paired")
        assert browser.queue_count() == 1
    finally:
        browser.close()
