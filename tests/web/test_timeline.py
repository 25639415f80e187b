"""services.timeline: merged, newest first, bounded; touches per week."""

from datetime import timedelta

from topofmind.services.timeline import person_timeline, touches_per_week


def test_timeline_merges_sources_newest_first(seed, db_session, clock):
    with db_session() as session:
        entries = person_timeline(session, seed["dana"])
    kinds = [entry.kind for entry in entries]
    assert set(kinds) == {"post", "capture"}
    assert [entry.at for entry in entries] == sorted((e.at for e in entries), reverse=True)
    with db_session() as session:
        ravi = person_timeline(session, seed["ravi"])
    assert [entry.label for entry in ravi] == ["email", "call", "inbound_reply", "message"]
    assert ravi[2].direction == "inbound"


def test_timeline_is_bounded(seed, db_session, clock):
    from topofmind.services.interactions import record_interaction

    with db_session() as session:
        for day in range(30):
            record_interaction(
                session,
                seed["quiet"],
                {
                    "kind": "message",
                    "occurred_at": clock() - timedelta(days=day, hours=1),
                },
                clock(),
            )
    with db_session() as session:
        entries = person_timeline(session, seed["quiet"], limit=10)
    assert len(entries) == 10
    assert entries[0].at == clock() - timedelta(hours=1)


def test_touches_per_week_buckets_by_direction(seed, db_session, clock):
    with db_session() as session:
        weeks = touches_per_week(session, seed["ravi"], clock())
    assert len(weeks) == 26
    assert sum(week.outbound for week in weeks) == 3
    assert sum(week.inbound for week in weeks) == 1
    assert weeks[-1].outbound == 1  # the email 3 days ago
    assert weeks[0].week_start < weeks[-1].week_start
