"""Job-page words per interface language: workplace and employment types, applicants, the
"Meet the hiring team" heading, the "Job poster" badge, Easy Apply, "About the job", and the
headline words that say a hiring-team member is a recruiter.

Each table maps a language code (``<html lang>``) to its forms; lookups fold case, accents,
dashes and spacing, and try every language, because a capture is often a fragment without its
``<html lang>`` and the words of different languages never mean different things here (a test
holds every table to that). An unknown word gives ``None``: the parser then reads the page's
structure or embedded JSON instead, or leaves the field null — it never guesses.

Sources: LinkedIn's own job pages and the public scrapers that read them in each language;
forms not confirmed on a real page are still listed when LinkedIn's translation of the same
phrase elsewhere uses them (e.g. the job filters of the search page).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

WORKPLACE_TYPES = ("On-site", "Remote", "Hybrid")
EMPLOYMENT_TYPES = (
    "Full-time",
    "Part-time",
    "Contract",
    "Temporary",
    "Internship",
    "Volunteer",
    "Other",
)

# LinkedIn's workplace-type ids and enums, the same in every language (Voyager JSON).
WORKPLACE_BY_ENUM = {
    "ON_SITE": "On-site",
    "REMOTE": "Remote",
    "HYBRID": "Hybrid",
    "1": "On-site",
    "2": "Remote",
    "3": "Hybrid",
}
# Employment-status enums: Voyager ``urn:li:fsd_employmentStatus:<ENUM>`` and schema.org
# ``employmentType`` (JSON-LD of logged-out job pages).
EMPLOYMENT_BY_ENUM = {
    "FULL_TIME": "Full-time",
    "PART_TIME": "Part-time",
    "CONTRACT": "Contract",
    "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary",
    "INTERNSHIP": "Internship",
    "INTERN": "Internship",
    "VOLUNTEER": "Volunteer",
    "OTHER": "Other",
    "PER_DIEM": "Other",
}

WORKPLACE: Mapping[str, Mapping[str, Iterable[str]]] = {
    "en": {"On-site": ("On-site", "Onsite"), "Remote": ("Remote",), "Hybrid": ("Hybrid",)},
    "es": {"On-site": ("Presencial",), "Remote": ("En remoto", "Remoto"), "Hybrid": ("Híbrido",)},
    "pt": {"On-site": ("Presencial",), "Remote": ("Remoto",), "Hybrid": ("Híbrido",)},
    "fr": {
        "On-site": ("Sur site", "Sur place"),
        "Remote": ("À distance", "Télétravail"),
        "Hybrid": ("Hybride",),
    },
    "de": {"On-site": ("Vor Ort",), "Remote": ("Remote", "Homeoffice"), "Hybrid": ("Hybrid",)},
    "it": {"On-site": ("In sede",), "Remote": ("Da remoto",), "Hybrid": ("Ibrido",)},
    "nl": {"On-site": ("Op locatie",), "Remote": ("Op afstand",), "Hybrid": ("Hybride",)},
    "pl": {
        "On-site": ("Stacjonarnie", "Na miejscu", "Praca stacjonarna"),
        "Remote": ("Zdalnie", "Praca zdalna"),
        "Hybrid": ("Hybrydowo", "Praca hybrydowa", "Hybrydowa"),
    },
    "tr": {"On-site": ("İş yerinde", "Ofiste"), "Remote": ("Uzaktan",), "Hybrid": ("Hibrit",)},
    "sv": {"On-site": ("På plats",), "Remote": ("På distans", "Distans"), "Hybrid": ("Hybrid",)},
    "da": {"On-site": ("På stedet",), "Remote": ("Fjernarbejde",), "Hybrid": ("Hybrid",)},
    "no": {"On-site": ("På stedet",), "Remote": ("Fjernarbeid", "Eksternt"), "Hybrid": ("Hybrid",)},
    "cs": {"On-site": ("Na místě",), "Remote": ("Na dálku",), "Hybrid": ("Hybridní",)},
    "ro": {
        "On-site": ("La birou", "La fața locului"),
        "Remote": ("La distanță",),
        "Hybrid": ("Hibrid",),
    },
    "ru": {"On-site": ("На месте",), "Remote": ("Удаленно", "Удалённо"), "Hybrid": ("Гибрид",)},
    "uk": {"On-site": ("На місці",), "Remote": ("Віддалено",), "Hybrid": ("Гібрид",)},
    "id": {"On-site": ("Di lokasi",), "Remote": ("Jarak jauh",), "Hybrid": ("Hibrida",)},
    "ja": {"On-site": ("出社", "オンサイト"), "Remote": ("リモート",), "Hybrid": ("ハイブリッド",)},
    "ko": {"On-site": ("현장 근무",), "Remote": ("원격 근무", "원격"), "Hybrid": ("하이브리드",)},
    "zh": {"On-site": ("现场办公", "现场"), "Remote": ("远程",), "Hybrid": ("混合办公", "混合")},
}

EMPLOYMENT: Mapping[str, Mapping[str, Iterable[str]]] = {
    "en": {
        "Full-time": ("Full-time", "Full time"),
        "Part-time": ("Part-time", "Part time"),
        "Contract": ("Contract",),
        "Temporary": ("Temporary",),
        "Internship": ("Internship",),
        "Volunteer": ("Volunteer",),
        "Other": ("Other",),
    },
    "es": {
        "Full-time": ("Jornada completa", "Tiempo completo"),
        "Part-time": ("Media jornada", "Jornada parcial", "Tiempo parcial"),
        "Contract": ("Contrato por obra", "Contrato"),
        "Temporary": ("Temporal",),
        "Internship": ("Prácticas",),
        "Volunteer": ("Voluntariado", "Voluntario"),
        "Other": ("Otro",),
    },
    "pt": {
        "Full-time": ("Tempo integral",),
        "Part-time": ("Meio período", "Tempo parcial"),
        "Contract": ("Contrato",),
        "Temporary": ("Temporário",),
        "Internship": ("Estágio",),
        "Volunteer": ("Voluntário", "Trabalho voluntário"),
        "Other": ("Outro",),
    },
    "fr": {
        "Full-time": ("Temps plein",),
        "Part-time": ("Temps partiel",),
        "Contract": ("Contrat",),
        "Temporary": ("Temporaire", "Intérim"),
        "Internship": ("Stage",),
        "Volunteer": ("Bénévolat", "Bénévole"),
        "Other": ("Autre",),
    },
    "de": {
        "Full-time": ("Vollzeit",),
        "Part-time": ("Teilzeit",),
        "Contract": ("Vertrag", "Freiberuflich", "Auftragsbasis"),
        "Temporary": ("Befristet", "Temporär", "Aushilfe"),
        "Internship": ("Praktikum",),
        "Volunteer": ("Ehrenamtlich", "Freiwillig"),
        "Other": ("Andere", "Sonstiges"),
    },
    "it": {
        "Full-time": ("A tempo pieno", "Tempo pieno"),
        "Part-time": ("Part-time", "Tempo parziale"),
        "Contract": ("Contratto", "A contratto"),
        "Temporary": ("Temporaneo",),
        "Internship": ("Stage", "Tirocinio"),
        "Volunteer": ("Volontariato",),
        "Other": ("Altro",),
    },
    "nl": {
        "Full-time": ("Fulltime", "Voltijds"),
        "Part-time": ("Parttime", "Deeltijds"),
        "Contract": ("Contract", "Freelance"),
        "Temporary": ("Tijdelijk",),
        "Internship": ("Stage",),
        "Volunteer": ("Vrijwilligerswerk", "Vrijwillig"),
        "Other": ("Anders", "Overig"),
    },
    "pl": {
        "Full-time": ("Pełny etat", "Pełen etat"),
        "Part-time": ("Niepełny etat", "Część etatu", "Pół etatu"),
        "Contract": ("Kontrakt", "Umowa o dzieło"),
        "Temporary": ("Praca tymczasowa", "Tymczasowa"),
        "Internship": ("Staż", "Praktyki"),
        "Volunteer": ("Wolontariat",),
        "Other": ("Inne",),
    },
    "tr": {
        "Full-time": ("Tam zamanlı",),
        "Part-time": ("Yarı zamanlı",),
        "Contract": ("Sözleşmeli",),
        "Temporary": ("Geçici",),
        "Internship": ("Stajyer", "Staj"),
        "Volunteer": ("Gönüllü",),
        "Other": ("Diğer",),
    },
    "sv": {
        "Full-time": ("Heltid",),
        "Part-time": ("Deltid",),
        "Contract": ("Kontrakt", "Konsultuppdrag"),
        "Temporary": ("Tillfällig", "Visstid"),
        "Internship": ("Praktik",),
        "Volunteer": ("Volontär",),
        "Other": ("Annat", "Övrigt"),
    },
    "da": {
        "Full-time": ("Fuldtid",),
        "Part-time": ("Deltid",),
        "Contract": ("Kontrakt",),
        "Temporary": ("Midlertidig",),
        "Internship": ("Praktik",),
        "Volunteer": ("Frivillig",),
        "Other": ("Andet",),
    },
    "no": {
        "Full-time": ("Heltid",),
        "Part-time": ("Deltid",),
        "Contract": ("Kontrakt",),
        "Temporary": ("Midlertidig",),
        "Internship": ("Praksisplass", "Praksis"),
        "Volunteer": ("Frivillig",),
        "Other": ("Annet",),
    },
    "cs": {
        "Full-time": ("Plný úvazek",),
        "Part-time": ("Částečný úvazek",),
        "Contract": ("Smlouva", "Na smlouvu"),
        "Temporary": ("Dočasný",),
        "Internship": ("Stáž",),
        "Volunteer": ("Dobrovolnictví",),
        "Other": ("Jiné", "Ostatní"),
    },
    "ro": {
        "Full-time": ("Normă întreagă",),
        "Part-time": ("Normă redusă", "Normă parțială"),
        "Contract": ("Contract",),
        "Temporary": ("Temporar",),
        "Internship": ("Stagiu", "Internship"),
        "Volunteer": ("Voluntariat",),
        "Other": ("Altele",),
    },
    "ru": {
        "Full-time": ("Полная занятость",),
        "Part-time": ("Частичная занятость",),
        "Contract": ("Контракт", "Договор подряда"),
        "Temporary": ("Временная работа", "Временная"),
        "Internship": ("Стажировка",),
        "Volunteer": ("Волонтерство", "Волонтёрство"),
        "Other": ("Другое",),
    },
    "uk": {
        "Full-time": ("Повна зайнятість",),
        "Part-time": ("Часткова зайнятість",),
        "Contract": ("Контракт",),
        "Temporary": ("Тимчасова робота", "Тимчасова"),
        "Internship": ("Стажування",),
        "Volunteer": ("Волонтерство",),
        "Other": ("Інше",),
    },
    "id": {
        "Full-time": ("Penuh waktu",),
        "Part-time": ("Paruh waktu",),
        "Contract": ("Kontrak",),
        "Temporary": ("Sementara",),
        "Internship": ("Magang",),
        "Volunteer": ("Sukarela", "Relawan"),
        "Other": ("Lainnya",),
    },
    "ja": {
        "Full-time": ("正社員", "フルタイム"),
        "Part-time": ("パートタイム",),
        "Contract": ("契約",),
        "Temporary": ("派遣", "臨時"),
        "Internship": ("インターンシップ",),
        "Volunteer": ("ボランティア",),
        "Other": ("その他",),
    },
    "ko": {
        "Full-time": ("정규직", "풀타임"),
        "Part-time": ("파트타임", "시간제"),
        "Contract": ("계약직",),
        "Temporary": ("임시직",),
        "Internship": ("인턴십", "인턴"),
        "Volunteer": ("자원봉사",),
        "Other": ("기타",),
    },
    "zh": {
        "Full-time": ("全职",),
        "Part-time": ("兼职",),
        "Contract": ("合同工", "合同"),
        "Temporary": ("临时",),
        "Internship": ("实习",),
        "Volunteer": ("志愿者",),
        "Other": ("其他",),
    },
}

# The word for applicants in "41 applicants" / "Over 100 applicants" (stems: the number's
# grammatical case changes the ending: "100 kandydatów", "1 kandydat").
APPLICANT_WORDS: Mapping[str, Iterable[str]] = {
    "en": ("applicant",),
    "es": ("solicitud", "solicitante", "candidato"),
    "pt": ("candidatura", "candidato"),
    "fr": ("candidat",),
    "de": ("bewerber", "bewerbung"),
    "it": ("candidat",),
    "nl": ("sollicitant",),
    "pl": ("kandydat", "aplikacj", "aplikując"),
    "tr": ("başvuru",),
    "sv": ("sökande",),
    "da": ("ansøger",),
    "no": ("søker",),
    "cs": ("uchazeč",),
    "ro": ("candida", "aplicant"),
    "ru": ("кандидат", "претендент", "соискател"),
    "uk": ("кандидат", "претендент"),
    "id": ("pelamar",),
    "ja": ("応募者",),
    "ko": ("지원자",),
    "zh": ("申请者", "申请人"),
}
# "Over 100 people clicked apply" counts clicks, not applicants (labelling convention).
CLICK_WORDS: Mapping[str, Iterable[str]] = {
    "en": ("clicked",),
    "es": ("clic",),
    "pt": ("clicaram", "clicou"),
    "fr": ("cliqué",),
    "de": ("geklickt",),
    "it": ("cliccato",),
    "nl": ("geklikt",),
    "pl": ("kliknęł", "kliknięc"),
    "tr": ("tıklad",),
    "sv": ("klickat",),
    "da": ("klikket",),
    "no": ("klikket",),
    "cs": ("klikl",),
    "ro": ("făcut clic",),
    "ru": ("нажал",),
    "uk": ("натиснул",),
    "id": ("mengeklik", "mengklik"),
    "ja": ("クリック",),
    "ko": ("클릭",),
    "zh": ("点击",),
}

# "1 day ago" and its translations: the word that makes a phrase a past time. A posted time
# always carries a number ("vor 2 Tagen"; "vor Ort" is a workplace type, not a time).
AGO_PATTERNS: Mapping[str, str] = {
    "en": r"\bago\b",
    "es": r"\bhace\b",
    "pt": r"\bhá\b|\batrás\b",
    "fr": r"\bil y a\b",
    "de": r"\bvor\b",
    "it": r"\bfa\b",
    "nl": r"\bgeleden\b",
    "pl": r"\btemu\b",
    "tr": r"\bönce\b",
    "sv": r"\bsedan\b",
    "da": r"\bsiden\b",
    "no": r"\bsiden\b",
    "cs": r"\bpřed\b",
    "ro": r"\bacum\b|în urmă",
    "ru": r"назад",
    "uk": r"тому",
    "id": r"\blalu\b",
    "ja": r"前",
    "ko": r"전",
    "zh": r"前",
}

HIRING_TEAM_HEADINGS: Mapping[str, Iterable[str]] = {
    "en": ("hiring team",),
    "es": ("equipo de contratación",),
    "pt": ("equipe de contratação", "equipa de recrutamento"),
    "fr": ("équipe de recrutement",),
    "de": ("einstellungsteam", "recruiting-team", "recruitingteam"),
    "it": ("team di assunzione", "team addetto alle assunzioni", "team di selezione"),
    "nl": ("wervingsteam", "recruitmentteam"),
    "pl": ("zespół rekrutacyjny", "zespołem rekrutacyjnym", "zespół ds. rekrutacji"),
    "tr": ("işe alım ekibi",),
    "sv": ("rekryteringsteam",),
    "da": ("ansættelsesteam", "rekrutteringsteam"),
    "no": ("ansettelsesteam", "rekrutteringsteam"),
    "cs": ("náborový tým", "náborovým týmem"),
    "ro": ("echipa de recrutare", "echipa de angajare"),
    "ru": ("команда по найму", "командой по найму"),
    "uk": ("команда з найму", "командою з найму"),
    "id": ("tim perekrutan", "tim rekrutmen"),
    "ja": ("採用チーム",),
    "ko": ("채용 팀", "채용팀"),
    "zh": ("招聘团队",),
}

JOB_POSTER_BADGES: Mapping[str, Iterable[str]] = {
    "en": ("Job poster",),
    "es": ("Anunciante del empleo", "Autor del anuncio"),
    "pt": ("Anunciante da vaga",),
    "fr": ("Auteur de l’offre d’emploi", "Annonceur de l’offre d’emploi"),
    "de": ("Jobinserent:in", "Jobinserent", "Stellenanbieter"),
    "it": ("Inserzionista dell’offerta",),
    "nl": ("Vacatureplaatser",),
    "pl": ("Osoba publikująca ofertę pracy", "Autor oferty pracy"),
    "tr": ("İş ilanı sahibi",),
    "sv": ("Jobbannonsör",),
    "da": ("Jobopslagsindehaver",),
    "no": ("Stillingsutlyser",),
    "cs": ("Autor nabídky práce",),
    "ro": ("Autorul anunțului de angajare",),
    "ru": ("Автор вакансии",),
    "uk": ("Автор вакансії",),
    "id": ("Pemasang lowongan",),
    "ja": ("求人投稿者",),
    "ko": ("채용공고 게시자",),
    "zh": ("职位发布者",),
}

EASY_APPLY: Mapping[str, Iterable[str]] = {
    "en": ("Easy Apply",),
    "es": ("Solicitud sencilla",),
    "pt": ("Candidatura simplificada",),
    "fr": ("Candidature simplifiée",),
    "de": ("Einfach bewerben",),
    "it": ("Candidatura semplice",),
    "nl": ("Eenvoudig solliciteren", "Makkelijk solliciteren"),
    "pl": ("Łatwe aplikowanie", "Szybka aplikacja"),
    "tr": ("Kolay Başvuru",),
    "sv": ("Enkel ansökan",),
    "da": ("Nem ansøgning",),
    "no": ("Enkel søknad",),
    "cs": ("Snadné podání žádosti", "Rychlá žádost"),
    "ro": ("Aplicare simplă",),
    "ru": ("Простой отклик", "Простая подача заявки"),
    "uk": ("Просте подання заявки",),
    "id": ("Lamar Mudah",),
    "ja": ("簡単応募",),
    "ko": ("간편 지원",),
    "zh": ("快速申请", "轻松申请"),
}

ABOUT_THE_JOB: Mapping[str, Iterable[str]] = {
    "en": ("About the job",),
    "es": ("Acerca del empleo",),
    "pt": ("Sobre a vaga",),
    "fr": ("À propos de l’offre d’emploi",),
    "de": ("Über den Job", "Info zum Job"),
    "it": ("Informazioni sull’offerta di lavoro",),
    "nl": ("Over de vacature",),
    "pl": ("Informacje o ofercie pracy",),
    "tr": ("İş hakkında",),
    "sv": ("Om jobbet",),
    "da": ("Om jobbet",),
    "no": ("Om jobben",),
    "cs": ("O pracovní nabídce",),
    "ro": ("Despre job",),
    "ru": ("О вакансии",),
    "uk": ("Про вакансію",),
    "id": ("Tentang pekerjaan",),
    "ja": ("求人について",),
    "ko": ("채용공고 소개",),
    "zh": ("职位详情",),
}

# The "Employment type" header of a logged-out posting's criteria list ("Seniority level",
# "Employment type", "Job function", "Industries"): seniority "Internship" is not a job type.
EMPLOYMENT_TYPE_HEADERS: Mapping[str, Iterable[str]] = {
    "en": ("Employment type",),
    "es": ("Tipo de empleo",),
    "pt": ("Tipo de emprego",),
    "fr": ("Type d’emploi",),
    "de": ("Beschäftigungsverhältnis", "Anstellungsart"),
    "it": ("Tipo di impiego",),
    "nl": ("Dienstverband",),
    "pl": ("Forma zatrudnienia", "Rodzaj zatrudnienia"),
    "tr": ("İstihdam türü", "Çalışma şekli"),
    "sv": ("Anställningstyp",),
    "da": ("Ansættelsestype",),
    "no": ("Ansettelsestype",),
    "cs": ("Typ pracovního poměru",),
    "ro": ("Tipul angajării",),
    "ru": ("Тип занятости",),
    "uk": ("Тип зайнятості",),
    "id": ("Jenis pekerjaan",),
    "ja": ("雇用形態",),
    "ko": ("고용 형태",),
    "zh": ("雇佣类型", "职位类型"),
}

# Headline words of recruiters (recruiting, talent, sourcing…): a hiring-team member whose
# headline has one is the recruiter, anyone else the hiring manager. Folded substrings.
RECRUITER_HEADLINE_WORDS: Mapping[str, Iterable[str]] = {
    "en": ("recruit", "talent", "sourcing", "sourcer", "headhunt", "staffing"),
    "es": ("reclut", "selección de personal", "adquisición de talento"),
    "pt": ("recrut", "aquisição de talentos"),
    "fr": ("recrut", "chasseur de têtes", "chargé de recrutement"),
    "de": ("rekrut", "personalbeschaffung", "personalvermittl", "personalgewinnung"),
    "it": ("recluta", "selezione del personale", "selezionatore"),
    "nl": ("werving", "recruiter"),
    "pl": ("rekrut",),
    "tr": ("işe alım",),
    "sv": ("rekryter",),
    "da": ("rekrutter",),
    "no": ("rekrutter",),
    "cs": ("nábor",),
    "ro": ("recrutare",),
    "ru": ("рекрут", "подбор персонала", "подбору персонала"),
    "uk": ("рекрут", "підбор персоналу"),
    "id": ("perekrut", "rekrut"),
    "ja": ("採用", "リクルーター"),
    "ko": ("채용", "리크루터"),
    "zh": ("招聘",),
}

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'"})


def fold(text: str | None) -> str:
    """Case-, accent-, dash- and space-insensitive form used by every lookup here."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub("-", text.casefold())
    return _SPACES.sub(" ", text).strip()


