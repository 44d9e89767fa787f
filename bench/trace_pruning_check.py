"""The time-pruned value trace against the whole ledger of the same region, seed by seed.

    .venv/bin/python bench/trace_pruning_check.py --home DIR --bolt-port N [--runs 30] [--hops 6]

On the graph bench/trace_methods.py built (not rebuilt here): per seed and method (HAIRCUT,
FIFO, LIFO), graph.investigate.taint_region's region is replayed twice, once as fetched (each
wallet's ledger from its earliest tainted arrival, with opening balances) and once with every
region wallet's whole ledger; the flows must be identical. Prints the ledger sizes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.trace_exposure import wallet_seeds
from graph.connect import open_graph
from graph.db import Graph
from graph.investigate import taint, taint_region
from graph.investigate.taint_sim import Flow, simulate
from graph.investigate.types import TraceMethod, TraceParams
from scamgraph.settings import load_settings

EARLIEST = -(2**62)  # epoch milliseconds before any transfer


def summary(flows: dict[str, Flow]) -> dict[str, Any]:
    return {a: (f.sent, dict(f.received), dict(f.passed), f.returned, f.dropped_min_amount,
                f.dropped_hop_cap, f.dropped_budget) for a, f in flows.items() if f.sent}


def check(graph: Graph, seed: str, hops: int, method: TraceMethod) -> tuple[int, int] | None:
    params = TraceParams(seeds=(seed,), max_hops=hops, method=method)
    query = taint._query_params(params, [seed])
    pruned = taint.fetch_region(graph, params, [seed])
    if not pruned.reached:
        return None
    start = int(graph.read("investigations/taint_start", query)[0]["start"])
    wallets = [{"id": seed, "since": start, "seed": True}] + [
        {"id": w, "since": EARLIEST, "seed": False} for w in pruned.arrival]
    rows = graph.read("investigations/taint_ledger", {**query, "wallets": wallets})[0]
    whole = replace(pruned, transfers=[taint_region._transfer(t) for t in rows["transfers"]],
                    arrival={}, opening={})
    if summary(simulate(method, pruned, None)) != summary(simulate(method, whole, None)):
        raise AssertionError(f"{seed} {method.value}: the pruned replay differs")
    return len(pruned.transfers), len(whole.transfers)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wallets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hops", type=int, default=6)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    opts = parser.parse_args()
    settings = load_settings(home=opts.home, neo4j_uri="", local_bolt_port=opts.bolt_port,
                             local_http_port=0, query_timeout_s=60)
    checked, shipped, whole = 0, 0, 0
    with open_graph(settings) as graph:
        for seed in wallet_seeds(opts.wallets, opts.runs):
            for method in (TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO):
                sizes = check(graph, seed, opts.hops, method)
                if sizes:
                    checked, shipped, whole = checked + 1, shipped + sizes[0], whole + sizes[1]
    print(f"{checked} traces identical at {opts.hops} hops; ledger shipped {shipped} "
          f"transfers, whole ledger {whole}")


if __name__ == "__main__":
    main()
