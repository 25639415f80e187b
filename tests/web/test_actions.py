"""Forms: CSRF on every POST, POST-redirect-GET with a flash, bad input kept and explained."""

from datetime import timedelta

import pytest

from tests.web.conftest import flash_text, open_suggestions, status_of, suggestion_of

POSTS = [
    ("/suggestions/{s}/done", {}),
    ("/suggestions/{s}/snooze", {"hours": "4"}),
    ("/suggestions/{s}/dismiss", {}),
    ("/contacts/{p}/edit", {"name": "Changed"}),
    ("/contacts/{p}/notes", {"notes": "x"}),
    ("/contacts/{p}/interactions", {"kind": "call"}),
    ("/contacts/{p}/forget", {"confirm": "Dana Hiring"}),
    ("/contacts", {"name": "New"}),
    ("/pipeline/opportunities", {"company": "X", "title": "Y"}),
    ("/pipeline/opportunities/{o}/stage", {"stage": "offer"}),
    ("/settings", {"daily_budget": "3"}),
    ("/settings/delete-all", {"confirm": "delete everything"}),
    ("/logout", {}),
]


@pytest.mark.parametrize("template,data", POSTS)
@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_every_form_refuses_a_missing_or_wrong_csrf_token(
    web, seed, db_session, template, data, token
):
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    path = template.format(s=suggestion, p=seed["dana"], o=seed["opportunity"])
    if token:
        data = {**data, "csrf_token": token}
    response = web.post(path, data, csrf=False)
    assert response.status_code == 403
    assert "form expired" in response.get_data(as_text=True)
    assert status_of(db_session, suggestion) == "open"
    assert "Dana Hiring" in web.text(f"/contacts/{seed['dana']}")


def test_done_logs_the_touch_and_redirects_with_a_flash(web, seed, db_session):
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    response = web.post(f"/suggestions/{suggestion}/done", {"next": "/"})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert status_of(db_session, suggestion) == "done"
    html = web.text("/")
    assert "Marked done: “Thank you” is logged on the timeline." in flash_text(html)
    assert f'id="suggestion-{suggestion}"' not in html
    assert "Thank you" in web.text(f"/contacts/{seed['dana']}")  # the logged touch


def test_snooze_hides_until_later_and_dismiss_hides_for_good(web, seed, db_session, clock):
    keep_warm = suggestion_of(db_session, "keep_warm", seed["quiet"])
    comment = suggestion_of(db_session, "comment", seed["eve"])
    assert web.post(f"/suggestions/{keep_warm}/snooze", {"hours": "72"}).status_code == 303
    assert web.post(f"/suggestions/{comment}/dismiss").status_code == 303
    assert status_of(db_session, keep_warm) == "snoozed"
    assert status_of(db_session, comment) == "dismissed"
    html = web.text("/")
    assert f'id="suggestion-{keep_warm}"' not in html
    assert f'id="suggestion-{comment}"' not in html
    assert "1 snoozed suggestion will come back" in html
    clock.advance(hours=73)
    assert f'id="suggestion-{keep_warm}"' in web.text("/")


def test_acting_on_a_done_suggestion_explains_instead_of_failing(web, seed, db_session):
    suggestion = suggestion_of(db_session, "thank_you", seed["dana"])
    web.post(f"/suggestions/{suggestion}/done")
    response = web.post(f"/suggestions/{suggestion}/dismiss", {"next": "/"})
    assert response.status_code == 303
    assert any("cannot be dismissed" in text for text in flash_text(web.text("/")))
    assert status_of(db_session, suggestion) == "done"
    assert web.post("/suggestions/987654/done").status_code == 303


def test_edit_person_saves_and_bad_input_keeps_what_was_typed(web, seed):
    path = f"/contacts/{seed['quiet']}"
    response = web.post(
        f"{path}/edit",
        {
            "name": "Quinn Q. Quiet",
            "headline": "VP Platform",
            "company": "Globex",
            "tags": "Referrer, hiring manager",
            "degree": "2",
            "do_not_contact": "on",
            "time_zone": "America/Chicago",
        },
    )
    assert response.status_code == 303
    html = web.text(path)
    assert "Quinn Q. Quiet" in html and "VP Platform" in html
    assert "referrer" in html and "Do not contact" in html
    bad = web.post(
        f"{path}/edit", {"name": "  ", "headline": "Typed headline", "time_zone": "Mars/Olympus"}
    )
    assert bad.status_code == 422
    body = bad.get_data(as_text=True)
    assert "A name is required." in body
    assert "Use a time zone name like Europe/Berlin." in body
    assert 'value="Typed headline"' in body
    assert 'aria-invalid="true"' in body
    assert "Quinn Q. Quiet" in web.text(path)  # nothing was saved


def test_notes_and_logged_interactions_appear_on_the_person_page(web, seed, db_session):
    path = f"/contacts/{seed['quiet']}"
    assert web.post(f"{path}/notes", {"notes": "Met at PyCon; likes Rust."}).status_code == 303
    response = web.post(
        f"{path}/interactions",
        {
            "kind": "call",
            "direction": "outbound",
            "note": "Caught up about the Globex reorg",
        },
    )
    assert response.status_code == 303
    html = web.text(path)
    assert "Met at PyCon; likes Rust." in html
    assert "Caught up about the Globex reorg" in html
    assert "Logged a call with Quinn Quiet." in flash_text(html)
    # The fresh touch satisfied the keep-warm suggestion on recompute.
    assert "keep_warm" not in [
        kind for _id, kind, pid, status in open_suggestions(db_session) if pid == seed["quiet"]
    ]


