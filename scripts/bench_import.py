"""Benchmark the whole import: a generated export into a fresh SQLite database.

    PYTHONPATH=server python scripts/bench_import.py [--sizes 5000 50000] [--hostile]

For each size it generates an export with scripts/gen_export.py, imports it through
`services.imports.import_linkedin_export` into a new SQLite file (time, untraced), imports it
again (the re-import: everything unchanged), then imports it into another new database under
tracemalloc for the peak memory. Prints a Markdown table; docs/network.md carries the numbers.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "server"))

from sqlalchemy.orm import sessionmaker  # noqa: E402

from topofmind.services.imports import import_linkedin_export  # noqa: E402
from topofmind.store import migrate  # noqa: E402
from topofmind.store.database import make_engine  # noqa: E402

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_export", HERE / "gen_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh_database(folder: Path, name: str) -> sessionmaker:
    engine = make_engine(f"sqlite:///{folder / name}")
    migrate.upgrade(engine)
    return sessionmaker(engine)


def run_import(factory: sessionmaker, path: Path) -> tuple[float, float, dict]:
    """Wall-clock and CPU seconds (CPU is steadier on a shared machine) and the report."""
    started, cpu = time.perf_counter(), time.process_time()
    with factory.begin() as session:
        report = import_linkedin_export(session, path, path.name, NOW)
    return time.perf_counter() - started, time.process_time() - cpu, report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000])
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generator = load_generator()
    print(
        "| connections | rows read | added | import (s, wall / CPU) | re-import (s, wall / CPU) "
        "| re-import added | peak traced memory (MiB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in args.sizes:
            path = folder / f"export-{size}.zip"
            flags = ["--hostile"] if args.hostile else []
            generator.main([str(size), str(path), "--seed", str(args.seed), *flags])
            factory = fresh_database(folder, f"first-{size}.db")
            first, first_cpu, report = run_import(factory, path)
            again, again_cpu, second = run_import(factory, path)
            traced_factory = fresh_database(folder, f"traced-{size}.db")
            tracemalloc.start()
            run_import(traced_factory, path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"| {size:,} | {report['rows_read']:,} | {report['added']:,} "
                f"| {first:.2f} / {first_cpu:.2f} | {again:.2f} / {again_cpu:.2f} "
                f"| {second['added']} | {peak / 1024 / 1024:.1f} |"
            )


if __name__ == "__main__":
    main()
