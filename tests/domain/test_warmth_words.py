"""Warmth in words: the scale the person page and Contacts show beside the bar."""

from __future__ import annotations

import pytest

from topofmind.domain.cadence import warmth_words


@pytest.mark.parametrize(
    ("score", "words"),
    [
        (None, "No contact yet"),
        (0, "No contact yet"),
        (0.4, "No contact yet"),
        (1, "Cold"),
        (19.4, "Cold"),
        (20, "Cooling"),
        (44, "Cooling"),
        (45, "Friendly"),
        (74.6, "Warm"),
        (93.0, "Warm"),
        (100, "Warm"),
    ],
)
def test_warmth_in_words(score, words):
    assert warmth_words(score) == words
