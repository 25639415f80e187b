"""The 2022–24 Ember profile Activity "mini update" header in each interface language.

Every entry of ``vocabulary.social.ACTIVITY_ACTIONS`` is checked on its own, and each language
on a small hand-written page of that structure (three cards: the member's own post, a repost,
a comment on someone else's post) — synthetic snippets, not copies of real pages.
"""

from __future__ import annotations

import pytest

from topofmind.linkedin import parse_page
from topofmind.linkedin.vocabulary import social

OWNER = "https://www.linkedin.com/in/ana-ruiz/"
OWN_URN = "urn:li:activity:7184671545976348673"
REPOST_URN = "urn:li:activity:7214180954100129792"
COMMENT_URN = "urn:li:ugcPost:7199661448816414721"
# A name with letters outside ASCII, as members of these languages write them.
NAME = "Zoë Łukasz-Ruiz"

# "two weeks" as each language's feed shows it (each is checked to be a known relative time).
AGES = {
    "en": "2w", "es": "2 sem", "pt": "2 sem", "fr": "2 sem", "de": "2 Wo.", "it": "2 sett",
    "nl": "2 w", "pl": "2 tygodnie", "tr": "2 hf", "sv": "2 v", "da": "2 u", "no": "2 u",
    "cs": "2 týd.", "ro": "2 săpt.", "ru": "2 нед.", "uk": "2 тиж.", "id": "2 mgg",
    "ja": "2週間", "ko": "2주", "zh": "2周",
}  # fmt: skip
CJK = ("ja", "ko", "zh")


def _entries(kind: str) -> list[tuple[str, str]]:
    return [
        (lang, word)
        for lang, forms in social.ACTIVITY_ACTIONS.items()
        for word in forms.get(kind, ())
    ]


def _header(lang: str, phrase: str, age: str | None) -> str:
    """A header as LinkedIn builds it: the name in <strong>, the phrase, "• age"."""
    space = "" if lang in CJK else " "
    tail = f" • {age}" if age else ""
    return f"<strong>{NAME}</strong>{space}{phrase}{tail}"


def _card(context: str, urn: str, reactions: int = 5) -> str:
    return f"""
<li class="profile-creator-shared-feed-update__mini-container"><div>
 <a class="app-aware-link" href="https://www.linkedin.com/feed/update/{urn}?updateEntityUrn=x">
  <span class="feed-mini-update-contextual-description__text"><span aria-hidden="true">
   {context}</span><span class="visually-hidden">hidden copy</span></span></a>
 <a href="https://www.linkedin.com/feed/update/{urn}"><div class="inline-show-more-text">
  <span>Body of   {urn[-4:]}</span><button>…</button></div></a>
 <ul><li><button aria-label="{reactions} reactions"><span aria-hidden="true">{reactions}</span>
 </button></li></ul>
</div></li>"""


def _page(lang: str, cards: list[str]) -> str:
    return (
        f'<html lang="{lang}"><body><main><h1>{NAME}</h1><section><ul>'
        + "".join(cards)
        + "</ul></section></main></body></html>"
    )


def test_every_language_has_each_kind_of_action():
    assert set(social.ACTIVITY_ACTIONS) == set(social.LANGUAGES)
    for lang, forms in social.ACTIVITY_ACTIONS.items():
        assert set(forms) == {"posted", "reposted", "other"}, lang
        assert all(forms[kind] for kind in forms), lang


def test_no_form_means_two_things():
    seen: dict[str, str] = {}
    for forms in social.ACTIVITY_ACTIONS.values():
        for kind, words in forms.items():
            for word in words:
                key = social.fold(word)
                assert seen.setdefault(key, kind) == kind, word


@pytest.mark.parametrize("lang", social.LANGUAGES)
def test_ages_are_known_relative_times(lang):
    assert social.is_relative_time(AGES[lang])


@pytest.mark.parametrize("kind", ["posted", "reposted", "other"])
def test_each_form_names_its_action_the_member_and_the_age(kind):
    for lang, phrase in _entries(kind):
        space = "" if lang in CJK else " "
        header = f"{NAME}{space}{phrase} • {AGES[lang]} • Edited"
        assert social.activity_action(header) == social.ActivityAction(kind, NAME, AGES[lang]), (
            lang,
            phrase,
        )
        # Case, spacing and non-breaking spaces as a saved page may have them.
        loose = f"  {NAME}\u00a0{phrase.upper()}  "
        assert social.activity_action(loose) == social.ActivityAction(kind, NAME, None), (
            lang,
            phrase,
        )


def test_a_repost_is_never_read_as_a_post_by_a_shorter_name():
    # "posted this" ends "reposted this"; "投稿しました" ends "再投稿しました".
    assert social.activity_action("Ana reposted this • 1w").kind == "reposted"
    assert social.activity_action("山田さんが再投稿しました").kind == "reposted"
    assert social.activity_action("Ana reposted this").name == "Ana"


def test_unknown_or_empty_headers_give_none():
    for text in (None, "", "Ana Ruiz", "Ana Ruiz did something • 2w", "posted this"):
        assert social.activity_action(text) is None


@pytest.mark.parametrize("lang", social.LANGUAGES)
def test_activity_section_in_each_language(lang):
    forms = social.ACTIVITY_ACTIONS[lang]
    age = AGES[lang]
    html = _page(
        lang,
        [
            _card(_header(lang, next(iter(forms["posted"])), age), OWN_URN, 50),
            _card(_header(lang, next(iter(forms["reposted"])), age), REPOST_URN, 7),
            _card(_header(lang, next(iter(forms["other"])), age), COMMENT_URN),
        ],
    )
    page = parse_page(html, OWNER)
    assert [p.urn for p in page.posts] == [OWN_URN, REPOST_URN]
    own, repost = page.posts
    assert (own.author_name, own.author_url, own.is_repost) == (NAME, OWNER, False)
    assert (own.relative_time, own.reactions, own.text) == (age, 50, "Body of 8673")
    # A repost's card does not show the original author: unknown, not guessed.
    assert (repost.author_name, repost.author_url, repost.is_repost) == (None, None, True)
    assert (repost.relative_time, repost.reactions) == (age, 7)
    assert not [w for w in page.warnings if w.startswith("unknown word")]


def test_unknown_header_leaves_the_card_out_and_says_so():
    html = _page(
        "pl",
        [
            _card(_header("pl", "zrobił(a) coś nowego", "2 tygodnie"), OWN_URN),
            _card(_header("pl", "opublikował(a) to", "2 tygodnie"), REPOST_URN),
        ],
    )
    page = parse_page(html, OWNER)
    assert [p.urn for p in page.posts] == [REPOST_URN]
    assert any(
        w.startswith("unknown word (page language pl): activity header") and "zrobił(a)" in w
        for w in page.warnings
    )


def test_unknown_age_is_null_and_reported():
    html = _page("pl", [_card(_header("pl", "opublikował(a) to", "3 sek."), OWN_URN)])
    page = parse_page(html, OWNER)
    assert [p.relative_time for p in page.posts] == [None]
    assert any("relative time '3 sek.'" in w for w in page.warnings)
