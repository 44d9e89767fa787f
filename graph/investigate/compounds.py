"""Compounds operated by organisations linked to a wallet, cluster, organisation or person."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import CompoundRecord, EntityId


def compounds_linked(graph: Graph, entity_id: EntityId, max_hops: int = 4) -> list[CompoundRecord]:
    raise NotImplementedError("compounds_linked")
