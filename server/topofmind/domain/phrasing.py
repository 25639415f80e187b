"""Facts set into English sentences: articles before topics, and the line of a post worth
answering.

Drafts insert what the user typed ("paved-road platform for 40 product teams") into sentences
("our conversation about …"); a bare singular noun there reads as broken English, so
`as_object` adds "the" where a careful writer would. `post_line` picks the sentence of a post that
says something (a lesson, a claim, a result, news) so a comment can answer what the post actually
says instead of naming a topic label. Pure and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DETERMINERS = frozenset(
    """
    a an the our your their my his her its this that these those some any each every which what
    how why when where whether who both all no one two three four five several many much more most
    """.split()
)
_PREPOSITIONS = frozenset(
    "for of at in on with behind across between from to into around about under over by".split()
)
# Singular heads that are uncountable or name a field; they read well without an article.
_MASS_SUFFIXES = ("ing", "ity", "ness", "ance", "ence", "ism", "ics", "ship", "ware", "ogy")
_MASS_WORDS = frozenset(
    """
    design architecture security performance reliability culture research data code work
    infrastructure strategy leadership management governance compliance latency tooling
    quality scale growth hiring onboarding feedback on-call oncall documentation knowledge
    automation observability privacy safety ownership accessibility ux ui product engineering
    policy pricing revenue retention churn debt tech technology software hardware ai ml
    python rust go java kotlin kafka kubernetes terraform sql spark
    """.split()
)
# Countable singular heads that need an article when named on their own.
_COUNT_WORDS = frozenset(
    """
    platform system project migration rollout roadmap pipeline service team product launch
    redesign rewrite incident outage tool framework library model program plan initiative reorg
    release feature dashboard app stack cluster database schema budget offsite conference
    talk paper book course role position org organisation organization process pilot proposal
    experiment study survey review audit refactor prototype integration partnership acquisition
    merger deal contract api sdk cli engine interface portal monorepo repo repository workflow
    backlog sprint deadline milestone metric kpi okr
    """.split()
)


def _needs_article(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    first = words[0]
    if first.lower() in _DETERMINERS or first[:1].isdigit():
        return False
    if first[:1].isupper() and not phrase.isupper() and first.lower() not in _COUNT_WORDS:
        # A name ("Rust for control planes", "Kafka consumers"): no article.
        return False
    head_index = next(
        (i - 1 for i, word in enumerate(words) if i and word.lower() in _PREPOSITIONS),
        len(words) - 1,
    )
    if any(w.lower() in _DETERMINERS for w in words[1:head_index]):
        return False  # an action ("growing the team from 6 to 10"), not a thing
    head = re.sub(r"[^\w-]", "", words[head_index].lower())
    if not head or head[:1].isdigit():
        return False
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return False  # a plural reads fine on its own ("Kafka consumers")
    if head in _COUNT_WORDS:
        return True
    if head in _MASS_WORDS or head.endswith(_MASS_SUFFIXES):
        return False
    # An unknown singular head followed by a complement ("paved road for 40 teams") is one
    # particular thing; on its own it may be a field ("incident response"), so leave it.
    return head_index < len(words) - 1


def as_object(phrase: str) -> str:
    """`phrase` as it reads after "about" or "with": "paved-road platform for 40 product teams"
    → "the paved-road platform for 40 product teams"; "Kafka consumers", "observability",
    "the migration" stay as they are."""
    phrase = " ".join(phrase.split())
    return f"the {phrase}" if _needs_article(phrase) else phrase


# Titles held by one person in a team read without an article ("as Head of Platform").
_UNIQUE_TITLE = re.compile(
    r"^(?:head|vp|vice president|director|chief|cto|ceo|cfo|coo|cpo|ciso|founder|co-founder|"
    r"cofounder|president|svp|evp|gm|general manager)\b",
    re.IGNORECASE,
)


def with_indefinite(noun: str) -> str:
    """ "a Staff Engineer", "an Engineering Manager"; "Head of Platform" and "CTO" as they are
    (one person holds them)."""
    noun = noun.strip()
    if not noun:
        return ""
    if _UNIQUE_TITLE.match(noun):
        return noun
    first = noun.split()[0]
    if len(first) > 1 and first.isupper():
        # An acronym is read letter by letter: "an SRE", "a UX Researcher".
        article = "an" if first[0] in "AEFHILMNORSX" else "a"
    else:
        vowel = first[:1].lower() in "aeiou" and not first.lower().startswith(("uni", "use", "eu"))
        article = "an" if vowel else "a"
    return f"{article} {noun}"


# Post lines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostLine:
    """The line of a post a comment answers: `text` (a sentence or clause, without hashtags or
    links) and `kind`: "lesson" (a takeaway or claim), "result" (a number or outcome), "news"
    (an announcement, a launch, a new role) or "point" (anything else worth quoting)."""

    text: str
    kind: str


_URL = re.compile(r"https?://\S+|www\.\S+|lnkd\.in/\S+")
_HASHTAG_RUN = re.compile(r"(?:\s*#[\w-]+)+\s*$")
_HASHTAG = re.compile(r"#([\w-]+)")
_MENTION = re.compile(r"@\w+")
_SYMBOLS = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u2022\u25aa\u25cf\u2192\u27a1]"
)
_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+|\s+[•·▪–-]\s+|\s*[:;]\s+(?=[A-Z\"“])")
_LABEL = re.compile(r"^(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2})\s*:\s*")
_LESSON_LABEL = re.compile(
    r"^(?:the\s+)?(?:lesson|lessons learned|takeaway|key takeaway|moral|bottom line|tl;?dr|"
    r"truth|reality|rule|tip)\s*:\s*",
    re.IGNORECASE,
)
_LESSON = re.compile(
    r"\b(?:lesson|learned|learnt|reali[sz]ed|takeaway|the key|is never|are never|is always|"
    r"are always|never a|most\s+\w+\s+(?:are|is)|the real|matters more|what matters|"
    r"fundamentally|the truth|trade-?off|mistake|should|shouldn['’]t|don['’]t|isn['’]t|"
    r"aren['’]t|not (?:about|just)|the secret)\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b\d[\d,.]*\s*(?:%|x\b|times\b|percent|ms\b|requests|users|customers|teams|hours|days)"
    r"|\b(?:three|two|four|ten) times\b|\bcut\b|\breduced\b|\bdoubled\b|\bhalved\b",
    re.IGNORECASE,
)
_NEWS = re.compile(
    r"\b(?:announc\w*|proud|thrilled|excited|happy to share|pleased|delighted|launch\w*|"
    r"introduc(?:e|ing)\b|welcom\w*|joined|joining|new role|certif\w*|milestone|officially|"
    r"named a|moved from)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:join us|link in|comment below|follow (?:us|me)|dm me|sign up|register|"
    r"install|click|visit|booth|contact me|see you|come (?:by|connect|see)|check it out|"
    r"repo|package)\b",
    re.IGNORECASE,
)
_NEWS_OPENING = re.compile(
    r"^(?:today\s*,?\s*)?(?:we|i)\s*(?:['’]re|['’]m|\s+are|\s+am)\s+(?:very\s+|so\s+|really\s+)?"
    r"(?:proud|happy|excited|thrilled|delighted|pleased)\s+to\s+(?:announce|share|introduce)"
    r"(?:\s+that)?\s+",
    re.IGNORECASE,
)
# A short opening claim ("Developer experience is a product.") is the post's thesis.
_THESIS = re.compile(
    r"^[\w’'-]+(?:\s+[\w’'-]+){0,4}\s+(?:is|are)\s+(?:a|an|the|not|never|always|just|only)\b"
)
QUOTE_LIMIT = 110


def _clean(sentence: str) -> str:
    sentence = _URL.sub(" ", sentence)
    sentence = _HASHTAG_RUN.sub("", sentence)
    sentence = _HASHTAG.sub(lambda m: m.group(1), sentence)
    sentence = _MENTION.sub(" ", sentence)
    sentence = _SYMBOLS.sub(" ", sentence)
    sentence = " ".join(sentence.split()).strip(" *-–—\"“”'")
    return sentence


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """At most `limit` characters, cut at a clause break (", " " — ") when one fits, else at a
    word, never mid-word; the end's punctuation is dropped so the quote sits inside a sentence."""
    text = text.rstrip(" .!?…,;:")
    if len(text) <= limit:
        return text
    head = text[:limit]
    for mark in (" — ", " – ", "; ", ": ", ", "):
        at = head.rfind(mark)
        if at >= limit // 2:
            return head[:at].rstrip(" ,;")
    return head[: head.rfind(" ")].rstrip(" ,;") + "…"


