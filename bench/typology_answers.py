"""Record the answers of typology scans on a loaded scenario, or compare them with a record.

    .venv/bin/python bench/typology_answers.py --home /tmp/sg-bench-I5 --port 17817 \
        --out answers-after.json [--compare answers-before.json] [--only fan-in ...] \
        [--query typologies/fan_in=OLD.cypher ...] [--param min_senders=3 ...]

A query rewrite must not change an answer: this runs each typology (default parameters) over
the scenario's whole window (92 days), over the one month that bench/typologies.py times
(days 30-60) and scoped to each of --seeds wallets (bench/typologies.py's seeds), and writes
every hit: key, score, anchor, amounts, detail, its wallets and transfers, plus the partial
flag of each scan. With --compare it prints each difference and exits 1 if there is one.
--param sets a parameter of the (one) typology run, to compare answers off the defaults too.
--query runs a query's text from a file instead (e.g. the version before a rewrite, from
`git show REV:cypher/typologies/fan_in.cypher`).
Evidence is compared as sets of wallets and transfer ids; the transfer order too where the
query defines it (fan-in: by time, then id). The Neo4j in --home must be running and loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.typologies import RUN, START, all_hits, override, seeds
from graph.connect import open_graph
from graph.db import Graph
from graph.investigate.typologies import TYPOLOGIES, TypologyScope
from scamgraph.settings import load_settings
from synth.chains import WINDOW_DAYS
from synth.load import read_truth

ORDERED = {"fan-in"}


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_round(v) for v in value]
    return value


def canonical(name: str, hit: Any) -> dict[str, Any]:
    ids = [t.transfer_id for t in hit.transfers]
    return {"key": hit.key, "score": round(hit.score, 6), "anchor": hit.anchor,
            "wallets": sorted(hit.wallets), "transfers": ids if name in ORDERED else sorted(ids),
            "amounts": sorted([a.asset, round(a.amount, 6), a.transfers] for a in hit.amounts),
            "detail": _round(dict(hit.detail))}


def scan(graph: Graph, name: str, scope: TypologyScope) -> dict[str, Any]:
    found, reason = all_hits(graph, name, scope)
    hits = sorted((canonical(name, h) for h in found), key=lambda h: (-h["score"], h["key"]))
    return {"partial": reason is not None, "hits": hits}


def record(graph: Graph, truth: dict[str, Any], n: int, only: list[str]) -> dict[str, Any]:
    scopes = {"whole": TypologyScope(since=START, until=START + timedelta(days=WINDOW_DAYS)),
              "month": TypologyScope(since=START + timedelta(days=30),
                                     until=START + timedelta(days=60))}
    scopes |= {f"wallet:{w}": TypologyScope(wallet=w) for w in seeds(graph, truth, n)}
    out: dict[str, Any] = {}
    for t in [t for t in TYPOLOGIES if not only or t.name in only]:
        out[t.name] = {label: scan(graph, t.name, scope) for label, scope in scopes.items()}
        hits = sum(len(s["hits"]) for s in out[t.name].values())
        print(f"{t.name:24s} {len(scopes)} scans, {hits} hits", file=sys.stderr)
    return out


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    found = []
    for name in sorted(set(before) & set(after)):
        for label in sorted(set(before[name]) | set(after[name])):
            old, new = before[name].get(label), after[name].get(label)
            if old is None or new is None:
                found.append(f"{name} {label}: scanned only {'after' if old is None else 'before'}")
            elif old["partial"] != new["partial"]:
                found.append(f"{name} {label}: partial {old['partial']} -> {new['partial']}")
            else:
                olds = {h["key"]: h for h in old["hits"]}
                news = {h["key"]: h for h in new["hits"]}
                for key in sorted(set(olds) ^ set(news)):
                    side = "before" if key in olds else "after"
                    found.append(f"{name} {label}: hit {key} only {side}")
                for key in sorted(k for k in set(olds) & set(news) if olds[k] != news[k]):
                    fields = [f for f in olds[key] if olds[key][f] != news[key].get(f)]
                    found.append(f"{name} {label}: hit {key} differs in {fields}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", type=Path, default=Path("/tmp/sgbench-typologies/scenario"))
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="A record to compare the new one with.")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--only", action="append", default=[], help="A typology (repeatable).")
    parser.add_argument("--query", action="append", default=[], help="NAME=FILE (repeatable).")
    parser.add_argument("--param", action="append", default=[], help="k=v (repeatable).")
    args = parser.parse_args()
    override(args.query)
    RUN["params"] = {k: json.loads(v) for k, v in (p.split("=", 1) for p in args.param)} or None
    settings = load_settings(home=args.home, neo4j_uri="", local_bolt_port=args.port,
                             local_http_port=0, query_timeout_s=3000.0)
    with open_graph(settings, start_local=False) as graph:
        answers = record(graph, read_truth(args.scenario), args.seeds, args.only)
    args.out.write_text(json.dumps(answers, indent=1, default=str))
    if args.compare:
        found = differences(json.loads(args.compare.read_text()), answers)
        print("\n".join(found) or "same answers", file=sys.stderr)
        hits = sum(len(s["hits"]) for t in answers.values() for s in t.values())
        print(json.dumps({"differences": len(found), "hits_compared": hits}))
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
