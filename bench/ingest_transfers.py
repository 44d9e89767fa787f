"""Ingest throughput: N synthetic transfers through the real reader, runner and sink into Neo4j.

    .venv/bin/python bench/ingest_transfers.py [--n 200000] [--format trongrid|ethereum-etl]
        [--batch-size 10000] [--wallets 50000] [--home /tmp/sgbench-ingest-core --port 17702]
        [--heap 1g] [--pagecache 512m] [--dry-run | --bulk] [--keep-file PATH]

Writes the file first (JSON lines: TronGrid pages of 200 items, or ethereum-etl
token_transfers), then times `run_ingest` on an emptied database and reports transfers/s,
the batch size, and the process's peak RSS before and after the ingest (getrusage), so a
larger N shows whether memory stays flat. Senders and receivers are drawn with a heavy tail
(a few hot wallets, many quiet ones), like exchange-heavy chain data.

--bulk times `run_bulk` (ingest --bulk) on a new, empty database instead: total seconds, the
staging part (reading, quarantine, CSV) and the rest (neo4j-admin import, restart, schema),
transfers/s, and the peak RSS of this process and of the staging process.

--prefill P loads P other transfers between the same wallets through `run_bulk` first (a new
database), then times the merge path of the N new ones into that graph; --rerun then times the
same N again, which must create nothing (one JSON line per timed run, `created` included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import based58

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local import LocalNeo4j
from graph.local.importer import store_dirs
from graph.maintenance import clear_data
from ingest.bulk.run import BulkInput, run_bulk
from ingest.runner import run_ingest
from scamgraph.settings import Settings, load_settings

USDT_TRON = {"symbol": "USDT", "address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "decimals": 6,
             "name": "Tether USD"}
USDT_ETH = "0xdac17f958d2ee523a2206206994597c13d831ec7"
PAGE = 200


def _addresses(fmt: str, count: int, rng: random.Random) -> list[str]:
    if fmt == "trongrid":
        return [based58.b58encode_check(b"\x41" + rng.randbytes(20)).decode()
                for _ in range(count)]
    return ["0x" + rng.randbytes(20).hex() for _ in range(count)]


def _pairs(n: int, pool: list[str], rng: random.Random) -> Iterator[tuple[int, str, str, int]]:
    """(i, from, to, value): a heavy tail, since rng.random()**3 favours low indices."""
    size = len(pool)
    for i in range(n):
        a, b = int(size * rng.random() ** 3), int(size * rng.random())
        yield i, pool[a], pool[b if b != a else (a + 1) % size], rng.randrange(1, 10**12)


def generate(path: Path, fmt: str, n: int, wallets: int, seed: int = 7, start: int = 0) -> None:
    """Stream N transfers to `path` in `fmt`, numbered from `start` (a later batch of the same
    wallets draws its pairs from its own seed); memory is the address pool only."""
    rng = random.Random(seed)
    pool = _addresses(fmt, wallets, rng)
    if start:
        rng = random.Random(seed + start)
    base_ms = 1_700_000_000_000
    with path.open("w", encoding="utf-8") as out:
        page: list[dict[str, object]] = []
        for i, src, dst, value in _pairs(n, pool, rng):
            i += start
            tx = f"{i:064x}"
            if fmt == "ethereum-etl":
                out.write(json.dumps({
                    "type": "token_transfer", "token_address": USDT_ETH, "from_address": src,
                    "to_address": dst, "value": value, "transaction_hash": "0x" + tx,
                    "log_index": i % 7, "block_number": 17_000_000 + i // 200,
                    "block_timestamp": base_ms // 1000 + i}) + "\n")
                continue
            page.append({"transaction_id": tx, "token_info": USDT_TRON,
                         "block_timestamp": base_ms + i * 1000, "from": src, "to": dst,
                         "type": "Transfer", "value": str(value)})
            if len(page) == PAGE:
                out.write(json.dumps({"data": page, "success": True, "meta": {}}) + "\n")
                page = []
        if page:
            out.write(json.dumps({"data": page, "success": True, "meta": {}}) + "\n")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s(pid: int | None = None) -> float:
    """CPU seconds (user + system) of this process, or of `pid` from /proc."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(home=Path(args.home), neo4j_uri="", neo4j_password="",
                         local_bolt_port=args.port, local_http_port=0, batch_size=args.batch_size,
                         local_heap=args.heap, local_pagecache=args.pagecache,
                         query_timeout_s=300)


def _children_peak_mb(stop: threading.Event, peak: list[float]) -> None:
    """Poll the peak RSS (VmHWM) of this process's Python children: the staging process."""
    me = str(os.getpid())
    while not stop.wait(0.25):
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
                cmdline = (status.parent / "cmdline").read_bytes()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == me and b"multiprocessing" in cmdline:
                peak[0] = max(peak[0], int(fields["VmHWM"].split()[0]) / 1024)


