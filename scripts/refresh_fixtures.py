#!/usr/bin/env python3
"""Refresh the repository's copy of the labelled LinkedIn fixtures from ``../shared/fixtures``.

The test suite reads only ``tests/fixtures/``; this script is the one place that looks beside the
repository. Labelled pages are brought in one at a time, as the parser learns them, so the suite's
"every labelled field right" test stays green on main:

    scripts/refresh_fixtures.py --list           # labelled pages the copy does not hold yet
    scripts/refresh_fixtures.py PAGE.html [...]  # bring pages in: file, label, manifest row
    scripts/refresh_fixtures.py --all            # every labelled page
    scripts/refresh_fixtures.py --export         # the data-export CSVs (the whole folder)

A page already in the copy is updated (its bytes and its label), never duplicated. The manifest's
row for the page is copied too; the manifest's prose (conventions) is refreshed every run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "tests" / "fixtures"


def _default_source() -> Path:
    """``../shared/fixtures`` beside the repository; for a git worktree kept one folder deeper
    (``work/wt/NAME``), beside its parent."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "fixtures").is_dir():
            return base / "shared" / "fixtures"
    return REPO.parent / "shared" / "fixtures"


SOURCE = _default_source()


def _read_truth(folder: Path) -> list[dict]:
    path = folder / "ground_truth.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _manifest_rows(text: str) -> dict[str, str]:
    """Table rows of MANIFEST.md keyed by the page's file name."""
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and cells[0].endswith(".html"):
            rows[cells[0]] = line
    return rows


def _write_manifest(source_text: str, files: list[str]) -> None:
    """The shared manifest with its table cut down to the pages the copy holds, in its order."""
    keep = set(files)
    lines = []
    source_text = re.sub(
        r"From the project root, score a parser with\n`[^`]*`\.",
        "`tests/linkedin/test_fixtures.py` requires every labelled field of every page here to be\n"
        "right (the comparison rules are in `tests/support/scoring.py`).",
        source_text,
    ).replace("(design §3)", "(docs/parser.md)")
    for line in source_text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and cells[0].endswith(".html") and cells[0] not in keep:
            continue
        lines.append(line)
    header = (
        "<!-- Copied from the shared labelled fixtures by scripts/refresh_fixtures.py;"
        " the table lists only the pages this repository holds. -->\n"
    )
    (TARGET / "linkedin" / "MANIFEST.md").write_text(header + "\n".join(lines) + "\n", "utf-8")


def bring_pages(names: list[str]) -> int:
    shared = SOURCE / "linkedin"
    source_truth = {entry["file"]: entry for entry in _read_truth(shared)}
    unknown = [name for name in names if name not in source_truth]
    if unknown:
        print("not labelled in the shared folder: " + ", ".join(unknown), file=sys.stderr)
        return 2
    target = TARGET / "linkedin"
    target.mkdir(parents=True, exist_ok=True)
    ours = {entry["file"]: entry for entry in _read_truth(target)}
    for name in names:
        shutil.copyfile(shared / name, target / name)
        ours[name] = source_truth[name]
    order = [entry["file"] for entry in _read_truth(shared)]
    rank = {file: index for index, file in enumerate(order)}
    merged = sorted(ours.values(), key=lambda entry: rank.get(entry["file"], len(rank)))
    (target / "ground_truth.json").write_text(
        json.dumps(merged, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    manifest = (shared / "MANIFEST.md").read_text(encoding="utf-8")
    _write_manifest(manifest, [entry["file"] for entry in merged])
    print(f"{len(names)} page(s) copied; the copy holds {len(merged)} labelled page(s)")
    return 0


def missing_pages() -> list[str]:
    ours = {entry["file"] for entry in _read_truth(TARGET / "linkedin")}
    return [e["file"] for e in _read_truth(SOURCE / "linkedin") if e["file"] not in ours]


def copy_export() -> int:
    target = TARGET / "linkedin-export"
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((SOURCE / "linkedin-export").iterdir()):
        if path.is_file():
            shutil.copyfile(path, target / path.name)
            count += 1
    print(f"{count} export file(s) copied")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="labelled page file names to bring in")
    parser.add_argument("--list", action="store_true", help="labelled pages not yet copied")
    parser.add_argument("--all", action="store_true", help="bring in every labelled page")
    parser.add_argument("--export", action="store_true", help="copy the data-export CSVs")
    args = parser.parse_args(argv)
    if not SOURCE.is_dir():
        print(f"no shared fixtures at {SOURCE}", file=sys.stderr)
        return 2
    if args.list:
        print("\n".join(missing_pages()) or "the copy holds every labelled page")
        return 0
    status = 0
    if args.export:
        status |= copy_export()
    names = missing_pages() if args.all else args.pages
    if names:
        status |= bring_pages(names)
    elif not args.export:
        parser.print_usage()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
