"""Trace, exposure, paths and search through GraphQL vs the same graph function called directly.

    .venv/bin/python bench/api_bench.py [--transfers 100000] [--wallets 20000] [--runs 30]
        [--home DIR --bolt-port N]   # reuse a local Neo4j (its data is replaced)
        [--no-build]                 # keep the graph a previous run built there

Builds a synthetic graph (bench/synthetic_graph.py), starts `scamgraph serve` in a child
process on a free loopback port, and reports p50/p95 per path and the GraphQL/direct ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.audit import AuditLog
from api.auth import Principal, Role
from api.context import get_context
from api.schema import build_schema
from bench.stats import percentiles
from bench.synthetic_graph import ORGS, WALLETS_PER_ORG, build, wallet
from graph import investigate, migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.investigate.types import TraceParams
from graph.local import LocalNeo4j
from graph.local.ports import free_port
from scamgraph.settings import Settings, load_settings

KEY = "bench-analyst-key"
TRACE = """query($seed: ID!) { trace(seeds: [$seed], maxHops: 3) {
  partial pathsExplored organisations { id name pathCount amounts { asset amount } }
  unattributed { walletId pathCount } } }"""
EXPOSURE = """query($target: ID!) { exposure(target: $target, maxHops: 3) {
  partial inflow { asset amount } categories { category directShare indirectShare } } }"""
PATHS = """query($start: ID!) { paths(from: $start, to: "syn-org-3", maxLength: 4, k: 3) {
  partial paths { nodes { id } edges { key } } } }"""
SEARCH = """query($text: String!) { search(text: $text, first: 20) {
  edges { score node { id name } } } }"""


def timed(fn: Callable[[], Any]) -> float:
    began = time.perf_counter()
    fn()
    return (time.perf_counter() - began) * 1000


def start_api(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "scamgraph", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    error = proc.stderr.read() if proc.stderr else b""
    raise RuntimeError(f"scamgraph serve did not start: {error!r}")


@contextlib.contextmanager
def serving(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """`scamgraph serve` on `port` for the length of the block."""
    api = start_api(env, port)
    try:
        yield api
    finally:
        api.terminate()
        api.wait(10)


def graphql(client: httpx.Client, query: str, variables: dict[str, Any]) -> None:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"GraphQL failed: {response.status_code} {body.get('errors')}")


def compare(name: str, paths: dict[str, Callable[[Any], Any]], args: list[Any]) -> None:
    """Every path over the same arguments, rotating which goes first, after a warm-up."""
    try:
        for a in args[:3]:
            for fn in paths.values():
                fn(a)
    except (NotImplementedError, RuntimeError) as exc:
        print(f"{name}: skipped ({exc})")
        return
    samples: dict[str, list[float]] = {label: [] for label in paths}
    order = list(paths.items())
    for i, a in enumerate(args):
        for label, fn in order[i % len(order):] + order[:i % len(order)]:
            samples[label].append(timed(lambda fn=fn, a=a: fn(a)))
    base50, base95 = percentiles(samples["direct"])
    for label, values in samples.items():
        p50, p95 = percentiles(values)
        print(f"{name:9s} {label:15s} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  "
              f"x direct: p50 {p50 / base50:.2f} p95 {p95 / base95:.2f}  (n={len(values)})")


def in_process(settings: Settings, graph: Graph, query: str, key: str) -> Callable[[Any], Any]:
    """The same GraphQL operation through the schema in this process (no HTTP, no JSON)."""
    schema = build_schema(settings)
    # One loop for every call, as in a server: asyncio.run would build and tear down a loop and
    # its thread pool per call (~1 ms), which no request pays.
    loop = asyncio.new_event_loop()

    def run(value: Any) -> None:
        ctx = get_context(settings, graph, Principal(Role.ANALYST, "bench"),
                          AuditLog(settings.audit_log_path))
        result = loop.run_until_complete(schema.execute(query, variable_values={key: value},
                                                        context_value=ctx))
        if result.errors:
            raise RuntimeError(f"GraphQL failed: {result.errors}")
    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transfers", type=int, default=100_000)
    parser.add_argument("--wallets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--bolt-port", type=int)
    parser.add_argument("--no-build", action="store_true", help="reuse the graph of a last run")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(opts, Path(tmp))


def measure(graph: Graph, settings: Settings, client: httpx.Client, runs: int) -> None:
    """Trace from unattributed wallets, exposure of others, paths to an organisation and a
    name search: direct, in-process, over HTTP."""
    first = ORGS * WALLETS_PER_ORG  # unattributed wallets start here
    seeds = [wallet(first + 37 * i) for i in range(runs)]
    compare("trace", {
        "direct": lambda s: investigate.trace(graph, TraceParams(seeds=(s,), max_hops=3)),
        "schema.execute": in_process(settings, graph, TRACE, "seed"),
        "graphql http": lambda s: graphql(client, TRACE, {"seed": s}),
    }, seeds)
    # Wallet targets, as in bench/trace_exposure.py's default; --orgs there times organisations.
    targets = [wallet(first + 41 * i + 1) for i in range(runs)]
    compare("exposure", {
        "direct": lambda t: investigate.exposure(graph, t, 3),
        "schema.execute": in_process(settings, graph, EXPOSURE, "target"),
        "graphql http": lambda t: graphql(client, EXPOSURE, {"target": t}),
    }, targets)
    # From a wallet to an organisation (up to 3 shortest routes of at most 4 links).
    compare("paths", {
        "direct": lambda w: investigate.paths(graph, w, "syn-org-3", 4, (), True, 3),
        "schema.execute": in_process(settings, graph, PATHS, "start"),
        "graphql http": lambda w: graphql(client, PATHS, {"start": w}),
    }, seeds)
    names = [f"Org {i % ORGS}" for i in range(runs)]
    compare("search", {
        "direct": lambda t: investigate.search(graph, t, (), 20),
        "schema.execute": in_process(settings, graph, SEARCH, "text"),
        "graphql http": lambda t: graphql(client, SEARCH, {"text": t}),
    }, names)


def api_env(settings: Settings, tmp: Path) -> dict[str, str]:
    """Environment for `scamgraph serve` on the same local Neo4j, with one analyst key."""
    return {**os.environ, "SCAMGRAPH_HOME": str(settings.home), "SCAMGRAPH_NEO4J_URI": "",
            "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
            "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_API_KEYS": f"analyst:{KEY}",
            "SCAMGRAPH_AUDIT_LOG": str(tmp / "audit.jsonl"), "SCAMGRAPH_LOG_LEVEL": "WARNING"}


def run(opts: argparse.Namespace, tmp: Path) -> None:
    settings = load_settings(home=opts.home or tmp / "state", neo4j_uri="",
                             local_bolt_port=opts.bolt_port or free_port(), local_http_port=0,
                             audit_log=tmp / "in-process.jsonl")
    started_here = LocalNeo4j(settings).pid() is None
    with open_graph(settings) as graph:
        migrate.migrate(graph)
        began = time.monotonic()
        if not opts.no_build:
            build(graph, opts.wallets, opts.transfers)
        print(f"graph: {opts.wallets} wallets, {opts.transfers} transfers, "
              f"built in {time.monotonic() - began:.1f}s")
        port = free_port()
        headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/graphql-response+json"}
        with serving(api_env(settings, tmp), port), httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=120) as client:
            measure(graph, settings, client, opts.runs)
    if started_here:
        LocalNeo4j(settings).stop()


if __name__ == "__main__":
    main()
