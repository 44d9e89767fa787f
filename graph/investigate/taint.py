"""Value tracing (trace methods POISON, HAIRCUT, FIFO, LIFO): follow the seeds' own value.

taint_region fetches the region within max_hops time-respecting links downstream of the
seeds and each wallet's ledger from the value's earliest arrival on (with an opening balance);
taint_sim replays it per asset in (ts, id) order, each wallet holding a pool (taint_pools):

* the seeds' value = every transfer the seeds send out in the window and assets (to wallets
  that are not seeds): those transfers are the tainted lots;
* a transfer carries only what its sender held before it; an outflow larger than the known
  balance draws the shortfall from the wallet's unknown prior balance, which counts as clean;
  transfers from outside the region are clean;
* a transfer below min_amount does not carry the value on (dropped); value returning to a
  seed is returned (not sent again); stops and supernodes keep what enters them; value leaving
  the region from its last level is dropped past the hop cap, elsewhere past a budget.

So per asset: sent = attributed + still held + returned + dropped, in integer base units;
TraceResult.conservation states it. POISON counts tainted transfers in full and does not
conserve (conservation is empty). Direction BACKWARD (sources of funds) runs the same pools
over the region upstream of the seeds: taint_backward.py.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.investigate import convert, taint_region
from graph.investigate.supernodes import degree_threshold
from graph.investigate.taint_backward_result import back_trace
from graph.investigate.taint_result import conservation, endpoints, organisations, wallets
from graph.investigate.taint_sim import Region, simulate
from graph.investigate.trace_aggregate import Attribution
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult

SEMANTICS = {
    TraceMethod.HAIRCUT: (
        "HAIRCUT: each transfer carries the sender's share of the seeds' value at that moment "
        "(tainted x amount // balance, integer base units: the fraction of a unit stays with the "
        "sender). "),
    TraceMethod.FIFO: (
        "FIFO: each transfer spends the sender's oldest received units first. "),
    TraceMethod.LIFO: (
        "LIFO: each transfer spends the sender's newest received units first. "),
}
COMMON = (
    "Amounts are the seeds' own value (what they sent in the window), never more per asset; "
    "an organisation's amount is the value entering its wallets from wallets not its own. "
    "Unknown prior balances count as clean. sent = attributed + still held + returned to "
    "seeds + dropped (see conservation).")
POISON = (
    "POISON: a wallet is tainted from its first tainted receipt on and every later transfer "
    "it sends is tainted in full; amounts are the sums of tainted transfers. NOT conserved: "
    "they can exceed what the seeds sent.")
SUPERNODE_TAGS = ["token_contract", "token", "contract"]


def _query_params(params: TraceParams, seeds: list[str]) -> dict[str, Any]:
    return {
        "seeds": seeds, "max_hops": params.max_hops, "min_amount": params.min_amount,
        "assets": list(params.assets), "since": convert.utc(params.since),
        "until": convert.utc(params.until), "stop_at": list(params.stop_at),
        "expand_supernodes": params.expand_supernodes, "supernode_tags": SUPERNODE_TAGS,
        "supernode_degree": degree_threshold(params.supernode_degree),
        "max_wallets": params.max_wallets, "max_transfers": params.max_transfers,
    }


def fetch_region(graph: Graph, params: TraceParams, seeds: list[str]) -> Region:
    return taint_region.fetch_region(graph, params, seeds, _query_params(params, seeds))


def value_trace(graph: Graph, params: TraceParams, seeds: list[str],
                attribute: Any) -> TraceResult:
    """The trace by value; `attribute(wallets)` gives the wallets' Attribution rows."""
    if params.direction is Direction.BACKWARD:  # sources of funds: taint_backward.py
        return back_trace(graph, params, seeds, _query_params(params, seeds), attribute)
    region = fetch_region(graph, params, seeds)
    attribution: list[Attribution] = attribute(sorted(set(region.reached) | set(seeds)))
    controlled = {a.wallet for a in attribution}
    flows = simulate(params.method, region, params.min_amount)
    poison = params.method is TraceMethod.POISON
    return TraceResult(
        params=params, seed_wallets=tuple(seeds),
        organisations=organisations(flows, region, attribution, params),
        unattributed=endpoints(flows, region, controlled, params), paths_explored=0,
        amount_semantics=POISON if poison else SEMANTICS[params.method] + COMMON,
        partial=region.cut,
        reason=(f"region budget reached (max_wallets={params.max_wallets}, "
                f"max_transfers={params.max_transfers})") if region.cut else None,
        method=params.method,
        conservation=() if poison else conservation(flows, region, controlled),
        wallets=wallets(flows, region, controlled), ledger_transfers=len(region.transfers),
    )
