"""The dashboard and saved job postings: the pipeline card says where a role came from, opens the
posting and lists its hiring team with roles the user can change; the person page lists the jobs
they posted."""

from __future__ import annotations

import re
import uuid

from tests.support.fixtures import page_text, truth_for

PAGE = "en_job_loggedin_ember2026_hiring_team.html"
TYPED = {"company": "Globex", "title": "Platform Lead", "stage": "applied"}


def capture_job(client, file=PAGE):
    response = client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": truth_for(file)["url"],
            "html": page_text(file),
            "captured_at": "2026-11-25T14:59:00Z",
        },
    )
    assert response.status_code == 201, response.json
    return response.json["posting"]


def card_html(html: str, opportunity_id: int) -> str:
    match = re.search(
        rf'<article class="card opp" id="opportunity-{opportunity_id}">.*?</article>', html, re.S
    )
    assert match, "no card"
    return match.group(0)


def test_the_pipeline_card_shows_the_posting_and_its_hiring_team(web, client):
    posting = capture_job(client)
    typed = client.post("/api/opportunities", json=TYPED).json
    html = web.text("/pipeline")

    card = card_html(html, posting["id"])
    assert "From a LinkedIn job posting" in card
    assert 'href="https://www.linkedin.com/jobs/view/4361442478/"' in card
    assert ">Open the posting<" in card
    assert "New York, NY · Hybrid" in card
    assert "Hiring team" in card and "Sujith Reddy" in card and "posted this job" in card
    person_id = posting["hiring_team"][0]["person"]["id"]
    assert re.search(r'<option value="recruiter" selected>', card)
    assert f"/pipeline/opportunities/{posting['id']}/people/{person_id}/role" in card
    assert "Added by you" in card_html(html, typed["id"])


def test_the_role_is_changed_from_the_dashboard(web, client):
    posting = capture_job(client)
    person_id = posting["hiring_team"][0]["person"]["id"]
    url = f"/pipeline/opportunities/{posting['id']}/people/{person_id}/role"

    response = web.post(url, {"role": "hiring_manager"})

    assert response.status_code == 303
    (stored,) = client.get("/api/opportunities").json["items"]
    assert stored["people"][0]["role"] == "hiring_manager"
    assert "is now the hiring manager" in web.text("/pipeline")
    # A later capture of the same posting keeps the user's choice.
    capture_job(client)
    assert (
        client.get("/api/opportunities").json["items"][0]["people"][0]["role"] == "hiring_manager"
    )


def test_a_bad_role_or_person_changes_nothing(web, client):
    posting = capture_job(client)
    person_id = posting["hiring_team"][0]["person"]["id"]
    bad_role = web.post(
        f"/pipeline/opportunities/{posting['id']}/people/{person_id}/role", {"role": "boss"}
    )
    assert bad_role.status_code == 303
    assert "Unknown role" in web.text("/pipeline")
    no_person = web.post(
        f"/pipeline/opportunities/{posting['id']}/people/99999/role", {"role": "other"}
    )
    assert no_person.status_code == 303
    missing = web.post(f"/pipeline/opportunities/99999/people/{person_id}/role", {"role": "other"})
    assert missing.status_code == 404
    without_csrf = web.post(
        f"/pipeline/opportunities/{posting['id']}/people/{person_id}/role",
        {"role": "other"},
        csrf=False,
    )
    assert without_csrf.status_code in (400, 403)
    assert client.get("/api/opportunities").json["items"][0]["people"][0]["role"] == "recruiter"


def test_the_person_page_lists_the_jobs_they_posted(web, client):
    posting = capture_job(client)
    person_id = posting["hiring_team"][0]["person"]["id"]
    html = web.text(f"/contacts/{person_id}")
    section = html[html.index('id="postings-title"') :]
    section = section[: section.index("</section>")]
    assert "Jobs they posted" in section
    assert "Creative Director · US Tech Solutions" in section
    assert "posted it" in section
    assert 'href="https://www.linkedin.com/jobs/view/4361442478/"' in section


def test_a_person_without_postings_has_no_postings_section(web, make_person):
    person = make_person(name="Plain Person")
    assert 'id="postings-title"' not in web.text(f"/contacts/{person['id']}")


def test_hostile_text_from_a_posting_is_escaped(web, client):
    """Titles, companies, locations and hiring-team names come from LinkedIn pages: shown as
    text on the pipeline and the person page, never as markup."""
    html = page_text(PAGE)
    html = html.replace(
        '<h1 class="t-24 t-bold inline">Creative Director</h1>',
        '<h1 class="t-24 t-bold inline">&lt;script&gt;alert("t")&lt;/script&gt;Director</h1>',
    )
    html = html.replace(
        "<strong><!---->Sujith Reddy", "<strong><!---->&lt;img src=x onerror=alert(1)&gt;Sujith"
    )
    response = client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": truth_for(PAGE)["url"],
            "html": html,
            "captured_at": "2026-11-25T14:59:00Z",
        },
    )
    assert response.status_code == 201, response.json
    posting = response.json["posting"]
    assert posting["title"] == '<script>alert("t")</script>Director'
    pipeline = web.text("/pipeline")
    assert '<script>alert("t")' not in pipeline and "&lt;script&gt;alert" in pipeline
    assert "<img src=x" not in pipeline and "&lt;img src=x onerror=alert(1)&gt;Sujith" in pipeline
    person_id = posting["hiring_team"][0]["person"]["id"]
    person_page = web.text(f"/contacts/{person_id}")
    assert '<script>alert("t")' not in person_page and "&lt;script&gt;alert" in person_page
