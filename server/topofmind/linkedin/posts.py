"""Posts: feed, activity, single-post, search-content pages, fragments, a profile's Activity.

Selectors and strategies, tried in this order (each card is parsed once, outermost first):
- ARTDECO_CARD: ``[data-urn^="urn:li:activity|share|ugcPost|aggregate"]`` (2022–2025 Ember feed),
  falling back to ``[data-id^="urn:li:activity"]`` wrappers when the inner card lost its data-urn.
  Inside: actors ``.update-components-actor__container`` (a second actor = a quote repost or a
  reshare; everything under it is the reshared post), header ``.update-components-header``
  ("X reposted this"), commentary ``.update-components-text``, counts
  ``.social-details-social-counts`` (aria-labels "25 reactions", "Name and 467 others").
- PUBLIC_CARD: ``article[data-activity-urn]`` (logged-out post pages); the reshared post is a
  nested ``article[data-activity-urn]``; actor ``[data-test-id$="entity-lockup"]``, age ``time``,
  commentary ``[data-test-id$="__commentary"]``, counts ``[data-test-id^="social-actions__"]``.
  JSON-LD ``SocialMediaPosting`` fills and corrects it (exact counts, author, repost flag).
- SDUI_CARD: ``[componentkey^="update-card"]`` or a componentkey naming a ``FeedType_`` (2026
  server-driven DOM, hashed classes). No classes are used: actors are found from their byline
  ("3h •") and the nearest author link (/in/, /company/, /showcase/), commentary from
  ``[data-testid="expandable-text-box"]``, counts from text patterns outside the commentary,
  the URN from ``/feed/update/<urn>`` links (an activity URN outside the reshared part first).
- EMBER_MINI: ``.profile-creator-shared-feed-update__mini-container`` (the Activity section of a
  2022–2024 profile): "Name posted this • 3mo" → the member's post; "reposted this" → a repost
  whose original author the card does not show (author null); "commented on a post" is skipped.
  The header's words in the 20 interface languages are ``vocabulary.social.ACTIVITY_ACTIONS``
  ("… udostępnił(a) to • 2 tygodnie"); a header in none of them leaves the card out with an
  "unknown word" warning.
- VOYAGER_JSON: ``Update`` entities in ``<code>`` payloads (the feed as the server sent it,
  before rendering). Used only when the DOM holds no post card.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

from .dom import Element, attribute_values, select, xpath_elements
from .index import componentkeys
from .model import ParsedPost
from .structured import (
    JsonObject,
    code_payloads,
    included_entities,
    interaction_count,
    json_ld,
    ld_type,
)
from .text import fold, is_hidden, parse_count, relative_time, visible_text
from .urls import (
    canonical_author_url,
    canonical_post_url,
    post_urn_from_text,
    post_urn_from_url,
    posted_at_from_urn,
)
from .vocabulary import social as vocab

# Card roots, found in one pass (see _find_cards): the data-urn prefixes of post cards.
_CARD_URN_PREFIXES = ("urn:li:activity:", "urn:li:share:", "urn:li:ugcPost:", "urn:li:aggregate:")
MAX_CARDS = 2000
# Comment threads under a post: their actors, texts and counters are not the post's.
COMMENTS_AREA = (
    "comments-comments-list",
    "comments-comment-item",
    "comments-comment-entity",
    "comments-thread",
    "__comments-container",
)
_COMMENTS_RE = re.compile("|".join(re.escape(name) for name in COMMENTS_AREA))

# "reposted this" headers; a few UI languages LinkedIn ships.
_REPOST_WORDS = ("repost", "reshared", "diffuso", "geteilt", "republi", "compartid", "gedeeld")
_AUTHOR_PATH = re.compile(r"linkedin\.com/(in|company|showcase|school)/|^/(in|company|showcase)/")

# Counter labels; English first, then the other UI languages LinkedIn ships most.
_NUMBER = r"(\d[\d,.\u00a0\u202f]*\s*[KkMm]?)"
_REACTIONS = re.compile(
    _NUMBER + r"\s+(?:reactions?|likes?|reazion[ei]|reaktionen?|réactions?|reacciones?|"
    r"reaç(?:ão|ões))\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"^(?:.+?)\s+(?:(?:and|und|et|y|e|en)\s+(\d[\d,.]*)\s+(?:others?|weitere|autres|"
    r"personas?|outras?|pessoas|anderen)\b|e\s+altr[ei]\s+(\d[\d,.]*)|e\s+outras?\s+(\d[\d,.]*))",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    _NUMBER + r"\s+(?:comments?|comment[io]|kommentare?|commentaires?|comentarios?|"
    r"comentários?)\b",
    re.IGNORECASE,
)
_REPOSTS = re.compile(
    _NUMBER + r"\s+(?:reposts?|shares?|diffusion[ei]|condivisioni|partages?|republicaciones?|"
    r"republications?|republicaç(?:ão|ões)|compartilhamentos?)\b",
    re.IGNORECASE,
)
_TIME_OK = re.compile(r"^\d{1,3}[^\W\d_]{1,4}$")
# "3h •", "2w • Edited •"; some UI languages space the unit: "3 h •", "2 sem. •".
_BYLINE = re.compile(r"^\s*(?:\d{1,3}\s[^\W\d_]{1,12}\.?|\S{1,12}?)\s*•")


def _outermost(elements: list[Element]) -> list[Element]:
    """Drop elements nested inside another element of the list (keeps document order)."""
    chosen: set[Element] = set()
    result: list[Element] = []
    for el in elements:
        parent = el.getparent()
        nested = False
        while parent is not None:
            if parent in chosen:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            chosen.add(el)
            result.append(el)
    return result


def _inside(el: Element, root: Element | None) -> bool:
    if root is None:
        return False
    node: Element | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def _branch_below_common(first: Element, second: Element) -> Element | None:
    """The ancestor of ``second`` just below its lowest common ancestor with ``first``."""
    first_chain: set[Element] = set()
    node: Element | None = first
    while node is not None:
        first_chain.add(node)
        node = node.getparent()
    node, below = second, second
    while node is not None and node not in first_chain:
        below = node
        node = node.getparent()
    return below if node is not None else None


def _in_comments(el: Element, card: Element) -> bool:
    node: Element | None = el
    while node is not None and node is not card:
        cls = node.get("class")
        if cls and _COMMENTS_RE.search(cls):
            return True
        node = node.getparent()
    return False


def _counts(strings: list[str]) -> tuple[int | None, int | None, int | None]:
    """Reactions, comments, reposts from the labels and texts of a card's social bar."""
    reactions = comments = reposts = None
    for raw in strings:
        text = fold(raw)
        if not text:
            continue
        # Every counter but "Name and 467 others" starts with its number: a card's other runs
        # (names, commentary, buttons) skip the counter patterns.
        counter = text[0].isdigit()
        if reactions is None:
            if counter:
                match = _REACTIONS.match(text)
                count = parse_count(match.group(1)) if match else vocab.reactions(text)
                if count is not None:
                    reactions = count
                    continue
            elif _DIGIT.search(text):
                match = _OTHERS.match(text)
                if match and "mutual" not in text.lower():
                    others = parse_count(match.group(1) or match.group(2) or match.group(3))
                    reactions = others + 1 if others is not None else None
                    continue
        if not counter:
            continue
        if comments is None:
            match = _COMMENTS.match(text)
            count = parse_count(match.group(1)) if match else vocab.comments(text)
            if count is not None:
                comments = count
                continue
        if reposts is None:
            match = _REPOSTS.match(text)
            count = parse_count(match.group(1)) if match else vocab.reposts(text)
            if count is not None:
                reposts = count
                continue
    return reactions, comments, reposts


