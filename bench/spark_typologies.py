"""Spark typology scans on the generated scenario: time per scan, hits and recall.

    .venv/bin/python bench/spark_typologies.py [--scale 1000000] [--seed 7] [--out DIR]
        [--master local[2]] [--days 92] [--only NAME ...]

Generates the scenario into --out (unless its ground truth is there) and stages its chain
exports with `spark stage` (unless --out/staged holds them), then scans the staged transfers
with `spark typologies` over the first --days days of the scenario (92: all of it), one
typology at a time, at default parameters. Exchange and bridge wallets (--exclude) come from
the scenario's TagPack, ActorPack and FtM files, read by the ingest readers. Recall counts
the planted anchors (bench/typologies.py EXPECTED) among the hits' anchors. Prints JSON.
Times include reading the staged CSV once (cached) in the first scan, reported apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.typologies import EXPECTED
from ingest.formats import SourceInput, load_reader
from ingest.records import LinkRecord, NodeRecord
from spark.session import spark_session
from spark.stage import stage
from spark.typologies import SCANS, scan_typologies
from spark.typology_input import read_staged
from synth import generate
from synth.chains import WINDOW_START_MS
from synth.load import read_truth

CHAINS = ("trongrid", "ethereum-etl", "bitcoin-etl")
ATTRIBUTION = ("ftm", "actorpack", "tagpack")


def exchange_wallets(out: Path, files: list[dict[str, Any]]) -> list[str]:
    """Wallets CONTROLLED_BY or DEPOSIT_ADDRESS_OF an Exchange or Bridge, from the files."""
    kinds: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    for f in files:
        if f["format"] not in ATTRIBUTION:
            continue
        path = out / f["path"]
        for rec in load_reader(f["format"])(SourceInput(path=path, name=path.name)):
            if isinstance(rec, NodeRecord):
                kinds.setdefault(rec.id, set()).update(rec.kinds)
            elif isinstance(rec, LinkRecord) and rec.type in ("CONTROLLED_BY",
                                                              "DEPOSIT_ADDRESS_OF"):
                links.append((rec.start_id, rec.end_id))
    return sorted({w for w, org in links if {"Exchange", "Bridge"} & kinds.get(org, set())})


def staged_dirs(spark: Any, out: Path, files: list[dict[str, Any]]) -> tuple[list[str], float]:
    began, dirs = time.monotonic(), []
    for fmt in CHAINS:
        target = out / "staged" / fmt
        if not (target / "manifest.json").exists() and not any(target.glob("transfers*")):
            stage(spark, fmt, [str(out / f["path"]) for f in files if f["format"] == fmt],
                  target)
        dirs.append(str(target))
    return dirs, time.monotonic() - began


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--days", type=int, default=92)
    ap.add_argument("--only", nargs="*", default=list(SCANS))
    args = ap.parse_args()
    out = args.out or Path(f"/tmp/sg-bench-spark-typ-{args.scale}-{args.seed}")
    if not (out / "ground_truth.json").exists():
        generate(out, args.scale, args.seed)
    truth = read_truth(out)
    spark = spark_session(args.master)
    dirs, staging_s = staged_dirs(spark, out, truth["files"])
    excluded = spark.createDataFrame([(w,) for w in exchange_wallets(out, truth["files"])],
                                     "wallet string")
    began = time.monotonic()
    transfers = read_staged(spark, dirs).drop("ord").cache()
    count = transfers.count()
    read_s = time.monotonic() - began
    since = datetime.fromtimestamp(WINDOW_START_MS / 1000, UTC)
    until = since + timedelta(days=args.days)
    report: dict[str, Any] = {"scale": args.scale, "transfers": count, "master": args.master,
                              "days": args.days, "staging_s": round(staging_s, 1),
                              "read_s": round(read_s, 1), "scans": {}}
    for name in args.only:
        began = time.monotonic()
        hits = scan_typologies(spark, transfers, [name], since, until, None, excluded)
        seconds = time.monotonic() - began
        anchors = {h["anchor"] for h in hits}
        want = {w for w, e in truth["wallets"].items()
                if (e.get("case"), e.get("role")) in set(EXPECTED[name])}
        report["scans"][name] = {"seconds": round(seconds, 1), "hits": len(hits),
                                 "recall": f"{len(want & anchors)}/{len(want)}"}
        print(f"{name:22s} {seconds:8.1f} s  {len(hits):6d} hits  recall "
              f"{len(want & anchors)}/{len(want)}", file=sys.stderr, flush=True)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
