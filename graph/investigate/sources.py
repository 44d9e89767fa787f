"""Sources, ingest runs and per-source freshness (provenance bookkeeping)."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import IngestRunPage, SourceFreshness, SourceRecord


def sources(graph: Graph) -> list[SourceRecord]:
    raise NotImplementedError("sources")


def ingest_runs(
    graph: Graph, first: int = 20, after: str | None = None, source_id: str | None = None,
) -> IngestRunPage:
    raise NotImplementedError("ingest_runs")


def source_freshness(graph: Graph) -> list[SourceFreshness]:
    raise NotImplementedError("source_freshness")
