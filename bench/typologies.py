"""Typology recall, precision and scan times on the generated scenario (docs/BENCHMARKS.md).

    .venv/bin/python bench/typologies.py [--scale 100000] [--seed 7] [--out DIR]
        [--home /tmp/sg-test-typ --port 17827] [--skip-load] [--runs 5] [--seeds 20]
        [--timeout 600] [--only NAME ...] [--max-anchors 20000] [--query NAME=FILE ...]
        (--runs 0: recall and precision only)

Generates the scenario into --out (unless its ground truth is there), empties the database of
the local Neo4j in --home (ITS DATA IS REPLACED unless --skip-load) and loads it through the
ordinary ingest runner. Then, per typology at default parameters, a whole-graph scan over the
scenario's whole window (92 days) gives recall (planted cases whose anchor wallet is among the
hits' anchors) and precision (hits anchored at a planted wallet of any case); the planted
anchors per typology come from ground_truth.json (EXPECTED below). Times: p50/p95 of a
whole-graph scan over one month (days 30-60, --runs runs) and of scans scoped to --seeds
wallets (the planted anchors and wallets spread evenly over the graph). Prints JSON at the end.
Each scan has the API's budget of --max-anchors candidate wallets; a scan that reached it is
reported partial (its recall then counts only the wallets examined). --query runs a query's
text from a file (e.g. `git show REV:cypher/typologies/fan_in.cypher`) to time an older version.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_graph import local_graph
from bench.stats import percentiles
from graph import queries
from graph.db import Graph
from graph.investigate.typologies import TYPOLOGIES, TypologyHits, TypologyScope, typology_hits
from graph.maintenance import clear_data
from scamgraph.settings import load_settings
from synth import generate
from synth.chains import WINDOW_DAYS, WINDOW_START_MS
from synth.load import load_scenario, read_truth

# Per typology, the (case, role) of the planted wallets that a hit must be anchored at.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "fan-in": [("pig-butchering", "consolidation"), ("spray-and-funnel", "funnel")],
    "spray-and-funnel": [("spray-and-funnel", "spray-source")],
    "peel-chain": [("btc-peel-chain", "peel-start")],
    "rapid-pass-through": [("pig-butchering", "scam-deposit")],
    "cross-chain-hop": [("bridge-hop", "bridge-in")],
    # The escrow, OTC desk and payment company are FtM Companies in the loaded graph (FtM
    # carries no OTCDesk / PaymentProvider / Marketplace kind), so only exchange wallets are
    # recognisable off-ramps: the cash-out deposit addresses.
    "offramp": [("escrow-otc-offramp", "otc-deposit"), ("bridge-hop", "otc-deposit"),
                ("btc-peel-chain", "cash-out-deposit")],
    "pig-butchering-intake": [("pig-butchering", "scam-deposit")],
}
START = datetime.fromtimestamp(WINDOW_START_MS / 1000, UTC)


# --max-anchors (the budget every scan here runs with) and parameters other than the defaults.
RUN: dict[str, Any] = {"max_anchors": 20_000, "params": None}


def scan(graph: Graph, name: str, scope: TypologyScope, first: int = 20,
         after: str | None = None) -> TypologyHits:
    return typology_hits(graph, name, RUN["params"], scope, first, after,
                         max_anchors=RUN["max_anchors"])


def all_hits(graph: Graph, name: str, scope: TypologyScope) -> tuple[list[Any], str | None]:
    """Every hit, and why the scan was partial (None: it was not)."""
    hits, after, reason = [], None, None
    while True:
        page = scan(graph, name, scope, 200, after)
        hits += page.hits
        reason = reason or page.reason
        if not page.has_next_page:
            return hits, reason
        after = page.end_cursor


def quality(graph: Graph, truth: dict[str, Any], only: list[str]) -> dict[str, Any]:
    planted = {w for w, e in truth["wallets"].items() if e.get("case")}
    whole = TypologyScope(since=START, until=START + timedelta(days=WINDOW_DAYS))
    out = {}
    for t in [t for t in TYPOLOGIES if not only or t.name in only]:
        want = {w for w, e in truth["wallets"].items()
                if (e.get("case"), e.get("role")) in EXPECTED[t.name]}
        hits, reason = all_hits(graph, t.name, whole)
        anchors = {h.anchor for h in hits}
        good = sum(h.anchor in planted for h in hits)
        out[t.name] = {"planted": len(want), "found": len(want & anchors), "hits": len(hits),
                       "recall": len(want & anchors) / len(want) if want else None,
                       "precision": good / len(hits) if hits else None,
                       "missed": sorted(want - anchors)[:5],
                       "partial": reason}
        print(f"{t.name:24s} recall {len(want & anchors)}/{len(want)}  precision "
              f"{good}/{len(hits)}  partial {out[t.name]['partial']}", file=sys.stderr)
    return out


def timed(call: Callable[[], Any], runs: int) -> dict[str, float]:
    call()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    p50, p95 = percentiles(samples) if len(samples) > 1 else (samples[0], samples[0])
    return {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}


def seeds(graph: Graph, truth: dict[str, Any], n: int) -> list[str]:
    roles = {pair for pairs in EXPECTED.values() for pair in pairs}
    planted = sorted({w for w, e in truth["wallets"].items()
                      if (e.get("case"), e.get("role")) in roles})
    ids = [r["id"] for r in graph.driver.execute_query(
        "MATCH (w:Wallet) RETURN w.id AS id ORDER BY id", database_=graph.database).records]
    spread = ids[:: max(1, len(ids) // max(1, n - len(planted[: n // 2])))]
    return (planted[: n // 2] + spread)[:n]


def times(graph: Graph, truth: dict[str, Any], runs: int, n: int, only: list[str]
          ) -> dict[str, Any]:
    month = TypologyScope(since=START + timedelta(days=30), until=START + timedelta(days=60))
    wallets, out = seeds(graph, truth, n), {}
    for t in [t for t in TYPOLOGIES if not only or t.name in only]:
        whole = timed(lambda t=t: scan(graph, t.name, month), runs)
        samples = []
        for w in wallets:
            began = time.perf_counter()
            scan(graph, t.name, TypologyScope(wallet=w))
            samples.append((time.perf_counter() - began) * 1000)
        p50, p95 = percentiles(samples)
        out[t.name] = {"month_scan": whole, "month_partial": scan(graph, t.name, month).reason,
                       "wallet": {"p50_ms": round(p50, 1),
                                                      "p95_ms": round(p95, 1), "n": len(wallets)}}
        print(f"{t.name:24s} month scan p50 {whole['p50_ms']:8.1f} ms p95 {whole['p95_ms']:8.1f}"
              f" | wallet p50 {p50:7.1f} ms p95 {p95:7.1f} ms", file=sys.stderr)
    return out


def override(pairs: list[str]) -> None:
    """Serve the named queries from the given files, every other one from cypher/."""
    texts = {name: Path(file).read_text(encoding="utf-8").strip()
             for name, file in (pair.split("=", 1) for pair in pairs)}
    original = queries.load
    queries.load = lambda name: texts.get(name) or original(name)  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("/tmp/sgbench-typologies/scenario"))
    parser.add_argument("--home", type=Path, default=Path("/tmp/sg-test-typ"))
    parser.add_argument("--port", type=int, default=17827)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--only", action="append", default=[], help="A typology (repeatable).")
    parser.add_argument("--max-anchors", type=int, default=20_000)
    parser.add_argument("--times-only", action="store_true", help="No recall or precision.")
    parser.add_argument("--query", action="append", default=[], help="NAME=FILE (repeatable).")
    args = parser.parse_args()
    override(args.query)
    RUN["max_anchors"] = args.max_anchors
    if not (args.out / "ground_truth.json").exists():
        generate(args.out, args.scale, args.seed, force=True)
    truth = read_truth(args.out)
    # Whole-window scans take longer than an API call may; the bench measures, not refuses.
    settings = load_settings(home=args.home, neo4j_uri="", local_bolt_port=args.port,
                             local_http_port=0, query_timeout_s=args.timeout)
    with local_graph(settings) as graph:
        result: dict[str, Any] = {"scale": args.scale, "seed": args.seed,
                                  "max_anchors": args.max_anchors}
        if not args.skip_load:
            clear_data(graph)
            began = time.monotonic()
            report = load_scenario(graph, args.out, settings)
            result["load_seconds"] = round(time.monotonic() - began, 1)
            result["records"] = report.records
        if not args.times_only:
            result["quality"] = quality(graph, truth, args.only)
        if args.runs:
            result["times"] = times(graph, truth, args.runs, args.seeds, args.only)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
