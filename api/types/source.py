"""`Source`, `IngestRun` (a Relay connection) and `SourceFreshness`."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.types.common import JSON, PageInfo, offset_cursors
from graph.db import jsonable
from graph.investigate.types import IngestRunPage, IngestRunRecord, SourceFreshness, SourceRecord


@strawberry.type(description="Where facts come from (a published list, a tag pack, a chain file).")
class Source:
    id: strawberry.ID
    name: str | None
    format: str | None
    url: str | None
    properties: JSON

    @classmethod
    def from_record(cls, rec: SourceRecord) -> Source:
        return cls(id=strawberry.ID(rec.id), name=rec.name, format=rec.format, url=rec.url,
                   properties=jsonable(dict(rec.properties)))


@strawberry.type(description="One run of an ingester over one source file.")
class IngestRun:
    id: strawberry.ID
    source_id: str | None
    format: str | None
    status: str | None
    sha256: str | None
    started_at: datetime | None
    ended_at: datetime | None
    read: int | None
    written: int | None
    quarantined: int | None
    created: int | None
    updated: int | None
    error: str | None
    mode: str = strawberry.field(
        description="merge (transactional, idempotent batches) or bulk (offline import).")
    retracted: int = strawberry.field(
        default=0, description="FtM delta DEL lines applied (read = written + quarantined + "
                               "retracted).")
    retracted_missing: int = strawberry.field(
        default=0, description="Of those, DELs naming nothing this source asserted.")
    removed: int = strawberry.field(
        default=0, description="Nodes and relationships the DELs deleted (no source left).")

    @classmethod
    def from_record(cls, rec: IngestRunRecord) -> IngestRun:
        return cls(
            id=strawberry.ID(rec.id), source_id=rec.source_id, format=rec.format,
            status=rec.status, sha256=rec.sha256, started_at=rec.started_at,
            ended_at=rec.ended_at, read=rec.read, written=rec.written,
            quarantined=rec.quarantined, created=rec.created, updated=rec.updated,
            error=rec.error, mode=rec.mode, retracted=rec.retracted,
            retracted_missing=rec.retracted_missing, removed=rec.removed,
        )


@strawberry.type
class IngestRunEdge:
    cursor: str
    node: IngestRun


@strawberry.type(description="Ingest runs, newest first (Relay connection).")
class IngestRunConnection:
    edges: list[IngestRunEdge]
    page_info: PageInfo

    @classmethod
    def from_record(cls, page: IngestRunPage, after: str | None = None) -> IngestRunConnection:
        cursors = offset_cursors(after, len(page.runs))
        edges = [IngestRunEdge(cursor=k, node=IngestRun.from_record(r))
                 for k, r in zip(cursors, page.runs, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page))


@strawberry.type(
    name="SourceFreshness", description="How fresh one source is: its last successful and last run."
)
class SourceFreshnessInfo:
    source: Source
    last_success_at: datetime | None
    last_run_at: datetime | None
    last_status: str | None
    age_seconds: float | None = strawberry.field(
        description="Seconds since the last successful run; null if it never succeeded."
    )

    @classmethod
    def from_record(cls, rec: SourceFreshness) -> SourceFreshnessInfo:
        return cls(source=Source.from_record(rec.source), last_success_at=rec.last_success_at,
                   last_run_at=rec.last_run_at, last_status=rec.last_status, age_seconds=rec.age_s)