def _value_index(table: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[str, str]:
    return {
        fold(word): value
        for forms in table.values()
        for value, words in forms.items()
        for word in words
    }


def _word_list(table: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold(word) for words in table.values() for word in words))


_WORKPLACE_INDEX = _value_index(WORKPLACE)
_EMPLOYMENT_INDEX = _value_index(EMPLOYMENT)
_APPLICANT_WORDS = _word_list(APPLICANT_WORDS)
_CLICK_WORDS = _word_list(CLICK_WORDS)
_HIRING_TEAM_WORDS = _word_list(HIRING_TEAM_HEADINGS)
_JOB_POSTER_WORDS = frozenset(_word_list(JOB_POSTER_BADGES))
_EASY_APPLY_START = re.compile("|".join(re.escape(word) for word in _word_list(EASY_APPLY)))
_ABOUT_WORDS = frozenset(_word_list(ABOUT_THE_JOB))
_RECRUITER_WORDS = _word_list(RECRUITER_HEADLINE_WORDS)
_EMPLOYMENT_HEADERS = frozenset(_word_list(EMPLOYMENT_TYPE_HEADERS))
_DIGIT = re.compile(r"\d")
_AGO = re.compile("|".join(f"(?:{p})" for p in AGO_PATTERNS.values()), re.IGNORECASE)


