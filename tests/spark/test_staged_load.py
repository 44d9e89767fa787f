"""A directory `spark stage` wrote, loaded by `scamgraph ingest --bulk --staged DIR` into a
second real Neo4j, is the graph the merge path builds from the same files (the bulk tests'
equivalence, tests/ingest/bulk_helpers.py), with each file's Source, IngestRun and quarantine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local import LocalNeo4j
from graph.local.ports import free_port
from graph.maintenance import clear_data
from ingest.runner import run_ingest
from scamgraph.settings import Settings
from spark.stage import stage
from tests.ingest.bulk_helpers import bad_page, odd_trongrid, snapshot
from tests.ingest.helpers import counts, fixture, rows
from tests.ingest.test_cli_and_sources import _cli


@pytest.fixture(scope="module")
def bulk_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[Settings]:
    other = settings.model_copy(update={
        "home": tmp_path_factory.mktemp("staged-state"), "local_bolt_port": free_port(),
        "query_timeout_s": 120.0})
    graph = open_graph(other)
    migrate.migrate(graph)
    clear_data(graph)
    graph.close()
    yield other
    LocalNeo4j(other).stop()


def test_staged_directory_loads_as_the_merge_path_graph(
        spark: SparkSession, graph: Graph, settings: Settings, bulk_settings: Settings,
        tmp_path: Path) -> None:
    # The odd symbols need the multiline parser; usdt_page.json repeats transfers of the
    # odd pages (kept once, with both sources); the bad page has rejects of its own.
    paths = [odd_trongrid(tmp_path), fixture("trongrid/usdt_page.json"), bad_page(tmp_path)]
    for path in paths:
        run_ingest(graph, "trongrid", path, settings=settings)
    out = tmp_path / "staged"
    staged = stage(spark, "trongrid", [str(p) for p in paths], out, part_bytes=1000)
    done = _cli(bulk_settings, "--bulk", "--staged", str(out))
    assert done.returncode == 0, done.stderr.decode()
    summaries = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [(s["mode"], s["status"], s["read"], s["written"], s["quarantined"])
            for s in summaries] == [("bulk", "succeeded", i.read, i.written, i.quarantined)
                                    for i in staged.inputs]
    assert [s["written"] for s in summaries] == [5, 0, 3]  # the json page: repeats only
    loaded = open_graph(bulk_settings, start_local=False)
    try:
        assert counts(loaded, data_only=True) == counts(graph, data_only=True)
        assert snapshot(loaded) == snapshot(graph)
        runs = rows(loaded, "MATCH (r:IngestRun)-[:FROM_SOURCE]->(s:Source) RETURN s.id AS "
                            "source, r.quarantined AS q, r.quarantine AS path ORDER BY source")
    finally:
        loaded.close()
    assert [(r["source"], r["q"]) for r in runs] == sorted(
        (i.source_id, i.quarantined) for i in staged.inputs)
    for run in runs:  # the run's own copy of the staged report, every entry kept
        entries = Path(run["path"]).read_text().splitlines()
        assert len(entries) == run["q"] and all(json.loads(e)["file"] for e in entries)
