"""Message check: warn before a message sounds generic, pushy, negative or too long.

The playbook asks for messages that are personal, professional and positive, that add something
of value and are never pushy. This module reads a message the way a careful career coach would and
returns warnings with the exact character spans that caused them, so the UI can highlight them.
Pure, deterministic, local: word lists and simple rules, no network, no model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from topofmind.domain.topics import extract_topics, normalise_topic, word_spans

WARNING_CODES = (
    "empty",
    "placeholder",
    "too_long",
    "generic",
    "stock_phrase",
    "repeat",
    "negative",
    "complaining",
    "pushy",
    "near_duplicate",
    "pursuit",
    "trimmed",
)


@dataclass(frozen=True)
class MessageWarning:
    """One problem found in a message.

    `code` is one of `WARNING_CODES`; `message` is plain English for the user; `spans` are
    (start, end) character offsets into the checked text, `words` the text at those spans.
    """

    code: str
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    words: tuple[str, ...] = ()


# The name the design brief uses; `MessageWarning` avoids shadowing the builtin inside modules.
Warning = MessageWarning


@dataclass(frozen=True)
class ChannelLimit:
    """Character limits of a channel: `hard` is what the platform accepts (None: no limit),
    `recommended` what a good message of that kind stays within."""

    hard: int | None
    recommended: int


CHANNEL_LIMITS: dict[str, ChannelLimit] = {
    "email": ChannelLimit(hard=None, recommended=2000),
    # LinkedIn accepts 8000 characters in a message; a check-in or note that long goes unread.
    "message": ChannelLimit(hard=8000, recommended=1000),
    # Premium accounts get 300 characters in a connection note, free accounts 200.
    "linkedin_note": ChannelLimit(hard=300, recommended=300),
    "comment": ChannelLimit(hard=1250, recommended=1250),
    "reaction": ChannelLimit(hard=0, recommended=0),
}
FREE_ACCOUNT_NOTE_LIMIT = 200
CHANNEL_LABELS: dict[str, str] = {
    "email": "an email",
    "message": "a LinkedIn message",
    "linkedin_note": "a LinkedIn connection note",
    "comment": "a LinkedIn comment",
    "reaction": "a reaction",
}


def _phrases(*patterns: str) -> re.Pattern[str]:
    """Compile phrases into one case-insensitive pattern; a space matches any run of spaces and an
    apostrophe matches straight or curly ones."""
    parts = [p.replace("'", "['’]").replace(" ", r"\s+") for p in patterns]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


STOCK_PHRASES = _phrases(
    r"I hope (?:this|my) (?:e-?mail|message|note) finds you well",
    r"I hope this finds you well",
    r"hope (?:this|my) (?:e-?mail|message|note) finds you well",
    r"just (?:checking|check) in",
    r"just wanted to (?:check in|follow up|touch base|circle back|reach out)",
    r"just following up",
    r"touching base",
    r"touch base",
    r"circling back",
    r"circle back",
    r"per my (?:last|previous) (?:e-?mail|message)",
    r"as per my (?:last|previous) (?:e-?mail|message)",
    r"I wanted to reach out",
    r"I(?:'m| am) reaching out",
    r"I am writing to (?:follow up|express|inquire)",
    r"thank you for your time and consideration",
    r"(?:please )?(?:do not|don't) hesitate to (?:contact|reach out to) me",
    r"(?:please )?(?:do not|don't) hesitate to reach out",
    r"bumping this(?: up)?",
    r"to the top of your inbox",
    r"sorry to bother you",
    r"I know you(?:'re| are) (?:very )?busy",
    r"great post",
    r"nice post",
    r"great article",
    r"great insights?",
    r"love this",
    r"so true",
    r"well said",
)

NEGATIVE = _phrases(
    r"unfortunately",
    r"sadly",
    r"disappointed",
    r"disappointing",
    r"frustrated",
    r"frustrating",
    r"annoyed",
    r"annoying",
    r"upset",
    r"unacceptable",
    r"unprofessional",
    r"rude",
    r"terrible",
    r"awful",
    r"a waste of (?:my )?time",
    r"angry",
)

COMPLAINING = _phrases(
    r"(?:I )?still (?:haven't|have not|hadn't) heard(?: back)?",
    r"(?:I )?(?:haven't|have not|never|didn't|did not) hear(?:d)? back",
    r"no one (?:has |ever )?(?:replied|responded|gotten back|got back|answered)",
    r"nobody (?:has |ever )?(?:replied|responded|gotten back|got back|answered)",
    r"it(?:'s| has) been (?:weeks|days|months|ages|a month|over a week|so long|forever)",
    r"(?:I've|I have|I'm|I am) (?:still )?(?:been )?waiting",
    r"(?:no|any) (?:response|reply) (?:yet|so far)",
    r"radio silence",
    r"ghost(?:ed|ing)",
    r"left in the dark",
    r"you never (?:replied|responded|answered|got back)",
)

PUSHY = _phrases(
    r"asap",
    r"as soon as possible",
    r"right away",
    r"immediately",
    r"I need (?:an answer|a response|a reply|to know|to hear)",
    r"why (?:haven't|have not|didn't|did not) you",
    r"following up again",
    r"(?:yet )?another follow[- ]?up",
    r"urgent(?:ly)?",
    r"please (?:respond|reply)",
    r"I expect",
    r"you must",
    r"(?:final|last) reminder",
    r"by end of (?:the )?day",
)

# A demand is pushy; the writer promising speed is not ("I'll send it right away").
_SELF_COMMITMENT = re.compile(
    r"\b(?:I|we)(?:['’]ll| will| can| am| ['’]m| shall|['’]d be happy to| would be happy to)\b",
    re.IGNORECASE,
)
_SPEED_WORDS = re.compile(r"asap|as soon as possible|right away|immediately", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.!?;\n]")

_EXCLAMATION_RUN = re.compile(r"!{2,}")
_CAPS_WORD = re.compile(r"(?<![\w'’])[A-Z][A-Z'’]{2,}(?![\w'’])")
KNOWN_ACRONYMS = frozenset(
    """
    AWS GCP API SDK SQL CEO CTO CFO COO CMO CPO CIO CISO SVP EVP USA NYC SRE LLM GPU CPU SAAS
    B2B B2C OKR KPI ETL JSON HTML CSS REST HTTP HTTPS YAML GDPR HIPAA SOC NASA NASDAQ IPO ROI
    SEO CRM ERP MBA PHD CPA PMP UX UI QA HR AI ML NLP IOT VPN DNS TCP CDN RFC OSS FAQ PDF CV
    ATS EMEA APAC LATAM IBM SAP MIT UCLA NYU GRPC OAUTH SAML SSO JWT ORM CICD DEVOPS MLOPS
    FINOPS SOX PCI DSS RPA SLA SLO SLI MVP RFP CSV XML AMA ESG DEI SMB ASIC FPGA RAM SSD USB
    AR VR GTM ARR MRR CAC LTV NPS
    """.split()
)
# Short words that, in capitals, read as shouting rather than as an acronym.
_SHOUT_WORDS = frozenset({"NOW", "WHY", "ANY", "YOU", "NOT", "MUST", "NEED", "ALL", "YES", "AND"})

PLACEHOLDER_PATTERN = re.compile(r"\[[^\]\n]{1,120}\]|\{[A-Za-z_][A-Za-z0-9_]*\}")

_FILLER = _phrases(
    r"your time",
    r"(?:the|this) (?:opportunity|role|position|job)",
    r"our (?:conversation|chat|call|discussion|meeting)",
    r"the interview",
    r"your consideration",
)
# Words that say nothing about this person or conversation; a message made only of them is generic.
GENERIC_VOCABULARY = frozenset(
    """
    time opportunity opportunities role position job conversation chat call interview
    interviews team company process update updates consideration meeting discussion note email
    e-mail message chance interest application candidacy status touch base step steps help
    thought thoughts hope look looking forward hear hearing speak speaking spoke talk talking
    talked appreciate appreciated appreciation enjoyed enjoy follow following followed reach
    reaching check checking wanted stay staying connected connect connecting news pleasure
    meet meeting met kind regard regards sincerely best thank thanks grateful fit fits
    decision decisions hiring timeline timelines question questions contact opportunity's
    inbox reply replies response respond organization organisation company's work working
    role's next soon forward doing well week weeks day days month hoping hopefully excited
    excitement enthusiasm interested find finds glad happy
    """.split()
)
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n,.!?]{0,40}[,\n]?",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)([A-Z][\w'’-]*)")
_NOT_NAMES = frozenset(
    """
    I I'm I've I'd I'll Hi Hello Hey Dear Thanks Thank Best Regards Sincerely Cheers Warm Kind
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December
    """.split()
)
_NUMBER_OR_LINK = re.compile(r"https?://|www\.|\d|(?<![\w&])#[A-Za-z]")


def _warning(
    code: str, message: str, text: str, spans: Iterable[tuple[int, int]]
) -> MessageWarning:
    ordered = tuple(sorted(set(spans)))
    return MessageWarning(code, message, ordered, tuple(text[a:b] for a, b in ordered))


def _quoted(words: Iterable[str]) -> str:
    unique = list(dict.fromkeys(" ".join(w.split()) for w in words))
    return ", ".join(f"“{w}”" for w in unique[:4])


def _limit_warning(text: str, channel: str) -> MessageWarning | None:
    limit = CHANNEL_LIMITS[channel]
    length = len(text)
    if length <= limit.recommended:
        return None
    over = length - limit.recommended
    label = CHANNEL_LABELS[channel]
    if limit.hard is not None and length > limit.hard:
        message = (
            f"Too long for {label}: {length} characters, and LinkedIn accepts "
            f"{limit.hard}. Cut {length - limit.hard} characters or more."
        )
    else:
        message = (
            f"Long for {label}: {length} characters where {limit.recommended} is plenty. "
            f"Cutting about {over} characters keeps it easy to read."
        )
    return _warning("too_long", message, text, [(limit.recommended, length)])


def _cited(fact: str, words: set[str], lowered: str, *, name: bool = False) -> bool:
    fact = fact.strip()
    if not fact:
        return False
    if fact.lower().startswith(("http://", "https://", "www.")):
        return fact.lower().rstrip("/") in lowered
    tokens = normalise_topic(fact).split()
    tokens = [t for t in tokens if t not in GENERIC_VOCABULARY] or tokens
    if not tokens:
        return False
    if name:
        return tokens[0] in words
    needed = len(tokens) if len(tokens) <= 2 else math.ceil(len(tokens) / 2)
    return sum(1 for t in tokens if t in words) >= needed


def _signal_words(text: str) -> set[str]:
    return {word for word, _, _ in word_spans(text)}


def _looks_specific_without_context(text: str) -> bool:
    # Stock phrases say nothing about anyone, whatever words they contain.
    body = STOCK_PHRASES.sub(lambda m: " " * len(m.group()), text)
    greeting = _GREETING.match(body)
    if greeting:
        body = " " * greeting.end() + body[greeting.end() :]
    lines = body.rstrip().split("\n")
    if len(lines) > 1 and len(lines[-1].strip()) <= 30:
        body = "\n".join(lines[:-1])
    if _NUMBER_OR_LINK.search(body):
        return True
    sentence_starts = {m.start(1) for m in _SENTENCE_START.finditer(body)}
    for match in re.finditer(r"\b[A-Z][\w'’-]+", body):
        if match.start() not in sentence_starts and match.group() not in _NOT_NAMES:
            return True
    for topic in extract_topics(body, limit=12):
        if any(word not in GENERIC_VOCABULARY for word in topic.split()):
            return True
    return False


def _generic_warning(
    text: str, facts: Sequence[str] | None, names: Sequence[str], recipient: str
) -> MessageWarning | None:
    fillers = [(m.start(), m.end()) for m in _FILLER.finditer(text)]
    spans = fillers or [(len(text) - len(text.lstrip()), len(text.rstrip()))]
    if facts is None:
        if _looks_specific_without_context(text):
            return None
        return _warning(
            "generic",
            "Generic: nothing here is specific to this person or your conversation. Mention a "
            "topic you discussed, their recent post, or something you can offer.",
            text,
            spans,
        )
    facts = [f for f in facts if f and f.strip()]
    words = _signal_words(text)
    lowered = text.lower()
    if any(_cited(f, words, lowered) for f in facts) or any(
        _cited(n, words, lowered, name=True) for n in names if n and n.strip()
    ):
        return None
    first_name = recipient.strip() or "them"
    if facts:
        examples = _quoted(facts[:3])
        message = (
            f"Generic: it mentions nothing from your conversation with {first_name}. "
            f"Cite something specific, for example {examples}."
        )
    else:
        message = (
            f"Generic: there is nothing specific to {first_name} to cite yet. Add a topic you "
            "discussed or something from their posts, and the message will be remembered."
        )
    return _warning("generic", message, text, spans)


PURSUIT = _phrases(
    r"(?:still|remain|am still|I'm still) (?:very |really |keenly )?(?:interested|excited|keen)",
    r"(?:even )?more (?:enthusiastic|excited) about (?:joining|the (?:role|opportunity|position))",
    r"(?:enthusiastic|excited|keen) (?:about|to) (?:joining|join)",
    r"any (?:update|news) on (?:the|my) (?:role|application|process|candidacy)",
    r"(?:an|any) update on (?:the|my) (?:role|application|process|candidacy)",
    r"reconsider(?:ing)?(?: my application)?",
    r"keep me in mind for (?:this|the) (?:role|position)",
    r"move forward with (?:my|the) (?:application|process|candidacy)",
    r"hope to (?:join|hear back)",
    r"(?:would|I'd) love to join",
    r"(?:a|the) decision (?:on|about) (?:the|my) (?:role|application)",
)
# Notes this alike (share of three-word runs) read as one note with the name swapped.
NEAR_DUPLICATE_RATIO = 0.5


def _body_words(text: str) -> list[str]:
    """The words of a note without its greeting line and short sign-off lines, so a note that
    differs only by who it greets and who signs reads as the same note."""
    lines = [line for line in text.strip().split("\n")]
    if lines and _GREETING.match(lines[0]) and len(lines[0]) <= 60:
        lines = lines[1:]
    while lines and len(lines[-1].strip()) <= 30:
        lines.pop()
    return [w for w, _, _ in word_spans("\n".join(lines))]


def note_similarity(a: str, b: str) -> float:
    """How alike two notes are, 0 to 1: the share of three-word runs they have in common, after
    greeting and sign-off are set aside. A name swap alone leaves it near 1."""
    first, second = _body_words(a), _body_words(b)
    size = 3 if min(len(first), len(second)) >= 3 else 1
    mine, theirs = set(_shingles(first, size)), set(_shingles(second, size))
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


def near_duplicate_warning(text: str, others: Sequence[str]) -> MessageWarning | None:
    """ "near_duplicate" when `text` is nearly the same note as one of `others` (notes to other
    people at the same company, who may compare them)."""
    best = max((note_similarity(text, other) for other in others if other), default=0.0)
    if best < NEAR_DUPLICATE_RATIO:
        return None
    start = len(text) - len(text.lstrip())
    return _warning(
        "near_duplicate",
        f"Nearly the same note ({round(best * 100)}% alike) goes to someone else at the same "
        "company, and colleagues compare notes. Cite what you discussed with this person, "
        "their role or what they asked.",
        text,
        [(start, len(text.rstrip()))],
    )


def _shingles(words: Sequence[str], size: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]


def _repeat_warning(text: str, previous: Sequence[str]) -> MessageWarning | None:
    spans = word_spans(text)
    words = [w for w, _, _ in spans]
    if not words:
        return None
    size = min(5, len(words))
    mine = _shingles(words, size)
    mine_set = set(mine)
    best_ratio, best_shared = 0.0, set()
    for earlier in previous:
        their_words = [w for w, _, _ in word_spans(earlier)]
        theirs = set(_shingles(their_words, size))
        if not theirs:
            continue
        shared = mine_set & theirs
        ratio = len(shared) / len(mine_set | theirs)
        if ratio > best_ratio:
            best_ratio, best_shared = ratio, shared
    if best_ratio < 0.6:
        return None
    covered = [False] * len(words)
    for index, shingle in enumerate(mine):
        if shingle in best_shared:
            for offset in range(size):
                covered[index + offset] = True
    runs, start = [], None
    for index, is_covered in enumerate(covered + [False]):
        if is_covered and start is None:
            start = index
        elif not is_covered and start is not None:
            runs.append((spans[start][1], spans[index - 1][2]))
            start = None
    return _warning(
        "repeat",
        f"Repeats a message you already sent ({round(best_ratio * 100)}% the same). A new "
        "detail or a different angle keeps it from reading like a form letter.",
        text,
        runs,
    )


def _pushy_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in PUSHY.finditer(text):
        if _SPEED_WORDS.fullmatch(match.group()):
            clause_start = 0
            for boundary in _CLAUSE_START.finditer(text, 0, match.start()):
                clause_start = boundary.end()
            if _SELF_COMMITMENT.search(text, clause_start, match.start()):
                continue
        spans.append((match.start(), match.end()))
    spans.extend((m.start(), m.end()) for m in _EXCLAMATION_RUN.finditer(text))
    if text.count("!") >= 3:
        spans.extend((m.start(), m.end()) for m in re.finditer("!", text))
    for match in _CAPS_WORD.finditer(text):
        word = match.group().replace("’", "'").split("'")[0]
        if word == "ASAP" or word in KNOWN_ACRONYMS:
            continue
        if len(word) >= 4 or word in _SHOUT_WORDS:
            spans.append((match.start(), match.end()))
    # One "!" inside a run is already covered by the run's span.
    spans = sorted(set(spans))
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


def check_message(
    text: str,
    *,
    channel: str,
    facts: Sequence[str] | None = None,
    names: Sequence[str] = (),
    recipient: str = "",
    previous_messages: Sequence[str] = (),
    company_messages: Sequence[str] = (),
    process_closed: bool = False,
) -> tuple[MessageWarning, ...]:
    """Check a message before it is sent; return warnings in a fixed order (see `WARNING_CODES`).

    Every input is plain text. `channel` is one of `CHANNEL_LIMITS` ("email", "message",
    "linkedin_note", "comment", "reaction"). `facts` are the topics, titles and links the message
    could cite about this person and conversation, `names` the people it could name (an intro
    target, a mutual contact), `recipient` their first name for the advice. With `facts` given
    (even empty), "generic" means none of them nor of `names` is cited; with `facts=None`, that
    nothing beyond greeting and stock words is said. `previous_messages` are what was already
    sent to this person ("repeat"); `company_messages` are notes drafted or sent to other people
    at the same company ("near_duplicate" when one is the same note with the name swapped).
    `process_closed` says the recipient's process ended (rejected, withdrawn, or the user took
    another job): words that still pursue the role give "pursuit". An empty text gives only
    "empty" (nothing, for a reaction). Raises ValueError for an unknown channel.
    """
    if channel not in CHANNEL_LIMITS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {sorted(CHANNEL_LIMITS)}")
    if not text.strip():
        if channel == "reaction":
            return ()
        return (MessageWarning("empty", "The message is empty."),)

    warnings: list[MessageWarning] = []
    placeholders = [(m.start(), m.end()) for m in PLACEHOLDER_PATTERN.finditer(text)]
    if placeholders:
        found = _quoted(text[a:b] for a, b in placeholders)
        warnings.append(
            _warning(
                "placeholder",
                f"Fill in or remove {found} before sending.",
                text,
                placeholders,
            )
        )
    too_long = _limit_warning(text, channel)
    if too_long:
        warnings.append(too_long)
    generic = _generic_warning(text, facts, names, recipient)
    if generic:
        warnings.append(generic)

    stock = [(m.start(), m.end()) for m in STOCK_PHRASES.finditer(text)]
    if stock:
        found = _quoted(text[a:b] for a, b in stock)
        warnings.append(
            _warning(
                "stock_phrase",
                f"Stock phrase {found}: everyone writes it, so it hides you. Say something only "
                "you could write, such as what you discussed or what you can offer.",
                text,
                stock,
            )
        )

    repeat = _repeat_warning(text, previous_messages)
    if repeat:
        warnings.append(repeat)

    for code, pattern, advice in (
        (
            "negative",
            NEGATIVE,
            "reads as negative. Keep the tone positive and professional, even about delays.",
        ),
        (
            "complaining",
            COMPLAINING,
            "sounds like a complaint about the wait. Ask about next steps and restate your "
            "interest instead.",
        ),
    ):
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if spans:
            found = _quoted(text[a:b] for a, b in spans)
            warnings.append(_warning(code, f"{found} {advice}", text, spans))

    pushy = _pushy_spans(text)
    if pushy:
        found = _quoted(text[a:b] for a, b in pushy)
        warnings.append(
            _warning(
                "pushy",
                f"{found} can feel pushy. Give them room: a polite question and a reason to "
                "reply work better than pressure.",
                text,
                pushy,
            )
        )
    twin = near_duplicate_warning(text, company_messages)
    if twin:
        warnings.append(twin)
    if process_closed:
        pursuit = [(m.start(), m.end()) for m in PURSUIT.finditer(text)]
        if pursuit:
            found = _quoted(text[a:b] for a, b in pursuit)
            warnings.append(
                _warning(
                    "pursuit",
                    f"{found} still pursues a role whose process has ended. Thank them and "
                    "keep in touch instead; asking again reads as not having heard them.",
                    text,
                    pursuit,
                )
            )
    return tuple(warnings)