def workplace_type(text: str | None) -> str | None:
    """ "On-site", "Remote" or "Hybrid" for a workplace-type word in any UI language, else None.

    ``text`` is the whole word or phrase as shown ("Híbrido", "Vor Ort"), not a sentence.
    """
    return _WORKPLACE_INDEX.get(fold(text))


def employment_type(text: str | None) -> str | None:
    """One of ``EMPLOYMENT_TYPES`` for an employment-type word in any UI language, else None."""
    return _EMPLOYMENT_INDEX.get(fold(text))


_PAREN_TAIL = re.compile(r"^(?P<place>.*\S)\s*\((?P<word>[^()]{2,40})\)$")


def split_workplace_suffix(location: str) -> tuple[str, str | None]:
    """ "New York, NY (Hybrid)" → ("New York, NY", "Hybrid"); other text comes back as it is."""
    match = _PAREN_TAIL.match(location)
    if match:
        kind = workplace_type(match.group("word"))
        if kind is not None:
            return match.group("place"), kind
    return location, None


def mentions_applicants(text: str | None) -> bool:
    """True for "41 applicants", "Más de 100 solicitudes"…; False for "clicked apply" counts."""
    if not text or _DIGIT.search(text) is None:
        return False
    folded = fold(text)
    if any(word in folded for word in _CLICK_WORDS):
        return False
    return any(word in folded for word in _APPLICANT_WORDS)


