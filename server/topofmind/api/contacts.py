"""Contacts (people): list, search, look up by URL, create, edit, forget, their interactions."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from ..http.clock import now
from ..http.db import db_session
from ..schemas.common import Deleted
from ..schemas.interactions import (
    InteractionCreate,
    InteractionList,
    InteractionOut,
    InteractionQuery,
)
from ..schemas.people import (
    LookupQuery,
    PersonCreate,
    PersonList,
    PersonOut,
    PersonQuery,
    PersonUpdate,
)
from ..services import interactions as interaction_service
from ..services import people as people_service
from ..services.views import person_view, person_views

blp = Blueprint("contacts", __name__, url_prefix="/api/contacts", description="People you track")


@blp.route("")
class Contacts(MethodView):
    @blp.arguments(PersonQuery, location="query")
    @blp.response(200, PersonList)
    def get(self, args):
        session = db_session()
        page = people_service.list_people(session, **args)
        result = page.to_dict()
        result["items"] = person_views(session, page.items, now())
        return result

    @blp.arguments(PersonCreate)
    @blp.response(201, PersonOut)
    def post(self, data):
        session = db_session()
        person = people_service.create_person(session, data, now())
        return person_view(session, person, now())


@blp.route("/lookup")
class Lookup(MethodView):
    @blp.arguments(LookupQuery, location="query")
    @blp.response(200, PersonOut)
    def get(self, args):
        """The person at a LinkedIn profile URL (vanity or member-id form)."""
        session = db_session()
        person = people_service.find_person_by_url(session, args["url"])
        if person is None:
            raise NotFound("Not tracked yet.", {"url": ["No tracked person at this URL."]})
        return person_view(session, person, now())


@blp.route("/<int:person_id>")
class Contact(MethodView):
    @blp.response(200, PersonOut)
    def get(self, person_id):
        session = db_session()
        return person_view(session, people_service.get_person(session, person_id), now())

    @blp.arguments(PersonUpdate)
    @blp.response(200, PersonOut)
    def patch(self, data, person_id):
        session = db_session()
        person = people_service.get_person(session, person_id)
        people_service.update_person(session, person, data, now())
        return person_view(session, person, now())

    @blp.response(200, Deleted)
    def delete(self, person_id):
        """Forget this person: every interaction, post, suggestion and raw capture."""
        session = db_session()
        removed = people_service.forget_person(
            session, people_service.get_person(session, person_id), now()
        )
        return {"deleted": True, "removed": removed}


@blp.route("/<int:person_id>/interactions")
class ContactInteractions(MethodView):
    @blp.arguments(InteractionQuery, location="query")
    @blp.response(200, InteractionList)
    def get(self, args, person_id):
        session = db_session()
        people_service.get_person(session, person_id)
        return interaction_service.list_interactions(session, person_id=person_id, **args).to_dict()

    @blp.arguments(InteractionCreate)
    @blp.response(201, InteractionOut)
    def post(self, data, person_id):
        return interaction_service.record_interaction(db_session(), person_id, data, now())
