"""The Spark hits file loads through `ingest typology-hits` as the TypologyHits the Cypher
scans store (store_hits, as the scheduled job writes them), and loading it again creates
nothing new. Bad lines are quarantined, not stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession

from graph.db import Graph
from graph.investigate.limits import MAX_PAGE
from graph.investigate.typologies import typology_hits
from graph.investigate.typologies.store import store_hits
from ingest.runner import run_ingest
from scamgraph.settings import Settings
from spark.typologies import scan_typologies
from tests.spark.test_typologies_equal import MARCH, NAMES, everything, excluded, frame

RUN_AT = datetime(2026, 12, 1, 4, 30, tzinfo=UTC)
HIT_PROPS = """MATCH (n:TypologyHit) RETURN n.id AS id, properties(n) AS props"""


def stored(graph: Graph) -> dict[str, dict[str, Any]]:
    """The TypologyHit nodes by id, lists as sorted lists and amounts parsed."""
    rows, _, _ = graph.driver.execute_query(HIT_PROPS, database_=graph.database)
    out = {}
    for r in rows:
        props = dict(r["props"])
        props["wallets"], props["transfer_ids"] = (sorted(props["wallets"]),
                                                   sorted(props["transfer_ids"]))
        props["amounts"] = {k: round(v, 9) for k, v in json.loads(props["amounts"]).items()}
        props["first_seen"] = props["first_seen"].to_native()
        props["last_seen"] = props["last_seen"].to_native()
        out[r["id"]] = props
    return out


@pytest.fixture(scope="module")
def lines(spark: SparkSession) -> list[dict[str, Any]]:
    """The Spark hits of the scenario, scanned once for the module (a scan costs seconds)."""
    scenario = everything()
    return scan_typologies(spark, frame(spark, scenario), NAMES, MARCH.since, MARCH.until,  # type: ignore[arg-type]
                           None, excluded(spark, scenario), run_at=RUN_AT)


def write_hits(graph: Graph, lines: list[dict[str, Any]], out: Path) -> Path:
    everything().write(graph)
    out.write_text("".join(json.dumps(h) + "\n" for h in lines), encoding="utf-8")
    return out


def test_hits_file_loads_as_the_stored_cypher_hits(
        graph: Graph, lines: list[dict[str, Any]], settings: Settings, tmp_path: Path) -> None:
    path = write_hits(graph, lines, tmp_path / "hits.jsonl")
    first = run_ingest(graph, "typology-hits", path, settings=settings)
    assert (first.read, first.written, first.quarantined) == (len(lines), len(lines), 0)
    assert first.created == len(lines) and first.updated == 0
    loaded = stored(graph)
    assert len(loaded) == len(lines)
    graph.driver.execute_query("MATCH (n:TypologyHit) DETACH DELETE n",
                               database_=graph.database)
    for name in NAMES:
        store_hits(graph, typology_hits(graph, name, None, MARCH, MAX_PAGE), origin="spark",
                   run_at=RUN_AT)
    assert loaded == stored(graph)


def test_loading_again_creates_nothing(graph: Graph, lines: list[dict[str, Any]],
                                       settings: Settings, tmp_path: Path) -> None:
    path = write_hits(graph, lines, tmp_path / "hits.jsonl")
    run_ingest(graph, "typology-hits", path, settings=settings)
    again = run_ingest(graph, "typology-hits", path, settings=settings)
    assert (again.written, again.created, again.updated) == (len(lines), 0, len(lines))
    hits = stored(graph)
    assert len(hits) == len(lines)
    assert all(h["runs"] == 2 and h["new"] is False and h["first_seen"] == RUN_AT
               for h in hits.values())
    runs, _, _ = graph.driver.execute_query(
        "MATCH (r:IngestRun {format: 'typology-hits'}) RETURN r.status AS status",
        database_=graph.database)
    assert [r["status"] for r in runs] == ["succeeded", "succeeded"]


def test_bad_lines_are_quarantined(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    good = {"typology": "fan-in", "key": "tron:C|USDT", "score": 6.0, "anchor": "tron:C",
            "wallets": ["tron:C"], "transfer_ids": ["tron:c0:0"],
            "amounts": [{"asset": "USDT", "amount": 12000.0, "transfers": 6}],
            "params": {"min_senders": 5}, "scope": {"since": None}, "origin": "spark",
            "run_at": RUN_AT.isoformat()}
    bad = [{**good, "typology": "nope"}, {**good, "score": "6"}, {**good, "wallets": "tron:C"},
           {**good, "run_at": "2026-12-01T04:30:00"}, {**good, "amounts": [{"asset": "X"}]}]
    path = tmp_path / "hits.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in [good, *bad]) + "not json\n",
                    encoding="utf-8")
    summary = run_ingest(graph, "typology-hits", path, settings=settings)
    assert (summary.read, summary.written, summary.quarantined) == (7, 1, 6)
    assert list(stored(graph)) == ["fan-in|tron:C|USDT"]
