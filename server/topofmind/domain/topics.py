"""Topics: the short keyword phrases that make a message personal.

Pure and deterministic. A topic is a normalised phrase of one or two words ("platform migration",
"kubernetes"): lowercase, stop words removed, simple plurals folded. Topics come from interview
notes, a person's posts and headline, and share items; matching them tells which article suits
which person and what a draft should mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

STOP_WORDS = frozenset(
    """
    a about above after again against all almost along already also although always am among
    an and another any anyone anything are aren't around as ask asked at away back be became
    because become been before being below between both but by can can't cannot could couldn't
    did didn't do does doesn't doing don't done down during each either else enough etc even
    ever every few for from further get gets getting go goes going got had hadn't has hasn't
    have haven't having he he'd he'll he's her here hers herself him himself his how however i
    i'd i'll i'm i've if in into is isn't it it's its itself just keep kept know knew last
    least less let let's like made make makes making many may maybe me might more most much
    must my myself near need needs neither never new next no nor not nothing now of off often
    on once one only onto or other others otherwise our ours ourselves out over own per
    perhaps please put quite rather re really same say says see seen seem seems shall she
    she'd she'll she's should shouldn't since so some someone something soon still such sure
    take taken than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've thing things think this those though through thus to
    together too took toward towards two under until up upon us use used using very via want
    wanted wants was wasn't way ways we we'd we'll we're we've well went were weren't what
    what's whatever when where whether which while who whom whose why will with within without
    won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves hi
    hello hey dear thanks thank regards best cheers sincerely amazing awesome excited great
    happy honored honoured humbled incredible proud thrilled love loved today yesterday
    tomorrow week weeks month months year years day days time times lot lots share sharing
    shared post posts posted first second third good better big little wrapped wrap took
    taking hard easy huge small real true important different interesting fun finally recently
    currently start started starting joined join announce announcing announced worked working
    built able glad came come comes coming said told tell tells loved liked mentioned talked
    discussed discuss seemed gave give given came learned learnt moved moving stopped stopping
    measured measuring saved saving helped helping help build building tamed taming raised
    raising noticed noticing notice tried trying decided deciding changed changing short
    thread quarter directly
    """.split()
)

# Two-letter tokens are noise except these common field acronyms.
_SHORT_KEEP = frozenset({"ai", "ml", "ux", "ui", "qa", "hr", "bi", "ci", "cd", "db", "ar", "vr"})

# Words that look plural but are not, or whose plural does not fold by the simple rules below.
_NO_FOLD = frozenset(
    """
    analytics economics ethics physics robotics logistics mathematics kubernetes devops mlops
    finops dataops gitops news series species sales status canvas alias bias gas lens express
    always perhaps postgres redis aws whereas thanks chaos atlas
    """.split()
)
_IRREGULAR = {"caches": "cache", "niches": "niche", "headaches": "headache", "people": "people"}

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w.])@[\w.\-]+")
_HASHTAG = re.compile(r"(?<![\w&#])#([A-Za-z][A-Za-z0-9_]*)")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#'’.\-]*")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# A clause break: punctuation that separates ideas, so no bigram spans it.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”|/•·–—&\n]|\s[-+]\s")


def fold_word(word: str) -> str:
    """Fold a lowercase word's simple English plural ("migrations" → "migration")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _NO_FOLD or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous", "'s")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _clean_token(raw: str) -> str:
    if _ACRONYM_PLURAL.fullmatch(raw):
        raw = raw[:-1]
    token = raw.lower().replace("’", "'")
    token = token.rstrip(".-'")
    if token.endswith("'s"):
        token = token[:-2]
    return token


