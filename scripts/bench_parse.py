#!/usr/bin/env python3
"""Benchmark the LinkedIn parser against lxml's bare parse of the same bytes.

    PYTHONPATH=server python3 scripts/bench_parse.py [FIXTURE_DIR] [--repeat N] [--markdown]

Per page: size, our ``parse_page`` CPU time, ``lxml.html.fromstring`` CPU time on the same bytes
(the median of N interleaved runs each, so a busy machine skews both alike and another
process's load does not count), their ratio, and our peak memory (tracemalloc, one separate
run). Totals last; the target (docs/parser.md, "Speed") is a total ratio of at most 1.5.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import lxml.html

from topofmind.linkedin import parse_page

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "linkedin"


def median_cpu_times(funcs, repeat: int) -> list[float]:
    """Median CPU time of each function over ``repeat`` runs, interleaved."""
    samples: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            gc.collect()
            start = time.process_time()
            func()
            samples[index].append(time.process_time() - start)
    return [statistics.median(times) for times in samples]


def peak_memory(func) -> int:
    gc.collect()
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("fixture_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    truths = json.loads((args.fixture_dir / "ground_truth.json").read_text(encoding="utf-8"))
    rows = []
    for truth in truths:
        data = (args.fixture_dir / truth["file"]).read_bytes()
        url = truth.get("url")
        ours, bare = median_cpu_times(
            [lambda d=data, u=url: parse_page(d, u), lambda d=data: lxml.html.fromstring(d)],
            args.repeat,
        )
        peak = peak_memory(lambda d=data, u=url: parse_page(d, u))
        rows.append((truth["file"], len(data), ours, bare, peak))
    total_bytes = sum(r[1] for r in rows)
    total_ours = sum(r[2] for r in rows)
    total_bare = sum(r[3] for r in rows)
    max_peak = max(r[4] for r in rows)
    if args.markdown:
        print("| page | bytes | parse_page ms | lxml fromstring ms | ratio | peak MiB |")
        print("|---|---:|---:|---:|---:|---:|")
        fmt = "| {} | {:,} | {:.2f} | {:.2f} | {:.2f} | {:.1f} |"
    else:
        print(
            f"{'page':<36} {'bytes':>10} {'ours ms':>9} {'lxml ms':>9} {'ratio':>6} {'peak MiB':>9}"
        )
        fmt = "{:<36} {:>10,} {:>9.2f} {:>9.2f} {:>6.2f} {:>9.1f}"
    for name, size, ours, bare, peak in rows:
        print(fmt.format(name, size, ours * 1000, bare * 1000, ours / bare, peak / 2**20))
    print(
        fmt.format(
            "TOTAL (peak = max)",
            total_bytes,
            total_ours * 1000,
            total_bare * 1000,
            total_ours / total_bare,
            max_peak / 2**20,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
