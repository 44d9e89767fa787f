"""What changed since the last run: the ingest change log (graph/investigate/changes.py)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, page_cost
from api.types.changes import ChangeConnection
from graph.investigate import changes as change_log
from graph.investigate import limits as caps


@strawberry.type
class ChangeQueries:
    @guard(Role.READER, cost=page_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="What ingest runs changed, newest first: entities and links added, "
                       "updated (before/after), no longer asserted by their source; `watch` "
                       "keeps the entities saved in investigations and adds new transfers "
                       "into their wallets.")
    async def changes(
        self, info: Info, since: datetime | None = None, until: datetime | None = None,
        source_id: str | None = None, kinds: list[str] | None = None, watch: bool = False,
        first: int = 50, after: str | None = None,
    ) -> ChangeConnection:
        ctx = info.context
        page = await ctx.call(change_log.changes, ctx.graph, since=since, until=until,
                              source_id=source_id, kinds=kinds, watch=watch, first=first,
                              after=after)
        return ChangeConnection.from_record(page, after)
