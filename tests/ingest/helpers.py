"""Shared helpers for the ingest tests: run an ingest, count what the graph holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.db import Graph
from ingest.runner import run_ingest
from ingest.summary import RunSummary
from scamgraph.settings import Settings
from tests.conftest import FIXTURES

# Bookkeeping, not data: a failed or repeated run may add these, never data nodes.
BOOKKEEPING = {"Source", "IngestRun", "FROM_SOURCE", "SchemaMigration", "Change"}


def fixture(name: str) -> Path:
    return FIXTURES / name


def ingest(graph: Graph, settings: Settings, fmt: str, path: Path | str, **options: str
           ) -> RunSummary:
    return run_ingest(graph, fmt, path, settings=settings, options=options)


def counts(graph: Graph, *, data_only: bool = False) -> dict[str, int]:
    """Non-zero node counts per label and relationship counts per type."""
    rows = graph.read("db/counts")
    found = {f"{r['kind']}:{r['name']}": r["count"] for r in rows if r["count"]}
    if data_only:
        return {k: v for k, v in found.items() if k.split(":", 1)[1] not in BOOKKEEPING}
    return found


def one(graph: Graph, query: str, **params: Any) -> dict[str, Any]:
    """The single record of a test query (text kept in the test, parameters only)."""
    records, _, _ = graph.driver.execute_query(query, params, database_=graph.database)
    assert len(records) == 1, records
    return records[0].data()


def rows(graph: Graph, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = graph.driver.execute_query(query, params, database_=graph.database)
    return [r.data() for r in records]
