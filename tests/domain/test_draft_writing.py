"""Drafts a person would send: distinct panel notes, comments that answer what the post says,
grammatical inserted facts, the signature rule, no pursuit after an outcome, and the check that
catches one note sent twice with the name swapped."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

from tests.support.fixtures import ground_truth, page_text
from topofmind.domain.drafts import DraftContext, build_draft, check_in_context
from topofmind.domain.message_check import NEAR_DUPLICATE_RATIO, check_message, note_similarity
from topofmind.domain.phrasing import as_object, post_line
from topofmind.linkedin import parse_page

PANEL = (
    ("Jane Doe", "Engineering Manager"),
    ("Omar Haddad", "Staff Engineer"),
    ("Lena Fischer", "Product Manager"),
    ("Raj Patel", "Principal Engineer"),
    ("Mia Chen", "Director of Engineering"),
    ("Tom Berg", "Senior SRE"),
    ("Ana Ruiz", "Tech Lead"),
    ("Kim Lee", "Technical Recruiter"),
)
SHARED = ("paved-road platform for 40 product teams", "incident reviews")


def panel_notes(titles: bool = True, **extra) -> list[str]:
    return [
        build_draft(
            "thank_you",
            DraftContext(
                user_name="Sam Lee",
                person_name=name,
                company="Acme",
                role_title="Staff Platform Engineer",
                interview_topics=SHARED,
                person_title=title if titles else "",
                variant=index,
                **extra,
            ),
        ).body
        for index, (name, title) in enumerate(PANEL)
    ]


def codes(warnings) -> list[str]:
    return [w.code for w in warnings]


# Panel notes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("titles", [True, False], ids=["with titles", "without titles"])
def test_eight_panelists_with_shared_topics_get_eight_different_notes(titles):
    notes = panel_notes(titles)
    assert len(set(notes)) == 8
    # Not one note with the name swapped: no two notes share half their three-word runs.
    worst = max(note_similarity(a, b) for a, b in itertools.combinations(notes, 2))
    assert worst < NEAR_DUPLICATE_RATIO, worst
    # Openings differ across the first four, whatever the name.
    openings = {note.split("\n\n")[1].split(".")[0] for note in notes[:4]}
    assert len(openings) == 4
    for note, (name, _) in zip(notes, PANEL, strict=True):
        assert note.startswith(f"Hi {name.split()[0]},")
        assert "the paved-road platform for 40 product teams" in note
        assert note.endswith("Sam Lee")


def test_a_panel_note_cites_the_interviewer_s_role():
    notes = panel_notes()
    cited = [note for note, (_, title) in zip(notes, PANEL, strict=True) if title in note]
    assert len(cited) >= 5  # three of the four wordings cite the role
    assert "as an Engineering Manager" not in notes[0] or "seat" in notes[0]
    assert any("as a Staff Engineer" in note for note in notes)


def test_the_panel_notes_pass_the_check_against_each_other():
    notes = panel_notes()
    for index, note in enumerate(notes):
        others = notes[:index] + notes[index + 1 :]
        ctx = DraftContext(person_name=PANEL[index][0], interview_topics=SHARED)
        assert "near_duplicate" not in codes(
            check_message(note, channel="email", company_messages=others)
        ), note
        assert check_in_context(note, "email", ctx) == ()


def test_one_note_with_the_name_swapped_is_flagged():
    (jane, *_) = panel_notes()
    to_omar = jane.replace("Hi Jane,", "Hi Omar,")
    warnings = check_message(to_omar, channel="email", company_messages=[jane])
    (twin,) = [w for w in warnings if w.code == "near_duplicate"]
    assert "same company" in twin.message and "100% alike" in twin.message
    # A different note to a colleague is not flagged, nor is an empty list of colleagues.
    assert "near_duplicate" not in codes(
        check_message(to_omar, channel="email", company_messages=[panel_notes()[1]])
    )
    assert "near_duplicate" not in codes(check_message(to_omar, channel="email"))


def test_a_lightly_edited_copy_is_still_flagged():
    (jane, *_) = panel_notes()
    edited = jane.replace("Hi Jane,", "Dear Omar,").replace("especially", "really")
    assert note_similarity(jane, edited) >= NEAR_DUPLICATE_RATIO
    assert "near_duplicate" in codes(
        check_in_context(
            edited, "email", DraftContext(person_name="Omar Haddad", company_messages=(jane,))
        )
    )


# Comments on real posts -----------------------------------------------------------------------


def fixture_posts() -> list[str]:
    seen, texts = set(), []
    for entry in ground_truth():
        try:
            page = parse_page(page_text(entry["file"]), entry.get("url", ""))
        except Exception:  # noqa: BLE001 - pages of other kinds are not about posts
            continue
        for post in page.posts:
            text = post.text or ""
            if len(text) > 80 and text[:60] not in seen:
                seen.add(text[:60])
                texts.append(text)
    return texts


POSTS = fixture_posts()


def _plain(text: str) -> str:
    text = re.sub(r"[#“”\"‘’']", "", text)
    text = re.sub(r"[^\w%,.—–-]+", " ", text)
    return " ".join(text.split()).lower()


def test_the_fixture_posts_are_real_and_many():
    assert len(POSTS) >= 30


def test_a_comment_answers_the_cto_post_s_lesson_not_a_topic_label():
    (text,) = [t for t in POSTS if "schooled again by our CTO" in t]
    draft = build_draft("comment", DraftContext(person_name="Jane Doe", post_text=text))
    assert "“Your CTO's laugh after you make a client promise is never a good sign”" in draft.body
    assert "Your point about" not in draft.body and "platform" not in draft.body
    assert draft.warnings == ()


@pytest.mark.parametrize("index", range(len(POSTS)))
def test_every_english_fixture_post_gets_a_comment_quoting_its_own_words(index):
    text = POSTS[index]
    draft = build_draft("comment", DraftContext(person_name="Jane Doe", post_text=text))
    assert "Your point about" not in draft.body
    line = post_line(text)
    if line is None:
        # Nothing quotable (another language, only tags): a visible fill-in, never a label.
        assert "[" in draft.body and "“" not in draft.body
        return
    quote = re.search(r"“(.+?)”", draft.body).group(1)
    assert quote == line.text
    words = _plain(quote.rstrip("…")).split()
    assert " ".join(words) in _plain(text), (quote, text[:200])
    assert len(draft.body) <= 1250 and draft.body.startswith("Thanks for sharing this, Jane.")


def test_news_lessons_and_results_get_their_own_answer():
    cases = {
        "We are proud to announce that PyCath has officially moved from preclinical validation "
        "to its first use in patients. #EuroPCR": "Congratulations",
        "Over the last few years, I've realized that most performance problems are "
        "fundamentally design problems. Here is why.": "rings true",
        "Total femur spacers can lead to infection control in over 90% of cases.": "striking",
    }
    for text, expected in cases.items():
        body = build_draft("comment", DraftContext(person_name="Ana Ruiz", post_text=text)).body
        assert expected in body, body
    news = post_line(next(iter(cases)))
    assert news.text.startswith("PyCath has officially moved")  # "We are proud …" is dropped


def test_a_non_english_post_is_not_quoted_in_an_english_comment():
    polish = [t for t in POSTS if "Bosch Termotechnika" in t]
    assert polish
    lines = [post_line(t) for t in polish]
    assert sum(line is None for line in lines) >= 3


# Inserted facts read as English ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        (
            "paved-road platform for 40 product teams",
            "the paved-road platform for 40 product teams",
        ),
        ("platform migration", "the platform migration"),
        ("hiring plan for 2027", "the hiring plan for 2027"),
        ("Kafka consumers", "Kafka consumers"),
        ("Rust for control planes", "Rust for control planes"),
        ("observability", "observability"),
        ("incident response", "incident response"),
        ("the migration", "the migration"),
        ("our on-call rotation", "our on-call rotation"),
        ("growing the team from 6 to 10", "growing the team from 6 to 10"),
        ("40 product teams", "40 product teams"),
        ("API design", "API design"),
    ],
)
def test_topics_get_an_article_only_where_english_needs_one(topic, expected):
    assert as_object(topic) == expected


def test_the_thank_you_reads_as_english():
    body = build_draft(
        "thank_you",
        DraftContext(
            person_name="Jane Doe",
            company="Acme",
            role_title="Staff Platform Engineer",
            interview_topics=("paved-road platform for 40 product teams",),
        ),
    ).body
    assert "our conversation about the paved-road platform for 40 product teams." in body
    assert "about paved-road" not in body


# Signature ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["thank_you", "check_in", "respond", "keep_warm", "share"])
def test_without_a_name_in_settings_no_name_signs(kind):
    ctx = DraftContext(person_name="Jane Doe", company="Acme", interview_topics=("Kafka",))
    body = build_draft(kind, ctx).body
    assert body.rstrip().endswith(("regards,", "Best,")), body
    assert "Alex" not in body and "Rivera" not in body


def test_the_name_in_settings_signs():
    ctx = DraftContext(user_name="Noor Sato", person_name="Jane Doe", interview_topics=("Kafka",))
    assert build_draft("thank_you", ctx).body.endswith("Best regards,\nNoor Sato")
    assert build_draft("keep_warm", ctx).body.endswith("Best,\nNoor")


# After an outcome -----------------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["rejected", "withdrawn", "hired", "closed"])
def test_no_pursuit_after_the_process_ended(stage):
    ctx = DraftContext(
        person_name="Jane Doe",
        company="Acme",
        role_title="Staff Engineer",
        interview_topics=("incident reviews",),
        stage=stage,
    )
    for variant in range(4):
        body = build_draft("thank_you", DraftContext(**{**ctx.__dict__, "variant": variant})).body
        assert "enthusiastic" not in body and "interested in joining" not in body, body
        assert "stay in touch" in body
    assert "pursuit" not in codes(build_draft("thank_you", ctx).warnings)
    pursuing = "Hi Jane,\n\nI'm still very interested in the role and hope to hear back soon."
    (warning,) = [w for w in check_in_context(pursuing, "email", ctx) if w.code == "pursuit"]
    assert warning.words == ("I'm still very interested", "hope to hear back")
    # While the process is open the same words are fine.
    open_ctx = DraftContext(**{**ctx.__dict__, "stage": "interviewing"})
    assert "pursuit" not in codes(check_in_context(pursuing, "email", open_ctx))


# Layers ---------------------------------------------------------------------------------------


def test_the_message_check_does_not_import_the_drafts():
    import topofmind.domain.message_check as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any(name.endswith("drafts") for name in imported), imported


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Engineering Manager", "an Engineering Manager"),
        ("Staff Engineer", "a Staff Engineer"),
        ("SRE", "an SRE"),
        ("UX Researcher", "a UX Researcher"),
        ("Head of Platform", "Head of Platform"),
        ("CTO", "CTO"),
    ],
)
def test_roles_read_with_the_right_article(title, expected):
    from topofmind.domain.phrasing import with_indefinite

    assert with_indefinite(title) == expected


def test_a_thank_you_as_a_connection_note_is_short_and_still_specific():
    for variant in range(4):
        ctx = DraftContext(
            user_name="Sam Lee",
            person_name="Jane Doe",
            company="Northwind Robotics",
            role_title="Staff Platform Engineer",
            interview_topics=("paved-road platform for 40 product teams", "growing the team"),
            channel="linkedin_note",
            variant=variant,
        )
        draft = build_draft("thank_you", ctx)
        assert draft.length <= 300 and draft.warnings == (), draft.body
        assert draft.body.startswith("Hi Jane,\n") and draft.body.endswith("\nSam")
        assert "the paved-road platform for 40 product teams" in draft.body
        assert draft.subject is None
