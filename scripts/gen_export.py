"""Generate a realistic synthetic LinkedIn data export (.zip) for tests and benchmarks.

    python scripts/gen_export.py 5000 /tmp/export-5k.zip --seed 7
    python scripts/gen_export.py 200 /tmp/hostile.zip --hostile --bom --legacy-header

The generator itself is ``tests/support/export_generator.py`` (the import tests use it too).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.export_generator import main  # noqa: E402

if __name__ == "__main__":
    main()
