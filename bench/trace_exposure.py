"""Trace and exposure called directly (graph.investigate), p50/p95 over many seeds.

    .venv/bin/python bench/trace_exposure.py --home DIR --bolt-port N \
        [--transfers 100000] [--wallets 20000] [--runs 30] [--skip-build] [--only TEXT] [--orgs]

Uses a local Neo4j in DIR (started if needed; ITS DATA IS REPLACED unless --skip-build) and
the same synthetic graph as bench/api_bench.py (bench/synthetic_graph.py), so the GraphQL
figures there and these direct figures describe the same data. Each case runs once per seed
after a warm-up over the first three seeds; seeds are unattributed wallets, spread evenly,
or with --orgs organisations (20 controlled wallets each, so regions about 20 times larger).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.graph_cli import graph_parser, prepared_graph
from bench.stats import percentiles
from bench.synthetic_graph import ORGS, WALLETS_PER_ORG, wallet
from graph import investigate
from graph.db import Graph
from graph.investigate.types import Direction, ExposureMethod, TraceParams
from scamgraph.errors import BudgetExceededError


def measure(name: str, call: Callable[[str], Any], seeds: list[str]) -> None:
    """p50/p95 wall time of `call` over the seeds; budget errors are counted, not timed."""
    for seed in seeds[:3]:
        with contextlib.suppress(BudgetExceededError):
            call(seed)
    samples, partial, over = [], 0, 0
    for seed in seeds:
        began = time.perf_counter()
        try:
            result = call(seed)
        except BudgetExceededError:
            over += 1
            continue
        samples.append((time.perf_counter() - began) * 1000)
        partial += bool(getattr(result, "partial", False))
    if len(samples) < 2:
        print(f"{name:42s} too few completed runs ({len(samples)}; {over} over budget)")
        return
    p50, p95 = percentiles(samples)
    print(f"{name:42s} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  "
          f"(n={len(samples)}, partial {partial}, over budget {over})")


def cases(graph: Graph) -> list[tuple[str, Callable[[str], Any]]]:
    def tr(**kw: Any) -> Callable[[str], Any]:
        return lambda seed: investigate.trace(graph, TraceParams(seeds=(seed,), **kw))

    def ex(hops: int, method: ExposureMethod) -> Callable[[str], Any]:
        return lambda seed: investigate.exposure(graph, seed, hops, method)

    return [
        ("trace fwd 3 hops, time-ordered", tr(max_hops=3)),
        ("trace fwd 3 hops, time-ordered, rollup", tr(max_hops=3, rollup=True)),
        ("trace fwd 4 hops, time-ordered", tr(max_hops=4)),
        ("trace fwd 6 hops, time-ordered", tr(max_hops=6)),
        ("trace fwd 3 hops, unordered", tr(max_hops=3, time_ordered=False)),
        ("trace bwd 3 hops, time-ordered", tr(max_hops=3, direction=Direction.BACKWARD)),
        ("exposure 2 hops HAIRCUT", ex(2, ExposureMethod.HAIRCUT)),
        ("exposure 3 hops HAIRCUT", ex(3, ExposureMethod.HAIRCUT)),
        ("exposure 3 hops ANY_CONTACT", ex(3, ExposureMethod.ANY_CONTACT)),
        ("exposure 4 hops HAIRCUT", ex(4, ExposureMethod.HAIRCUT)),
        ("paths k=3, length <= 4, to a group", lambda seed: investigate.paths(
            graph, seed, f"syn-group-{len(seed) % 10}", max_length=4, k=3)),
        ("neighbourhood depth 2, limit 200", lambda seed: investigate.neighbourhood(
            graph, seed, depth=2, limit=200)),
    ]


def wallet_seeds(wallets: int, runs: int) -> list[str]:
    first = ORGS * WALLETS_PER_ORG  # unattributed wallets start here
    step = max(1, (wallets - first) // runs)
    return [wallet(first + step * i) for i in range(runs)]


def org_seeds(runs: int) -> list[str]:
    step = max(1, ORGS // runs)
    return [f"syn-org-{(step * i + 5) % ORGS}" for i in range(runs)]


def main() -> None:
    parser = graph_parser((__doc__ or "").splitlines()[0])
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--orgs", action="store_true", help="seeds are organisations, not wallets")
    opts = parser.parse_args()
    with prepared_graph(opts) as graph:
        seeds = org_seeds(opts.runs) if opts.orgs else wallet_seeds(opts.wallets, opts.runs)
        for name, call in cases(graph):
            if not opts.only or opts.only in name:
                measure(name, call, seeds)


if __name__ == "__main__":
    main()