def _is_content(token: str) -> bool:
    if not token or token in STOP_WORDS or token.isdigit():
        return False
    if len(token) < 3 and token not in _SHORT_KEEP:
        return False
    return any(ch.isalpha() for ch in token)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Split text into (folded lowercase word, start, end) triples, offsets into `text`.

    Stop words are kept (folded words only); URLs and @mentions are skipped.
    """
    hidden = _URL.sub(lambda m: " " * len(m.group()), text)
    hidden = _MENTION.sub(lambda m: " " * len(m.group()), hidden)
    result = []
    for match in _WORD.finditer(hidden):
        token = _clean_token(match.group())
        if not token:
            continue
        end = match.start() + len(match.group().rstrip(".-'’"))
        result.append((fold_word(token), match.start(), end))
    return result


def _split_hashtag(tag: str) -> list[str]:
    if tag.islower() or tag.isupper():
        return [tag.lower()]
    return [part.lower() for part in _CAMEL.findall(tag)]


def normalise_topic(topic: str) -> str:
    """Return the canonical form of a topic phrase, or "" if nothing meaningful is left.

    Lowercase, a leading "#" dropped (CamelCase hashtags split into words), plural words folded,
    stop words trimmed from both ends (kept inside: "quality of service").
    """
    text = topic.strip()
    if text.startswith("#") and " " not in text:
        text = " ".join(_split_hashtag(text[1:]))
    tokens = [fold_word(_clean_token(t)) for t in _WORD.findall(text)]
    tokens = [t for t in tokens if t]
    while tokens and not _is_content(tokens[0]):
        tokens.pop(0)
    while tokens and not _is_content(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _chunks(text: str) -> list[list[str]]:
    """Runs of content words between stop words and clause breaks."""
    chunks: list[list[str]] = []
    for clause in _BREAK.split(text):
        current: list[str] = []
        for raw in _WORD.findall(clause):
            token = _clean_token(raw)
            if _is_content(token):
                current.append(fold_word(token))
            elif current:
                chunks.append(current)
                current = []
        if current:
            chunks.append(current)
    return chunks


def extract_topics(text: str, limit: int = 8) -> tuple[str, ...]:
    """Return up to `limit` normalised topics of `text`, most salient first.

    Candidates are single content words and adjacent pairs ("platform migration"); a pair counts
    double, hashtags count extra, ties keep the order of first appearance. A word already covered
    by a chosen pair is not repeated on its own. Deterministic; empty text gives ().
    """
    if limit <= 0 or not text:
        return ()
    text = _URL.sub(" . ", text)
    text = _MENTION.sub(" . ", text)
    scores: defaultdict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    neighbours: dict[str, set[str]] = {}

    def add(candidate: str, weight: float) -> None:
        scores[candidate] += weight
        first_seen.setdefault(candidate, len(first_seen))

    for tag in _HASHTAG.findall(text):
        words = [fold_word(w) for w in _split_hashtag(tag) if _is_content(w)]
        if words:
            add(" ".join(words[:2]), 3.0)
    text = _HASHTAG.sub(" . ", text)

    for chunk in _chunks(text):
        pairs = [f"{a} {b}" for a, b in zip(chunk, chunk[1:], strict=False) if a != b]
        for word in chunk:
            add(word, 1.0)
        for index, pair in enumerate(pairs):
            add(pair, 2.0)
            linked = neighbours.setdefault(pair, set())
            if index > 0:
                linked.add(pairs[index - 1])
            if index + 1 < len(pairs):
                linked.add(pairs[index + 1])

    ranked = sorted(scores, key=lambda c: (-scores[c], -c.count(" "), first_seen[c]))
    chosen: list[str] = []
    covered: set[str] = set()
    for candidate in ranked:
        words = candidate.split()
        if len(words) == 1:
            if candidate in covered:
                continue
        elif scores[candidate] <= 2.0 and neighbours.get(candidate, set()) & set(chosen):
            # An overlapping pair from the same run of words ("reliability engineering" next to
            # "site reliability") adds noise, not a new topic.
            continue
        chosen.append(candidate)
        covered.update(words)
        if len(chosen) >= limit:
            break
    return tuple(chosen)


def topic_similarity(a: str, b: str) -> float:
    """Similarity of two topics, 0..1: 1 for the same topic, 0.6 when one contains the other
    ("migration" / "platform migration"), less for a partial word overlap, 0 for none."""
    # "paved-road platform" and "paved road" share words: compare hyphenated words by parts.
    a, b = normalise_topic(a).replace("-", " "), normalise_topic(b).replace("-", " ")
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    words_a = {w for w in a.split() if _is_content(w)}
    words_b = {w for w in b.split() if _is_content(w)}
    shared = words_a & words_b
    if not shared:
        return 0.0
    if words_a <= words_b or words_b <= words_a:
        return 0.6
    return 0.5 * len(shared) / len(words_a | words_b)


def _unique_normalised(topics: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for topic in topics:
        normal = normalise_topic(topic)
        if normal:
            seen.setdefault(normal, None)
    return list(seen)


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    """The folded content words of `text`; a hyphenated word counts by its parts as well."""
    hidden = _MENTION.sub(" ", _URL.sub(" ", text))
    found: set[str] = set()
    for raw in _WORD.findall(hidden):
        found.update(_token_words(raw))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _token_words(raw: str) -> frozenset[str]:
    # Words repeat across posts far more than texts do: folding each distinct token once is
    # what keeps a full recompute's topic matching cheap (the same steps as `word_spans`).
    token = _clean_token(raw)
    if not token:
        return frozenset()
    word = fold_word(token)
    found = set()
    for part in {word, *word.split("-")}:
        folded = fold_word(part.strip("-"))
        if _is_content(folded):
            found.add(folded)
    return frozenset(found)


def topics_in_texts(topics: Sequence[str], texts: Sequence[str]) -> tuple[str, ...]:
    """The topics (in the order given, as given) that the texts are about: every content word of
    the topic appears somewhere in the texts, plurals folded ("platform migration" is in
    "…migrations of our platform…"). The suggestion rules' default matcher
    (`domain.rules.TopicMatcher`); cached per text, so a full recompute stays linear."""
    if not topics or not texts:
        return ()
    words = frozenset().union(*(_content_words(text) for text in texts))
    return tuple(topic for topic in topics if (needed := _content_words(topic)) and needed <= words)


def matching_topics(wanted: Iterable[str], offered: Iterable[str]) -> tuple[str, ...]:
    """The topics of `wanted` (in their order, as given) that some topic of `offered` matches."""
    offered_list = _unique_normalised(offered)
    found = []
    for topic in wanted:
        if any(topic_similarity(topic, other) >= 0.5 for other in offered_list):
            found.append(topic)
    return tuple(found)


def person_topics(
    headline: str | None,
    interview_topics: Iterable[str],
    post_texts: Iterable[str],
    limit: int = 12,
) -> tuple[str, ...]:
    """A person's topics, most telling first: interview topics (as the user wrote them, in order),
    then topics recurring across their posts, then topics of their headline. Normalised, unique."""
    ordered: dict[str, None] = {}
    for topic in _unique_normalised(interview_topics):
        ordered.setdefault(topic, None)

    post_counts: Counter[str] = Counter()
    post_first: dict[str, int] = {}
    for text in post_texts:
        for topic in extract_topics(text or "", limit=6):
            post_counts[topic] += 1
            post_first.setdefault(topic, len(post_first))
    for topic in sorted(post_counts, key=lambda t: (-post_counts[t], post_first[t])):
        ordered.setdefault(topic, None)

    for topic in extract_topics(headline or "", limit=6):
        ordered.setdefault(topic, None)
    return tuple(ordered)[:limit]


def _field(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def item_topics(item: Any) -> tuple[str, ...]:
    """A share item's topics: its own `topics` if any, else extracted from title and note."""
    topics = tuple(_unique_normalised(_field(item, "topics") or ()))
    if topics:
        return topics
    text = ". ".join(str(_field(item, name) or "") for name in ("title", "note"))
    return extract_topics(text, limit=6)


