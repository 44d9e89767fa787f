"""Traces by method (PATHS beside HAIRCUT, FIFO, LIFO, POISON), p50/p95 over seeds, forward
(where the seeds' money went) or with --backward (where what they received came from).

    .venv/bin/python bench/trace_methods.py --home DIR --bolt-port N [--backward] \
        [--transfers 100000] [--wallets 20000] [--runs 30] [--hops 3 6] [--skip-build]

The same local Neo4j and synthetic graph as bench/trace_exposure.py (ITS DATA IS REPLACED
unless --skip-build), the same seeds (unattributed wallets, spread evenly) and the same
measure(): a warm-up over the first three seeds, then one run per seed. Besides the times it
prints the mean ledger size of the value methods and checks every conservation block.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.graph_cli import trace_main
from bench.trace_exposure import measure
from graph import investigate
from graph.db import Graph
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult


def checked(result: TraceResult) -> TraceResult:
    """The result, after asserting that each asset's parts add up: forward to what the seeds
    sent (attributed + still held + returned + dropped), backward to what they received
    (attributed + unexplained + returned + dropped)."""
    backward = result.params.direction is Direction.BACKWARD
    for c in result.conservation:
        parts = (c.attributed_raw + c.returned_to_seeds_raw + c.dropped_min_amount_raw
                 + c.dropped_hop_cap_raw + c.dropped_budget_raw
                 + (c.unexplained_raw if backward else c.still_held_raw))
        if parts != (c.received_raw if backward else c.sent_raw):
            raise AssertionError(f"{result.seed_wallets}: {c.asset} does not conserve: {c}")
    return result


def run_method(graph: Graph, seeds: list[str], hops: int, method: TraceMethod,
               direction: Direction = Direction.FORWARD) -> None:
    ledgers: list[int] = []

    def call(seed: str) -> TraceResult:
        result = checked(investigate.trace(graph, TraceParams(
            seeds=(seed,), max_hops=hops, method=method, direction=direction)))
        ledgers.append(result.ledger_transfers)
        return result

    way = "bwd" if direction is Direction.BACKWARD else "fwd"
    measure(f"trace {way} {hops} hops {method.value}", call, seeds)
    if method is not TraceMethod.PATHS and ledgers:
        print(f"{'':42s} ledger: mean {sum(ledgers) / len(ledgers):.0f} transfers, "
              f"max {max(ledgers)}", flush=True)


def main() -> None:
    trace_main(run_method, (__doc__ or "").splitlines()[0])


if __name__ == "__main__":
    main()
