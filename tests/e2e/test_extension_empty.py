"""A page of a known kind that the parser reads nothing from: the popup says it couldn't read
the page, and the capture is stored (status "empty") for ``topofmind reparse``."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_page_read_empty_says_it_could_not_be_read(
    paired_extension, topofmind_server, linkedin_site, screenshot
):
    # A real Connections page served at the feed's address: a feed with no post on it.
    linkedin_site.serve("/feed/", "connections_list_sdui_01.html")
    _, tab_id = paired_extension.open_tab("https://www.linkedin.com/feed/")
    popup = paired_extension.open_popup(tab_id)

    popup.locator("#view[data-state='empty-page']").wait_for()
    assert "Couldn't read this page" in popup.locator("#view").inner_text()
    status, body = topofmind_server.api("GET", "/api/captures")
    assert status == 200, body
    (capture,) = body["items"]
    assert (capture["kind"], capture["status"]) == ("feed", "empty")
    screenshot(popup, "empty-page")
