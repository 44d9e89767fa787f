"""Apply an FtM delta of DELs to a loaded FtM snapshot, through the ingest runner.

    .venv/bin/python bench/ftm_delta.py --home DIR --bolt-port N [--entities 20000] [--dels 3000]

Uses (and clears) the local Neo4j at DIR/port. Loads a snapshot of `entities` companies, each
with an owner (Person), an Ownership and every tenth a CryptoWallet it holds; then a delta of
`dels` DEL lines (a third companies, a third Ownerships, a third wallets), then the same delta
again (which must change nothing). Reports seconds, DELs/s and the run summaries' counts.
The cost to watch: wallets (by `ftm_ids`) and edge entities (by relationship key) are found by
scanning their label or relationship type (there is no index on those properties).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import migrate
from graph.connect import open_graph
from graph.local import LocalNeo4j
from graph.maintenance import clear_data
from ingest.runner import run_ingest
from scamgraph.settings import Settings, load_settings

SOURCE = "bench-ftm"


def _address(i: int) -> str:
    return "0x" + f"{i:040x}"


def snapshot(n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(n):
        out += [{"id": f"co-{i}", "schema": "Company", "properties": {"name": [f"Company {i}"]}},
                {"id": f"p-{i}", "schema": "Person", "properties": {"name": [f"Person {i}"]}},
                {"id": f"own-{i}", "schema": "Ownership",
                 "properties": {"owner": [f"p-{i}"], "asset": [f"co-{i}"]}}]
        if i % 10 == 0:
            out.append({"id": f"w-{i}", "schema": "CryptoWallet", "properties": {
                "publicKey": [_address(i)], "currency": ["ETH"], "holder": [f"co-{i}"]}})
    return out


def delta(n: int, dels: int) -> list[dict[str, Any]]:
    third = dels // 3
    ids = ([(f"co-{i}", "Company") for i in range(1, n, 10)][:third]
           + [(f"own-{i}", "Ownership") for i in range(2, n, 10)][:third]
           + [(f"w-{i}", "CryptoWallet") for i in range(0, n, 10)][:third])
    return [{"op": "DEL", "entity": {"id": i, "schema": s}} for i, s in ids]


def _write(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _run(settings: Settings, graph: Any, path: Path) -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    s = run_ingest(graph, "ftm", path, settings=settings, options={"source": SOURCE})
    took = time.perf_counter() - start
    assert s.status == "succeeded", s.error
    keys = ("read", "written", "quarantined", "retracted", "retracted_missing", "removed")
    return took, {k: s.as_dict()[k] for k in keys}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--bolt-port", type=int, required=True)
    ap.add_argument("--entities", type=int, default=20000)
    ap.add_argument("--dels", type=int, default=3000)
    args = ap.parse_args()
    settings = load_settings(home=args.home, neo4j_uri="", neo4j_password="",
                             local_bolt_port=args.bolt_port, local_http_port=0, api_keys="")
    LocalNeo4j(settings).start()
    work = Path(tempfile.mkdtemp(prefix="scamgraph-bench-delta-"))
    with open_graph(settings, start_local=False) as graph:
        migrate.migrate(graph)
        clear_data(graph)
        took, counts = _run(settings, graph, _write(work / "snapshot.jsonl",
                                                    snapshot(args.entities)))
        print(f"snapshot: {took:.1f} s {counts}")
        lines = delta(args.entities, args.dels)
        for label in ("delta", "delta again"):
            took, counts = _run(settings, graph, _write(work / "delta.jsonl", lines))
            print(f"{label}: {len(lines)} DELs in {took:.2f} s "
                  f"({len(lines) / took:.0f} DEL/s) {counts}")


if __name__ == "__main__":
    main()
