#!/usr/bin/env python3
"""Click-to-answer of the popup in real Chromium on the saved profile pages.

For each run the popup is opened for a LinkedIn profile tab (``popup.html?tab=<id>``) and timed
until the person and their suggestions are on screen. Three figures per run:

- answer_ms: the popup's own ``performance.mark("topofmind:answer")`` (from the popup's
  navigation start to person + suggestions drawn): what the user waits after the popup opens;
- wall_ms: the same seen from Python (includes Playwright's round trips);
- capture_ms: the capture script's own time inside the LinkedIn page (performance.now() in the
  injected function).

The first popup per profile (person created by the capture) is reported apart as "cold".
Real pieces only: ``topofmind serve`` in a subprocess, Debian Chromium, the unpacked extension,
the fixture pages on a local https://www.linkedin.com.

Usage: PYTHONPATH=server python scripts/bench_popup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from extension_fixtures import ExtensionBrowser, TopOfMindServer  # noqa: E402
from linkedin_site import LinkedInSite  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PROFILES = [
    "profile_loggedin_01.html",
    "profile_loggedin_02.html",
    "profile_loggedin_03.html",
    "profile_loggedin_06.html",
    "profile_sdui_01.html",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict:
    return {
        "p50": round(statistics.median(values), 1),
        "p95": round(percentile(values, 0.95), 1),
        "max": round(max(values), 1),
        "n": len(values),
    }


def open_and_time(browser: ExtensionBrowser, tab_id: int) -> dict:
    started = time.perf_counter()
    popup = browser.open_popup(tab_id)
    popup.locator("#view[data-state='profile'] [data-loaded='true']").wait_for()
    wall_ms = (time.perf_counter() - started) * 1000
    answer_ms = popup.evaluate(
        "() => performance.getEntriesByName('topofmind:answer')[0].startTime"
    )
    popup.locator("#view[data-capture-ms]").wait_for(state="attached")
    capture_ms = float(popup.locator("#view").get_attribute("data-capture-ms"))
    popup.close()
    return {"answer_ms": answer_ms, "wall_ms": wall_ms, "capture_ms": capture_ms}


def seed_suggestions(server: TopOfMindServer, person_id: int) -> None:
    """An interview that ended two hours ago: a thank-you and a check-in to show."""
    ended = datetime.now(UTC) - timedelta(hours=2)
    _, opportunity = server.api(
        "POST",
        "/api/opportunities",
        {
            "company": "Acme",
            "title": "Staff Engineer",
            "stage": "interviewing",
            "people": [{"person_id": person_id, "role": "interviewer"}],
        },
    )
    server.api(
        "POST",
        "/api/interviews",
        {
            "opportunity_id": opportunity["id"],
            "starts_at": (ended - timedelta(hours=1)).isoformat(),
            "ends_at": ended.isoformat(),
            "interviewer_ids": [person_id],
            "topics": ["data pipelines"],
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Time the popup's click-to-answer.")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-popup-"))
    server = TopOfMindServer(work / "data")
    (work / "data").mkdir()
    server.start()
    try:
        with LinkedInSite() as site, sync_playwright() as playwright:
            browser = ExtensionBrowser(playwright, work / "profile", site.resolver_rule)
            try:
                assert "Connected" in browser.save_settings(server.url, server.token)
                tabs = [browser.open_tab(site.url(file))[1] for file in PROFILES]
                cold = []
                for tab_id in tabs:
                    cold.append(open_and_time(browser, tab_id))
                _, people = server.api("GET", "/api/contacts?per_page=50")
                for person in people["items"]:
                    seed_suggestions(server, person["id"])
                server.api("POST", "/api/suggestions/recompute", {})
                warm = [open_and_time(browser, tabs[i % len(tabs)]) for i in range(args.runs)]
            finally:
                browser.close()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    result = {
        "runs": args.runs,
        "profiles": PROFILES,
        "warm": {key: summary([run[key] for run in warm]) for key in warm[0]},
        "cold": {key: summary([run[key] for run in cold]) for key in cold[0]},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
