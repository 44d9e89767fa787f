"""`scamgraph resolve` end to end on resolve_scenario: candidates with evidence, auto says what
it merged, judge / export / undo / import through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from graph import resolve
from graph.db import Graph
from scamgraph.settings import Settings
from tests.db.test_cli import _cli
from tests.graph.resolve_scenario import resolve_scenario


def test_cli_round_trip(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    resolve_scenario().write(graph)
    listed = _cli(settings, "resolve", "candidates", "--min-score", "0.9", "--json")
    assert listed.returncode == 0, listed.stderr
    pairs = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {(p["a"], p["b"], p["auto_rule"]) for p in pairs} >= {
        ("ftm-huione", "gs-actor-huione", "NAME_COUNTRY")}
    judged = _cli(settings, "resolve", "judge", "ftm-huione", "gs-actor-huione", "same",
                  "--reason", "same site", "--by", "analyst:x")
    assert judged.returncode == 0 and "same" in judged.stdout, judged.stderr
    auto = _cli(settings, "resolve", "auto")
    # The judged pair is one cluster already (not a candidate); Sun Star merges on its number.
    assert "merged ftm-ss-1 = ftm-ss-2 [auto:REGISTRATION]" in auto.stdout
    assert "1 merged, 0 left alone" in auto.stdout
    path = tmp_path / "judgements.json"
    assert _cli(settings, "resolve", "export", str(path)).returncode == 0
    undone = _cli(settings, "resolve", "undo", "ftm-huione", "gs-actor-huione")
    assert undone.returncode == 0, undone.stderr
    assert [j.active for j in resolve.judgements(graph)] == [False, True]
    again = _cli(settings, "resolve", "import", str(path))
    assert "2 judgements read, 0 new" in again.stdout
    bad = _cli(settings, "resolve", "judge", "ftm-huione", "nope", "same")
    assert bad.returncode != 0 and "no organisation or person with id 'nope'" in bad.stderr
