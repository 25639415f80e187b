"""Default message templates, written the way a careful career coach would write them.

Templates are plain strings with `{placeholder}` fields (see `PLACEHOLDER_HELP`). Sentence-sized
placeholders (`topic_sentence`, `decision_sentence` …) are empty when the fact behind them is
unknown, so a template degrades to a shorter message instead of inventing anything. The user's
edited copies live in settings and are passed to `build_draft`; these defaults fill any key the
user has not edited, so edits survive upgrades.

Keys: `<kind>` for the body, `<kind>.subject` for an email subject line, `check_in.1` … `check_in.3`
for the three check-ins, `ask_intro.blurb` for the forwardable note, and `react` for the guidance
shown instead of a message.
"""

from __future__ import annotations

DEFAULT_TEMPLATES: dict[str, str] = {
    "thank_you.subject": "Thank you for your time{interview_day}",
    "thank_you": (
        "Hi {first_name},\n\n"
        "{thanks_sentence} {topic_sentence} {role_sentence}\n\n"
        "{closing_sentence}\n\n"
        "Best regards,\n{user_name}"
    ),
    "check_in.subject": "{role_label_title}: a quick check-in",
    "check_in.1": (
        "Hi {first_name},\n\n"
        "{decision_sentence}I'd be grateful for any update on {role_at_company} when you have a "
        "moment, and I'm happy to send anything that would help in the meantime.\n\n"
        "{positive_sentence}\n\n"
        "Best regards,\n{user_name}"
    ),
    "check_in.2": (
        "Hi {first_name},\n\n"
        "I hope the search for {role_at_company} is going smoothly. {decision_sentence}"
        "I'm still very interested, and there's no rush on my side.\n\n"
        "{offer_sentence}\n\n"
        "Best regards,\n{user_name}"
    ),
    "check_in.3": (
        "Hi {first_name},\n\n"
        "I don't want to crowd your inbox, so this will be my last note about {role_at_company}. "
        "If the timing or the fit has changed, I completely understand. {positive_sentence}\n\n"
        "I'd be glad to stay in touch, and I hope our paths cross again.\n\n"
        "Best regards,\n{user_name}"
    ),
    "share.subject": "Thought of you: {item_title}",
    "share": (
        "Hi {first_name},\n\n"
        "{share_opening}{share_reason}.\n\n"
        "{item_url}\n\n"
        "No need to reply; I thought it might be useful.\n\n"
        "Best,\n{user_first_name}"
    ),
    "ask_intro.subject": "Would you be comfortable introducing me to {person_first_name}?",
    "ask_intro": (
        "Hi {introducer_first_name},\n\n"
        "{intro_reason}, and I noticed you're connected with {person_name}. Would you be "
        "comfortable introducing us? If so, it may be best to check with {person_first_name} "
        "first, and please feel free to say no if it doesn't feel right.\n\n"
        "In case it helps, here's a short note you could forward:\n\n"
        "“{blurb}”\n\n"
        "Thank you either way,\n{user_first_name}"
    ),
    "ask_intro.blurb": (
        "{user_name}{user_summary_clause} is interested in {role_at_company} and would value a "
        "short conversation with {person_first_name}{about_topic}."
    ),
    "event_follow_up.subject": "Good to meet you at {event}",
    "event_follow_up": (
        "Hi {first_name},\n\n"
        "It was good to meet you at {event}. {topic_sentence}\n\n"
        "{stay_in_touch_sentence}\n\n"
        "Best,\n{user_first_name}"
    ),
    "connect": (
        "Hi {first_name},\n{connect_reason}{mutual_sentence} I'd be glad to stay connected.\n"
        "{user_first_name}"
    ),
    "comment": ("Thanks for sharing this, {first_name}.{post_sentence} {comment_question}"),
    "react": (
        "React to {first_name}'s post{about_post_topic}: “Insightful” or “Support” suit most "
        "posts, “Celebrate” suits news. No text needed; a reaction keeps you visible without "
        "asking for anything."
    ),
    "keep_warm.subject": "{keep_warm_subject}",
    "keep_warm": (
        "Hi {first_name},\n\n"
        "{hook_sentence} {interest_sentence}No need to reply; I just wanted to say hello.\n\n"
        "Best,\n{user_first_name}"
    ),
    "respond.subject": "Re: {request_label}",
    "respond": (
        "Hi {first_name},\n\n"
        "Thank you for your note{request_about}. {response_sentence}\n\n"
        "Please let me know if there's anything else you need.\n\n"
        "Best regards,\n{user_name}"
    ),
}

