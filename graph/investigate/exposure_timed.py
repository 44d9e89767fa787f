"""HAIRCUT_TIMED exposure: the forward value trace's HAIRCUT replay, run over the exposure region.

Rather than a second engine, the region that exposure.py fetched backward from the target is
handed to taint_sim.simulate with one category's risky wallets as the seeds: every expanded
wallet (not a target wallet) is simulated with its whole ledger (inflows and outflows, from
exposure_ledger.cypher), so each payment carries the risky share of what the sender held at
that moment, in integer base units, exactly as a forward HAIRCUT trace from those wallets
would. The exposure in an asset is the risky value carried by transfers into the target's
wallets from wallets outside it. Target wallets are not simulated (their own outflows are
clean), wallets on the last level and supernodes are clean unless risky, as in HAIRCUT.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.db import Graph
from graph.investigate.taint_result import scaled
from graph.investigate.taint_sim import Region, simulate
from graph.investigate.types import AssetShare, TraceMethod

FIELDS = ("id", "tx", "index", "asset", "amount", "amount_raw", "decimals", "ts", "from", "to")
# Transfers the replay may hold in memory (inflows and outflows of every expanded wallet).
MAX_TRANSFERS = 500_000


@dataclass(frozen=True)
class Ledger:
    """The region's transfers, ready for the replay, and whether the budget cut them."""

    transfers: list[dict[str, Any]]
    targets: frozenset[str]
    expanded: frozenset[str]
    cut: bool


def fetch_ledger(graph: Graph, targets: list[str], expanded: set[str],
                 timeout_s: float | None, max_transfers: int = MAX_TRANSFERS) -> Ledger:
    wallets = sorted(expanded - set(targets))
    rows = graph.read_plain("investigations/exposure_ledger", {
        "wallets": wallets, "targets": targets, "max_transfers": max_transfers,
    }, timeout_s=timeout_s)[0]["transfers"]
    return Ledger([_transfer(r) for r in rows[:max_transfers]], frozenset(targets),
                  frozenset(wallets), len(rows) > max_transfers)


def _transfer(values: list[Any]) -> dict[str, Any]:
    t = dict(zip(FIELDS, values, strict=True))
    t["ms"] = t["ts"]  # epoch milliseconds; the replay orders by ts and compares ms
    return t


def timed_haircut(ledger: Ledger, risky: set[str], max_hops: int) -> dict[str, int]:
    """Per asset, the risky base units carried into the target from outside it."""
    if not risky - ledger.targets:
        return {}  # no source of this category in the region: nothing to replay
    reached: dict[str, tuple[int, bool, str | None]] = {
        w: (1, True, None) for w in ledger.expanded}
    reached.update({w: (0, False, "target") for w in ledger.targets})
    region = Region(frozenset(risky - ledger.targets), reached, ledger.transfers, ledger.cut,
                    max_hops)
    flows = simulate(TraceMethod.HAIRCUT, region, None)
    out: dict[str, int] = defaultdict(int)
    for asset, flow in flows.items():
        for t, taint in flow.inflows:
            if t["to"] in ledger.targets and t["from"] not in ledger.targets:
                out[asset] += taint
    return out


def decimals(ledger: Ledger) -> dict[str, int]:
    """Decimals per asset, from the ledger's transfers into the target."""
    found: dict[str, int] = {}
    for t in ledger.transfers:
        if t["decimals"] is not None and t["to"] in ledger.targets:
            found.setdefault(t["asset"] or "", int(t["decimals"]))
    return found


def timed_shares(ledger: Ledger, risky: set[str], max_hops: int, inflow: dict[str, float],
                 ) -> tuple[AssetShare, ...]:
    """The indirect exposure of one category, per asset of the target's inflow."""
    raw = timed_haircut(ledger, risky, max_hops)
    places = decimals(ledger)
    shares = []
    for asset in sorted(inflow):
        units = raw.get(asset, 0)
        amount = scaled(units, places.get(asset))
        shares.append(AssetShare(asset, amount, amount / inflow[asset] if inflow[asset] else None,
                                 str(units)))
    return tuple(shares)
