"""Drafts for stored suggestions and the message check: the facts the product holds, fed to
``domain.drafts``.

Drafts cite only structured facts: interview topics (what was discussed with this person first),
the role and company, their recent post, the shared item, the event's name and topics. The user's
private interview notes only choose which of the round's topics to cite; they are never quoted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import timing
from ..domain.draft_templates import DEFAULT_TEMPLATES, PLACEHOLDER_HELP
from ..domain.drafts import (
    DRAFT_KINDS,
    Draft,
    DraftContext,
    build_draft,
    check_in_context,
    context_from_facts,
    event_details,
    template_keys,
    template_placeholders,
)
from ..domain.drafts import ShareItem as DraftShareItem
from ..domain.message_check import (
    CHANNEL_LIMITS,
    PLACEHOLDER_PATTERN,
    MessageWarning,
    check_message,
)
from ..domain.topics import extract_topics, locate_topic, match_share_items, normalise_topic
from ..errors import InvalidInput, NotFound
from ..store.models import (
    Interaction,
    Interview,
    InterviewInterviewer,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
    ShareItem,
    Suggestion,
)
from .opportunities import OPEN_STAGES
from .settings import get_settings, update_settings

# What the user already sent this person (texts or summaries in notes), for the repeat check.
SENT_KINDS = (
    "thank_you",
    "message",
    "email",
    "check_in",
    "intro_request",
    "connection_request",
    "share",
    "comment",
)
PREVIOUS_LIMIT = 10
# A sent message kept in full is cut here (setting ``keep_message_bodies``).
SENT_TEXT_LIMIT = 2000
# A thank-you or check-in cites at most this many topics; the interviewer's own come first.
TOPIC_LIMIT = 3
POST_LOOKBACK_DAYS = 30
SUMMARY_PREFIX = "Sent "
# Notes sent to colleagues this recently may be compared with a new one.
COLLEAGUE_LOOKBACK_DAYS = 30


def draft_view(draft: Draft) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "channel": draft.channel,
        "subject": draft.subject,
        "body": draft.body,
        "char_limit": draft.char_limit,
        "length": draft.length,
        "within_limit": draft.within_limit,
        "guidance": draft.guidance,
        "warnings": [warning_view(w) for w in draft.warnings],
    }


def warning_view(warning: MessageWarning) -> dict[str, Any]:
    return {
        "code": warning.code,
        "message": warning.message,
        "spans": [list(span) for span in warning.spans],
        "words": list(warning.words),
    }


def previous_messages(session: Session, person_id: int) -> tuple[str, ...]:
    """The latest texts (or summaries) the user sent this person, newest first."""
    notes = session.scalars(
        select(Interaction.note)
        .where(
            Interaction.person_id == person_id,
            Interaction.direction == "outbound",
            Interaction.kind.in_(SENT_KINDS),
            Interaction.note.is_not(None),
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(PREVIOUS_LIMIT)
    )
    return tuple(note for note in notes if note and not note.startswith("Done from suggestion"))


# Facts about one person ----------------------------------------------------------------------


def _local_date(moment: datetime, zone_name: str) -> date:
    try:
        return moment.astimezone(timing.zone(zone_name)).date()
    except ValueError:
        return moment.date()


def _unique(topics: Iterable[object]) -> list[str]:
    seen: set[str] = set()
    result = []
    for topic in topics:
        topic = str(topic or "").strip()
        normal = normalise_topic(topic)
        if normal and normal not in seen:
            seen.add(normal)
            result.append(topic)
    return result


def interview_topics_for(interview: Interview, person_id: int) -> list[str]:
    """What to cite to ``person_id`` about ``interview``: the topics discussed with them first;
    the round's topics only fill up when fewer than two are their own. The private notes pick
    which round topics come first (those they mention) and are never quoted; among panelists
    the round's topics start at a different one for each."""
    own = []
    for link in interview.interviewers:
        if link.person_id == person_id:
            own = _unique(link.topics or [])
    if len(own) >= 2:
        return own[:TOPIC_LIMIT]
    notes = interview.notes or ""
    round_topics = _unique(interview.topics or [])
    round_topics.sort(key=lambda topic: locate_topic(notes, topic) is None)
    panel = _panel(interview)
    if round_topics and person_id in panel:
        # Panelists who share the round's topics each hear about a different one first.
        shift = panel.index(person_id) % len(round_topics)
        round_topics = round_topics[shift:] + round_topics[:shift]
    return _unique([*own, *round_topics])[: max(TOPIC_LIMIT, len(own))]


