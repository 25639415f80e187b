"""Shown text of job-page subtrees: runs in document order (pills included), block text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .text import fold, is_hidden

_SKIP = frozenset({"script", "style", "svg", "code", "template", "noscript", "select", "video"})
_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "tr"}
)
_MAX_DEPTH = 400

#: An lxml element (``lxml.etree._Element``; its stubs are not installed, so typed loosely).
Element = Any


def runs(el: Any, *, buttons: bool = True) -> Iterator[tuple[Any, str]]:
    """``(element, text)`` for each shown text run under ``el`` in document order.

    Screen-reader copies, scripts and icons are left out; button texts (a posting's "Hybrid",
    "Full-time" pills) are kept unless ``buttons`` is False.
    """
    stack = [(el, 0, False)]
    while stack:
        node, depth, is_tail = stack.pop()
        if is_tail:
            tail = fold(node.tail)
            if tail:
                yield node.getparent(), tail
            continue
        if node is not el:
            stack.append((node, depth, True))
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP or depth > _MAX_DEPTH or is_hidden(node):
            continue
        if (tag == "button" and not buttons) or node.get("role") == "dialog":
            continue
        text = fold(node.text)
        if text:
            yield node, text
        for child in reversed(node):
            stack.append((child, depth + 1, False))


def shown_text(el: Any) -> str:
    """The shown text of ``el`` (buttons included), whitespace folded."""
    return " ".join(text for _el, text in runs(el)).strip()


def block_text(el: Any) -> str:
    """Shown text with one line per paragraph, list item or line break; blank lines dropped."""
    parts: list[str] = []
    stack = [(el, 0, False)]
    while stack:
        node, depth, is_tail = stack.pop()
        if is_tail:
            if node.tag in _BLOCK:
                parts.append("\n")
            if node.tail:
                parts.append(node.tail)
            continue
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if node is not el:
            stack.append((node, depth, True))
        if tag in _SKIP or tag == "button" or depth > _MAX_DEPTH or is_hidden(node):
            continue
        if tag in _BLOCK:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            stack.append((child, depth + 1, False))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def inside(el: Any, root: Any) -> bool:
    """True when ``el`` is ``root`` or lies under it."""
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False