def is_click_count(text: str | None) -> bool:
    """True for "Over 100 people clicked apply" (and its translations)."""
    folded = fold(text)
    return bool(folded) and any(word in folded for word in _CLICK_WORDS)


def is_posted_time(text: str | None) -> bool:
    """True for a posted time as a job page shows it: "1 day ago", "hace 19 horas",
    "Reposted 2 weeks ago", "2 dni temu", "vor 3 Tagen"."""
    if not text or len(text) > 60 or _DIGIT.search(text) is None:
        return False
    return _AGO.search(text) is not None


def is_hiring_team_heading(text: str | None) -> bool:
    """True for "Meet the hiring team" and its translations."""
    folded = fold(text)
    return bool(folded) and len(folded) <= 80 and any(w in folded for w in _HIRING_TEAM_WORDS)


def is_job_poster_badge(text: str | None) -> bool:
    """True for the "Job poster" badge of a hiring-team card, in any UI language."""
    return fold(text) in _JOB_POSTER_WORDS


def is_easy_apply(text: str | None) -> bool:
    """True when a button's text or label names Easy Apply ("Easy Apply to … at …" too)."""
    if not text or len(text) > 300:
        return False
    return _EASY_APPLY_START.match(fold(text)) is not None


def is_about_the_job(text: str | None) -> bool:
    """True for the "About the job" heading of a job description, in any UI language."""
    return fold(text) in _ABOUT_WORDS


def is_employment_type_header(text: str | None) -> bool:
    """True for the "Employment type" header of a logged-out posting's criteria list."""
    return fold(text) in _EMPLOYMENT_HEADERS


def is_recruiter_headline(headline: str | None) -> bool:
    """True when a headline says its owner recruits (recruiter, talent acquisition, sourcing…)."""
    folded = fold(headline)
    return bool(folded) and any(word in folded for word in _RECRUITER_WORDS)
