"""The parser's output: frozen dataclasses whose ``to_dict()`` is the design's §3 JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

PARSER_VERSION = "2026.11.1"

PAGE_KINDS = ("profile", "post", "feed", "activity", "search", "people", "unknown")


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

    def to_dict(self) -> dict:
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

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ParsedPage:
    """What one captured page holds: its kind, the person it is about, people listed, posts."""

    kind: str = "unknown"
    person: ParsedPerson | None = None
    people: tuple[ParsedPerson, ...] = ()
    posts: tuple[ParsedPost, ...] = ()
    parser_version: str = PARSER_VERSION
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The ``topofmind parse --json`` shape (docs/parser.md), exactly these six keys."""
        return {
            "kind": self.kind,
            "person": self.person.to_dict() if self.person is not None else None,
            "people": [p.to_dict() for p in self.people],
            "posts": [p.to_dict() for p in self.posts],
            "parser_version": self.parser_version,
            "warnings": list(self.warnings),
        }
