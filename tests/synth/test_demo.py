"""`scamgraph demo` preparation: generate into the state directory once, load once, then skip."""

from __future__ import annotations

import shutil

import pytest

from graph.db import Graph
from scamgraph.cli.demo import example_queries, prepare, scenario_dir
from scamgraph.settings import Settings


def test_prepare_generates_loads_and_then_skips(graph: Graph, settings: Settings,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # The test state directory outlives a run: start from no generated scenario.
    shutil.rmtree(scenario_dir(settings, 5, 1_000), ignore_errors=True)
    truth = prepare(settings, 5, 1_000)
    first = capsys.readouterr().out
    assert (scenario_dir(settings, 5, 1_000) / "ground_truth.json").exists()
    assert "generating the scenario (1,000 transfers, seed 5)" in first
    assert f"loaded {len(truth['files'])} files" in first and "0 quarantined" in first
    again = prepare(settings, 5, 1_000)
    second = capsys.readouterr().out
    assert again == truth and "generating" not in second
    assert "loaded 0 files (0 records, 0 quarantined)" in second
    assert f"{len(truth['files'])} already loaded" in second
    queries = [q for _, q in example_queries(truth)]
    assert truth["examples"]["trace_victim"] in queries[0]
    assert truth["examples"]["exposure_deposit"] in queries[1]
    assert '"synth-sunrise-otc"' in queries[2]
