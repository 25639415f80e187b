"""Job pages through POST /api/captures: the posting becomes one opportunity with its hiring team.

Real saved pages (tests/fixtures/linkedin), SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
import json
import re
import uuid

import pytest

from tests.support.fixtures import LINKEDIN_PAGES as PAGES
from tests.support.fixtures import truth_for

HIRING_TEAM_PAGE = "en_job_loggedin_ember2026_hiring_team.html"
NO_TEAM_PAGE = "en_job_loggedin_ember2026_no_hiring_team.html"
SEARCH_PAGE = "en_job_search_loggedin_ember2026_with_hiring_team.html"
GUEST_SEARCH_PAGE = "en_job_search_guest_2024.html"
POSTER_URL = "https://www.linkedin.com/in/sujith-reddy-00b243128/"


def capture(client, file, url=None, html=None):
    payload = {
        "id": str(uuid.uuid4()),
        "url": url or truth_for(file)["url"],
        "html": html if html is not None else (PAGES / file).read_text("utf-8", "replace"),
        "captured_at": "2026-11-25T14:59:00Z",
    }
    response = client.post("/api/captures", json=payload)
    assert response.status_code == 201, response.json
    return response.json


def opportunities(client):
    return client.get("/api/opportunities").json["items"]


def test_a_job_page_saves_the_opportunity_and_its_hiring_team(client):
    body = capture(client, HIRING_TEAM_PAGE)
    truth = truth_for(HIRING_TEAM_PAGE)["job"]

    assert body["kind"] == "job" and body["saved"] == "created"
    posting = body["posting"]
    assert posting["stage"] == "interested"
    assert posting["source"] == "LinkedIn job posting"
    assert posting["linkedin_job_id"] == truth["job_id"]
    assert posting["job_url"] == f"https://www.linkedin.com/jobs/view/{truth['job_id']}/"
    for field in ("title", "company", "company_url", "location", "workplace_type"):
        assert posting[field] == truth[field], field
    assert posting["employment_type"] == "Contract"
    assert posting["description"].startswith(truth["description_startswith"])
    assert posting["topics"] and "creative" in " ".join(posting["topics"])

    (member,) = posting["hiring_team"]
    assert member["person"]["name"] == "Sujith Reddy"
    assert member["person"]["profile_url"] == POSTER_URL
    assert member["person"]["degree"] == 3
    assert member["role"] == "recruiter"  # "Talent Acquisition Leader | … MSP Recruiter"
    assert member["job_poster"] is True
    (listed,) = opportunities(client)
    assert listed["people"] == [
        {
            "person_id": member["person"]["id"],
            "role": "recruiter",
            "name": "Sujith Reddy",
            "on_hiring_team": True,
            "job_poster": True,
        }
    ]


def test_capturing_a_job_page_twice_gives_one_opportunity_and_one_person_each(client):
    first = capture(client, HIRING_TEAM_PAGE)
    second = capture(client, HIRING_TEAM_PAGE)
    # The same posting seen in a search's side pane is the same opportunity too.
    capture(client, SEARCH_PAGE)

    assert second["saved"] == "updated"
    assert second["posting"]["id"] == first["posting"]["id"]
    assert len(opportunities(client)) == 1
    contacts = client.get("/api/contacts").json
    assert contacts["total"] == 1
    assert contacts["items"][0]["profile_url"] == POSTER_URL
    assert client.get("/api/captures").json["total"] == 3


def test_a_posting_the_user_added_by_url_is_found_not_duplicated(client):
    typed = client.post(
        "/api/opportunities",
        json={
            "company": "US Tech Solutions",
            "title": "Creative Director (contract)",
            "stage": "applied",
            "job_url": "https://www.linkedin.com/jobs/view/4361442478/?trk=mail",
        },
    ).json

    body = capture(client, HIRING_TEAM_PAGE)

    assert body["saved"] == "updated"
    assert body["posting"]["id"] == typed["id"]
    # What the user typed stays; the posting adds its facts.
    assert body["posting"]["title"] == "Creative Director (contract)"
    assert body["posting"]["stage"] == "applied"
    assert body["posting"]["linkedin_job_id"] == "4361442478"
    assert body["posting"]["location"] == "New York, NY"
    assert body["posting"]["source"] is None  # the user added it; the posting completed it
    assert len(opportunities(client)) == 1


def test_a_known_person_on_the_hiring_team_is_merged_not_duplicated(client, make_person):
    known = make_person(
        name="Sujith Reddy", profile_url="https://www.linkedin.com/in/Sujith-Reddy-00b243128"
    )
    body = capture(client, HIRING_TEAM_PAGE)
    (member,) = body["posting"]["hiring_team"]
    assert member["person"]["id"] == known["id"]
    assert member["person"]["headline"].startswith("Talent Acquisition Leader")
    assert client.get("/api/contacts").json["total"] == 1


def test_a_role_the_user_changed_survives_the_next_capture(client):
    body = capture(client, HIRING_TEAM_PAGE)
    opportunity_id = body["posting"]["id"]
    person_id = body["posting"]["hiring_team"][0]["person"]["id"]

    changed = client.patch(
        f"/api/opportunities/{opportunity_id}/people/{person_id}", json={"role": "hiring_manager"}
    )
    assert changed.status_code == 200, changed.json
    assert changed.json["people"][0]["role"] == "hiring_manager"

    again = capture(client, HIRING_TEAM_PAGE)
    assert again["posting"]["hiring_team"][0]["role"] == "hiring_manager"


@pytest.mark.parametrize(
    ("path", "payload", "status", "field"),
    [
        ("/api/opportunities/{o}/people/{p}", {"role": "boss"}, 422, "role"),
        ("/api/opportunities/{o}/people/{p}", {}, 422, "role"),
        ("/api/opportunities/{o}/people/999999", {"role": "recruiter"}, 404, None),
        ("/api/opportunities/999999/people/{p}", {"role": "recruiter"}, 404, None),
    ],
)
def test_bad_role_changes_are_refused(client, path, payload, status, field):
    body = capture(client, HIRING_TEAM_PAGE)
    url = path.format(o=body["posting"]["id"], p=body["posting"]["hiring_team"][0]["person"]["id"])
    response = client.patch(url, json=payload)
    assert response.status_code == status, response.json
    if field:
        assert field in json.dumps(response.json["errors"])
    assert body["posting"]["hiring_team"][0]["role"] == "recruiter"
    assert opportunities(client)[0]["people"][0]["role"] == "recruiter"


def test_a_job_page_without_a_hiring_team_still_saves_the_role(client):
    body = capture(client, NO_TEAM_PAGE)
    assert body["saved"] == "created"
    assert body["posting"]["hiring_team"] == []
    assert body["posting"]["workplace_type"] == "Remote"
    assert client.get("/api/contacts").json["total"] == 0


def test_undo_removes_the_role_and_the_people_saved_only_for_it(client, make_person):
    bystander = make_person(name="Kept Person")
    body = capture(client, HIRING_TEAM_PAGE)
    job_id = body["posting"]["linkedin_job_id"]

    undone = client.delete(f"/api/captures/{body['capture_id']}/saved-jobs/{job_id}")

    assert undone.status_code == 200, undone.json
    assert undone.json == {"opportunity_id": body["posting"]["id"], "people_removed": 1}
    assert opportunities(client) == []
    assert [p["id"] for p in client.get("/api/contacts").json["items"]] == [bystander["id"]]
    again = client.delete(f"/api/captures/{body['capture_id']}/saved-jobs/{job_id}")
    assert again.status_code == 404
    # The raw capture is kept: nothing the user captured is lost, and it can be saved again.
    assert client.get(f"/api/captures/{body['capture_id']}").status_code == 200
    resaved = client.post(f"/api/captures/{body['capture_id']}/saved-jobs", json={"job_id": job_id})
    assert resaved.status_code == 201, resaved.json
    assert resaved.json["source"] == "LinkedIn job posting"
    assert [p["name"] for p in resaved.json["people"]] == ["Sujith Reddy"]


def test_undo_keeps_a_person_known_before(client, make_person):
    make_person(name="Sujith Reddy", profile_url=POSTER_URL)
    body = capture(client, HIRING_TEAM_PAGE)
    undone = client.delete(
        f"/api/captures/{body['capture_id']}/saved-jobs/{body['posting']['linkedin_job_id']}"
    )
    assert undone.json["people_removed"] == 0
    assert client.get("/api/contacts").json["total"] == 1


def test_undo_is_refused_once_the_role_has_moved_on(client):
    body = capture(client, HIRING_TEAM_PAGE)
    moved = client.patch(f"/api/opportunities/{body['posting']['id']}", json={"stage": "applied"})
    assert moved.status_code == 200

    undone = client.delete(
        f"/api/captures/{body['capture_id']}/saved-jobs/{body['posting']['linkedin_job_id']}"
    )
    assert undone.status_code == 409
    assert "job_id" in undone.json["errors"]
    assert len(opportunities(client)) == 1


def test_undo_only_undoes_what_that_capture_saved(client):
    first = capture(client, HIRING_TEAM_PAGE)
    second = capture(client, HIRING_TEAM_PAGE)
    job_id = first["posting"]["linkedin_job_id"]
    assert (
        client.delete(f"/api/captures/{second['capture_id']}/saved-jobs/{job_id}").status_code
        == 404
    )
    assert len(opportunities(client)) == 1


def test_a_job_search_lists_results_and_saves_one_on_request(client):
    body = capture(client, GUEST_SEARCH_PAGE)
    truth = truth_for(GUEST_SEARCH_PAGE)["jobs"]

    assert body["kind"] == "job_search" and body["posting"] is None
    assert [r["job_id"] for r in body["results"]] == [t["job_id"] for t in truth]
    assert all(r["opportunity_id"] is None for r in body["results"])
    assert opportunities(client) == []  # a search saves nothing by itself

    pick = truth[3]
    saved = client.post(
        f"/api/captures/{body['capture_id']}/saved-jobs", json={"job_id": pick["job_id"]}
    )
    assert saved.status_code == 201, saved.json
    assert saved.json["title"] == pick["title"] and saved.json["company"] == pick["company"]
    assert saved.json["source"] == "LinkedIn job search"
    assert saved.json["stage"] == "interested"
    assert saved.json["job_url"] == f"https://www.linkedin.com/jobs/view/{pick['job_id']}/"

    twice = client.post(
        f"/api/captures/{body['capture_id']}/saved-jobs", json={"job_id": pick["job_id"]}
    )
    assert twice.status_code == 200 and twice.json["id"] == saved.json["id"]
    assert len(opportunities(client)) == 1

    again = capture(client, GUEST_SEARCH_PAGE)
    marked = {r["job_id"]: r["opportunity_id"] for r in again["results"]}
    assert marked[pick["job_id"]] == saved.json["id"]
    assert sum(1 for v in marked.values() if v) == 1

    undone = client.delete(f"/api/captures/{body['capture_id']}/saved-jobs/{pick['job_id']}")
    assert undone.status_code == 200 and opportunities(client) == []


def test_saving_the_result_open_in_the_side_pane_keeps_its_hiring_team(client):
    search = capture(client, SEARCH_PAGE)
    saved = client.post(
        f"/api/captures/{search['capture_id']}/saved-jobs", json={"job_id": "4361442478"}
    )
    assert saved.status_code == 201, saved.json
    assert saved.json["source"] == "LinkedIn job search"
    assert saved.json["description"].startswith("Duration: 03 Months Contract")
    assert [m["person"]["name"] for m in saved.json["hiring_team"]] == ["Sujith Reddy"]
    assert saved.json["hiring_team"][0]["role"] == "recruiter"


def test_a_result_saved_from_a_search_is_completed_by_the_posting(client):
    search = capture(client, GUEST_SEARCH_PAGE)
    pick = truth_for(GUEST_SEARCH_PAGE)["jobs"][0]["job_id"]
    saved = client.post(
        f"/api/captures/{search['capture_id']}/saved-jobs", json={"job_id": pick}
    ).json
    assert saved["description"] is None and saved["hiring_team"] == []
    # The posting, captured later from its own page (here: the labelled page's HTML at this
    # result's URL), completes the same opportunity.
    html = (PAGES / NO_TEAM_PAGE).read_text("utf-8", "replace").replace("4368403070", pick)
    body = capture(
        client, NO_TEAM_PAGE, url=f"https://www.linkedin.com/jobs/view/{pick}/", html=html
    )
    assert body["posting"]["id"] == saved["id"]
    assert body["posting"]["description"]
    assert body["posting"]["title"] == saved["title"]  # the user's (search's) title stays
    assert body["posting"]["source"] == "LinkedIn job search"  # where it came from first


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"job_id": "12"}, 422), ({}, 422), ({"job_id": "9999999999"}, 404)],
)
def test_bad_saves_are_refused(client, payload, status):
    body = capture(client, GUEST_SEARCH_PAGE)
    response = client.post(f"/api/captures/{body['capture_id']}/saved-jobs", json=payload)
    assert response.status_code == status, response.json
    assert opportunities(client) == []


def test_an_unrendered_result_cannot_be_saved_without_its_title(client):
    body = capture(client, SEARCH_PAGE)
    unrendered = truth_for(SEARCH_PAGE)["jobs"][-1]["job_id"]
    response = client.post(
        f"/api/captures/{body['capture_id']}/saved-jobs", json={"job_id": unrendered}
    )
    assert response.status_code == 422
    assert "job_id" in response.json["errors"]
    assert opportunities(client) == []


def test_saving_from_an_unknown_capture_is_404(client):
    response = client.post(
        f"/api/captures/{uuid.uuid4()}/saved-jobs", json={"job_id": "4361442478"}
    )
    assert response.status_code == 404


def test_the_hiring_team_gets_suggestions_from_the_engine(client):
    """A 2nd-degree hiring manager whose mutual connection is one of the user's connections:
    the engine's warm-introduction rule names that mutual and the role (no rule is invented
    for job pages)."""
    connections = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sudipta,Dey,https://www.linkedin.com/in/sudipta-dey-x/,,Swedbank,Producer,01 Mar 2025\n"
    )
    imported = client.post(
        "/api/imports/linkedin",
        data={"file": (io.BytesIO(connections.encode()), "Connections.csv")},
        content_type="multipart/form-data",
    )
    assert imported.status_code == 200, imported.json
    # Her profile, captured earlier, named Sudipta Dey among the mutual connections.
    profile = client.post(
        "/api/captures",
        json={
            "id": str(uuid.uuid4()),
            "url": truth_for("profile_loggedin_02.html")["url"],
            "html": (PAGES / "profile_loggedin_02.html").read_text("utf-8", "replace"),
            "captured_at": "2026-11-25T14:50:00Z",
        },
    )
    assert profile.status_code == 201
    # The posting names her as its hiring team (the real page, with her as the poster).
    html = (PAGES / HIRING_TEAM_PAGE).read_text("utf-8", "replace")
    html = html.replace("sujith-reddy-00b243128", "sri-lalitha-jeevanige-35520a61")
    html = html.replace("Sujith Reddy", "Sri Lalitha Jeevanige")
    html = re.sub(r"(hirer-card__connection-degree\" dir=\"ltr\">\s*<!---->)3rd", r"\g<1>2nd", html)
    html = html.replace(
        "Talent Acquisition Leader | Contract &amp; Contingent Workforce | MSP Recruiter | "
        "Connecting Fashion, Consumer Electronics &amp; IT Professionals",
        "Head of Creative at US Tech Solutions",
    )

    body = capture(client, HIRING_TEAM_PAGE, html=html)

    (member,) = body["posting"]["hiring_team"]
    assert member["person"]["id"] == profile.json["person_id"]
    assert (member["role"], member["person"]["degree"]) == ("hiring_manager", 2)
    assert "Sudipta Dey" in member["person"]["mutual_names"]
    kinds = {s["kind"]: s for s in member["suggestions"]}
    assert "ask_intro" in kinds, member["suggestions"]
    reason = kinds["ask_intro"]["reason"]
    assert "Sudipta Dey" in reason and "Creative Director" in reason


def test_the_postings_topics_match_share_items_to_its_hiring_team(client):
    """The role's topics (read from the posting) make a share item suit its hiring team, in the
    share library and in the engine's share rule; the reason says it is the role's topic."""
    body = capture(client, HIRING_TEAM_PAGE)
    person_id = body["posting"]["hiring_team"][0]["person"]["id"]
    assert "photoshoot" in body["posting"]["topics"]
    item = client.post(
        "/api/share-items",
        json={
            "title": "How to plan a photoshoot that ships on time",
            "url": "https://example.com/photoshoot-planning",
            "topics": ["photoshoot"],
        },
    ).json
    other = client.post(
        "/api/share-items",
        json={
            "title": "Kubernetes autoscaling",
            "url": "https://example.com/k8s",
            "topics": ["kubernetes"],
        },
    ).json

    matches = client.get(f"/api/share-items/{item['id']}/matches").json
    assert [m["person_id"] for m in matches] == [person_id]
    assert client.get(f"/api/share-items/{other['id']}/matches").json == []

    # A non-connection's one next step is the connection note; once connected, the share.
    assert client.post("/api/suggestions/recompute", json={}).status_code == 200
    suggestions = client.get(f"/api/suggestions?person_id={person_id}&status=open").json["items"]
    assert [s["kind"] for s in suggestions] == ["connect"], suggestions
    assert client.patch(f"/api/contacts/{person_id}", json={"degree": 1}).status_code == 200
    assert client.post("/api/suggestions/recompute", json={}).status_code == 200
    suggestions = client.get(f"/api/suggestions?person_id={person_id}&status=open").json["items"]
    shares = [s for s in suggestions if s["subject_type"] == "share_item"]
    assert [s["subject_id"] for s in shares] == [item["id"]], suggestions
    # One plan per recipient: the share is folded into the first hello, whose reason names the
    # item, the topic, and that the topic is the role's (the posting's, not her own posts').
    reason = shares[0]["reason"]
    assert "How to plan a photoshoot that ships on time" in reason
    assert "'photoshoot'" in reason
    assert "Creative Director role at US Tech Solutions" in reason, reason
