"""Message drafts that sound like the user: personal, positive, useful, never pushy.

`build_draft(kind, context)` fills a template (the default, or the user's edited copy) with facts
about this person and conversation, degrades gracefully when a fact is missing (a shorter
sentence, never an invented one), fits the text to its channel's limit, and attaches the warnings
of `check_message`. Pure and deterministic: no clock, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from topofmind.domain.draft_templates import (
    COMMON_PLACEHOLDERS,
    DEFAULT_TEMPLATES,
    GUIDANCE,
    KIND_PLACEHOLDERS,
)
from topofmind.domain.facts import STAGES_CLOSED, STAGES_OPEN
from topofmind.domain.message_check import (
    CHANNEL_LABELS,
    CHANNEL_LIMITS,
    PLACEHOLDER_PATTERN,
    MessageWarning,
    check_message,
)
from topofmind.domain.phrasing import PostLine, as_object, post_line, with_indefinite
from topofmind.domain.topics import (
    extract_topics,
    locate_topic,
    matching_topics,
    normalise_topic,
)

DRAFT_KINDS = (
    "thank_you",
    "check_in",
    "share",
    "ask_intro",
    "event_follow_up",
    "connect",
    "comment",
    "react",
    "keep_warm",
    "respond",
)

# Stages after which nothing may pursue the role ("closed" is what services pass for any of them).
ENDED_STAGES = ("closed", *STAGES_CLOSED)

DEFAULT_CHANNELS: dict[str, str] = {
    "thank_you": "email",
    "check_in": "email",
    "share": "message",
    "ask_intro": "message",
    "event_follow_up": "message",
    "connect": "linkedin_note",
    "comment": "comment",
    "react": "reaction",
    "keep_warm": "message",
    "respond": "email",
}

_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"})
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class ShareItem:
    """An article or post the user may share: `topics` as the user tagged them; `kind` is
    "article", "finding" or "own_post" (the user's own writing)."""

    title: str = ""
    url: str = ""
    note: str = ""
    topics: tuple[str, ...] = ()
    id: int | str | None = None
    kind: str = "article"

    def __post_init__(self) -> None:
        object.__setattr__(self, "topics", tuple(self.topics or ()))


@dataclass(frozen=True)
class DraftContext:
    """The facts a draft may cite. Every field is optional; missing facts shorten the message.

    `person_*` is the recipient, except for `ask_intro`, where the message goes to
    `introducer_name` (else `mutual_name`) and is about `person_name`. `interview_topics` and
    `interview_notes` are the user's private notes: they only choose among topics and are never
    quoted; `check_in_number` is 1, 2 or 3;
    `channel` overrides the kind's default channel; `previous_messages` are texts already sent to
    this recipient (for the repeat check). `user_summary` is a one-line description of the user
    for the forwardable intro blurb; `share_reason_topics` are the person's topics a share item
    matched (from `match_share_items`), cited when the item matches no conversation topic.
    `person_first_name` and `user_first_name` are derived from the full names when not given.
    `stage` is the person's cadence stage ("interviewing", "networking", "closed" …; "" when
    unknown): after a closed process a keep-warm note never restates interest in the role.
    `today` (the user's local date) lets the interview day read "today" or "yesterday".
    `person_title` is the recipient's job title; `variant` is this note's place among notes
    written together (the panel of one interview), so each reads differently even when the
    topics are shared; `company_messages` are notes drafted for or sent to other people at the
    same company, for the near-duplicate check.
    """

    user_name: str = ""
    person_name: str = ""
    person_first_name: str | None = None
    company: str = ""
    role_title: str = ""
    interview_topics: tuple[str, ...] = ()
    interview_notes: str = ""
    interview_date: date | None = None
    decision_expected_on: date | None = None
    post_text: str = ""
    post_topic: str = ""
    share_item: ShareItem | None = None
    mutual_name: str = ""
    introducer_name: str = ""
    event_name: str = ""
    request_text: str = ""
    check_in_number: int = 1
    channel: str | None = None
    previous_messages: tuple[str, ...] = ()
    user_summary: str = ""
    user_first_name: str | None = None
    share_reason_topics: tuple[str, ...] = ()
    stage: str = ""
    today: date | None = None
    person_title: str = ""
    variant: int = 0
    company_messages: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in (
            "interview_topics",
            "previous_messages",
            "share_reason_topics",
            "company_messages",
        ):
            object.__setattr__(self, name, tuple(getattr(self, name) or ()))
        if not self.person_first_name:
            object.__setattr__(self, "person_first_name", first_name_of(self.person_name))
        if not self.user_first_name:
            object.__setattr__(self, "user_first_name", first_name_of(self.user_name))


@dataclass(frozen=True)
class Draft:
    """A ready-to-edit message.

    `channel` is "email", "message", "linkedin_note", "comment" or "reaction" (a reaction has an
    empty body and its advice in `guidance`). `subject` is set for email only. `char_limit` is
    the channel's recommended length; `within_limit` says whether `length` (of `body`) fits it.
    `warnings` come from `check_message`, plus "trimmed" when the body was shortened to fit and
    "placeholder" when a template names an unknown placeholder (left visible in the text).
    """

    kind: str
    channel: str
    subject: str | None
    body: str
    char_limit: int
    length: int
    within_limit: bool
    warnings: tuple[MessageWarning, ...]
    guidance: str = ""


def _parse_day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text)
    except ValueError:
        return None


