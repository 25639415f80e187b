"""Text helpers shared by the parsers: visible text of an lxml subtree, counts, time tokens."""

from __future__ import annotations

import re

# Subtrees that never hold visible prose: scripts, icons, controls ("…see more" is a button).
_SKIP_TAGS = frozenset(
    {"script", "style", "svg", "code", "template", "noscript", "button", "select", "video"}
)
_MAX_DEPTH = 400

_COUNT = re.compile(r"^\s*(\d[\d,.\u00a0\u202f ]*)\s*([KkMm])?\s*$")
# "3h", "2w", "9mo", "1yr", "4m", "now": the token before the first "•" in a post's byline.
_TIME_TOKEN = re.compile(r"^(?:\d{1,3}\s?[^\W\d_]{1,4}\.?|now|just now)$", re.IGNORECASE)


def fold(text: str | None) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split()) if text else ""


def is_hidden(el) -> bool:
    """True for screen-reader-only elements (their text duplicates what is shown).

    LinkedIn's eras mark them ``visually-hidden``, ``a11y-text`` or ``sr-only``.
    """
    cls = el.get("class")
    return bool(cls) and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls)


def visible_text(el, keep_hidden: bool = False) -> str:
    """The shown text of a subtree, whitespace folded, without SR-only copies or controls."""
    if el is None:
        return ""
    parts: list[str] = []
    stack = [(el, 0, False)]
    # Iterative walk: hostile pages nest deeper than Python's recursion limit.
    while stack:
        node, depth, is_tail_marker = stack.pop()
        if is_tail_marker:
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not el:
            stack.append((node, depth, True))
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag in _SKIP_TAGS or depth > _MAX_DEPTH or (not keep_hidden and is_hidden(node)):
            continue
        if tag == "br":
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            stack.append((child, depth + 1, False))
    return fold("".join(parts))


def text_lines(el, keep_hidden: bool = False):
    """Yield ``(element, text)`` for each non-blank text run in document order (tails included)."""
    stack = [(el, 0, False)]
    while stack:
        node, depth, is_tail_marker = stack.pop()
        if is_tail_marker:
            tail = fold(node.tail)
            if tail:
                yield node.getparent(), tail
            continue
        if node is not el:
            stack.append((node, depth, True))
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if tag in _SKIP_TAGS or depth > _MAX_DEPTH or (not keep_hidden and is_hidden(node)):
            continue
        text = fold(node.text)
        if text:
            yield node, text
        for child in reversed(node):
            stack.append((child, depth + 1, False))


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
    return token if _TIME_TOKEN.match(token) else None


def xp_class(name: str) -> str:
    """An XPath predicate matching one whole class name."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_MUTUAL_OTHERS = re.compile(
    r"^(?P<names>.*?),?\s+and\s+(?P<n>\d[\d,.]*)\s+others?\s+mutual\s+connections?", re.I
)
_MUTUAL_TWO = re.compile(
    r"^(?P<names>.+?)\s+and\s+(?P<last>.+?)\s+are\s+mutual\s+connections", re.I
)
_MUTUAL_ONE = re.compile(r"^(?P<names>.+?)\s+is\s+a\s+mutual\s+connection", re.I)
_MUTUAL_COUNT = re.compile(r"(?P<n>\d[\d,.]*)\s+mutual\s+connections?", re.I)


def mutual_connections(
    sentence: str, strong_names: list[str]
) -> tuple[int | None, tuple[str, ...]]:
    """Count and names from "A, B, and 2 other mutual connections" (count = named + others).

    ``strong_names`` are the names LinkedIn set in bold, when it did; otherwise the names are
    read from the sentence itself.
    """
    sentence = fold(sentence)
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
    elif not names:
        match = _MUTUAL_COUNT.search(sentence)
        return (parse_count(match.group("n")) if match else None), ()
    unique = tuple(dict.fromkeys(names))
    return len(unique) + others, unique
