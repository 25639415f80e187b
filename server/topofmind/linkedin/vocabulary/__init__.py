"""The words LinkedIn's interface uses, per interface language — the one place they live.

The parser reads structure, URNs, embedded JSON and numbers first; where it must read words
(degree markers, followers, mutual connections, relative times, reactions, job facts…), it asks
this package. One module per concern; each maps a language code (``<html lang>``: "en", "pl",
"pt"…) to its forms. An unknown word gives ``None`` and the caller adds a warning — never a guess.
"""