def _english(text: str) -> bool:
    """Enough common English words to quote it inside an English comment."""
    words = re.findall(r"[a-z’']+", text.lower())
    # "a", "i", "na", "to" are words in other languages too, so they do not count.
    common = {"the", "and", "of", "is", "are", "for", "it", "you", "we", "that", "this", "with"}
    common |= {"our", "my", "your", "be", "not", "can", "its", "was", "has", "have", "an", "in"}
    return bool(words) and sum(w in common for w in words) / len(words) >= 0.1


def post_line(text: str) -> PostLine | None:
    """The line of a post worth answering, or None when the post says nothing quotable (only
    hashtags, links, a few words, or not in English)."""
    if not text or not text.strip():
        return None
    best: tuple[float, int, PostLine] | None = None
    pieces = [p for p in _SPLIT.split(text) if p and p.strip()]
    for index, raw in enumerate(pieces):
        lesson_label = bool(_LESSON_LABEL.match(raw.strip()))
        sentence = _clean(_LESSON_LABEL.sub("", raw.strip()))
        sentence = _LABEL.sub("", sentence) if not lesson_label else sentence
        words = sentence.split()
        if len(words) < 4 or not _english(sentence):
            continue
        if sentence.endswith("?") or sentence.lower().startswith(("me ", "me:")):
            continue
        score = 0.0
        kind = "point"
        if lesson_label:
            score, kind = 6.0, "lesson"
        elif len(words) <= 10 and _THESIS.match(sentence):
            score, kind = 4.5, "lesson"
        elif _LESSON.search(sentence):
            score, kind = 3.0, "lesson"
        if _RESULT.search(sentence):
            score += 2.5
            kind = "result" if kind == "point" else kind
        if _NEWS.search(sentence) and kind == "point":
            score += 2.0
            kind = "news"
        if _CALL_TO_ACTION.search(sentence):
            score -= 4.0
        if '"' in raw or "“" in raw:
            score -= 1.5  # dialogue or a quotation of someone else
        if 8 <= len(words) <= 28:
            score += 1.0
        score -= index * 0.05  # earlier lines carry the point, all else equal
        if kind == "news":
            sentence = _NEWS_OPENING.sub("", sentence)
            sentence = sentence[:1].upper() + sentence[1:]
        # The draft sets the line in double quotes; quotes inside it become single ones.
        sentence = re.sub(r"[“\"]([^”\"]*)[”\"]", r"‘\1’", sentence).replace('"', "")
        candidate = PostLine(_shorten(sentence), kind)
        if best is None or score > best[0]:
            best = (score, index, candidate)
    return best[2] if best else None