def context_from_facts(kind: str, facts: Mapping[str, Any], **fields: Any) -> DraftContext:
    """Build a `DraftContext` from a suggestion's `facts` as the rules store them, plus explicit
    `fields` (user_name, person_name, interview_notes, event_name, request_text, channel,
    previous_messages …), which win over anything read from `facts`.

    Read from facts: `company`, `title` (the role; the item's title when the facts describe a
    share item), `topics` (interview topics; a post's matched topics when `post_text` is
    present; the person's matched topics when `share_item_id` is present), `decision_expected_on`,
    `interview_ended_at` / `last_interview_ended_at`, `round` (check-in number),
    `introducer_name`, `post_text`, `url`. Dates may be ISO strings. Unknown keys are ignored;
    an unknown field raises TypeError.
    """
    _require_kind(kind)
    topics = tuple(str(t) for t in (facts.get("topics") or ()) if t)
    values: dict[str, Any] = {}
    if "share_item_id" in facts:
        values["share_item"] = ShareItem(
            title=str(facts.get("title") or ""),
            url=str(facts.get("url") or ""),
            topics=topics,
            id=facts.get("share_item_id"),
        )
        values["share_reason_topics"] = topics
    else:
        values["role_title"] = str(facts.get("title") or "")
        if "post_text" in facts:
            values["post_text"] = str(facts.get("post_text") or "")
            values["post_topic"] = topics[0] if topics else ""
        else:
            values["interview_topics"] = topics
    values["company"] = str(facts.get("company") or "")
    values["decision_expected_on"] = _parse_day(facts.get("decision_expected_on"))
    values["interview_date"] = _parse_day(
        facts.get("interview_ended_at") or facts.get("last_interview_ended_at")
    )
    if facts.get("round"):
        values["check_in_number"] = int(facts["round"])
    if facts.get("introducer_name"):
        values["introducer_name"] = str(facts["introducer_name"])
    values.update(fields)
    return DraftContext(**values)


def first_name_of(full_name: str | None) -> str:
    """The first name in a display name: honorifics and anything after a comma dropped
    ("Dr. Jane Doe, PhD" → "Jane"); "" when there is none."""
    if not full_name:
        return ""
    words = full_name.split(",")[0].split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)
    return words[0] if words else ""


def template_keys(kind: str) -> tuple[str, ...]:
    """The template keys `build_draft` reads for `kind` (body, subject, blurb, check-in steps)."""
    _require_kind(kind)
    prefix = kind + "."
    return tuple(k for k in DEFAULT_TEMPLATES if k == kind or k.startswith(prefix))


def template_placeholders(kind: str) -> tuple[str, ...]:
    """The `{placeholder}` names a template for `kind` may use (see `PLACEHOLDER_HELP`)."""
    _require_kind(kind)
    return COMMON_PLACEHOLDERS + tuple(
        p for p in KIND_PLACEHOLDERS[kind] if p not in COMMON_PLACEHOLDERS
    )


