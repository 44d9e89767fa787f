"""Staging N synthetic transfers: `ingest --bulk`'s single-process staging beside `spark stage`.

    .venv/bin/python bench/spark_stage.py [--n 1000000] [--format trongrid|ethereum-etl]
        [--masters local[1],local[2]] [--wallets 50000] [--dir /tmp/sgbench-spark]

One run writes the file (bench/ingest_transfers.py's generator: heavy-tailed senders), then
times, on the same file: the bulk load's staging step alone (ingest/bulk/load.py reading and
quarantining, the staging process writing CSV and aggregating wallets; no Neo4j), and
`spark stage` once per master, each in its own process (one Spark context per JVM). For Spark
it reports the JVM start apart from the job, and the peak memory of the JVM (driver and, on a
local master, its executor threads) and of the Python workers; it checks that every staging
wrote the same number of transfer and wallet records.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest_transfers import generate
from ingest.bulk.load import Load
from ingest.bulk.worker import StagingProcess
from scamgraph.settings import load_settings


def _records(paths: list[Path]) -> int:
    """CSV records in `paths` (headers apart); multiline files are counted by the csv module."""
    import csv

    total = 0
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            total += sum(1 for _ in csv.reader(fh)) - 1
    return total


def _single(fmt: str, path: Path, work: Path) -> dict[str, object]:
    settings = load_settings(home=work / "home")
    folder = work / "single"
    folder.mkdir(parents=True)
    started = time.perf_counter()
    staging = StagingProcess(folder, datetime.now(UTC))
    load = Load(fmt, str(path), {}, settings, folder / "input-0")
    load.stage(staging, None)
    files = staging.files()
    staging.close()
    seconds = time.perf_counter() - started
    return {"what": "single process (ingest --bulk staging)", "seconds": round(seconds, 1),
            "per_s": round(load.summary.read / seconds),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "transfers": _records(files.relationships), "wallets": _records(files.nodes)}


def _processes() -> dict[int, tuple[int, bytes, float]]:
    """pid -> (parent pid, command line, peak RSS in MB) of every process."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
            cmd = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        found[int(status.parent.name)] = (int(fields.get("PPid", "0")), cmd,
                                          int(fields.get("VmHWM", "0 kB").split()[0]) / 1024)
    return found


def _tree_peaks(root: int, stop: threading.Event, peaks: dict[str, float]) -> None:
    """Peak RSS of the JVM below `root` (driver, and a local master's executor threads) and
    of the largest Python worker below it (another engineer's Spark is not counted)."""
    while not stop.wait(0.5):
        procs = _processes()
        below, grew = {root}, True
        while grew:
            more = {pid for pid, (ppid, _, _) in procs.items() if ppid in below} - below
            below, grew = below | more, bool(more)
        for pid in below - {root}:
            if pid not in procs:
                continue
            _, cmd, mb = procs[pid]
            java = cmd.split(b"\0")[0].endswith(b"java")
            kind = "jvm_peak_mb" if java else "python_worker_peak_mb"
            peaks[kind] = max(peaks.get(kind, 0.0), mb)


def _spark(fmt: str, path: Path, work: Path, master: str) -> dict[str, object]:
    out = work / f"spark-{master.replace('[', '').replace(']', '')}"
    proc = subprocess.Popen([sys.executable, __file__, "--child", master, "--format", fmt,
                             "--file", str(path), "--dir", str(out)], stdout=subprocess.PIPE)
    stop, peaks = threading.Event(), dict[str, float]()
    poller = threading.Thread(target=_tree_peaks, args=(proc.pid, stop, peaks), daemon=True)
    poller.start()
    stdout, _ = proc.communicate()
    stop.set()
    poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"spark stage on {master} failed")
    result: dict[str, object] = json.loads(stdout.decode().splitlines()[-1])
    return {**result, **{k: round(v) for k, v in peaks.items()}}


def _child(master: str, fmt: str, path: Path, out: Path) -> None:
    """One `spark stage` in this process: JVM start and job timed apart."""
    from spark.session import spark_session
    from spark.stage import stage

    started = time.perf_counter()
    session = spark_session(master)
    ready = time.perf_counter()
    staged = stage(session, fmt, [str(path)], out)
    done = time.perf_counter()
    read = staged.inputs[0].read
    print(json.dumps({"what": f"spark stage {master}", "jvm_start_s": round(ready - started, 1),
                      "seconds": round(done - ready, 1), "per_s": round(read / (done - ready)),
                      "transfers": _records([out / n for n in staged.relationships]),
                      "wallets": _records([out / n for n in staged.nodes])}))
    session.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--format", choices=("trongrid", "ethereum-etl"), default="trongrid")
    parser.add_argument("--masters", default="local[1],local[2]")
    parser.add_argument("--wallets", type=int, default=50_000)
    parser.add_argument("--dir", default="/tmp/sgbench-spark")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.format, Path(args.file), Path(args.dir))
        return
    work = Path(args.dir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    path = work / f"transfers-{args.n}.jsonl"
    generate(path, args.format, args.n, args.wallets)
    print(json.dumps({"n": args.n, "format": args.format, "bytes": path.stat().st_size,
                      "cores": os.cpu_count(), "load_avg": os.getloadavg()}), flush=True)
    results = [_single(args.format, path, work)]
    print(json.dumps(results[-1]), flush=True)
    for master in args.masters.split(","):
        results.append(_spark(args.format, path, work, master))
        print(json.dumps(results[-1]), flush=True)
    counts = {(r["transfers"], r["wallets"]) for r in results}
    print(json.dumps({"same_counts": len(counts) == 1, "load_avg": os.getloadavg()}))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
