"""Generation and load rates of the synthetic scenario.

    .venv/bin/python bench/generate_load.py [--scale 100000] [--seed 7] [--out DIR]
        [--home /tmp/sgbench-generator --port 17751] [--no-load] [--keep]

The database lives in its own state directory (--home; emptied first, stopped after if the
bench started it), never the test instance's, whose clean-up would then have to delete it.

Times `synth.generate` (transfers/s written, peak RSS: it should stay flat as the scale
grows), then empties the database of a local Neo4j in its own state directory and times
`synth.load.load_scenario` (every file through the ordinary ingest runner), reporting
transfers/s with the batch size. Prints one JSON line at the end.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_graph import local_graph
from graph.maintenance import clear_data
from scamgraph.settings import load_settings
from synth import generate
from synth.load import load_scenario


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_load(out: Path, home: Path, port: int) -> dict[str, Any]:
    settings = load_settings(home=home, neo4j_uri="", local_bolt_port=port, local_http_port=0)
    with local_graph(settings) as graph:
        clear_data(graph)
        began = time.monotonic()
        report = load_scenario(graph, out, settings)
        seconds = time.monotonic() - began
    return {"load_seconds": round(seconds, 2), "records": report.records,
            "quarantined": report.quarantined, "batch_size": settings.batch_size,
            "load_rate": round(report.records / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--home", type=Path, default=Path("/tmp/sgbench-generator"))
    parser.add_argument("--port", type=int, default=17751)
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--keep", action="store_true", help="Keep the generated files.")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="sgbench-synth-")) / "scenario"
    rss_before = peak_rss_mb()
    summary = generate(out, args.scale, args.seed, force=True)
    result: dict[str, Any] = {
        "scale": args.scale, "transfers": sum(summary.transfers.values()),
        "files": len(summary.files), "generate_seconds": round(summary.seconds, 2),
        "generate_rate": round(summary.rate), "bytes": sum(f.bytes for f in summary.files),
        "peak_rss_mb_before": round(rss_before), "peak_rss_mb_after": round(peak_rss_mb())}
    print(f"generated {result['transfers']:,} transfers in {summary.seconds:.1f}s "
          f"({summary.rate:,.0f}/s), peak RSS {result['peak_rss_mb_after']} MB", file=sys.stderr)
    if not args.no_load:
        result.update(run_load(out, args.home, args.port))
        print(f"loaded {result['records']:,} records in {result['load_seconds']}s "
              f"({result['load_rate']:,}/s)", file=sys.stderr)
    if not args.keep and not args.out:
        shutil.rmtree(out.parent, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
