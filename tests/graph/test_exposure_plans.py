"""The trace and exposure queries find their wallets by index, never by scanning a label.

Why: `MATCH (w:Wallet {id: wid})` has no index (the id constraint is on :Entity), so each
of the ~2 400 wallets of an organisation's 3-hop exposure region scanned all 20 000 wallets
of the bench graph (95 million db hits, about 13 s in wallet_risk alone, 40 s under load).
`(w:Entity&Wallet {id: wid})` goes through the Entity(id) unique index. EXPLAIN shows the
planned operators without running anything, so this guard is cheap.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph import queries
from graph.db import Graph
from graph.investigate.exposure import SCAM_CATEGORIES
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS, _query_params
from graph.investigate.types import TraceParams

WALLETS = ["tron:A", "tron:B"]
REGION = {"targets": WALLETS, "max_hops": 3, "supernode_degree": degree_threshold(),
          "supernode_tags": SUPERNODE_TAGS, "max_wallets": 100}
CASES: dict[str, dict[str, Any]] = {
    "investigations/seed_wallets": {"ids": ["syn-org-1"]},
    "investigations/exposure_region": REGION,
    "investigations/wallet_risk": {"wallets": WALLETS, "scam_categories": SCAM_CATEGORIES},
    "investigations/trace_forward": _query_params(TraceParams(seeds=("x",)), WALLETS),
    "investigations/trace_backward": _query_params(TraceParams(seeds=("x",)), WALLETS),
    "investigations/attribution": {"wallets": WALLETS, "rollup": True},
}


def operators(plan: dict[str, Any]) -> list[str]:
    """'Operator details' for each operator of a plan tree, depth first."""
    children = [op for child in plan.get("children", []) for op in operators(child)]
    details = plan.get("args", {}).get("Details", "")
    return [f"{plan['operatorType'].split('@')[0]} {details}", *children]


def planned(graph: Graph, name: str, params: dict[str, Any]) -> list[str]:
    with graph.driver.session(database=graph.database) as session:
        result = session.run("EXPLAIN " + queries.load(name), params)
        plan = result.consume().plan
    assert plan is not None
    return operators(plan)


@pytest.mark.parametrize("name", sorted(CASES))
def test_wallets_are_found_through_the_entity_id_index(graph: Graph, name: str) -> None:
    ops = planned(graph, name, CASES[name])
    # On the bench graph every lookup is a NodeUniqueIndexSeek. On the near-empty test graph
    # the planner may prefer scanning the Entity(id) index; that is its call on the
    # statistics. A scan of the Wallet label is never right: no index can answer it.
    assert [op for op in ops if "Scan" in op.split()[0]
            and (":Wallet" in op or "AllNodes" in op)] == []
    assert any(":Entity(id)" in op for op in ops)
