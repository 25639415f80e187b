"""The repository's own test data: labelled LinkedIn pages and LinkedIn data-export files.

Everything lives under ``tests/fixtures/`` so a lone clone runs its tests; provenance and the
labelling conventions are in ``tests/fixtures/linkedin/MANIFEST.md`` and
``tests/fixtures/linkedin-export/README.md``. ``scripts/refresh_fixtures.py`` brings new pages in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures"
LINKEDIN_PAGES = FIXTURES_DIR / "linkedin"
EXPORT_FILES = FIXTURES_DIR / "linkedin-export"

# The copy never shrinks: a test parametrised over fewer pages is reading a broken copy.
MIN_LABELLED_PAGES = 25


@cache
def _ground_truth_text() -> str:
    return (LINKEDIN_PAGES / "ground_truth.json").read_text(encoding="utf-8")


def ground_truth() -> list[dict]:
    """The labelled pages, ``[{file, url, kind, person?, people?, posts?, job?, jobs?}]``.

    Raises ``AssertionError`` when the copy holds fewer pages than it ever did, so a test
    parametrised over it can never silently collect zero cases.
    """
    truths = json.loads(_ground_truth_text())
    assert len(truths) >= MIN_LABELLED_PAGES, f"{len(truths)} labelled pages in {LINKEDIN_PAGES}"
    return truths


def truth_for(file: str) -> dict:
    """The label of one page, by file name."""
    return next(truth for truth in ground_truth() if truth["file"] == file)


def page_bytes(file: str) -> bytes:
    return (LINKEDIN_PAGES / file).read_bytes()


def page_text(file: str) -> str:
    """A page as text, the way the extension sends it (invalid bytes replaced)."""
    return page_bytes(file).decode("utf-8", errors="replace")
