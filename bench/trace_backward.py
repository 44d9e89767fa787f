"""BACKWARD trace by method (PATHS beside HAIRCUT, FIFO, ...), p50/p95 over seeds.

    .venv/bin/python bench/trace_backward.py --home DIR --bolt-port N \
        [--transfers 100000] [--wallets 20000] [--runs 30] [--hops 3 6] [--skip-build]

The graph, seeds and measure() of bench/trace_methods.py (ITS DATA IS REPLACED unless
--skip-build), traced BACKWARD: the sources of what each seed received. Besides the times it
prints the mean ledger size and checks every conservation block (received = the parts).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_graph import prepare
from bench.trace_exposure import measure, wallet_seeds
from graph import investigate
from graph.connect import open_graph
from graph.db import Graph
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult
from scamgraph.settings import load_settings


def checked(result: TraceResult) -> TraceResult:
    """The result, after asserting that each asset's parts add up to what the seeds received."""
    for c in result.conservation:
        parts = (c.attributed_raw + c.unexplained_raw + c.returned_to_seeds_raw
                 + c.dropped_min_amount_raw + c.dropped_hop_cap_raw + c.dropped_budget_raw)
        if parts != c.received_raw:
            raise AssertionError(f"{result.seed_wallets}: {c.asset} does not conserve: {c}")
    return result


def run_method(graph: Graph, seeds: list[str], hops: int, method: TraceMethod) -> None:
    ledgers: list[int] = []

    def call(seed: str) -> TraceResult:
        result = checked(investigate.trace(graph, TraceParams(
            seeds=(seed,), max_hops=hops, method=method, direction=Direction.BACKWARD)))
        ledgers.append(result.ledger_transfers)
        return result

    measure(f"trace bwd {hops} hops {method.value}", call, seeds)
    if method is not TraceMethod.PATHS and ledgers:
        print(f"{'':42s} ledger: mean {sum(ledgers) / len(ledgers):.0f} transfers, "
              f"max {max(ledgers)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transfers", type=int, default=100_000)
    parser.add_argument("--wallets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hops", type=int, nargs="+", default=[3, 6])
    parser.add_argument("--methods", nargs="+", default=["PATHS", "HAIRCUT", "FIFO"])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--skip-build", action="store_true")
    opts = parser.parse_args()
    settings = load_settings(home=opts.home, neo4j_uri="", local_bolt_port=opts.bolt_port,
                             local_http_port=0, query_timeout_s=60)
    with open_graph(settings) as graph:
        prepare(graph, opts.wallets, opts.transfers, build_graph=not opts.skip_build)
        seeds = wallet_seeds(opts.wallets, opts.runs)
        for hops in opts.hops:
            for name in opts.methods:
                run_method(graph, seeds, hops, TraceMethod(name))


if __name__ == "__main__":
    main()
