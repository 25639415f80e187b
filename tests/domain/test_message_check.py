import pytest
from hypothesis import given
from hypothesis import strategies as st

from topofmind.domain.drafts import DraftContext, check_in_context
from topofmind.domain.message_check import (
    CHANNEL_LIMITS,
    WARNING_CODES,
    MessageWarning,
    Warning,
    check_message,
)


def codes(warnings):
    return [w.code for w in warnings]


def the(code, warnings):
    found = [w for w in warnings if w.code == code]
    assert found, f"expected a {code!r} warning, got {codes(warnings)}"
    return found[0]


FLAGGED = [
    (
        "Thank you for your time, I hope this email finds you well.",
        "stock_phrase",
        ("I hope this email finds you well",),
    ),
    (
        "Thank you for your time, I hope this email finds you well.",
        "generic",
        ("your time",),
    ),
    (
        "Hi Jane, just checking in on the platform role. Circling back in case you missed it.",
        "stock_phrase",
        ("just checking in", "Circling back"),
    ),
    (
        "Hi Jane, per my last email, I wanted to reach out about the Kafka project.",
        "stock_phrase",
        ("per my last email", "I wanted to reach out"),
    ),
    (
        "Great post!",
        "stock_phrase",
        ("Great post",),
    ),
    (
        "Hi Jane, unfortunately the new date doesn't suit me and I'm disappointed.",
        "negative",
        ("unfortunately", "disappointed"),
    ),
    (
        "Hi Jane, I still haven't heard back and it's been weeks since the Kafka interview.",
        "complaining",
        ("I still haven't heard back", "it's been weeks"),
    ),
    (
        "Hi Jane, no one has replied to my questions about the Kafka team.",
        "complaining",
        ("no one has replied",),
    ),
    (
        "Hi Jane, I need an answer about the Kafka role ASAP.",
        "pushy",
        ("I need an answer", "ASAP"),
    ),
    (
        "Hi Jane, why haven't you answered? Following up again on the Kafka role.",
        "pushy",
        ("why haven't you", "Following up again"),
    ),
    (
        "Hi Jane, this is urgent!!! The Kafka offer expires.",
        "pushy",
        ("urgent", "!!!"),
    ),
    (
        "Hi Jane, PLEASE let me know about the AWS platform role today.",
        "pushy",
        ("PLEASE",),
    ),
    (
        "Hi Jane, please reply as soon as possible about the Kafka role.",
        "pushy",
        ("please reply", "as soon as possible"),
    ),
    (
        "Hi Jane, here are the slides [link to slides] from the Kafka talk.",
        "placeholder",
        ("[link to slides]",),
    ),
]


@pytest.mark.parametrize(("text", "code", "words"), FLAGGED)
def test_flags_the_offending_words(text, code, words):
    warning = the(code, check_message(text, channel="email"))
    assert warning.words == words
    assert tuple(text[start:end] for start, end in warning.spans) == words
    assert warning.message


GOOD = [
    "Hi Jane,\n\nThank you for walking me through the platform migration at Acme. Your point "
    "about keeping on-call load below two pages a week has stayed with me.\n\nBest regards,\nSam",
    "Hi Priya,\n\nI came across this write-up on zero-downtime schema changes and thought of your "
    "team's Postgres upgrade: https://example.com/schema\n\nNo need to reply.\n\nBest,\nSam",
    "Thanks for sharing this, Omar. Your point about golden paths matches what we saw when we "
    "rolled out a developer portal: adoption followed the templates, not the mandate.",
    "Hi Jane,\n\nYou mentioned you hoped to decide by Friday, December 4. I'd be grateful for any "
    "update on the Staff Engineer role at Acme, and I'm happy to send anything that helps.\n\n"
    "Best regards,\nSam",
    "Hi Jane, I'll send the references as soon as possible. I've asked my former manager at "
    "Globex to expect your call.",
]


@pytest.mark.parametrize("text", GOOD)
def test_passes_good_personal_messages(text):
    assert check_message(text, channel="email") == ()


def test_acronyms_and_a_single_exclamation_are_not_pushy():
    text = "Hi Jane, congratulations on the AWS and GDPR launch! The SRE team must be proud."
    assert "pushy" not in codes(check_message(text, channel="comment"))


