"""`scamgraph spark typologies` over real chain export files: the generated scenario (10^4
transfers, every planted case) loaded into Neo4j by the ordinary ingest runner, and the same
TronGrid, ethereum-etl and bitcoin-etl files scanned on Spark, staged by `spark stage` first
(one scan over three formats). Both find the same hits, planted cases included, and the hits
file loads as TypologyHits."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from click.testing import CliRunner
from pyspark.sql import SparkSession

from graph.db import Graph
from graph.investigate.typologies import TypologyScope
from ingest.runner import run_ingest
from scamgraph.cli import cli
from scamgraph.settings import Settings
from spark.stage import stage
from synth import generate
from synth.chains import WINDOW_DAYS, WINDOW_START_MS
from synth.load import load_scenario, read_truth
from tests.spark.test_typologies_equal import NAMES, cypher_hits, spark_hits

START = datetime.fromtimestamp(WINDOW_START_MS / 1000, UTC)
WHOLE = TypologyScope(since=START, until=START + timedelta(days=WINDOW_DAYS))
EXCHANGES = """MATCH (w:Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge)
RETURN DISTINCT w.id AS id ORDER BY id"""


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(out, 10_000, 7)
    return out


def test_spark_scan_of_exports_equals_the_cypher_scan(
        graph: Graph, spark: SparkSession, settings: Settings, scenario: Path,
        tmp_path: Path, runner: CliRunner) -> None:
    load_scenario(graph, scenario, settings)
    files = read_truth(scenario)["files"]
    staged = tmp_path / "staged"
    for fmt in ("trongrid", "ethereum-etl", "bitcoin-etl"):
        chain = [str(scenario / f["path"]) for f in files if f["format"] == fmt]
        stage(spark, fmt, chain, staged / fmt)
    rows, _, _ = graph.driver.execute_query(EXCHANGES, database_=graph.database)
    exclude = tmp_path / "exchanges.txt"
    exclude.write_text("".join(f"{r['id']}\n" for r in rows), encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    result = runner.invoke(cli, [
        "spark", "--master", "local[2]", "typologies", *NAMES,
        *(str(staged / fmt) for fmt in ("trongrid", "ethereum-etl", "bitcoin-etl")),
        "--since", WHOLE.since.isoformat(), "--until", WHOLE.until.isoformat(),  # type: ignore[union-attr]
        "--exclude", str(exclude), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    truth = read_truth(scenario)
    planted = {w for w, e in truth["wallets"].items() if e.get("case")}
    for name in NAMES:
        expected = cypher_hits(graph, name, None, WHOLE)
        assert spark_hits(lines, name) == expected, name
        assert {h["anchor"] for h in expected} & planted, name  # a planted case is among them
    summary = run_ingest(graph, "typology-hits", out, settings=settings)
    assert (summary.written, summary.created, summary.quarantined) == (len(lines), len(lines), 0)