_DIGIT = re.compile(r"\d")
_NO_TEXT_TAGS = frozenset({"svg", "path", "script", "code"})


def _strings(root: Element, exclude: tuple[Element | None, ...] = ()) -> list[str]:
    """aria-labels and text runs of a subtree, in document order, skipping ``exclude`` subtrees
    (their tails are still read). libxml2 walks the tree (``iterwalk``): no recursion, and
    about a third faster than a Python stack of children."""
    out: list[str] = []
    # A set: an element's hash is its identity, cheaper than comparing it with each excluded one.
    skip = {e for e in exclude if e is not None}
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            if el is not root:
                tail = el.tail
                if tail and not tail.isspace():
                    out.append(tail)
            continue
        tag = el.tag
        if tag.__class__ is not str or tag in _NO_TEXT_TAGS or (skip and el in skip):
            walker.skip_subtree()
            continue
        label = el.get("aria-label")
        if label:
            out.append(label)
        text = el.text
        if text and not text.isspace():
            out.append(text)
    return out


def _says_reposted(header_text: str) -> bool:
    """A card header naming a repost ("… reposted this", "… udostępnił(a) to") in any language."""
    return any(word in header_text for word in _REPOST_WORDS) or vocab.is_reposted_this(header_text)


def _commentary_text(el: Element) -> str:
    """A post's words without the "…see more" ("…więcej", "…voir plus") its clamp shows."""
    return vocab.strip_see_more(visible_text(el))


