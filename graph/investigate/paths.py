"""The k shortest connections between two entities."""

from __future__ import annotations

from collections.abc import Sequence

from graph.db import Graph
from graph.investigate.types import EntityId, PathsResult


def paths(
    graph: Graph, from_id: EntityId, to_id: EntityId, max_length: int = 4,
    rel_types: Sequence[str] = (), exclude_supernodes: bool = True, k: int = 3,
    *, timeout_s: float | None = None,
) -> PathsResult:
    raise NotImplementedError("paths")
