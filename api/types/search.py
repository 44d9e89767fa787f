"""Search results as a Relay connection."""

from __future__ import annotations

import strawberry

from api.types.common import PageInfo
from api.types.entity import Entity
from api.types.records import entity_from_record
from graph.investigate.convert import decode_cursor, encode_cursor
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
        # Cursors are offsets (graph.investigate.convert): edge i of a page sits at start + i.
        start = decode_cursor(after)
        edges = [SearchEdge(cursor=encode_cursor(start + i + 1), score=h.score,
                            node=entity_from_record(h.entity)) for i, h in enumerate(page.hits)]
        return cls(edges=edges, page_info=PageInfo(end_cursor=page.end_cursor,
                                                   has_next_page=page.has_next_page))
