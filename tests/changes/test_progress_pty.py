"""`scamgraph ingest` in a terminal (a pty): the bar shows bytes of the file's size, an ETA,
records/s, and the JSON summary lands on a line of its own. A dry run: no database needed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ADDRESS = "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _terminal_run(args: list[str], env: dict[str, str], limit_s: float = 120) -> str:
    """Run with stdout and stderr on a pty; everything the terminal was sent."""
    leader, follower = os.openpty()
    proc = subprocess.Popen(args, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL,
                            env=env)
    os.close(follower)
    out = bytearray()
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the pty
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    os.close(leader)
    assert proc.returncode == 0, out.decode(errors="replace")[-2000:]
    return out.decode(errors="replace")


def test_terminal_progress_has_a_total_and_an_eta(tmp_path: Path) -> None:
    big = tmp_path / "addresses.txt"
    big.write_text("".join(f"{ADDRESS}\n" for _ in range(400_000)))
    env = {**os.environ, "SCAMGRAPH_HOME": str(tmp_path / "home"), "COLUMNS": "200",
           "TERM": "xterm"}
    text = _terminal_run([sys.executable, "-m", "scamgraph", "ingest", "ofac-list",
                          "--dry-run", "-o", "asset=TRX", str(big)], env)
    screens = ANSI.sub("", text).replace("\r", "\n")
    size_mb = f"{big.stat().st_size / 1e6:.1f}"
    assert re.search(rf"/{re.escape(size_mb)} MB", screens), screens[-1500:]
    assert re.search(r"ETA \d+:\d\d:\d\d", screens), screens[-1500:]
    assert re.search(r"[\d,]+ records, [\d,]+/s", screens), screens[-1500:]
    # Every line but the first repeats one address: the duplicates show as quarantined so far.
    assert re.search(r"[1-9][\d,]* quarantined", screens), screens[-1500:]
    summaries = [line for line in screens.splitlines() if line.startswith("{")]
    assert len(summaries) == 1, screens[-1500:]
    summary = json.loads(summaries[0])
    assert (summary["status"], summary["source"]) == ("dry-run", str(big))
