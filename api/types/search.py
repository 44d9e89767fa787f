"""Search results as a Relay connection."""

from __future__ import annotations

import strawberry

from api.types.common import PageInfo, offset_cursors
from api.types.entity import Entity
from api.types.records import entity_from_record
from graph.investigate.types import SearchPage


@strawberry.type
class SearchEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this edge.")
    score: float
    node: Entity


@strawberry.type(description="Entities matching a full-text search, best first.")
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo

    @classmethod
    def from_record(cls, page: SearchPage, after: str | None = None) -> SearchConnection:
        cursors = offset_cursors(after, len(page.hits))
        edges = [SearchEdge(cursor=k, score=h.score, node=entity_from_record(h.entity))
                 for k, h in zip(cursors, page.hits, strict=True)]
        return cls(edges=edges, page_info=PageInfo.of(page))
