"""A realistic, fictional data set so a newcomer sees the product working on the first run.

Every person, company and post here is invented. Times are relative to ``now`` so the demo always
shows a live mix: a thank-you due today, a fresh post to comment on, a check-in, an inbound
request, an introduction to ask for, an event follow-up and a contact to keep warm.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from ..store.models import (
    Connection,
    Interaction,
    Interview,
    InterviewInterviewer,
    MutualConnection,
    Opportunity,
    OpportunityPerson,
    Person,
    Post,
    PostView,
    ShareItem,
)
from .people import name_key
from .rows import rows_affected
from .settings import get_settings, update_settings
from .unit_of_work import touch_everyone, unit_of_work

DEMO_USER_NAME = "Alex Rivera"
# The demo's share items, recognised by these (invented) addresses when the demo is removed.
DEMO_SHARE_URLS = (
    "https://blog.example.org/kafka-consumer-lag-alerts",
    "https://alex-rivera.example.com/paved-road",
)

PEOPLE = [
    # key, name, headline, title, company, location, degree, tags
    (
        "priya",
        "Priya Raman",
        "Head of Platform at Northwind Robotics · building boring, reliable infrastructure",
        "Head of Platform",
        "Northwind Robotics",
        "Berlin, Germany",
        2,
        ["hiring manager"],
    ),
    (
        "tomas",
        "Tomás Ortega",
        "Senior SRE at Northwind Robotics",
        "Senior Site Reliability Engineer",
        "Northwind Robotics",
        "Madrid, Community of Madrid, Spain",
        3,
        ["interviewer"],
    ),
    (
        "hannah",
        "Hannah Becker",
        "Technical Recruiter at Northwind Robotics",
        "Technical Recruiter",
        "Northwind Robotics",
        "Hamburg, Germany",
        1,
        ["recruiter"],
    ),
    (
        "daniel",
        "Daniel Okafor",
        "Engineering Director, Data at Lumen Health",
        "Engineering Director",
        "Lumen Health",
        "London, England, United Kingdom",
        2,
        ["hiring manager"],
    ),
    (
        "marcus",
        "Marcus Lindqvist",
        "VP Engineering at Brightwave Analytics",
        "VP Engineering",
        "Brightwave Analytics",
        "Greater Stockholm Metropolitan Area",
        2,
        ["hiring manager"],
    ),
    (
        "grace",
        "Grace Liu",
        "Engineering Manager at Harbor & Pine · developer experience, team health",
        "Engineering Manager",
        "Harbor & Pine",
        "San Francisco Bay Area",
        3,
        ["hiring manager"],
    ),
    (
        "olivia",
        "Olivia Brandt",
        "CTO at Quanta Labs",
        "CTO",
        "Quanta Labs",
        "Amsterdam, North Holland, Netherlands",
        1,
        ["hiring manager"],
    ),
    (
        "jonas",
        "Jonas Weber",
        "Staff Engineer at Ferrous Systems Group · Rust, embedded, talks",
        "Staff Engineer",
        "Ferrous Systems Group",
        "Berlin, Germany",
        2,
        [],
    ),
    (
        "sofia",
        "Sofia Marin",
        "Product Lead at Lumen Health",
        "Product Lead",
        "Lumen Health",
        "London, England, United Kingdom",
        1,
        ["referrer"],
    ),
]

CONNECTIONS = [
    # name, company, position, connected years ago, messages sent, received, last message days ago
    ("Sofia Marin", "Lumen Health", "Product Lead", 6, 14, 12, 21),
    ("Wei Chen", "Lumen Health", "Data Engineer", 2, 2, 1, 200),
    ("Hannah Becker", "Northwind Robotics", "Technical Recruiter", 0, 3, 4, 1),
    ("Olivia Brandt", "Quanta Labs", "CTO", 1, 6, 5, 75),
    ("Leah Goldberg", "Brightwave Analytics", "Staff Data Engineer", 4, 5, 6, 60),
    ("Ravi Shah", "Acme Cloud", "Engineering Manager", 5, 1, 0, 400),
    ("Emma Nilsson", "Spotless", "Backend Engineer", 3, 0, 0, None),
    ("Lukas Hoffmann", "Northwind Robotics", "Robotics Engineer", 2, 2, 2, 150),
]


# The demo's user; drafts to anyone outside the demo never sign with it.
DEMO_USER_NAME = "Alex Rivera"


def load_demo_if_empty(session: Session, now: datetime) -> bool:
    """Load the demo set unless people are already stored. Returns whether it loaded."""
    if session.scalar(select(func.count()).select_from(Person)):
        return False
    load_demo(session, now)
    return True


#: Addresses the user would have from scheduling and interviews (reserved .example domains):
#: suggestions to these people go by email, the rest by LinkedIn or a connection note.
EMAILS = {
    "priya": "priya.raman@northwind.example",
    "tomas": "tomas.ortega@northwind.example",
    "hannah": "hannah.becker@northwind.example",
    "marcus": "marcus.lindqvist@brightwave.example",
}


@unit_of_work
def load_demo(session: Session, now: datetime) -> dict[str, int]:
    """Add the demo people, opportunities, interviews, posts and interactions; everyone's
    suggestions are computed when it returns. Returns ``{"people": n}``."""
    update_settings(session, {"user_name": DEMO_USER_NAME, "user_time_zone": "Europe/Berlin"}, now)
    people = {}
    for key, name, headline, title, company, location, degree, tags in PEOPLE:
        slug = name_key(name).replace(" ", "-").replace("á", "a") + "-demo"
        person = Person(
            name=name,
            name_key=name_key(name),
            headline=headline,
            title=title,
            company=company,
            location=location,
            degree=degree,
            tags=tags,
            public_id=slug,
            profile_url=f"https://www.linkedin.com/in/{slug}/",
            email=EMAILS.get(key),
            source="demo",
            followers=300 + 97 * len(name),
            created_at=now - timedelta(days=40),
            updated_at=now - timedelta(days=1),
        )
        session.add(person)
        people[key] = person
    session.flush()

    def touch(
        key: str,
        kind: str,
        days_ago: float,
        note: str | None = None,
        direction: str = "outbound",
        opportunity: Opportunity | None = None,
        urn: str | None = None,
    ) -> None:
        session.add(
            Interaction(
                person_id=people[key].id,
                kind=kind,
                direction=direction,
                occurred_at=now - timedelta(days=days_ago),
                note=note,
                post_urn=urn,
                opportunity_id=opportunity.id if opportunity else None,
                source="demo",
                created_at=now - timedelta(days=days_ago),
            )
        )

    def opportunity(
        company: str,
        title: str,
        stage: str,
        members: list[tuple[str, str]],
        days_ago: float,
        decision: date | None = None,
        notes: str | None = None,
    ) -> Opportunity:
        item = Opportunity(
            company=company,
            title=title,
            stage=stage,
            notes=notes,
            decision_expected_on=decision,
            created_at=now - timedelta(days=days_ago),
            updated_at=now - timedelta(days=1),
            job_url=f"https://careers.example.com/{company.split()[0].lower()}",
        )
        item.people = [OpportunityPerson(person_id=people[k].id, role=role) for k, role in members]
        session.add(item)
        session.flush()
        return item

    today = now.date()
    northwind = opportunity(
        "Northwind Robotics",
        "Staff Platform Engineer",
        "interviewing",
        [("priya", "hiring_manager"), ("tomas", "interviewer"), ("hannah", "recruiter")],
        30,
        decision=today + timedelta(days=6),
        notes="Priya said they would decide within a week of the final round.",
    )
    opportunity(
        "Lumen Health", "Senior Backend Engineer", "applied", [("daniel", "hiring_manager")], 12
    )
    brightwave = opportunity(
        "Brightwave Analytics",
        "Data Platform Lead",
        "interviewing",
        [("marcus", "hiring_manager")],
        45,
        decision=today - timedelta(days=3),
    )
    opportunity(
        "Harbor & Pine",
        "Engineering Manager, Developer Experience",
        "interested",
        [("grace", "hiring_manager")],
        3,
    )
    quanta = opportunity(
        "Quanta Labs", "Principal Engineer", "rejected", [("olivia", "hiring_manager")], 120
    )
    quanta.closed_at = now - timedelta(days=70)

    # Yesterday's final round at Northwind, ended about 20 hours ago.
    ended = now - timedelta(hours=20)
    final = Interview(
        opportunity_id=northwind.id,
        starts_at=ended - timedelta(hours=2),
        ends_at=ended,
        kind="onsite",
        topics=["platform roadmap", "Kubernetes migration", "on-call load"],
        notes="Both want fewer pages at night and one paved road that every product team can use.",
        created_at=now - timedelta(days=7),
        updated_at=now - timedelta(days=1),
    )
    final.interviewers = [
        InterviewInterviewer(
            person_id=people["priya"].id,
            topics=["paved-road platform for 40 product teams", "growing the team from 6 to 10"],
        ),
        InterviewInterviewer(
            person_id=people["tomas"].id,
            topics=["Kafka consumer lag alerts", "a calmer on-call rotation"],
        ),
    ]
    session.add(final)
    earlier = Interview(
        opportunity_id=northwind.id,
        starts_at=now - timedelta(days=9, hours=3),
        ends_at=now - timedelta(days=9, hours=2),
        kind="video",
        topics=["system design", "incident reviews"],
        created_at=now - timedelta(days=12),
        updated_at=now - timedelta(days=9),
    )
    earlier.interviewers = [
        InterviewInterviewer(person_id=people["priya"].id, topics=["incident review culture"])
    ]
    session.add(earlier)
    # Brightwave: last interview 12 days ago, promised decision 3 days ago, no word since.
    bw = Interview(
        opportunity_id=brightwave.id,
        starts_at=now - timedelta(days=12, hours=2),
        ends_at=now - timedelta(days=12, hours=1),
        kind="video",
        topics=["lakehouse migration", "dbt at scale"],
        created_at=now - timedelta(days=14),
        updated_at=now - timedelta(days=12),
    )
    bw.interviewers = [
        InterviewInterviewer(person_id=people["marcus"].id, topics=["lakehouse migration"])
    ]
    session.add(bw)

    touch(
        "priya",
        "thank_you",
        8.8,
        "Thanked Priya for the system design round.",
        opportunity=northwind,
    )
    touch(
        "priya",
        "inbound_reply",
        8,
        "Priya: 'Glad you enjoyed it — final round next week.'",
        direction="inbound",
        opportunity=northwind,
    )
    touch("hannah", "message", 3, "Confirmed the onsite schedule.", opportunity=northwind)
    touch(
        "hannah",
        "inbound_request",
        0.8,
        "Could you send me two references by Friday?",
        direction="inbound",
        opportunity=northwind,
    )
    touch(
        "marcus",
        "thank_you",
        11.5,
        "Thanked Marcus for the lakehouse discussion.",
        opportunity=brightwave,
    )
    touch("olivia", "message", 70, "Thanked Olivia for the feedback after the decision.")
    touch("olivia", "inbound_reply", 69, "Olivia: 'Let's stay in touch.'", direction="inbound")
    touch("sofia", "message", 21, "Caught up about her move to Lumen Health.")
    touch("sofia", "inbound_reply", 20, direction="inbound")
    touch(
        "jonas",
        "event",
        1,
        "Met at the Berlin Platform Engineering Meetup; talked about Rust for control planes.",
    )
    touch("daniel", "reaction", 9, "Liked his post on data contracts.")

    def post(key: str, hours_ago: int, text: str, reactions: int, comments: int) -> None:
        activity_id = (int((now - timedelta(hours=hours_ago)).timestamp() * 1000) << 22) + 4242
        urn = f"urn:li:activity:{activity_id}"
        item = Post(
            urn=urn,
            url=f"https://www.linkedin.com/feed/update/{urn}/",
            person_id=people[key].id,
            author_name=people[key].name,
            author_url=people[key].profile_url,
            text=text,
            relative_time=f"{hours_ago}h" if hours_ago < 24 else f"{hours_ago // 24}d",
            posted_at=now - timedelta(hours=hours_ago),
            reactions=reactions,
            comments=comments,
            reposts=0,
            first_seen_at=now - timedelta(hours=max(hours_ago - 1, 0)),
            last_seen_at=now - timedelta(hours=max(hours_ago - 1, 0)),
        )
        session.add(item)
        session.flush()
        session.add(PostView(post_id=item.id, seen_at=item.first_seen_at, dwell_ms=9000))

    post(
        "grace",
        5,
        "Developer experience is a product. This quarter we stopped measuring "
        "tickets closed and started measuring time-to-first-deploy for new hires: 9 days → 2.",
        212,
        31,
    )
    post(
        "priya",
        30,
        "Our platform roadmap for 2027 in one sentence: paved roads, not gates. "
        "Hiring two platform engineers to help build it.",
        480,
        52,
    )
    post("marcus", 96, "What we learned moving 3 PB into a lakehouse without a freeze.", 150, 12)
    post("daniel", 200, "Data contracts saved our on-call. A short thread.", 90, 8)

    session.add_all(
        [
            ShareItem(
                title="Taming Kafka consumer lag: alerts that page only when users notice",
                url=DEMO_SHARE_URLS[0],
                kind="article",
                topics=["kafka", "consumer lag", "alerting", "on-call"],
                note="Directly about what Tomás raised in the final round.",
                created_at=now - timedelta(days=2),
                updated_at=now - timedelta(days=2),
            ),
            ShareItem(
                title="My write-up: a paved-road platform for 40 teams",
                url=DEMO_SHARE_URLS[1],
                kind="own_post",
                topics=["platform", "paved road", "developer experience"],
                created_at=now - timedelta(days=5),
                updated_at=now - timedelta(days=5),
            ),
        ]
    )

    for name, company, position, years, sent, received, last_days in CONNECTIONS:
        key = name_key(name)
        tracked = next((p for p in people.values() if p.name_key == key), None)
        slug = key.replace(" ", "-") + "-demo"
        last = now - timedelta(days=last_days) if last_days is not None else None
        session.add(
            Connection(
                identity_key=f"https://www.linkedin.com/in/{slug}/",
                name=name,
                name_key=key,
                profile_url=f"https://www.linkedin.com/in/{slug}/",
                public_id=slug,
                company=company,
                position=position,
                person_id=tracked.id if tracked else None,
                connected_on=date(today.year - years, 3, 15)
                if years
                else today - timedelta(days=20),
                messages_sent=sent,
                messages_received=received,
                last_sent_at=last,
                last_received_at=last + timedelta(hours=5) if last and received else None,
                reply_rate=round(received / sent, 2) if sent else None,
                source="demo",
                created_at=now,
                updated_at=now,
            )
        )
    session.flush()
    for target, names in (
        ("daniel", ["Sofia Marin", "Wei Chen"]),
        ("marcus", ["Leah Goldberg"]),
        ("priya", ["Hannah Becker", "Lukas Hoffmann"]),
    ):
        for mutual_name in names:
            connection = session.scalars(
                select(Connection).where(Connection.name_key == name_key(mutual_name))
            ).first()
            mutual_person = next((p for p in people.values() if p.name == mutual_name), None)
            session.add(
                MutualConnection(
                    person_id=people[target].id,
                    name=mutual_name,
                    name_key=name_key(mutual_name),
                    connection_id=connection.id if connection else None,
                    mutual_person_id=mutual_person.id if mutual_person else None,
                    profile_url=connection.profile_url if connection else None,
                    seen_on=people[target].profile_url,
                    seen_at=now - timedelta(days=2),
                )
            )
        people[target].mutual_count = len(names)
    session.flush()
    touch_everyone(session)
    return {"people": len(people)}


def demo_present(session: Session) -> bool:
    """Whether any demo data is stored (people or connections the demo added)."""
    return bool(
        session.scalar(select(exists().where(Person.source == "demo")))
        or session.scalar(select(exists().where(Connection.source == "demo")))
    )


@unit_of_work
def remove_demo(session: Session, now: datetime) -> dict[str, int]:
    """Delete what the demo added and nothing else: its people (with their interactions, posts,
    suggestions, interviews seats), its connections, the opportunities only demo people are on,
    its share items; the demo's user name is cleared so the first-run question comes back.
    Returns counts. Real people, real connections and real opportunities stay as they are.
    """
    demo_people = select(Person.id).where(Person.source == "demo")
    real_links = select(OpportunityPerson.opportunity_id).where(
        OpportunityPerson.person_id.not_in(demo_people)
    )
    opportunities = list(
        session.scalars(
            select(OpportunityPerson.opportunity_id)
            .where(
                OpportunityPerson.person_id.in_(demo_people),
                OpportunityPerson.opportunity_id.not_in(real_links),
            )
            .distinct()
        )
    )
    removed = {
        "opportunities": rows_affected(
            session, delete(Opportunity).where(Opportunity.id.in_(opportunities))
        )
        if opportunities
        else 0,
        "connections": rows_affected(
            session, delete(Connection).where(Connection.source == "demo")
        ),
        "share_items": rows_affected(
            session, delete(ShareItem).where(ShareItem.url.in_(DEMO_SHARE_URLS))
        ),
        "people": rows_affected(session, delete(Person).where(Person.source == "demo")),
    }
    if get_settings(session)["user_name"] == DEMO_USER_NAME:
        update_settings(session, {"user_name": ""}, now)
    session.expire_all()
    touch_everyone(session)
    return removed
