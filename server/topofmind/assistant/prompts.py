"""The MCP prompts: one per message kind the playbook cares most about (thank-you, check-in,
comment on a post, introduction request, follow-up after an event).

Each prompt is a brief for the assistant, filled with that person's facts from the services (the
dossier, the product's own draft and guidance for the kind, what was already sent to them) and
ending with the steps: draft, run ``check_message``, fix what it names, and — unless the server is
read-only — log what the user sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Annotated, Any

from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS
from pydantic import Field
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DomainError
from ..services import drafting
from ..services import opportunities as opportunity_service
from ..services import people as people_service
from ..services.dossier import person_dossier
from ..services.opportunities import OPEN_STAGES
from ..services.settings import get_settings
from .text import Words, excerpt, interview_block, label
from .tools import Clock

CANDIDATES_SHOWN = 5
POST_TEXT_LIMIT = 3000
RECENT_TOUCHES = 6

PersonRef = Annotated[str, Field(description="Who: their name (or part of it) or their person id.")]

# What the brief asks for; {to} receives the message, {about} is the person it is about.
KIND_PHRASES = {
    "thank_you": "a thank-you note to {to}",
    "check_in": "a status check-in to {to}",
    "comment": "a public comment on a post by {to}",
    "ask_intro": "a message to {to} asking for an introduction to {about}",
    "event_follow_up": "a follow-up to {to} after the event where they met",
}


def refuse(message: str) -> MCPError:
    """A prompt that cannot be filled (unknown person, nothing to write about): the message says
    what to do instead."""
    return MCPError(code=INVALID_PARAMS, message=message)


class PromptBook:
    """The prompts, bound to one database and one clock. ``read_only`` leaves out the step that
    logs what the user sent (the tools for it are not offered then)."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock, *, read_only: bool):
        self._session_factory = session_factory
        self._clock = clock
        self._read_only = read_only

    def _read(self, work: Callable[[Session, datetime], str]) -> str:
        now = self._clock()
        with self._session_factory() as session:
            try:
                return work(session, now)
            except DomainError as error:
                raise refuse(error.message) from error
            finally:
                session.rollback()

    # Finding the person ----------------------------------------------------------------------

    @staticmethod
    def _person(session: Session, reference: str) -> int:
        """The id of the tracked person ``reference`` names: an id, an exact name (accents and
        case aside) or a part of a name that only one person has."""
        reference = (reference or "").strip()
        if not reference:
            raise refuse("Say who the message is for: a name or a person id.")
        if reference.isdigit():
            return int(people_service.get_person(session, int(reference)).id)
        found = people_service.list_people(session, q=reference, per_page=CANDIDATES_SHOWN + 1)
        matches = list(found.items)
        wanted = people_service.name_key(reference)
        exact = [person for person in matches if person.name_key == wanted]
        if len(exact) == 1:
            return int(exact[0].id)
        if len(matches) == 1:
            return int(matches[0].id)
        if not matches:
            raise refuse(
                f"Nobody tracked matches '{reference}'. Use search_people to find the person."
            )
        names = ", ".join(f"{p.name} (person {p.id})" for p in matches[:CANDIDATES_SHOWN])
        raise refuse(f"Several people match '{reference}': {names}. Give the person id.")

    # Pieces of every brief --------------------------------------------------------------------

    @staticmethod
    def _who(dossier: Mapping[str, Any], words: Words) -> list[str]:
        person = dossier["person"]
        role = " at ".join(part for part in (person.get("title"), person.get("company")) if part)
        degree = {1: "a 1st-degree connection", 2: "2nd-degree", 3: "3rd-degree"}.get(
            person.get("degree") or 0, "connection degree unknown"
        )
        lines = [f"- {person['name']} (person {person['id']}): {role or 'role unknown'}; {degree}."]
        if person.get("headline"):
            lines.append(f"- Headline: {person['headline']}")
        if person.get("location"):
            lines.append(f"- Location: {person['location']}")
        if person.get("tags"):
            lines.append(f"- Tags: {', '.join(person['tags'])}")
        cadence = person.get("cadence") or {}
        if cadence.get("last_outbound_at") or cadence.get("last_inbound_at"):
            lines.append(
                f"- Last outbound touch {words.ago(cadence.get('last_outbound_at'))}, last reply "
                f"from them {words.ago(cadence.get('last_inbound_at'))}."
            )
        else:
            lines.append("- No touch logged with them yet.")
        if person.get("notes"):
            lines.append(
                f"- The user's private notes on them (use, don't quote): {person['notes']}"
            )
        return lines

    @staticmethod
    def _open_opportunity(dossier: Mapping[str, Any]) -> Mapping[str, Any] | None:
        return next(
            (item for item in dossier["opportunities"] if item["stage"] in OPEN_STAGES),
            dossier["opportunities"][0] if dossier["opportunities"] else None,
        )

    @staticmethod
    def _open_suggestion(dossier: Mapping[str, Any], kind: str) -> Mapping[str, Any] | None:
        return next(
            (
                item
                for item in dossier["suggestions"]
                if item["kind"] == kind and item["status"] == "open"
            ),
            None,
        )

    def _brief(
        self,
        session: Session,
        now: datetime,
        kind: str,
        dossier: Mapping[str, Any],
        facts: list[str],
        *,
        draft: Mapping[str, Any] | None = None,
        recipient: tuple[str, int | None] | None = None,
        where: str | None = None,
    ) -> str:
        """The whole brief for one message of ``kind`` about ``dossier``'s person. ``recipient``
        (name, person id or None) is who receives it when that is someone else (an introducer);
        ``where`` says where the user sends it (default: the channel's name, or their profile for
        a LinkedIn message or note)."""
        settings = get_settings(session)
        words = Words(Words.zone_of(settings), now)
        person = dossier["person"]
        user = settings["user_name"] or "the user"
        suggestion = self._open_suggestion(dossier, kind)
        if draft is None:
            draft = drafting.preview_draft(
                session,
                kind,
                person["id"],
                now,
                suggestion_id=suggestion["id"] if suggestion else None,
            )
        to_name, to_id = recipient or (person["name"], person["id"])
        wanted = KIND_PHRASES[kind].format(to=to_name, about=person["name"])
        sections = [
            f"Help {user} write {wanted}. Use only the facts below; never invent a detail. "
            + words.today_line(),
        ]
        if person.get("do_not_contact"):
            sections.append(
                f"Stop first: the user marked {person['name']} as do-not-contact. Tell the user "
                "and draft nothing unless they say so."
            )
        sections.append("## Who\n" + "\n".join(self._who(dossier, words)))
        sections.append("## Facts for this message\n" + "\n".join(facts))
        if suggestion is not None:
            sections.append(
                f"## Why now (Top of Mind's suggestion {suggestion['id']})\n{suggestion['reason']}"
                f"\nDue {words.when(suggestion['due_at'])}"
                + (
                    f"; send by {words.when(suggestion['window_end'])}."
                    if suggestion.get("window_end")
                    else "."
                )
            )
        previous = drafting.previous_messages(session, to_id) if to_id else ()
        if previous:
            sections.append(
                f"## Already sent to {to_name} (say something new)\n"
                + "\n".join(f"- {excerpt(item, 300)}" for item in previous)
            )
        channel, limit = draft["channel"], draft["char_limit"]
        if where is None and channel in ("message", "linkedin_note") and not recipient:
            where = f"{label(channel)} on LinkedIn, from their profile {person.get('profile_url')}"
        sections.append(
            f"## Guidance\n{draft.get('guidance') or ''}\nChannel: {label(channel)}, at most "
            f"{limit} characters."
        )
        starting = [f"Subject: {draft['subject']}"] if draft.get("subject") else []
        sections.append(
            "## Top of Mind's template draft (a starting point; yours should read more personal)\n"
            + "\n".join([*starting, draft.get("body") or "(no text for this kind)"])
        )
        check_person = f", person_id {to_id}" if to_id else ""
        steps = [
            f"1. Write the message in {user}'s voice: warm, brief, specific. Cite at least one "
            "fact above; quote nothing from private notes.",
            f"2. Call the check_message tool with the text, channel '{channel}'{check_person}. "
            "Fix every warning (it names the words that caused it) and check again.",
            "3. Show the user the final text"
            + (" with its subject line" if channel == "email" else "")
            + f", and where it goes: {where or label(channel)}. The user sends it; "
            "never post or send anything yourself.",
        ]
        if not self._read_only:
            if suggestion is not None:
                steps.append(
                    "4. Once the user says they sent it, call mark_suggestion_done with "
                    f"suggestion_id {suggestion['id']} and sent_text set to what they sent."
                )
            else:
                steps.append(
                    "4. Once the user says they sent it, call log_interaction with person_id "
                    f"{to_id or person['id']}, the kind that names what was sent (thank_you, "
                    "check_in, comment, intro_request or message) and a one-line note of it."
                )
        sections.append("## Steps\n" + "\n".join(steps))
        return "\n\n".join(sections)

    # The prompts ------------------------------------------------------------------------------

    def thank_you(
        self,
        person: Annotated[
            str | None,
            Field(
                description="The interviewer (name or id); default: every interviewer of the "
                "interview that ended last."
            ),
        ] = None,
    ) -> str:
        """A thank-you note to an interviewer, citing what was discussed with them. Without a
        person: one note per interviewer of the interview that ended most recently."""

        def work(session: Session, now: datetime) -> str:
            if person:
                return self._thank_one(session, now, self._person(session, person), None)
            interview = opportunity_service.latest_finished_interview(session, now)
            if interview is None or not interview.interviewers:
                raise refuse(
                    "No finished interview with interviewers is recorded. Add it with "
                    "add_interview, or name the person to thank."
                )
            briefs = [
                self._thank_one(session, now, link.person_id, interview.id)
                for link in interview.interviewers
            ]
            if len(briefs) == 1:
                return briefs[0]
            head = (
                f"The latest interview had {len(briefs)} interviewers: write each their own "
                "note, each citing what was discussed with that person (notes to colleagues "
                "must not read alike)."
            )
            return "\n\n---\n\n".join([head, *briefs])

        return self._read(work)

    def _thank_one(
        self, session: Session, now: datetime, person_id: int, interview_id: int | None
    ) -> str:
        dossier = person_dossier(session, person_id, now)
        words = Words(Words.zone_of(get_settings(session)), now)
        finished = [item for item in dossier["interviews"] if item["ends_at"] <= now]
        chosen = next(
            (item for item in finished if item["id"] == interview_id),
            max(finished, key=lambda item: item["ends_at"], default=None),
        )
        if chosen is None:
            raise refuse(
                f"No finished interview with {dossier['person']['name']} is recorded. Add it "
                "with add_interview (with the topics you discussed) first."
            )
        facts = [interview_block(chosen, words, person_id)]
        others = [i["name"] for i in chosen["interviewers"] if i["person_id"] != person_id]
        if others:
            facts.append(
                f"- Also on the panel: {', '.join(others)}. They get their own notes; make this "
                "one about this person's conversation."
            )
        opportunity = self._open_opportunity(dossier)
        if opportunity and opportunity.get("decision_expected_on"):
            facts.append(f"- Decision expected {words.day(opportunity['decision_expected_on'])}.")
        return self._brief(session, now, "thank_you", dossier, facts)

    def check_in(self, person: PersonRef) -> str:
        """A polite status check-in about an opportunity, citing the last conversation and the
        promised decision date."""

        def work(session: Session, now: datetime) -> str:
            dossier = person_dossier(session, self._person(session, person), now)
            words = Words(Words.zone_of(get_settings(session)), now)
            opportunity = self._open_opportunity(dossier)
            if opportunity is None:
                raise refuse(
                    f"{dossier['person']['name']} is on no opportunity; a check-in is about a "
                    "role. Try a keep-warm note instead."
                )
            if opportunity["stage"] not in OPEN_STAGES:
                raise refuse(
                    f"The {opportunity['title']} process at {opportunity['company']} is "
                    f"{opportunity['stage']}: asking for news now would read as pursuit. A "
                    "friendly keep-warm note fits better."
                )
            facts = [
                f"- Role: {opportunity['title']} at {opportunity['company']}, stage "
                f"{opportunity['stage']}; their role: {label(opportunity['role'])}."
            ]
            if opportunity.get("decision_expected_on"):
                promised = words.day(opportunity["decision_expected_on"])
                facts.append(f"- They said they would decide by {promised}.")
            ran = [item for item in dossier["interviews"] if item["ends_at"] <= now]
            if ran:
                facts.append("- Their last interview with the user:")
                block = interview_block(ran[0], words, dossier["person"]["id"])
                facts.extend("  " + line for line in block.splitlines())
            facts.extend(self._recent_touches(dossier, words))
            return self._brief(session, now, "check_in", dossier, facts)

        return self._read(work)

    @staticmethod
    def _recent_touches(dossier: Mapping[str, Any], words: Words) -> list[str]:
        touches = [entry for entry in dossier["timeline"] if entry["kind"] == "interaction"]
        if not touches:
            return ["- No touches logged with them yet."]
        return ["- Latest touches, newest first:"] + [
            f"  - {words.when(entry['at'])} {entry['direction']} {label(entry['label'])}"
            + (f": {excerpt(entry['text'], 200)}" if entry.get("text") else "")
            for entry in touches[:RECENT_TOUCHES]
        ]

    def comment_on_post(
        self,
        person: PersonRef,
        post_url: Annotated[
            str | None, Field(description="The post's URL; default: their latest captured post.")
        ] = None,
    ) -> str:
        """A thoughtful public comment on the person's post (default: their latest captured
        post), responding to what the post actually says."""

        def work(session: Session, now: datetime) -> str:
            dossier = person_dossier(session, self._person(session, person), now)
            words = Words(Words.zone_of(get_settings(session)), now)
            posts = dossier["posts"]
            post = next((p for p in posts if post_url and p["url"] == post_url.strip()), None)
            if post_url and post is None:
                raise refuse(
                    f"No captured post of {dossier['person']['name']} has that URL; leave "
                    "post_url out for their latest post."
                )
            post = post or (posts[0] if posts else None)
            if post is None:
                raise refuse(
                    f"No post by {dossier['person']['name']} has been captured. Open their post "
                    "on LinkedIn and click the Top of Mind extension first."
                )
            posted = (
                f"{words.when(post['posted_at'])} ({words.ago(post['posted_at'])})"
                if post.get("posted_at")
                else "date unknown"
            )
            facts = [
                f"- The post ({posted}; {post.get('reactions') or 0} reactions, "
                f"{post.get('comments') or 0} comments): {post.get('url') or ''}",
                "- Its text:",
                (post.get("text") or "(no text captured)")[:POST_TEXT_LIMIT],
                "- Respond to a specific claim or phrase in it, adding one point from the "
                "user's own experience; no pitch, no request.",
            ]
            topics = sorted({topic for item in dossier["interviews"] for topic in item["topics"]})
            if topics:
                facts.append(f"- Topics the user discussed with them before: {'; '.join(topics)}")
            return self._brief(
                session,
                now,
                "comment",
                dossier,
                facts,
                where=f"a comment under the post {post.get('url') or ''}".rstrip(),
            )

        return self._read(work)

    def introduction_request(self, person: PersonRef) -> str:
        """A request to a mutual connection for a warm, double-opt-in introduction to the person
        (the best-ranked introducer, with the evidence for each)."""

        def work(session: Session, now: datetime) -> str:
            dossier = person_dossier(session, self._person(session, person), now)
            name = dossier["person"]["name"]
            if dossier["person"].get("degree") == 1:
                raise refuse(f"The user is already connected with {name}: write to them directly.")
            intro = dossier["introductions"]
            if not intro or not intro["introducers"]:
                reason = (intro or {}).get("reason_if_none") or (
                    f"No mutual connection with {name} is known."
                )
                raise refuse(reason)
            best = intro["introducers"][0]
            facts = []
            opportunity = self._open_opportunity(dossier)
            if opportunity is not None:
                facts.append(
                    f"- Why: {opportunity['title']} at {opportunity['company']} "
                    f"({opportunity['stage']}); {name} is its {label(opportunity['role'])}."
                )
            facts.append("- Who could introduce the user, best first (score 0–100, evidence):")
            facts.extend(
                f"  {rank}. {item['name']} (score {item['score']}): "
                + ("; ".join(item["evidence"]) or "a shared connection")
                for rank, item in enumerate(intro["introducers"], start=1)
            )
            facts.append(
                f"- Ask {best['name']}. Make it easy to say no; offer a short forwardable blurb "
                f"and let them check with {name} before introducing."
            )
            return self._brief(
                session,
                now,
                "ask_intro",
                dossier,
                facts,
                draft=intro["draft"],
                recipient=(best["name"], best.get("person_id")),
                where=f"a LinkedIn message to {best['name']}"
                + (f" ({best['profile_url']})" if best.get("profile_url") else ""),
            )

        return self._read(work)

    def event_follow_up(self, person: PersonRef) -> str:
        """A short follow-up to someone the user met at an event, citing what they talked
        about, while it is fresh."""

        def work(session: Session, now: datetime) -> str:
            dossier = person_dossier(session, self._person(session, person), now)
            words = Words(Words.zone_of(get_settings(session)), now)
            events = [
                entry
                for entry in dossier["timeline"]
                if entry["kind"] == "interaction" and entry["label"] == "event"
            ]
            if not events:
                raise refuse(
                    f"No event with {dossier['person']['name']} is logged. Log it with "
                    "log_interaction (kind 'event', a note naming the event and the topics)."
                )
            event = events[0]
            facts = [
                f"- When: {words.when(event['at'])} ({words.ago(event['at'])}).",
                f"- The user's note on it: {event.get('text') or 'none'}",
            ]
            if dossier["posts"]:
                latest = dossier["posts"][0]
                facts.append(f"- Their latest post: “{excerpt(latest.get('text'))}”")
            return self._brief(session, now, "event_follow_up", dossier, facts)

        return self._read(work)


PROMPTS = ("thank_you", "check_in", "comment_on_post", "introduction_request", "event_follow_up")
