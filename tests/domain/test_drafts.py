import dataclasses
import re
from datetime import date

import pytest

from topofmind.domain.draft_templates import DEFAULT_TEMPLATES, PLACEHOLDER_HELP
from topofmind.domain.drafts import (
    DRAFT_KINDS,
    DraftContext,
    ShareItem,
    build_draft,
    check_in_context,
    context_from_facts,
    first_name_of,
    format_day,
    template_keys,
    template_placeholders,
)
from topofmind.domain.message_check import CHANNEL_LIMITS


def make_context(**overrides):
    facts = dict(
        user_name="Sam Rivera",
        person_name="Jane Doe",
        company="Acme",
        role_title="Staff Platform Engineer",
        interview_topics=("platform migration", "on-call load"),
        interview_notes="Asked about my Kafka consumers rewrite; team owns the billing pipeline.",
        interview_date=date(2026, 11, 17),
        decision_expected_on=date(2026, 12, 4),
        post_text=(
            "We moved billing to Kubernetes this quarter. Canary releases and rollback drills "
            "made the difference. #PlatformEngineering"
        ),
        post_topic="canary releases",
        share_item=ShareItem(
            title="Migrating a monolith without downtime",
            url="https://example.com/migrate",
            topics=("platform migration", "zero downtime"),
            id=7,
        ),
        mutual_name="Priya Shah",
        introducer_name="Priya Shah",
        event_name="KubeCon North America",
        request_text="Could you send me your portfolio before Thursday's panel?",
        user_summary="a platform engineer with eight years in payments infrastructure",
    )
    facts.update(overrides)
    return DraftContext(**facts)


