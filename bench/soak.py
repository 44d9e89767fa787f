"""Loopback soak: a mixed GraphQL load against `scamgraph serve` for a bounded time.

    .venv/bin/python bench/soak.py [--seconds 600] [--concurrency 8 32] [--transfers 20000]
        [--home DIR --bolt-port N] [--no-build]

Builds the synthetic API graph (bench/synthetic_graph.py), starts `scamgraph serve` on a free
127.0.0.1 port with one analyst key, and for each concurrency runs for --seconds a rotation of
real questions (search, entity, trace, exposure, neighbourhood, paths) mixed with refusals a
server must answer cheaply (a bad key, an out-of-range depth, an oversized address). Reports
requests/s, p50/p95/p99, errors (a 5xx, a transport error, or an answer with the wrong code)
and the server's RSS at the start and end. Every loop stops by itself at its deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_bench import KEY, api_env, serving
from bench.synthetic_graph import ORGS, WALLETS_PER_ORG, prepare, wallet
from graph.connect import open_graph
from graph.local import LocalNeo4j
from graph.local.ports import free_port
from scamgraph.settings import load_settings

# (name, query, variables, expected: "ok" for data without errors, or an error code)
Case = tuple[str, str, dict[str, Any], str]


def cases(runs: int) -> list[Case]:
    first = ORGS * WALLETS_PER_ORG
    out: list[Case] = []
    for i in range(runs):
        w = wallet(first + 37 * i)
        out += [
            ("search",
             "query($q: String!) { search(text: $q, first: 10) { edges { node { id } } } }",
             {"q": f"Org {i % ORGS}"}, "ok"),
            ("entity", "query($n: ID!) { entity(id: $n) { id } }", {"n": w}, "ok"),
            ("paths", "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxLength: 3) { "
             "partial } }", {"a": w, "b": wallet(first + 37 * i + 1)}, "ok"),
            ("trace", "query($s: ID!) { trace(seeds: [$s], maxHops: 3) { partial "
             "organisations { id } } }", {"s": w}, "ok"),
            ("exposure", "query($t: ID!) { exposure(target: $t, maxHops: 3) { partial "
             "categories { category directShare } } }", {"t": w}, "ok"),
            ("neighbourhood", "query($n: ID!) { neighbourhood(id: $n, depth: 1) { partial } }",
             {"n": w}, "ok"),
            ("dos-depth", "{ neighbourhood(id: \"x\", depth: 2147483647) { partial } }", {},
             "error"),
            ("dos-address", "query($a: String!) { wallet(chain: \"tron\", address: $a) { id } }",
             {"a": "T" + "x" * 200_000}, "error"),
        ]
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def worker(client: httpx.AsyncClient, todo: itertools.cycle[Case], deadline: float,
                 lat: list[float], errors: list[str]) -> None:
    while time.monotonic() < deadline:
        name, query, variables, expected = next(todo)
        began = time.perf_counter()
        try:
            resp = await client.post("/graphql", json={"query": query, "variables": variables})
            body = resp.json()
            ok = resp.status_code < 500 and (
                not body.get("errors") if expected == "ok" else bool(body.get("errors")))
            if not ok:
                errors.append(f"{name}: {resp.status_code} {str(body)[:200]}")
        except (httpx.HTTPError, ValueError) as exc:
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
        lat.append((time.perf_counter() - began) * 1000)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0


async def soak(port: int, concurrency: int, seconds: float, pid: int) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
    todo = itertools.cycle(cases(50))
    lat: list[float] = []
    errors: list[str] = []
    start_rss = rss_mb(pid)
    began = time.monotonic()
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", headers=headers,
                                 timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client, todo, began + seconds, lat, errors)
                               for _ in range(concurrency)))
    elapsed = time.monotonic() - began
    return {"concurrency": concurrency, "seconds": round(elapsed, 1), "requests": len(lat),
            "rps": round(len(lat) / elapsed, 1), "p50_ms": round(pct(lat, 50), 1),
            "p95_ms": round(pct(lat, 95), 1), "p99_ms": round(pct(lat, 99), 1),
            "errors": len(errors), "first_errors": errors[:3],
            "rss_start_mb": round(start_rss, 1), "rss_end_mb": round(rss_mb(pid), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--transfers", type=int, default=20_000)
    parser.add_argument("--wallets", type=int, default=5_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--bolt-port", type=int)
    parser.add_argument("--no-build", action="store_true")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(home=opts.home or Path(tmp) / "state", neo4j_uri="",
                                 local_bolt_port=opts.bolt_port or free_port(),
                                 local_http_port=0, audit_log=Path(tmp) / "audit.jsonl")
        started_here = LocalNeo4j(settings).pid() is None
        with open_graph(settings) as graph:
            prepare(graph, opts.wallets, opts.transfers, build_graph=not opts.no_build)
        port = free_port()
        # One key carries the whole load: its per-key rate limit would answer 429 past 100/s.
        env = {**api_env(settings, Path(tmp)), "SCAMGRAPH_RATE_LIMIT": ""}
        with serving(env, port) as api:
            for c in opts.concurrency:
                print(asyncio.run(soak(port, c, opts.seconds, api.pid)), flush=True)
        if started_here:
            LocalNeo4j(settings).stop()


if __name__ == "__main__":
    main()
