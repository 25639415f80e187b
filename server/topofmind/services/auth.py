"""Sign-in keys, dashboard sessions and pairing codes (docs/security.md).

Each secret is random, shown once, and stored only as its SHA-256, so the database (or a stolen
copy of it) holds nothing that signs anyone in. A sign-in key and a pairing code work once and
for minutes; a session lasts until sign-out, its expiry, or a token rotation (which ends all).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..store.models import AuthSecret
from .rows import rows_affected

SIGN_IN = "sign_in"
SESSION = "session"
PAIRING = "pairing"

SIGN_IN_TTL = timedelta(minutes=10)
SESSION_TTL = timedelta(days=14)
PAIRING_TTL = timedelta(minutes=10)
# A pairing code is short enough to type, so guessing is bounded: this many wrong codes in a row
# and every open code is void.
PAIRING_MAX_FAILURES = 5
# No 0/O, 1/I/L: read off a screen and typed by hand.
PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PAIRING_LENGTH = 8


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _issue(session: Session, kind: str, secret: str, now: datetime, ttl: timedelta) -> str:
    session.execute(delete(AuthSecret).where(AuthSecret.expires_at <= now))
    session.add(AuthSecret(kind=kind, digest=digest(secret), created_at=now, expires_at=now + ttl))
    session.flush()
    return secret


def _live(session: Session, kind: str, secret: str, now: datetime) -> AuthSecret | None:
    if not secret or len(secret) > 200:
        return None
    row = session.scalars(
        select(AuthSecret).where(AuthSecret.kind == kind, AuthSecret.digest == digest(secret))
    ).first()
    return row if row is not None and row.expires_at > now else None


def issue_sign_in_key(session: Session, now: datetime) -> str:
    """A fresh one-time sign-in key (``topofmind open`` prints it in a link)."""
    return _issue(session, SIGN_IN, secrets.token_urlsafe(24), now, SIGN_IN_TTL)


def redeem_sign_in_key(session: Session, key: str, now: datetime) -> str | None:
    """Spend ``key`` and open a session: its id (for the cookie), or None when the key is
    unknown, used or expired."""
    row = _live(session, SIGN_IN, key, now)
    if row is None:
        return None
    session.delete(row)
    return _issue(session, SESSION, secrets.token_urlsafe(32), now, SESSION_TTL)


def session_is_open(session: Session, session_id: str | None, now: datetime) -> bool:
    return session_id is not None and _live(session, SESSION, session_id, now) is not None


def end_session(session: Session, session_id: str | None) -> None:
    if session_id:
        session.execute(
            delete(AuthSecret).where(
                AuthSecret.kind == SESSION, AuthSecret.digest == digest(session_id)
            )
        )


def end_all_sessions(session: Session) -> int:
    """Sign every dashboard out, and void open sign-in keys and pairing codes (token rotation)."""
    return rows_affected(session, delete(AuthSecret))


def issue_pairing_code(session: Session, now: datetime) -> str:
    """A code the user types into the extension's options page (``XXXX-XXXX``)."""
    raw = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_LENGTH))
    _issue(session, PAIRING, raw, now, PAIRING_TTL)
    return f"{raw[:4]}-{raw[4:]}"


def normalise_pairing_code(code: str) -> str:
    return "".join(ch for ch in str(code).upper() if ch.isalnum())


def redeem_pairing_code(session: Session, code: str, now: datetime) -> bool:
    """Spend ``code``; True when it was open. A wrong code counts against every open code."""
    row = _live(session, PAIRING, normalise_pairing_code(code), now)
    if row is not None:
        session.delete(row)
        session.flush()
        return True
    session.execute(
        update(AuthSecret)
        .where(AuthSecret.kind == PAIRING)
        .values(failures=AuthSecret.failures + 1)
    )
    session.execute(
        delete(AuthSecret).where(
            AuthSecret.kind == PAIRING, AuthSecret.failures >= PAIRING_MAX_FAILURES
        )
    )
    session.flush()
    return False
