"""`scamgraph changes`: the change log in a terminal and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.db import Graph
from scamgraph.cli import cli
from scamgraph.settings import Settings
from tests.changes.test_capture import V1, V2, _write
from tests.ingest.helpers import ingest


def test_cli_lists_changes_since_a_run(runner: CliRunner, graph: Graph, settings: Settings,
                                       tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    ingest(graph, settings, "ftm", _write(path, V1), source="watchlist")
    second = ingest(graph, settings, "ftm", _write(path, V2), source="watchlist")
    since = f"{second.started_at:%Y-%m-%d %H:%M:%S}"
    result = runner.invoke(cli, ["changes", "--since", since, "--source", "watchlist",
                                 "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert sorted(c["kind"] for c in body["changes"]) == [
        "added", "unasserted", "unasserted", "updated"]
    assert {c["run"] for c in body["changes"]} == {second.run_id}
    text = runner.invoke(cli, ["changes", "--kind", "updated"], catch_exceptions=False)
    assert '"Alpha Co" -> "Alpha Holdings"' in text.stdout and "c-co-a .name" in text.stdout
    later = runner.invoke(cli, ["changes", "--since", "2999-01-01", "--json"])
    assert json.loads(later.stdout)["changes"] == []
