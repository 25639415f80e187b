"""One pass over a parsed page for what several parsers look up: componentkeys, JSON-LD.

SDUI pages name their parts in ``componentkey`` attributes (the top card's
``ProfileVerificationTriggerRef-<id>``, ``…Topcard``, post cards ``update-card…``). A descendant
XPath with a string predicate costs about as much as a Python pass over every element, and
the profile and post parsers each needed several: one pass here serves them all
(docs/parser.md, "Speed").

The memo lives only inside ``scope(doc)`` (``parse_page`` opens one per parse): it is a
context variable, so threads and nested parses each see their own, and nothing outlives the
parse to keep a tree alive. Outside a scope every call computes afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar, cast

from lxml import etree

from .dom import Element, attribute_values

T = TypeVar("T")


class _Memo:
    """What one parse has looked up on its document."""

    __slots__ = ("componentkeys", "values")

    def __init__(self) -> None:
        self.componentkeys: list[tuple[Element, str]] | None = None
        # Each name holds what one ``compute`` returned (see ``memoised``).
        self.values: dict[str, object] = {}


_current: ContextVar[tuple[Element, _Memo] | None] = ContextVar("linkedin_page_memo", default=None)
# libxml2 evaluates a predicate (``*[@componentkey]``) with a fresh context per element: two to
# three times slower than stepping to the attribute; the values come with their elements
# (docs/parser.md, "Speed").
_KEYS = etree.XPath("descendant-or-self::*/@componentkey")


@contextmanager
def scope(doc: Element) -> Iterator[None]:
    """Memoise lookups on ``doc`` until the block ends (then the memo and its references go)."""
    token = _current.set((doc, _Memo()))
    try:
        yield
    finally:
        _current.reset(token)


def _memo(doc: Element) -> _Memo:
    """The memo of ``doc`` when it is the document of the open scope, else a throwaway one."""
    entry = _current.get()
    if entry is None or entry[0] is not doc:
        return _Memo()
    return entry[1]


def componentkeys(doc: Element) -> list[tuple[Element, str]]:
    """Every ``(element, componentkey)`` of the document, in document order (memoised within
    ``scope(doc)``)."""
    memo = _memo(doc)
    found = memo.componentkeys
    if found is None:
        found = []
        # No byte test first: the attribute step costs about half a scan of the bytes.
        for key in attribute_values(_KEYS, doc):
            el = key.getparent()
            if el is not None:
                found.append((el, key))
        memo.componentkeys = found
    return found


def memoised(doc: Element, name: str, compute: Callable[[Element], T]) -> T:
    """``compute(doc)`` once per parsed document within ``scope(doc)`` (JSON-LD is read by the
    profile, post and job parsers alike). One ``name`` is always computed by one function."""
    values = _memo(doc).values
    if name not in values:
        values[name] = compute(doc)
    # The value stored under ``name`` is what ``compute`` returned for it.
    return cast(T, values[name])
