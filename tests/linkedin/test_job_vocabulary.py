"""The job-page words of every UI language (server/topofmind/linkedin/vocabulary/jobs.py)."""

from __future__ import annotations

import pytest

from topofmind.linkedin.urls import canonical_job_url, job_id_from_url, job_id_from_urn
from topofmind.linkedin.vocabulary import jobs as words

LANGUAGES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "sv",
    "da", "no", "cs", "ro", "ru", "uk", "id", "ja", "ko", "zh",
)  # fmt: skip


def _entries(table):
    return [
        (lang, value, word)
        for lang, forms in table.items()
        for value, found in forms.items()
        for word in found
    ]


@pytest.mark.parametrize(
    "table", [words.WORKPLACE, words.EMPLOYMENT], ids=["workplace", "employment"]
)
def test_every_language_has_every_value(table):
    values = words.WORKPLACE_TYPES if table is words.WORKPLACE else words.EMPLOYMENT_TYPES
    assert set(table) == set(LANGUAGES)
    for lang, forms in table.items():
        assert set(forms) == set(values), lang


@pytest.mark.parametrize(
    "table", [words.WORKPLACE, words.EMPLOYMENT], ids=["workplace", "employment"]
)
def test_no_word_means_two_things(table):
    """Lookups try every language at once, so a word must mean the same in all of them."""
    meaning: dict[str, str] = {}
    for lang, value, word in _entries(table):
        folded = words.fold(word)
        assert meaning.setdefault(folded, value) == value, (lang, word)


def test_workplace_and_employment_words_never_overlap():
    workplace = {words.fold(w) for _l, _v, w in _entries(words.WORKPLACE)}
    employment = {words.fold(w) for _l, _v, w in _entries(words.EMPLOYMENT)}
    assert workplace.isdisjoint(employment)


@pytest.mark.parametrize(("lang", "value", "word"), _entries(words.WORKPLACE))
def test_workplace_type(lang, value, word):
    assert words.workplace_type(word) == value
    assert words.workplace_type(f"  {word.upper()} ") == value


@pytest.mark.parametrize(("lang", "value", "word"), _entries(words.EMPLOYMENT))
def test_employment_type(lang, value, word):
    assert words.employment_type(word) == value


@pytest.mark.parametrize("text", ["On‑site", "ONSITE", "Hibrido", "hybride", "vor ort"])
def test_workplace_lookup_folds_dashes_accents_and_case(text):
    assert words.workplace_type(text) is not None


@pytest.mark.parametrize("text", ["New York, NY", "Mid-Senior level", "", None, "Contract work"])
def test_other_text_is_no_workplace_or_employment_type(text):
    assert words.workplace_type(text) is None
    assert words.employment_type(text) is None


def test_enums_are_language_independent():
    assert words.WORKPLACE_BY_ENUM["2"] == words.WORKPLACE_BY_ENUM["REMOTE"] == "Remote"
    assert set(words.WORKPLACE_BY_ENUM.values()) == set(words.WORKPLACE_TYPES)
    assert set(words.EMPLOYMENT_BY_ENUM.values()) == set(words.EMPLOYMENT_TYPES)


POSTED = {
    "en": "1 day ago",
    "es": "hace 19 horas",
    "pt": "há 2 dias",
    "fr": "il y a 3 semaines",
    "de": "vor 2 Wochen",
    "it": "2 giorni fa",
    "nl": "3 dagen geleden",
    "pl": "2 tygodnie temu",
    "tr": "2 gün önce",
    "sv": "för 2 dagar sedan",
    "da": "for 2 dage siden",
    "no": "for 2 dager siden",
    "cs": "před 2 dny",
    "ro": "acum 2 zile",
    "ru": "2 дня назад",
    "uk": "2 дні тому",
    "id": "2 hari yang lalu",
    "ja": "2 日前",
    "ko": "2일 전",
    "zh": "2 天前",
}


def test_every_language_has_a_posted_time_pattern():
    assert set(words.AGO_PATTERNS) == set(LANGUAGES) == set(POSTED)


@pytest.mark.parametrize(("lang", "text"), POSTED.items())
def test_posted_time(lang, text):
    assert words.is_posted_time(text)
    assert words.is_posted_time(f"Reposted {text}") or lang != "en"


@pytest.mark.parametrize(
    "text",
    ["Vor Ort", "Remote", "Hace falta experiencia", "New York, NY", "", None, "41 applicants"],
)
def test_not_a_posted_time(text):
    assert not words.is_posted_time(text)


APPLICANTS = [
    ("41 applicants", True),
    ("Over 200 applicants", True),
    ("Be among the first 25 applicants", True),
    ("Más de 100 solicitudes", True),
    ("Mais de 200 candidaturas", True),
    ("Plus de 100 candidats", True),
    ("Über 200 Bewerber:innen", True),
    ("Oltre 100 candidati", True),
    ("Meer dan 100 sollicitanten", True),
    ("Ponad 200 kandydatów", True),
    ("100'den fazla başvuru", True),
    ("Över 100 sökande", True),
    ("Более 100 кандидатов", True),
    ("応募者 41 人", True),
    ("Over 100 people clicked apply", False),
    ("Más de 100 personas hicieron clic en Solicitar", False),
    ("Über 100 Personen haben auf „Bewerben“ geklickt", False),
    ("Be an early applicant", False),
    ("Actively reviewing applicants", False),
]


