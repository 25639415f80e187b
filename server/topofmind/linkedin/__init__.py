"""LinkedIn parsing (the parser lands from its own branch; URL helpers first)."""

from .urls import canonical_profile_url, is_linkedin_url, public_id_from_url

__all__ = ["canonical_profile_url", "is_linkedin_url", "public_id_from_url"]
