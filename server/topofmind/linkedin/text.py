"""Text helpers shared by the parsers: visible text of an lxml subtree, counts, time tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .dom import Element
from .vocabulary import social

# Subtrees that never hold visible prose: scripts, icons, controls ("…see more" is a button).
# The document head too: a page's <title> ("(3) Jane Doe | LinkedIn") is never a headline.
_SKIP_TAGS = frozenset(
    {
        "script", "style", "svg", "code", "template", "noscript", "button", "select", "video",
        "head", "title",
    }
)  # fmt: skip
_MAX_DEPTH = 400
DISPLAY_NONE = re.compile(r"display\s*:\s*none")

_COUNT = re.compile(r"^\s*(\d[\d,.\u00a0\u202f ]*)\s*([KkMm])?\s*$")
# "3h", "2w", "9mo", "1yr", "4m", "now": the token before the first "•" in a post's byline.
_TIME_TOKEN = re.compile(r"^(?:\d{1,3}\s?[^\W\d_]{1,6}\.?|now|just now)$", re.IGNORECASE)


# Degree badges in every interface language (suffixes and words: vocabulary/social.py): "2nd",
# "3rd+", "2e", "3e et +", "2.", "2º", "• 2" (a bare digit only after the bullet); the long forms
# are screen-reader copies ("2nd degree connection", "Kontakt 2. stopnia", "Relation de 2e
# niveau").
_DEGREE_SUFFIX = "(?:" + "|".join(sorted(social.DEGREE_SUFFIXES, key=len, reverse=True)) + ")"
_DEGREE_PLUS = r"\s*(?:(?:et|e|y|und|en)\s*)?\+?"
DEGREE_BADGE = re.compile(
    rf"^(?:[·•]\s*([123]){_DEGREE_SUFFIX}?|([123]){_DEGREE_SUFFIX}){_DEGREE_PLUS}$", re.IGNORECASE
)
_DEGREE_WORD = "|".join(
    re.escape(word)
    for word in sorted(
        {w for forms in social.DEGREE_WORDS.values() for w in forms}, key=len, reverse=True
    )
)
DEGREE_LONG = re.compile(
    rf"(?<!\d)([123]){_DEGREE_SUFFIX}?\+?\s*(?:{_DEGREE_WORD})(?!\w)", re.IGNORECASE
)
DEGREE_INLINE = re.compile(rf"[•·]\s*([123]){_DEGREE_SUFFIX}?{_DEGREE_PLUS}(?:\W|$)", re.IGNORECASE)


def degree_in(text: str) -> int | None:
    """1, 2 or 3 from a degree badge or its long screen-reader form, else None."""
    match = DEGREE_BADGE.match(text)
    if match:
        return int(match.group(1) or match.group(2))
    match = DEGREE_LONG.search(text)
    return int(match.group(1)) if match else None


def fold(text: str | None) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split()) if text else ""


def in_dialog(el: Element) -> bool:
    """Whether ``el`` sits in an open dialog (``role="dialog"``, ``aria-modal``): an overlay
    saved with the page, not the page's own content."""
    node: Element | None = el
    while node is not None:
        if node.get("role") in ("dialog", "alertdialog") or node.get("aria-modal") == "true":
            return True
        node = node.getparent()
    return False


def is_hidden(el: Element) -> bool:
    """True for text a reader does not see in place: screen-reader-only copies.

    LinkedIn's eras mark them ``visually-hidden``, ``a11y-text`` or ``sr-only``; inline
    ``display:none`` hides the rest.
    """
    cls = el.get("class")
    if cls and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls):
        return True
    # SDUI pages keep stale copies (another degree badge) in ``display:none`` elements.
    style = el.get("style")
    return style is not None and "none" in style and DISPLAY_NONE.search(style) is not None


def visible_text(el: Element | None, keep_hidden: bool = False) -> str:
    """The shown text of a subtree, whitespace folded, without SR-only copies or controls."""
    if el is None:
        return ""
    if len(el) == 0:
        # A leaf (most calls read a heading, a span, a link): its own text, without a walk.
        tag = el.tag
        if tag.__class__ is not str or tag in _SKIP_TAGS or (not keep_hidden and is_hidden(el)):
            return ""
        return fold(el.text)
    parts: list[str] = []
    # libxml2 walks the tree (iterwalk): no recursion, hostile nesting cannot overflow it.
    walker = etree.iterwalk(el, events=("start", "end"))
    depth = 0
    for event, node in walker:
        if event == "end":
            depth -= 1
            if node is not el:
                tail = node.tail
                if tail:
                    parts.append(tail)
            continue
        depth += 1
        tag = node.tag
        if tag.__class__ is not str or tag in _SKIP_TAGS or depth > _MAX_DEPTH:
            walker.skip_subtree()
            continue
        if not keep_hidden:
            # is_hidden, inlined: this loop runs for every element of every text read.
            cls = node.get("class")
            if cls and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls):
                walker.skip_subtree()
                continue
            style = node.get("style")
            if style and "none" in style and DISPLAY_NONE.search(style) is not None:
                walker.skip_subtree()
                continue
        if tag == "br":
            parts.append(" ")
        text = node.text
        if text:
            parts.append(text)
    return fold("".join(parts))


