"""Failures as the assistant reads them: a tool error that names the field, never a crash.

The API turns the same exceptions into its JSON error body (docs/api.md); here they become the
text of an MCP tool error, so the assistant can correct its call and try again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import marshmallow as ma
from mcp.server.mcpserver.exceptions import ToolError
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from ..errors import DomainError

BUSY = "The database is busy or unreachable; nothing was saved. Try again in a moment."
CONFLICT = "That conflicts with what is already stored; nothing was saved."
UNSTORABLE = "A value cannot be stored (too large or not text); nothing was saved."


def _problems(value: Any) -> list[str]:
    """marshmallow nests messages for lists and dicts ({0: [...]} / {"key": {"value": [...]}})."""
    if isinstance(value, Mapping):
        return [problem for nested in value.values() for problem in _problems(nested)]
    if isinstance(value, list | tuple):
        return [problem for item in value for problem in _problems(item)]
    return [str(value)]


def describe_fields(errors: Mapping[str, Any]) -> str:
    """``'kind': Must be one of …; 'note': Longer than maximum length 20000.``"""
    return "; ".join(
        f"'{field}': {' '.join(_problems(problems))}" for field, problems in errors.items()
    )


def tool_error(error: Exception, subject: str | None = None) -> ToolError:
    """The ``ToolError`` for an expected failure: a validation error (naming each field), a
    domain error (its message and fields), or a database that is busy or refuses the value.
    ``subject`` is the argument to blame when the failure names none (an id that is not there
    or too large to look up)."""
    if isinstance(error, ma.ValidationError):
        messages = error.messages if isinstance(error.messages, Mapping) else {"_": error.messages}
        fields = describe_fields(messages)
        noun = "field" if len(messages) == 1 else "fields"
        return ToolError(f"Invalid {noun}: {fields}")
    if isinstance(error, DomainError):
        errors = error.errors or ({subject: ["Not found."]} if subject else {})
        detail = describe_fields(errors)
        return ToolError(f"{error.message} ({detail})" if detail else error.message)
    if isinstance(error, IntegrityError):
        return ToolError(CONFLICT)
    if isinstance(error, OperationalError):
        return ToolError(BUSY)
    if isinstance(error, DataError | OverflowError | UnicodeEncodeError):
        return ToolError(f"{UNSTORABLE} ('{subject}')" if subject else UNSTORABLE)
    raise TypeError(f"not an expected failure: {type(error).__name__}")


EXPECTED = (
    ma.ValidationError,
    DomainError,
    IntegrityError,
    OperationalError,
    DataError,
    OverflowError,
    UnicodeEncodeError,
)
