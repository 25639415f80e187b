"""Shown text of job-page subtrees: runs in document order (pills included), block text."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .dom import Element
from .text import DISPLAY_NONE, fold

_SKIP = frozenset({"script", "style", "svg", "code", "template", "noscript", "select", "video"})
_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "tr"}
)
_MAX_DEPTH = 400


def runs(el: Element, *, buttons: bool = True) -> Iterator[tuple[Element, str]]:
    """``(element, text)`` for each shown text run under ``el`` in document order.

    Screen-reader copies, scripts and icons are left out; button texts (a posting's "Hybrid",
    "Full-time" pills) are kept unless ``buttons`` is False. libxml2 walks the tree
    (``iterwalk``): no recursion, and faster than a Python stack of children.
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
            or tag in _SKIP
            or depth > _MAX_DEPTH
            or (tag == "button" and not buttons)
            or node.get("role") == "dialog"
        ):
            walker.skip_subtree()
            continue
        # is_hidden, inlined: this loop runs for every element of a job page's main.
        cls = node.get("class")
        if cls and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls):
            walker.skip_subtree()
            continue
        style = node.get("style")
        if style is not None and "none" in style and DISPLAY_NONE.search(style) is not None:
            walker.skip_subtree()
            continue
        text = node.text
        if text and not text.isspace():
            yield node, fold(text)


def shown_text(el: Element) -> str:
    """The shown text of ``el`` (buttons included), whitespace folded."""
    return " ".join(text for _el, text in runs(el)).strip()


def block_text(el: Element) -> str:
    """Shown text with one line per paragraph, list item or line break; blank lines dropped."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    depth = 0
    for event, node in walker:
        tag = node.tag
        if event == "end":
            depth -= 1
            if node is not el and tag.__class__ is str:
                if tag in _BLOCK:
                    parts.append("\n")
                tail = node.tail
                if tail:
                    parts.append(tail)
            continue
        depth += 1
        if tag.__class__ is not str or tag in _SKIP or tag == "button" or depth > _MAX_DEPTH:
            walker.skip_subtree()
            continue
        cls = node.get("class")  # is_hidden, inlined
        if cls and ("visually-hidden" in cls or "a11y-text" in cls or "sr-only" in cls):
            walker.skip_subtree()
            continue
        style = node.get("style")
        if style is not None and "none" in style and DISPLAY_NONE.search(style) is not None:
            walker.skip_subtree()
            continue
        if tag in _BLOCK:
            parts.append("\n")
        text = node.text
        if text:
            parts.append(text)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def inside(el: Element, root: Element | None) -> bool:
    """True when ``el`` is ``root`` or lies under it."""
    node: Element | None = el
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False
