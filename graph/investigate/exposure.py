"""Exposure: the share of a target's inflow from sanctioned, scam- or compound-linked sources."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import EntityId, ExposureMethod, ExposureResult


def exposure(
    graph: Graph, target: EntityId, max_hops: int = 3,
    method: ExposureMethod | str = ExposureMethod.HAIRCUT, *, timeout_s: float | None = None,
) -> ExposureResult:
    raise NotImplementedError("exposure")
