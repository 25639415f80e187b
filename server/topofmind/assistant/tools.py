"""The MCP tools: each validates with the API's schema, calls the API's services in one short
transaction, and answers with readable text plus the same data as structured content.

Reading tools roll their transaction back, so they never write. Writing tools commit once, at the
end, like an API request (the services recompute whom a write touched, as a unit of work); a
failure leaves nothing half-written and comes back as a tool error naming the field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Annotated, Any, TypeVar

import marshmallow as ma
from mcp.types import CallToolResult, TextContent
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker

from ..domain import timing
from ..domain.message_check import CHANNEL_LIMITS
from ..errors import DomainError
from ..sanitize import clean_tree
from ..schemas.drafts import CheckIn
from ..schemas.interactions import InteractionCreate
from ..schemas.opportunities import InterviewCreate
from ..schemas.people import PersonQuery
from ..schemas.suggestions import DoneIn, SnoozeIn
from ..services import drafting
from ..services import interactions as interaction_service
from ..services import opportunities as opportunity_service
from ..services import people as people_service
from ..services import suggestions as suggestion_service
from ..services.dossier import interview_summary, names_of, person_dossier
from ..services.opportunities import STAGES
from ..services.pipeline import pipeline_view
from ..services.settings import get_settings
from ..services.views import person_views
from . import text as render
from .errors import EXPECTED, tool_error

log = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], datetime]

COMING_UP_DAYS = 7
COMING_UP_LIMIT = 5
# Other people's private notes never leave through a list (docs/assistant.md).
PRIVATE_IN_LISTS = ("notes",)
CADENCE_STATUSES = ("on_track", "due", "overdue", "too_frequent", "no_contact")


def jsonable(value: Any) -> Any:
    """``value`` with times as ISO 8601 strings and tuples as lists (structured content)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def answer(readable: str, data: Mapping[str, Any]) -> CallToolResult:
    """A tool result: ``readable`` text first, ``data`` as structured content."""
    return CallToolResult(
        content=[TextContent(type="text", text=readable)], structured_content=jsonable(data)
    )


def given(**arguments: Any) -> dict[str, Any]:
    """The arguments the assistant actually passed (None means "not given"), cleared of bidi
    controls and NUL like every text that enters (``sanitize``)."""
    return {key: clean_tree(value) for key, value in arguments.items() if value is not None}


def enum(description: str, choices: Iterable[str]) -> Any:
    """A string parameter whose schema lists ``choices`` (on the string branch of an optional
    one). The API's schema checks the value, so a wrong one gets the API's field error."""
    options = list(choices)

    def add_choices(schema: dict[str, Any]) -> None:
        branches = schema.get("anyOf") or [schema]
        target = next((branch for branch in branches if branch.get("type") == "string"), schema)
        target["enum"] = options

    return Field(description=description, json_schema_extra=add_choices)


PersonId = Annotated[int, Field(description="The person's id (from search_people or a plan).")]
SuggestionId = Annotated[
    int, Field(description="The suggestion's id (from todays_plan or a dossier).")
]
Moment = Annotated[
    str, Field(description="ISO 8601 date and time with offset, e.g. 2026-12-07T09:30:00+01:00.")
]


class Interviewer(BaseModel):
    """One interviewer of an interview and what was discussed with them in particular."""

    person_id: int = Field(description="The interviewer's person id (search_people finds it).")
    topics: list[str] = Field(
        default_factory=list,
        description="What was discussed with this interviewer, short phrases in the user's words.",
    )


