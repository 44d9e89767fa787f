"""Traces from random wallets through GraphQL; seeds and answers recorded so runs compare.

    .venv/bin/python bench/trace_scale.py --home DIR --bolt-port N --seeds FILE
        [--runs 30] [--hops 4 6] [--methods PATHS HAIRCUT] [--record FILE] [--compare FILE]
        [--times FILE]

Runs on whatever graph the local Neo4j in DIR holds (e.g. the 10^6 scenario of
`bench/generate_load.py --scale 1000000 --home DIR`). The seeds are `--runs` wallets drawn
uniformly (random.Random(7)) from every Wallet in the graph, hot exchange wallets included,
and written to --seeds; when that file exists its seeds are used instead, so two runs (before
and after a change) trace the same wallets. Every (seed, hops, method) is asked over HTTP of
`scamgraph serve` (analyst key), the API's defaults otherwise (FORWARD, no window). --record
writes each answer's fingerprint (organisations reached with path counts and base-unit
amounts, unattributed wallets, conservation, partial/reason); --compare reads such a file and
stops with the first difference among complete traces, so a faster trace is shown to answer
the same; --times writes each trace's milliseconds (which seeds are slow).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_bench import KEY, api_env, serving
from bench.local_graph import local_graph
from bench.stats import percentiles
from bench.trace_graphql import loadavg
from graph.db import Graph
from graph.local.ports import free_port
from scamgraph.settings import load_settings

QUERY = """query($seed: ID!, $hops: Int!, $method: TraceMethod!) {
  trace(seeds: [$seed], maxHops: $hops, method: $method) {
    method pathsExplored partial reason
    conservation { asset sentRaw attributedRaw stillHeldRaw returnedToSeedsRaw
      droppedMinAmountRaw droppedHopCapRaw droppedBudgetRaw }
    organisations { id pathCount minHops amounts { asset transfers amountRaw } }
    unattributed { walletId pathCount amounts { asset transfers amountRaw } } } }"""


def seeds_for(graph: Graph, path: Path, runs: int) -> list[str]:
    """The recorded seeds, or `runs` wallets drawn uniformly and recorded."""
    if path.exists():
        seeds: list[str] = json.loads(path.read_text())
        return seeds
    rows = graph.read("bench/all_wallets", {})
    seeds = random.Random(7).sample([r["id"] for r in rows], runs)
    path.write_text(json.dumps(seeds, indent=1) + "\n")
    return seeds


def fingerprint(trace: dict[str, Any]) -> dict[str, Any]:
    """What an analyst may quote, in an order-free form."""
    def by_id(rows: list[dict[str, Any]], key: str) -> list[Any]:
        return sorted(([r[key], r["pathCount"], r.get("minHops"),
                        sorted((a["asset"], a["transfers"], a["amountRaw"]) for a in r["amounts"])]
                       for r in rows), key=lambda r: r[0])
    return {"partial": trace["partial"], "reason": trace["reason"],
            "pathsExplored": trace["pathsExplored"],
            "conservation": sorted(trace["conservation"] or [], key=lambda c: c["asset"]),
            "organisations": by_id(trace["organisations"], "id"),
            "unattributed": by_id(trace["unattributed"], "walletId")}


def ask(client: httpx.Client, seed: str, hops: int, method: str) -> tuple[float, dict[str, Any]]:
    began = time.perf_counter()
    response = client.post("/graphql", json={"query": QUERY, "variables": {
        "seed": seed, "hops": hops, "method": method}})
    ms = (time.perf_counter() - began) * 1000
    body = response.json()
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
    # The query timeout, or the server's transaction memory (a Neo4j MemoryPoolOutOfMemory
    # answers INTERNAL): figures too, counted, not hidden.
    if codes in (["BUDGET_EXCEEDED"], ["INTERNAL"]):
        return ms, {"partial": True, "error": codes[0]}
    if response.status_code != 200 or codes:
        raise RuntimeError(f"{method} {hops} {seed}: {response.status_code} {body.get('errors')}")
    return ms, fingerprint(body["data"]["trace"])


def measure(client: httpx.Client, seeds: list[str], cases: list[tuple[int, str]]
            ) -> tuple[dict[str, Any], dict[str, float]]:
    """A warm-up over three seeds, then every case per seed; prints the table, returns the
    answers and each trace's milliseconds."""
    for seed in seeds[:3]:
        for hops, method in cases:
            ask(client, seed, hops, method)
    times: dict[str, list[float]] = {f"{m} {h}": [] for h, m in cases}
    answers: dict[str, Any] = {}
    each: dict[str, float] = {}
    for seed in seeds:
        for hops, method in cases:
            ms, answers[f"{method} {hops} {seed}"] = ask(client, seed, hops, method)
            times[f"{method} {hops}"].append(ms)
            each[f"{method} {hops} {seed}"] = round(ms, 1)
    for name, values in times.items():
        p50, p95 = percentiles(values)
        mine = [answers[f"{name} {s}"] for s in seeds]
        print(f"{name:12s} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  max {max(values):8.1f} ms  "
              f"(n={len(values)}, partial {sum(a['partial'] for a in mine)}, timed out "
              f"{sum(a.get('error') == 'BUDGET_EXCEEDED' for a in mine)}, failed "
              f"{sum(a.get('error') == 'INTERNAL' for a in mine)})", flush=True)
    return answers, each


