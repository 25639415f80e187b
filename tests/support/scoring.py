"""How the suite judges parser output against a hand-labelled page.

The rules follow the labelling conventions of ``tests/fixtures/linkedin/MANIFEST.md``: every
labelled field counts, a labelled null included (a value guessed where the page shows none is
wrong). Listed items are matched by their identity — posts by URN, people and hiring-team members
by profile URL, job results by job id; an item the parser missed costs all its labelled fields, an
item it invented costs one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

POSTED_AT_TOLERANCE_SECONDS = 120  # labels were written from the page, the parser derives from ids
PREFIX_SUFFIX = "_startswith"  # a label on the start of a long text: "text_startswith"

# (contract key, identity field) of every list the contract has.
LISTS = (("posts", "urn"), ("people", "profile_url"), ("jobs", "job_id"))


@dataclass
class Score:
    """Fields right out of fields labelled, with a line for each one that is not."""

    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, where: str, ok: bool, want: object, got: object) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(f"{where}: want {want!r}, got {got!r}")

    def miss(self, message: str, cost: int) -> None:
        self.total += cost
        self.misses.append(message)


def _folded(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def field_matches(key: str, want: object, got: object) -> bool:
    """Whether the parsed value ``got`` is right for the label ``want`` of field ``key``."""
    if key.endswith(PREFIX_SUFFIX):
        return isinstance(got, str) and str(_folded(got)).startswith(str(_folded(want)))
    if want is None:
        return got is None or (key == "mutual_names" and got == [])
    if key.endswith("url"):
        return isinstance(got, str) and got.rstrip("/") == str(want).rstrip("/")
    if key == "posted_at":
        try:
            delta = _instant(str(got)) - _instant(str(want))
        except (TypeError, ValueError):
            return False
        return abs(delta.total_seconds()) <= POSTED_AT_TOLERANCE_SECONDS
    if key == "mutual_names":
        return isinstance(got, list) and sorted(want) == sorted(got)  # type: ignore[arg-type]
    return _folded(want) == _folded(got)


def _identity(value: object) -> str:
    return str(value or "").rstrip("/")


def _score_object(score: Score, where: str, want: dict, got: dict | None) -> None:
    if not got:
        score.miss(f"{where}: missing", len(want))
        return
    for key, value in want.items():
        got_value = got.get(key.removesuffix(PREFIX_SUFFIX))
        score.check(f"{where}.{key}", field_matches(key, value, got_value), value, got_value)


def _score_list(score: Score, where: str, ident: str, wanted: list[dict], got: list | None) -> None:
    parsed = {_identity(item.get(ident)): item for item in got or []}
    for item in wanted:
        key = _identity(item[ident])
        found = parsed.pop(key, None)
        if found is None:
            score.miss(f"{where}: missing {key}", len(item))
        else:
            _score_object(score, f"{where}[{key[-16:]}]", item, found)
    for extra in parsed:
        score.miss(f"{where}: extra {extra or '(no id)'}", 1)


def score_page(truth: dict, out: dict) -> Score:
    """Judge one page's contract JSON ``out`` against its label ``truth``."""
    score = Score()
    score.check("kind", out.get("kind") == truth["kind"], truth["kind"], out.get("kind"))
    if truth.get("person"):
        _score_object(score, "person", truth["person"], out.get("person"))
    for key, ident in LISTS:
        if truth.get(key) is not None:
            _score_list(score, key, ident, truth[key], out.get(key))
    if truth.get("job"):
        job = dict(truth["job"])
        team = job.pop("hiring_team", None)
        parsed_job = out.get("job") or {}
        _score_object(score, "job", job, parsed_job)
        if team is not None:
            got_team = parsed_job.get("hiring_team")
            _score_list(score, "job.hiring_team", "profile_url", team, got_team)
    return score