class Toolbox:
    """The tools, bound to one database (``session_factory``) and one clock."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock):
        self._session_factory = session_factory
        self._clock = clock

    # Transactions ----------------------------------------------------------------------------

    def _run(
        self, work: Callable[[Session, datetime], T], *, write: bool, subject: str | None
    ) -> T:
        """Run ``work`` in one transaction (committed when ``write``, else rolled back). An
        expected failure becomes a tool error; one that names no field is blamed on ``subject``,
        the argument that named the record."""
        now = self._clock()
        with self._session_factory() as session:
            try:
                result = work(session, now)
                if write:
                    session.commit()
                else:
                    session.rollback()
                return result
            except EXPECTED as error:
                session.rollback()
                log.info("tool refused: %s", type(error).__name__)
                raise tool_error(error, subject) from error

    def _read(self, work: Callable[[Session, datetime], T], subject: str | None = None) -> T:
        return self._run(work, write=False, subject=subject)

    def _write(self, work: Callable[[Session, datetime], T], subject: str | None = None) -> T:
        return self._run(work, write=True, subject=subject)

    @staticmethod
    def _words(session: Session, now: datetime) -> render.Words:
        return render.Words(render.Words.zone_of(get_settings(session)), now)

    @staticmethod
    def _open_for(
        session: Session, now: datetime, person_ids: Iterable[int]
    ) -> list[dict[str, Any]]:
        rows = [
            row
            for person_id in dict.fromkeys(person_ids)
            for row in suggestion_service.list_suggestions(
                session, status="open", now=now, person_id=person_id, per_page=20
            ).items
        ]
        return suggestion_service.suggestion_views(session, rows, now)

    # Reading ---------------------------------------------------------------------------------

    def todays_plan(self) -> CallToolResult:
        """What the user should do today to stay on the radar of the people who decide their
        next job: the suggestions due today in priority order, within the user's daily budget,
        each with its reason, due time, window end and a ready-to-edit draft with guidance; then
        what comes up later this week. Start here for "what should I do today?"."""

        def work(session: Session, now: datetime) -> CallToolResult:
            digest = suggestion_service.digest(session, now)
            words = self._words(session, now)
            end_of_today = timing.end_of_day(now, words.zone)
            coming = suggestion_service.list_suggestions(
                session,
                status="open",
                now=now,
                due_after=end_of_today,
                due_before=now + timedelta(days=COMING_UP_DAYS),
                per_page=COMING_UP_LIMIT,
            ).items
            plan = {
                "date": digest["date"],
                "now": now,
                "time_zone": words.zone.key,
                "budget": digest["budget"],
                "due_today_count": digest["due_today_count"] + digest["later_today_count"],
                "waiting": digest["later_today_count"],
                "today": digest["items"],
                "coming_up": suggestion_service.suggestion_views(session, coming, now),
            }
            return answer(render.plan_text(plan, words), plan)

        return self._read(work)

    def search_people(
        self,
        query: Annotated[
            str | None, Field(description="Part of a name, headline, title or company.")
        ] = None,
        company: Annotated[str | None, Field(description="Exact company name.")] = None,
        tag: Annotated[
            str | None, Field(description="A tag, e.g. 'hiring manager', 'recruiter'.")
        ] = None,
        stage: Annotated[
            str | None,
            enum(
                "Stage of their opportunity; 'networking' means on none.",
                (*STAGES, "networking"),
            ),
        ] = None,
        status: Annotated[
            str | None, enum("Cadence status against their target.", CADENCE_STATUSES)
        ] = None,
        page: Annotated[int, Field(description="Page number, from 1.")] = 1,
        per_page: Annotated[int, Field(description="People per page (at most 200).")] = 20,
    ) -> CallToolResult:
        """Find tracked people by name, company, tag, opportunity stage or cadence status. Each
        result gives the person's id (for person_dossier, log_interaction and the prompts), role,
        stage, tags and where the relationship stands. Filters combine; none lists everyone."""

        def work(session: Session, now: datetime) -> CallToolResult:
            args = PersonQuery().load(
                given(
                    q=query,
                    company=company,
                    tag=tag,
                    stage=stage,
                    status=status,
                    page=page,
                    per_page=per_page,
                )
            )
            found = people_service.list_people(session, **args)
            items = [
                {key: value for key, value in view.items() if key not in PRIVATE_IN_LISTS}
                for view in person_views(session, found.items, now)
            ]
            result = {**found.to_dict(), "items": items}
            return answer(render.people_text(result, self._words(session, now)), result)

        return self._read(work)

    def person_dossier(self, person_id: PersonId) -> CallToolResult:
        """Everything Top of Mind knows about one person, to write to them well: profile facts,
        cadence and status, opportunities and their role on each, the interviews they ran with
        the topics discussed with each interviewer and the user's notes, their recent posts,
        mutual connections and who could introduce the user (ranked, with evidence), their open
        suggestions with drafts and guidance, and the timeline of every touch."""

        def work(session: Session, now: datetime) -> CallToolResult:
            dossier = person_dossier(session, person_id, now)
            return answer(render.dossier_text(dossier, self._words(session, now)), dossier)

        return self._read(work, "person_id")

    def pipeline(
        self,
        include_closed: Annotated[
            bool, Field(description="Also list hired, rejected and withdrawn opportunities.")
        ] = False,
    ) -> CallToolResult:
        """The job search at a glance: every open opportunity by stage (interested → applied →
        screening → interviewing → offer) with its people and their roles, its interviews (when,
        with whom, topics) and the promised decision date."""

        def work(session: Session, now: datetime) -> CallToolResult:
            view = pipeline_view(session, now, include_closed=include_closed)
            return answer(render.pipeline_text(view, self._words(session, now)), view)

        return self._read(work)

    def check_message(
        self,
        text: Annotated[str, Field(description="The message exactly as it would be sent.")],
        channel: Annotated[
            str,
            enum(
                "Where it goes: email, message (LinkedIn message), linkedin_note (connection "
                "note), comment (on a post) or reaction.",
                CHANNEL_LIMITS,
            ),
        ],
        person_id: Annotated[
            int | None,
            Field(
                description="The recipient: lets the check see what was discussed with them and "
                "what was already sent."
            ),
        ] = None,
    ) -> CallToolResult:
        """Top of Mind's local message check, run before the user sends anything: warns when a
        message is generic (cites nothing specific), uses stock phrases, is too long for its
        channel, repeats what was already sent to this person, or sounds negative, complaining
        or pushy — and names the words that caused each warning. Fix them and check again."""

        def work(session: Session, now: datetime) -> CallToolResult:
            args = CheckIn().load(given(text=text, channel=channel, person_id=person_id))
            result = drafting.check_text(
                session, args["text"], args["channel"], args.get("person_id"), now
            )
            return answer(render.check_text(result, args["channel"]), result)

        return self._read(work, "person_id")

    # Writing ---------------------------------------------------------------------------------

    def log_interaction(
        self,
        person_id: PersonId,
        kind: Annotated[
            str,
            enum(
                "What happened. Outbound: thank_you, check_in, message, email, call, comment, "
                "reaction, share, meeting, event, intro_request, referral, document_sent; "
                "inbound: inbound_reply, inbound_request.",
                interaction_service.KINDS,
            ),
        ],
        note: Annotated[
            str | None,
            Field(description="What was said or sent, in a sentence (or the text itself)."),
        ] = None,
        occurred_at: Annotated[
            str | None, Field(description="When (ISO 8601 with offset); default: now.")
        ] = None,
        direction: Annotated[
            str | None,
            enum(
                "outbound (the user reached out) or inbound; inbound_* kinds are always inbound.",
                interaction_service.DIRECTIONS,
            ),
        ] = None,
        opportunity_id: Annotated[
            int | None, Field(description="The opportunity it concerns, if any.")
        ] = None,
        post_urn: Annotated[
            str | None, Field(description="For a comment or reaction: the post's urn:li:activity.")
        ] = None,
    ) -> CallToolResult:
        """Record a touch the user had with a person — a note they sent, a call, a reply they
        received — so cadence, spacing and suggestions account for it (a thank-you logged here
        closes the thank-you suggestion). To record sending a suggestion's draft, prefer
        mark_suggestion_done."""

        def work(session: Session, now: datetime) -> CallToolResult:
            data = InteractionCreate().load(
                given(
                    kind=kind,
                    note=note,
                    occurred_at=occurred_at,
                    direction=direction,
                    opportunity_id=opportunity_id,
                    post_urn=post_urn,
                    source="manual",
                )
            )
            interaction = interaction_service.record_interaction(session, person_id, data, now)
            person = people_service.get_person(session, person_id)
            words = self._words(session, now)
            logged = {
                "id": interaction.id,
                "person_id": person_id,
                "kind": interaction.kind,
                "direction": interaction.direction,
                "occurred_at": interaction.occurred_at,
                "note": interaction.note,
                "post_urn": interaction.post_urn,
                "opportunity_id": interaction.opportunity_id,
                "source": interaction.source,
            }
            still_open = self._open_for(session, now, [person_id])
            readable = (
                f"Logged: {render.label(interaction.kind)}, {interaction.direction}, with "
                f"{person.name} (person {person_id}), {words.when(interaction.occurred_at)} "
                f"[interaction {interaction.id}]."
            )
            return answer(
                _with_open(readable, person.name, still_open, words),
                {"interaction": logged, "open_suggestions": still_open},
            )

        return self._write(work, "person_id")

    def mark_suggestion_done(
        self,
        suggestion_id: SuggestionId,
        sent_text: Annotated[
            str | None,
            Field(
                description="The message as the user sent it; kept (or summarised, per the "
                "user's setting) so the repeat check knows it next time."
            ),
        ] = None,
        note: Annotated[
            str | None, Field(description="A short note instead of the sent text.")
        ] = None,
    ) -> CallToolResult:
        """The user did what a suggestion asked (sent the thank-you, the check-in, the comment…):
        marks it done and logs the touch it stands for, dated now, then refreshes that person's
        suggestions."""

        def work(session: Session, now: datetime) -> CallToolResult:
            data = DoneIn().load(given(sent_text=sent_text, note=note))
            suggestion = suggestion_service.mark_done(
                session, suggestion_id, now, data.get("note"), sent_text=data.get("sent_text")
            )
            return self._acted(session, now, suggestion, "Marked done")

        return self._write(work, "suggestion_id")

    def snooze_suggestion(
        self,
        suggestion_id: SuggestionId,
        until: Annotated[
            str | None, Field(description="Hide until this time (ISO 8601 with offset).")
        ] = None,
        hours: Annotated[int | None, Field(description="Or hide for this many hours.")] = None,
    ) -> CallToolResult:
        """Put a suggestion off: hidden until a time (default: the start of the user's next
        working day); it comes back on its own."""

        def work(session: Session, now: datetime) -> CallToolResult:
            data = SnoozeIn().load(given(until=until, hours=hours))
            suggestion = suggestion_service.snooze(
                session, suggestion_id, now, data.get("until"), data.get("hours")
            )
            return self._acted(session, now, suggestion, "Snoozed")

        return self._write(work, "suggestion_id")

    def dismiss_suggestion(self, suggestion_id: SuggestionId) -> CallToolResult:
        """The user does not want to act on a suggestion: dismissed, it stays so unless new
        facts arrive."""

        def work(session: Session, now: datetime) -> CallToolResult:
            suggestion = suggestion_service.dismiss(session, suggestion_id, now)
            return self._acted(session, now, suggestion, "Dismissed")

        return self._write(work, "suggestion_id")

    def _acted(self, session: Session, now: datetime, suggestion: Any, verb: str) -> CallToolResult:
        view = suggestion_service.suggestion_views(session, [suggestion], now)[0]
        words = self._words(session, now)
        still_open = self._open_for(session, now, [suggestion.person_id])
        until = (
            f" until {words.when(suggestion.snoozed_until)}"
            if suggestion.status == "snoozed"
            else ""
        )
        readable = (
            f"{verb}{until}: {render.label(view['kind'])} for {view['person_name']} "
            f"[suggestion {view['id']}]."
        )
        return answer(
            _with_open(readable, view["person_name"], still_open, words),
            {"suggestion": view, "open_suggestions": still_open},
        )

    def add_interview(
        self,
        opportunity_id: Annotated[
            int, Field(description="The opportunity (from pipeline or a dossier).")
        ],
        starts_at: Moment,
        ends_at: Moment,
        interviewers: Annotated[
            list[Interviewer],
            Field(description="Who interviewed, each with what was discussed with them."),
        ],
        kind: Annotated[
            str | None, enum("The kind of interview.", opportunity_service.INTERVIEW_KINDS)
        ] = None,
        topics: Annotated[
            list[str] | None, Field(description="Topics of the round as a whole.")
        ] = None,
        notes: Annotated[
            str | None,
            Field(description="The user's private notes on the round (never quoted in drafts)."),
        ] = None,
        decision_expected_on: Annotated[
            str | None, Field(description="When they said they would decide (YYYY-MM-DD).")
        ] = None,
    ) -> CallToolResult:
        """Record an interview of an opportunity with its interviewers and the topics discussed
        with each — the facts a personal thank-you cites. The opportunity moves to
        'interviewing' if it was earlier, and each interviewer's thank-you is suggested once the
        interview has ended."""

        def work(session: Session, now: datetime) -> CallToolResult:
            try:
                data = InterviewCreate().load(
                    given(
                        opportunity_id=opportunity_id,
                        starts_at=starts_at,
                        ends_at=ends_at,
                        kind=kind,
                        interviewer_ids=[entry.person_id for entry in interviewers],
                        interviewer_topics={
                            str(entry.person_id): entry.topics for entry in interviewers
                        },
                        topics=topics,
                        notes=notes,
                        decision_expected_on=decision_expected_on,
                    )
                )
            except ma.ValidationError as error:
                raise ma.ValidationError(_interviewer_fields(error.messages)) from error
            try:
                interview = opportunity_service.create_interview(session, data, now)
            except DomainError as error:
                error.errors = _interviewer_fields(error.errors)
                raise
            ids = [link.person_id for link in interview.interviewers]
            summary = interview_summary(interview, names_of(session, set(ids)))
            words = self._words(session, now)
            still_open = self._open_for(session, now, ids)
            readable = (
                f"Added the interview [interview {interview.id}]:\n"
                + render.interview_block(summary, words)
                + f"\nThe opportunity is now {interview.opportunity.stage}."
            )
            return answer(
                _with_open(readable, "the interviewers", still_open, words),
                {
                    "interview": summary,
                    "stage": interview.opportunity.stage,
                    "open_suggestions": still_open,
                },
            )

        return self._write(work)


# The API's names for what this tool calls ``interviewers`` ("people": the service's check).
INTERVIEWER_FIELDS = ("interviewer_ids", "interviewer_topics", "people")


def _interviewer_fields(messages: Any) -> Any:
    """Field errors renamed to this tool's arguments."""
    if not isinstance(messages, Mapping):
        return messages
    renamed: dict[str, Any] = {}
    for field, problems in messages.items():
        key = "interviewers" if field in INTERVIEWER_FIELDS else field
        renamed.setdefault(key, []).append(problems)
    return renamed


def _with_open(
    readable: str, who: str, still_open: list[dict[str, Any]], words: render.Words
) -> str:
    if not still_open:
        return readable + f"\nNothing else is open for {who} now."
    return (
        readable
        + f"\n\nOpen now for {who}:\n"
        + "\n".join(render.suggestion_block(item, words) for item in still_open)
    )


READING = ("todays_plan", "search_people", "person_dossier", "pipeline", "check_message")
WRITING = (
    "log_interaction",
    "mark_suggestion_done",
    "snooze_suggestion",
    "dismiss_suggestion",
    "add_interview",
)
