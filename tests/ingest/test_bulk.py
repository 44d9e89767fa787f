"""Bulk first loads (ingest --bulk) against a second real Neo4j that the tests stop and start.

The merge path (run_ingest) on the session server is the reference: a bulk load of the same
files must give the same nodes, relationships and properties.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local import LocalNeo4j
from graph.local.importer import ImportFiles, StoreSwap
from graph.local.ports import free_port
from graph.maintenance import clear_data
from ingest.bulk.run import BulkInput, run_bulk
from ingest.runner import run_ingest
from scamgraph.errors import BulkLoadError, InputError, ValidationError
from scamgraph.settings import Settings
from tests.ingest.bulk_helpers import bad_page, odd_trongrid, snapshot
from tests.ingest.helpers import counts, fixture, rows

ETH = fixture("ethereum-etl/usdt_17173049_17173050.token_transfers.jsonl")


@pytest.fixture(scope="module")
def bulk_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[Settings]:
    # A query budget for a shared, busy machine: the first queries after the bulk load's
    # restart wait for a JVM still warming up (the production default, 30 s, is unchanged).
    other = settings.model_copy(update={
        "home": tmp_path_factory.mktemp("bulk-state"), "local_bolt_port": free_port(),
        "query_timeout_s": 120.0})
    yield other
    LocalNeo4j(other).stop()


@pytest.fixture
def bulk_graph(bulk_settings: Settings) -> Iterator[Graph]:
    """The bulk server's database emptied of data (bookkeeping too), open for checks."""
    graph = open_graph(bulk_settings)
    migrate.migrate(graph)
    clear_data(graph)
    yield graph
    graph.close()


def _reopen(graph: Graph, settings: Settings) -> Graph:
    """A bulk load restarts the server: checks need a fresh driver."""
    graph.close()
    return open_graph(settings, start_local=False)


