"""The one name key: how two spellings of a person's name are found to be the same name.

Pure. Used wherever a name is matched rather than shown — people, mutual connections and the
user's connections (stored as ``name_key`` columns), the export reader, duplicate detection and
the facts the suggestion rules read — so a per-person recompute and a full one find the same
introducers ("Jane Doe, PhD" and "jane doe" are one key).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Credentials and post-nominals people append to their LinkedIn names.
_CREDENTIALS = {
    "phd", "ph d", "mba", "cpa", "pmp", "cfa", "md", "msc", "bsc", "ma", "ba", "mphil", "jd",
    "pe", "peng", "cissp", "shrm cp", "shrm scp", "sphr", "phr", "csm", "cpc", "rn", "dds",
    "llm", "mfa", "meng", "beng", "frsa", "acca", "aca", "cima", "ceng", "dr", "prof", "esq",
    "jr", "sr", "ii", "iii", "iv",
}  # fmt: skip
# Safe to drop even without a comma: never a surname.
_TRAILING_CREDENTIALS = {"phd", "mba", "cpa", "pmp", "cfa", "cissp", "mphil", "esq"}
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof"}
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SEPARATORS = re.compile(r"[|•·/]")


def fold(text: str) -> str:
    """Casefolded, accents dropped, emoji, symbols and controls turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue  # accents
        if category in {"So", "Sk", "Cs", "Co", "Cn", "Cf", "Cc"}:
            kept.append(" ")  # emoji, symbols, controls
            continue
        kept.append(char)
    return "".join(kept).casefold()


def words(text: str) -> list[str]:
    """The words of folded text: punctuation splits, apostrophes join ("O'Brien" → "obrien")."""
    return re.sub(r"[^\w\s]|_", " ", text.replace("'", "").replace("’", "")).split()


@lru_cache(maxsize=65536)  # an import or a full recompute keys every connection's name
def name_key(name: str | None) -> str:
    """A comparison key for a person's name: casefolded, accents, emoji and credentials dropped.

    `"Dr. José  Pérez-Núñez, PhD 🚀 (he/him)"` → `"jose perez nunez"`. Empty string when nothing
    useful remains.
    """
    if not name:
        return ""
    text = _PARENTHESES.sub(" ", name)
    text = _SEPARATORS.split(text, maxsplit=1)[0]  # "Jane Doe | Hiring" → "Jane Doe"
    parts = text.split(",")
    head, tail = parts[0], parts[1:]
    kept_tail = []
    for part in tail:
        phrase = " ".join(words(fold(part)))
        if (
            phrase
            and phrase not in _CREDENTIALS
            and not all(word in _CREDENTIALS for word in phrase.split())
        ):
            kept_tail.append(part)
    kept = words(fold(" ".join([head, *kept_tail])))
    while kept and kept[0] in _TITLES and len(kept) > 1:
        kept = kept[1:]
    while len(kept) > 1 and kept[-1] in _TRAILING_CREDENTIALS:
        kept = kept[:-1]
    return " ".join(kept)
