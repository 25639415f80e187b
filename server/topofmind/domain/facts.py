"""The facts the cadence engine reasons about: frozen mirrors of the stored model.

The services load rows, map them to these dataclasses and build one `Facts`; the engine never
touches the database. `Facts` builds its per-person indexes once, so recomputing one person is a
few dictionary look-ups, and a full recompute is linear in the number of facts.

Every datetime must be time-zone aware; `Facts` raises `ValueError` on a naive one, because a
naive time from SQLite would silently shift every timer by the user's UTC offset.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from ..linkedin.names import name_key as normalise_name  # the one name key
from ..linkedin.urls import profile_key as normalise_profile_url

#: Stages of a search still in progress; the one definition every layer imports.
STAGES_OPEN = ("interested", "applied", "screening", "interviewing", "offer")
STAGES_CLOSED = ("hired", "rejected", "withdrawn")
#: Closed stages that end one process but not the search (a hire ends the search).
STAGES_LOST = ("rejected", "withdrawn")
ROLES = ("hiring_manager", "recruiter", "interviewer", "referrer", "other")
INTERACTION_KINDS = (
    "comment",
    "reaction",
    "share",
    "message",
    "email",
    "call",
    "thank_you",
    "check_in",
    "meeting",
    "event",
    "intro_request",
    "connection_request",
    "referral",
    "document_sent",
    "inbound_reply",
    "inbound_request",
)
DIRECTIONS = ("outbound", "inbound")


@dataclass(frozen=True, slots=True)
class FactPerson:
    """A tracked person. `time_zone` is the user's explicit override (IANA name) or None;
    `email` is an address the user recorded (None: no email channel)."""

    id: int
    name: str
    degree: int | None = None
    location: str | None = None
    time_zone: str | None = None
    tags: tuple[str, ...] = ()
    do_not_contact: bool = False
    company: str | None = None
    public_id: str | None = None
    profile_url: str | None = None
    headline: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class FactOpportunity:
    """A role with its stage and the people on it as ``(person_id, role)`` pairs; ``topics``
    are what its posting is about (saved from a LinkedIn job posting, else empty);
    ``closed_at`` is when it reached a closed stage (None while open or when not recorded)."""

    id: int
    company: str
    title: str
    stage: str
    decision_expected_on: date | None = None
    people: tuple[tuple[int, str], ...] = ()
    topics: tuple[str, ...] = ()
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FactInterview:
    id: int
    opportunity_id: int
    starts_at: datetime
    ends_at: datetime | None = None
    kind: str | None = None
    interviewer_ids: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()

    @property
    def finished_at(self) -> datetime:
        """The end, or the start when no end was recorded."""
        return self.ends_at or self.starts_at


@dataclass(frozen=True, slots=True)
class FactPost:
    """A post by a tracked person. `first_seen_at` is None until the user has seen or captured it.

    `posted_at` may be None when LinkedIn gave no time; the engine then uses `first_seen_at`.
    """

    id: int
    urn: str
    person_id: int
    posted_at: datetime | None
    text: str = ""
    first_seen_at: datetime | None = None

    @property
    def published_at(self) -> datetime | None:
        return self.posted_at or self.first_seen_at


@dataclass(frozen=True, slots=True)
class FactInteraction:
    """One touch. `occurred_at` is when it happened, not when it was logged."""

    id: int
    person_id: int
    kind: str
    direction: str
    occurred_at: datetime
    post_urn: str | None = None
    opportunity_id: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FactConnection:
    """One of the user's own 1st-degree connections (from the export or captures)."""

    id: int
    person_id: int | None
    name: str
    profile_url: str | None = None
    company: str | None = None
    connected_on: date | None = None
    last_message_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FactMutual:
    """A mutual connection between the user and `person_id`, as seen on a capture."""

    person_id: int
    mutual_person_id: int | None
    name: str
    profile_url: str | None = None


@dataclass(frozen=True, slots=True)
class FactShareItem:
    id: int
    url: str
    title: str
    topics: tuple[str, ...] = ()
    sent_to_person_ids: tuple[int, ...] = ()


_EMPTY: tuple[()] = ()


