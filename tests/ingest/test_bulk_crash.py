"""A bulk load killed (SIGKILL) at each step of its store swap, then `scamgraph db start`.

Each case runs the real CLI (`scamgraph ingest ethereum-etl --bulk`) against the second Neo4j
of test_bulk.py, stopped at one journaled step by the test hook SCAMGRAPH_BULK_PAUSE_AT, and
kills it there; the recovery that `db start` runs must leave one of the two consistent graphs:
the old one, or the one an uninterrupted load gives. Both are compared by counts (labels,
relationship types, constraints, indexes) and a fingerprint of every node and transfer, with
the old bookkeeping's properties (zoned datetimes with nanoseconds among them) in full.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local.journal import PAUSE_ENV, BulkJournal, process_started
from graph.maintenance import clear_data
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, rows
from tests.ingest.test_bulk import bulk_settings  # noqa: F401  (the fixture)

ETH = fixture("ethereum-etl/usdt_17173049_17173050.token_transfers.jsonl")
# Bookkeeping with fixed values: the old graph is the same after every reset.
OLD_BOOKKEEPING = """
CREATE (s:Source {id: 'earlier:source', name: 'earlier', format: 'ftm'})
CREATE (r:IngestRun {id: 'earlier-run', source_id: 'earlier:source', status: 'succeeded',
  mode: 'merge', read: 3, started_at: datetime('2024-05-06T07:08:09.123456789Z'),
  ended_at: datetime('2024-05-06T07:08:10.5+02:00')})-[:FROM_SOURCE]->(s)
CREATE (:Investigation {id: 'inv-1', name: 'case', data: '{"nodes": ["a"]}',
  created_by: 'analyst', created_at: datetime('2023-01-02T03:04:05.000000001[Europe/Berlin]')})
CREATE (:JobState {name: 'ofac-sdn', etag: 'W/"1"', updated_at: datetime('2024-01-01T00:00Z'),
  day: date('2024-01-01'), every: duration('PT6H'), tags: ['a', 'b']})