@pytest.mark.parametrize(
    ("channel", "length", "hard_mentioned"),
    [
        ("linkedin_note", 340, True),
        ("comment", 1300, True),
        ("message", 1200, False),
        ("email", 2100, False),
    ],
)
def test_too_long_points_at_the_excess(channel, length, hard_mentioned):
    sentence = "We talked about the Kafka consumer rewrite and the on-call load. "
    text = (sentence * (length // len(sentence) + 1))[:length]
    warning = the("too_long", check_message(text, channel=channel))
    limit = CHANNEL_LIMITS[channel].recommended
    assert warning.spans == ((limit, length),)
    assert str(length) in warning.message
    assert ("LinkedIn accepts" in warning.message) is hard_mentioned


def test_a_message_within_its_limit_is_not_too_long():
    text = "Hi Jane, thank you for the conversation about Kafka consumers. " * 4
    assert len(text) < 300
    assert "too_long" not in codes(check_message(text, channel="linkedin_note"))


def test_repeat_of_a_previous_message_is_flagged_with_the_repeated_words():
    sent = (
        "Hi Jane, I wanted to follow up on the Staff Engineer role at Acme. I remain very "
        "interested and would be grateful for any update on the timeline."
    )
    again = sent.replace("Hi Jane,", "Hello Jane,")
    warning = the("repeat", check_message(again, channel="email", previous_messages=[sent]))
    assert "%" in warning.message
    assert warning.words[0].startswith("Jane, I wanted to follow up")
    assert all(again[a:b] == w for (a, b), w in zip(warning.spans, warning.words, strict=True))


def test_a_new_message_to_the_same_person_is_not_a_repeat():
    sent = "Hi Jane, thank you for the conversation about Kafka consumers and the on-call load."
    new = "Hi Jane, I came across a talk on schema registries that builds on our Kafka discussion."
    assert "repeat" not in codes(check_message(new, channel="message", previous_messages=[sent]))


def test_previous_messages_from_the_context_count_too():
    sent = "Hi Jane, thank you for the conversation about Kafka consumers and the on-call load."
    ctx = DraftContext(person_name="Jane Doe", previous_messages=(sent,))
    assert "repeat" in codes(check_in_context(sent, "message", ctx))


RICH = DraftContext(
    user_name="Sam Rivera",
    person_name="Jane Doe",
    company="Acme",
    role_title="Staff Platform Engineer",
    interview_topics=("platform migration", "on-call load"),
)


def test_with_context_only_name_role_and_company_is_generic():
    text = (
        "Hi Jane, thank you for speaking with me about the Staff Platform Engineer role at Acme. "
        "I enjoyed it and remain very interested."
    )
    warning = the("generic", check_in_context(text, "email", RICH))
    assert "platform migration" in warning.message


def test_with_context_citing_a_topic_is_specific():
    text = "Hi Jane, thank you for the conversation about the platform migration at Acme."
    assert "generic" not in codes(check_in_context(text, "email", RICH))


def test_with_context_but_no_facts_to_cite_the_message_is_generic():
    bare = DraftContext(person_name="Jane Doe", company="Acme", role_title="Staff Engineer")
    text = "Hi Jane, thank you for speaking with me about the Staff Engineer role at Acme."
    warning = the("generic", check_in_context(text, "email", bare))
    assert "nothing specific" in warning.message


def test_an_intro_request_citing_the_person_is_specific():
    ctx = DraftContext(person_name="Jane Doe", introducer_name="Priya Shah", company="Acme")
    text = "Hi Priya, would you be comfortable introducing me to Jane at Acme?"
    assert "generic" not in codes(check_in_context(text, "message", ctx))


def test_empty_and_reaction():
    assert codes(check_message("   \n", channel="email")) == ["empty"]
    assert check_message("", channel="reaction") == ()


def test_unknown_channel_is_an_error():
    with pytest.raises(ValueError, match="unknown channel"):
        check_message("Hi", channel="fax")


def test_warning_alias_and_code_order():
    assert Warning is MessageWarning
    text = "Unfortunately, just checking in ASAP. I still haven't heard back. " * 20
    found = codes(check_message(text, channel="linkedin_note"))
    assert found == sorted(found, key=WARNING_CODES.index)
    assert {"too_long", "stock_phrase", "negative", "complaining", "pushy"} <= set(found)


@given(st.text(max_size=400), st.sampled_from(sorted(CHANNEL_LIMITS)))
def test_spans_always_point_into_the_text(text, channel):
    warnings = check_message(text, channel=channel)
    assert warnings == check_message(text, channel=channel)
    for warning in warnings:
        assert warning.code in WARNING_CODES
        assert len(warning.spans) == len(warning.words)
        for (start, end), word in zip(warning.spans, warning.words, strict=True):
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == word
