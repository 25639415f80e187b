"""Structured data embedded in pages: JSON-LD (logged-out pages) and ``<code>`` JSON (logged in).

Selectors:
- JSON_LD: ``script[type="application/ld+json"]``; ``@graph`` lists are flattened. Falls back to
  nothing (the DOM parsers still run).
- CODE_JSON: ``<code>`` elements whose text is a JSON object (LinkedIn's "bpr" payloads of
  Voyager API responses, entities in ``included``). lxml already unescaped the entities, so no
  regex over the whole document is needed. Payloads above ``MAX_CODE_CHARS`` are skipped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .dom import Element
from .index import memoised

#: A decoded JSON object (JSON-LD item, Voyager payload or entity): its values are whatever the
#: page's JSON holds, so readers check each one's type where they use it.
JsonObject = dict[str, Any]

MAX_CODE_CHARS = 8_000_000
MAX_CODE_TOTAL = 40_000_000
_JSON_START = re.compile(r"\s*\{")


def json_ld(doc: Element) -> list[JsonObject]:
    """Every JSON-LD object on the page, ``@graph`` members flattened; malformed blocks skipped
    (read once per parsed page)."""
    return memoised(doc, "json_ld", _read_json_ld)


def _read_json_ld(doc: Element) -> list[JsonObject]:
    found: list[JsonObject] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                found.extend(g for g in graph if isinstance(g, dict))
            else:
                found.append(item)
    return found


def ld_type(item: JsonObject) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def code_payloads(doc: Element, must_contain: str | None = None) -> list[JsonObject]:
    """Parsed JSON objects from ``<code>`` elements, in document order.

    With ``must_contain``, payloads whose text lacks that substring are skipped before decoding
    (a substring test is far cheaper than ``json.loads`` of a 200 kB payload).
    """
    payloads: list[JsonObject] = []
    total = 0
    # No scan of the page's bytes for ``must_contain`` first: the <code> texts are a part of
    # the page, and the substring test below reads each of them once anyway.
    for code in doc.iter("code"):
        text = code.text
        if not text or len(text) > MAX_CODE_CHARS:
            continue
        # An object's text, tested before it is copied: ``strip()`` copied every payload.
        opening = _JSON_START.match(text)
        if opening is None or (must_contain and must_contain not in text):
            continue
        start, end = opening.end() - 1, len(text)
        while text[end - 1].isspace():
            end -= 1
        total += end - start
        if total > MAX_CODE_TOTAL:
            break
        try:
            data = json.loads(text[start:end])
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            payloads.append(data)
    return payloads


def included_entities(payloads: list[JsonObject]) -> list[JsonObject]:
    """The normalised entities (``included`` lists) of Voyager payloads."""
    entities: list[JsonObject] = []
    for payload in payloads:
        included = payload.get("included")
        if isinstance(included, list):
            entities.extend(e for e in included if isinstance(e, dict))
    return entities


def interaction_count(stats: object, action: str) -> int | None:
    """``userInteractionCount`` of the InteractionCounter whose type ends with ``action``."""
    if isinstance(stats, dict):
        stats = [stats]
    if not isinstance(stats, list):
        return None
    for stat in stats:
        if not isinstance(stat, dict):
            continue
        kind = str(stat.get("interactionType") or "")
        if isinstance(stat.get("interactionType"), dict):
            kind = str(stat["interactionType"].get("@type") or "")
        if kind.endswith(action):
            count = stat.get("userInteractionCount")
            if isinstance(count, int):
                return count
            if isinstance(count, str) and count.isdigit():
                return int(count)
    return None
