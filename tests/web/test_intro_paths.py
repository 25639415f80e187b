"""The person page shows who can introduce the user, why, and a request ready to copy."""

from topofmind.services.demo import load_demo


def test_second_degree_hiring_manager_shows_ranked_introducers(app, web, clock):
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        load_demo(session, clock.now)
    contacts = web.text("/contacts?q=daniel")
    person_id = int(contacts.split('href="/contacts/')[1].split('"')[0])
    page = web.text(f"/contacts/{person_id}")
    section = page.split("Who can introduce you")[1]
    assert section.index("Sofia Marin") < section.index("Wei Chen")
    assert "Works at Lumen Health like" in section
    assert "Introduction request to <bdi>Sofia Marin</bdi>" in section  # isolated (issue 15)
    assert "Would you be comfortable introducing us?" in section


def test_first_degree_people_need_no_introduction(app, web, clock):
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        load_demo(session, clock.now)
    contacts = web.text("/contacts?q=hannah")
    person_id = int(contacts.split('href="/contacts/')[1].split('"')[0])
    assert "Who can introduce you" not in web.text(f"/contacts/{person_id}")


def test_check_a_message_points_at_the_words(app, web, clock):
    state = app.extensions["topofmind"]
    with state.session_factory.begin() as session:
        load_demo(session, clock.now)
    contacts = web.text("/contacts?q=marcus")
    person_id = int(contacts.split('href="/contacts/')[1].split('"')[0])
    response = web.post(
        f"/contacts/{person_id}/check",
        data={
            "channel": "email",
            "text": "Hi Marcus, I hope this email finds you well. I still haven't heard back "
            "and need an answer ASAP!!!",
        },
    )
    assert response.status_code == 200
    page = response.data.decode()
    assert "hope this email finds you well" in page
    assert "ASAP" in page
    empty = web.post(f"/contacts/{person_id}/check", data={"channel": "email", "text": " "})
    assert empty.status_code == 422
    assert "Paste or write the message" in empty.data.decode()
    refused = web.post(f"/contacts/{person_id}/check", data={"text": "x"}, csrf=False)
    assert refused.status_code in (400, 403)