def test_bulk_load_equals_merge_load(graph: Graph, settings: Settings, bulk_graph: Graph,
                                     bulk_settings: Settings, tmp_path: Path) -> None:
    odd = odd_trongrid(tmp_path)
    merged = [run_ingest(graph, "ethereum-etl", ETH, settings=settings),
              run_ingest(graph, "trongrid", odd, settings=settings)]
    bulk = run_bulk(bulk_settings, [BulkInput("ethereum-etl", str(ETH)),
                                    BulkInput("trongrid", str(odd))])
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert [(s.read, s.written, s.quarantined, s.status, s.mode) for s in bulk] == [
        (m.read, m.written, m.quarantined, "succeeded", "bulk") for m in merged]
    assert sum(s.created for s in bulk) == sum(m.created for m in merged)
    assert counts(bulk_graph, data_only=True) == counts(graph, data_only=True)
    expected, got = snapshot(graph), snapshot(bulk_graph)
    assert got == expected
    assert {t["p"]["asset"] for t in got["transfers"]} >= {'U,S"DT', "US\nDT"}
    runs = rows(bulk_graph, "MATCH (r:IngestRun)-[:FROM_SOURCE]->(s:Source) "
                            "RETURN r.status AS status, r.mode AS mode, s.id AS source "
                            "ORDER BY source")
    assert runs == [{"status": "succeeded", "mode": "bulk", "source": s.source_id}
                    for s in sorted(bulk, key=lambda s: s.source_id)]
    constraints = rows(bulk_graph, "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
    assert {"transfer_id", "entity_id"} <= {c["name"] for c in constraints}
    migrations = rows(bulk_graph, "MATCH (m:SchemaMigration) RETURN count(m) AS n")
    assert migrations[0]["n"] == len(migrate.available())
    # Later runs merge into the bulk-loaded graph: the same file again creates nothing ...
    before = counts(bulk_graph, data_only=True)
    again = run_ingest(bulk_graph, "ethereum-etl", ETH, settings=bulk_settings)
    assert (again.created, again.updated, again.written) == (0, bulk[0].written, bulk[0].written)
    assert counts(bulk_graph, data_only=True) == before
    # ... and a second bulk load is refused, changing nothing.
    with pytest.raises(ValidationError, match="Entity:Wallet"):
        run_bulk(bulk_settings, [BulkInput("ethereum-etl", str(ETH))])
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert counts(bulk_graph, data_only=True) == before
    bulk_graph.close()


def test_duplicates_across_files_are_merged_and_quarantined(
        bulk_graph: Graph, bulk_settings: Settings, tmp_path: Path) -> None:
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(ETH.read_bytes())
    first, second = run_bulk(bulk_settings, [BulkInput("ethereum-etl", str(ETH)),
                                             BulkInput("ethereum-etl", str(copy))])
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert (first.written, first.quarantined) == (41, 0)
    assert (second.written, second.quarantined) == (0, 41)
    assert counts(bulk_graph, data_only=True)["relationship:TRANSFER"] == 41
    sources = rows(bulk_graph, "MATCH ()-[t:TRANSFER]->() RETURN DISTINCT t.sources AS s")
    assert sources == [{"s": [first.source_id, second.source_id]}]
    assert second.quarantine_path is not None
    reasons = {json.loads(line)["reason"] for line in
               second.quarantine_path.read_text().splitlines()}
    assert reasons == {"duplicate of a transfer staged earlier in this bulk load"}
    bulk_graph.close()


def _bookkeeping(graph: Graph) -> list[dict[str, Any]]:
    return rows(graph, "MATCH (n) RETURN labels(n) AS labels, n.id AS id, n.status AS status "
                       "ORDER BY id")


def test_unparseable_file_leaves_the_graph_as_it_was(
        bulk_graph: Graph, bulk_settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "garbage.jsonl"
    bad.write_text("this is not json\n")
    with pytest.raises(InputError):
        run_bulk(bulk_settings, [BulkInput("trongrid", str(bad))])
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert counts(bulk_graph, data_only=True) == {}
    runs = rows(bulk_graph, "MATCH (r:IngestRun) RETURN r.status AS status, r.error AS error")
    assert len(runs) == 1 and runs[0]["status"] == "failed" and "garbage" in runs[0]["error"]
    bulk_graph.close()


def test_failed_import_puts_the_old_store_back(
        bulk_graph: Graph, bulk_settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bulk_graph.write("ingest/source", {"id": "earlier:source", "name": "earlier",
                                       "format": "ftm", "url": None})
    before = _bookkeeping(bulk_graph)
    orphan = tmp_path / "orphan.csv"
    orphan.write_text(":START_ID,:END_ID,:TYPE\nnowhere:a,nowhere:b,TRANSFER\n")
    real = StoreSwap.run_import

    def broken(self: StoreSwap, files: ImportFiles, *, timeout_s: float) -> None:
        files = ImportFiles(files.nodes, [*files.relationships, orphan], files.multiline)
        real(self, files, timeout_s=timeout_s)

    monkeypatch.setattr(StoreSwap, "run_import", broken)
    with pytest.raises(BulkLoadError, match="bulk import failed"):
        run_bulk(bulk_settings, [BulkInput("ethereum-etl", str(ETH))])
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert counts(bulk_graph, data_only=True) == {}
    after = _bookkeeping(bulk_graph)
    added = [row for row in after if row not in before]
    assert len(after) == len(before) + 2, "everything kept, plus the failed run and its Source"
    assert sorted((row["labels"][0], row["status"]) for row in added) == [
        ("IngestRun", "failed"), ("Source", None)]
    assert LocalNeo4j(bulk_settings).status().running
    bulk_graph.close()


def test_what_a_bulk_load_refuses(settings: Settings) -> None:
    remote = settings.model_copy(update={"neo4j_uri": "bolt://example.org:7687"})
    with pytest.raises(ValidationError, match="local server"):
        run_bulk(remote, [BulkInput("ethereum-etl", str(ETH))])
    with pytest.raises(ValidationError, match="cannot be bulk loaded"):
        run_bulk(settings, [BulkInput("ftm", str(ETH))])


def test_cli_bulk_loads_several_files_with_quarantine(
        bulk_graph: Graph, bulk_settings: Settings, tmp_path: Path) -> None:
    from tests.ingest.test_cli_and_sources import _cli

    pages, bad = fixture("trongrid/usdt_pages.jsonl"), bad_page(tmp_path)
    out = _cli(bulk_settings, "trongrid", "--bulk", str(pages), str(bad))
    assert out.returncode == 0, out.stderr.decode()
    lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [(s["mode"], s["status"], s["read"], s["written"], s["quarantined"])
            for s in lines] == [("bulk", "succeeded", 7, 5, 2), ("bulk", "succeeded", 6, 3, 3)]
    entries = [json.loads(line) for line in Path(lines[1]["quarantine"]).read_text().splitlines()]
    assert [(e["position"], e["reason"].split(" ")[0]) for e in entries] == [
        ("line 1 data[0]", "bad"), ("line 1 data[4]", "not"), ("line 1 data[5]", "amount")]
    assert "invalid checksum" in entries[0]["reason"]
    both = _cli(bulk_settings, "trongrid", "--bulk", "--dry-run", str(bad))
    assert both.returncode == 2 and b"exclude each other" in both.stderr
    bulk_graph = _reopen(bulk_graph, bulk_settings)
    assert counts(bulk_graph, data_only=True)["relationship:TRANSFER"] == 5 + 3
    bulk_graph.close()
