"""Draft text for the outcome kinds: close the loop, offer steps, withdraw, thanks after a hire.

Short, warm and specific; never a word of pursuit after an outcome ("still very interested",
"enthusiastic about joining" and the like — `PURSUIT_WORDS` lists what a test checks for). The
signature is the user's name from settings, and no name at all when it is unset.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .facts import first_name
from .plan import NOTE_LIMIT
from .timing import date_phrase

#: A draft's paragraphs (the first is the greeting's line, may be empty) and its subject.
_Parts = tuple[list[str], str]

KINDS = ("close_loop", "offer_thanks", "offer_reply", "withdraw", "news_and_thanks")
#: Phrases that pursue a role; none may appear in an outcome draft.
PURSUIT_WORDS = (
    "still very interested",
    "still interested",
    "enthusiastic about joining",
    "excited about joining",
    "excited to join",
    "reconsider",
    "any other openings",
    "keep me in mind for",
    "eager to",
)
EMAIL_LIMIT = 1200
MESSAGE_LIMIT = 800

GUIDANCE = {
    "close_loop": "Thank them and keep the door open. No questions about why, no second pitch.",
    "offer_thanks": "Thank them first; then the few questions you need answered to decide.",
    "offer_reply": "Answer by the deadline: yes, no, or a clear ask for more time with a date.",
    "withdraw": "Two or three lines: the news, thanks, stay in touch. No details owed.",
    "news_and_thanks": "Share the news and thank them for their part. Keep it personal and short.",
}


@dataclass(frozen=True, slots=True)
class OutcomeDraft:
    kind: str
    channel: str
    subject: str | None
    body: str
    char_limit: int
    guidance: str

    def to_dict(self) -> dict[str, Any]:
        """The shape of the API's draft (``DraftOut``)."""
        return {
            "kind": self.kind,
            "channel": self.channel,
            "subject": self.subject,
            "body": self.body,
            "char_limit": self.char_limit,
            "length": len(self.body),
            "within_limit": len(self.body) <= self.char_limit,
            "guidance": self.guidance,
            "warnings": [],
        }


def outcome_draft(
    kind: str, channel: str, person_name: str, facts: Mapping[str, Any], user_name: str = ""
) -> OutcomeDraft:
    """The draft for one outcome suggestion. Raises `KeyError` for a kind not in `KINDS`."""
    first = first_name(person_name) or "there"
    company = facts.get("company") or "the team"
    title = facts.get("title") or "the role"
    lines, subject = _BUILDERS[kind](first, company, title, facts)
    sign = user_name.strip()
    if channel == "linkedin_note":
        body = " ".join(lines[1:]) if len(lines) > 1 else lines[0]
        body = f"Hi {first}, {body[0].lower()}{body[1:]}"
        if sign and len(body) + len(sign) + 3 <= NOTE_LIMIT:
            body += f" – {first_name(sign)}"
        body = body[:NOTE_LIMIT]
        return OutcomeDraft(kind, channel, None, body, NOTE_LIMIT, GUIDANCE[kind])
    greeting = f"Hi {first},"
    closing = f"Best,\n{sign}" if sign else "Best,"
    if channel != "email" and sign:
        closing = first_name(sign)
    elif channel != "email":
        closing = ""
    body = "\n\n".join(part for part in (greeting, *lines[1:], closing) if part)
    limit = EMAIL_LIMIT if channel == "email" else MESSAGE_LIMIT
    return OutcomeDraft(
        kind, channel, subject if channel == "email" else None, body, limit, GUIDANCE[kind]
    )


def _close_loop(first: str, company: str, title: str, facts: Mapping[str, Any]) -> _Parts:
    if facts.get("outcome") == "withdrawn":
        middle = (
            f"Thank you for your time and openness during the {title} process. I've stepped "
            f"back from it, but I enjoyed getting to know you and the team at {company}."
        )
    else:
        middle = (
            f"Thank you for letting me know about the {title} role, and for the time you and "
            f"the team gave me. I learned a lot about the team's work at {company}."
        )
    return (
        ["", middle, "I'd be glad to stay in touch, and I hope you find a great fit for the team."],
        f"Thank you — {title}",
    )


def _offer_thanks(first: str, company: str, title: str, facts: Mapping[str, Any]) -> _Parts:
    deadline = _day(facts.get("deadline"))
    when = f"I'll come back to you by {deadline}." if deadline else "When would you need my answer?"
    return (
        [
            "",
            f"Thank you for the offer for the {title} role — I really appreciate it, and the "
            "care the whole team put into the process.",
            "Before I decide, could we go over a few details: the scope of the role in the "
            "first months, the start date, and the full package?",
            when,
        ],
        f"Thank you — {title} offer",
    )


def _offer_reply(first: str, company: str, title: str, facts: Mapping[str, Any]) -> _Parts:
    return (
        [
            "",
            f"Thank you again for the {title} offer and for answering my questions.",
            "[Your answer: I'm happy to accept / I've decided to decline / could I have until "
            "(date) to decide?]",
            "Thank you for your patience while I thought it through.",
        ],
        f"{title} offer — my answer",
    )


def _withdraw(first: str, company: str, title: str, facts: Mapping[str, Any]) -> _Parts:
    hired = facts.get("hired_company") or "another company"
    return (
        [
            "",
            f"I wanted to let you know that I've accepted a role at {hired}, so I'm "
            f"withdrawing from the {title} process.",
            f"Thank you for your time and for everything I learned about {company}. I'd be "
            "glad to stay in touch.",
        ],
        f"Withdrawing from the {title} process",
    )


def _news_and_thanks(first: str, company: str, title: str, facts: Mapping[str, Any]) -> _Parts:
    helped = {
        "referred you": "Your referral opened the door",
        "introduced you to the hiring team": "Your introduction made the difference",
        "interviewed you": "Thank you for the time you gave me in the interviews",
        "was your hiring manager": "Thank you for your trust through the process",
        "recruited you for it": "Thank you for guiding me through every step",
    }.get(str(facts.get("helped")), "Thank you for your help along the way")
    colleague = facts.get("role") in ("hiring_manager", "interviewer") or (
        facts.get("helped") == "interviewed you"
    )
    ending = (
        "I'm looking forward to working with you."
        if colleague
        else "thank you. I'd love to stay in touch."
    )
    if colleague:
        helped_line = f"{helped}. {ending}"
    else:
        helped_line = f"{helped} — {ending}"
    return (
        [
            "",
            f"Some good news: I've accepted the {title} role at {company}.",
            helped_line,
        ],
        f"Good news — {title} at {company}",
    )


def _day(value: Any) -> str | None:
    """ "Tuesday 10 March" from an ISO date; None when there is none."""
    if not value:
        return None
    try:
        return date_phrase(date.fromisoformat(str(value)))
    except ValueError:
        return None


_BUILDERS = {
    "close_loop": _close_loop,
    "offer_thanks": _offer_thanks,
    "offer_reply": _offer_reply,
    "withdraw": _withdraw,
    "news_and_thanks": _news_and_thanks,
}
