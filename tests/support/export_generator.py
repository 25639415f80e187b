"""Generate a realistic synthetic LinkedIn data export (.zip) for tests and benchmarks; run it as

    python scripts/gen_export.py 5000 /tmp/export-5k.zip --seed 7
    python scripts/gen_export.py 200 /tmp/hostile.zip --hostile --bom --legacy-header

Members: Connections.csv (with the `Notes:` preamble), messages.csv, Invitations.csv,
Comments.csv, Shares.csv, Events.csv, Recommendations_Received.csv, Endorsement_Received_Info.csv,
plus, with --decoys, files that must be ignored (guide_messages.csv, Profile.csv…). The same seed
always gives the same bytes. Everyone is fictional; URLs point at made-up profile ids.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

FIRST_NAMES = [
    "Ada", "Bob", "Cara", "Dmitri", "Elif", "Fatima", "Gonzalo", "Hana", "Ivan", "José", "Kwame",
    "Lena", "Mei", "Nikhil", "Olga", "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Uma", "Wei Ren",
    "Xiu", "Yusuf", "Zoë", "Aoife", "Björn", "Chloé", "Desmond", "Eun-ji", "François", "Grace",
]  # fmt: skip
LAST_NAMES = [
    "Lovelace", "Smith", "Jones", "Petrov", "Yılmaz", "Khan", "García", "Sato", "Ivanova",
    "Pérez-Núñez", "Mensah", "Müller", "Chen", "Kulkarni", "O'Brien", "Rossi", "Dubois", "Khoo",
    "Nakamura", "Okafor", "Haddad", "Lindqvist", "Nguyen", "Kowalski", "da Silva", "Andersen",
]  # fmt: skip
COMPANIES = [
    "Acme", "Globex", "Initech", "Umbrella Health", "Stark Industries", "Wayne Enterprises",
    "Hooli", "Pied Piper", "Vandelay Industries", "Soylent", "Tyrell Corporation", "Cyberdyne",
    "Yara International", "Northwind Traders", "Contoso", "Fabrikam, Inc.", "Massive Dynamic",
]  # fmt: skip
POSITIONS = [
    "Engineering Manager", "Senior Software Engineer", "Talent Acquisition Lead",
    "Head of Product", "Data Scientist", "Recruiter", "VP Engineering", "Product Designer",
    "Staff Engineer, Platform", "Director of Data", "Technical Recruiter", "CTO",
]  # fmt: skip
SKILLS = ["Python", "SQL", "Leadership", "Product Management", "Machine Learning", "Recruiting"]
LINES = [
    "Thanks for the chat today!",
    "Would love to hear how the team is growing.",
    "Happy to make an intro, send me a blurb.",
    "Congrats on the new role!",
    "Are you free for a coffee next week?",
    "Here is the article I mentioned.",
]
HOSTILE = [
    '=HYPERLINK("https://evil.example","click")',
    "=2+5",
    "+1 leads here",
    "-danger flag",
    "@handle mention",
    "line one\nline two",
    "ctrl ab\x07cd end",
    "\x0bleading vtab",
    "tab\tinside",
    "NA",
    "NULL",
    "N/A",
    "#N/A",
    'Smart “quotes” and "straight" ones',
    "emoji 📌🚀 tail",
    "  padded value  ",
]
NOTES = (
    "When exporting your connection data, you may notice that some of the email addresses are "
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261"
)
SELF_NAME = "Sam Self"
SELF_URL = "https://www.linkedin.com/in/sam-self-0a1b2c"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class Generator:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.random = random.Random(args.seed)
        self.now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
        self.people = [self._person(i) for i in range(args.n)]

    def _person(self, index: int) -> dict[str, str]:
        pick = self.random.choice
        first, last = pick(FIRST_NAMES), pick(LAST_NAMES)
        ascii_name = unicodedata.normalize("NFKD", f"{first}-{last}").encode("ascii", "ignore")
        slug = ascii_name.decode().casefold().replace(" ", "-").replace("'", "")
        return {
            "first": first,
            "last": last,
            "url": f"https://www.linkedin.com/in/{slug}-{index:x}",
            "email": f"{slug}.{index}@example.com" if self.random.random() < 0.05 else "",
            "company": pick(COMPANIES),
            "position": pick(POSITIONS),
            "connected": self.now - timedelta(days=self.random.randint(1, 3650)),
        }

    def hostile(self, value: str, rate: float = 0.08) -> str:
        if self.args.hostile and self.random.random() < rate:
            return self.random.choice(HOSTILE)
        return value

    def profile_cell(self, url: str) -> str:
        roll = self.random.random()
        if roll < 0.02:
            return ""  # LinkedIn leaves some URLs blank
        if self.args.hostile and roll < 0.05:
            return f'=HYPERLINK("{url}","profile")'
        return url

    def day(self, moment: datetime) -> str:
        if self.args.hostile and self.random.random() < 0.02:
            return "30 Feb 2026"
        if self.random.random() < 0.1:
            return f"{moment.day:02d} {moment:%B %Y}"  # some exports spell the month out
        return f"{moment.day:02d} {MONTHS[moment.month - 1]} {moment.year}"

    def connections(self) -> Iterator[list[str]]:
        header = [
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ]
        if self.args.legacy_header:
            header.remove("URL")
        yield header
        for person in self.people:
            row = {
                "First Name": self.hostile(person["first"]),
                "Last Name": self.hostile(person["last"]),
                "URL": self.profile_cell(person["url"]),
                "Email Address": person["email"],
                "Company": self.hostile(person["company"]),
                "Position": self.hostile(person["position"]),
                "Connected On": self.day(person["connected"]),
            }
            yield [row[column] for column in header]

    def messages(self) -> Iterator[list[str]]:
        header = [
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
            "ATTACHMENTS",
            "IS MESSAGE DRAFT",
        ]
        if self.args.legacy_header:
            header = [
                c
                for c in header
                if c
                not in {
                    "SENDER PROFILE URL",
                    "RECIPIENT PROFILE URLS",
                    "ATTACHMENTS",
                    "IS MESSAGE DRAFT",
                }
            ]
        yield header
        for index, person in enumerate(self.people):
            if self.random.random() > self.args.message_share:
                continue
            conversation = f"2-{self.random.getrandbits(64):016x}"
            moment = person["connected"] + timedelta(hours=self.random.randint(1, 2000))
            outbound = self.random.random() < 0.5
            name = f"{person['first']} {person['last']}"
            for _ in range(self.random.randint(1, 2 * self.args.messages_per_thread - 1)):
                if moment > self.now:
                    break
                sender, sender_url = (SELF_NAME, SELF_URL) if outbound else (name, person["url"])
                to, to_url = (name, person["url"]) if outbound else (SELF_NAME, SELF_URL)
                content = self.hostile(self.random.choice(LINES), 0.15)
                row = {
                    "CONVERSATION ID": conversation,
                    "CONVERSATION TITLE": "",
                    "FROM": sender,
                    "SENDER PROFILE URL": sender_url,
                    "TO": to,
                    "RECIPIENT PROFILE URLS": to_url,
                    "DATE": f"{moment:%Y-%m-%d %H:%M:%S} UTC",
                    "SUBJECT": "",
                    "CONTENT": content,
                    "FOLDER": "INBOX",
                    "ATTACHMENTS": "",
                    "IS MESSAGE DRAFT": "No",
                }
                yield [row[column] for column in header]
                moment += timedelta(minutes=self.random.randint(5, 60 * 24 * 10))
                outbound = not outbound if self.random.random() < 0.7 else outbound
            if index % 50 == 0 and len(self.people) > 2:
                # A small group thread now and then: several URLs in one cell.
                others = self.random.sample(self.people, 2)
                yield [
                    {
                        "CONVERSATION ID": f"group-{index}",
                        "CONVERSATION TITLE": "Hiring sync",
                        "FROM": SELF_NAME,
                        "SENDER PROFILE URL": SELF_URL,
                        "TO": ", ".join(f"{o['first']} {o['last']}" for o in others),
                        "RECIPIENT PROFILE URLS": ",".join(o["url"] for o in others),
                        "DATE": f"{self.now - timedelta(days=index % 300):%Y-%m-%d %H:%M:%S} UTC",
                        "SUBJECT": "",
                        "CONTENT": "Looping you both in.",
                        "FOLDER": "INBOX",
                        "ATTACHMENTS": "",
                        "IS MESSAGE DRAFT": "No",
                    }[column]
                    for column in header
                ]

    def invitations(self) -> Iterator[list[str]]:
        yield [
            "From",
            "To",
            "Sent At",
            "Message",
            "Direction",
            "inviterProfileUrl",
            "inviteeProfileUrl",
        ]
        for person in self.random.sample(
            self.people, min(len(self.people), max(1, self.args.n // 20))
        ):
            name = f"{person['first']} {person['last']}"
            moment = self.now - timedelta(
                days=self.random.randint(0, 60), minutes=self.random.randint(0, 1440)
            )
            sent_at = f"{moment.month}/{moment.day}/{moment:%y}, {moment:%I:%M %p}".replace(
                " 0", " "
            )
            if self.random.random() < 0.5:
                yield [
                    SELF_NAME,
                    name,
                    sent_at,
                    self.hostile("Great to meet you at the meetup!"),
                    "OUTGOING",
                    SELF_URL,
                    person["url"],
                ]
            else:
                yield [name, SELF_NAME, sent_at, "", "INCOMING", person["url"], SELF_URL]

    def comments(self) -> Iterator[list[str]]:
        yield ["Date", "Link", "Message"]
        for index in range(max(1, self.args.n // 25)):
            activity = 7_000_000_000_000_000_000 + index * 4_194_304
            moment = self.now - timedelta(hours=index * 7)
            link = f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{activity}"
            if index % 3 == 0:
                link += f"?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A{activity}%2C{index}%29"
            yield [f"{moment:%Y-%m-%d %H:%M:%S}", link, self.hostile("Great point about hiring.")]

    def shares(self) -> Iterator[list[str]]:
        yield ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]
        for index in range(max(1, self.args.n // 50)):
            moment = self.now - timedelta(days=index * 3)
            yield [
                f"{moment:%Y-%m-%d %H:%M:%S}",
                f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{6_900_000_000 + index}",
                self.hostile("Building in public this week!\n\n#hiring", 0.2),
                "https://example.com/article" if index % 2 else "",
                "",
                self.random.choice(["PUBLIC", "CONNECTIONS"]),
            ]

    def events(self) -> Iterator[list[str]]:
        yield ["Event Name", "Event Time", "Status", "External Url"]
        for index in range(max(1, self.args.n // 500)):
            start = self.now - timedelta(days=30 * index)
            end = start + timedelta(hours=2)
            time = f"{start:%b %d, %Y %I:%M %p} - {end:%b %d, %Y %I:%M %p}"
            yield [self.hostile(f"Tech Hiring Meetup #{index}"), time, "ATTENDING", ""]

    def recommendations(self) -> Iterator[list[str]]:
        yield ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
        for person in self.people[: max(1, self.args.n // 200)]:
            moment = person["connected"] + timedelta(days=30)
            yield [
                person["first"],
                person["last"],
                person["company"],
                person["position"],
                "Sam ships carefully and explains clearly.",
                f"{moment:%m/%d/%y, %I:%M %p}",
                "VISIBLE",
            ]

    def endorsements(self) -> Iterator[list[str]]:
        yield [
            "Endorsement Date",
            "Skill Name",
            "Endorser First Name",
            "Endorser Last Name",
            "Endorser Public Url",
            "Endorsement Status",
        ]
        for person in self.people[: max(1, self.args.n // 100)]:
            moment = person["connected"] + timedelta(days=10)
            yield [
                f"{moment:%Y/%m/%d %H:%M:%S} UTC",
                self.random.choice(SKILLS),
                person["first"],
                person["last"],
                person["url"].removeprefix("https://"),
                "ACCEPTED",
            ]


def member_name(name: str, case: str) -> str:
    if case == "upper":
        return name.upper()
    if case == "lower":
        return name.lower()
    return name


def write_member(
    archive: zipfile.ZipFile,
    name: str,
    rows: Iterator[list[str]],
    *,
    bom: bool,
    preamble: bool = False,
) -> None:
    info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 12, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig" if bom else "utf-8", newline="")
        if preamble:
            text.write("Notes:\r\n")
            csv.writer(text).writerow([NOTES])
            text.write("\r\n")
        writer = csv.writer(text)
        for row in rows:
            writer.writerow(row)
        text.flush()
        text.detach()


def generate(args: argparse.Namespace) -> None:
    generator = Generator(args)
    case = args.member_case
    with zipfile.ZipFile(args.out, "w") as archive:
        write_member(
            archive,
            member_name("Connections.csv", case),
            generator.connections(),
            bom=args.bom,
            preamble=not args.no_notes,
        )
        write_member(archive, member_name("messages.csv", case), generator.messages(), bom=args.bom)
        write_member(
            archive, member_name("Invitations.csv", case), generator.invitations(), bom=args.bom
        )
        write_member(archive, member_name("Comments.csv", case), generator.comments(), bom=args.bom)
        write_member(archive, member_name("Shares.csv", case), generator.shares(), bom=args.bom)
        write_member(archive, member_name("Events.csv", case), generator.events(), bom=args.bom)
        write_member(
            archive,
            member_name("Recommendations_Received.csv", case),
            generator.recommendations(),
            bom=args.bom,
        )
        write_member(
            archive,
            member_name("Endorsement_Received_Info.csv", case),
            generator.endorsements(),
            bom=args.bom,
        )
        if args.decoys:
            header = [
                "CONVERSATION ID",
                "CONVERSATION TITLE",
                "FROM",
                "SENDER PROFILE URL",
                "TO",
                "RECIPIENT PROFILE URLS",
                "DATE",
                "SUBJECT",
                "CONTENT",
                "FOLDER",
            ]
            coach = [
                "c-1",
                "",
                "LinkedIn Coach",
                "",
                SELF_NAME,
                SELF_URL,
                "2026-08-01 02:00:00 UTC",
                "",
                "Here are 3 tips",
                "INBOX",
            ]
            for decoy in ("guide_messages.csv", "learning_role_play_messages.csv"):
                write_member(archive, decoy, iter([header, coach]), bom=False)
            write_member(
                archive,
                "Profile.csv",
                iter([["First Name", "Last Name"], ["Sam", "Self"]]),
                bom=False,
            )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of connections")
    parser.add_argument("out", help="path of the .zip to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="formulas, multi-line cells, control chars, NA/NULL, 30 Feb",
    )
    parser.add_argument("--bom", action="store_true", help="UTF-8 BOM at the start of each CSV")
    parser.add_argument(
        "--legacy-header",
        action="store_true",
        help="old headers: Connections without URL, messages without URL columns",
    )
    parser.add_argument(
        "--no-notes", action="store_true", help="Connections.csv without the Notes: preamble"
    )
    parser.add_argument(
        "--member-case", choices=["as-exported", "upper", "lower"], default="as-exported"
    )
    parser.add_argument(
        "--decoys",
        action="store_true",
        help="add guide_messages.csv, learning_role_play_messages.csv, Profile.csv",
    )
    parser.add_argument(
        "--message-share", type=float, default=0.3, help="share of connections with a conversation"
    )
    parser.add_argument("--messages-per-thread", type=int, default=4)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    generate(parse_args(argv))


if __name__ == "__main__":
    main()
