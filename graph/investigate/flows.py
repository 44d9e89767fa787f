"""Value moved from one organisation's wallets to another's, per month and asset."""

from __future__ import annotations

from graph.db import Graph
from graph.investigate.types import EntityId, FlowResult, GroupBy


def flows(
    graph: Graph, from_org: EntityId, to_org: EntityId, max_hops: int = 3,
    group_by: GroupBy | str = GroupBy.MONTH, *, timeout_s: float | None = None,
) -> FlowResult:
    raise NotImplementedError("flows")
