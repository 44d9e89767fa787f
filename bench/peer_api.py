"""Our GraphQL API beside @neo4j/graphql (bench/peers/neo4j-graphql) on the same Neo4j.

    .venv/bin/python bench/peer_api.py --home DIR --bolt-port N \
        [--transfers 100000] [--wallets 20000] [--skip-build] \
        [--requests 400] [--concurrency 1 8] [--cases entity org transfers hood]

The graph of bench/synthetic_graph.py (ITS DATA IS REPLACED unless --skip-build) in the local
Neo4j of --home (started if needed, stopped after only if started here). `npm ci` runs in the
peer folder when node_modules is missing; the peer (Apollo Server) and `scamgraph serve` (its
rate limit off: the peer has none) listen on free 127.0.0.1 ports. Per case every argument is
asked of both first and their ids compared (a difference stops the run); then requests are
timed interleaved (bench/peers/timing.py) at each concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_bench import KEY, api_env, serving
from bench.graph_cli import bench_settings, graph_parser, prepared_graph
from bench.local_graph import own_server
from bench.peers.cases import CASES, Case, size
from bench.peers.timing import Side, client, interleaved
from bench.synthetic_graph import GROUPS, ORGS
from bench.trace_graphql import loadavg
from graph.db import Graph
from graph.local import LocalNeo4j
from graph.local.ports import free_port
from scamgraph.settings import Settings

PEER = Path(__file__).resolve().parent / "peers" / "neo4j-graphql"
OURS_HEADERS = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}


def arguments(graph: Graph, runs: int) -> dict[str, list[str]]:
    """Ids each case asks about: organisations, the busiest senders, the groups."""
    orgs = [f"syn-org-{i}" for i in range(ORGS)][:runs]
    senders = graph.read("bench/peer_senders", {"prefix": "tron:TSYN", "limit": runs})
    return {"entity": orgs, "org": orgs, "transfers": [r["id"] for r in senders],
            "hood": [f"syn-group-{g}" for g in range(GROUPS)]}


@contextlib.contextmanager
def peer_server(settings: Settings) -> Iterator[str]:
    """The peer on a free loopback port for the block; its base URL."""
    if not (PEER / "node_modules").is_dir():
        subprocess.run([shutil.which("npm") or "npm", "ci"], cwd=PEER, check=True)
    server, port = LocalNeo4j(settings), free_port()
    env = {**os.environ, "PEER_PORT": str(port), "PEER_BOLT_URI": server.bolt_uri,
           "PEER_NEO4J_USER": settings.neo4j_user, "PEER_NEO4J_PASSWORD": server.password}
    proc = subprocess.Popen(["node", "server.js"], cwd=PEER, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.post(url, json={"query": "{ __typename }"}).raise_for_status()
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read() if proc.stderr else b""
                    raise RuntimeError(f"the peer did not start: {err[-2000:]!r}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


async def check(case: Case, ours: Side, peer: Side, args: list[str]) -> None:
    """Both APIs answer every argument with the same ids; print the payload shape and bytes."""
    sizes: list[tuple[int, int]] = []
    for a in args:
        mine, theirs = await ours.ask(case.ours, {"id": a}), await peer.ask(case.peer, {"id": a})
        got, want = case.ours_ids(mine.json()["data"]), case.peer_ids(theirs.json()["data"])
        if got != want:
            raise AssertionError(f"{case.name} {a}: ours {got!r}\n  != peer {want!r}")
        sizes.append((len(mine.content), len(theirs.content)))
    print(f"{case.name}: {len(args)} ids, answers equal; e.g. {size(got)}; bytes per answer "
          f"ours {sum(s[0] for s in sizes) / len(sizes):,.0f}, "
          f"peer {sum(s[1] for s in sizes) / len(sizes):,.0f}", flush=True)


async def measure(opts: argparse.Namespace, ours_url: str, peer_url: str,
                  args: dict[str, list[str]]) -> None:
    print(f"load average at the start: {loadavg()}", flush=True)
    print(f"{'case':30s} {'c':>2s} {'ours req/s':>10s} {'p50/p95 ms':>13s} "
          f"{'peer req/s':>10s} {'p50/p95 ms':>13s} {'ours/peer':>9s}")
    for name in opts.cases:
        case = CASES[name]
        for c in opts.concurrency:
            async with client(ours_url, OURS_HEADERS, c) as oc, client(peer_url, {}, c) as pc:
                ours, peer = Side("ours", oc, "/graphql"), Side("peer", pc, "/")
                if c == opts.concurrency[0]:
                    await check(case, ours, peer, args[name])
                ratio = await interleaved(ours, peer, (case.ours, case.peer), args[name],
                                          opts.requests, c)
            (o_rps, o50, o95), (p_rps, p50, p95) = ours.summary(), peer.summary()
            print(f"{case.name:30s} {c:2d} {o_rps:10.1f} {o50:6.1f}/{o95:6.1f} "
                  f"{p_rps:10.1f} {p50:6.1f}/{p95:6.1f} {ratio:9.2f}  "
                  f"(n={len(ours.latencies_ms)} each)", flush=True)
    print(f"load average at the end: {loadavg()}")


def run(opts: argparse.Namespace, settings: Settings, tmp: Path) -> None:
    with prepared_graph(opts, settings) as graph:
        args = arguments(graph, opts.runs)
        env = {**api_env(settings, tmp), "SCAMGRAPH_RATE_LIMIT": ""}
        port = free_port()
        with peer_server(settings) as peer_url, serving(env, port):
            asyncio.run(measure(opts, f"http://127.0.0.1:{port}", peer_url, args))


def main() -> None:
    parser = graph_parser((__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="per side, case, concurrency")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=list(CASES))
    parser.set_defaults(runs=100)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(opts, audit_log=Path(tmp) / "direct.jsonl")
        with own_server(settings):
            run(opts, settings, Path(tmp))


if __name__ == "__main__":
    main()
