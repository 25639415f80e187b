"""Opportunities and their interviews."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..http.clock import now
from ..http.db import db_session
from ..schemas.common import Deleted
from ..schemas.opportunities import (
    InterviewCreate,
    InterviewList,
    InterviewOut,
    InterviewQuery,
    InterviewUpdate,
    OpportunityCreate,
    OpportunityList,
    OpportunityOut,
    OpportunityQuery,
    OpportunityUpdate,
)
from ..services import opportunities as service
from ..services.views import interview_view, opportunity_view

blp = Blueprint("opportunities", __name__, url_prefix="/api", description="Roles and interviews")


@blp.route("/opportunities")
class Opportunities(MethodView):
    @blp.arguments(OpportunityQuery, location="query")
    @blp.response(200, OpportunityList)
    def get(self, args):
        return service.list_opportunities(db_session(), **args).to_dict(opportunity_view)

    @blp.arguments(OpportunityCreate)
    @blp.response(201, OpportunityOut)
    def post(self, data):
        return opportunity_view(service.create_opportunity(db_session(), data, now()))


@blp.route("/opportunities/<int:opportunity_id>")
class OpportunityResource(MethodView):
    @blp.response(200, OpportunityOut)
    def get(self, opportunity_id):
        return opportunity_view(service.get_opportunity(db_session(), opportunity_id))

    @blp.arguments(OpportunityUpdate)
    @blp.response(200, OpportunityOut)
    def patch(self, data, opportunity_id):
        session = db_session()
        opportunity = service.get_opportunity(session, opportunity_id)
        service.update_opportunity(session, opportunity, data, now())
        return opportunity_view(opportunity)

    @blp.response(200, Deleted)
    def delete(self, opportunity_id):
        session = db_session()
        opportunity = service.get_opportunity(session, opportunity_id)
        service.delete_opportunity(session, opportunity, now())
        return {"deleted": True}


@blp.route("/interviews")
class Interviews(MethodView):
    @blp.arguments(InterviewQuery, location="query")
    @blp.response(200, InterviewList)
    def get(self, args):
        return service.list_interviews(db_session(), **args).to_dict(interview_view)

    @blp.arguments(InterviewCreate)
    @blp.response(201, InterviewOut)
    def post(self, data):
        return interview_view(service.create_interview(db_session(), data, now()))


@blp.route("/interviews/<int:interview_id>")
class InterviewResource(MethodView):
    @blp.response(200, InterviewOut)
    def get(self, interview_id):
        return interview_view(service.get_interview(db_session(), interview_id))

    @blp.arguments(InterviewUpdate)
    @blp.response(200, InterviewOut)
    def patch(self, data, interview_id):
        session = db_session()
        interview = service.get_interview(session, interview_id)
        service.update_interview(session, interview, data, now())
        return interview_view(interview)

    @blp.response(200, Deleted)
    def delete(self, interview_id):
        session = db_session()
        interview = service.get_interview(session, interview_id)
        service.delete_interview(session, interview, now())
        return {"deleted": True}