def _opportunity_for(
    session: Session, person_id: int, opportunity_id: int | None
) -> Opportunity | None:
    if opportunity_id:
        found = session.get(Opportunity, opportunity_id)
        if found is not None:
            return found
    rows = list(
        session.scalars(
            select(Opportunity)
            .join(OpportunityPerson, OpportunityPerson.opportunity_id == Opportunity.id)
            .where(OpportunityPerson.person_id == person_id)
            .order_by(Opportunity.updated_at.desc(), Opportunity.id.desc())
        )
    )
    open_rows = [row for row in rows if row.stage in OPEN_STAGES]
    best = open_rows or rows
    return best[0] if best else None


def _latest_interview(session: Session, person_id: int, now: datetime) -> Interview | None:
    return session.scalars(
        select(Interview)
        .join(InterviewInterviewer, InterviewInterviewer.interview_id == Interview.id)
        .where(InterviewInterviewer.person_id == person_id, Interview.ends_at <= now)
        .order_by(Interview.ends_at.desc(), Interview.id.desc())
        .limit(1)
    ).first()


def _latest_post_text(session: Session, person_id: int, now: datetime) -> str:
    post = session.scalars(
        select(Post)
        .where(
            Post.person_id == person_id,
            Post.text.is_not(None),
            Post.posted_at >= now - timedelta(days=POST_LOOKBACK_DAYS),
        )
        .order_by(Post.posted_at.desc(), Post.id.desc())
        .limit(1)
    ).first()
    return (post.text or "")[:500] if post else ""


def signature_name(user_name: str, person: Person) -> str:
    """The name a draft to ``person`` is signed with: the user's name from settings; the demo's
    invented user only ever signs drafts to demo people, so a real data set loaded after the
    demo never carries it."""
    from .demo import DEMO_USER_NAME

    if user_name == DEMO_USER_NAME and person.source != "demo":
        return ""
    return user_name


