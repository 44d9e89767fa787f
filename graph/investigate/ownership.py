"""Who owns a company (chains with effective shares) and what a person controls."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import ControlResult, EntityId, OwnershipResult


def owners(graph: Graph, company_id: EntityId, max_depth: int = 6) -> OwnershipResult:
    raise NotImplementedError("owners")


def controlled_by(graph: Graph, person_id: EntityId, max_depth: int = 4) -> ControlResult:
    raise NotImplementedError("controlled_by")
