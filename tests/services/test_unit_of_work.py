"""The unit of work (services/unit_of_work.py): writes recompute the people they touched once,
when the outermost write returns; a write that fails forgets what it touched."""

from __future__ import annotations

from datetime import datetime

import pytest

from topofmind.errors import Conflict
from topofmind.services import interactions, people
from topofmind.services.unit_of_work import batch, touch, unit_of_work
from topofmind.services.views import person_view
from topofmind.store.models import CadenceSnapshot


@pytest.fixture
def session(app):
    with app.extensions["topofmind"].session_factory() as session:
        yield session
        session.rollback()


def _figures(session, person_id):
    return session.get(CadenceSnapshot, person_id)


def test_a_write_recomputes_the_person_before_it_returns(session, clock):
    person = people.create_person(session, {"name": "Ada Recompute"}, clock())
    assert _figures(session, person.id) is not None
    assert person_view(session, person, clock())["cadence"]["status"] == "no_contact"
    interactions.record_interaction(session, person.id, {"kind": "message"}, clock())
    session.expire_all()
    assert _figures(session, person.id).last_touch_at == clock()


def test_nested_writes_recompute_once_when_the_outermost_returns(session, clock):
    with batch(session, clock()):
        first = people.create_person(session, {"name": "Ben Batch"}, clock())
        second = people.create_person(session, {"name": "Cy Batch"}, clock())
        assert _figures(session, first.id) is None and _figures(session, second.id) is None
    assert _figures(session, first.id) is not None and _figures(session, second.id) is not None


def test_a_write_that_fails_forgets_what_it_touched(session, clock):
    @unit_of_work
    def create_then_fail(session, now: datetime) -> None:
        created.append(people.create_person(session, {"name": "Dee Failed"}, now))
        raise Conflict("the caller rolls this back")

    created: list = []
    with batch(session, clock()):
        kept = people.create_person(session, {"name": "Dee Kept"}, clock())
        with pytest.raises(Conflict):
            create_then_fail(session, clock())
    assert _figures(session, kept.id) is not None
    assert _figures(session, created[0].id) is None


def test_touch_outside_a_unit_of_work_is_refused(session):
    with pytest.raises(RuntimeError, match="outside a unit of work"):
        touch(session, [1])


def test_a_unit_of_work_needs_a_clock_argument():
    def no_clock(session) -> None:
        return None

    with pytest.raises(TypeError, match="'now'"):
        unit_of_work(no_clock)

    @unit_of_work
    def with_clock(session, now: datetime) -> datetime:
        return now

    assert with_clock.__name__ == "with_clock"
