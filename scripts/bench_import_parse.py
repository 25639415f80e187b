"""Benchmark the export readers alone: parse a generated 5k and 50k export, no database.

    PYTHONPATH=server python scripts/bench_import_parse.py [--sizes 5000 50000] [--hostile]

For each size it generates an export (tests/support/export_generator.py) in a temporary folder,
streams every file through `iter_export`, and prints rows, seconds, rows/s and peak traced
memory. The peak should stay about the same from 5k to 50k: rows are never all held at once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "server"))
sys.path.insert(0, str(HERE.parent))  # the repository: tests.support

from tests.support import export_generator as generator  # noqa: E402
from topofmind.linkedin.export import (  # noqa: E402
    SkippedRow,
    canonical_profile_url,
    iter_export,
    summarise_messages,
)


def parse(path: Path) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    skipped = 0
    for export_file in iter_export(path):
        for row in export_file.rows:
            if isinstance(row, SkippedRow):
                skipped += 1
            else:
                counts[export_file.kind] += 1
    return counts, skipped


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000])
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"export-{size}.zip"
            flags = ["--hostile"] if args.hostile else []
            generator.main([str(size), str(path), "--seed", str(args.seed), *flags])
            canonical_profile_url.cache_clear()  # a bounded cache; start each size empty
            tracemalloc.start()
            started = time.perf_counter()
            counts, skipped = parse(path)
            elapsed = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            # tracemalloc slows Python down; time a second, untraced pass for the speed figure.
            started = time.perf_counter()
            parse(path)
            untraced = time.perf_counter() - started
            started = time.perf_counter()
            for export_file in iter_export(path):
                if export_file.kind == "messages":
                    stats = summarise_messages(export_file.rows, generator.SELF_URL)
            summarised = time.perf_counter() - started
            rows = sum(counts.values())
            detail = ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items()))
            print(
                f"{size:>6} connections: {rows} rows ({detail}; skipped {skipped}) "
                f"in {untraced:.2f} s = {rows / untraced:,.0f} rows/s untraced "
                f"({elapsed:.2f} s traced); peak traced memory {peak / 1024 / 1024:.1f} MiB; "
                f"zip {path.stat().st_size / 1024 / 1024:.1f} MiB; "
                f"messages.csv parsed+summarised ({len(stats)} counterparts) in {summarised:.2f} s"
            )


if __name__ == "__main__":
    main()
