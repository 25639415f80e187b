"""Helpers the tests share: where the fixtures live and how parser output is judged."""