def _require_kind(kind: str) -> None:
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft kind {kind!r}; expected one of {list(DRAFT_KINDS)}")


def format_day(day: date) -> str:
    """ "Friday, December 4" — English, independent of the machine's locale."""
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}"


def join_phrases(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _surface(topic: str, *texts: str) -> str:
    """A normalised topic as the source text wrote it ("Kafka consumers" for "kafka consumer")."""
    for text in texts:
        span = locate_topic(text or "", topic)
        if span:
            found = text[span[0] : span[1]]
            return _sentence_case(found, text, span[0])
    return topic


_SENTENCE_BREAK = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def _sentence_case(found: str, text: str, start: int) -> str:
    """Lower a capital that is only there because the phrase opens a sentence ("Data contracts
    saved…" → "data contracts"); a word capitalised elsewhere too is a name and keeps it."""
    first = found.split()[0]
    if not first[:1].isupper() or not first[1:].islower():
        return found
    if not _SENTENCE_BREAK.search(text[:start]):
        return found
    elsewhere = re.search(r"(?<![.!?:]\s)(?<!^)\b" + re.escape(first) + r"\b", text[start + 1 :])
    if elsewhere:
        return found
    return found[0].lower() + found[1:]


def _conversation_topics(ctx: DraftContext) -> list[str]:
    """The interview topics as the user wrote them, unique, in their order.

    The private interview notes never add text to a message: a phrase lifted from shorthand
    ("fewer pages", "salary band") reads oddly at best and leaks a private judgement at worst.
    """
    seen: set[str] = set()
    topics = []
    for topic in ctx.interview_topics:
        normal = normalise_topic(topic)
        if normal and normal not in seen:
            seen.add(normal)
            topics.append(topic.strip())
    return topics


def _day_phrase(day: date, today: date | None) -> str:
    """ " today", " yesterday", " on Monday" within the week, else " on November 13"."""
    if today is None:
        return f" on {_WEEKDAYS[day.weekday()]}"
    age = (today - day).days
    if age == 0:
        return " today"
    if age == 1:
        return " yesterday"
    if 1 < age < 7:
        return f" on {_WEEKDAYS[day.weekday()]}"
    return f" on {_MONTHS[day.month - 1]} {day.day}"


_EVENT_AT = re.compile(
    r"\bat\s+(the\s+)?([A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|on|for|and|&|in|de))*)"
)
_EVENT_TOPIC = re.compile(
    r"\b(?:talked|chatted|spoke|talking|chatting|speaking|discussed|discussing)"
    r"(?:\s+about)?\s+([^.;:!?\n]{3,80})",
    re.IGNORECASE,
)


def event_details(note: str) -> tuple[str, tuple[str, ...]]:
    """(event name, topics) from the user's note on an event ("Met at the Berlin Platform
    Engineering Meetup; talked about Rust for control planes." → ("the Berlin Platform
    Engineering Meetup", ("Rust for control planes",))). The name is the capitalised phrase after
    "at", else the whole note when it is a short bare name; "" when neither is there.
    """
    note = (note or "").strip()
    name = ""
    match = _EVENT_AT.search(note)
    if match:
        name = (match.group(1) or "") + match.group(2).rstrip(".")
        name = " ".join(name.split())
    elif len(note) <= 60 and not re.search(r"[.;:!?]\s", note + " ") and note[:1].isupper():
        name = note
    topics = []
    for found in _EVENT_TOPIC.finditer(note):
        phrase = found.group(1).strip().rstrip(",")
        if phrase and normalise_topic(phrase):
            topics.append(phrase)
    return name, tuple(topics)


def _post_topic(ctx: DraftContext) -> str:
    if ctx.post_topic.strip():
        return ctx.post_topic.strip()
    found = extract_topics(ctx.post_text, limit=1)
    return _surface(found[0], ctx.post_text) if found else ""


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


def _values(kind: str, ctx: DraftContext) -> dict[str, str]:
    first = ctx.person_first_name or "there"
    role, company = ctx.role_title.strip(), ctx.company.strip()
    if role and company:
        role_at_company = f"the {role} role at {company}"
    elif role:
        role_at_company = f"the {role} role"
    elif company:
        role_at_company = f"the role at {company}"
    else:
        role_at_company = "the role"
    discussed = _conversation_topics(ctx)
    spoken = [as_object(t) for t in discussed]
    topics_phrase = join_phrases(spoken[:3])
    topic = spoken[0] if spoken else ""
    post_topic = _post_topic(ctx)
    number = min(max(ctx.check_in_number, 1), 3)
    ended = ctx.stage.strip().lower() in ENDED_STAGES
    line = post_line(ctx.post_text)

    values = {
        "first_name": first,
        "person_name": ctx.person_name.strip() or first,
        "person_first_name": ctx.person_first_name or "them",
        "user_name": ctx.user_name.strip(),
        "user_first_name": ctx.user_first_name or ctx.user_name.strip(),
        "company": company,
        "role": role,
        "role_at_company": role_at_company,
        "role_label_title": f"{role} role" if role else "My application",
        "topics": topics_phrase,
        "topic": topic,
        "interview_day": _day_phrase(ctx.interview_date, ctx.today) if ctx.interview_date else "",
        "post_topic": post_topic,
        "about_post_topic": f" about {post_topic}" if post_topic else "",
        "event": ctx.event_name.strip() or "the event",
    }

    # thank_you and event_follow_up
    values["topic_sentence"] = (
        f"I especially enjoyed our conversation about {topics_phrase}." if topics_phrase else ""
    )
    # Kept for templates the user edited before notes stopped being quoted; always empty now.
    values["note_sentence"] = ""
    if ended:
        values["enthusiasm_sentence"] = (
            "I learned a lot from our conversations, and I'd be glad to stay in touch."
        )
    else:
        values["enthusiasm_sentence"] = (
            f"Our conversation left me even more enthusiastic about joining {company}."
            if company
            else "Our conversation left me even more enthusiastic about the opportunity."
        )
    if kind == "thank_you":
        values.update(_thank_you_values(ctx, role_at_company, topics_phrase, values, ended))

    # check_in: each of the three reads differently, and the third closes gracefully.
    decision = format_day(ctx.decision_expected_on) if ctx.decision_expected_on else ""
    if number == 1:
        if decision:
            values["decision_sentence"] = (
                f"You mentioned you hoped to reach a decision by {decision}. "
            )
        elif ctx.interview_date:
            values["decision_sentence"] = (
                f"Thank you again for our conversation on {format_day(ctx.interview_date)}. "
            )
        else:
            values["decision_sentence"] = ""
        values["positive_sentence"] = (
            f"I keep coming back to our conversation about {topic}, and I remain very "
            "interested in the role."
            if topic
            else f"I remain very interested in {role_at_company}."
        )
    elif number == 2:
        values["decision_sentence"] = (
            f"I know the decision was planned for around {decision}, and timelines often shift. "
            if decision
            else "I know hiring timelines often shift. "
        )
        values["positive_sentence"] = ""
    else:
        values["decision_sentence"] = ""
        if topic:
            values["positive_sentence"] = (
                f"I've really enjoyed learning about {topic} and the team's work."
            )
        elif company:
            values["positive_sentence"] = f"I've really enjoyed getting to know {company}."
        else:
            values["positive_sentence"] = "I've really enjoyed our conversations."
    values["offer_sentence"] = (
        f"If it would help, I'd be glad to share more about my experience with {topic}, or to "
        "send references or a work sample."
        if topic
        else "If it would help, I'd be glad to send references or a work sample."
    )

    # share
    item = ctx.share_item or ShareItem()
    values["item_title"] = item.title.strip()
    values["item"] = f"“{item.title.strip()}”" if item.title.strip() else "this article"
    values["item_url"] = item.url.strip()
    values["item_note"] = _sentence(item.note)
    values["share_opening"] = (
        f"I recently published {values['item']} and thought of you"
        if item.kind == "own_post"
        else f"I came across {values['item']} and thought of you"
    )
    values["share_reason"] = _share_reason(ctx, item, discussed, post_topic)

    # ask_intro: the message goes to the introducer and is about person_name.
    introducer = ctx.introducer_name.strip() or ctx.mutual_name.strip()
    values["introducer_first_name"] = first_name_of(introducer) or "there"
    if role and company:
        values["intro_reason"] = f"I'm interested in the {role} role at {company}"
    elif company:
        values["intro_reason"] = f"I'm interested in opportunities at {company}"
    elif role:
        values["intro_reason"] = f"I'm exploring {role} roles"
    else:
        values["intro_reason"] = "I'd value an outside perspective on my job search"
    summary = ctx.user_summary.strip().rstrip(".")
    values["user_summary_clause"] = f", {summary}," if summary else ""
    about = post_topic or topic
    values["about_topic"] = f" about {about}" if about else ""

    # event_follow_up
    values["stay_in_touch_sentence"] = (
        f"I'm very interested in {role_at_company}, and I'd be glad to stay in touch."
        if role and company
        else "I'd be glad to stay in touch."
    )

    # connect: one reason, the most personal available.
    if topic:
        reason = f"Thank you for the conversation about {topic}{values['interview_day']}."
    elif ctx.event_name.strip():
        reason = f"It was good to meet you at {ctx.event_name.strip()}."
    elif line:
        reason = f"I enjoyed your post, especially “{line.text}”."
    elif post_topic:
        reason = f"I enjoyed your post about {post_topic}."
    elif role and company:
        reason = f"I'm interested in the {role} role at {company}."
    else:
        reason = ""
    values["connect_reason"] = reason
    mutual = ctx.mutual_name.strip()
    values["mutual_sentence"] = f" We're both connected with {mutual}." if mutual else ""

    # comment: answer a line the post actually says, never a topic label alone.
    values["post_line"] = line.text if line else ""
    values["post_sentence"], values["comment_question"] = _comment_sentences(line)

    # keep_warm
    if post_topic and topic and matching_topics([post_topic], [topic]):
        hook = f"Your recent post brought back our conversation about {topic}."
    elif line and topic:
        hook = (
            f"I enjoyed your recent post, especially “{line.text}”; it reminded me of our "
            f"conversation about {topic}."
        )
    elif line:
        hook = f"I enjoyed your recent post, especially “{line.text}”."
    elif post_topic and topic:
        hook = (
            f"I enjoyed your recent post about {post_topic}; it reminded me of our "
            f"conversation about {topic}."
        )
    elif post_topic:
        hook = f"I enjoyed your recent post about {post_topic}."
    elif topic:
        hook = f"I've been thinking about our conversation about {topic}."
    elif ctx.event_name.strip():
        hook = f"I've been thinking about our conversation at {ctx.event_name.strip()}."
    else:
        hook = ""
    if not hook:
        # Nothing specific is known: a visible fill-in, never an invented detail.
        hook = f"I hope all is well at {company}. " if company else ""
        hook += "[One line on something useful to them, or what you've been working on.]"
    values["hook_sentence"] = hook
    stage = ctx.stage.strip().lower()
    if stage in ENDED_STAGES:
        values["interest_sentence"] = (
            f"I enjoyed meeting the team during the {role} process, and I'd be glad to stay "
            "in touch. "
            if role
            else ""
        )
    elif role and stage in ("", *STAGES_OPEN):
        values["interest_sentence"] = f"I'm still very interested in {role_at_company}. "
    else:
        values["interest_sentence"] = ""
    values["keep_warm_subject"] = (
        f"Your post about {post_topic}"
        if post_topic
        else (f"Our conversation about {topic}" if topic else f"Hello from {values['user_name']}")
    ).removesuffix(" from ")

    # respond
    values.update(_respond_values(ctx.request_text))
    return values


_THANKS = (
    "Thank you for taking the time to speak with me{day} about {role}.",
    "Thanks for meeting with me{day} as part of the interviews for {role}.",
    "I appreciated our conversation{day} about {role}.",
    "Thank you for your time{day}; I enjoyed meeting you during the interviews for {role}.",
)
_TOPIC_LINES = (
    "I especially enjoyed our conversation about {topics}.",
    "Your questions about {topics} have stayed with me since.",
    "It was good to hear how you think about {topics}.",
    "Talking through {topics} with you was a highlight of the day for me.",
)
_ROLE_LINES = (
    "It was good to hear what the work looks like from your seat as {title}.",
    "It helped to hear how the team works from your side as {title}.",
    "",
    "Hearing your view as {title} gave me a clearer picture of the team.",
)
_CLOSINGS = (
    "{enthusiasm} If it would help, I'm happy to share more detail on anything we talked about.",
    "If a follow-up on any of it would be useful, I'd be glad to write one up. {enthusiasm}",
    "{enthusiasm} Please let me know if there's anything I can add.",
    "I'd be happy to answer anything that came up after we spoke. {enthusiasm}",
)


def _thank_you_values(
    ctx: DraftContext, role_at_company: str, topics: str, values: Mapping[str, str], ended: bool
) -> dict[str, str]:
    """The sentences of a thank-you, chosen by `ctx.variant` so the notes of one panel differ in
    structure as well as in the topics and role they cite."""
    # Past the fourth note every part moves by a different step, so any two notes of a panel
    # of up to 16 differ in at least three of their four parts.
    size, turn = len(_THANKS), ctx.variant // len(_THANKS)
    index = ctx.variant % size
    topic_index, role_index, closing = (
        (index + turn) % size,
        (index + 2 * turn) % size,
        (index + 3 * turn) % size,
    )
    day = values["interview_day"]
    title = ctx.person_title.split(",")[0].split(" at ")[0].strip()
    enthusiasm = values["enthusiasm_sentence"]
    if not ended and ctx.variant % 2 and ctx.company.strip():
        enthusiasm = f"I'm even more interested in joining {ctx.company.strip()} after our talk."
    return {
        "thanks_sentence": _THANKS[index].format(day=day, role=role_at_company),
        "topic_sentence": _TOPIC_LINES[topic_index].format(topics=topics) if topics else "",
        "role_sentence": _ROLE_LINES[role_index].format(title=with_indefinite(title))
        if title
        else "",
        "closing_sentence": _CLOSINGS[closing].format(enthusiasm=enthusiasm),
    }


def _comment_sentences(line: PostLine | None) -> tuple[str, str]:
    """(sentence answering the post's line, closing line) for a comment."""
    if line is None:
        return "", "[One line on what in the post struck you, from your own experience.]"
    quote = f"“{line.text}”"
    if line.kind == "news":
        return f" Congratulations: {quote} is great news.", "I'd be glad to hear how it goes."
    if line.kind == "lesson":
        return f" {quote} rings true.", "What made it click for you?"
    if line.kind == "result":
        return f" {quote} is a striking result.", "What made the biggest difference?"
    return f" {quote} stood out to me.", "I'd be interested to hear more about how you see it."


def _share_reason(ctx: DraftContext, item: ShareItem, topics: list[str], post_topic: str) -> str:
    offered = tuple(item.topics) or extract_topics(f"{item.title}. {item.note}", limit=6)
    discussed = matching_topics(topics, offered)
    if discussed:
        return (
            f", given our conversation about {join_phrases([as_object(t) for t in discussed[:2]])}"
        )
    if post_topic and matching_topics([post_topic], offered):
        return f", given your recent post about {post_topic}"
    for topic in ctx.share_reason_topics:
        if locate_topic(ctx.post_text, topic):
            return f", given your recent post about {_surface(topic, ctx.post_text)}"
    if ctx.share_reason_topics:
        return f", given your interest in {join_phrases(list(ctx.share_reason_topics[:2]))}"
    return ""


_REQUESTS = (
    (
        re.compile(r"\breferences?\b", re.IGNORECASE),
        "references",
        " about references",
        "Here are my references: [names, roles and contact details].",
    ),
    (
        re.compile(
            r"\b(?:schedul\w*|availab\w*|time slots?|times?|calendar|call|meet|chat)\b",
            re.IGNORECASE,
        ),
        "scheduling",
        " about scheduling",
        "I'd be glad to find a time. These work well for me: [two or three times, with your "
        "time zone].",
    ),
)
_DOCUMENTS = re.compile(
    r"\b(resume|résumé|cv|portfolio|transcript|work sample|writing sample|code sample|"
    r"cover letter|certificate|case study)s?\b",
    re.IGNORECASE,
)


def _respond_values(request_text: str) -> dict[str, str]:
    text = request_text.strip()
    if not text:
        return {
            "request_label": "your note",
            "request_about": "",
            "response_sentence": "[Your reply.]",
        }
    document = _DOCUMENTS.search(text)
    if document:
        name = document.group(1).lower()
        name = {"cv": "CV", "resume": "resume", "résumé": "résumé"}.get(name, name)
        return {
            "request_label": name,
            "request_about": f" asking for my {name}",
            "response_sentence": f"I've attached my {name}, and I'm happy to walk you through it.",
        }
    for pattern, label, about, response in _REQUESTS:
        if pattern.search(text):
            return {"request_label": label, "request_about": about, "response_sentence": response}
    found = extract_topics(text, limit=1)
    topic = _surface(found[0], text) if found else ""
    return {
        "request_label": topic or "your note",
        "request_about": f" about {topic}" if topic else "",
        "response_sentence": "[Your answer.]",
    }


def _substitute(template: str, values: Mapping[str, str], unknown: set[str]) -> str:
    """Fill `{name}` fields; unknown names stay visible in the text and are collected."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        unknown.add(name)
        return match.group()

    return _FIELD.sub(replace, template)


def _tidy(text: str) -> str:
    """Clean what empty placeholders leave behind: doubled spaces, blank lines, " ." ."""
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t]{2,}", " ", line).strip()
        line = re.sub(r" +([.,;:!?])", r"\1", line)
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_GREETING_LINE = re.compile(r"^(?:hi|hello|hey|dear)\b.{0,60},$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s|$)")


def _trim(body: str, limit: int) -> tuple[str, str]:
    """Shorten `body` to `limit` characters at a sentence boundary, keeping the greeting and
    sign-off lines. Returns (text, removed text)."""
    if len(body) <= limit:
        return body, ""
    lines = body.split("\n")
    head = 1 if lines and _GREETING_LINE.match(lines[0]) else 0
    tail = len(lines)
    while tail - 1 > head:
        line = lines[tail - 1].strip()
        if line and (len(line) > 40 or line[-1] in '.?!"”'):
            break
        tail -= 1
    middle = "\n".join(lines[head:tail])
    outer = len(body) - len(middle)
    budget = limit - outer
    cut = max((m.end() for m in _SENTENCE_END.finditer(middle) if m.end() <= budget), default=0)
    if budget <= 0 or cut == 0:
        # No sentence fits: cut at the last word that does, and mark the cut.
        whole = body[: max(limit - 1, 0)]
        whole = whole[: whole.rfind(" ")] if " " in whole else whole
        return whole.rstrip() + "…", body[len(whole) :].strip()
    kept = middle[:cut].rstrip()
    removed = middle[cut:].strip()
    text = _tidy("\n".join(lines[:head] + [kept] + lines[tail:]))
    return text, removed


def check_inputs(ctx: DraftContext) -> dict[str, Any]:
    """The plain-text inputs of `check_message` that `ctx` holds: the facts a message to this
    person could cite (topics, titles, links, the event), the names it could cite (an intro
    target, a mutual contact; the recipient's own name, company and role do not count: every
    message to them has those), their first name, what was sent before, notes to colleagues,
    and whether their process has ended."""
    facts: list[str] = list(ctx.interview_topics)
    facts.extend(extract_topics(ctx.interview_notes, limit=4))
    if ctx.post_topic:
        facts.append(ctx.post_topic)
    facts.extend(extract_topics(ctx.post_text, limit=5))
    line = post_line(ctx.post_text)
    if line:
        facts.append(line.text)
    if ctx.share_item is not None:
        facts.extend([ctx.share_item.title, ctx.share_item.url, *ctx.share_item.topics])
    if ctx.event_name:
        facts.append(ctx.event_name)
    facts.extend(extract_topics(ctx.request_text, limit=4))
    names = []
    recipient = ctx.introducer_name.strip()
    if ctx.mutual_name and ctx.mutual_name.strip() != recipient:
        names.append(ctx.mutual_name)
    if recipient and ctx.person_name:
        # The message goes to the introducer and is about this person.
        names.append(ctx.person_name)
    return {
        "facts": [f for f in facts if f and f.strip()],
        "names": names,
        "recipient": ctx.person_first_name or "",
        "previous_messages": ctx.previous_messages,
        "company_messages": ctx.company_messages,
        "process_closed": ctx.stage.strip().lower() in ENDED_STAGES,
    }


def check_in_context(
    text: str, channel: str, ctx: DraftContext, previous_messages: Sequence[str] = ()
) -> tuple[MessageWarning, ...]:
    """`check_message` for `text` to the person `ctx` describes (plus `previous_messages`)."""
    inputs = check_inputs(ctx)
    inputs["previous_messages"] = (*previous_messages, *inputs["previous_messages"])
    return check_message(text, channel=channel, **inputs)


def build_draft(
    kind: str,
    ctx: DraftContext,
    templates: Mapping[str, str] | None = None,
    *,
    check: bool = True,
) -> Draft:
    """Build a draft of `kind` (one of `DRAFT_KINDS`) from the facts in `ctx`.

    `templates` holds the user's edited templates by key (see `template_keys`); missing keys use
    `DEFAULT_TEMPLATES`. An unknown `{placeholder}` in an edited template is left visible and
    reported as a "placeholder" warning, never an error. A body longer than the channel's
    recommended length is cut at a sentence boundary with a "trimmed" warning. With
    `check=False` the message check is skipped (a draft built only to compare it with another).
    Raises ValueError for an unknown kind or channel.
    """
    _require_kind(kind)
    merged = {**DEFAULT_TEMPLATES, **(templates or {})}
    channel = "reaction" if kind == "react" else (ctx.channel or DEFAULT_CHANNELS[kind])
    if channel not in CHANNEL_LIMITS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {sorted(CHANNEL_LIMITS)}")
    limit = CHANNEL_LIMITS[channel].recommended
    values = _values(kind, ctx)
    unknown: set[str] = set()
    values["blurb"] = _tidy(_substitute(merged["ask_intro.blurb"], values, unknown))

    if kind == "check_in":
        number = min(max(ctx.check_in_number, 1), 3)
        body_key, subject_key = f"check_in.{number}", "check_in.subject"
    else:
        body_key, subject_key = kind, f"{kind}.subject"

    guidance = GUIDANCE[kind]
    if kind == "react":
        guidance = _tidy(_substitute(merged[body_key], values, unknown))
        body = ""
    elif kind == "thank_you" and channel == "linkedin_note" and body_key not in (templates or {}):
        # Someone not yet connected gets the thanks as a connection note: the opening and the
        # topic, nothing an email would add, within LinkedIn's 300 characters.
        body = _tidy(
            f"Hi {values['first_name']},\n{values['thanks_sentence']} "
            f"{values['topic_sentence']}\n{values['user_first_name']}"
        )
    else:
        body = _tidy(_substitute(merged[body_key], values, unknown))

    subject = None
    if channel == "email":
        subject_template = merged.get(subject_key) or "{role_label_title}"
        subject = _tidy(_substitute(subject_template, values, unknown)) or None

    warnings: list[MessageWarning] = []
    if limit and len(body) > limit:
        body, removed = _trim(body, limit)
        warnings.append(
            MessageWarning(
                "trimmed",
                f"Shortened to fit the {limit}-character limit for {CHANNEL_LABELS[channel]}; "
                "the cut text is listed here.",
                (),
                (removed,),
            )
        )
    if kind == "connect" and len(body) > 200:
        guidance += f" This note is {len(body)} characters: too long for a free account."

    checked = check_in_context(body, channel, ctx) if check else ()
    if unknown:
        spans = tuple((m.start(), m.end()) for m in PLACEHOLDER_PATTERN.finditer(body))
        names = ", ".join("{" + n + "}" for n in sorted(unknown))
        warnings.append(
            MessageWarning(
                "placeholder",
                f"The template uses {names}, which is not a known placeholder; it was left in "
                f"the text. Known placeholders: {', '.join(template_placeholders(kind))}.",
                spans,
                tuple(body[a:b] for a, b in spans),
            )
        )
        checked = tuple(w for w in checked if w.code != "placeholder")
    warnings = list(checked) + warnings
    return Draft(
        kind=kind,
        channel=channel,
        subject=subject,
        body=body,
        char_limit=limit,
        length=len(body),
        within_limit=len(body) <= limit,
        warnings=tuple(warnings),
        guidance=guidance,
    )
