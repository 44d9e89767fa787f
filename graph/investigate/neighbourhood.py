"""Neighbours of one entity, bounded by depth, relationship types, time and a node limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from graph.db import Graph
from graph.investigate.types import EntityId, Subgraph


def neighbourhood(
    graph: Graph, id: EntityId, rel_types: Sequence[str] = (), depth: int = 1, limit: int = 100,
    since: datetime | None = None, until: datetime | None = None,
) -> Subgraph:
    raise NotImplementedError("neighbourhood")