def _make_post(
    urn: str,
    author_name: str | None,
    author_url: str | None,
    text: str | None,
    age: str | None,
    reactions: int | None,
    comments: int | None,
    reposts: int | None,
    is_repost: bool,
) -> ParsedPost:
    return ParsedPost(
        urn=urn,
        url=canonical_post_url(urn),
        author_name=author_name or None,
        author_url=canonical_author_url(author_url),
        text=text,
        relative_time=age,
        posted_at=posted_at_from_urn(urn),
        reactions=reactions,
        comments=comments,
        reposts=reposts,
        is_repost=is_repost,
    )


def _normalise_urn(raw: str | None) -> str | None:
    """activity/ugcPost/share URN out of data-urn forms (sponsored and aggregate wrappers too)."""
    if not raw:
        return None
    if raw.startswith("urn:li:activity:") and raw[16:].isdigit():
        return raw
    return post_urn_from_text(raw)


# --- 2022–2025 Ember ("artdeco") cards -------------------------------------------------------


def _class_filing(cls: str, names: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Which of ``names`` a class attribute holds (in its order), and whether it holds an actor
    class."""
    # Substring tests before the split: most of a card's class attributes hold none of them.
    if not ("update-components" in cls or "feed-shared" in cls or "social-details" in cls):
        return _UNFILED
    tokens = cls.split()
    wanted = set(names)
    buckets = tuple(token for token in tokens if token in wanted)
    is_actor = any(token in _ACTOR_CLASSES for token in tokens)
    return (buckets, is_actor) if buckets or is_actor else _UNFILED


# The filing of a class attribute that files its element nowhere (most of them).
_UNFILED: tuple[tuple[str, ...], bool] = ((), False)


# Class attribute → its filing, per ``names``: a feed repeats a few hundred class values over
# thousands of elements. Bounded, since the class values come from the pages read.
_FILINGS: dict[tuple[str, ...], dict[str, tuple[tuple[str, ...], bool]]] = {}
_MAX_FILINGS = 4096


def _class_index(root: Element, names: tuple[str, ...]) -> dict[str, list[Element]]:
    """Elements under ``root`` carrying each class name, in document order, in one pass.

    Every actor class of every era also lands in one ``"actor"`` bucket (document order,
    each element once).
    """
    found: dict[str, list[Element]] = {name: [] for name in names}
    actors: list[Element] = []
    found["actor"] = actors
    filings = _FILINGS.get(names)
    if filings is None or len(filings) > _MAX_FILINGS:
        filings = _FILINGS[names] = {}
    for el in root.iter():
        cls = el.get("class")
        if not cls:
            continue
        filing = filings.get(cls)
        if filing is None:
            filing = filings[cls] = _class_filing(cls, names)
        if filing is _UNFILED:
            continue
        buckets, is_actor = filing
        for name in buckets:
            found[name].append(el)
        if is_actor:
            actors.append(el)
    return found


# An actor block (who posted) in each era: 2020–21 ``feed-shared-actor`` (whose
# ``__container`` is an empty overlay div; the links sit beside it), 2022+
# ``update-components-actor`` around ``update-components-actor__container``.
_ACTOR_CLASSES = frozenset(
    {
        "feed-shared-actor",
        "feed-shared-actor__container",
        "update-components-actor",
        "update-components-actor__container",
    }
)
# Every class in _ARTDECO_CLASSES starts with "update-components", "feed-shared" or
# "social-details"; _class_index skips elements whose class holds none of them.
_ARTDECO_CLASSES = (
    "update-components-actor__container",
    "feed-shared-actor__container",
    "update-components-header",
    "update-components-text",
    "feed-shared-text",
    "feed-shared-update-v2__description",
    "social-details-social-counts",
    "update-components-actor__title",
    "update-components-actor__name",
    "feed-shared-actor__name",
    "update-components-actor__sub-description",
    "feed-shared-actor__sub-description",
    "social-details-social-counts__reactions-count",
    "social-details-social-counts__social-proof-fallback-number",
)


def _artdeco_actor_name(titles: list[Element]) -> str:
    for title in titles:
        for span in title.iter("span"):
            if span.get("aria-hidden") == "true":
                text = _strip_badges(visible_text(span))
                if text:
                    return text
        for child in title:
            if "supplementary-actor-info" in (child.get("class") or ""):
                continue
            text = _strip_badges(visible_text(child))
            if text:
                return text
        text = _strip_badges(visible_text(title))
        if text:
            return text
    return ""


def _strip_badges(name: str) -> str:
    """ "Tushar Chauhan • You" → "Tushar Chauhan": the degree/"You" badge is not the name."""
    return fold(re.split(r"\s[•·]\s?", name, maxsplit=1)[0]) if name else ""


def _artdeco_actor_url(actor: Element) -> str | None:
    for link in actor.iter("a"):
        url = canonical_author_url(link.get("href"))
        if url:
            return url
    return None


def _parse_artdeco(card: Element) -> ParsedPost | None:
    urn = _normalise_urn(card.get("data-urn")) or _normalise_urn(card.get("data-id"))
    if urn is None:
        return None
    index = _class_index(card, _ARTDECO_CLASSES)
    actors: list[Element] = []
    for actor in index["actor"]:
        # The outermost block of an actor; an empty overlay div is no actor.
        if any(_inside(actor, chosen) for chosen in actors) or _in_comments(actor, card):
            continue
        if next(actor.iter("a"), None) is None and not visible_text(actor):
            continue
        actors.append(actor)
    if not actors:
        return None
    nested = _branch_below_common(actors[0], actors[1]) if len(actors) > 1 else None
    headers = [h for h in index["update-components-header"] if not _inside(h, nested)]
    header_text = visible_text(headers[0]).lower() if headers else ""
    is_repost = nested is not None or _says_reposted(header_text)
    actor = actors[0]
    text = ""
    commentary = (
        index["update-components-text"]
        + index["feed-shared-text"]
        + index["feed-shared-update-v2__description"]
    )
    for el in commentary:
        if _inside(el, nested) or _in_comments(el, card):
            continue
        text = _commentary_text(el)
        break
    reactions = comments = reposts = None
    for social in index["social-details-social-counts"]:
        if _inside(social, nested) or _in_comments(social, card):
            continue
        reactions, comments, reposts = _counts(_strings(social))
        if reactions is None:
            for el in (
                index["social-details-social-counts__reactions-count"]
                + index["social-details-social-counts__social-proof-fallback-number"]
            ):
                if _inside(el, social):
                    reactions = parse_count(visible_text(el, keep_hidden=True))
                    if reactions is not None:
                        break
        break
    titles = [
        t
        for name in (
            "update-components-actor__title",
            "update-components-actor__name",
            "feed-shared-actor__name",
        )
        for t in index[name]
        if _inside(t, actor)
    ]
    age = None
    for name in ("update-components-actor__sub-description", "feed-shared-actor__sub-description"):
        for sub in index[name]:
            if _inside(sub, actor):
                age = age or relative_time(visible_text(sub))
    return _make_post(
        urn,
        _artdeco_actor_name(titles),
        _artdeco_actor_url(actor),
        text,
        age,
        reactions or 0,
        comments or 0,
        reposts or 0,
        is_repost,
    )


# --- logged-out public cards -------------------------------------------------------------------


def _parse_public(card: Element) -> ParsedPost | None:
    urn = _normalise_urn(card.get("data-activity-urn"))
    if urn is None:
        return None
    nested_list = xpath_elements(card, ".//article[@data-activity-urn]")
    nested = nested_list[0] if nested_list else None
    author_name = author_url = age = None
    for lockup in xpath_elements(card, ".//*[contains(@data-test-id,'entity-lockup')]"):
        if _inside(lockup, nested):
            continue
        for link in xpath_elements(lockup, ".//a[@href]"):
            name = visible_text(link)
            if name and canonical_author_url(link.get("href")):
                author_name, author_url = name, link.get("href")
                break
        times = xpath_elements(lockup, ".//time")
        if times:
            age = fold("".join(times[0].itertext())) or None
        break
    text = ""
    for el in xpath_elements(card, ".//*[contains(@data-test-id,'__commentary')]"):
        if not _inside(el, nested):
            text = _commentary_text(el)
            break
    reactions = comments = None
    social = xpath_elements(
        card,
        ".//*[starts-with(@data-test-id,'social-actions__')"
        " or starts-with(@data-id,'social-actions__')]",
    )
    for el in social:
        if _inside(el, nested):
            continue
        test_id = el.get("data-test-id") or el.get("data-id") or ""
        # ``data-num-reactions`` / ``data-num-comments`` hold the exact count in any UI language.
        exact = el.get("data-num-reactions") or el.get("data-num-comments")
        label = fold(el.get("aria-label") or visible_text(el, keep_hidden=True))
        number = parse_count(exact) if exact else None
        if number is None and label:
            number = parse_count(label.split(" ")[0])
        if "reaction" in test_id and reactions is None and number is not None:
            reactions = number
        elif "comment" in test_id and comments is None and number is not None:
            comments = number
    # Logged-out pages show reactions and comments but never reposts: reposts stay unknown.
    return _make_post(
        urn,
        author_name,
        author_url,
        text,
        age,
        reactions or 0,
        comments or 0,
        None,
        nested is not None,
    )


# --- 2026 server-driven (SDUI) cards -------------------------------------------------------------


def _author_link_near(el: Element, card: Element) -> tuple[Element, str] | None:
    """The nearest author link (with a shown name) above a byline, climbing at most 8 levels."""
    node: Element | None = el
    checked: set[Element] = set()
    stop = card.getparent()
    for _ in range(8):
        node = node.getparent() if node is not None else None
        if node is None or node is stop:
            return None
        for link in node.iter("a"):
            if link in checked:
                continue
            checked.add(link)
            href = link.get("href")
            if not href or not _AUTHOR_PATH.search(href):
                continue
            if next(link.iter("figure"), None) is not None:
                continue  # the avatar link; the name link follows it
            name = ""
            for p in link.iter("p"):
                name = visible_text(p)
                if name:
                    break
            name = name or visible_text(link)
            if name:
                return link, name
    return None


_URN_HINT = re.compile(
    r"urn(?::|%3A)li(?::|%3A)(?:activity|ugcPost|share|comment)|-activity-\d", re.I
)
# A comment's URN names its post: urn:li:comment:(activity:7123…,7456…).
_COMMENT_PARENT = re.compile(r"urn:li:comment:\((activity|ugcPost|share):(\d{6,25}),")


# What an SDUI card parse looks up, selected by libxml2 (a Python pass over every element of a
# card costs more): elements with a componentkey or a link, in document order; post bodies.
_KEYED_OR_LINKED = etree.XPath("descendant-or-self::*/@componentkey/.. | descendant::a/@href/..")
_BODY_BOXES = etree.XPath("descendant-or-self::*/@data-testid[.='expandable-text-box']/..")


class _SduiIndex:
    """What an SDUI card parse needs: bylines, comments, post links, URN-bearing attributes
    and post bodies, each selected by libxml2 rather than a Python pass over the card."""

    __slots__ = ("bullets", "comments", "update_links", "urn_values", "bodies")

    def __init__(self, card: Element) -> None:
        self.bullets: list[Element] = [
            el for el in card.iter("p", "span") if (text := el.text) and "•" in text
        ]
        self.comments: list[Element] = []
        self.update_links: list[Element] = []
        self.urn_values: list[tuple[Element, str]] = []
        self.bodies: list[Element] = select(_BODY_BOXES, card)
        for el in select(_KEYED_OR_LINKED, card):
            key = el.get("componentkey")
            if key:
                if key.startswith(("replaceableComment_", "commentBox")):
                    self.comments.append(el)
                if "urn:li:" in key:
                    self.urn_values.append((el, key))
            if el.tag == "a":
                href = el.get("href")
                if href:
                    if "/feed/update/" in href:
                        self.update_links.append(el)
                    elif "urn" in href or "-activity-" in href:
                        self.urn_values.append((el, href))
        self.comments = _outermost(self.comments)

    def in_comment(self, el: Element) -> bool:
        return bool(self.comments) and any(_inside(el, c) for c in self.comments)


def _urn_in_attributes(index: _SduiIndex, nested: Element | None) -> str | None:
    """A post URN anywhere in the card's attributes (links to ``/posts/…-activity-…``,
    ``/analytics/post-summary/urn…``, embed ``targetUrn=``, a shown comment's
    ``replaceableComment_urn:li:comment:(activity:…,…)`` componentkey), outside a reshared
    part; an activity URN first. For SDUI cards that carry no ``/feed/update/`` link."""
    found = None
    for el, value in index.urn_values:
        if (nested is not None and _inside(el, nested)) or not _URN_HINT.search(value):
            continue
        urn = post_urn_from_url(value) if "-activity-" in value else None
        parent = _COMMENT_PARENT.search(unquote(value)) if "comment" in value else None
        if parent is not None:
            urn = f"urn:li:{parent.group(1)}:{parent.group(2)}"
        urn = urn or post_urn_from_text(value)
        if urn and urn.startswith("urn:li:activity:"):
            return urn
        found = found or urn
    return found


def _parse_sdui(card: Element) -> ParsedPost | None:
    # Comments shown under the post have their own bylines, texts and counters.
    index = _SduiIndex(card)
    comments = index.comments
    bylines = []
    for el in index.bullets:
        text = el.text or ""
        if _BYLINE.match(text) and not is_hidden(el) and not index.in_comment(el):
            age = relative_time(text)
            if age:
                bylines.append((el, age))
    actors: list[tuple[Element, Element, str, str]] = []
    for el, age in bylines[:4]:
        near = _author_link_near(el, card)
        if near is None:
            continue
        link, name = near
        if actors and actors[-1][1] is link:
            continue
        actors.append((el, link, name, age))
        if len(actors) == 2:
            break
    if not actors:
        return None
    nested = _branch_below_common(actors[0][0], actors[1][0]) if len(actors) > 1 else None
    # The URN first: a card without one is not reported, so its text need not be read.
    urn = None
    fallback = None
    for anchor in index.update_links:
        found = post_urn_from_url(anchor.get("href"))
        if not found:
            continue
        if _inside(anchor, nested):
            fallback = fallback or found
            continue
        if found.startswith("urn:li:activity:"):
            urn = found
            break
        urn = urn or found
    urn = urn or fallback or _urn_in_attributes(index, nested)
    if urn is None:
        return None
    _, link, name, age = actors[0]
    header_text = ""
    for el in card.iter("p"):
        if el is actors[0][0] or _inside(actors[0][0], el):
            break
        header_text += " " + visible_text(el).lower()
    is_repost = nested is not None or _says_reposted(header_text)
    text = ""
    commentary = None
    for el in index.bodies:
        if not _inside(el, nested) and not index.in_comment(el):
            commentary = el
            text = _commentary_text(el)
            break
    # Counters are read outside the post's own words ("3 comments later…" is prose).
    reactions, comments_count, reposts = _counts(
        _strings(card, exclude=(nested, commentary, *comments))
    )
    return _make_post(
        urn,
        name,
        link.get("href"),
        text,
        age,
        reactions or 0,
        comments_count or 0,
        reposts or 0,
        is_repost,
    )


# --- 2022–2024 profile Activity "mini updates" ---------------------------------------------------


def _mini_age(age: str | None) -> str | None:
    """A mini update's age as shown ("3mo", "2 tygodnie"); an age-shaped word in no language's
    table is null and reported."""
    if not age:
        return None
    if _TIME_OK.match(age) or vocab.is_relative_time(age):
        return age
    vocab.note_unknown("relative time", age)
    return None


def _parse_mini(card: Element, page_url: str | None) -> ParsedPost | None:
    context = ""
    for el in card.iter():
        if "contextual-description" in (el.get("class") or ""):
            context = visible_text(el)
            break
    action = vocab.activity_action(context)
    if action is None:
        if context:
            vocab.note_unknown("activity header", context)
        return None
    if action.kind == "other":
        return None  # "commented on a post", "likes this": someone else's post
    urn = None
    for link in card.iter("a"):
        urn = post_urn_from_url(link.get("href"))
        if urn:
            break
    if urn is None:
        return None
    text = ""
    body = None
    for el in card.iter():
        if "inline-show-more-text" in (el.get("class") or ""):
            body = el
            text = _commentary_text(el)
            break
    reactions, comments, reposts = _counts(_strings(card, exclude=(body,)))
    is_repost = action.kind == "reposted"
    return _make_post(
        urn,
        None if is_repost else action.name,
        None if is_repost else page_url,
        text,
        _mini_age(action.age),
        reactions or 0,
        comments or 0,
        reposts or 0,
        is_repost,
    )


# --- Voyager JSON in <code> ----------------------------------------------------------------------


def _text_of(model: object) -> str | None:
    if isinstance(model, dict):
        text = model.get("text")
        if isinstance(text, dict):
            return _text_of(text)
        if isinstance(text, str):
            return text
    return None


def _json_posts(doc: Element) -> list[ParsedPost]:
    entities = included_entities(code_payloads(doc, must_contain="feed.Update"))
    by_urn = {e.get("entityUrn"): e for e in entities if isinstance(e.get("entityUrn"), str)}
    order: list[str] = []
    for entity in entities:
        for key in ("*elements", "elements"):
            refs = entity.get(key)
            if isinstance(refs, list):
                order.extend(r for r in refs if isinstance(r, str))
    updates = [
        e
        for e in entities
        if str(e.get("$type", "")).endswith((".Update", ".UpdateV2"))
        and isinstance(e.get("actor"), dict)
    ]
    rank: dict[object, int] = {urn: i for i, urn in enumerate(order)}
    updates.sort(key=lambda e: rank.get(e.get("entityUrn"), len(rank)))
    posts = []
    for update in updates:
        metadata = update.get("metadata") or update.get("updateMetadata") or {}
        urn = _normalise_urn(metadata.get("backendUrn") or metadata.get("urn")) or _normalise_urn(
            update.get("entityUrn")
        )
        if urn is None:
            continue
        actor = update["actor"]
        name = _text_of(actor.get("name"))
        nav = actor.get("navigationContext") or {}
        author_url = nav.get("actionTarget") if isinstance(nav, dict) else None
        commentary = update.get("commentary") or {}
        text = fold(_text_of(commentary)) if isinstance(commentary, dict) else ""
        reshared = update.get("resharedUpdate") or update.get("*resharedUpdate")
        header = fold(
            _text_of(
                (update.get("header") or {}).get("text")
                if isinstance(update.get("header"), dict)
                else None
            )
            or ""
        ).lower()
        is_repost = bool(reshared) or any(w in header for w in _REPOST_WORDS)
        reactions = comments = reposts = None
        detail = (
            by_urn.get(update.get("*socialDetail"))
            if update.get("*socialDetail")
            else update.get("socialDetail")
        )
        if isinstance(detail, dict):
            counts = by_urn.get(detail.get("*totalSocialActivityCounts")) or detail.get(
                "totalSocialActivityCounts"
            )
            if isinstance(counts, dict):
                reactions = counts.get("numLikes")
                comments = counts.get("numComments")
                reposts = counts.get("numShares")
        posts.append(
            _make_post(
                urn,
                fold(name),
                author_url,
                text,
                relative_time(_text_of(actor.get("subDescription"))),
                reactions if isinstance(reactions, int) else 0,
                comments if isinstance(comments, int) else 0,
                reposts if isinstance(reposts, int) else 0,
                is_repost,
            )
        )
    return posts


# --- JSON-LD SocialMediaPosting ----------------------------------------------------------------


def _ld_posts(doc: Element, page_url: str | None) -> dict[str, JsonObject]:
    found: dict[str, JsonObject] = {}
    for item in json_ld(doc):
        if not ld_type(item) & {"SocialMediaPosting", "DiscussionForumPosting", "Article"}:
            continue
        urn = post_urn_from_url(item.get("@id") or item.get("url") or item.get("mainEntityOfPage"))
        if urn is None and page_url and "SocialMediaPosting" in ld_type(item):
            urn = post_urn_from_url(page_url)
        if urn:
            found[urn] = item
    return found


def _merge_ld(post: ParsedPost, item: JsonObject) -> ParsedPost:
    author = item.get("author")
    if isinstance(author, list):
        author = next((a for a in author if isinstance(a, dict)), {})
    if not isinstance(author, dict):
        author = {}
    reactions = interaction_count(item.get("interactionStatistic"), "LikeAction")
    comments = interaction_count(item.get("interactionStatistic"), "CommentAction")
    if comments is None and isinstance(item.get("commentCount"), int):
        comments = item["commentCount"]
    reposts = interaction_count(item.get("interactionStatistic"), "ShareAction")
    # SocialMediaPosting carries the commentary in ``articleBody``, DiscussionForumPosting (a
    # logged-out profile's posts) in ``text``.
    body = item.get("articleBody")
    if not (isinstance(body, str) and body.strip()):
        body = item.get("text")
    return ParsedPost(
        urn=post.urn,
        url=post.url,
        author_name=post.author_name or fold(author.get("name")) or None,
        author_url=post.author_url or canonical_author_url(author.get("url")),
        text=post.text if post.text else (fold(body) if isinstance(body, str) else post.text),
        relative_time=post.relative_time,
        posted_at=post.posted_at,
        reactions=reactions if reactions is not None else post.reactions,
        comments=comments if comments is not None else post.comments,
        reposts=reposts if reposts is not None else post.reposts,
        is_repost=post.is_repost or bool(item.get("sharedContent")),
    )


def _ld_only_post(urn: str, item: JsonObject) -> ParsedPost:
    base = _make_post(urn, None, None, "", None, None, None, None, False)
    return _merge_ld(base, item)


# Stepping to an attribute and back to its element (``*/@data-urn/..``) is what libxml2's XPath
# answers fastest: a predicate (``*[@data-urn]``, worse ``starts-with``) costs two to three
# times more, and a Python pass over every element more still. The prefix test runs on the few
# results. Measured over the labelled pages, the attribute step over the whole tree costs half
# of a scan of the page's bytes for the attribute's name (``bytes.find`` of an absent name reads
# every byte of megabytes of <code> JSON), so no byte test gates it (docs/parser.md, "Speed").
# The attribute values come with their elements (``attribute_values``): no parent step, no
# second read of the attribute.
_DATA_URN = etree.XPath("descendant-or-self::*/@data-urn")
_DATA_ID = etree.XPath("descendant-or-self::*/@data-id")
_TEXT_BOXES = etree.XPath("descendant-or-self::*/@data-testid[.='expandable-text-box']/..")


def _ember_cards(doc: Element) -> tuple[list[Element], list[Element]]:
    """Elements whose ``data-urn`` names a post, else (when there are none) those whose
    ``data-id`` does, in document order."""
    cards = [
        el
        for urn in attribute_values(_DATA_URN, doc)
        if urn.startswith(_CARD_URN_PREFIXES) and (el := urn.getparent()) is not None
    ]
    if cards:
        return cards, []
    return [], [
        el
        for urn in attribute_values(_DATA_ID, doc)
        if urn.startswith("urn:li:activity:") and (el := urn.getparent()) is not None
    ]


def _find_cards(
    doc: Element, raw: bytes | None = None, profile: bool = False
) -> tuple[list[Element], list[Element], list[Element], list[Element], list[Element]]:
    """Candidate post cards of each era.

    A page is of one era: each era's lookup runs only when the eras before it found no card
    (with ``raw`` given; without it every era is tried).
    """

    public: list[Element] = []
    sdui: list[Element] = []
    mini: list[Element] = []
    # Attribute-existence XPath over the tree costs less than a scan of the bytes: captured
    # pages carry megabytes of <code> JSON around a few thousand elements.
    artdeco, wrappers = _ember_cards(doc)
    # An era's marker can appear on another era's page (a comment's ``data-id="urn:li:comment…``
    # on a logged-out post page), so the next era is tried whenever this one found no card.
    found = bool(artdeco or wrappers)
    # libxml2 filters <article> by tag, and the componentkey pass is shared with the profile
    # parser: both cost less than another scan of the bytes (a 2 MB feed of <code> JSON has
    # a few hundred elements).
    if raw is None or not found:
        public = [el for el in doc.iter("article") if el.get("data-activity-urn") is not None]
    keys = componentkeys(doc) if raw is None or not (found or public) else []
    if keys:
        sdui = [el for el, key in keys if key.startswith("update-card") or "FeedType_" in key]
    if not (found or public or sdui) and keys:
        # A server-driven list whose cards carry no known componentkey (a layout not seen
        # yet): a list item around a post body is a card.
        sdui = []
        for body in select(_TEXT_BOXES, doc):
            node = body.getparent()
            while node is not None and node.get("role") != "listitem":
                node = node.getparent()
            if node is not None and (not sdui or sdui[-1] is not node):
                sdui.append(node)
    if profile:
        # Mini updates are list items; filtering <li> in Python beats a class XPath 10x, and
        # a profile's hundred-odd <li> cost no more than a scan of its bytes for the class.
        mini = [
            li for li in doc.iter("li") if "feed-update__mini-container" in (li.get("class") or "")
        ]
    return artdeco, wrappers, public, sdui, mini


def parse_posts(
    doc: Element, page_url: str | None = None, raw: bytes | None = None, profile_page: bool = False
) -> list[ParsedPost]:
    """Every post on the page, deduplicated by URN, in page order; never raises on odd markup.

    ``raw`` (the page's bytes) lets cheap byte markers pick the DOM era; ``profile_page`` adds
    the Ember Activity "mini updates" and leaves out posts found only in ``<code>`` JSON.
    """
    posts: list[ParsedPost] = []
    seen: set[str] = set()

    def add(post: ParsedPost | None) -> None:
        if post is not None and post.urn not in seen:
            seen.add(post.urn)
            posts.append(post)

    artdeco, wrappers, public, sdui, mini = (
        cards[:MAX_CARDS] for cards in _find_cards(doc, raw, profile=profile_page)
    )
    for card in _outermost(artdeco + wrappers):
        add(_parse_artdeco(card))
    for card in _outermost(public):
        add(_parse_public(card))
    for card in _outermost(sdui):
        add(_parse_sdui(card))
    for card in _outermost(mini):
        add(_parse_mini(card, page_url))
    ld = _ld_posts(doc, page_url)
    if ld:
        merged = []
        for post in posts:
            merged.append(_merge_ld(post, ld[post.urn]) if post.urn in ld else post)
        posts = merged
        for urn, item in ld.items():
            if urn not in seen:
                add(_ld_only_post(urn, item))
    # A profile's <code> JSON holds its owner's activity the page did not render: not shown.
    if not posts and not profile_page:
        for post in _json_posts(doc):
            add(post)
    return posts