def compare(answers: dict[str, Any], recorded: dict[str, Any]) -> None:
    """Complete traces must answer as recorded. Listed apart: traces that failed or ran out of
    time in either run (no answer to compare) and PATHS traces cut by maxPaths in both, since which
    paths a trace keeps past its cap is not ordered (no ORDER BY before the LIMIT)."""
    now = json.loads(json.dumps(answers))  # tuples become lists, as in the recorded file
    shared = sorted(now.keys() & recorded.keys())
    timed_out = [k for k in shared if "error" in recorded[k] or "error" in now[k]]
    capped = [k for k in shared if k.startswith("PATHS") and k not in timed_out
              and recorded[k]["partial"] and now[k]["partial"]]
    checked = [k for k in shared if k not in timed_out and k not in capped]
    for key in checked:
        if recorded[key] != now[key]:
            raise SystemExit(f"answer differs from the record for {key}:\n"
                             f"  recorded {recorded[key]}\n  now      {now[key]}")
    print(f"answers identical to the record for all {len(checked)} complete traces in both")
    for key in timed_out:
        print(f"  not compared, no answer: {key} (record {recorded[key].get('error')}, "
              f"now {now[key].get('error')})")
    for key in capped:
        same = "identical" if recorded[key] == now[key] else (
            f"differs (paths explored {recorded[key]['pathsExplored']} -> "
            f"{now[key]['pathsExplored']})")
        print(f"  capped by maxPaths, {key}: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hops", type=int, nargs="+", default=[4, 6])
    parser.add_argument("--methods", nargs="+", default=["PATHS", "HAIRCUT"])
    parser.add_argument("--record", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--times", type=Path, help="Write each trace's milliseconds here.")
    opts = parser.parse_args()
    settings = load_settings(home=opts.home, neo4j_uri="", local_bolt_port=opts.bolt_port,
                             local_http_port=0)
    cases = [(h, m) for h in opts.hops for m in opts.methods]
    with local_graph(settings) as graph, tempfile.TemporaryDirectory() as tmp:
        seeds = seeds_for(graph, opts.seeds, opts.runs)
        port = free_port()
        headers = {"Authorization": f"Bearer {KEY}", "Accept": "application/json"}
        print(f"load average at the start: {loadavg()}", flush=True)
        with serving(api_env(settings, Path(tmp)), port), httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=120) as client:
            answers, each = measure(client, seeds, cases)
        print(f"load average at the end: {loadavg()}")
    if opts.record:
        opts.record.write_text(json.dumps(answers, indent=0, sort_keys=True) + "\n")
    if opts.times:
        opts.times.write_text(json.dumps(each, indent=0, sort_keys=True) + "\n")
    if opts.compare:
        compare(answers, json.loads(opts.compare.read_text()))


if __name__ == "__main__":
    main()
