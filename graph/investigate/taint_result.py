"""Turn the simulated Flows into organisations, endpoints, wallets and conservation blocks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.investigate.taint_routes import Routes
from graph.investigate.taint_sim import Flow, Region
from graph.investigate.trace_aggregate import Attribution, describe, entity_keys
from graph.investigate.types import (
    AssetAmount,
    Conservation,
    Direction,
    EndpointReached,
    EvidencePath,
    Hop,
    OrganisationReached,
    TraceParams,
    WalletValue,
)


def scaled(raw: int, decimals: int | None) -> float:
    scale: int = 10 ** (decimals or 0)
    return raw / scale


def hop(t: dict[str, Any]) -> Hop:
    return Hop(str(t["id"]), t.get("tx") or "", t["from"], t["to"], t.get("asset") or "",
               float(t.get("amount") or 0.0), t.get("amount_raw"), t["ts"])


@dataclass
class _Reach:
    """The value entering one organisation (or endpoint): per asset, with the transfers."""

    amounts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    transfers: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    members: set[str] = field(default_factory=set)
    level: int = 1 << 30  # lowered to the nearest member wallet's level

    def asset_amounts(self, flows: dict[str, Flow]) -> tuple[AssetAmount, ...]:
        counts: dict[str, int] = defaultdict(int)
        for t, _ in self.transfers:
            counts[t.get("asset") or ""] += 1
        return tuple(AssetAmount(a, scaled(v, flows[a].decimals), counts[a], str(v))
                     for a, v in sorted(self.amounts.items()))

    def evidence(self, cap: int, routes: dict[str, Routes]) -> tuple[EvidencePath, ...]:
        """The biggest entering transfers, each with its route back to the seeds."""
        biggest = sorted(self.transfers, key=lambda tc: (-tc[1], str(tc[0]["id"])))[:cap]
        return tuple(EvidencePath(tuple(hop(x) for x in routes[t.get("asset") or ""].route(t)))
                     for t, _ in biggest)

    def times(self) -> tuple[Any, Any]:
        stamps = [t["ts"] for t, _ in self.transfers]
        return min(stamps), max(stamps)


def routes_of(flows: dict[str, Flow], params: TraceParams) -> dict[str, Routes]:
    # A chain inside the region can be longer than its levels (max_hops bounds the region).
    cap = 2 * params.max_hops + 2
    forward = params.direction is Direction.FORWARD
    return {asset: Routes(flow.inflows, forward, cap) for asset, flow in flows.items()}


def organisations(flows: dict[str, Flow], region: Region, attribution: list[Attribution],
                  params: TraceParams) -> tuple[OrganisationReached, ...]:
    """Value entering each organisation's wallets from wallets that are not its own."""
    routes = routes_of(flows, params)
    keys = entity_keys(attribution, params.rollup)
    reach: dict[str, _Reach] = defaultdict(_Reach)
    for asset, flow in flows.items():
        for t, taint in flow.inflows:
            for key in keys.get(t["to"], {}).keys() - keys.get(t["from"], {}).keys():
                r = reach[key]
                r.level = min(r.level, region.reached[t["to"]][0])
                r.amounts[asset] += taint
                r.transfers.append((t, taint))
                r.members.add(keys[t["to"]][key])
    described = describe(attribution, params.rollup)
    found = []
    for key, r in reach.items():
        a, (first, last) = described[key], r.times()
        grouped = params.rollup and a.group_id is not None
        found.append(OrganisationReached(
            id=key, name=a.name, kinds=tuple(x for x in a.labels
                                             if x not in ("Entity", "Organization")),
            group_id=key if grouped else None, group_name=a.name if grouped else None,
            members=tuple(sorted(r.members)), amounts=r.asset_amounts(flows),
            path_count=len(r.transfers), first_ts=first, last_ts=last, min_hops=r.level,
            evidence=r.evidence(params.evidence_per_entity, routes)))
    found.sort(key=lambda o: (-sum(x.amount for x in o.amounts), o.id))
    return tuple(found)


def role(wallet: str, flow: Flow, region: Region, controlled: set[str]) -> str:
    kind = region.reached[wallet][2]
    if kind:
        return kind
    if wallet in controlled:
        return "organisation"
    return "intermediate" if flow.passed.get(wallet) else "endpoint"


def wallets(flows: dict[str, Flow], region: Region,
            controlled: set[str]) -> tuple[WalletValue, ...]:
    rows = []
    for asset, flow in sorted(flows.items()):
        for w, got in flow.received.items():
            passed = flow.passed.get(w, 0)
            rows.append(WalletValue(
                w, asset, role(w, flow, region, controlled), got, passed, got - passed,
                scaled(got, flow.decimals), scaled(got - passed, flow.decimals),
                region.reached[w][0]))
    rows.sort(key=lambda r: (r.asset, r.hops, -r.received_raw, r.wallet_id))
    return tuple(rows)


def endpoints(flows: dict[str, Flow], region: Region, controlled: set[str],
              params: TraceParams) -> tuple[EndpointReached, ...]:
    """Wallets without a controller where the value came to rest (passed none of it on)."""
    reach: dict[str, _Reach] = defaultdict(_Reach)
    routes = routes_of(flows, params)
    for asset, flow in flows.items():
        for t, taint in flow.inflows:
            w = t["to"]
            if w not in controlled and role(w, flow, region, controlled) != "intermediate":
                reach[w].amounts[asset] += taint
                reach[w].transfers.append((t, taint))
    found = [EndpointReached(w, r.asset_amounts(flows), len(r.transfers), *r.times(),
                             r.evidence(params.evidence_per_entity, routes))
             for w, r in reach.items()]
    found.sort(key=lambda e: (-sum(x.amount for x in e.amounts), e.wallet_id))
    return tuple(found)


def conservation(flows: dict[str, Flow], region: Region,
                 controlled: set[str]) -> tuple[Conservation, ...]:
    """Per asset: sent = attributed + still held + returned + dropped, exactly."""
    out = []
    for asset, flow in sorted(flows.items()):
        if not flow.sent:
            continue
        attributed, still = 0, 0
        for w, got in flow.received.items():
            held = got - flow.passed.get(w, 0)
            if role(w, flow, region, controlled) == "intermediate":
                still += held
            else:
                attributed += held
        out.append(Conservation(
            asset=asset, decimals=flow.decimals, sent_raw=flow.sent, attributed_raw=attributed,
            still_held_raw=still, returned_to_seeds_raw=flow.returned,
            dropped_min_amount_raw=flow.dropped_min_amount,
            dropped_hop_cap_raw=flow.dropped_hop_cap, dropped_budget_raw=flow.dropped_budget))
    return tuple(out)
