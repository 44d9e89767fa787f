"""Search results as a Relay connection."""

from __future__ import annotations

import strawberry

from api.types.common import PageInfo
from api.types.entity import Entity
from api.types.records import entity_from_record
from graph.investigate.types import SearchPage


@strawberry.type
class SearchEdge:
    cursor: str | None = strawberry.field(description="Set on the last edge of a page.")
    score: float
    node: Entity


@strawberry.type(description="Entities matching a full-text search, best first.")
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo

    @classmethod
    def from_record(cls, page: SearchPage) -> SearchConnection:
        edges = [SearchEdge(cursor=None, score=h.score, node=entity_from_record(h.entity))
                 for h in page.hits]
        if edges:
            edges[-1].cursor = page.end_cursor
        return cls(edges=edges, page_info=PageInfo(end_cursor=page.end_cursor,
                                                   has_next_page=page.has_next_page))
