"""`scamgraph spark resolve` gives the candidates of the single-machine `resolve candidates`:
the entity files of a generated scenario with organisations written by two or three sources
(synth/variants.py: legal forms, misspellings, Cyrillic, look-alikes), and the FtM fixtures,
ingested into Neo4j for the one and read from the files by the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from click.testing import CliRunner
from pyspark.sql import SparkSession

from graph import resolve
from graph.db import Graph
from ingest.runner import run_ingest
from scamgraph.cli import cli
from scamgraph.settings import Settings
from spark.resolve import candidate_line, spark_candidates
from synth import generate
from synth.load import ORDER, read_truth
from tests.conftest import FIXTURES

ENTITY_FORMATS = ("ftm", "actorpack", "tagpack")


@pytest.fixture(scope="module")
def entity_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(format, path) of the scenario's entity files, in the order the demo loads them."""
    out = tmp_path_factory.mktemp("resolution")
    generate(out, 1_000, 3, resolution_orgs=30)
    files = sorted((f for f in read_truth(out)["files"] if f["format"] in ENTITY_FORMATS),
                   key=lambda f: ORDER.index(f["format"]))
    return [(f["format"], str(out / f["path"])) for f in files]


def single_machine(graph: Graph, settings: Settings, inputs: list[tuple[str, str]]
                   ) -> list[dict[str, object]]:
    for fmt, path in inputs:
        run_ingest(graph, fmt, path, settings=settings)
    return [candidate_line(c) for c in resolve.candidates(resolve.load(graph))]


def test_spark_candidates_equal_the_single_machine_ones(
        graph: Graph, spark: SparkSession, settings: Settings,
        entity_files: list[tuple[str, str]]) -> None:
    expected = single_machine(graph, settings, entity_files)
    assert len(expected) >= 20  # the variants pair up
    found = [candidate_line(c) for c in spark_candidates(spark, entity_files)]
    assert found == expected


def test_cli_writes_the_candidate_file(graph: Graph, settings: Settings, runner: CliRunner,
                                       spark: SparkSession, tmp_path: Path) -> None:
    fixtures = [("ftm", str(FIXTURES / "ftm" / name))
                for name in ("entities.flat.jsonl", "entities.nested.jsonl")]
    expected = single_machine(graph, settings, fixtures)
    out = tmp_path / "candidates.jsonl"
    args = ["spark", "--master", "local[2]", "resolve", fixtures[0][1],
            f"ftm={fixtures[1][1]}", "--min-score", "0.5", "--out", str(out)]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines == json.loads(json.dumps(expected))
