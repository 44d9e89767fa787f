"""Fetch a value trace's region: the wallets the seeds' value may reach, pruned by time.

Value only moves forward in time, so a wallet matters from its earliest tainted arrival on:
the earliest transfer reaching it along a chain of transfers each no earlier than the one
before (each >= min_amount); times are compared in epoch milliseconds throughout. Rounds of
taint_region.cypher find it, Bellman-Ford style: a round expands the wallets whose arrival
changed in the last one; new wallets join at the round's level while it is <= max_hops (so a
level counts time-respecting links), and later rounds only lower arrivals, until none
changes. The ledger (taint_ledger.cypher) is shipped from each wallet's arrival on; what the
wallet held before is one opening balance per asset (taint_opening.cypher). The replay
(taint_sim) then gives the same answer as over the whole ledger: before its arrival a wallet
holds none of the value, only a clean balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph
from graph.investigate.taint_sim import Region
from graph.investigate.types import TraceParams

FIELDS = ("id", "tx", "index", "asset", "amount", "amount_raw", "decimals", "ts", "from", "to")
# Rounds after the last level that may still lower arrivals; past them nothing is pruned.
EXTRA_ROUNDS = 24


def fetch_region(graph: Graph, params: TraceParams, seeds: list[str],
                 query: dict[str, Any]) -> Region:
    """The region for `seeds`; `query` holds the filters shared by every query."""
    timeout = params.timeout_s
    found = graph.read("investigations/taint_start", query, timeout_s=timeout)[0]["start"]
    if found is None:
        return Region(frozenset(seeds), {}, [], False, params.max_hops)
    start = int(found)
    reached, arrival, cut = discover(graph, params, seeds, start, query)
    simulated = [w for w, (_, expand, _) in reached.items() if expand]
    opening, full = _openings(graph, query, simulated, arrival, timeout)
    for w in full:  # a transfer without integer base units before the arrival: no pruning
        arrival[w] = start
    wallets = [{"id": s, "since": start, "seed": True} for s in seeds] + [
        {"id": w, "since": arrival[w], "seed": False} for w in simulated]
    rows = graph.read_plain("investigations/taint_ledger", {**query, "wallets": wallets},
                      timeout_s=timeout)[0]["transfers"]
    cut = cut or len(rows) > params.max_transfers
    return Region(frozenset(seeds), reached, [_transfer(t) for t in rows[:params.max_transfers]],
                  cut, params.max_hops, {w: arrival[w] for w in simulated}, opening)


@dataclass(frozen=True)
class Walk:
    """Which way the region grows: FORWARD from each wallet's earliest arrival (`since`, lower
    is better), BACKWARD to its latest useful departure (`until`, higher is better)."""

    query: str
    key: str
    sign: int  # +1: a lower time improves; -1: a higher one does


FORWARD_WALK = Walk("investigations/taint_region", "since", 1)
BACKWARD_WALK = Walk("investigations/taint_back_region", "until", -1)


def discover(graph: Graph, params: TraceParams, seeds: list[str], bound: int,
             query: dict[str, Any], walk: Walk = FORWARD_WALK
             ) -> tuple[dict[str, tuple[int, bool, str | None]], dict[str, int], bool]:
    """Rounds of the walk's query until no wallet's time improves: reached wallets (level,
    expand, role), each wallet's best time, and whether max_wallets cut the region."""
    reached: dict[str, tuple[int, bool, str | None]] = {}
    best = dict.fromkeys(seeds, bound)
    frontier, level, cut = dict(best), 0, False
    while frontier and level < params.max_hops + EXTRA_ROUNDS:
        level += 1
        rows = graph.read(walk.query, {
            **query, "frontier": [{"id": w, walk.key: t} for w, t in frontier.items()],
            "known": list(best), "discover": level <= params.max_hops and not cut,
        }, timeout_s=params.timeout_s)
        frontier = {}
        for r in sorted(rows, key=lambda r: (walk.sign * r[walk.key], r["id"])):
            w, t = r["id"], int(r[walk.key])
            if w not in best:
                if len(reached) >= params.max_wallets:
                    cut = True
                    continue
                reached[w] = (level, r["role"] is None, r["role"])
            elif walk.sign * t >= walk.sign * best[w]:
                continue
            best[w] = t
            if reached[w][1]:
                frontier[w] = t
    if frontier:  # times did not settle: fall back to no pruning (same answer, slower)
        best.update(dict.fromkeys(reached, bound))
    return reached, best, cut


def _openings(graph: Graph, query: dict[str, Any], simulated: list[str],
              arrival: dict[str, int], timeout: float | None
              ) -> tuple[dict[tuple[str, str], int], set[str]]:
    rows = graph.read_plain("investigations/taint_opening", {
        **query, "wallets": [{"id": w, "since": arrival[w]} for w in simulated]},
        timeout_s=timeout)
    full = {r["id"] for r in rows if r["unknown"]}
    opening = {(r["asset"] or "", r["id"]): int(r["opening"]) for r in rows
               if r["id"] not in full and r["opening"]}
    return opening, full


def _transfer(values: list[Any]) -> dict[str, Any]:
    t = dict(zip(FIELDS, values, strict=True))
    t["ms"] = t["ts"]  # epoch milliseconds, as arrivals are compared
    if t["ts"] is not None:
        t["ts"] = datetime.fromtimestamp(t["ts"] / 1000, UTC)
    return t