def match_share_items(
    person_topic_list: Sequence[str],
    items: Iterable[Any],
    already_sent_item_ids: Iterable[Any] = (),
    *,
    min_score: float = 0.15,
) -> list[tuple[Any, float, tuple[str, ...]]]:
    """Rank share items for one person: `[(item_id, score, matched_topics)]`, best first.

    `person_topic_list` is ordered most important first (see `person_topics`); earlier topics
    weigh more. Items are objects or mappings with `id` and `topics` (`title`/`note` are used when
    `topics` is empty). `matched_topics` are the person's topics the item speaks to, in the
    person's order, which is what a draft should cite. Items already sent to this person and items
    scoring below `min_score` are never returned. Score is 0..1; ties keep the items' order.
    """
    sent = set(already_sent_item_ids)
    people = _unique_normalised(person_topic_list)
    weights = [1.0 / (1.0 + 0.25 * rank) for rank in range(len(people))]
    ranked = []
    for position, item in enumerate(items):
        item_id = _field(item, "id")
        if item_id in sent:
            continue
        topics = item_topics(item)
        if not topics or not people:
            continue
        total = 0.0
        matched: set[int] = set()
        for topic in topics:
            best, best_rank = 0.0, -1
            for rank, person_topic in enumerate(people):
                similarity = topic_similarity(topic, person_topic)
                if similarity * weights[rank] > best:
                    best, best_rank = similarity * weights[rank], rank
                if similarity >= 0.5:
                    matched.add(rank)
            total += best
            if best_rank >= 0 and best > 0:
                matched.add(best_rank)
        score = round(min(1.0, total / min(len(topics), 3)), 4)
        if score < min_score or score <= 0:
            continue
        matched_topics = tuple(people[r] for r in sorted(matched))
        ranked.append((-score, -len(matched), position, item_id, matched_topics))
    ranked.sort(key=lambda row: row[:3])
    return [(item_id, -neg_score, matched) for neg_score, _, _, item_id, matched in ranked]


def locate_topic(text: str, topic: str) -> tuple[int, int] | None:
    """Where `topic` first appears in `text` as consecutive words (plurals folded): (start, end)
    character offsets, or None."""
    wanted = normalise_topic(topic).split()
    if not wanted:
        return None
    spans = word_spans(text)
    words = [w for w, _, _ in spans]
    for index in range(len(words) - len(wanted) + 1):
        if words[index : index + len(wanted)] == wanted:
            return spans[index][1], spans[index + len(wanted) - 1][2]
    return None
