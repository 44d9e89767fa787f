"""`scamgraph typologies list|run` against the test database, and stored hits (--store): a
second run finds the same hit not new, keeping its first_seen."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from graph.db import Graph
from graph.investigate.typologies import TypologyScope, typology_hits
from scamgraph.cli import cli
from tests.graph import typology_scenarios as scenarios
from tests.graph.scenario import day


def invoke(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_json(runner: CliRunner) -> None:
    rows = invoke(runner, "typologies", "list", "--json")
    assert len(rows) == 7 and rows[6]["name"] == "pig-butchering-intake"
    assert {p["name"]: p["default"] for p in rows[0]["params"]}["min_senders"] == 5


def test_run_with_params_and_store(runner: CliRunner, graph: Graph) -> None:
    scenarios.pig().write(graph)
    args = ["typologies", "run", "pig-butchering-intake", "--param", "min_growth=1.15",
            "--since", "2024-03-01", "--until", "2024-03-31", "--json"]
    first = invoke(runner, *args, "--store")
    assert [h["key"] for h in first["hits"]] == ["tron:D<tron:V|USDT", "tron:D2<tron:V2|USDT"]
    assert first["params"]["min_growth"] == 1.15 and first["stored"]["new"] == 2
    assert all(h["first_seen"] is None for h in first["hits"])
    again = invoke(runner, *args, "--store")
    assert (again["stored"]["stored"], again["stored"]["new"]) == (2, 0)
    assert [h["first_seen"] for h in again["hits"]] == [first["stored"]["run_at"]] * 2
    scope = TypologyScope(since=day("2024-03-01"), until=day("2024-03-31"))
    (hit,) = typology_hits(graph, "pig-butchering-intake", None, scope).hits
    assert not hit.new
    node = graph.read("typology_hits/seen", {"ids": [f"pig-butchering-intake|{hit.key}"]})
    assert len(node) == 1


def test_run_refuses_a_whole_graph_scan_without_window(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["typologies", "run", "fan-in"])
    assert result.exit_code != 0
    assert "needs a time window" in str(result.exception)
