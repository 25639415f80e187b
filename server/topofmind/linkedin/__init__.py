"""Pure parsing of LinkedIn pages: HTML in, frozen dataclasses out (docs/parser.md).

``parse_page(html, url)`` is the entry point; its ``to_dict()`` is the
``topofmind parse --json`` contract.
"""

from .kinds import detect_kind
from .model import (
    PAGE_KINDS,
    PARSER_VERSION,
    ParsedHiringMember,
    ParsedJob,
    ParsedJobCard,
    ParsedPage,
    ParsedPerson,
    ParsedPost,
)
from .page import parse_page
from .urls import (
    canonical_author_url,
    canonical_job_url,
    canonical_post_url,
    canonical_profile_url,
    is_linkedin_url,
    job_id_from_url,
    posted_at_from_urn,
    public_id_from_url,
)

__all__ = [
    "PAGE_KINDS",
    "PARSER_VERSION",
    "ParsedHiringMember",
    "ParsedJob",
    "ParsedJobCard",
    "ParsedPage",
    "ParsedPerson",
    "ParsedPost",
    "canonical_author_url",
    "canonical_job_url",
    "canonical_post_url",
    "canonical_profile_url",
    "detect_kind",
    "is_linkedin_url",
    "job_id_from_url",
    "parse_page",
    "posted_at_from_urn",
    "public_id_from_url",
]
