"""Every entry of linkedin/vocabulary/social.py, one test each, and every number form."""

from __future__ import annotations

from datetime import timedelta

import pytest

from topofmind.linkedin import parse_page
from topofmind.linkedin.text import degree_in, mutual_connections, relative_time
from topofmind.linkedin.vocabulary import social


def _entries(table):
    return [(lang, word) for lang, words in table.items() for word in words]


def _ids(entries):
    return [f"{lang}-{word}" for lang, word in entries]


def test_every_table_covers_the_twenty_languages():
    for table in (
        social.MUTUAL, social.AND, social.FOLLOWERS, social.REACTIONS, social.COMMENTS,
        social.REPOSTS, social.REPOSTED_THIS, social.CURRENT, social.DEGREE_WORDS,
        social.TIME_UNITS, social.MUTUAL_VERBS, social.ACTIVITY_HEADINGS,
        social.EXPERIENCE_HEADINGS, social.SEE_MORE,
    ):  # fmt: skip
        assert set(table) == set(social.LANGUAGES)


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.MUTUAL), ids=_ids(_entries(social.MUTUAL))
)
def test_mutual_words(lang, word):
    assert social.is_mutual(f"Anna, Bo {word}")
    assert social.is_mutual(f"ANNA {word.upper()}")


@pytest.mark.parametrize(("lang", "word"), _entries(social.AND), ids=_ids(_entries(social.AND)))
def test_and_words_split_names(lang, word):
    assert social.is_and(word)
    if word not in ("、",):
        assert social.split_names(f"Anna Lee, Bo {word} Cy") == ["Anna Lee", "Bo", "Cy"]


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.FOLLOWERS), ids=_ids(_entries(social.FOLLOWERS))
)
def test_follower_words(lang, word):
    assert social.followers(f"1 234 {word}") == 1234
    assert social.followers_run(f"153 {word}") == 153
    assert social.is_followers_word(word)


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.REACTIONS), ids=_ids(_entries(social.REACTIONS))
)
def test_reaction_words(lang, word):
    assert social.reactions(f"7 {word}") == 7


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.COMMENTS), ids=_ids(_entries(social.COMMENTS))
)
def test_comment_words(lang, word):
    assert social.comments(f"12 {word}") == 12


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.REPOSTS), ids=_ids(_entries(social.REPOSTS))
)
def test_repost_words(lang, word):
    assert social.reposts(f"3 {word}") == 3


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.REPOSTED_THIS), ids=_ids(_entries(social.REPOSTED_THIS))
)
def test_reposted_this_words(lang, word):
    assert social.is_reposted_this(f"Anna Lee {word}")


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.CURRENT), ids=_ids(_entries(social.CURRENT))
)
def test_current_position_snippets(lang, word):
    assert social.is_current_snippet(f"{word} Engineer at Acme")
    assert not social.is_current_snippet("Engineer at Acme")


@pytest.mark.parametrize(
    ("lang", "word"), _entries(social.DEGREE_WORDS), ids=_ids(_entries(social.DEGREE_WORDS))
)
def test_degree_words_name_the_degree(lang, word):
    assert degree_in(f"2 {word}") == 2
    assert degree_in(f"Kontakt 3. {word}") == 3


@pytest.mark.parametrize(
    ("badge", "degree"),
    [
        ("1st", 1), ("• 2nd", 2), ("3rd+", 3), ("• 2", 2), ("· 3.", 3), ("2e", 2),
        ("3e et +", 3), ("2º", 2), ("2°", 2), ("• 1.", 1), ("2:a", 2), ("2-й", 2), ("1次", 1),
        ("2촌", 2), ("3度", 3), ("Kontakt 1. stopnia", 1), ("2nd degree connection", 2),
    ],
)  # fmt: skip
def test_degree_badges(badge, degree):
    assert degree_in(badge) == degree


@pytest.mark.parametrize("text", ["2", "12", "Engineer", "Top 3 seller", "• 4"])
def test_not_degree_badges(text):
    assert degree_in(text) is None


def _units():
    return [
        (lang, word, seconds)
        for lang, units in social.TIME_UNITS.items()
        for seconds, words in units.items()
        for word in words
    ]


@pytest.mark.parametrize(
    ("lang", "word", "seconds"), _units(), ids=[f"{lang}-{word}" for lang, word, _ in _units()]
)
def test_relative_time_units(lang, word, seconds):
    expected = timedelta(seconds=3 * seconds)
    assert social.relative_duration(f"3 {word}", lang) == expected
    assert social.relative_duration(f"3{word}", lang) == expected
    assert social.is_relative_time(f"3 {word}")
    # Without the page's language a unit shared by two languages is never guessed.
    assert social.relative_duration(f"3 {word}") in (expected, None)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("3h", "en", timedelta(hours=3)),
        ("3h", None, timedelta(hours=3)),
        ("2w", None, timedelta(weeks=2)),
        ("9mo", None, timedelta(days=270)),
        ("2 tygodnie", None, timedelta(weeks=2)),
        ("4 mies.", None, timedelta(days=120)),
        ("hace 19 horas", None, timedelta(hours=19)),
        ("il y a 3 j", "fr", timedelta(days=3)),
        ("2 days ago", None, timedelta(days=2)),
        ("2日前", None, timedelta(days=2)),
        ("3 分钟前", None, timedelta(minutes=3)),
        ("now", None, timedelta(0)),
        ("3m", "en", timedelta(minutes=3)),
        ("3m", None, timedelta(minutes=3)),
        ("3 t", None, None),
        ("3 t", "de", timedelta(days=3)),
        ("3 t", "da", timedelta(hours=3)),
        ("3 parsecs", None, None),
        ("", None, None),
    ],
)
def test_relative_durations(text, lang, expected):
    assert social.relative_duration(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 tys.", 2000), ("1,2 K", 1200), ("1.234", 1234), ("1 234", 1234),
        ("1\u00a0234", 1234), ("1\u202f234", 1234), ("2K", 2000), ("1.5M", 1_500_000),
        ("1,5 mln", 1_500_000), ("3万", 30000), ("2 тыс.", 2000), ("12", 12), ("500+", 500),
        ("1,234,567", 1234567), ("2,5 mil", 2500),
    ],
)  # fmt: skip
def test_number_forms(text, value):
    assert social.parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1 2 3 apples", "K"])
