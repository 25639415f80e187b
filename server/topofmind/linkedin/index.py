"""One pass over a parsed page for the attributes several parsers look elements up by.

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


def componentkeys(doc) -> list[tuple[object, str]]:
    """Every ``(element, componentkey)`` of the document, in document order (memoised for the
    document being parsed; ``forget`` drops it)."""
    cached = getattr(_local, "entry", None)
    if cached is not None and cached[0] is doc:
        return cached[1]
    found = [(el, el.get("componentkey")) for el in _WITH_KEY(doc)]
    _local.entry = (doc, found)
    return found


def forget() -> None:
    """Drop the memo (and with it the reference that keeps a parsed tree alive)."""
    _local.entry = None
