"""The unit of work: what a write implies happens inside the services, once (docs/architecture.md).

A write that concerns people — a capture, an interaction, an interview, an opportunity or share
item change, a merge, an import, cadence settings — changes the facts their suggestions are drawn
from. The service that writes marks those people with ``touch`` (or ``touch_everyone``); when the
outermost ``@unit_of_work`` call returns, their suggestions and cadence figures are recomputed
once (``services.suggestions.recompute``) before the caller reads anything back. So no HTTP handler,
dashboard route, job or CLI command calls recompute after a write, and a new one cannot forget to.

Nested units (``mark_done`` logging an interaction, a capture creating a person) recompute only
when the outermost returns; a unit that raises forgets what it touched (its changes are rolled
back by the caller). ``batch`` groups many writes (seeding, benchmarks) into one recompute.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import ParamSpec, TypeVar

from sqlalchemy.orm import Session

P = ParamSpec("P")
R = TypeVar("R")

_KEY = "topofmind.unit_of_work"


@dataclass
class _Work:
    """What the session's open unit of work has touched so far."""

    depth: int = 0
    people: set[int] = field(default_factory=set)
    everyone: bool = False


def _work(session: Session) -> _Work:
    work = session.info.get(_KEY)
    if work is None:
        work = session.info[_KEY] = _Work()
    return work


def touch(session: Session, person_ids: Iterable[int | None]) -> None:
    """Mark ``person_ids`` (Nones ignored) for recomputing when the unit of work ends.

    Raises ``RuntimeError`` outside a unit of work: a service that writes must be decorated.
    """
    work = _open_work(session)
    work.people.update(person_id for person_id in person_ids if person_id)


def touch_everyone(session: Session) -> None:
    """Recompute everyone when the unit of work ends (settings, forgetting a person)."""
    _open_work(session).everyone = True


def _open_work(session: Session) -> _Work:
    work = _work(session)
    if work.depth == 0:
        raise RuntimeError("touch() outside a unit of work: decorate the service @unit_of_work")
    return work


@contextmanager
def batch(session: Session, now: datetime) -> Iterator[None]:
    """Run many writes as one unit of work: whoever they touch is recomputed once, at the end."""
    work = _work(session)
    saved = (set(work.people), work.everyone)
    work.depth += 1
    try:
        yield
    except BaseException:
        work.people, work.everyone = saved
        raise
    finally:
        work.depth -= 1
    if work.depth == 0:
        _settle(session, work, now)


def unit_of_work(service: Callable[P, R]) -> Callable[P, R]:
    """Decorate a service that writes: ``service(session, …, now, …)``.

    When the outermost decorated call returns, the people it touched are recomputed as of its
    ``now`` argument (every decorated service takes the session first and a ``now``).
    """
    signature = inspect.signature(service)
    if "now" not in signature.parameters:
        raise TypeError(f"{service.__qualname__} needs a 'now' parameter to be a unit of work")

    @functools.wraps(service)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        arguments = signature.bind(*args, **kwargs).arguments
        session: Session = next(iter(arguments.values()))
        with batch(session, arguments["now"]):
            return service(*args, **kwargs)

    return run


def _settle(session: Session, work: _Work, now: datetime) -> None:
    from .suggestions import recompute

    people, everyone = work.people, work.everyone
    work.people, work.everyone = set(), False
    if everyone:
        recompute(session, now)
    elif people:
        recompute(session, now, sorted(people))
