"""A run whose process dies is marked "abandoned" by the next start, not left "running".

A real `scamgraph ingest` subprocess ingests a big generated list, beating every 4 s; it
is SIGKILLed mid-run. While it lived the sweep left it alone; once it has been silent for
3 heartbeats, the next ingest's start marks it abandoned, ended at its last heartbeat, and
ingestRuns and sourceFreshness say so.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from graph.db import Graph, native
from graph.investigate.sources import ingest_runs, source_freshness
from ingest.heartbeat import abandon_stale
from ingest.runner import run_ingest
from jobs.scheduler import JobRunner
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES

# 3 missed beats make a run stale. A live run's beat is late by seconds, not by a share of its
# interval, while the ingest keeps both cores busy (measured at 2 s: gaps up to 7.2 s, beats
# taking up to 3.9 s; CI once saw a 2 s beat silent past 6 s). 4 s leaves 12 s.
BEAT_S = 4.0


def _start_ingest(settings: Settings, path: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SCAMGRAPH_HOME": str(settings.home),
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
           "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_NEO4J_URI": "",
           "SCAMGRAPH_RUN_HEARTBEAT_S": str(BEAT_S)}
    cmd = [sys.executable, "-m", "scamgraph", "ingest", "ofac-list", str(path), "-o", "asset=ETH"]
    with log.open("wb") as err:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)


def _run(graph: Graph, source_id: str) -> dict[str, Any] | None:
    rows = graph.read("investigations/ingest_runs",
                      {"source_id": source_id, "skip": 0, "limit": 1})
    return native(rows[0]["run"]) if rows else None


def _wait_beating(graph: Graph, source_id: str, proc: subprocess.Popen[bytes],
                  log: Path) -> dict[str, Any]:
    """The subprocess's run once it has lived past the stale limit (so a sweep by start time
    would take it) and has just beaten (bounded: 180 s). Waiting for a fresh beat rather than
    for a fixed time keeps a loaded machine's late beat from failing the test."""
    end = time.monotonic() + 180
    while time.monotonic() < end:
        assert proc.poll() is None, log.read_text()
        run = _run(graph, source_id)
        if run and run["status"] == "running" and run["heartbeat_at"] > run["started_at"]:
            now = datetime.now(UTC)
            lived = now - run["started_at"] > timedelta(seconds=3 * BEAT_S * 1.5)
            if lived and now - run["heartbeat_at"] < timedelta(seconds=BEAT_S / 2):
                return run
        time.sleep(0.1)
    raise AssertionError("the ingest never beat past the stale limit")


def test_a_killed_ingest_is_marked_abandoned_by_the_next_start(
        graph: Graph, tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "sanctioned_addresses_ETH.txt"
    path.write_text("".join(f"0x{n:040x}\n" for n in range(1, 1_500_001)), encoding="ascii")
    source_id = f"ofac-list:{path.name}"
    log = tmp_path / "ingest.stderr"
    proc = _start_ingest(settings, path, log)
    try:
        _wait_beating(graph, source_id, proc, log)
        assert abandon_stale(graph, settings.run_heartbeat_s) == []  # alive: left alone
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    killed = _run(graph, source_id)
    assert killed is not None and killed["status"] == "running"  # nobody wrote its end
    time.sleep(3 * BEAT_S + 0.5)
    run_ingest(graph, "ofac-list", FIXTURES / "sanctioned_addresses_TRX.txt",
               settings=settings, options={"asset": "TRX"})  # the next start sweeps
    after = _run(graph, source_id)
    assert after is not None and after["status"] == "abandoned"
    assert after["ended_at"] == after["heartbeat_at"] >= killed["heartbeat_at"]
    assert "no heartbeat since" in after["error"]
    [page_run] = [r for r in ingest_runs(graph, first=10).runs if r.source_id == source_id]
    assert page_run.status == "abandoned" and page_run.ended_at is not None
    [fresh] = [f for f in source_freshness(graph) if f.source.id == source_id]
    assert (fresh.last_status, fresh.last_success_at) == ("abandoned", None)


def test_each_run_is_judged_by_the_heartbeat_interval_it_recorded(
        graph: Graph) -> None:
    graph.write("ingest/source", {"id": "old:x", "name": "x", "format": "ofac-list", "url": None})
    for run_id, every_s in (("no-interval", None), ("slow-beat", 60.0), ("fast-beat", 0.1)):
        graph.write("ingest/run_start", {
            "id": run_id, "source_id": "old:x", "heartbeat_s": every_s,
            "props": {"status": "running", "source_id": "old:x", "started_at": None}})
    time.sleep(0.6)
    # Silent 0.6 s: dead at 3 x 0.1 s (its own, or the default for a run without one),
    # alive at 3 x 60 s.
    assert sorted(abandon_stale(graph, 0.1)) == ["fast-beat", "no-interval"]
    assert abandon_stale(graph, 0.1) == []  # done once


def test_a_scheduler_start_marks_runs_left_running(graph: Graph, settings: Settings) -> None:
    graph.write("ingest/source", {"id": "old:y", "name": "y", "format": "ofac-list", "url": None})
    graph.write("ingest/run_start", {"id": "crashed", "source_id": "old:y", "heartbeat_s": 0.1,
                                     "props": {"status": "running", "source_id": "old:y"}})
    time.sleep(0.6)
    JobRunner(graph, settings)
    run = _run(graph, "old:y")
    assert run is not None and run["status"] == "abandoned"
