"""Resolution quality and speed on the generator's variants, loaded into a real Neo4j:
precision/recall of `resolve auto`, of the candidates and of each record's top candidate, and
the time `resolve candidates` and `resolve auto --dry-run` take end to end.

    .venv/bin/python bench/resolve.py [--orgs 1000] [--seed 7] [--min-score 0.5]
        [--out DIR] [--home /tmp/sg-test-resolve --port 17829] [--runs 3]

Generates the scenario (1,000 transfers) with --orgs resolution organisations
(`scamgraph generate --resolution-orgs`, synth/variants.py: each organisation as an FtM company,
an ActorPack actor and half the time a second register, with legal-form, case, misspelling,
Cyrillic and missing-field variants, a tenth with a look-alike), empties the database of the
local Neo4j in --home (ITS DATA IS REPLACED) and loads the files through the ordinary ingest
runner. The truth is every pair of ids in one `same_entity` group of ground_truth.json; the
cast's own organisations are in the graph too and are in no pair, so any pair they form counts
against precision. Times are what the CLI runs: `resolve candidates` = graph.resolve.load (the
database read) + candidates(min_score); `auto --dry-run` = graph.resolve.auto(dry_run=True),
which also reads judgements (each --runs times after one warm-up run); then once, split: the
query, the name keys (rigour, in graph.resolve.candidates.record) and the scoring. Prints a
table to stderr and JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_graph import local_graph
from graph import resolve
from graph.db import Graph
from graph.maintenance import clear_data
from graph.resolve import Candidate
from graph.resolve.candidates import record
from scamgraph.settings import load_settings
from synth import generate
from synth.load import load_scenario, read_truth

T = TypeVar("T")
Pairs = set[frozenset[str]]


def timed(call: Callable[[], T], runs: int) -> tuple[T, list[float]]:
    """The call's last result and its wall times in seconds (one run per sample)."""
    samples, result = [], call()
    for _ in range(runs - 1):
        began = time.perf_counter()
        result = call()
        samples.append(time.perf_counter() - began)
    return result, samples


def _pr(found: Pairs, truth: Pairs) -> dict[str, float | int]:
    hit = len(found & truth)
    return {"pairs": len(found), "precision": round(hit / len(found) if found else 1.0, 3),
            "recall": round(hit / len(truth), 3)}


def top1(found: list[Candidate]) -> Pairs:
    """Each record's best-scored pair (ties: the first, as candidates() orders them)."""
    best: dict[str, tuple[float, frozenset[str]]] = {}
    for c in found:
        for x in (c.a, c.b):
            if x not in best or c.score > best[x][0]:
                best[x] = (c.score, frozenset((c.a, c.b)))
    return {pair for _, pair in best.values()}


def measure(graph: Graph, truth: Pairs, min_score: float, runs: int) -> dict[str, Any]:
    def cli_candidates() -> tuple[int, list[Candidate], float]:
        began = time.perf_counter()
        records = resolve.load(graph)
        read = time.perf_counter() - began
        return len(records), resolve.candidates(records, min_score), read

    (n_records, scored, read_s), cand_s = timed(cli_candidates, runs + 1)
    auto, auto_s = timed(lambda: resolve.auto(graph, dry_run=True), runs + 1)
    # Where `resolve candidates` spends its time: the query, the name keys, the scoring.
    began = time.perf_counter()
    rows = graph.read("resolve/entities", timeout_s=600.0)
    query = time.perf_counter()
    records = [record(r) for r in rows]
    keyed = time.perf_counter()
    every = resolve.candidates(records, min_score=0.0)
    split = {"query_s": query - began, "name_keys_s": keyed - query,
             "scoring_s": time.perf_counter() - keyed}
    return {
        "records": n_records, "true_pairs": len(truth),
        "candidates_s": [round(s, 2) for s in cand_s], "load_s": round(read_s, 2),
        "split": {k: round(v, 2) for k, v in split.items()},
        "auto_dry_run_s": [round(s, 2) for s in auto_s],
        f"candidates>={min_score}": _pr({frozenset((c.a, c.b)) for c in scored}, truth),
        "top1": _pr(top1(every), truth),
        "auto": _pr({frozenset((j.a, j.b)) for j in auto.merged}, truth),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-score", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=Path("/tmp/sg-test-resolve"))
    parser.add_argument("--port", type=int, default=17829)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = args.out or Path(f"/tmp/sgbench-resolve/{args.orgs}-{args.seed}")
    generate(out, 1000, args.seed, force=True, resolution_orgs=args.orgs)
    groups = read_truth(out)["resolution"]["same_entity"]
    truth = {frozenset((a, b)) for g in groups for a in g for b in g if a < b}
    settings = load_settings(home=args.home, neo4j_uri="", local_bolt_port=args.port,
                             local_http_port=0, query_timeout_s=600.0)
    with local_graph(settings) as graph:
        clear_data(graph)
        began = time.monotonic()
        load_scenario(graph, out, settings)
        result = {"orgs": args.orgs, "seed": args.seed,
                  "ingest_s": round(time.monotonic() - began, 1),
                  **measure(graph, truth, args.min_score, args.runs)}
    print(f"{args.orgs} organisations, {result['records']} records, {len(truth)} true pairs; "
          f"resolve candidates {min(result['candidates_s']):.2f}-"
          f"{max(result['candidates_s']):.2f} s (resolve.load {result['load_s']:.2f} s), "
          f"auto --dry-run {min(result['auto_dry_run_s']):.2f}-"
          f"{max(result['auto_dry_run_s']):.2f} s; split {result['split']}", file=sys.stderr)
    for label in (f"candidates>={args.min_score}", "top1", "auto"):
        r = result[label]
        print(f"{label:<18} {r['pairs']:>6} pairs  precision {r['precision']:.3f}  "
              f"recall {r['recall']:.3f}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