def test_log_interaction_rejects_unknown_kind_and_future_times(web, seed, clock):
    path = f"/contacts/{seed['quiet']}/interactions"
    response = web.post(path, {"kind": "telepathy", "note": "keep me"})
    assert response.status_code == 422
    assert "Choose what happened." in response.get_data(as_text=True)
    assert "keep me" in response.get_data(as_text=True)
    future = (clock() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = web.post(path, {"kind": "call", "occurred_at": future})
    assert response.status_code == 422
    assert "in the future" in response.get_data(as_text=True)


def test_forget_needs_the_typed_name_then_removes_everything(web, seed, db_session):
    path = f"/contacts/{seed['dana']}"
    assert web.post(f"{path}/forget", {"confirm": "nope"}).status_code == 303
    assert web.get(path).status_code == 200
    response = web.post(f"{path}/forget", {"confirm": "dana hiring"})
    assert response.status_code == 303 and response.headers["Location"] == "/contacts"
    assert "Forgot Dana Hiring" in " ".join(flash_text(web.text("/contacts")))
    assert web.get(path).status_code == 404
    assert all(pid != seed["dana"] for _i, _k, pid, _s in open_suggestions(db_session, status=None))


def test_add_person_from_contacts(web, seed):
    response = web.post(
        "/contacts", {"name": "Nora New", "profile_url": "https://www.linkedin.com/in/nora-new/"}
    )
    assert response.status_code == 303
    assert "Nora New" in web.text(response.headers["Location"])
    again = web.post("/contacts", {"name": "Nora", "profile_url": "linkedin.com/in/nora-new"})
    assert again.headers["Location"] == "/contacts"
    assert "already tracked" in " ".join(flash_text(web.text("/contacts")))


def test_add_opportunity_with_contact_and_move_it(web, seed):
    response = web.post(
        "/pipeline/opportunities",
        {
            "company": "Initech",
            "title": "Platform Lead",
            "stage": "interested",
            "contact": "quinn quiet",
            "role": "hiring_manager",
        },
    )
    assert response.status_code == 303
    html = web.text("/pipeline")
    column = html.split('id="col-interested"')[1].split('class="column"')[0]
    assert "Platform Lead" in column and "Quinn Quiet" in column
    opportunity_id = int(response.headers["Location"].rsplit("-", 1)[1])
    web.post(f"/pipeline/opportunities/{opportunity_id}/stage", {"stage": "rejected"})
    html = web.text("/pipeline")
    assert "Closed" in html.split('class="card closed"')[1]
    assert "Platform Lead" in html.split('class="card closed"')[1]


def test_add_opportunity_errors_are_shown_next_to_fields(web, seed):
    response = web.post(
        "/pipeline/opportunities",
        {
            "company": "",
            "title": "Keep this title",
            "contact": "Nobody Known",
        },
    )
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Which company?" in body
    assert "No tracked person named “Nobody Known”" in body
    assert 'value="Keep this title"' in body


def test_an_interview_added_on_the_pipeline_produces_thank_you_suggestions(
    web, seed, clock, db_session
):
    start = (clock() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    response = web.post(
        f"/pipeline/opportunities/{seed['opportunity']}/interviews",
        {
            "starts_at": start,
            "duration_minutes": "60",
            "kind": "onsite",
            "interviewer_ids": str(seed["ravi"]),
            f"topics_{seed['ravi']}": "hiring timeline",
            "new_interviewer": "Mia Mutual",
            "new_interviewer_topics": "observability",
            "topics": "system design",
            "notes": "Whiteboard session",
            "decision_expected_on": (clock() + timedelta(days=10)).date().isoformat(),
        },
    )
    assert response.status_code == 303
    assert "Thank-you suggestions are on Today." in " ".join(flash_text(web.text("/pipeline")))
    kinds = {(kind, pid) for _id, kind, pid, _s in open_suggestions(db_session)}
    assert ("thank_you", seed["ravi"]) in kinds
    assert ("thank_you", seed["mia"]) in kinds
    today = web.text("/")
    assert "Thank Ravi Recruiter" in today and "Thank Mia Mutual" in today


def test_interview_form_errors_keep_input(web, seed):
    response = web.post(
        f"/pipeline/opportunities/{seed['opportunity']}/interviews",
        {
            "starts_at": "not a date",
            "topics": "keep these topics",
            "new_interviewer": "Nobody",
        },
    )
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Use a date and time like" in body
    assert 'value="keep these topics"' in body


def test_edit_interview_sets_per_interviewer_topics(web, seed, db_session):
    path = f"/pipeline/interviews/{seed['interview']}"
    html = web.text(path)
    assert 'value="team growth"' in html  # Dana's topics from the seed
    response = web.post(
        path,
        {
            "starts_at": "2026-11-25T10:00",
            "duration_minutes": "50",
            "kind": "panel",
            "interviewer_ids": [str(seed["dana"]), str(seed["ravi"])],
            f"topics_{seed['dana']}": "roadmap, hiring plan",
            f"topics_{seed['ravi']}": "salary bands",
            "topics": "platform migration",
            "notes": "Went well",
        },
    )
    assert response.status_code == 303
    from topofmind.services.opportunities import get_interview

    with db_session() as session:
        interview = get_interview(session, seed["interview"])
        topics = {link.person_id: link.topics for link in interview.interviewers}
        assert topics == {seed["dana"]: ["roadmap", "hiring plan"], seed["ravi"]: ["salary bands"]}
        assert interview.kind == "panel"
        assert (interview.ends_at - interview.starts_at) == timedelta(minutes=50)
    bad = web.post(path, {"starts_at": "", "interviewer_ids": str(seed["dana"])})
    assert bad.status_code == 422
    assert "Required." in bad.get_data(as_text=True)
