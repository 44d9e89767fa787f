"""`Change`: one entry of the ingest change log (a Relay connection), newest first."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.types.common import JSON, PageInfo, offset_cursors
from graph.db import jsonable
from graph.investigate.changes import ChangePage, ChangeRecord


@strawberry.type(description="What one ingest run changed about one entity or link.")
class Change:
    at: datetime | None = strawberry.field(description="Start of the run that made the change.")
    kind: str = strawberry.field(
        description="added, asserted (newly by this source), updated, unasserted (no longer "
                    "asserted by this source: a delisting, a removed tag) or transfer (a new "
                    "transfer into a watched wallet).")
    entity: strawberry.ID = strawberry.field(description="The entity, or a link's start.")
    label: str | None
    field: str | None = strawberry.field(
        description="The property that changed, or a link's type (TYPE.property for a link's "
                    "property).")
    end: str | None = strawberry.field(description="A link's end entity.")
    before: JSON | None
    after: JSON | None
    source_id: str | None
    run_id: str | None = strawberry.field(description="The IngestRun (none for transfers).")

    @classmethod
    def from_record(cls, rec: ChangeRecord) -> Change:
        return cls(at=rec.at, kind=rec.kind, entity=strawberry.ID(rec.entity), label=rec.label,
                   field=rec.field, end=rec.end, before=jsonable(rec.before),
                   after=jsonable(rec.after), source_id=rec.source, run_id=rec.run)


@strawberry.type
class ChangeEdge:
    cursor: str
    node: Change


@strawberry.type(description="Changes, newest first (Relay connection).")
class ChangeConnection:
    edges: list[ChangeEdge]
    page_info: PageInfo

    @classmethod
    def from_record(cls, page: ChangePage, after: str | None = None) -> ChangeConnection:
        cursors = offset_cursors(after, len(page.changes))
        edges = [ChangeEdge(cursor=k, node=Change.from_record(c))
                 for k, c in zip(cursors, page.changes, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page))
