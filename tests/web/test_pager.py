"""The one pager macro on every paged list: Previous / Next keep the list's own address."""

from __future__ import annotations

import re
from datetime import timedelta


def test_past_events_page_through_twenty_at_a_time(web, clock):
    for number in range(21):
        day = clock.now - timedelta(days=number + 1)
        response = web.post(
            "/events", {"name": f"Meetup {number:02d}", "starts_at": day.strftime("%Y-%m-%dT%H:%M")}
        )
        assert response.status_code == 303, response.data[:300]
    first = web.text("/events")
    assert "Page 1 of 2" in first and 'rel="prev"' not in first
    next_link = re.search(r'href="([^"]+)" rel="next"', first).group(1)
    assert next_link == "/events?page=2"
    second = web.text(next_link)
    assert "Page 2 of 2" in second and 'rel="next"' not in second
    assert re.search(r'href="([^"]+)" rel="prev"', second).group(1) == "/events?page=1"
    # The oldest event is alone on the second page (the first page's flash names the last logged).
    listed = re.compile(r">\s*Meetup 20\s*<")
    assert listed.search(second) and not listed.search(first)