"""


def _reset(settings: Settings) -> None:
    """The old graph: migrated, no data, the fixed bookkeeping above."""
    with open_graph(settings) as graph:
        migrate.migrate(graph)
        clear_data(graph)
        graph.driver.execute_query(OLD_BOOKKEEPING, database_=graph.database)


def _state(settings: Settings) -> dict[str, Any]:
    """Counts and a fingerprint of the whole graph (the new load's run by its counts only).
    A generous budget: a server just started on a busy machine answers slowly."""
    patient = settings.model_copy(update={"query_timeout_s": 300.0})
    with open_graph(patient, start_local=False) as graph:
        lines = _lines(graph)
        return {"counts": counts(graph), "schema": _schema(graph), "lines": lines,
                "fingerprint": hashlib.sha256("\n".join(lines).encode()).hexdigest()}


def _schema(graph: Graph) -> dict[str, int]:
    found = rows(graph, "SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")[0]["n"]
    indexes = rows(graph, "SHOW INDEXES YIELD name RETURN count(*) AS n")[0]["n"]
    return {"constraints": found, "indexes": indexes}


# Every property as Neo4j spells it (type and toString): the driver reads `Z` and `[UTC]`
# alike, and a carry-over that turned one into the other would pass a Python comparison.
EXACT_NODES = ("MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) | [k, valueType(n[k]), "
               "CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN n[k] "
               "ELSE toString(n[k]) END]] AS p")


def _lines(graph: Graph) -> list[str]:
    """One line per node (labels, exact properties) and per link, sorted: a mismatch shows
    the node and field that differ."""
    links = rows(graph, "MATCH (a)-[r]->(b) RETURN type(r) AS t, r.id AS id, "
                        "coalesce(a.id, a.name) AS a, coalesce(b.id, b.name) AS b")
    keep = ("id", "source_id", "status", "mode", "read", "written", "quarantined")
    lines = []
    for row in rows(graph, EXACT_NODES):
        p = {k: (t, v) for k, t, v in row["p"]}
        if "Wallet" in row["labels"] or "SchemaMigration" in row["labels"]:
            p = {k: p.get(k) for k in ("id", "version", "name", "checksum")}  # times of the run
        elif "IngestRun" in row["labels"] and p.get("mode", ("", ""))[1] == "bulk":
            p = {k: p.get(k) for k in keep if k != "id"}  # this load's run: a fresh id
        lines.append(repr((sorted(row["labels"]), sorted(p.items()))))
    lines += [repr(sorted(r.items())) for r in links if r["t"] != "FROM_SOURCE"]
    return sorted(lines)


def _env(settings: Settings, pause: str | None) -> dict[str, str]:
    env = {**os.environ, "SCAMGRAPH_HOME": str(settings.home),
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
           "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_NEO4J_URI": "",
           "SCAMGRAPH_QUERY_TIMEOUT_S": str(settings.query_timeout_s)}
    env.pop(PAUSE_ENV, None)
    return {**env, PAUSE_ENV: pause} if pause else env


def _bulk(settings: Settings, pause: str | None) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "scamgraph", "ingest", "ethereum-etl", "--bulk", str(ETH)]
    return subprocess.Popen(cmd, env=_env(settings, pause), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _db_start(settings: Settings) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "scamgraph", "db", "start"]
    return subprocess.run(cmd, env=_env(settings, None), capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def states(bulk_settings: Settings) -> Iterator[dict[str, dict[str, Any]]]:  # noqa: F811
    """The two consistent graphs: before, and after an uninterrupted CLI bulk load."""
    _reset(bulk_settings)
    old = _state(bulk_settings)
    done = _bulk(bulk_settings, None)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err.decode()
    new = _state(bulk_settings)
    # The old bookkeeping survives the load exactly (a `Z` datetime stays an offset).
    assert not set(old["lines"]) - set(new["lines"])
    yield {"old": old, "new": new}


def _pause_at(settings: Settings, step: str) -> tuple[subprocess.Popen[bytes], list[int]]:
    """The bulk CLI run to `step` and waiting there; the importer as the journal names it,
    [] if none was running."""
    marker = BulkJournal(settings.local_home).pause_marker
    marker.unlink(missing_ok=True)
    proc = _bulk(settings, step)
    deadline = time.monotonic() + 180
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if not marker.exists():
        proc.kill()
        pytest.fail(f"the bulk load did not reach {step!r}: {proc.communicate()[1].decode()}")
    assert marker.read_text().split() == [step, str(proc.pid)]
    entry = BulkJournal(settings.local_home).read()
    assert entry is not None and entry.step == step
    return proc, entry.importer


def _kill(proc: subprocess.Popen[bytes], importer: list[int], *, importer_too: bool) -> None:
    proc.kill()  # SIGKILL
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if importer_too and importer:
        os.kill(importer[0], signal.SIGKILL)


def _recovered(settings: Settings, step: str, importer: list[int], expected: str,
               consistent: dict[str, dict[str, Any]]) -> None:
    """`db start` after a kill at `step` recovers to the `expected` graph and cleans up."""
    began = time.monotonic()
    out = _db_start(settings)
    took = time.monotonic() - began
    assert out.returncode == 0, out.stderr
    word = {"old": "put the old store back", "new": "completed the load"}[expected]
    assert f"died at step '{step}'; recovery {word}" in out.stderr
    print(f"\nkill matrix: {step} -> {expected} (db start with recovery {took:.1f}s)")
    if importer:
        assert process_started(importer[0]) != importer[1], "the importer still runs"
    found = _state(settings)
    assert found["lines"] == consistent[expected]["lines"]
    assert found == consistent[expected]
    home = settings.local_home
    assert BulkJournal(home).read() is None
    assert not list((home / "data").glob(".before-import-*"))
    assert not (home / "run" / "bulk-carryover.json").exists()
    assert not any((settings.home / "staging").iterdir())


# (step, importer killed too, the graph recovery must give); the steps of the swap in order.
# By default one kill per outcome and step group (CI time); SCAMGRAPH_TEST_BULK_ALL_STEPS=1
# kills at every step. moved_aside is test_a_running_bulk_load_is_left_alone's kill.
ALL_STEPS = [
    ("staging", False, "old"),  # carry-over saved, server still up on the old store
    ("stopped", False, "old"),  # server stopped, files staged, store not yet moved
    ("importing", False, "old"),  # importer still running: recovery must kill it first
    ("importing", True, "old"),  # importer dead too: a half-written store
    ("imported", False, "new"),  # a complete store, no schema, no bookkeeping
    ("restarted", False, "new"),  # server up on it, nothing written yet
    ("carried", False, "new"),  # bookkeeping back, no constraints
    ("schema", False, "new"),  # constraints in, the load's Sources and IngestRuns not yet
    ("done", False, "new"),  # everything written, old store not yet dropped
]
GROUPS = {"staging", "importing", "imported", "carried", "schema"}
MATRIX = [case for case in ALL_STEPS
          if os.environ.get("SCAMGRAPH_TEST_BULK_ALL_STEPS") == "1" or case[0] in GROUPS]


@pytest.mark.parametrize(("step", "importer_too", "expected"), MATRIX,
                         ids=[f"{s}{'+importer' if i else ''}" for s, i, _ in MATRIX])
def test_killed_bulk_load_is_completed_or_undone(
        bulk_settings: Settings, states: dict[str, dict[str, Any]],  # noqa: F811
        step: str, importer_too: bool, expected: str) -> None:
    _reset(bulk_settings)
    # The old graph as of now (the reference new one is from the module's start).
    consistent = {**states, "old": _state(bulk_settings)}
    proc, importer = _pause_at(bulk_settings, step)
    _kill(proc, importer, importer_too=importer_too)
    _recovered(bulk_settings, step, importer, expected, consistent)


def test_a_running_bulk_load_is_left_alone(bulk_settings: Settings,  # noqa: F811
                                           states: dict[str, dict[str, Any]]) -> None:
    """While the bulk process lives, a start refuses rather than recovering under it; once
    it is killed (old store moved aside, nothing imported) the next start puts it back."""
    _reset(bulk_settings)
    consistent = {**states, "old": _state(bulk_settings)}
    proc, importer = _pause_at(bulk_settings, "moved_aside")
    try:
        out = _db_start(bulk_settings)
        assert out.returncode != 0 and f"a bulk load (pid {proc.pid})" in out.stderr
        assert BulkJournal(bulk_settings.local_home).read() is not None  # left alone
    finally:
        _kill(proc, importer, importer_too=False)
    _recovered(bulk_settings, "moved_aside", importer, "old", consistent)

