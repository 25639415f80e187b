"""Time the pure cadence engine on a large synthetic network (no database).

    PYTHONPATH=server python scripts/bench_suggestions_domain.py [--people 5000]

Builds 5,000 people, 50,000 posts and 50,000 interactions (plus opportunities, interviews,
connections, mutuals and share items), then times building `Facts`, a full `suggest`, and
`suggest_for_person` / `cadence_for` for one person, in CPU time (the machine may be
shared). Prints the numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, date, datetime, timedelta

from topofmind.domain.engine import cadence_for, suggest, suggest_for_person
from topofmind.domain.facts import (
    FactConnection,
    FactInteraction,
    FactInterview,
    FactMutual,
    FactOpportunity,
    FactPerson,
    FactPost,
    Facts,
    FactShareItem,
)
from topofmind.domain.settings import CadenceSettings

LOCATIONS = [
    "Greater Stockholm Metropolitan Area",
    "San Francisco Bay Area",
    "Palo Alto, California, United States",
    "Singapore",
    "London Area, United Kingdom",
    "Berlin, Germany",
    "New York City Metropolitan Area",
    "Bengaluru, Karnataka, India",
    None,
]
TOPICS = ["platform migration", "developer experience", "hiring", "observability", "rust", "ai"]
STAGES = ["interested", "applied", "screening", "interviewing", "offer", "rejected", "hired"]
KINDS = ["comment", "reaction", "message", "email", "call", "thank_you", "inbound_reply", "event"]


def build(people_count: int, now: datetime, rng: random.Random) -> dict:
    posts_per_person = 10
    interactions_per_person = 10
    people = [
        FactPerson(
            id=i,
            name=f"Person {i} Example",
            degree=rng.choice([1, 2, 3, None]),
            location=rng.choice(LOCATIONS),
            company=f"Company {i % 300}",
            profile_url=f"https://www.linkedin.com/in/person-{i}/",
            headline=f"Engineering manager, {rng.choice(TOPICS)}",
        )
        for i in range(1, people_count + 1)
    ]
    opportunities = []
    interviews = []
    for o in range(1, people_count // 10 + 1):
        members = rng.sample(range(1, people_count + 1), 3)
        opportunities.append(
            FactOpportunity(
                id=o,
                company=f"Company {o % 300}",
                title=f"Role {o}",
                stage=rng.choice(STAGES),
                decision_expected_on=rng.choice(
                    [None, (now + timedelta(days=rng.randint(-10, 10))).date()]
                ),
                people=(
                    (members[0], "hiring_manager"),
                    (members[1], "recruiter"),
                    (members[2], "interviewer"),
                ),
            )
        )
        start = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23))
        interviews.append(
            FactInterview(
                o,
                o,
                start,
                start + timedelta(hours=1),
                "video",
                (members[0], members[2]),
                (rng.choice(TOPICS),),
            )
        )
    posts = []
    interactions = []
    for person in people:
        for k in range(posts_per_person):
            posted = now - timedelta(hours=rng.randint(1, 24 * 60))
            posts.append(
                FactPost(
                    id=len(posts) + 1,
                    urn=f"urn:li:activity:{person.id}{k:03d}",
                    person_id=person.id,
                    posted_at=posted,
                    text=f"Post {k} by {person.id}: on {rng.choice(TOPICS)} and what we learned",
                    first_seen_at=posted + timedelta(hours=1) if rng.random() < 0.5 else None,
                )
            )
        for _ in range(interactions_per_person):
            kind = rng.choice(KINDS)
            interactions.append(
                FactInteraction(
                    id=len(interactions) + 1,
                    person_id=person.id,
                    kind=kind,
                    direction="inbound" if kind.startswith("inbound") else "outbound",
                    occurred_at=now - timedelta(hours=rng.randint(1, 24 * 120)),
                )
            )
    connections = [
        FactConnection(
            i,
            i,
            f"Person {i} Example",
            f"https://www.linkedin.com/in/person-{i}/",
            f"Company {i % 300}",
            date(2020, 1, 1),
            None,
        )
        for i in range(1, people_count + 1, 2)
    ]
    mutuals = [
        FactMutual(p, m, f"Person {m} Example", f"https://www.linkedin.com/in/person-{m}/")
        for p in range(2, people_count + 1, 2)
        for m in rng.sample(range(1, people_count + 1, 2), 2)
    ]
    share_items = [
        FactShareItem(i, f"https://example.com/{i}", f"Article {i}", (rng.choice(TOPICS),))
        for i in range(1, 31)
    ]
    return dict(
        people=people,
        opportunities=opportunities,
        interviews=interviews,
        posts=posts,
        interactions=interactions,
        connections=connections,
        mutuals=mutuals,
        share_items=share_items,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    now = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
    raw = build(args.people, now, random.Random(7))
    settings = CadenceSettings()

    started = time.process_time()
    facts = Facts(**raw)
    built = time.process_time() - started

    started = time.process_time()
    everyone = suggest(facts, now, settings)
    full = time.process_time() - started

    started = time.process_time()
    for person in facts.people:
        suggest_for_person(facts, person.id, now, settings)
        cadence_for(facts, person.id, now, settings)
    per_person_loop = time.process_time() - started

    started = time.process_time()
    for person_id in range(1, 101):
        suggest_for_person(facts, person_id, now, settings)
    one = (time.process_time() - started) / 100

    started = time.process_time()
    for person_id in range(1, 101):
        cadence_for(facts, person_id, now, settings)
    figures = (time.process_time() - started) / 100

    print(
        f"people={len(raw['people'])} posts={len(raw['posts'])} "
        f"interactions={len(raw['interactions'])}"
    )
    print(f"build Facts: {built * 1000:.0f} ms")
    print(f"suggest (everyone): {full * 1000:.0f} ms, {len(everyone)} suggestions")
    print(f"suggest_for_person + cadence_for for everyone: {per_person_loop * 1000:.0f} ms")
    print(f"suggest_for_person: {one * 1000:.2f} ms per person")
    print(f"cadence_for: {figures * 1000:.2f} ms per person")


if __name__ == "__main__":
    main()
