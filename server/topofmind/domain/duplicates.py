"""Who is the same human: identity keys and near-duplicate detection for people.

Pure rules, no I/O. LinkedIn names one member two ways: a vanity public id (`jane-doe-12`) and a
member URN id (`ACoAAB…`) that appears in URLs built from search results and messages. Two different
vanity ids are two different people; a vanity id and a URN id may be the same person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ..linkedin.names import fold, name_key, words
from ..linkedin.urls import is_member_urn_id
from ..linkedin.urls import profile_id as public_id_from_url

__all__ = [
    "DuplicateCandidate",
    "PersonLike",
    "find_near_duplicates",
    "is_member_urn_id",
    "normalise_company",
    "person_identity_keys",
    "public_id_from_url",
]


class PersonLike(Protocol):
    """What near-duplicate detection reads from a person (ORM rows and dataclasses both fit;
    read-only, so a row whose ``name`` is never None fits too)."""

    @property
    def id(self) -> Any: ...

    @property
    def name(self) -> str | None: ...

    @property
    def company(self) -> str | None: ...

    @property
    def public_id(self) -> str | None: ...

    @property
    def member_urn(self) -> str | None: ...

    @property
    def profile_url(self) -> str | None: ...


@dataclass(frozen=True)
class DuplicateCandidate:
    """Two people who may be one human. `a_id` came first in the input. `score` is 0..100."""

    a_id: Any
    b_id: Any
    score: int
    reasons: tuple[str, ...]


_COMPANY_SUFFIXES = {
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "gmbh", "ag", "sa", "sas",
    "bv", "nv", "corp", "corporation", "co", "company", "the", "group", "holdings", "pty",
}  # fmt: skip


def normalise_company(company: str | None) -> str:
    """A comparison key for a company: folded like names, legal suffixes dropped."""
    if not company:
        return ""
    # Dots go first so "S.A." and "Inc." read as the suffixes they are.
    folded = fold(company).replace(".", "")
    kept = [word for word in words(folded) if word not in _COMPANY_SUFFIXES]
    return " ".join(kept)


def _similar_companies(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or a.startswith(b + " ") or b.startswith(a + " "):
        return True
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) / len(words_a | words_b) >= 0.5


def person_identity_keys(
    public_id: str | None = None,
    member_urn: str | None = None,
    profile_url: str | None = None,
    name: str | None = None,
    company: str | None = None,
) -> tuple[str, ...]:
    """Keys under which one person is looked up, strongest first.

    `id:<vanity id>` (casefolded) and `urn:<member id>` identify a member for certain; the last
    key, `name:<normalised name>|<normalised company>`, is only a hint (present when a name is).
    An id found in `profile_url` counts like the given ids. Two people sharing any `id:`/`urn:`
    key are the same human.
    """
    keys: list[str] = []

    def add(key: str) -> None:
        if key not in keys:
            keys.append(key)

    for candidate in (public_id, public_id_from_url(profile_url)):
        if not candidate:
            continue
        if is_member_urn_id(candidate):
            add(f"urn:{candidate}")
        else:
            add(f"id:{candidate.casefold()}")
    if member_urn:
        add(f"urn:{member_urn.rsplit(':', 1)[-1]}")
    normalised = name_key(name)
    if normalised:
        add(f"name:{normalised}|{normalise_company(company)}")
    return tuple(keys)


@dataclass(frozen=True)
class _Entry:
    order: int
    id: Any
    display_name: str
    company: str
    company_display: str | None
    vanity: str | None
    urn: str | None


def _entry(order: int, person: PersonLike) -> _Entry:
    vanity = None
    urn = None
    for candidate in (getattr(person, "public_id", None), public_id_from_url(person.profile_url)):
        if not candidate:
            continue
        if is_member_urn_id(candidate):
            urn = urn or candidate
        else:
            vanity = vanity or candidate.casefold()
    member_urn = getattr(person, "member_urn", None)
    if member_urn:
        urn = member_urn.rsplit(":", 1)[-1]
    return _Entry(
        order=order,
        id=person.id,
        display_name=person.name or "",
        company=normalise_company(person.company),
        company_display=person.company,
        vanity=vanity,
        urn=urn,
    )


# Beyond this many same-name people (a "John Smith" network), only same-company pairs are kept:
# pairing everyone would be slow and mostly wrong.
_LARGE_BUCKET = 40


def _compare(a: _Entry, b: _Entry) -> DuplicateCandidate | None:
    if a.vanity and b.vanity and a.vanity != b.vanity:
        return None
    if a.urn and b.urn and a.urn != b.urn:
        return None
    reasons = [f"Same name: {a.display_name}"]
    if a.vanity and a.vanity == b.vanity or a.urn and a.urn == b.urn:
        score = 100
        reasons.append("Same LinkedIn profile")
    elif a.company and a.company == b.company:
        score = 90
        reasons.append(f"Same company: {a.company_display}")
    elif _similar_companies(a.company, b.company):
        score = 75
        reasons.append(f"Similar companies: {a.company_display} / {b.company_display}")
    elif bool(a.company) != bool(b.company):
        score = 60
        reasons.append("Only one of them has a company")
    else:
        return None
    if score < 100 and (a.vanity or b.vanity) and (a.urn or b.urn):
        if not (a.vanity and b.vanity):
            reasons.append("One profile is known by its vanity id, the other by its member URN")
    return DuplicateCandidate(a.id, b.id, score, tuple(reasons))


def find_near_duplicates(people: Iterable[PersonLike]) -> list[DuplicateCandidate]:
    """Pairs of people who are probably the same human, best first.

    Bucketed by normalised name (one pass, O(n) plus the size of each name bucket): a pair is a
    candidate when names match and companies are the same (90), similar (75), known for only one
    (60); 100 when they share a LinkedIn id. Never pairs two different vanity
    ids or two different member URNs; a vanity id against a URN id is still a candidate. Sorted by
    score, then input order.
    """
    buckets: dict[str, list[_Entry]] = {}
    for order, person in enumerate(people):
        key = name_key(person.name)
        if key:
            buckets.setdefault(key, []).append(_entry(order, person))

    candidates: list[tuple[int, int, int, DuplicateCandidate]] = []
    for entries in buckets.values():
        if len(entries) < 2:
            continue
        if len(entries) > _LARGE_BUCKET:
            groups: dict[str, list[_Entry]] = {}
            for entry in entries:
                if entry.company:
                    groups.setdefault(entry.company, []).append(entry)
            pools = [group for group in groups.values() if len(group) <= _LARGE_BUCKET]
        else:
            pools = [entries]
        for pool in pools:
            for i, a in enumerate(pool):
                for b in pool[i + 1 :]:
                    found = _compare(a, b)
                    if found:
                        candidates.append((-found.score, a.order, b.order, found))
    candidates.sort(key=lambda item: item[:3])
    return [candidate for *_, candidate in candidates]
