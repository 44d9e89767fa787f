"""Exposure by method, HAIRCUT_TIMED beside HAIRCUT and ANY_CONTACT, p50/p95 over many targets.

    .venv/bin/python bench/exposure_timed.py --home DIR --bolt-port N \
        [--transfers 100000] [--wallets 20000] [--runs 30] [--skip-build] [--orgs] [--hops 3,6]

The same local Neo4j and synthetic graph as bench/trace_exposure.py (ITS DATA IS REPLACED
unless --skip-build), timed with its `measure`. Also prints, per method, how many answers
had the hop budget cut (hop_cut) and the mean sanctioned+scam indirect share, so the cost of
the time-ordered replay can be read beside what it changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.graph_cli import graph_parser, prepared_graph
from bench.trace_exposure import measure, org_seeds, wallet_seeds
from graph import investigate
from graph.db import Graph
from graph.investigate.types import ExposureMethod


def compare(graph: Graph, seeds: list[str], hops: int) -> None:
    """How far the methods' answers differ: mean indirect amount over the targets, per method."""
    for method in ExposureMethod:
        results = [investigate.exposure(graph, s, hops, method) for s in seeds]
        risky = [sum(c.indirect_amount for c in r.categories) for r in results]
        cut = sum(r.hop_cut for r in results)
        print(f"  {method.value:14s} {hops} hops: mean risky indirect amount "
              f"{sum(risky) / len(risky):12.2f}, hop budget cut {cut}/{len(results)}")


def main() -> None:
    parser = graph_parser((__doc__ or "").splitlines()[0])
    parser.add_argument("--orgs", action="store_true", help="targets are organisations")
    parser.add_argument("--hops", default="3,6", help="comma-separated max_hops to time")
    opts = parser.parse_args()
    with prepared_graph(opts) as graph:
        seeds = org_seeds(opts.runs) if opts.orgs else wallet_seeds(opts.wallets, opts.runs)
        for hops in (int(h) for h in opts.hops.split(",")):
            for method in ExposureMethod:
                measure(f"exposure {hops} hops {method.value}",
                        lambda s, h=hops, m=method: investigate.exposure(graph, s, h, m), seeds)
            compare(graph, seeds, hops)


if __name__ == "__main__":
    main()
