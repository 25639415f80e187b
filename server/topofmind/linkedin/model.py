"""The parser's output: frozen dataclasses whose ``to_dict()`` is the design's §3 JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PARSER_VERSION = "2026.12.1"

PAGE_KINDS = (
    "profile",
    "post",
    "feed",
    "activity",
    "search",
    "people",
    "job",
    "job_search",
    "unknown",
)


@dataclass(frozen=True)
class ParsedPerson:
    """One person as a page shows them; every field is None where the page does not say."""

    name: str | None = None
    headline: str | None = None
    title: str | None = None
    company: str | None = None
    location: str | None = None
    public_id: str | None = None
    profile_url: str | None = None
    degree: int | None = None
    followers: int | None = None
    mutual_count: int | None = None
    mutual_names: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mutual_names"] = list(self.mutual_names) if self.mutual_names is not None else None
        return data


@dataclass(frozen=True)
class ParsedPost:
    """One post (activity) as a page shows it."""

    urn: str
    url: str
    author_name: str | None = None
    author_url: str | None = None
    text: str | None = None
    relative_time: str | None = None
    posted_at: str | None = None
    reactions: int | None = None
    comments: int | None = None
    reposts: int | None = None
    is_repost: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedHiringMember:
    """One person of a posting's "Meet the hiring team" section.

    ``role`` is the badge shown on the card ("Job poster"), None without one; ``degree`` the
    card's connection-degree badge (1, 2, 3) when it shows one.
    """

    name: str
    headline: str | None = None
    profile_url: str | None = None
    role: str | None = None
    degree: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedJob:
    """One job posting as a job page (or a job search's side pane) shows it.

    ``workplace_type`` and ``employment_type`` are the fixed English words (On-site / Remote /
    Hybrid; Full-time / Part-time / Contract / Temporary / Internship / Volunteer / Other)
    whatever the interface language; ``posted_relative`` is kept as shown ("1 day ago").
    """

    job_id: str | None = None
    url: str | None = None
    title: str | None = None
    company: str | None = None
    company_url: str | None = None
    location: str | None = None
    workplace_type: str | None = None
    employment_type: str | None = None
    posted_relative: str | None = None
    applicants: int | None = None
    easy_apply: bool = False
    description: str | None = None
    hiring_team: tuple[ParsedHiringMember, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["hiring_team"] = [member.to_dict() for member in self.hiring_team]
        return data


@dataclass(frozen=True)
class ParsedJobCard:
    """One result of a job search; a card LinkedIn had not rendered has its ``job_id`` alone."""

    job_id: str
    url: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    posted_relative: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedPage:
    """What one captured page holds: its kind, the person it is about, people listed, posts,
    the job posting it shows and the job search results it lists."""

    kind: str = "unknown"
    person: ParsedPerson | None = None
    people: tuple[ParsedPerson, ...] = ()
    posts: tuple[ParsedPost, ...] = ()
    job: ParsedJob | None = None
    jobs: tuple[ParsedJobCard, ...] = ()
    parser_version: str = PARSER_VERSION
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The ``topofmind parse --json`` shape (docs/parser.md), exactly these eight keys."""
        return {
            "kind": self.kind,
            "person": self.person.to_dict() if self.person is not None else None,
            "people": [p.to_dict() for p in self.people],
            "posts": [p.to_dict() for p in self.posts],
            "job": self.job.to_dict() if self.job is not None else None,
            "jobs": [card.to_dict() for card in self.jobs],
            "parser_version": self.parser_version,
            "warnings": list(self.warnings),
        }
