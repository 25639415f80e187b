"""Server time of the dashboard's heaviest pages at 5,000 people (SQLite).

Builds a throw-away database through the services (people with tags, companies, degrees, a few
hundred opportunities, interactions over the past year, mutual connections), recomputes
cadence and suggestions, then times the contacts page (several sorts and filters) and person
pages with the Flask test client: p50 / p95 over ``--requests`` requests each.

    PYTHONPATH=server python3 scripts/bench_dashboard.py [--people 5000] [--requests 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from topofmind.app import create_app  # noqa: E402
from topofmind.services import interactions, opportunities, people  # noqa: E402
from topofmind.services.auth import issue_sign_in_key  # noqa: E402
from topofmind.services.unit_of_work import batch  # noqa: E402
from topofmind.store.models import MutualConnection  # noqa: E402

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
PORT = 8765
COMPANIES = [f"Company {n:03d}" for n in range(250)]
TAGS = ["hiring manager", "recruiter", "interviewer", "referrer", "peer", "alumni"]
FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dev",
    "Eitan",
    "Fatima",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kemi",
    "Lars",
    "Mina",
    "Nico",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sven",
    "Tara",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Raman",
    "Ortega",
    "Becker",
    "Liu",
    "Weber",
    "Marin",
    "Brandt",
    "Nakamura",
    "Silva",
    "Haddad",
    "Kowalski",
    "Novak",
    "Dubois",
    "Rossi",
]
KINDS = ["message", "comment", "reaction", "email", "call", "inbound_reply", "meeting"]


def build(app, count: int, rng: random.Random) -> list[int]:
    factory = app.extensions["topofmind"].session_factory
    ids: list[int] = []
    started = time.perf_counter()
    # One unit of work: everyone touched is recomputed once, when the batch ends.
    with factory.begin() as session, batch(session, NOW):
        for n in range(count):
            person = people.create_person(
                session,
                {
                    "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                    "profile_url": f"https://www.linkedin.com/in/bench-{n}/",
                    "headline": f"{rng.choice(['Engineer', 'Manager', 'Recruiter', 'Director'])} "
                    f"at {rng.choice(COMPANIES)}",
                    "company": rng.choice(COMPANIES),
                    "degree": rng.choice([1, 1, 2, 2, 3, None]),
                    "tags": rng.sample(TAGS, rng.randint(0, 2)),
                },
                NOW - timedelta(days=rng.randint(1, 700)),
            )
            ids.append(person.id)
            for _ in range(rng.randint(0, 8)):
                interactions.record_interaction(
                    session,
                    person.id,
                    {
                        "kind": rng.choice(KINDS),
                        "occurred_at": NOW - timedelta(hours=rng.randint(1, 365 * 24)),
                        "note": "Bench touch",
                    },
                    NOW,
                )
            for m in range(rng.randint(0, 3)):
                session.add(
                    MutualConnection(
                        person_id=person.id,
                        name=f"Mutual {n}-{m}",
                        name_key=f"mutual {n}-{m}",
                        seen_at=NOW,
                    )
                )
        for n in range(300):
            members = rng.sample(ids, 3)
            opportunity = opportunities.create_opportunity(
                session,
                {
                    "company": rng.choice(COMPANIES),
                    "title": f"Role {n}",
                    "stage": rng.choice(opportunities.STAGES),
                    "people": [
                        {"person_id": members[0], "role": "hiring_manager"},
                        {"person_id": members[1], "role": "recruiter"},
                    ],
                },
                NOW - timedelta(days=30),
            )
            if n % 3 == 0:
                start = NOW - timedelta(days=rng.randint(0, 20), hours=2)
                opportunities.create_interview(
                    session,
                    {
                        "opportunity_id": opportunity.id,
                        "starts_at": start,
                        "ends_at": start + timedelta(hours=1),
                        "interviewer_ids": [members[2]],
                        "topics": ["system design"],
                    },
                    NOW,
                )
        built = time.perf_counter()
    print(
        f"built {count} people in {built - started:.1f} s, "
        f"recomputed in {time.perf_counter() - built:.1f} s",
        file=sys.stderr,
    )
    return ids


def measure(client, path: str, requests: int) -> tuple[float, float]:
    client.get(path, base_url=f"http://127.0.0.1:{PORT}")  # warm caches and templates
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path, base_url=f"http://127.0.0.1:{PORT}")
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "DATA_DIR": Path(folder),
                "DATABASE_URL": f"sqlite:///{folder}/bench.db",
                "PORT": PORT,
                "TOKEN": "bench-token-0123456789",
                "SECRET_KEY": "bench",
                "CLOCK": lambda: NOW,
            }
        )
        ids = build(app, args.people, rng)
        client = app.test_client()
        with app.extensions["topofmind"].session_factory.begin() as session:
            key = issue_sign_in_key(session, NOW)
        client.post("/login", data={"key": key}, base_url=f"http://127.0.0.1:{PORT}")
        busiest = ids[len(ids) // 2]
        cases = [
            ("contacts, default (due)", "/contacts"),
            ("contacts, sort name", "/contacts?sort=name"),
            ("contacts, sort warmth", "/contacts?sort=warmth"),
            ("contacts, sort last touch", "/contacts?sort=last_touch"),
            ("contacts, middle page", f"/contacts?sort=name&page={max(1, args.people // 100)}"),
            ("contacts, 100 per page", "/contacts?per_page=100"),
            ("contacts, search 'okafor'", "/contacts?q=okafor"),
            ("contacts, status overdue", "/contacts?status=overdue"),
            ("contacts, tag + degree", "/contacts?tag=recruiter&degree=2"),
            ("contacts, stage interviewing", "/contacts?stage=interviewing"),
            ("contacts, company", "/contacts?company=company+042"),
            ("person page", f"/contacts/{busiest}"),
            ("today", "/"),
            ("pipeline (300 roles)", "/pipeline"),
        ]
        print(f"{'page':32} {'p50 ms':>8} {'p95 ms':>8}")
        for label, path in cases:
            p50, p95 = measure(client, path, args.requests)
            print(f"{label:32} {p50:8.1f} {p95:8.1f}")
        app.extensions["topofmind"].engine.dispose()


if __name__ == "__main__":
    main()