def text_lines(el: Element, keep_hidden: bool = False) -> Iterator[tuple[Element, str]]:
    """Yield ``(element, text)`` for each non-blank text run in document order (tails included).

    Dialogs (``role="dialog"``) are left out too: the logged-out "Sign in to view …" modals sit
    inside the top card whose runs are read in order. (A post shown in an open dialog is still
    read by ``visible_text``.)
    """
    walker = etree.iterwalk(el, events=("start", "end"))
    depth = 0
    for event, node in walker:
        if event == "end":
            depth -= 1
            if node is not el:
                tail = node.tail
                if tail and not tail.isspace():
                    parent = node.getparent()
                    if parent is not None:
                        yield parent, fold(tail)
            continue
        depth += 1
        tag = node.tag
        if (
            tag.__class__ is not str
            or tag in _SKIP_TAGS
            or depth > _MAX_DEPTH
            or node.get("role") == "dialog"
        ):
            walker.skip_subtree()
            continue
        if not keep_hidden:
            # is_hidden, inlined: this loop runs for every element of every text read.
            cls = node.get("class")
            if cls and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls):
                walker.skip_subtree()
                continue
            style = node.get("style")
            if style and "none" in style and DISPLAY_NONE.search(style) is not None:
                walker.skip_subtree()
                continue
        text = node.text
        if text and not text.isspace():
            yield node, fold(text)


def parse_count(text: str | None) -> int | None:
    """ "1,234" → 1234, "6K" → 6000, "1.5M" → 1500000; None when it is not a count."""
    if not text:
        return None
    match = _COUNT.match(text)
    if not match:
        return None
    digits, suffix = match.group(1), match.group(2)
    digits = re.sub(r"[\u00a0\u202f ]", "", digits).rstrip(".,")
    if suffix:
        try:
            value = float(digits.replace(",", "."))
        except ValueError:
            return None
        return int(round(value * (1000 if suffix in "Kk" else 1_000_000)))
    cleaned = digits.replace(",", "").replace(".", "")
    return int(cleaned) if cleaned.isdigit() else None


def relative_time(text: str | None) -> str | None:
    """The token before the first "•" ("3h • Edited •" → "3h"), when it looks like an age."""
    if not text or "•" not in text:
        return None
    token = fold(text.split("•", 1)[0])
    if social.is_relative_time(token):
        return token
    if _TIME_TOKEN.match(token):
        # Shaped like an age ("3 sek.") but in no language's table: null, and said so.
        social.note_unknown("relative time", token)
    return None


def xp_class(name: str) -> str:
    """An XPath predicate matching one whole class name."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def xp_class_value(name: str) -> str:
    """``xp_class`` for a predicate on the ``class`` attribute itself (``*/@class[…]/..``)."""
    return f"contains(concat(' ', normalize-space(.), ' '), ' {name} ')"


# 2026 pages write "&" where older ones wrote "and" ("A, B & 7 other mutual connections").
_MUTUAL_OTHERS = re.compile(
    r"^(?P<names>.*?),?\s+(?:and|&)\s+(?P<n>\d[\d,.]*)\s+others?\s+mutual\s+connections?", re.I
)
_MUTUAL_TWO = re.compile(
    r"^(?P<names>.+?)\s+(?:and|&)\s+(?P<last>.+?)\s+are\s+mutual\s+connections", re.I
)
_MUTUAL_ONE = re.compile(r"^(?P<names>.+?)\s+is\s+a\s+mutual\s+connection", re.I)
_MUTUAL_COUNT = re.compile(r"(?P<n>\d[\d,.]*)\s+mutual\s+connections?", re.I)


def _mutual_segment(sentence: str) -> str:
    """The part of a card line about mutual connections ("345 followers • A and B are…")."""
    for part in sentence.split("•"):
        if social.is_mutual(part):
            return fold(part)
    return sentence


def _before_number(segment: str) -> str:
    numbers = list(re.finditer(r"\d", segment))
    if not numbers:
        return ""
    # The names end where the count's number starts.
    start = numbers[0].start()
    return segment[:start].strip()


def is_mutual_sentence(text: str) -> bool:
    """True when a text run speaks of mutual connections (any interface language)."""
    return social.is_mutual(text)


def mutual_connections(
    sentence: str, strong_names: list[str]
) -> tuple[int | None, tuple[str, ...]]:
    """Count and names from "A, B, and 2 other mutual connections" (count = named + others).

    ``strong_names`` are the names LinkedIn set in bold, when it did; otherwise the names are
    read from the sentence itself.
    """
    sentence = _mutual_segment(fold(sentence))
    names = [n for n in strong_names if n]
    others = 0
    match = _MUTUAL_OTHERS.match(sentence)
    if match:
        others = parse_count(match.group("n")) or 0
        if not names:
            names = [fold(n) for n in match.group("names").split(",") if fold(n)]
    elif (match := _MUTUAL_TWO.match(sentence)) is not None:
        if not names:
            names = [fold(n) for n in match.group("names").split(",") if fold(n)]
            names.append(fold(match.group("last")))
    elif (match := _MUTUAL_ONE.match(sentence)) is not None:
        if not names:
            names = [fold(match.group("names"))]
    elif (match := _MUTUAL_COUNT.search(sentence)) is not None and not names:
        return parse_count(match.group("n")), ()
    elif is_mutual_sentence(sentence):
        # Another interface language: the names are the bold or linked ones, else the words
        # before the count ("Łukasz i 95 innych wspólnych kontaktów"); with names the count is
        # of the others, without it is the total.
        segment = _mutual_segment(sentence)
        number = social.mutual_number(segment)
        if not names and number is not None:
            before = _before_number(segment)
            names = social.split_names(before) if before else []
        elif not names:
            names = social.names_before_mutual(segment)
        if not names:
            return number, ()
        others = number or 0
    elif not names:
        return None, ()
    unique = tuple(dict.fromkeys(names))
    return len(unique) + others, unique
