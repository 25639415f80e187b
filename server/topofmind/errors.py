"""Domain errors raised by services; the HTTP layer maps each to one status code (api/errors.py)."""

from __future__ import annotations


class DomainError(Exception):
    """Base class: ``message`` for people, ``errors`` maps a field to its problems."""

    status = 400

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class InvalidState(DomainError):
    status = 409


class InvalidInput(DomainError):
    status = 422


class TooLarge(DomainError):
    status = 413
