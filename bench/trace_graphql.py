"""Value traces through GraphQL over HTTP beside the same traces called directly, in one run.

    .venv/bin/python bench/trace_graphql.py --home DIR --bolt-port N \
        [--transfers 100000] [--wallets 20000] [--runs 30] [--skip-build]

The graph and seeds of bench/trace_methods.py (ITS DATA IS REPLACED unless --skip-build), and
`scamgraph serve` on a free 127.0.0.1 port with one analyst key (bench/api_bench.py). Cases:
FORWARD PATHS, HAIRCUT and FIFO at 3 and 6 hops, BACKWARD HAIRCUT at 6 hops. Per seed every
case runs both ways (which goes first alternates), so load changes hit all methods alike.
Every GraphQL answer's conservation blocks must add up in base units and equal the direct
answer's; one that does not stops the run before any figure is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_bench import KEY, api_env, serving
from bench.graph_cli import bench_settings, graph_parser, prepared_graph
from bench.local_graph import own_server
from bench.stats import percentiles
from bench.trace_exposure import wallet_seeds
from graph import investigate
from graph.db import Graph
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult
from graph.local.ports import free_port
from scamgraph.settings import Settings

Case = tuple[Direction, TraceMethod, int]
CASES: list[Case] = [
    *((Direction.FORWARD, m, h) for h in (3, 6)
      for m in (TraceMethod.PATHS, TraceMethod.HAIRCUT, TraceMethod.FIFO)),
    (Direction.BACKWARD, TraceMethod.HAIRCUT, 6),
]
PARTS = ("attributedRaw", "returnedToSeedsRaw", "droppedMinAmountRaw", "droppedHopCapRaw",
         "droppedBudgetRaw")
# What the browser's trace panel asks for (web/src/trace.ts), less evidence and entity loads.
QUERY = """query($seed: ID!, $direction: Direction!, $hops: Int!, $method: TraceMethod!) {
  trace(seeds: [$seed], direction: $direction, maxHops: $hops, method: $method) {
    direction method pathsExplored amountSemantics partial reason
    conservation { asset decimals sentRaw attributedRaw stillHeldRaw returnedToSeedsRaw
      droppedMinAmountRaw droppedHopCapRaw droppedBudgetRaw receivedRaw unexplainedRaw }
    wallets { walletId asset role hops receivedRaw passedOnRaw heldRaw }
    organisations { id name pathCount minHops amounts { asset amount transfers amountRaw } }
    unattributed { walletId pathCount amounts { asset amount transfers amountRaw } } } }"""


def label(case: Case) -> str:
    direction, method, hops = case
    way = "fwd" if direction is Direction.FORWARD else "bwd"
    return f"{way} {hops} hops {method.value}"


def ask(client: httpx.Client, seed: str, case: Case) -> dict[str, Any]:
    direction, method, hops = case
    response = client.post("/graphql", json={"query": QUERY, "variables": {
        "seed": seed, "direction": direction.name, "hops": hops, "method": method.name}})
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"{label(case)} {seed}: {response.status_code} {body.get('errors')}")
    trace: dict[str, Any] = body["data"]["trace"]
    return trace


def direct(graph: Graph, seed: str, case: Case) -> TraceResult:
    direction, method, hops = case
    return investigate.trace(graph, TraceParams(seeds=(seed,), direction=direction,
                                                max_hops=hops, method=method))


def check(seed: str, case: Case, answer: dict[str, Any], reference: TraceResult) -> None:
    """Refuse an answer whose conservation does not add up, or that differs from the direct one."""
    where = f"{label(case)} {seed}"
    forward = case[0] is Direction.FORWARD
    whole, rest = ("sentRaw", "stillHeldRaw") if forward else ("receivedRaw", "unexplainedRaw")
    for c in answer["conservation"]:
        if sum(int(c[k]) for k in (*PARTS, rest)) != int(c[whole]):
            raise AssertionError(f"{where}: {c['asset']} does not conserve: {c}")
    mine = [(c["asset"], int(c[whole]), int(c["attributedRaw"]), int(c[rest]))
            for c in answer["conservation"]]
    theirs = [(c.asset, c.sent_raw if forward else c.received_raw, c.attributed_raw,
               c.still_held_raw if forward else c.unexplained_raw) for c in reference.conservation]
    orgs = sorted(o["id"] for o in answer["organisations"])
    if mine != theirs or orgs != sorted(o.id for o in reference.organisations):
        raise AssertionError(f"{where}: GraphQL and direct answers differ: {mine} != {theirs}")


Sample = tuple[float, float, bool, int]


def timed_pair(graph: Graph, client: httpx.Client, seed: str, case: Case,
               graphql_first: bool) -> Sample:
    """(direct ms, GraphQL ms, partial, conservation blocks) for one seed and case, checked."""
    times: dict[str, float] = {}
    answers: dict[str, Any] = {}
    for way in (("graphql", "direct") if graphql_first else ("direct", "graphql")):
        began = time.perf_counter()
        answers[way] = ask(client, seed, case) if way == "graphql" else direct(graph, seed, case)
        times[way] = (time.perf_counter() - began) * 1000
    check(seed, case, answers["graphql"], answers["direct"])
    answer = answers["graphql"]
    return times["direct"], times["graphql"], bool(answer["partial"]), len(answer["conservation"])


def loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) + " (1, 5, 15 min)"


def measure(graph: Graph, client: httpx.Client, seeds: list[str]) -> None:
    """A warm-up over the first three seeds, then every case per seed; a table at the end."""
    print(f"load average at the start: {loadavg()}", flush=True)
    for i, seed in enumerate(seeds[:3]):
        for case in CASES:
            timed_pair(graph, client, seed, case, bool(i % 2))
    rows: dict[Case, list[Sample]] = {case: [] for case in CASES}
    for i, seed in enumerate(seeds):
        for case in CASES:
            rows[case].append(timed_pair(graph, client, seed, case, bool(i % 2)))
    print(f"load average at the end: {loadavg()}")
    print(f"{'case':24s} {'direct p50/p95 ms':>20s} {'GraphQL p50/p95 ms':>20s} "
          f"{'GraphQL/direct':>15s}")
    for case, samples in rows.items():
        d50, d95 = percentiles([s[0] for s in samples])
        g50, g95 = percentiles([s[1] for s in samples])
        ratio = statistics.median(s[1] / s[0] for s in samples)
        print(f"{label(case):24s} {d50:9.1f} / {d95:8.1f} {g50:9.1f} / {g95:8.1f} "
              f"{ratio:15.2f}  (n={len(samples)}, partial {sum(s[2] for s in samples)}, "
              f"conservation blocks checked {sum(s[3] for s in samples)})", flush=True)


def main() -> None:
    opts = graph_parser((__doc__ or "").splitlines()[0]).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(opts, audit_log=Path(tmp) / "direct.jsonl")
        with own_server(settings):
            run(opts, settings, Path(tmp))


def run(opts: argparse.Namespace, settings: Settings, tmp: Path) -> None:
    with prepared_graph(opts, settings) as graph:
        seeds = wallet_seeds(opts.wallets, opts.runs)
        port = free_port()
        # The same query timeout as the direct calls, so neither side gives up sooner.
        env = {**api_env(settings, tmp), "SCAMGRAPH_QUERY_TIMEOUT_S": "60"}
        headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
        with serving(env, port), httpx.Client(base_url=f"http://127.0.0.1:{port}",
                                              headers=headers, timeout=120) as client:
            measure(graph, client, seeds)


if __name__ == "__main__":
    main()