@dataclass(frozen=True)
class Facts:
    """All facts plus indexes built once at construction.

    Accepts any iterables; stores tuples in a canonical order (by id), so the same facts in any
    order give the same suggestions. Per-person lists are sorted for the rules: interactions
    oldest first, posts newest first, interviews by start. Raises `ValueError` for a naive
    datetime anywhere.
    """

    people: tuple[FactPerson, ...] = ()
    opportunities: tuple[FactOpportunity, ...] = ()
    interviews: tuple[FactInterview, ...] = ()
    posts: tuple[FactPost, ...] = ()
    interactions: tuple[FactInteraction, ...] = ()
    connections: tuple[FactConnection, ...] = ()
    mutuals: tuple[FactMutual, ...] = ()
    share_items: tuple[FactShareItem, ...] = ()

    person_by_id: dict[int, FactPerson] = field(init=False, repr=False, compare=False)
    opportunity_by_id: dict[int, FactOpportunity] = field(init=False, repr=False, compare=False)
    _posts: dict[int, tuple[FactPost, ...]] = field(init=False, repr=False, compare=False)
    _interactions: dict[int, tuple[FactInteraction, ...]] = field(
        init=False, repr=False, compare=False
    )
    _interviews: dict[int, tuple[FactInterview, ...]] = field(init=False, repr=False, compare=False)
    _interviews_by_opportunity: dict[int, tuple[FactInterview, ...]] = field(
        init=False, repr=False, compare=False
    )
    _roles: dict[int, tuple[tuple[FactOpportunity, str], ...]] = field(
        init=False, repr=False, compare=False
    )
    _mutuals: dict[int, tuple[FactMutual, ...]] = field(init=False, repr=False, compare=False)
    _connection_by_person: dict[int, FactConnection] = field(init=False, repr=False, compare=False)
    _connection_by_url: dict[str, FactConnection] = field(init=False, repr=False, compare=False)
    _connection_by_name: dict[str, FactConnection] = field(init=False, repr=False, compare=False)
    _person_by_url: dict[str, FactPerson] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name in (
            "people",
            "opportunities",
            "interviews",
            "posts",
            "interactions",
            "connections",
            "mutuals",
            "share_items",
        ):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                put(self, name, tuple(value))
        # Results must not depend on the order rows came from the database, so every list the
        # rules iterate is put in a canonical order here (posts and interactions per person below).
        by_id = lambda item: item.id  # noqa: E731
        for name in ("people", "opportunities", "interviews", "connections", "share_items"):
            put(self, name, tuple(sorted(getattr(self, name), key=by_id)))
        put(
            self,
            "mutuals",
            tuple(
                sorted(
                    self.mutuals,
                    key=lambda m: (
                        m.person_id,
                        m.mutual_person_id is None,
                        m.mutual_person_id or 0,
                        m.name,
                        m.profile_url or "",
                    ),
                )
            ),
        )

        person_by_id = {person.id: person for person in self.people}
        put(self, "person_by_id", person_by_id)
        put(self, "opportunity_by_id", {opp.id: opp for opp in self.opportunities})

        posts: defaultdict[int, list[FactPost]] = defaultdict(list)
        for post in self.posts:
            _require_aware(post.posted_at, "post.posted_at")
            _require_aware(post.first_seen_at, "post.first_seen_at")
            posts[post.person_id].append(post)
        put(
            self,
            "_posts",
            {pid: tuple(sorted(items, key=_post_order)) for pid, items in posts.items()},
        )

        interactions: defaultdict[int, list[FactInteraction]] = defaultdict(list)
        for interaction in self.interactions:
            _require_aware(interaction.occurred_at, "interaction.occurred_at")
            interactions[interaction.person_id].append(interaction)
        put(
            self,
            "_interactions",
            {
                pid: tuple(sorted(items, key=lambda i: (i.occurred_at, i.id)))
                for pid, items in interactions.items()
            },
        )

        by_person: defaultdict[int, list[FactInterview]] = defaultdict(list)
        by_opportunity: defaultdict[int, list[FactInterview]] = defaultdict(list)
        for interview in self.interviews:
            _require_aware(interview.starts_at, "interview.starts_at")
            _require_aware(interview.ends_at, "interview.ends_at")
            by_opportunity[interview.opportunity_id].append(interview)
            for person_id in dict.fromkeys(interview.interviewer_ids):
                by_person[person_id].append(interview)
        order = lambda i: (i.starts_at, i.id)  # noqa: E731
        put(self, "_interviews", {k: tuple(sorted(v, key=order)) for k, v in by_person.items()})
        put(
            self,
            "_interviews_by_opportunity",
            {k: tuple(sorted(v, key=order)) for k, v in by_opportunity.items()},
        )

        roles: defaultdict[int, list[tuple[FactOpportunity, str]]] = defaultdict(list)
        for opp in self.opportunities:
            _require_aware(opp.closed_at, "opportunity.closed_at")
            for person_id, role in dict.fromkeys(opp.people):
                roles[person_id].append((opp, role))
        put(self, "_roles", {k: tuple(v) for k, v in roles.items()})

        mutuals: defaultdict[int, list[FactMutual]] = defaultdict(list)
        for mutual in self.mutuals:
            mutuals[mutual.person_id].append(mutual)
        put(self, "_mutuals", {k: tuple(v) for k, v in mutuals.items()})

        by_person_id: dict[int, FactConnection] = {}
        by_url: dict[str, FactConnection] = {}
        by_name: dict[str, FactConnection] = {}
        for connection in self.connections:
            _require_aware(connection.last_message_at, "connection.last_message_at")
            if connection.person_id is not None:
                by_person_id.setdefault(connection.person_id, connection)
            url = normalise_profile_url(connection.profile_url)
            if url:
                by_url.setdefault(url, connection)
            name = normalise_name(connection.name)
            if name:
                by_name.setdefault(name, connection)
        put(self, "_connection_by_person", by_person_id)
        put(self, "_connection_by_url", by_url)
        put(self, "_connection_by_name", by_name)

        person_by_url: dict[str, FactPerson] = {}
        for person in self.people:
            url = normalise_profile_url(person.profile_url) or (
                f"in/{person.public_id.lower()}" if person.public_id else None
            )
            if url:
                person_by_url.setdefault(url, person)
        put(self, "_person_by_url", person_by_url)

    @cached_property
    def hired(self) -> FactOpportunity | None:
        """The accepted role, if any: a hire pauses the whole search (the latest hire wins)."""
        hires = [opp for opp in self.opportunities if opp.stage == "hired"]
        if not hires:
            return None
        return max(hires, key=lambda opp: (opp.closed_at is not None, opp.closed_at, opp.id))

    @cached_property
    def _introduced_by(self) -> dict[int, tuple[int, ...]]:
        """Tracked mutual → the tracked people they could introduce the user to."""
        found: defaultdict[int, list[int]] = defaultdict(list)
        for mutual in self.mutuals:
            linked = self.mutual_person_id(mutual)
            if linked is not None:
                found[linked].append(mutual.person_id)
        return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}

    def mutual_person_id(self, mutual: FactMutual) -> int | None:
        """The tracked person a mutual is: by id, then the matching connection, then URL."""
        if mutual.mutual_person_id in self.person_by_id:
            return mutual.mutual_person_id
        connection = self.connection_for_mutual(mutual)
        if connection is not None and connection.person_id in self.person_by_id:
            return connection.person_id
        linked = self.person_for_url(mutual.profile_url)
        return linked.id if linked is not None else None

    def related_people(self, person_id: int) -> tuple[int, ...]:
        """People whose plan can change this person's: their mutuals (possible introducers) and
        the people this person could introduce the user to."""
        ids = [self.mutual_person_id(m) for m in self.mutuals_of(person_id)]
        ids.extend(self._introduced_by.get(person_id, ()))
        return tuple(i for i in dict.fromkeys(ids) if i is not None and i != person_id)

    @cached_property
    def shared_topics(self) -> tuple[str, ...]:
        """Topics the user cares about: the share queue's and the interviews', first seen first."""
        topics: dict[str, None] = {}
        for item in self.share_items:
            for topic in item.topics:
                topics.setdefault(topic, None)
        for interview in self.interviews:
            for topic in interview.topics:
                topics.setdefault(topic, None)
        return tuple(topics)

    def posts_of(self, person_id: int) -> tuple[FactPost, ...]:
        """The person's posts, newest first."""
        return self._posts.get(person_id, _EMPTY)

    def interactions_of(self, person_id: int) -> tuple[FactInteraction, ...]:
        """The person's interactions, oldest first."""
        return self._interactions.get(person_id, _EMPTY)

    def interviews_of(self, person_id: int) -> tuple[FactInterview, ...]:
        """Interviews the person took part in as an interviewer, by start time."""
        return self._interviews.get(person_id, _EMPTY)

    def interviews_for(self, opportunity_id: int) -> tuple[FactInterview, ...]:
        return self._interviews_by_opportunity.get(opportunity_id, _EMPTY)

    def roles_of(self, person_id: int) -> tuple[tuple[FactOpportunity, str], ...]:
        """Each opportunity the person is on, with their role on it."""
        return self._roles.get(person_id, _EMPTY)

    def mutuals_of(self, person_id: int) -> tuple[FactMutual, ...]:
        return self._mutuals.get(person_id, _EMPTY)

    def connection_for_person(self, person: FactPerson) -> FactConnection | None:
        """The user's 1st-degree connection record for a tracked person, if any."""
        found = self._connection_by_person.get(person.id)
        if found is None:
            url = normalise_profile_url(person.profile_url)
            if url:
                found = self._connection_by_url.get(url)
        return found

    def connection_for_mutual(self, mutual: FactMutual) -> FactConnection | None:
        """Match a mutual to the user's connections: by person, then profile URL, then name."""
        if mutual.mutual_person_id is not None:
            found = self._connection_by_person.get(mutual.mutual_person_id)
            if found is not None:
                return found
        url = normalise_profile_url(mutual.profile_url)
        if url and url in self._connection_by_url:
            return self._connection_by_url[url]
        return self._connection_by_name.get(normalise_name(mutual.name))

    def person_for_url(self, url: str | None) -> FactPerson | None:
        key = normalise_profile_url(url)
        return self._person_by_url.get(key) if key else None


def _post_order(post: FactPost) -> tuple[bool, float, int]:
    published = post.published_at
    # Newest first; posts with no time at all go last.
    return (published is None, -(published.timestamp() if published else 0.0), -post.id)


def _require_aware(value: datetime | None, what: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{what} must be time-zone aware, got naive {value.isoformat()}")


def first_name(name: str) -> str:
    """The first word of a display name, for friendlier sentences."""
    parts = name.split()
    return parts[0] if parts else name
