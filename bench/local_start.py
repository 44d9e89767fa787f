"""Time the local Neo4j: cold start (empty jar cache: download + first start) and warm starts.

    .venv/bin/python bench/local_start.py [--cold] [--runs 3]

Cold uses a throw-away HOME so nothing cached is reused; it downloads ~156 MB from Maven Central.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.local.ports import free_port


def _timed(env: dict[str, str], *args: str) -> float:
    began = time.monotonic()
    subprocess.run([sys.executable, "-m", "scamgraph", *args], env=env, check=True,
                   capture_output=True)
    return time.monotonic() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SCAMGRAPH_HOME": str(Path(tmp) / "state"),
               "SCAMGRAPH_LOCAL_BOLT_PORT": str(free_port()),
               "SCAMGRAPH_LOCAL_HTTP_PORT": str(free_port()), "SCAMGRAPH_NEO4J_URI": ""}
        if opts.cold:
            env["HOME"] = tmp
            print(f"cold start (download + init): {_timed(env, 'db', 'start'):.1f}s")
            _timed(env, "db", "stop")
        warm = []
        for _ in range(opts.runs):
            warm.append(_timed(env, "db", "start"))
            _timed(env, "db", "stop")
        print(f"warm start: median {statistics.median(warm):.1f}s over {opts.runs} "
              f"(min {min(warm):.1f}s, max {max(warm):.1f}s)")


if __name__ == "__main__":
    main()
