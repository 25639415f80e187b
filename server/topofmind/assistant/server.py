"""``topofmind mcp``: the MCP server over stdio, on the same data as ``topofmind serve``.

Standard output is the protocol, so everything else (logs, the start-up line) goes to standard
error. The server opens no network listener and starts no scheduler; each tool call is one short
transaction, and SQLite waits on its busy timeout, so it runs safely beside a running server.
The command (``cli.py``) opens the database; this module only serves it.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.prompts import Prompt
from mcp.types import ToolAnnotations
from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from .prompts import PROMPTS, PromptBook
from .tools import READING, WRITING, Clock, Toolbox

log = logging.getLogger(__name__)

INSTRUCTIONS = """\
Top of Mind keeps the user's job-search relationships on their own machine: the hiring managers,
recruiters and interviewers they meet, every touch with them, the opportunities and interviews,
and suggestions for what to do next, each with a reason, a time window and a draft.

- "What should I do today?" -> todays_plan.
- To write to someone: search_people for their id, then person_dossier (interview topics, recent
  posts, what was already sent, open suggestions with drafts), or use a prompt
  (thank_you, check_in, comment_on_post, introduction_request, event_follow_up).
- Before showing the user any message, run check_message and fix what it flags.
"""
RECORDING = """\
- After the user sends something, record it (mark_suggestion_done with the sent text, or
  log_interaction) so the plan stays right; add_interview records an interview and its topics.
"""
READ_ONLY = """\
- This server is read-only: it cannot record anything; tell the user to log what they sent in
  the Top of Mind dashboard.
"""
NEVER_ACT = (
    "Top of Mind never acts on LinkedIn and neither should you: draft, and let the user send.\n"
)

TITLES = {
    "todays_plan": "Today's plan",
    "search_people": "Search people",
    "person_dossier": "A person's dossier",
    "pipeline": "The pipeline",
    "check_message": "Check a message",
    "log_interaction": "Log an interaction",
    "mark_suggestion_done": "Mark a suggestion done",
    "snooze_suggestion": "Snooze a suggestion",
    "dismiss_suggestion": "Dismiss a suggestion",
    "add_interview": "Add an interview",
    "thank_you": "Thank-you note to an interviewer",
    "check_in": "Status check-in",
    "comment_on_post": "Comment on their post",
    "introduction_request": "Ask for an introduction",
    "event_follow_up": "Follow up after an event",
}
# Marking done twice or dismissing twice changes nothing the second time.
IDEMPOTENT = ("mark_suggestion_done", "dismiss_suggestion")


def utc_now() -> datetime:
    return datetime.now(UTC)


def build_server(
    session_factory: sessionmaker[Session], clock: Clock = utc_now, *, read_only: bool = False
) -> MCPServer[Any]:
    """The MCP server with its tools and prompts. ``read_only`` offers the reading tools alone
    (the writing ones are not even listed, so a call to one is an unknown tool)."""
    server: MCPServer[Any] = MCPServer(
        "topofmind",
        title="Top of Mind",
        version=__version__,
        instructions=INSTRUCTIONS + (READ_ONLY if read_only else RECORDING) + NEVER_ACT,
        log_level="WARNING",
    )
    toolbox = Toolbox(session_factory, clock)
    for name in READING:
        server.add_tool(
            getattr(toolbox, name),
            name=name,
            title=TITLES[name],
            annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False),
            structured_output=False,
        )
    if not read_only:
        for name in WRITING:
            server.add_tool(
                getattr(toolbox, name),
                name=name,
                title=TITLES[name],
                annotations=ToolAnnotations(
                    read_only_hint=False,
                    destructive_hint=False,
                    idempotent_hint=name in IDEMPOTENT,
                    open_world_hint=False,
                ),
                structured_output=False,
            )
    book = PromptBook(session_factory, clock, read_only=read_only)
    for name in PROMPTS:
        server.add_prompt(Prompt.from_function(getattr(book, name), name=name, title=TITLES[name]))
    return server


def serve_stdio(
    session_factory: sessionmaker[Session], *, read_only: bool = False, data_dir: Any = None
) -> None:
    """Serve over stdin/stdout until the client closes the connection. The caller opens the
    database (``topofmind mcp`` brings its schema up to date first, as every command does)."""
    server = build_server(session_factory, read_only=read_only)
    mode = "read-only" if read_only else "read-write"
    log.info("Top of Mind MCP server (%s) on stdio; data folder %s", mode, data_dir)
    server.run("stdio")


def configure_logging() -> None:
    """Logs to standard error only: standard output carries the protocol."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("topofmind").setLevel(logging.INFO)
