"""Bulk writes that report how many rows they changed."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Delete, Update
from sqlalchemy.orm import Session


def rows_affected(session: Session, statement: Delete | Update) -> int:
    """Execute a bulk ``DELETE`` or ``UPDATE`` and return the number of rows it matched."""
    # Session.execute is typed as returning Result for every statement; a DML statement always
    # yields a CursorResult, which is where rowcount lives.
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount or 0