def colleague_messages(session: Session, person: Person, now: datetime) -> tuple[str, ...]:
    """What the user sent in the last 30 days to other people at ``person``'s company (texts
    when message bodies are kept, else summaries), for the near-duplicate check."""
    if not (person.company or "").strip():
        return ()
    notes = session.scalars(
        select(Interaction.note)
        .join(Person, Person.id == Interaction.person_id)
        .where(
            Person.company == person.company,
            Person.id != person.id,
            Interaction.direction == "outbound",
            Interaction.kind.in_(SENT_KINDS),
            Interaction.note.is_not(None),
            Interaction.occurred_at >= now - timedelta(days=COLLEAGUE_LOOKBACK_DAYS),
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(PREVIOUS_LIMIT)
    )
    return tuple(n for n in notes if n and not n.startswith(("Done from", SUMMARY_PREFIX)))


def _panel(interview: Interview) -> list[int]:
    """The interviewers of ``interview`` in a fixed order (who was added first)."""
    return [link.person_id for link in sorted(interview.interviewers, key=lambda x: x.id)]


def _panel_notes(
    session: Session,
    interview: Interview,
    person: Person,
    facts: Mapping[str, Any],
    fields: Mapping[str, Any],
    now: datetime,
) -> tuple[str, ...]:
    """The thank-you drafts for the other interviewers of ``interview``, as they would be
    written, so the check can compare this one with them."""
    settings = get_settings(session)
    notes = []
    panel = _panel(interview)
    # Only what a thank-you says differs between panelists; the rest is this note's context.
    shared = {
        key: fields[key]
        for key in ("company", "role_title", "stage", "channel", "interview_date", "today")
        if key in fields
    }
    for index, other_id in enumerate(panel):
        other = session.get(Person, other_id)
        if other is None or other_id == person.id:
            continue
        topics = interview_topics_for(interview, other_id)
        context = context_from_facts(
            "thank_you",
            {**facts, "topics": topics},
            **shared,
            user_name=signature_name(settings["user_name"], other),
            person_name=other.name,
            person_title=other.title or "",
            interview_topics=tuple(topics),
            variant=index,
        )
        notes.append(build_draft("thank_you", context, settings["templates"], check=False).body)
    return tuple(notes)


def person_fields(
    session: Session,
    person: Person,
    now: datetime,
    *,
    opportunity_id: int | None = None,
    interview: Interview | None = None,
) -> dict[str, Any]:
    """``DraftContext`` fields about ``person`` from what is stored: the role and company of their
    opportunity (``opportunity_id``, else their most recent open one, else their latest closed
    one), its stage, the topics of ``interview`` (default: the last one they ran; else what was
    talked about at the last event where you met), their post of the last 30 days, the user's
    name and what was already sent to them."""
    settings = get_settings(session)
    zone_name = settings["user_time_zone"]
    fields: dict[str, Any] = {
        "user_name": signature_name(settings["user_name"], person),
        "person_name": person.name,
        "person_title": person.title or "",
        "company": person.company or "",
        "previous_messages": previous_messages(session, person.id),
        "today": _local_date(now, zone_name),
        "stage": "networking",
    }
    opportunity = _opportunity_for(session, person.id, opportunity_id)
    if opportunity is not None:
        fields["company"] = opportunity.company
        fields["role_title"] = opportunity.title
        fields["decision_expected_on"] = opportunity.decision_expected_on
        fields["stage"] = opportunity.stage if opportunity.stage in OPEN_STAGES else "closed"
    if interview is None:
        interview = _latest_interview(session, person.id, now)
    if interview is not None:
        fields["interview_topics"] = tuple(interview_topics_for(interview, person.id))
        fields["interview_notes"] = interview.notes or ""
        fields["interview_date"] = _local_date(interview.ends_at, zone_name)
    fields["post_text"] = _latest_post_text(session, person.id, now)
    event = session.scalars(
        select(Interaction.note)
        .where(
            Interaction.person_id == person.id,
            Interaction.kind == "event",
            Interaction.note.is_not(None),
            Interaction.occurred_at <= now,
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(1)
    ).first()
    if event:
        name, topics = event_details(event)
        fields["event_name"] = name
        if topics and not fields.get("interview_topics"):
            fields["interview_topics"] = topics
    return fields


def _share_item(row: ShareItem) -> DraftShareItem:
    return DraftShareItem(
        title=row.title or "",
        url=row.url or "",
        note=row.note or "",
        topics=tuple(row.topics or ()),
        id=row.id,
        kind=row.kind or "article",
    )


# Drafts for suggestions ----------------------------------------------------------------------


def suggestion_context(
    session: Session,
    suggestion: Suggestion,
    person: Person,
    now: datetime,
    *,
    with_panel: bool = True,
) -> tuple[str, DraftContext]:
    """(draft kind, context) for a stored suggestion. A keep-warm that absorbed a fresh post or a
    share item is drafted as that comment or share. A thank-you after a panel interview gets
    its place in the panel (so its wording differs from the others') and, unless
    ``with_panel`` is false, the other panelists' notes for the near-duplicate check."""
    facts = dict((suggestion.extra or {}).get("facts") or {})
    kind = suggestion.kind
    if kind == "keep_warm" and facts.get("touch") in ("comment", "share"):
        kind = facts["touch"]
    interview = None
    if suggestion.subject_type == "interview" and suggestion.subject_id:
        interview = session.get(Interview, suggestion.subject_id)
    fields = person_fields(
        session, person, now, opportunity_id=facts.get("opportunity_id"), interview=interview
    )
    if facts.get("stage"):
        fields["stage"] = facts["stage"]
    if interview is not None:
        facts["topics"] = list(fields.get("interview_topics", ()))
    elif kind in ("check_in", "connect"):
        # The rule stores the round's topics; what was discussed with this person comes first.
        facts["topics"] = _unique([*fields.get("interview_topics", ()), *facts.get("topics", [])])[
            :TOPIC_LIMIT
        ]
    if kind in ("comment", "react"):
        # The post in the facts is the one to comment on; another recent post would mislead.
        fields.pop("post_text", None)
    if kind == "share":
        row = session.get(ShareItem, facts.get("share_item_id") or suggestion.subject_id or 0)
        if row is not None:
            fields["share_item"] = _share_item(row)
        fields["share_reason_topics"] = tuple(facts.get("topics") or ())
    if suggestion.subject_type == "interaction" and suggestion.subject_id:
        interaction = session.get(Interaction, suggestion.subject_id)
        if interaction is not None and interaction.note:
            if kind == "event_follow_up":
                name, topics = event_details(interaction.note)
                fields["event_name"] = name
                if topics:
                    fields["interview_topics"] = topics
            else:
                fields["request_text"] = interaction.note
    if kind == "ask_intro":
        introducer_id = (suggestion.extra or {}).get("introducer_person_id")
        introducer = session.get(Person, introducer_id) if introducer_id else None
        if introducer is not None:
            fields["introducer_name"] = introducer.name
            fields["previous_messages"] = previous_messages(session, introducer.id)
        elif facts.get("introducer_name"):
            # An introducer known only from the user's connections: nothing sent to them here.
            fields["previous_messages"] = ()
        fields["mutual_name"] = fields.get("introducer_name") or facts.get("introducer_name") or ""
    channel = suggestion.channel
    if channel in CHANNEL_LIMITS and kind != "react":
        fields["channel"] = channel
    if kind not in ("share", "comment", "react"):
        # The rule's copy of the role wins over the opportunity looked up here.
        for key, field in (("company", "company"), ("title", "role_title")):
            if facts.get(key):
                fields[field] = facts[key]
    company_notes = list(colleague_messages(session, person, now))
    if kind == "thank_you" and interview is not None:
        panel = _panel(interview)
        if person.id in panel:
            fields["variant"] = panel.index(person.id)
        if with_panel:
            company_notes.extend(_panel_notes(session, interview, person, facts, fields, now))
    fields["company_messages"] = tuple(company_notes)
    return kind, context_from_facts(kind, facts, **fields)


def draft_for(
    session: Session, suggestion: Suggestion, person: Person, now: datetime
) -> dict | None:
    """The draft for one stored suggestion, or None for kinds without one; with its
    ``handoff`` (see `handoff`)."""
    if suggestion.kind not in DRAFT_KINDS:
        return None
    kind, context = suggestion_context(session, suggestion, person, now)
    view = draft_view(build_draft(kind, context, get_settings(session)["templates"]))
    recipient: Person | None = person
    if kind == "ask_intro":
        introducer_id = (suggestion.extra or {}).get("introducer_person_id")
        recipient = session.get(Person, introducer_id) if introducer_id else None
    post_url = None
    if suggestion.subject_type == "post" and suggestion.subject_id:
        post = session.get(Post, suggestion.subject_id)
        post_url = post.url if post is not None else None
    view["handoff"] = handoff(view, recipient, post_url)
    return view


def _web_link(value: str | None) -> str | None:
    text = (value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def mailto_link(address: str, subject: str | None, body: str) -> str:
    """A ``mailto:`` link that opens the user's mail app with the address, subject and body
    filled in (RFC 6068: percent-encoded, line breaks as CRLF)."""
    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    fields.append("body=" + quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe=""))
    return f"mailto:{quote(address.strip(), safe='@.+-_')}?{'&'.join(fields)}"


def handoff(draft: Mapping[str, Any], recipient: Person | None, post_url: str | None) -> dict:
    """Where the draft is sent from: ``{"action", "url", "label", "note"}``.

    ``action`` is "email" (``url`` a ``mailto:`` with subject and body; needs the recipient's
    email), "profile" (their LinkedIn profile, to send a message or connection note there),
    "post" (the post, to comment or react) or "none" (nothing to open; copy the text). ``note``
    says what is missing when the best channel is not possible.
    """
    channel = draft.get("channel")
    email = (getattr(recipient, "email", None) or "").strip() if recipient else ""
    profile = _web_link(recipient.profile_url) if recipient is not None else None
    post = _web_link(post_url)
    if channel in ("comment", "reaction") and post:
        label = "Open the post to comment" if channel == "comment" else "Open the post to react"
        return {"action": "post", "url": post, "label": label, "note": ""}
    if channel == "email" and email and "@" in email:
        return {
            "action": "email",
            "url": mailto_link(email, draft.get("subject"), draft.get("body") or ""),
            "label": f"Open in your email app (to {email})",
            "note": "",
        }
    note = ""
    if channel == "email":
        note = (
            "No email address on file: add one on their page to send this by email, or send "
            "it as a LinkedIn message."
        )
    if profile:
        label = (
            "Open their LinkedIn profile to connect"
            if channel == "linkedin_note"
            else "Open their LinkedIn profile to send it"
        )
        return {"action": "profile", "url": profile, "label": label, "note": note}
    return {"action": "none", "url": None, "label": "", "note": note}


def preview_draft(
    session: Session,
    kind: str,
    person_id: int,
    now: datetime,
    *,
    suggestion_id: int | None = None,
    template: str | None = None,
    key: str | None = None,
) -> dict:
    """A draft of ``kind`` for a person (with a suggestion's facts when ``suggestion_id`` is
    given; a share without one uses the queue's best item for them), built with ``template``
    in place of the stored template ``key`` (default: the kind's body), so the settings page can
    show an edit before it is saved. Raises ``NotFound`` for an unknown person or suggestion,
    ``InvalidInput`` for an unknown kind or key."""
    if kind not in DRAFT_KINDS:
        raise InvalidInput(f"Unknown kind '{kind}'.", {"kind": [f"One of {list(DRAFT_KINDS)}."]})
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"No person with id {person_id}.", {"person_id": ["Unknown person."]})
    if suggestion_id is not None:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(
                f"No suggestion with id {suggestion_id}.", {"suggestion_id": ["Unknown."]}
            )
        if suggestion.person_id != person_id:
            raise InvalidInput(
                "That suggestion is about someone else.",
                {"suggestion_id": ["Belongs to another person."]},
            )
        if suggestion.kind not in DRAFT_KINDS:
            # Outcome notes (close the loop, thanks after an offer…) are written from the
            # search's outcome, not from an editable template.
            raise InvalidInput(
                f"A {suggestion.kind} suggestion has no template to preview.",
                {"suggestion_id": [f"Its kind ({suggestion.kind}) has no editable template."]},
            )
        _, context = suggestion_context(session, suggestion, person, now)
    else:
        fields = person_fields(session, person, now)
        if kind == "share":
            fields.update(_best_share_fields(session, person, now))
        context = context_from_facts(kind, {}, **fields)
    templates = dict(get_settings(session)["templates"])
    if template is not None:
        if key is None:
            key = (
                f"check_in.{min(max(context.check_in_number, 1), 3)}"
                if kind == "check_in"
                else kind
            )
        if key not in template_keys(kind):
            raise InvalidInput(
                f"'{key}' is not a template of {kind}.",
                {"key": [f"One of {list(template_keys(kind))}."]},
            )
        templates[key] = template
    return draft_view(build_draft(kind, context, templates))


def _best_share_fields(session: Session, person: Person, now: datetime) -> dict[str, Any]:
    """The share-queue item that suits this person best (never one already sent to them)."""
    from .share_queue import sent_items_of, topics_by_person

    topics = topics_by_person(session, now, [person.id]).get(person.id, ())
    items = list(session.scalars(select(ShareItem).order_by(ShareItem.id)))
    ranked = match_share_items(topics, items, sent_items_of(session, person.id))
    if not ranked:
        return {}
    item_id, _, matched = ranked[0]
    return {
        "share_item": _share_item(session.get_one(ShareItem, item_id)),
        "share_reason_topics": tuple(matched),
    }


# The message check ---------------------------------------------------------------------------


def check_text(
    session: Session,
    text: str,
    channel: str,
    person_id: int | None,
    now: datetime,
) -> dict:
    """Warnings for text the user wrote (generic, stock phrase, too long, repeat, negative,
    pushy, near-duplicate, pursuit), with its length against the channel's limit. With
    ``person_id`` the check knows what was discussed with them, what was already sent to them
    and to colleagues at their company, and whether their process ended. Raises
    ``InvalidInput`` for an unknown channel and ``NotFound`` for an unknown person."""
    if channel not in CHANNEL_LIMITS:
        raise InvalidInput(
            f"Unknown channel '{channel}'.", {"channel": [f"One of {sorted(CHANNEL_LIMITS)}."]}
        )
    context = None
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(f"No person with id {person_id}.", {"person_id": ["Unknown person."]})
        fields = person_fields(session, person, now)
        fields["company_messages"] = colleague_messages(session, person, now)
        context = context_from_facts("keep_warm", {}, **fields)
    if context is None:
        warnings = check_message(text, channel=channel)
    else:
        warnings = check_in_context(text, channel, context)
    limit = CHANNEL_LIMITS[channel].recommended
    return {
        "warnings": [warning_view(w) for w in warnings],
        "length": len(text),
        "char_limit": limit,
        "within_limit": len(text) <= limit,
    }


# Templates -----------------------------------------------------------------------------------


def _kind_of_key(key: str) -> str:
    return key.split(".", 1)[0]


def template_view(key: str, edits: Mapping[str, str]) -> dict:
    kind = _kind_of_key(key)
    return {
        "key": key,
        "kind": kind,
        "template": edits.get(key, DEFAULT_TEMPLATES[key]),
        "default": DEFAULT_TEMPLATES[key],
        "placeholders": [
            {"name": name, "description": PLACEHOLDER_HELP.get(name, "")}
            for name in template_placeholders(kind)
        ],
        "edited": key in edits,
    }


def list_templates(session: Session) -> dict[str, dict]:
    """Every template by key (``thank_you``, ``thank_you.subject``, ``check_in.1`` …)."""
    edits = get_settings(session)["templates"]
    return {key: template_view(key, edits) for key in DEFAULT_TEMPLATES}


def _require_key(key: str) -> None:
    if key not in DEFAULT_TEMPLATES:
        raise NotFound(f"No template '{key}'.", {"key": ["Unknown template."]})


def save_template(session: Session, key: str, template: str, now: datetime) -> dict:
    """Store the user's edit of template ``key``; an edit equal to the default is no edit. Only
    edited keys are stored, so new defaults arrive with upgrades. Raises ``NotFound`` for an
    unknown key and ``InvalidInput`` when the template names an unknown placeholder."""
    _require_key(key)
    known = set(template_placeholders(_kind_of_key(key)))
    if key == "ask_intro":
        known.add("blurb")
    unknown = sorted(
        {
            match.group()[1:-1]
            for match in PLACEHOLDER_PATTERN.finditer(template)
            if match.group().startswith("{") and match.group()[1:-1] not in known
        }
    )
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        raise InvalidInput(
            f"Unknown placeholder {names}.",
            {"template": [f"Unknown placeholder {names}; known: {', '.join(sorted(known))}."]},
        )
    edits = dict(get_settings(session)["templates"])
    if template == DEFAULT_TEMPLATES[key]:
        edits.pop(key, None)
    else:
        edits[key] = template
    update_settings(session, {"templates": edits}, now)
    return template_view(key, edits)


def reset_template(session: Session, key: str, now: datetime) -> dict:
    """Forget the user's edit of ``key``: the default applies again."""
    _require_key(key)
    edits = dict(get_settings(session)["templates"])
    edits.pop(key, None)
    update_settings(session, {"templates": edits}, now)
    return template_view(key, edits)


# Mark as sent --------------------------------------------------------------------------------

_SENT_LABELS = {
    "thank_you": "a thank-you note",
    "check_in": "a check-in",
    "share": "a shared item",
    "intro_request": "an introduction request",
    "connection_request": "a connection request",
    "comment": "a comment",
    "email": "an email",
    "message": "a message",
}


def sent_note(session: Session, text: str, kind: str) -> str:
    """What an interaction's note keeps of a sent message: the text itself (cut at 2000
    characters) when the user opted in with ``keep_message_bodies``, else a short summary."""
    text = text.strip()
    if get_settings(session)["keep_message_bodies"]:
        return text[:SENT_TEXT_LIMIT]
    topics = extract_topics(text, limit=3)
    about = f" about {', '.join(topics)}" if topics else ""
    label = _SENT_LABELS.get(kind, "a message")
    return f"{SUMMARY_PREFIX}{label}{about} ({len(text)} characters)."[:SENT_TEXT_LIMIT]
