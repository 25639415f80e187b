"""Paths to the shared, read-only LinkedIn fixtures and the scorer that judges the parser."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

FIXTURE_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "linkedin"
SCORER_PATH = Path(__file__).resolve().parents[2] / ".." / "shared" / "tools" / "score_parser.py"


def load_ground_truth() -> list[dict]:
    path = FIXTURE_DIR / "ground_truth.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scorer():
    """The project's scorer module (its ``score_page`` is the judge of field accuracy)."""
    if not SCORER_PATH.exists():
        pytest.skip("shared/tools/score_parser.py not present")
    spec = importlib.util.spec_from_file_location("score_parser", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
