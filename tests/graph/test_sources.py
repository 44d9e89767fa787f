"""Sources, ingest runs (paged, newest first) and per-source freshness."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import ingest_runs, source_freshness, sources
from tests.graph.scenario import day

RUNS = [
    # id, source, status, started, ended
    ("ofac-1", "ofac", "succeeded", day("2024-06-01T00:00"), day("2024-06-01T00:10")),
    ("ofac-2", "ofac", "failed", day("2024-06-02T00:00"), day("2024-06-02T00:01")),
    ("gs-1", "gs", "running", day("2024-06-02T12:00"), None),
]


@pytest.fixture
def runs(graph: Graph) -> Graph:
    graph.driver.execute_query(
        "UNWIND $sources AS s CREATE (:Source {id: s[0], name: s[1], format: s[2], url: s[3]}) "
        "WITH count(*) AS _ UNWIND $runs AS r MATCH (s:Source {id: r[1]}) "
        "CREATE (:IngestRun {id: r[0], source_id: r[1], status: r[2], started_at: r[3], "
        "ended_at: r[4], read: 10, written: 9, quarantined: 1, format: s.format})"
        "-[:FROM_SOURCE]->(s)",
        {"sources": [["ofac", "OFAC SDN", "ofac-sdn-csv", "https://ofac.example/sdn.csv"],
                     ["gs", "GraphSense", "graphsense-tagpack", None],
                     ["empty", "Never run", "ftm", None]],
         "runs": [list(r) for r in RUNS]},
        database_=graph.database)
    return graph


def test_sources(runs: Graph) -> None:
    assert [(s.id, s.format) for s in sources(runs)] == [
        ("empty", "ftm"), ("gs", "graphsense-tagpack"), ("ofac", "ofac-sdn-csv")]


def test_runs_newest_first_and_paged(runs: Graph) -> None:
    page = ingest_runs(runs, first=2)
    assert [r.id for r in page.runs] == ["gs-1", "ofac-2"] and page.has_next_page
    rest = ingest_runs(runs, first=2, after=page.end_cursor)
    assert [r.id for r in rest.runs] == ["ofac-1"] and not rest.has_next_page
    first = rest.runs[0]
    assert (first.status, first.read, first.written, first.quarantined, first.ended_at) == (
        "succeeded", 10, 9, 1, day("2024-06-01T00:10"))
    assert [r.id for r in ingest_runs(runs, source_id="ofac").runs] == ["ofac-2", "ofac-1"]


def test_freshness(runs: Graph) -> None:
    fresh = {f.source.id: f for f in source_freshness(runs, now=day("2024-06-03T00:10"))}
    ofac = fresh["ofac"]
    # Last success ended 2024-06-01 00:10: two days (172800 s) before `now`.
    assert (ofac.last_success_at, ofac.last_run_at, ofac.last_status, ofac.age_s) == (
        day("2024-06-01T00:10"), day("2024-06-02T00:00"), "failed", 172800.0)
    gs = fresh["gs"]
    assert (gs.last_success_at, gs.last_status, gs.age_s) == (None, "running", None)
    empty = fresh["empty"]
    assert (empty.last_run_at, empty.last_status, empty.age_s) == (None, None, None)
