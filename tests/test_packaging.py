"""pyproject.toml tells the truth: declared = imported, package-data names files that exist, and
constraints.txt pins, within the declared ranges, every package the suite runs with."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "server" / "topofmind"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# Loaded by name, never imported: SQLAlchemy picks the driver from the URL; zoneinfo reads tzdata.
LOADED_NOT_IMPORTED = {"psycopg", "tzdata"}
# Pytest plugins and tools: used by the command line, not by an import.
TOOLS = {"pytest-playwright", "pytest-xdist", "ruff", "mypy", "types-lxml", "playwright"}


def _requirements(group: str | None = None) -> list[Requirement]:
    project = PYPROJECT["project"]
    raw = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return [Requirement(line) for line in raw]


def _imported_distributions(*folders: Path) -> set[str]:
    """Canonical names of the installed distributions the files under ``folders`` import."""
    by_module = packages_distributions()
    local = {path.stem for folder in folders for path in folder.rglob("*.py")}
    found: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top in local | {"topofmind", "tests"}:
                        continue
                    found.update(canonicalize_name(d) for d in by_module.get(top, [top]))
    return found


def _names(requirements: list[Requirement]) -> set[str]:
    return {canonicalize_name(requirement.name) for requirement in requirements}


def test_the_server_imports_exactly_what_it_declares():
    declared = _names(_requirements())
    imported = _imported_distributions(PACKAGE)
    assert imported - declared == set(), "imported but not declared in [project] dependencies"
    assert declared - imported - LOADED_NOT_IMPORTED == set(), "declared but never imported"


def test_the_tests_import_only_what_is_declared():
    declared = _names(_requirements()) | _names(_requirements("test"))
    imported = _imported_distributions(REPO / "tests")
    assert imported - declared == set(), "the tests import what [test] does not declare"
    unused = declared - imported - _imported_distributions(PACKAGE) - LOADED_NOT_IMPORTED
    assert unused - TOOLS == set(), "declared for the tests but never imported"


def test_package_data_names_files_that_exist_and_covers_every_data_file():
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["topofmind"]
    covered: set[Path] = set()
    for pattern in patterns:
        matched = {path for path in PACKAGE.glob(pattern) if path.is_file()}
        assert matched, f"package-data pattern {pattern!r} matches no file"
        covered |= matched
    data_files = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    assert data_files - covered == set(), "files the installed package would lack"


def test_constraints_pin_every_requirement_within_its_range():
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt pins exact versions: {line!r}"
            pins[canonicalize_name(name)] = version
    for requirement in _requirements() + _requirements("test"):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} vs {requirement}"
