"""Job pages of languages and eras the shared fixtures do not cover, reduced by hand from real
pages.

Each file in ``tests/linkedin/pages/job_*.html`` keeps the DOM structure of a real job page of its
era (names and texts fictional). The expected values are what the page visibly shows, written per
the labelling conventions of ``tests/fixtures/linkedin/MANIFEST.md``: workplace and employment type
as the fixed English words, the posted time as shown, applicants as the number shown, the hiring
team from its own section only. Every field is compared, nulls included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from topofmind.linkedin import parse_page

PAGES = Path(__file__).resolve().parent / "pages"


def member(name, headline, profile_url, role=None, degree=None):
    return {
        "name": name,
        "headline": headline,
        "profile_url": profile_url,
        "role": role,
        "degree": degree,
    }


JOB_CASES = [
    (
        # 2026 Ember, Spanish: a reposted posting, two hiring-team members (a recruiter with the
        # "Job poster" badge and a hiring manager), a "people you can reach out to" alumnus who is
        # not on the hiring team, and a similar-jobs card whose Easy Apply is not this posting's.
        "job_ember2026_es_hiring_team.html",
        "https://www.linkedin.com/jobs/view/4401234567/?refId=abc",
        {
            "job_id": "4401234567",
            "url": "https://www.linkedin.com/jobs/view/4401234567/",
            "title": "Ingeniera de Datos Senior",
            "company": "Lumbre Analítica",
            "company_url": "https://www.linkedin.com/company/lumbre-analitica/",
            "location": "Madrid, Comunidad de Madrid, España",
            "workplace_type": "Hybrid",
            "employment_type": "Full-time",
            "posted_relative": "Publicado de nuevo hace 3 días",
            "applicants": 100,
            "easy_apply": True,
            "description": (
                "Sobre nosotros\n"
                "En Lumbre Analítica ayudamos a hospitales a planificar turnos con datos.\n"
                "Diseñarás pipelines en Spark y dbt.\n"
                "Cuidarás la calidad del dato en Airflow."
            ),
            "hiring_team": [
                member(
                    "Marta Quintero",
                    "Reclutadora técnica en Lumbre Analítica | Selección de talento IT",
                    "https://www.linkedin.com/in/marta-quintero-rrhh/",
                    "Anunciante del empleo",
                    2,
                ),
                member(
                    "Iñaki Olabarria",
                    "Head of Data Platform en Lumbre Analítica",
                    "https://www.linkedin.com/in/inaki-olabarria/",
                    None,
                    3,
                ),
            ],
        },
    ),
    (
        # 2024 Ember, German: the primary line starts with the company; the job-insight labels
        # carry screen-reader sentences; a later insight compares with "200 other applicants";
        # the apply button leads off LinkedIn (no Easy Apply).
        "job_ember2024_de_no_team.html",
        "https://www.linkedin.com/jobs/view/3987654321/",
        {
            "job_id": "3987654321",
            "url": "https://www.linkedin.com/jobs/view/3987654321/",
            "title": "Teamleitung Softwareentwicklung (m/w/d)",
            "company": "Nordwerk GmbH",
            "company_url": "https://www.linkedin.com/company/nordwerk/",
            "location": "Hamburg, Deutschland",
            "workplace_type": "On-site",
            "employment_type": "Full-time",
            "posted_relative": "vor 2 Wochen",
            "applicants": 200,
            "easy_apply": False,
            "description": (
                "Deine Aufgaben\n"
                "Du führst ein Team von acht Entwickler:innen in unserem Hamburger Büro.\n"
                "Dein Profil\n"
                "Erfahrung mit Kotlin und Kubernetes."
            ),
            "hiring_team": [],
        },
    ),
    (
        # 2026 SDUI, French: no headings in the top card (the title is found through <title>),
        # pills as buttons, the hiring team under its own heading beside an alumni block.
        "job_sdui2026_fr_hiring_team.html",
        "https://www.linkedin.com/jobs/view/4422233344/",
        {
            "job_id": "4422233344",
            "url": "https://www.linkedin.com/jobs/view/4422233344/",
            "title": "Développeur Full Stack",
            "company": "Brume Logiciels",
            "company_url": "https://www.linkedin.com/company/brume-logiciels/",
            "location": "Lyon, Auvergne-Rhône-Alpes, France",
            "workplace_type": "Hybrid",
            "employment_type": "Full-time",
            "posted_relative": "il y a 5 jours",
            "applicants": 100,
            "easy_apply": True,
            "description": (
                "Brume Logiciels construit des outils de planification pour les transporteurs.\n"
                "Vos missions\n"
                "Développer nos API en TypeScript\n"
                "Améliorer notre application React"
            ),
            "hiring_team": [
                member(
                    "Claire Dubois",
                    "Chargée de recrutement tech chez Brume Logiciels",
                    "https://www.linkedin.com/in/claire-dubois-recrutement/",
                    "Auteur de l’offre d’emploi",
                    2,
                )
            ],
        },
    ),
    (
        # 2023 logged out, Portuguese: criteria list whose first item (seniority) reads
        # "Estágio" (an employment word too), JSON-LD, the job poster in "message the recruiter".
        "job_guest_2023_pt_jsonld.html",
        "https://br.linkedin.com/jobs/view/engenheira-de-software-backend-at-aurora-pagamentos-3655512345",
        {
            "job_id": "3655512345",
            "url": "https://www.linkedin.com/jobs/view/3655512345/",
            "title": "Engenheira de Software Backend",
            "company": "Aurora Pagamentos",
            "company_url": "https://www.linkedin.com/company/aurora-pagamentos/",
            "location": "São Paulo, SP",
            "workplace_type": None,
            "employment_type": "Full-time",
            "posted_relative": "há 2 semanas",
            "applicants": 200,
            "easy_apply": False,
            "description": (
                "Quem somos\n"
                "Na Aurora Pagamentos levamos o Pix a pequenos comércios.\n"
                "O que você vai fazer\n"
                "Evoluir nossos serviços em Go\n"
                "Cuidar da observabilidade com OpenTelemetry"
            ),
            "hiring_team": [
                member(
                    "Camila Rocha",
                    "Talent Acquisition Partner na Aurora Pagamentos",
                    "https://www.linkedin.com/in/camila-rocha-ta/",
                )
            ],
        },
    ),
    (
        # 2022 Ember, Polish: "jobs-unified-top-card" classes, an h2 title, the workplace type in
        # its own span, the employment type in the job-insight line.
        "job_ember2022_pl_hiring_team.html",
        "https://www.linkedin.com/jobs/view/3345678901/",
        {
            "job_id": "3345678901",
            "url": "https://www.linkedin.com/jobs/view/3345678901/",
            "title": "Starszy Programista Java",
            "company": "WisłaSoft",
            "company_url": "https://www.linkedin.com/company/wislasoft/",
            "location": "Kraków, Małopolskie, Polska",
            "workplace_type": "Remote",
            "employment_type": "Full-time",
            "posted_relative": "2 tygodnie temu",
            "applicants": 200,
            "easy_apply": True,
            "description": (
                "Szukamy osoby, która rozwinie nasz system płatności.\n"
                "Wymagania\n"
                "Java 17, Spring Boot\n"
                "Kafka"
            ),
            "hiring_team": [
                member(
                    "Katarzyna Wójcik",
                    "Rekruterka IT w WisłaSoft",
                    "https://www.linkedin.com/in/katarzyna-wojcik-it/",
                    "Osoba publikująca ofertę pracy",
                    2,
                )
            ],
        },
    ),
    (
        # 2020 logged out, English: "Be among the first 25 applicants" (the number shown), an
        # older criteria list, and JSON-LD saying the role is remote (TELECOMMUTE).
        "job_guest_2020_en_jsonld.html",
        "https://www.linkedin.com/jobs/view/part-time-technical-writer-at-harbor-freightworks-2045566778",
        {
            "job_id": "2045566778",
            "url": "https://www.linkedin.com/jobs/view/2045566778/",
            "title": "Part-Time Technical Writer",
            "company": "Harbor Freightworks",
            "company_url": "https://www.linkedin.com/company/harbor-freightworks/",
            "location": "Portland, Oregon, United States",
            "workplace_type": "Remote",
            "employment_type": "Part-time",
            "posted_relative": "3 days ago",
            "applicants": 25,
            "easy_apply": False,
            "description": (
                "About Harbor\n"
                "We move freight on the river.\n"
                "You will write the manuals our crews read at 5 a.m."
            ),
            "hiring_team": [],
        },
    ),
    (
        # 2025 Ember, Thai: the vocabulary holds no Thai job words, so the workplace and
        # employment types come from the embedded Voyager JSON of this job id (another posting's
        # entity says Remote/Internship); the posted time and applicants stay unknown (null).
        "job_ember2025_th_json.html",
        "https://www.linkedin.com/jobs/view/4188877766/",
        {
            "job_id": "4188877766",
            "url": "https://www.linkedin.com/jobs/view/4188877766/",
            "title": "วิศวกรซอฟต์แวร์",
            "company": "Siam Ledger",
            "company_url": "https://www.linkedin.com/company/siam-ledger/",
            "location": "กรุงเทพมหานคร ประเทศไทย",
            "workplace_type": "Hybrid",
            "employment_type": "Full-time",
            "posted_relative": None,
            "applicants": None,
            "easy_apply": True,
            "description": "Siam Ledger สร้างระบบบัญชีสำหรับร้านค้าออนไลน์",
            "hiring_team": [],
        },
    ),
]


@pytest.mark.parametrize(("name", "url", "expected"), JOB_CASES, ids=[c[0] for c in JOB_CASES])
def test_job_pages(name, url, expected):
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["kind"] == "job"
    assert page["person"] is None and page["jobs"] == []
    assert page["job"] == expected
    assert page["warnings"] == []


@pytest.mark.parametrize(("name", "url", "expected"), JOB_CASES, ids=[c[0] for c in JOB_CASES])
def test_job_pages_without_a_url(name, url, expected):
    """A capture's URL decides the kind; without one the page's own markers, ids and links do."""
    page = parse_page((PAGES / name).read_bytes()).to_dict()
    assert page["kind"] == "job"
    assert page["job"] == expected


def card(job_id, title=None, company=None, location=None, posted_relative=None):
    return {
        "job_id": job_id,
        "url": f"https://www.linkedin.com/jobs/view/{job_id}/",
        "title": title,
        "company": company,
        "location": location,
        "posted_relative": posted_relative,
    }


SEARCH_CASES = [
    (
        # 2023 Ember two-pane search, Italian: rendered and unrendered cards, a screen-reader
        # "con verifica" copy in a title, a salary line, and the open posting in the side pane.
        "job_search_ember2023_it.html",
        "https://www.linkedin.com/jobs/search/?currentJobId=3611122233&keywords=product%20designer",
        [
            card(
                "3611122233",
                "Product Designer Senior",
                "Vela Studio",
                "Milano, Lombardia, Italia",
                "2 giorni fa",
            ),
            card(
                "3611133344",
                "UX/UI Designer",
                "Ferro & Figli S.p.A.",
                "Torino, Piemonte, Italia",
                "2 settimane fa",
            ),
            card("3611144455", "Service Designer", "Comune Digitale", "Italia"),
            card("3611155566"),
            card("3611166677"),
        ],
        {
            "job_id": "3611122233",
            "url": "https://www.linkedin.com/jobs/view/3611122233/",
            "title": "Product Designer Senior",
            "company": "Vela Studio",
            "company_url": "https://www.linkedin.com/company/vela-studio/",
            "location": "Milano, Lombardia, Italia",
            "workplace_type": "Hybrid",
            "employment_type": "Full-time",
            "posted_relative": "2 giorni fa",
            "applicants": 37,
            "easy_apply": True,
            "description": "Vela Studio progetta app per il turismo sostenibile.",
            "hiring_team": [
                member(
                    "Giulia Ferri",
                    "Design Director presso Vela Studio",
                    "https://www.linkedin.com/in/giulia-ferri-design/",
                    "Inserzionista dell’offerta",
                    3,
                )
            ],
        },
    ),
    (
        # Logged-out search, Spanish: titles also in screen-reader copies inside the card links,
        # a "Contratación activa" benefit line between the location and the time.
        "job_search_guest_es.html",
        "https://es.linkedin.com/jobs/enfermer%C3%ADa-empleos-valencia",
        [
            card(
                "3799900011",
                "Enfermera/o de quirófano",
                "Hospital del Turia",
                "Valencia, Comunidad Valenciana, España",
                "hace 5 horas",
            ),
            card(
                "3799900022",
                "Enfermero de urgencias",
                "Salud Levante",
                "Gandía, Comunidad Valenciana, España",
                "hace 1 semana",
            ),
            card(
                "3799900033",
                "Supervisora de Enfermería",
                "Clínica Albufera",
                "Valencia, Comunidad Valenciana, España",
                "hace 1 mes",
            ),
        ],
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "cards", "open_job"), SEARCH_CASES, ids=[c[0] for c in SEARCH_CASES]
)
def test_job_search_pages(name, url, cards, open_job):
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["kind"] == "job_search"
    assert page["jobs"] == cards
    assert page["job"] == open_job
    assert page["warnings"] == []


def test_the_pane_id_comes_from_the_pane_before_the_url():
    """LinkedIn's URL can lag behind the pane (single-page app): the pane's own id wins."""
    name, _url, _cards, open_job = SEARCH_CASES[0]
    url = "https://www.linkedin.com/jobs/search/?currentJobId=1111111111&keywords=designer"
    page = parse_page((PAGES / name).read_bytes(), url).to_dict()
    assert page["job"]["job_id"] == open_job["job_id"]


def test_a_job_page_is_never_read_as_a_profile():
    """Logged-out job pages carry the profile marker ``top-card-layout__title`` too."""
    for name, _url, _expected in JOB_CASES:
        page = parse_page((PAGES / name).read_bytes())
        assert page.kind == "job" and page.person is None


def test_a_job_page_without_a_posting_says_so():
    page = parse_page(
        b"<html><body><main><p>Nothing here</p></main></body></html>",
        "https://www.linkedin.com/jobs/view/4401234567/",
    )
    assert page.kind == "job"
    assert page.job is None
    assert page.warnings == ("job page without a recognisable posting",)


_JOB_TAGS = st.sampled_from(
    ["div", "span", "a", "h1", "h2", "h3", "p", "li", "ul", "button", "section", "main", "time"]
)
_JOB_ATTRS = st.sampled_from(
    [
        "",
        ' class="job-details-jobs-unified-top-card__job-title"',
        ' class="top-card-layout__title"',
        ' class="hirer-card__hirer-information"',
        ' class="message-the-recruiter"',
        ' class="jobs-search__job-details"',
        ' class="description__job-criteria-item"',
        ' class="show-more-less-html__markup"',
        ' id="job-details"',
        ' data-job-id="4361442478"',
        ' data-job-id="x"',
        ' data-occludable-job-id="4361442478"',
        ' data-entity-urn="urn:li:jobPosting:3799900011"',
        ' componentkey="JobDetails_AboutTheJob_4374244548"',
        ' data-sdui-component="x.hiringTeam"',
        ' href="/in/jane-doe/"',
        ' href="/company/acme/life"',
        ' href="/jobs/view/4361442478/"',
        ' aria-label="Easy Apply to X at Y"',
        ' role="dialog"',
    ]
)
_JOB_TEXT = st.sampled_from(
    [
        "",
        "Creative Director",
        "New York, NY (Hybrid)",
        " · ",
        "1 day ago",
        "41 applicants",
        "Over 100 people clicked apply",
        "Hybrid",
        "Full-time",
        "Meet the hiring team",
        "Job poster",
        "3rd",
        "About the job",
        "Employment type",
        "<",
    ]
)


@st.composite
def job_shaped_html(draw):
    parts = ["<html><head><title>X | Y | LinkedIn</title></head><body>"]
    for _ in range(draw(st.integers(0, 80))):
        tag = draw(_JOB_TAGS)
        parts.append(f"<{tag}{draw(_JOB_ATTRS)}>{draw(_JOB_TEXT)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    html=job_shaped_html(),
    url=st.sampled_from(
        [
            "https://www.linkedin.com/jobs/view/4361442478/",
            "https://www.linkedin.com/jobs/search/?currentJobId=4361442478",
            None,
        ]
    ),
)
def test_job_shaped_junk_never_raises(html, url):
    out = parse_page(html, url).to_dict()
    # parse_page turns an exception into a warning; here none may have happened.
    assert not [w for w in out["warnings"] if w.startswith("parser error")], out["warnings"]
    assert out["kind"] in ("job", "job_search", "unknown") or url is None
    if out["job"] is not None:
        assert out["job"]["title"]
        assert out["job"]["job_id"] is None or out["job"]["job_id"].isdigit()
    assert len({card["job_id"] for card in out["jobs"]}) == len(out["jobs"])