# kind → (channel, facts the body must cite)
EXPECTED = {
    "thank_you": (
        "email",
        [
            "Hi Jane,",
            "platform migration",
            "on-call load",
            "Staff Platform Engineer",
            "Acme",
            "Tuesday",
            "Sam Rivera",
        ],
    ),
    "check_in": (
        "email",
        ["Hi Jane,", "Friday, December 4", "Staff Platform Engineer", "Acme", "platform migration"],
    ),
    "share": (
        "message",
        [
            "Hi Jane,",
            "“Migrating a monolith without downtime”",
            "https://example.com/migrate",
            "given our conversation about the platform migration",
            "No need to reply",
        ],
    ),
    "ask_intro": (
        "message",
        [
            "Hi Priya,",
            "Jane Doe",
            "comfortable introducing",
            "check with Jane first",
            "feel free to say no",
            "a platform engineer with eight years in payments infrastructure",
            "Staff Platform Engineer role at Acme",
        ],
    ),
    "event_follow_up": (
        "message",
        ["Hi Jane,", "KubeCon North America", "platform migration", "Staff Platform Engineer"],
    ),
    "connect": ("linkedin_note", ["Hi Jane,", "platform migration", "Priya Shah", "Sam"]),
    "comment": ("comment", ["Jane", "Canary releases and rollback drills"]),
    "keep_warm": (
        "message",
        ["Hi Jane,", "Canary releases and rollback drills", "platform migration", "Acme"],
    ),
    "respond": ("email", ["Hi Jane,", "portfolio", "attached"]),
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_kind_cites_its_facts_and_passes_the_check(kind):
    channel, facts = EXPECTED[kind]
    ctx = make_context()
    draft = build_draft(kind, ctx)
    assert draft.kind == kind
    assert draft.channel == channel
    for fact in facts:
        assert fact in draft.body, f"{kind} draft lacks {fact!r}:\n{draft.body}"
    assert draft.warnings == ()
    assert check_in_context(draft.body, channel, ctx) == ()
    assert draft.length == len(draft.body)
    assert draft.char_limit == CHANNEL_LIMITS[channel].recommended
    assert draft.within_limit
    assert "{" not in draft.body and "}" not in draft.body
    assert "  " not in draft.body and " ." not in draft.body and "\n\n\n" not in draft.body
    assert draft.guidance
    if channel == "email":
        assert draft.subject
    else:
        assert draft.subject is None


def test_react_is_guidance_without_text():
    draft = build_draft("react", make_context())
    assert draft.channel == "reaction"
    assert draft.body == "" and draft.length == 0 and draft.within_limit
    assert draft.warnings == ()
    assert "canary releases" in draft.guidance and "Jane" in draft.guidance


INTERVIEWERS = [
    ("Jane Doe", ("platform migration", "on-call load")),
    ("Omar Haddad", ("cost allocation", "FinOps dashboards")),
    ("Li Wei", ("hiring plan",)),
]


@pytest.mark.parametrize(("name", "topics"), INTERVIEWERS)
def test_thank_you_per_interviewer_cites_that_interviewers_topics(name, topics):
    ctx = make_context(person_name=name, interview_topics=topics, interview_notes="")
    draft = build_draft("thank_you", ctx)
    assert draft.body.startswith(f"Hi {name.split()[0]},")
    for topic in topics:
        assert topic in draft.body
    for other_name, other_topics in INTERVIEWERS:
        if other_name != name:
            assert all(topic not in draft.body for topic in other_topics)
    assert draft.warnings == ()


def test_a_stock_thank_you_is_flagged_with_its_reason():
    text = "Thank you for your time, I hope this email finds you well."
    warnings = check_in_context(text, "email", make_context())
    by_code = {w.code: w for w in warnings}
    assert set(by_code) == {"generic", "stock_phrase"}
    assert by_code["stock_phrase"].words == ("I hope this email finds you well",)
    assert "platform migration" in by_code["generic"].message


def test_check_ins_differ_and_the_third_is_a_graceful_last():
    ctx = make_context()
    first = build_draft("check_in", ctx)
    second = build_draft(
        "check_in", dataclasses.replace(ctx, check_in_number=2, previous_messages=(first.body,))
    )
    third = build_draft(
        "check_in",
        dataclasses.replace(ctx, check_in_number=3, previous_messages=(first.body, second.body)),
    )
    assert len({first.body, second.body, third.body}) == 3
    assert second.warnings == () and third.warnings == ()
    assert "last note" in third.body
    assert "completely understand" in third.body
    assert "Friday, December 4" in second.body
    assert "Friday, December 4" not in third.body


def test_check_in_without_a_decision_date_does_not_invent_one():
    draft = build_draft("check_in", make_context(decision_expected_on=None))
    assert "decision by" not in draft.body
    assert "Tuesday, November 17" in draft.body


def test_check_in_number_is_clamped_to_the_three_steps():
    ctx = make_context()
    fourth = build_draft("check_in", dataclasses.replace(ctx, check_in_number=4))
    third = build_draft("check_in", dataclasses.replace(ctx, check_in_number=3))
    assert fourth.body == third.body


def test_missing_facts_degrade_to_the_role_and_warn_generic():
    ctx = DraftContext(user_name="Sam Rivera", person_name="Jane Doe", role_title="Data Engineer")
    draft = build_draft("thank_you", ctx)
    assert "the Data Engineer role" in draft.body
    assert "conversation about" not in draft.body
    assert [w.code for w in draft.warnings] == ["generic"]


def test_nothing_known_still_gives_a_polite_draft():
    draft = build_draft("thank_you", DraftContext())
    assert draft.body.startswith("Hi there,")
    assert "the role" in draft.body
    assert "generic" in [w.code for w in draft.warnings]


def test_share_without_a_matching_topic_gives_no_made_up_reason():
    ctx = make_context(
        interview_topics=("hiring plan",),
        interview_notes="",
        post_topic="",
        post_text="",
        share_item=ShareItem(title="Designing pricing pages", url="https://example.com/p"),
    )
    draft = build_draft("share", ctx)
    assert "given" not in draft.body
    assert "“Designing pricing pages”" in draft.body


def test_share_cites_the_matched_person_topics_when_given():
    ctx = make_context(
        interview_topics=(),
        interview_notes="",
        post_topic="",
        post_text="",
        share_item=ShareItem(title="A field guide to incident reviews", topics=("incidents",)),
        share_reason_topics=("incident response",),
    )
    assert "given your interest in incident response" in build_draft("share", ctx).body


def test_connect_note_fits_linkedin_and_mentions_the_free_account_limit_when_long():
    short = build_draft("connect", make_context())
    assert short.length <= 200
    long_topic = "the migration of the billing platform from the old data centre to Kubernetes"
    ctx = make_context(interview_topics=(long_topic,), mutual_name="Priya Shah-Venkataraman")
    longer = build_draft("connect", ctx)
    assert 200 < longer.length <= 300
    assert "free account" in longer.guidance


def test_over_long_body_is_trimmed_at_a_sentence_with_a_warning():
    ctx = make_context(
        channel="linkedin_note",
        post_topic="how canary releases and rollback drills changed the billing team's "
        "release cadence",
        interview_topics=("the incremental migration of the billing platform to Kubernetes",),
    )
    draft = build_draft("keep_warm", ctx)
    assert draft.length <= 300 and draft.within_limit
    trimmed = [w for w in draft.warnings if w.code == "trimmed"]
    assert trimmed and trimmed[0].words[0]
    assert draft.body.startswith("Hi Jane,")
    assert draft.body.endswith("Best,\nSam")
    body_text = draft.body.removesuffix("Best,\nSam").rstrip()
    assert body_text.endswith((".", "?", "!"))


def test_respond_leaves_a_visible_fill_in_when_only_the_user_knows_the_answer():
    draft = build_draft("respond", make_context(request_text="Could you share two references?"))
    assert "references" in draft.body
    assert [w.code for w in draft.warnings] == ["placeholder"]
    assert draft.warnings[0].words[0].startswith("[")


def test_scheduling_request_asks_for_times():
    draft = build_draft(
        "respond", make_context(request_text="What's your availability next week for a call?")
    )
    assert "scheduling" in draft.body
    assert "[two or three times" in draft.body


def test_user_templates_override_defaults_and_unknown_placeholders_are_kept_and_warned():
    templates = {
        "thank_you": "Dear {first_name}, thanks for {topics}. {favourite_colour} {user_first_name}",
        "thank_you.subject": "Thanks, {first_name}",
    }
    draft = build_draft("thank_you", make_context(), templates)
    assert draft.body.startswith("Dear Jane, thanks for the platform migration and on-call load.")
    assert "{favourite_colour}" in draft.body
    assert draft.subject == "Thanks, Jane"
    warning = [w for w in draft.warnings if w.code == "placeholder"]
    assert len(warning) == 1
    assert "{favourite_colour}" in warning[0].message
    assert warning[0].words == ("{favourite_colour}",)
    start, end = warning[0].spans[0]
    assert draft.body[start:end] == "{favourite_colour}"


@pytest.mark.parametrize("broken", ["Hi {first_name", "Hi {{first_name}}", "Hi {0} {}", "{"])
def test_malformed_templates_do_not_crash(broken):
    draft = build_draft("keep_warm", make_context(), {"keep_warm": broken})
    assert draft.body


def test_default_templates_use_only_known_placeholders():
    for kind in DRAFT_KINDS:
        allowed = set(template_placeholders(kind)) | {"blurb"}
        for key in template_keys(kind):
            used = set(re.findall(r"\{(\w+)\}", DEFAULT_TEMPLATES[key]))
            assert used <= allowed, (key, used - allowed)
        assert set(template_placeholders(kind)) <= set(PLACEHOLDER_HELP)


def test_template_keys_and_placeholders():
    assert template_keys("check_in") == (
        "check_in.subject",
        "check_in.1",
        "check_in.2",
        "check_in.3",
    )
    assert "topics" in template_placeholders("thank_you")
    assert "decision_sentence" in template_placeholders("check_in")
    with pytest.raises(ValueError, match="unknown draft kind"):
        template_placeholders("poem")


def test_unknown_kind_and_channel_are_errors():
    with pytest.raises(ValueError, match="unknown draft kind"):
        build_draft("poem", make_context())
    with pytest.raises(ValueError, match="unknown channel"):
        build_draft("thank_you", make_context(channel="fax"))


def test_channel_override_to_email_adds_a_subject():
    draft = build_draft("share", make_context(channel="email"))
    assert draft.channel == "email"
    assert draft.subject == "Thought of you: Migrating a monolith without downtime"


def test_drafts_are_deterministic_and_frozen():
    ctx = make_context()
    assert build_draft("thank_you", ctx) == build_draft("thank_you", ctx)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.company = "Globex"


@pytest.mark.parametrize(
    ("full", "first"),
    [
        ("Jane Doe", "Jane"),
        ("Dr. Jane Doe, PhD", "Jane"),
        ("Prof Omar Haddad", "Omar"),
        ("Li", "Li"),
        ("", ""),
    ],
)
def test_first_name_of(full, first):
    assert first_name_of(full) == first
    assert DraftContext(person_name=full).person_first_name == first


def test_given_first_name_wins():
    assert DraftContext(person_name="Robert Smith", person_first_name="Bob").person_first_name == (
        "Bob"
    )


def test_format_day_is_locale_independent():
    assert format_day(date(2026, 12, 4)) == "Friday, December 4"


def test_private_notes_are_never_quoted():
    ctx = DraftContext(
        user_name="Sam Rivera",
        person_name="Jane Doe",
        company="Acme",
        interview_notes="Great chat, friendly, wants someone by March. Kafka consumers came up.",
    )
    draft = build_draft("thank_you", ctx)
    for word in ("Kafka", "friendly", "chat", "March"):
        assert word not in draft.body
    assert [w.code for w in draft.warnings] == ["generic"]


def test_context_from_thank_you_facts():
    facts = {
        "interview_id": 3,
        "company": "Acme",
        "title": "Staff Platform Engineer",
        "topics": ["platform migration", "on-call load"],
        "interview_ended_at": "2026-11-17T16:00:00-05:00",
        "phase": "ideal",
    }
    ctx = context_from_facts("thank_you", facts, user_name="Sam Rivera", person_name="Jane Doe")
    assert ctx.interview_topics == ("platform migration", "on-call load")
    assert ctx.role_title == "Staff Platform Engineer" and ctx.company == "Acme"
    assert ctx.interview_date == date(2026, 11, 17)
    draft = build_draft("thank_you", ctx)
    assert "platform migration" in draft.body and draft.warnings == ()


def test_context_from_check_in_facts_reads_round_and_decision_date():
    facts = {
        "company": "Acme",
        "title": "Data Engineer",
        "decision_expected_on": "2026-12-04",
        "last_interview_ended_at": "2026-11-17T21:00:00+00:00",
        "round": 2,
        "topics": ["dbt models"],
    }
    ctx = context_from_facts("check_in", facts, person_name="Jane Doe", channel="message")
    assert ctx.check_in_number == 2
    assert ctx.decision_expected_on == date(2026, 12, 4)
    draft = build_draft("check_in", ctx)
    assert draft.channel == "message"
    assert "Friday, December 4" in draft.body and "dbt models" in draft.body


def test_context_from_share_and_post_facts():
    share = context_from_facts(
        "share",
        {
            "share_item_id": 9,
            "url": "https://example.com/a",
            "title": "On-call that works",
            "topics": ["on-call"],
        },
        person_name="Jane Doe",
    )
    assert share.share_item == ShareItem(
        title="On-call that works", url="https://example.com/a", topics=("on-call",), id=9
    )
    assert share.role_title == ""
    assert "given your interest in on-call" in build_draft("share", share).body

    post = context_from_facts(
        "comment",
        {
            "post_id": 4,
            "post_text": "Why we retired our staging environment.",
            "topics": ["staging environments"],
        },
        person_name="Jane Doe",
    )
    assert post.post_topic == "staging environments" and post.interview_topics == ()
    assert "staging environment" in build_draft("comment", post).body


def test_context_from_facts_lets_explicit_fields_win_and_rejects_unknown_ones():
    ctx = context_from_facts("connect", {"topics": ["a"], "company": "Acme"}, company="Globex")
    assert ctx.company == "Globex"
    with pytest.raises(TypeError):
        context_from_facts("connect", {}, favourite_colour="blue")
    assert (
        context_from_facts("check_in", {"decision_expected_on": "soon"}).decision_expected_on
        is None
    )
