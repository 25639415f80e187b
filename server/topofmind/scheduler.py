"""Background jobs (APScheduler 3), started by ``topofmind serve`` — never by ``create_app``.

Each job opens its own transaction and calls the same services as the API. A lease row in
``job_lock`` makes sure two server processes on the same database never run a job at once: the
second one finds the lease held and skips that turn.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, cast

from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask
from sqlalchemy import CursorResult, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from .store.models import JobLock

log = logging.getLogger(__name__)

RECOMPUTE_MINUTES = 15
OWNER = f"{socket.gethostname()}:{os.getpid()}"


def acquire_lease(
    factory: sessionmaker[Session], name: str, now: datetime, ttl: timedelta, owner: str = OWNER
) -> bool:
    """Take the named lease if it is free or expired. Returns whether this process holds it."""
    with factory.begin() as session:
        result = session.execute(
            update(JobLock)
            .where(JobLock.name == name, or_(JobLock.expires_at <= now, JobLock.owner == owner))
            .values(owner=owner, expires_at=now + ttl)
        )
        taken = cast(CursorResult[Any], result).rowcount
        if taken:
            return True
        if session.get(JobLock, name) is not None:
            return False
    try:
        with factory.begin() as session:
            session.add(JobLock(name=name, owner=owner, expires_at=now + ttl))
        return True
    except IntegrityError:
        return False  # another process created it first


def release_lease(
    factory: sessionmaker[Session], name: str, now: datetime, owner: str = OWNER
) -> None:
    with factory.begin() as session:
        session.execute(
            update(JobLock)
            .where(JobLock.name == name, JobLock.owner == owner)
            .values(expires_at=now, last_run_at=now)
        )


def run_exclusive(
    app: Flask,
    name: str,
    work: Callable[[Session, datetime], object],
    ttl: timedelta = timedelta(minutes=10),
) -> bool:
    """Run ``work(session, now)`` in one transaction if this process gets the lease."""
    state = app.extensions["topofmind"]
    now = state.clock()
    if not acquire_lease(state.session_factory, name, now, ttl):
        log.info("job %s skipped: another process holds the lease", name)
        return False
    try:
        with state.session_factory.begin() as session:
            result = work(session, now)
        log.info("job %s done: %s", name, result)
        return True
    except Exception:
        log.exception("job %s failed", name)
        return False
    finally:
        release_lease(state.session_factory, name, state.clock())


def recompute_job(session: Session, now: datetime) -> dict[str, int]:
    from .services.suggestions import recompute, wake_snoozed

    wake_snoozed(session, now)
    return recompute(session, now)


def prune_job(session: Session, now: datetime) -> int:
    from .services.captures import prune_captures
    from .services.settings import get_settings

    return prune_captures(session, now, get_settings(session)["capture_retention_days"])


def digest_job(session: Session, now: datetime) -> int:
    """Prepare the day's digest (recompute first so it reflects the morning's facts)."""
    from .services.suggestions import digest

    recompute_job(session, now)
    due: int = digest(session, now)["due_today_count"]
    return due


def start_scheduler(app: Flask) -> BackgroundScheduler:
    """Start the background jobs for ``app``; returns the running scheduler."""
    from .services.settings import get_settings

    state = app.extensions["topofmind"]
    with state.session_factory() as session:
        settings = get_settings(session)
    scheduler = BackgroundScheduler(timezone=settings["user_time_zone"] or "UTC")
    scheduler.add_job(
        run_exclusive,
        "interval",
        minutes=RECOMPUTE_MINUTES,
        args=[app, "recompute", recompute_job],
        id="recompute",
        next_run_time=datetime.now().astimezone(),
        coalesce=True,
        max_instances=1,
    )
    scheduler.add_job(
        run_exclusive,
        "cron",
        hour=settings["digest_hour"],
        minute=0,
        args=[app, "digest", digest_job],
        id="digest",
        coalesce=True,
        max_instances=1,
    )
    scheduler.add_job(
        run_exclusive,
        "cron",
        hour=3,
        minute=30,
        args=[app, "prune-captures", prune_job],
        id="prune-captures",
        coalesce=True,
        max_instances=1,
    )
    scheduler.start()
    return scheduler
