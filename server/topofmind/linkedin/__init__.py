"""Pure parsing of LinkedIn pages: HTML in, frozen dataclasses out (docs/parser.md).

``parse_page(html, url)`` is the entry point; its ``to_dict()`` is the
``topofmind parse --json`` contract.
"""

from .kinds import detect_kind
from .model import PARSER_VERSION, ParsedPage, ParsedPerson, ParsedPost
from .page import parse_page
from .urls import (
    canonical_author_url,
    canonical_post_url,
    canonical_profile_url,
    is_linkedin_url,
    posted_at_from_urn,
    public_id_from_url,
)

__all__ = [
    "PARSER_VERSION",
    "ParsedPage",
    "ParsedPerson",
    "ParsedPost",
    "canonical_author_url",
    "canonical_post_url",
    "canonical_profile_url",
    "detect_kind",
    "is_linkedin_url",
    "parse_page",
    "posted_at_from_urn",
    "public_id_from_url",
]