def test_not_numbers(text):
    assert social.parse_number(text) is None


@pytest.mark.parametrize(
    ("sentence", "bold", "count", "names"),
    [
        ("Kinga, Kamil i 9 innych wspólnych kontaktów", ["Kinga", "Kamil"], 11, ("Kinga", "Kamil")),
        ("Łukasz i 95 innych wspólnych kontaktów", [], 96, ("Łukasz",)),
        ("Paweł jest wspólnym kontaktem", [], 1, ("Paweł",)),
        ("A i B są wspólnymi kontaktami", ["A", "B"], 2, ("A", "B")),
        ("345 obserwujących • A i B są wspólnymi kontaktami", ["A", "B"], 2, ("A", "B")),
        ("47 innych wspólnych kontaktów", [], 47, ()),
        ("Ayşe ve 4 diğer ortak bağlantı", ["Ayşe"], 5, ("Ayşe",)),
        ("Anna och 2 andra gemensamma kontakter", [], 3, ("Anna",)),
    ],
)
def test_mutual_sentences(sentence, bold, count, names):
    assert mutual_connections(sentence, bold) == (count, names)


def test_page_language_from_html_lang_or_content():
    assert social.page_language(b'<html lang="pl-PL"><body>') == "pl"
    assert social.page_language(b'<html lang="nb"><body>') == "no"
    assert social.page_language("<p>153 obserwujących</p>".encode()) == "pl"
    assert social.page_language(b"<p>nothing to tell</p>") is None


def test_an_unknown_age_is_null_and_a_warning():
    with social.unknown_words() as unknown:
        assert relative_time("3 sek. •") is None
    assert unknown == ["relative time '3 sek.'"]
    html = (
        '<html lang="pl"><body><div componentkey="update-card-x">'
        '<a href="https://www.linkedin.com/in/anna-lee/">Anna Lee</a><p>3 sek. •</p>'
        '<a href="/feed/update/urn:li:activity:7452446036029190144/">x</a></div></body></html>'
    )
    page = parse_page(html, "https://www.linkedin.com/feed/")
    assert any("unknown word (page language pl): relative time" in w for w in page.warnings)


_TENURE_UNITS = [
    (lang, word)
    for lang, units in social.TIME_UNITS.items()
    for seconds, words in units.items()
    if seconds >= 30 * 86400
    for word in words
    if len(word) > 1 or not word.isascii()
]


@pytest.mark.parametrize(("lang", "word"), _TENURE_UNITS, ids=_ids(_TENURE_UNITS))
def test_month_and_year_units_state_a_tenure(lang, word):
    assert social.is_tenure(f"3 {word}")
    assert social.is_tenure(f"Role · 12 {word}")


@pytest.mark.parametrize(
    "text",
    [
        "Full-time · 5 yrs 3 mos", "Pełny etat · 2 lata 3 mies.", "Vollzeit · 2 J. 3 Mon.",
        "Temps plein · 2 ans 3 mois", "Jornada completa · 1 año", "Tam zamanlı · 2 yıl 3 ay",
        "2年 3か月", "1 год 2 мес.",
    ],
)  # fmt: skip
def test_tenures_in_the_interface_languages(text):
    assert social.is_tenure(text)


@pytest.mark.parametrize(
    "text", ["Class 2 A Driver", "Head of Data", "Top 10 Manager", "3D Artist", "Kierownik", ""]
)
def test_job_titles_are_not_tenures(text):
    assert not social.is_tenure(text)


_SEE_MORE = _entries(social.SEE_MORE)


@pytest.mark.parametrize(("lang", "word"), _SEE_MORE, ids=_ids(_SEE_MORE))
def test_see_more_clamps_are_not_part_of_a_post(lang, word):
    assert social.strip_see_more(f"Shipping the pipeline today …{word}") == (
        "Shipping the pipeline today"
    )
    assert social.strip_see_more(f"Shipping the pipeline today... {word.upper()}") == (
        "Shipping the pipeline today"
    )


def test_a_post_ending_in_a_clamp_word_without_the_ellipsis_keeps_it():
    assert social.strip_see_more("We need more") == "We need more"
    assert social.strip_see_more("Potrzebujemy więcej") == "Potrzebujemy więcej"


@pytest.mark.parametrize(
    "header",
    ["Jan Kowalski udostępnił(a) to", "Marie Curie a republié ceci", "Ana ha compartido esto"],
)
def test_a_card_header_says_repost_in_any_language(header):
    from topofmind.linkedin.posts import _says_reposted

    assert _says_reposted(header.lower())
    assert not _says_reposted("jan kowalski")
