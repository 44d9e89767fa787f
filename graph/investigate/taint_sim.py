"""Replay a region's ledger in time order and follow the seeds' value (rules in taint.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.investigate.taint_pools import Carried, Pool, new_pool
from graph.investigate.types_value import TraceMethod


@dataclass(frozen=True)
class Region:
    """The wallets reached (id -> (level, expanded, role)) and the ledger fetched for them.

    A simulated wallet's ledger starts at its earliest tainted arrival (`arrival`); what it held
    before is `opening` ((asset, wallet) -> base units, clean). Without an arrival a wallet's
    whole ledger in the window was fetched.
    """

    seeds: frozenset[str]
    reached: dict[str, tuple[int, bool, str | None]]
    transfers: list[dict[str, Any]]
    cut: bool
    max_hops: int
    arrival: dict[str, int] = field(default_factory=dict)  # epoch milliseconds
    opening: dict[tuple[str, str], int] = field(default_factory=dict)

    def simulated(self, wallet: str) -> bool:
        return wallet in self.reached and self.reached[wallet][1]

    def before_arrival(self, wallet: str, t: dict[str, Any]) -> bool:
        """Whether `t` is already in the wallet's opening balance."""
        since = self.arrival.get(wallet)
        return since is not None and t["ms"] < since


@dataclass
class Flow:
    """The seeds' value in one asset: where it went, in integer base units."""

    decimals: int | None = None
    sent: int = 0
    received: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    passed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # Transfers that carried some of the value into a wallet that is not a seed.
    inflows: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    returned: int = 0
    dropped_min_amount: int = 0
    dropped_hop_cap: int = 0
    dropped_budget: int = 0


def raw_units(t: dict[str, Any]) -> int | None:
    """Base units of a transfer: amount_raw, else the scaled amount when decimals are known."""
    if t.get("amount_raw") not in (None, ""):
        return int(t["amount_raw"])
    if t.get("amount") is not None and t.get("decimals") is not None:
        scale: int = 10 ** int(t["decimals"])
        return round(float(t["amount"]) * scale)
    return None


def _ordered(transfers: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """Transfers with a time and an amount, in time order; ties by tx, then index, then id."""
    rows = [(t, raw) for t in transfers if t.get("ts") is not None
            and (raw := raw_units(t)) is not None]
    rows.sort(key=lambda row: (row[0]["ts"], str(row[0].get("tx") or ""),
                               int(row[0].get("index") or 0), str(row[0]["id"])))
    return rows


def simulate(method: TraceMethod, region: Region, min_amount: float | None) -> dict[str, Flow]:
    """Per asset, the Flow of the seeds' value through the region's ledger."""
    flows: dict[str, Flow] = defaultdict(Flow)
    pools: dict[tuple[str, str], Pool] = {}
    for t, amount in _ordered(region.transfers):
        a, b, flow = t["from"], t["to"], flows[t.get("asset") or ""]
        if a in region.seeds and b in region.seeds:
            continue  # moves between seeds are not value sent
        if flow.decimals is None and t.get("decimals") is not None:
            flow.decimals = int(t["decimals"])
        carried = _take(method, region, pools, t, a, amount, flow)
        if carried.taint and min_amount is not None and float(t.get("amount") or 0) < min_amount:
            flow.dropped_min_amount += carried.taint
            carried = Carried.clean(amount)  # below the threshold the value is not followed
        _land(method, region, pools, t, (a, b), amount, carried, flow)
    return flows


def _take(method: TraceMethod, region: Region, pools: dict[tuple[str, str], Pool],
          t: dict[str, Any], a: str, amount: int, flow: Flow) -> Carried:
    if a in region.seeds:
        flow.sent += amount
        return Carried.tainted(amount)
    if not region.simulated(a) or region.before_arrival(a, t):
        return Carried.clean(amount)  # from outside the region, or before the value got there
    carried = _pool(method, region, pools, t, a).send(amount)
    if carried.taint:
        flow.passed[a] += carried.taint
    return carried


def _land(method: TraceMethod, region: Region, pools: dict[tuple[str, str], Pool],
          t: dict[str, Any], ends: tuple[str, str], amount: int, carried: Carried,
          flow: Flow) -> None:
    a, b = ends
    if b in region.seeds:
        flow.returned += carried.taint
        return
    if region.simulated(b):
        if carried.taint or not region.before_arrival(b, t):  # else in b's opening already
            _pool(method, region, pools, t, b).receive(amount, carried)
    elif b not in region.reached:
        # Not in the region: past a budget when one cut the region short before the last
        # level, else past the hop cap (a level counts time-respecting links, so a wallet on
        # an earlier level can pay one that is more than max_hops such links away).
        if region.cut and region.reached.get(a, (0, True, None))[0] < region.max_hops:
            flow.dropped_budget += carried.taint
        else:
            flow.dropped_hop_cap += carried.taint
        return
    if carried.taint:
        flow.received[b] += carried.taint
        flow.inflows.append((t, carried.taint))


def _pool(method: TraceMethod, region: Region, pools: dict[tuple[str, str], Pool],
          t: dict[str, Any], wallet: str) -> Pool:
    key = (t.get("asset") or "", wallet)
    if key not in pools:
        pools[key] = new_pool(method)
        if opening := region.opening.get(key):
            pools[key].receive(opening, Carried.clean(opening))
    return pools[key]
