"""Forward and backward money traces: organisations and unattributed wallets reached."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import TraceParams, TraceResult


def trace(graph: Graph, params: TraceParams) -> TraceResult:
    raise NotImplementedError("trace")
