"""One pass over a parsed page for what several parsers look up: componentkeys, JSON-LD.

SDUI pages name their parts in ``componentkey`` attributes (the top card's
``ProfileVerificationTriggerRef-<id>``, ``…Topcard``, post cards ``update-card…``). A descendant
XPath with a string predicate costs about as much as a Python pass over every element, and
the profile and post parsers each needed several: one pass here serves them all
(docs/parser.md, "Speed").
"""

from __future__ import annotations

import threading

from lxml import etree

_local = threading.local()
# An attribute-existence test is what libxml2's XPath answers fastest (docs/parser.md, "Speed").
_WITH_KEY = etree.XPath("descendant-or-self::*[@componentkey]")


def _memo(doc) -> dict:
    """The memo of the document being parsed (a new one for another document)."""
    entry = getattr(_local, "entry", None)
    if entry is None or entry[0] is not doc:
        entry = (doc, {})
        _local.entry = entry
    return entry[1]


def componentkeys(doc) -> list[tuple[object, str]]:
    """Every ``(element, componentkey)`` of the document, in document order (memoised for the
    document being parsed; ``forget`` drops it)."""
    memo = _memo(doc)
    found = memo.get("componentkeys")
    if found is None:
        found = memo["componentkeys"] = [(el, el.get("componentkey")) for el in _WITH_KEY(doc)]
    return found


def memoised(doc, name: str, compute):
    """``compute(doc)`` once per parsed document (JSON-LD is read by the profile, post and job
    parsers alike)."""
    memo = _memo(doc)
    if name not in memo:
        memo[name] = compute(doc)
    return memo[name]


def forget() -> None:
    """Drop the memo (and with it the reference that keeps a parsed tree alive)."""
    _local.entry = None
