"""The layering table of docs/architecture.md holds: every import in the package is read with
``ast`` and checked against what its layer may not import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "server" / "topofmind"

# layer → what it must never import: sibling layers by name, third-party packages by their
# top-level name. ``sqlalchemy.core`` stands for ``from sqlalchemy import …`` (building queries);
# ``sqlalchemy.orm`` (the Session type) and ``sqlalchemy.exc`` (mapping errors) stay allowed.
FORBIDDEN: dict[str, set[str]] = {
    "api": {"store", "web", "domain", "linkedin", "sqlalchemy.core"},
    "web": {"store", "api", "sqlalchemy.core"},
    "http": {"api", "web", "services", "store", "domain", "linkedin"},
    "schemas": {"api", "web", "http", "store", "flask", "flask_smorest"},
    "services": {"api", "web", "http", "schemas", "scheduler", "flask", "werkzeug"},
    "domain": {
        "api",
        "web",
        "http",
        "schemas",
        "services",
        "store",
        "scheduler",
        "flask",
        "sqlalchemy",
        "lxml",
        "bs4",
    },
    "linkedin": {
        "api",
        "web",
        "http",
        "schemas",
        "services",
        "store",
        "domain",
        "scheduler",
        "flask",
        "sqlalchemy",
    },
    "store": {"api", "web", "http", "schemas", "services", "domain", "linkedin", "flask"},
    # The MCP server is a client of the services, like the dashboard; the command opens the
    # database for it.
    "assistant": {"api", "web", "http", "store", "scheduler", "flask", "sqlalchemy.core"},
}


# Files allowed one import their layer otherwise may not, each with its reason.
EXCEPTIONS: dict[str, set[str]] = {
    # A data migration re-keys stored names with the one name key (a pure function).
    "store/migrations/versions/house_0001_one_name_key.py": {"linkedin"},
}


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def _module_name(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> list[tuple[int, str]]:
    """``(line, what)`` for each import: ``topofmind.X…`` as ``X`` (the layer), else the
    third-party top-level name, with ``from sqlalchemy import …`` as ``sqlalchemy.core``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    names = [f"{module}.{alias.name}" for alias in node.names]
                else:
                    names = [module]
            else:
                names = [node.module or ""]
                if node.module == "sqlalchemy":
                    names = ["sqlalchemy.core"]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "topofmind":
                if len(parts) > 1:
                    found.append((node.lineno, parts[1]))
            else:
                found.append((node.lineno, name if name == "sqlalchemy.core" else parts[0]))
    return found


def _files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if _layer(path) in FORBIDDEN)


def test_every_layer_has_files():
    layers = {_layer(path) for path in _files()}
    assert layers == set(FORBIDDEN)


@pytest.mark.parametrize("path", _files(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_follow_the_layering_table(path: Path):
    forbidden = FORBIDDEN[_layer(path)] - EXCEPTIONS.get(str(path.relative_to(PACKAGE)), set())
    wrong = [
        f"line {line}: {name}"
        for line, name in _imports(path)
        if name in forbidden and name != _layer(path)
    ]
    assert wrong == [], f"{path.relative_to(PACKAGE)} imports what its layer may not"


def test_the_walker_resolves_relative_absolute_and_core_imports():
    """The walker itself, on files whose imports are known: ``from ..services import x``,
    ``from .common import …``, ``from sqlalchemy import …`` and ``from sqlalchemy.exc import``."""
    web = {name for _line, name in _imports(PACKAGE / "web" / "contacts.py")}
    assert {"services", "errors", "flask", "web"} <= web
    services = {name for _line, name in _imports(PACKAGE / "services" / "people.py")}
    assert {"sqlalchemy.core", "store", "linkedin", "services"} <= services
    api_errors = {name for _line, name in _imports(PACKAGE / "api" / "errors.py")}
    assert "sqlalchemy" in api_errors and "sqlalchemy.core" not in api_errors
