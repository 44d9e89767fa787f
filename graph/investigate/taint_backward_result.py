"""A BACKWARD value trace's answer: origins, endpoints, wallets and the conservation block.

taint_backward fills forward Flows read upstream, so taint_result's organisations, endpoints
and wallets serve as they are: an organisation's amount is the seeds' received value leaving
its wallets for wallets not its own; an endpoint is a wallet without a controller where the
walk ended. Their evidence hops are turned back to the transfers' real direction here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.db import Graph
from graph.investigate import taint_backward_region
from graph.investigate.taint_backward import Sources, walk
from graph.investigate.taint_result import endpoints, organisations, wallets
from graph.investigate.trace_aggregate import Attribution
from graph.investigate.types import (
    Conservation,
    EvidencePath,
    Hop,
    TraceMethod,
    TraceParams,
    TraceResult,
)

SEMANTICS = (
    "BACKWARD: the value the seeds received in the window, traced back through each sender's "
    "time-ordered ledger (a payment is funded only by value received before it) with {method}; "
    "amounts are shares of that received value, never more per asset. An organisation's amount "
    "is the received value leaving its wallets for wallets not its own; an endpoint is where "
    "the walk ended (no earlier funding, stop, supernode). A wallet's received is the value it "
    "sent toward the seeds, passedOn the part traced to its own funders, held the part that "
    "starts there. received = attributed + unexplained + returned + dropped (conservation).")
POISON = (
    "BACKWARD POISON: every transfer that could have funded what the seeds received (an inflow "
    "of a marked payment's sender before that payment) counts in full. NOT conserved.")


def back_trace(graph: Graph, params: TraceParams, seeds: list[str], query: dict[str, Any],
               attribute: Any) -> TraceResult:
    region = taint_backward_region.fetch_back_region(graph, params, seeds, query)
    attribution: list[Attribution] = attribute(sorted(set(region.reached) | set(seeds)))
    controlled = {a.wallet for a in attribution}
    sources = walk(params.method, region, params.min_amount)
    flows = {asset: s.flow for asset, s in sources.items()}
    poison = params.method is TraceMethod.POISON
    orgs = tuple(replace(o, evidence=_flipped(o.evidence))
                 for o in organisations(flows, region, attribution, params))
    ends = tuple(replace(e, evidence=_flipped(e.evidence))
                 for e in endpoints(flows, region, controlled, params))
    return TraceResult(
        params=params, seed_wallets=tuple(seeds), organisations=orgs, unattributed=ends,
        paths_explored=0, partial=region.cut,
        amount_semantics=POISON if poison else SEMANTICS.format(method=params.method.value),
        reason=(f"region budget reached (max_wallets={params.max_wallets}, "
                f"max_transfers={params.max_transfers})") if region.cut else None,
        method=params.method, conservation=() if poison else conservation(sources),
        wallets=wallets(flows, region, controlled), ledger_transfers=len(region.transfers))


def _flipped(evidence: tuple[EvidencePath, ...]) -> tuple[EvidencePath, ...]:
    """Routes read upstream (seed side first) as the money moved: origin first, real direction."""
    return tuple(EvidencePath(tuple(_real(h) for h in reversed(p.hops))) for p in evidence)


def _real(h: Hop) -> Hop:
    return replace(h, from_id=h.to_id, to_id=h.from_id)


def conservation(sources: dict[str, Sources]) -> tuple[Conservation, ...]:
    """Per asset: received = attributed + unexplained + returned + dropped, exactly."""
    return tuple(Conservation(
        asset=asset, decimals=s.flow.decimals, sent_raw=0, attributed_raw=s.attributed,
        still_held_raw=0, returned_to_seeds_raw=s.flow.returned,
        dropped_min_amount_raw=s.flow.dropped_min_amount,
        dropped_hop_cap_raw=s.flow.dropped_hop_cap, dropped_budget_raw=s.flow.dropped_budget,
        received_raw=s.received, unexplained_raw=s.unexplained)
        for asset, s in sorted(sources.items()))