GUIDANCE: dict[str, str] = {
    "thank_you": (
        "Send within 24 hours of the interview (48 at the latest), one note per interviewer, "
        "each citing what you discussed with that person."
    ),
    "check_in": (
        "Keep it short and warm. Wait at least a week between check-ins and stop after the "
        "third; any reply from them resets the clock."
    ),
    "share": "Share only what is genuinely useful to them; one item at a time, nothing to ask.",
    "ask_intro": (
        "Ask someone who knows both of you. Make it easy to say no, and let them check with the "
        "other person before introducing you."
    ),
    "event_follow_up": "Follow up within 48 hours while the conversation is fresh.",
    "connect": (
        "LinkedIn allows 300 characters in a connection note with Premium and 200 with a free "
        "account."
    ),
    "comment": (
        "Add one sentence from your own experience before posting; comments with a real point "
        "get replies."
    ),
    "react": "A reaction is a light touch: no text, nothing asked of them.",
    "keep_warm": "A short, no-ask note; if they posted recently, commenting there works too.",
    "respond": ("Reply within one business day and include or attach exactly what they asked for."),
}

PLACEHOLDER_HELP: dict[str, str] = {
    "first_name": "The person's first name (“there” when unknown)",
    "person_name": "The person's full name",
    "person_first_name": "The person's first name",
    "user_name": "Your full name",
    "user_first_name": "Your first name",
    "company": "The company",
    "role": "The role's title",
    "role_at_company": "“the <role> role at <company>”, shortened when either is unknown",
    "role_label_title": "“<Role> role”, or “My application” when the role is unknown",
    "topics": "Up to three topics you discussed, joined with “and”",
    "topic": "The first topic you discussed",
    "interview_day": "“ on <weekday>” of the interview, or empty",
    "topic_sentence": "A sentence citing the topics you discussed, or empty",
    "note_sentence": "Always empty: private interview notes are never quoted (kept for old edits)",
    "enthusiasm_sentence": (
        "A sentence saying the conversation raised your interest (after the process ended: "
        "thanks and keeping in touch)"
    ),
    "thanks_sentence": "The opening thanks, worded differently for each note of a panel",
    "role_sentence": "A sentence citing the interviewer's role, or empty",
    "closing_sentence": "The closing offer, worded differently for each note of a panel",
    "post_line": "The line of their post the comment answers",
    "decision_sentence": "A sentence citing the promised decision date, or empty",
    "positive_sentence": "A positive sentence citing what you discussed",
    "offer_sentence": "An offer of something useful (more detail, references, a work sample)",
    "item": "The shared item's title in quotes (“this article” when unknown)",
    "item_title": "The shared item's title",
    "item_url": "The shared item's link",
    "item_note": "Your own note on the item (not used by the default template)",
    "share_opening": (
        "“I came across <item> and thought of you”, or “I recently published …” for your own post"
    ),
    "share_reason": "“ given our conversation about …” or similar, or empty",
    "introducer_first_name": "First name of the person you ask for an introduction",
    "intro_reason": "Why you'd like the introduction, citing the role and company",
    "blurb": "The forwardable note about you (its own template: ask_intro.blurb)",
    "user_summary_clause": "“, <your one-line summary>,” or empty",
    "about_topic": "“ about <their topic>” or empty",
    "event": "The event's name (“the event” when unknown)",
    "stay_in_touch_sentence": "A sentence about staying in touch, citing the role when known",
    "connect_reason": "The one-sentence reason to connect (conversation, event, post, role)",
    "mutual_sentence": "“ We're both connected with <mutual>.” or empty",
    "post_topic": "The topic of their post",
    "post_sentence": "A sentence answering a line of the post, or empty",
    "about_post_topic": "“ about <post topic>” or empty",
    "comment_question": "A question inviting them to say more",
    "hook_sentence": "A sentence citing their recent post or your conversation",
    "interest_sentence": "A sentence restating your interest in the role, or empty",
    "keep_warm_subject": "A subject line citing the topic",
    "request_label": "A short label of what they asked for",
    "request_about": "“ about <what they asked for>” or empty",
    "response_sentence": "The answer, with a [fill-in] where only you know the details",
}

COMMON_PLACEHOLDERS = (
    "first_name",
    "person_name",
    "person_first_name",
    "user_name",
    "user_first_name",
    "company",
    "role",
    "role_at_company",
    "topics",
    "topic",
)

KIND_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "thank_you": (
        "interview_day",
        "thanks_sentence",
        "topic_sentence",
        "role_sentence",
        "closing_sentence",
        "note_sentence",
        "enthusiasm_sentence",
    ),
    "check_in": ("role_label_title", "decision_sentence", "positive_sentence", "offer_sentence"),
    "share": ("item", "item_title", "item_url", "item_note", "share_opening", "share_reason"),
    "ask_intro": (
        "introducer_first_name",
        "intro_reason",
        "blurb",
        "user_summary_clause",
        "about_topic",
    ),
    "event_follow_up": ("event", "topic_sentence", "stay_in_touch_sentence"),
    "connect": ("connect_reason", "mutual_sentence", "interview_day", "event"),
    "comment": ("post_topic", "post_line", "post_sentence", "comment_question"),
    "react": ("post_topic", "about_post_topic"),
    "keep_warm": ("hook_sentence", "interest_sentence", "keep_warm_subject", "post_topic"),
    "respond": ("request_label", "request_about", "response_sentence"),
}
