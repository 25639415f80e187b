"""Every dashboard page renders with demo-like data, behind the session, under the CSP."""

import re

import pytest

from tests.web.conftest import parsed_tags

PAGES = ["/", "/contacts", "/pipeline", "/import", "/settings"]


def page_paths(seed):
    return PAGES + [
        f"/contacts/{seed['dana']}",
        f"/contacts/{seed['eve']}",
        f"/pipeline/interviews/{seed['interview']}",
        f"/pipeline/opportunities/{seed['opportunity']}/interviews/new",
    ]


def test_each_page_renders_as_html_with_the_nav(web, seed):
    for path in page_paths(seed):
        response = web.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "text/html"
        html = response.get_data(as_text=True)
        assert 'aria-label="Main"' in html
        assert "Traceback" not in html


def test_pages_need_the_session(anonymous, seed):
    for path in page_paths(seed):
        response = anonymous.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


def test_no_inline_script_style_or_handlers(web, seed):
    """The CSP allows neither; a stray one would silently not work in the browser."""
    for path in page_paths(seed):
        for tag, attrs in parsed_tags(web.text(path)):
            assert tag != "style", path
            assert tag != "script" or attrs.get("src"), path
            assert "style" not in attrs, (path, tag)
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
        headers = web.get(path).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_today_lists_due_suggestions_with_reason_person_and_actions(web, seed):
    html = web.text("/")
    assert '<h2 id="due-now" class="section-title">Today' in html
    assert "Thank Dana Hiring for today" in html
    assert f'href="/contacts/{seed["dana"]}"' in html
    for action in ("done", "snooze", "dismiss"):
        assert re.search(rf'action="/suggestions/\d+/{action}"', html)
    assert 'data-copy="draft-' in html
    # One list, not a digest box repeating it (issue 13); the timing phrase on each card.
    assert "Daily digest" not in html
    assert re.search(r"Send (today, )?by ", html)


def test_today_empty_state_teaches_the_next_step(web):
    html = web.text("/")
    assert "Start here" in html
    assert "topofmind demo" in html
    assert 'href="/import"' in html
    assert "extension" in html


def test_person_page_shows_card_cadence_chart_timeline_mutuals(web, seed):
    html = web.text(f"/contacts/{seed['dana']}")
    assert "Dana Hiring" in html and "Engineering Manager at Acme" in html
    assert "hiring manager" in html
    assert "<svg" in html and 'class="bar-' not in html  # no touches yet: no bars
    assert "We are hiring platform engineers in Berlin." in html  # the post
    assert "Captured a profile page" in html
    assert "Mia Mutual" in html and "Your 1st" in html
    assert "Sam Stranger" in html
    assert "Staff Engineer · Acme" in html
    assert "Thank Dana Hiring" in html  # open suggestion with its draft


def test_person_chart_has_bars_for_touches(web, seed):
    html = web.text(f"/contacts/{seed['ravi']}")
    assert html.count('class="bar-out"') == 3  # 90, 21 and 3 days ago; 60 is inbound
    assert html.count('class="bar-in"') == 1
    assert "Touches per week over the last 26 weeks: 4 in total" in html
    assert '<span class="pill pill-on-track">On track</span>' in html  # last touch 3 days ago


def test_pipeline_shows_stage_columns_people_and_interviews(web, seed):
    html = web.text("/pipeline")
    for stage in ("Interested", "Applied", "Screening", "Interviewing", "Offer"):
        assert f'id="col-{stage.lower()}"' in html
    column = html.split('id="col-interviewing"')[1].split('class="column"')[0]
    assert "Staff Engineer" in column  # logging the interview moved it on
    assert "Dana Hiring" in column and "Hiring manager" in column
    assert f'href="/pipeline/interviews/{seed["interview"]}"' in column


def test_unknown_person_and_unknown_page_get_an_html_404(web, seed):
    for path in (
        "/contacts/999999",
        "/no-such-page",
        "/pipeline/interviews/424242",
        "/pipeline/opportunities/77/interviews/new",
    ):
        response = web.get(path)
        assert response.status_code == 404
        assert response.mimetype == "text/html"
        assert "Not found" in response.get_data(as_text=True)


def test_api_errors_stay_json(client):
    response = client.get("/api/contacts/999999")
    assert response.status_code == 404
    assert response.json["code"] == 404


def test_a_failing_page_shows_a_friendly_500_without_details(web, app, monkeypatch):
    from topofmind.web import today

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(today.suggestion_service, "suggestion_views", boom)
    app.testing = False
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = web.get("/")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html
    assert "secret internals" not in html and "Traceback" not in html


@pytest.mark.parametrize("path", ["/static/app.css", "/static/app.js", "/static/icon.svg"])
def test_static_assets_are_served(web, path):
    with web.get(path) as response:  # a file response holds the file open until closed
        assert response.status_code == 200
        assert response.get_data()


def test_dashboard_pages_send_our_origin_on_form_posts(web, anonymous):
    """Under "no-referrer" Chromium sends "Origin: null" with form POSTs (refused by the guard);
    dashboard pages use "same-origin" so forms carry our own Origin."""
    assert web.get("/").headers["Referrer-Policy"] == "same-origin"
    assert anonymous.get("/login").headers["Referrer-Policy"] == "same-origin"
    assert anonymous.get("/api/health").headers["Referrer-Policy"] == "no-referrer"


def test_every_form_control_has_a_label_and_ids_are_unique(web, seed):
    for path in page_paths(seed):
        tags = parsed_tags(web.text(path))
        ids = [attrs["id"] for _tag, attrs in tags if attrs.get("id")]
        labelled = {attrs["for"] for tag, attrs in tags if tag == "label" and attrs.get("for")}
        for tag, attrs in tags:
            if tag in ("input", "select", "textarea") and attrs.get("type") not in (
                "hidden",
                "submit",
            ):
                assert attrs.get("id") in labelled or attrs.get("aria-label"), (path, attrs)
        assert len(ids) == len(set(ids)), (path, sorted({i for i in ids if ids.count(i) > 1}))
