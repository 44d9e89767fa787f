"""Batch entity lookup (for DataLoaders) and wallet ids."""

from __future__ import annotations

from collections.abc import Sequence

from graph.db import Graph
from graph.investigate.types import EntityId, EntityRecord


def wallet_id(chain: str, address: str) -> EntityId:
    raise NotImplementedError("wallet_id")


def get_entities(graph: Graph, ids: Sequence[EntityId]) -> dict[EntityId, EntityRecord]:
    """Entities by id in one query; unknown ids are absent from the result."""
    raise NotImplementedError("get_entities")


def get_entity(graph: Graph, id: EntityId) -> EntityRecord | None:
    return get_entities(graph, [id]).get(id)
