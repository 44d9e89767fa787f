"""Provenance and operations: sources, freshness, ingest runs, audit log, investigations."""

from __future__ import annotations

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, page_cost
from api.saved_investigations import get_investigation, list_investigations
from api.types.admin import AuditLogEntry, Investigation
from api.types.source import IngestRunConnection, Source, SourceFreshnessInfo
from graph import investigate
from graph.investigate import limits as caps


@strawberry.type
class OperationQueries:
    @guard(Role.READER, description="Every source facts come from.")
    async def sources(self, info: Info) -> list[Source]:
        ctx = info.context
        return [Source.from_record(s) for s in await ctx.call(investigate.sources, ctx.graph)]

    @guard(Role.READER, description="Per source: last successful run, last run, age.")
    async def source_freshness(self, info: Info) -> list[SourceFreshnessInfo]:
        ctx = info.context
        rows = await ctx.call(investigate.source_freshness, ctx.graph)
        return [SourceFreshnessInfo.from_record(r) for r in rows]

    @guard(Role.OPERATOR, cost=page_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="Ingest runs, newest first.")
    async def ingest_runs(self, info: Info, first: int = 20, after: str | None = None,
                          source_id: str | None = None) -> IngestRunConnection:
        ctx = info.context
        page = await ctx.call(investigate.ingest_runs, ctx.graph, first, after, source_id)
        return IngestRunConnection.from_record(page, after)

    @guard(Role.ADMIN, cost=page_cost("first"), bounds={"first": (0, 1000)},
           description="Newest API requests first.")
    async def audit_log(self, info: Info, first: int = 50) -> list[AuditLogEntry]:
        entries = await info.context.call(info.context.audit.tail, max(0, min(first, 1000)))
        return [AuditLogEntry.from_record(e) for e in entries]

    @guard(Role.ANALYST, description="A saved investigation by id.")
    async def investigation(self, info: Info, id: strawberry.ID) -> Investigation | None:
        row = await info.context.call(get_investigation, info.context.graph, id)
        return Investigation.from_record(row) if row else None

    @guard(Role.ANALYST, cost=page_cost("first"), bounds={"first": (1, 500)},
           description="Saved investigations, newest first.")
    async def investigations(self, info: Info, first: int = 50) -> list[Investigation]:
        rows = await info.context.call(list_investigations, info.context.graph, min(first, 500))
        return [Investigation.from_record(r) for r in rows]
