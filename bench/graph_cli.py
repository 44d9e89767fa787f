"""What every bench over bench/synthetic_graph.py shares: its command line (graph size, runs,
where its Neo4j lives, --skip-build to reuse a built graph) and the prepared graph."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.synthetic_graph import prepare
from graph.connect import open_graph
from graph.db import Graph
from graph.investigate.types import Direction, TraceMethod
from scamgraph.settings import Settings, load_settings


def graph_parser(description: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--transfers", type=int, default=100_000)
    parser.add_argument("--wallets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--skip-build", action="store_true",
                        help="reuse the graph built by an earlier run (else it is replaced)")
    return parser


def bench_settings(opts: argparse.Namespace, **extra: Any) -> Settings:
    return load_settings(home=opts.home, neo4j_uri="", local_bolt_port=opts.bolt_port,
                         local_http_port=0, query_timeout_s=60, **extra)


@contextmanager
def prepared_graph(opts: argparse.Namespace, settings: Settings | None = None
                   ) -> Iterator[Graph]:
    """The bench's graph, built (or kept with --skip-build) at the requested size."""
    with open_graph(settings or bench_settings(opts)) as graph:
        prepare(graph, opts.wallets, opts.transfers, build_graph=not opts.skip_build)
        yield graph


def trace_main(run_method: Callable[[Graph, list[str], int, TraceMethod, Direction], None],
               description: str | None = None) -> None:
    """A trace bench: every --methods at every --hops from the same seed wallets."""
    from bench.trace_exposure import wallet_seeds

    parser = graph_parser(description)
    parser.add_argument("--hops", type=int, nargs="+", default=[3, 6])
    parser.add_argument("--methods", nargs="+", default=["PATHS", "HAIRCUT", "FIFO"])
    parser.add_argument("--backward", action="store_true", help="trace BACKWARD (sources)")
    opts = parser.parse_args()
    direction = Direction.BACKWARD if opts.backward else Direction.FORWARD
    with prepared_graph(opts) as graph:
        seeds = wallet_seeds(opts.wallets, opts.runs)
        for hops in opts.hops:
            for name in opts.methods:
                run_method(graph, seeds, hops, TraceMethod(name), direction)
