"""What a job posting is about: its topics, for matching share items and writing drafts.

Pure. The topics come from ``topics.extract_topics`` (one definition of what a topic is); a
posting adds two rules of its own: the title counts more than any sentence of the description,
and neither the company's own name nor the words every posting uses ("experience", "team",
"role"…) say what this job is about.
"""

from __future__ import annotations

from .topics import extract_topics, normalise_topic

# Words in nearly every job posting: they match every person and every article.
POSTING_WORDS = frozenset(
    """
    experience experienced role roles position positions job jobs candidate candidates team
    teams work working company companies opportunity opportunities responsibility
    responsibilities requirement requirements qualification qualifications skill skills ability
    abilities across environment business including include includes strong excellent
    preferred required plus benefit benefits salary apply applicant applicants employer
    employee employees equal employment join joining offer offering looking seeking office
    hybrid remote onsite location world global day-to-day year level senior junior
    """.split()
)


def _content_words(topic: str) -> set[str]:
    return set(topic.replace("-", " ").split())


def posting_topics(
    title: str | None, company: str | None, description: str | None, limit: int = 8
) -> tuple[str, ...]:
    """Up to ``limit`` topics of a posting, most telling first (deterministic; () for none)."""
    text = f"{title or ''}.\n{title or ''}.\n{description or ''}"
    company_words = _content_words(normalise_topic(company or ""))
    chosen: list[str] = []
    for topic in extract_topics(text, limit=limit * 4):
        words = _content_words(topic)
        if words & company_words or words <= POSTING_WORDS:
            continue
        chosen.append(topic)
        if len(chosen) == limit:
            break
    return tuple(chosen)
