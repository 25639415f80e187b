"""How fast ``topofmind mcp`` answers an assistant, over stdio with the SDK's own client.

Builds a throw-away SQLite data folder (the demo data set plus ``--people`` generated people,
built like ``bench_dashboard.py``), then spawns the server and prints a table: the start-up time
(spawn to initialised, over ``--starts`` starts) and each tool's and prompt's p50 / p95 over
``--calls`` calls, including one write (log_interaction, which recomputes that person).

    .venv/bin/python scripts/bench_mcp.py [--people 5000] [--calls 30] [--starts 5]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import anyio
from mcp import ClientSession, StdioServerParameters, stdio_client

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS.parent / "server"))
sys.path.insert(0, str(SCRIPTS))

from bench_dashboard import build  # noqa: E402

from topofmind.app import create_app  # noqa: E402
from topofmind.services.demo import load_demo  # noqa: E402


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[
        min(len(timings) - 1, round(0.95 * (len(timings) - 1)))
    ]


def prepare(folder: Path, people: int) -> None:
    app = create_app({"DATA_DIR": folder, "DATABASE_URL": f"sqlite:///{folder}/topofmind.db"})
    if people:
        build(app, people, random.Random(5))
    with app.extensions["topofmind"].session_factory.begin() as session:
        load_demo(session, datetime.now(UTC))
    app.extensions["topofmind"].engine.dispose()


def server(folder: Path) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "topofmind.cli", "mcp"],
        env={"TOPOFMIND_DATA_DIR": str(folder)},
    )


def children_cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


async def start_times(folder: Path, starts: int) -> tuple[list[float], list[float]]:
    """Wall time from spawn to initialised, and the CPU time of each server process (start and
    shutdown included), which other work on the machine does not inflate."""
    timings, cpu = [], []
    with open(os.devnull, "w") as quiet:
        for _ in range(starts):
            cpu_before = children_cpu_ms()
            started = time.perf_counter()
            async with stdio_client(server(folder), errlog=quiet) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    timings.append((time.perf_counter() - started) * 1000)
            cpu.append(children_cpu_ms() - cpu_before)
    return timings, cpu


async def call_times(folder: Path, calls: int) -> list[tuple[str, float, float]]:
    rows = []
    with open(os.devnull, "w") as quiet:
        async with stdio_client(server(folder), errlog=quiet) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                found = await session.call_tool("search_people", {"query": "Tomás Ortega"})
                tomas = found.structured_content["items"][0]["id"]
                note = "Hi Tomás, thank you for the talk about Kafka consumer lag."
                cases = [
                    ("todays_plan", "call_tool", "todays_plan", {}),
                    ("search_people (name)", "call_tool", "search_people", {"query": "okafor"}),
                    ("search_people (stage)", "call_tool", "search_people", {"stage": "applied"}),
                    ("person_dossier", "call_tool", "person_dossier", {"person_id": tomas}),
                    ("pipeline", "call_tool", "pipeline", {"include_closed": True}),
                    (
                        "check_message",
                        "call_tool",
                        "check_message",
                        {"text": note, "channel": "email", "person_id": tomas},
                    ),
                    ("prompt thank_you", "get_prompt", "thank_you", {"person": str(tomas)}),
                    (
                        "log_interaction (write)",
                        "call_tool",
                        "log_interaction",
                        {"person_id": tomas, "kind": "inbound_reply", "note": "Bench reply"},
                    ),
                ]
                for label, method, name, arguments in cases:
                    call = getattr(session, method)
                    await call(name, arguments)  # warm
                    timings = []
                    for _ in range(calls):
                        started = time.perf_counter()
                        result = await call(name, arguments)
                        timings.append((time.perf_counter() - started) * 1000)
                        assert not getattr(result, "is_error", False), (label, result)
                    rows.append((label, *percentiles(timings)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "data"
        prepare(folder, args.people)
        starts, cpu = anyio.run(start_times, folder, args.starts)
        rows = anyio.run(call_times, folder, args.calls)
    print(f"| {args.people} generated people + the demo set, SQLite | p50 ms | p95 ms |")
    print("|---|---|---|")
    print("| start: spawn to initialised (wall) | {:.0f} | {:.0f} |".format(*percentiles(starts)))
    print("| start: CPU of one server process | {:.0f} | {:.0f} |".format(*percentiles(cpu)))
    for name, p50, p95 in rows:
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
