"""Message drafts for stored suggestions (filled in from the drafts module)."""

from __future__ import annotations


def draft_for(session, suggestion, person, now):
    return None
