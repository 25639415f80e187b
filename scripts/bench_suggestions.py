#!/usr/bin/env python3
"""Benchmark the cadence engine end to end (database → facts → engine → stored suggestions).

    PYTHONPATH=server python3 scripts/bench_suggestions.py [--people 5000] [--postgres URL]

Builds PEOPLE people with 10 posts and 10 interactions each (5,000 → 50,000 + 50,000), a few
hundred opportunities and interviews, then reports on each database: a full recompute (first
run, and a second one with nothing to change), one-person recompute p50/p95 over 30 people, and
the process's peak memory. Targets (issue 9): full < 2 s, one person < 20 ms, memory < 500 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from sqlalchemy import insert, text  # noqa: E402

from topofmind.services.suggestions import recompute  # noqa: E402
from topofmind.store import migrate  # noqa: E402
from topofmind.store.database import make_engine, make_session_factory  # noqa: E402
from topofmind.store.models import (  # noqa: E402
    Interaction,
    Interview,
    InterviewInterviewer,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
)

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
KINDS = ["comment", "reaction", "message", "email", "call", "thank_you", "inbound_reply"]
STAGES = ["interested", "applied", "screening", "interviewing", "offer", "rejected"]
CITIES = [
    "Berlin, Germany",
    "Greater Stockholm Metropolitan Area",
    "San Francisco Bay Area",
    "London, England, United Kingdom",
    "Singapore",
    None,
]


def populate(factory, people: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with factory.begin() as session:
        session.execute(
            insert(Person),
            [
                {
                    "id": i,
                    "name": f"Person {i}",
                    "name_key": f"person {i}",
                    "public_id": f"p-{i}",
                    "profile_url": f"https://www.linkedin.com/in/p-{i}/",
                    "degree": rng.choice([1, 2, 3]),
                    "location": rng.choice(CITIES),
                    "tags": [],
                    "do_not_contact": i % 97 == 0,
                    "tracked": True,
                    "source": "bench",
                    "company": f"Company {i % 400}",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in range(1, people + 1)
            ],
        )
        opportunities = max(1, people // 25)
        session.execute(
            insert(Opportunity),
            [
                {
                    "id": o,
                    "company": f"Company {o}",
                    "title": "Engineer",
                    "stage": rng.choice(STAGES),
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for o in range(1, opportunities + 1)
            ],
        )
        session.execute(
            insert(OpportunityPerson),
            [
                {
                    "opportunity_id": o,
                    "person_id": (o * 7 + k) % people + 1,
                    "role": "hiring_manager" if k == 0 else "interviewer",
                }
                for o in range(1, opportunities + 1)
                for k in range(3)
            ],
        )
        session.execute(
            insert(Interview),
            [
                {
                    "id": o,
                    "opportunity_id": o,
                    "starts_at": NOW - timedelta(days=o % 20, hours=2),
                    "ends_at": NOW - timedelta(days=o % 20, hours=1),
                    "kind": "video",
                    "topics": ["platform", "kafka"],
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for o in range(1, opportunities + 1)
            ],
        )
        session.execute(
            insert(InterviewInterviewer),
            [
                {"interview_id": o, "person_id": (o * 7 + 1) % people + 1, "topics": []}
                for o in range(1, opportunities + 1)
            ],
        )
        base_id = 6_900_000_000_000_000_000
        session.execute(
            insert(Post),
            [
                {
                    "urn": f"urn:li:activity:{base_id + n}",
                    "person_id": (n % people) + 1,
                    "author_name": "x",
                    "text": "Thoughts on platform engineering and kafka",
                    "posted_at": NOW - timedelta(hours=rng.randint(1, 24 * 60)),
                    "is_repost": False,
                    "first_seen_at": NOW - timedelta(hours=1),
                    "last_seen_at": NOW,
                }
                for n in range(people * 10)
            ],
        )
        session.execute(
            insert(Interaction),
            [
                {
                    "person_id": (n % people) + 1,
                    "kind": (kind := rng.choice(KINDS)),
                    "direction": "inbound" if kind == "inbound_reply" else "outbound",
                    "occurred_at": NOW - timedelta(hours=rng.randint(1, 24 * 200)),
                    "source": "bench",
                    "created_at": NOW,
                }
                for n in range(people * 10)
            ],
        )


def measure(url: str, people: int) -> dict:
    engine = make_engine(url)
    migrate.upgrade(engine)
    factory = make_session_factory(engine)
    started = time.perf_counter()
    populate(factory, people)
    load_s = time.perf_counter() - started

    def timed(person_ids=None):
        begin = time.perf_counter()
        with factory.begin() as session:
            result = recompute(session, NOW, person_ids)
        return time.perf_counter() - begin, result

    first, result = timed()
    second, _ = timed()
    singles = [timed([pid])[0] * 1000 for pid in range(1, people + 1, max(1, people // 30))]
    engine.dispose()
    return {
        "load_s": load_s,
        "first_s": first,
        "second_s": second,
        "created": result["created"],
        "one_p50_ms": statistics.median(singles),
        "one_p95_ms": sorted(singles)[int(len(singles) * 0.95) - 1],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(("SQLite", measure(f"sqlite:///{folder}/bench.db", args.people)))
    if not args.skip_postgres:
        schema = "bench_suggestions"
        admin = make_engine(args.postgres)
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            rows.append(
                (
                    "PostgreSQL",
                    measure(f"{args.postgres}?options=-csearch_path%3D{schema}", args.people),
                )
            )
        finally:
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            admin.dispose()
    print(f"{args.people} people, {args.people * 10} posts, {args.people * 10} interactions")
    print(
        f"{'database':<11} {'full (1st)':>10} {'full (2nd)':>10} {'created':>8} "
        f"{'one p50':>8} {'one p95':>8} {'peak RSS':>9}"
    )
    for name, r in rows:
        print(
            f"{name:<11} {r['first_s']:>9.2f}s {r['second_s']:>9.2f}s {r['created']:>8} "
            f"{r['one_p50_ms']:>6.1f}ms {r['one_p95_ms']:>6.1f}ms {r['peak_mb']:>7.0f}MB"
        )


if __name__ == "__main__":
    main()
