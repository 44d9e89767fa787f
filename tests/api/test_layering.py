"""The API reads only through graph/: no module of api/ imports the ingest or jobs packages."""

from __future__ import annotations

import ast
from pathlib import Path

API = Path(__file__).resolve().parents[2] / "api"
FORBIDDEN = ("ingest", "jobs")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_api_imports_neither_ingest_nor_jobs() -> None:
    found = {f"{path.relative_to(API.parent)}: {name}"
             for path in API.rglob("*.py") for name in imported(path)
             if name.split(".")[0] in FORBIDDEN}
    assert not found, sorted(found)
