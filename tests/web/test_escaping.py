"""Captured strings are untrusted: names, headlines, post text and notes appear as text only."""

import pytest

from tests.web.conftest import XSS_HEADLINE, XSS_NAME, XSS_POST, parsed_tags


def assert_inert(html: str, where: str) -> None:
    tags = parsed_tags(html)
    for tag, attrs in tags:
        assert tag != "script" or attrs.get("src", "").startswith("/static/"), where
        assert not any(name.startswith("on") for name in attrs), (where, tag, attrs)
    assert not [t for t, a in tags if t == "img" and a.get("src") == "x"], where
    assert not [t for t, a in tags if t == "b"], where


@pytest.mark.parametrize("page", ["/", "/contacts", "person", "/pipeline", "/contacts?q=eve"])
def test_payloads_render_as_text(web, seed, page):
    path = f"/contacts/{seed['eve']}" if page == "person" else page
    html = web.text(path)
    assert_inert(html, path)
    assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;Eve" in html


def test_person_page_escapes_headline_post_and_notes(web, seed):
    path = f"/contacts/{seed['eve']}"
    web.post(f"{path}/notes", {"notes": '</textarea><script>alert("notes")</script>'})
    html = web.text(path)
    assert_inert(html, path)
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; Head of &lt;b&gt;Hiring&lt;/b&gt;" in html
    assert "&lt;svg onload=alert(2)&gt; Great news" in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(&#34;notes&#34;)&lt;/script&gt;" in html
    assert XSS_HEADLINE not in html and XSS_POST not in html and XSS_NAME not in html


def test_payloads_in_the_pipeline_and_flash_messages(web, seed):
    response = web.post(
        "/pipeline/opportunities",
        {
            "company": "<script>alert('co')</script>",
            "title": '"><img src=x onerror=alert(3)>',
            "contact": XSS_NAME,
            "role": "referrer",
        },
    )
    assert response.status_code == 303
    html = web.text("/pipeline")
    assert_inert(html, "/pipeline")
    assert "&lt;script&gt;alert(&#39;co&#39;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(3)&gt;" in html


def test_calendar_feed_carries_payloads_as_plain_text(web, seed, app):
    from icalendar import Calendar

    from topofmind.security import calendar_token

    body = web.get(f"/calendar.ics?key={calendar_token(app.config['TOKEN'])}").data
    calendar = Calendar.from_ical(body)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any(XSS_NAME in summary for summary in summaries)


def test_only_http_links_are_rendered_from_stored_urls(web, seed, client, db_session):
    refused = client.post(
        "/api/opportunities",
        json={"company": "Initech", "title": "Linky", "job_url": "javascript:alert(1)"},
    )
    assert refused.status_code == 422 and "job_url" in refused.json["errors"]  # issue 15
    response = client.post("/api/opportunities", json={"company": "Initech", "title": "Linky"})
    assert response.status_code == 201
    # One stored by an older version still never becomes a link.
    from topofmind.store.models import Opportunity

    with db_session() as session:
        session.get(Opportunity, response.json["id"]).job_url = "javascript:alert(document.domain)"
    html = web.text("/pipeline")
    hrefs = [attrs.get("href", "") for tag, attrs in parsed_tags(html) if tag == "a"]
    assert not [href for href in hrefs if not href.startswith(("/", "#", "http"))]
    assert "Linky" in html