def _bulk(settings: Settings, fmt: str, path: Path) -> dict[str, object]:
    """Time `run_bulk` on a new, empty database (a first load), with the moment the importer
    took over. The old store is deleted rather than cleared: clearing leaves transaction logs
    whose checkpoint would slow the server's stop inside the timed run."""
    server = LocalNeo4j(settings)
    server.stop()
    for store in store_dirs(server):
        shutil.rmtree(store, ignore_errors=True)
    server.start()
    with open_graph(settings, start_local=False) as graph:
        migrate.migrate(graph)
    marks: dict[str, float] = {}

    def progress(phase: str, done: int, quarantined: int = 0) -> None:
        marks.setdefault(phase, time.monotonic())

    stop, staging_peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_children_peak_mb, args=(stop, staging_peak), daemon=True)
    sampler.start()
    began = time.monotonic()
    [summary] = run_bulk(settings, [BulkInput(fmt, str(path))], progress=progress)
    seconds = time.monotonic() - began
    stop.set()
    staged_s = marks.get("import", began) - began
    return {"mode": "bulk", "read": summary.read, "written": summary.written,
            "created": summary.created, "total_s": round(seconds, 2),
            "stage_s": round(staged_s, 2), "import_and_restart_s": round(seconds - staged_s, 2),
            "transfers_per_s": round(summary.read / seconds), "peak_rss_mb": round(_rss_mb(), 1),
            "staging_peak_rss_mb": round(staging_peak[0], 1)}


def _timed_merge(graph: Graph | None, server: int | None, args: argparse.Namespace,
                 settings: Settings, path: Path, label: str) -> dict[str, object]:
    """One timed `run_ingest` (the merge path), with this process's and the server's CPU."""
    cpu_py, cpu_db = _cpu_s(), _cpu_s(server) if server else 0.0
    began = time.monotonic()
    summary = run_ingest(graph, args.format, path, settings=settings, dry_run=args.dry_run)
    seconds = time.monotonic() - began
    cpu_py, cpu_db = _cpu_s() - cpu_py, (_cpu_s(server) - cpu_db) if server else 0.0
    return {
        "run": label, "format": args.format, "n": args.n, "prefill": args.prefill,
        "batch_size": args.batch_size, "wallets": args.wallets, "dry_run": args.dry_run,
        "written": summary.written, "created": summary.created,
        "file_mb": round(path.stat().st_size / 2**20, 1), "ingest_s": round(seconds, 2),
        "transfers_per_s": round(summary.read / seconds),
        "python_us_per_transfer": round(cpu_py / summary.read * 1e6, 1),
        "neo4j_us_per_transfer": round(cpu_db / summary.read * 1e6, 1),
        "peak_rss_mb_after": round(_rss_mb(), 1), "load_avg_1m": os.getloadavg()[0],
    }


def _prefill(settings: Settings, args: argparse.Namespace) -> dict[str, object]:
    """A graph that already holds `args.prefill` transfers between the same wallets (bulk)."""
    path = Path(args.home) / f"prefill-{args.format}-{args.prefill}.jsonl"
    generate(path, args.format, args.prefill, args.wallets)
    report = _bulk(settings, args.format, path)
    path.unlink()
    return {"run": "prefill", "n": args.prefill, **report}


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--format", choices=("trongrid", "ethereum-etl"), default="trongrid")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--wallets", type=int, default=50_000)
    parser.add_argument("--home", default="/tmp/sgbench-ingest-core")
    parser.add_argument("--port", type=int, default=17702)
    parser.add_argument("--heap", default="1g", help="JVM heap of the benchmark's Neo4j")
    parser.add_argument("--pagecache", default="512m", help="page cache of the benchmark's Neo4j")
    parser.add_argument("--dry-run", action="store_true", help="read and validate only")
    parser.add_argument("--bulk", action="store_true",
                        help="a bulk first load (ingest --bulk) instead of MERGE batches")
    parser.add_argument("--prefill", type=int, default=0,
                        help="bulk-load this many other transfers first, then merge N into them")
    parser.add_argument("--rerun", action="store_true", help="then merge the same N again")
    parser.add_argument("--keep-file", help="write the input here and keep it")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    settings = _settings(args)
    path = Path(args.keep_file or Path(args.home) / f"bench-{args.format}-{args.n}.jsonl")
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.prefill and not args.dry_run:
        print(json.dumps(_prefill(settings, args)), flush=True)
    began = time.monotonic()
    generate(path, args.format, args.n, args.wallets, start=args.prefill)
    generated_s = time.monotonic() - began
    if args.bulk:
        report = _bulk(settings, args.format, path)
        print(json.dumps({"format": args.format, "n": args.n, "wallets": args.wallets,
                          "file_mb": round(path.stat().st_size / 2**20, 1),
                          "generate_s": round(generated_s, 1), **report,
                          "load_avg_1m": os.getloadavg()[0]}))
    else:
        _merges(settings, args, path)
    if not args.keep_file:
        path.unlink()


def _merges(settings: Settings, args: argparse.Namespace, path: Path) -> None:
    """The timed merge run (into an emptied graph unless prefilled), and the re-run if asked."""
    graph, server = None, None
    if not args.dry_run:
        LocalNeo4j(settings).start()
        server = LocalNeo4j(settings).pid()
        graph = open_graph(settings, start_local=False)
        migrate.migrate(graph)
        if not args.prefill:
            clear_data(graph)
    try:
        print(json.dumps(_timed_merge(graph, server, args, settings, path, "merge")), flush=True)
        if args.rerun:
            print(json.dumps(_timed_merge(graph, server, args, settings, path, "rerun")))
    finally:
        if graph is not None:
            graph.close()


if __name__ == "__main__":
    main()
