"""Fetch a BACKWARD value trace's region: the wallets whose value may have reached the seeds.

The mirror of taint_region: value only moves forward in time, so a wallet can have funded the
seeds only with transfers no later than its *latest useful departure* (`until`): the latest
transfer leaving it along a chain of transfers into the seeds, each no later than the next
(each >= min_amount, in the window and assets). Rounds of taint_back_region.cypher find it,
Bellman-Ford style: a round expands the wallets whose until rose in the last one; new wallets
join at the round's level while it is <= max_hops (a level counts time-respecting links), and
later rounds only raise untils until none changes (past EXTRA_ROUNDS nothing is pruned: the
same answer, slower). The ledger (taint_back_ledger.cypher) holds each expanded wallet's
transfers in the window up to its until: what it did later cannot have funded the seeds.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.investigate import convert
from graph.investigate.taint_region import BACKWARD_WALK, _transfer, discover
from graph.investigate.taint_sim import Region
from graph.investigate.types import TraceParams

# No upper bound: the seeds' until when the window has none (epoch milliseconds).
OPEN_END = 1 << 62


def fetch_back_region(graph: Graph, params: TraceParams, seeds: list[str],
                      query: dict[str, Any]) -> Region:
    """The region upstream of `seeds`; `query` holds the filters shared by every query."""
    until = convert.utc(params.until)
    end = int(until.timestamp() * 1000) if until else OPEN_END
    reached, latest, cut = discover(graph, params, seeds, end, query, BACKWARD_WALK)
    expanded = [w for w, (_, expand, _) in reached.items() if expand]
    wallets = [{"id": s, "until": end, "seed": True} for s in seeds] + [
        {"id": w, "until": latest[w], "seed": False} for w in expanded]
    rows = graph.read_plain("investigations/taint_back_ledger", {**query, "wallets": wallets},
                      timeout_s=params.timeout_s)[0]["transfers"]
    cut = cut or len(rows) > params.max_transfers
    return Region(frozenset(seeds), reached, [_transfer(t) for t in rows[:params.max_transfers]],
                  cut, params.max_hops)