@pytest.mark.parametrize(("text", "expected"), APPLICANTS)
def test_applicants(text, expected):
    assert words.mentions_applicants(text) is expected


def test_click_counts_are_recognised_as_such():
    assert words.is_click_count("Over 100 people clicked apply")
    assert not words.is_click_count("41 applicants")


@pytest.mark.parametrize(
    "headline",
    [
        "Talent Acquisition Leader | MSP Recruiter",
        "Senior Technical Recruiter at Acme",
        "Sourcing Specialist",
        "Reclutadora técnica en Lumbre",
        "Chargée de recrutement tech",
        "Rekruterka IT w WisłaSoft",
        "Personalbeschaffung bei Nordwerk",
        "Responsabile selezione del personale",
        "İşe Alım Uzmanı",
        "Рекрутер в Яндекс",
        "採用担当",
        "招聘经理",
    ],
)
def test_recruiter_headlines(headline):
    assert words.is_recruiter_headline(headline)


@pytest.mark.parametrize(
    "headline", ["Engineering Manager", "Head of Data Platform", "Design Director", "", None]
)
def test_other_headlines_are_not_recruiters(headline):
    assert not words.is_recruiter_headline(headline)


@pytest.mark.parametrize(
    "text",
    [
        "Meet the hiring team",
        "Conoce al equipo de contratación",
        "Rencontrez l’équipe de recrutement",
        "Poznaj zespół rekrutacyjny",
        "Incontra il team di assunzione",
        "Conheça a equipe de contratação",
    ],
)
def test_hiring_team_headings(text):
    assert words.is_hiring_team_heading(text)


@pytest.mark.parametrize(
    "text", ["People you can reach out to", "Personas con las que puedes contactar", "About"]
)
def test_other_headings_are_not_the_hiring_team(text):
    assert not words.is_hiring_team_heading(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Easy Apply", True),
        ("Easy Apply to Creative Director at US Tech Solutions", True),
        ("Solicitud sencilla", True),
        ("Candidature simplifiée", True),
        ("Łatwe aplikowanie", True),
        ("Apply", False),
        ("Apply to Creative Technologist on company website", False),
        ("", False),
    ],
)
def test_easy_apply(text, expected):
    assert words.is_easy_apply(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York, NY (Hybrid)", ("New York, NY", "Hybrid")),
        ("Milano, Lombardia, Italia (Ibrido)", ("Milano, Lombardia, Italia", "Hybrid")),
        ("Torino (In sede)", ("Torino", "On-site")),
        ("Bengaluru (Karnataka)", ("Bengaluru (Karnataka)", None)),
        ("Remote", ("Remote", None)),
    ],
)
def test_split_workplace_suffix(text, expected):
    assert words.split_workplace_suffix(text) == expected


def test_badges_and_headers():
    assert words.is_job_poster_badge("Job poster")
    assert words.is_job_poster_badge("Anunciante del empleo")
    assert not words.is_job_poster_badge("Hiring manager at Acme")
    assert words.is_about_the_job("About the job")
    assert words.is_about_the_job("Acerca del empleo")
    assert words.is_employment_type_header("Tipo de emprego")
    assert not words.is_employment_type_header("Nível de experiência")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/jobs/view/4361442478/", "4361442478"),
        ("https://www.linkedin.com/jobs/view/4361442478", "4361442478"),
        ("/jobs/view/4361442478/?eBP=abc&trk=x", "4361442478"),
        (
            "https://au.linkedin.com/jobs/view/senior-engineer-at-heidi-4411867124?trk=x",
            "4411867124",
        ),
        ("https://www.linkedin.com/jobs/search/?keywords=x&currentJobId=4361442478", "4361442478"),
        ("https://www.linkedin.com/jobs/collections/similar-jobs?referenceJobId=4361442478", None),
        ("https://www.linkedin.com/jobs/search/?keywords=x", None),
        ("https://www.linkedin.com/in/jane-doe/", None),
        (None, None),
    ],
)
def test_job_id_from_url(url, expected):
    assert job_id_from_url(url) == expected


def test_job_ids_from_urns_and_the_canonical_url():
    assert job_id_from_urn("urn:li:jobPosting:4361442478") == "4361442478"
    assert job_id_from_urn("urn:li:fsd_jobPosting:4361442478") == "4361442478"
    assert job_id_from_urn("urn:li:fs_normalized_jobPosting:4361442478") == "4361442478"
    assert job_id_from_urn("urn:li:activity:7336062102878507009") is None
    assert canonical_job_url("4361442478") == "https://www.linkedin.com/jobs/view/4361442478/"
