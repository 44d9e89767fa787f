"""Sources, ingest runs and per-source freshness (provenance bookkeeping, docs/MODEL.md)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph, native
from graph.investigate import convert, limits
from graph.investigate.types import IngestRunPage, IngestRunRecord, SourceFreshness, SourceRecord

# The IngestRun status of a run that finished well (ingest/summary.py).
SUCCEEDED = "succeeded"


def _source(row: Mapping[str, Any]) -> SourceRecord:
    return SourceRecord(row["id"], row["name"], row["format"], row["url"],
                        native(row["props"]))


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _run(props: Mapping[str, Any]) -> IngestRunRecord:
    p = native(props)
    return IngestRunRecord(
        id=p["id"], source_id=p.get("source_id"), format=p.get("format"), status=p.get("status"),
        sha256=p.get("sha256"), started_at=convert.ts(p.get("started_at")),
        ended_at=convert.ts(p.get("ended_at")), read=_int(p.get("read")),
        written=_int(p.get("written")), quarantined=_int(p.get("quarantined")),
        created=_int(p.get("created")), updated=_int(p.get("updated")), error=p.get("error"),
        mode=p.get("mode") or "merge", retracted=_int(p.get("retracted")) or 0,
        retracted_missing=_int(p.get("retracted_missing")) or 0,
        removed=_int(p.get("removed")) or 0,
    )


def sources(graph: Graph) -> list[SourceRecord]:
    return [_source(row) for row in graph.read("investigations/sources")]


def ingest_runs(
    graph: Graph, first: int = 20, after: str | None = None, source_id: str | None = None,
) -> IngestRunPage:
    """Runs newest first, optionally of one source, `first` per page after the cursor."""
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    skip = convert.decode_cursor(after)
    rows = graph.read("investigations/ingest_runs",
                      {"source_id": source_id, "skip": skip, "limit": first + 1})
    runs = tuple(_run(row["run"]) for row in rows[:first])
    end = convert.encode_cursor(skip + len(runs)) if runs else None
    return IngestRunPage(runs=runs, end_cursor=end, has_next_page=len(rows) > first)


def source_freshness(graph: Graph, *, now: datetime | None = None) -> list[SourceFreshness]:
    """Per source: last successful run, last run and its status, seconds since the success."""
    now = now or datetime.now(UTC)
    found = []
    for row in graph.read("investigations/source_freshness"):
        success = convert.ts(row["last_success_at"])
        found.append(SourceFreshness(
            source=_source(row), last_success_at=success,
            last_run_at=convert.ts(row["last_run_at"]), last_status=row["last_status"],
            age_s=(now - success).total_seconds() if success else None,
        ))
    return found
