"""An operator sees what a delta run withdrew: `ingestRuns` carries retracted, retractedMissing
and removed beside read, written and quarantined."""

from __future__ import annotations

from pathlib import Path

from api.auth import Role
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Executor
from tests.ingest.test_ftm_delta import _add, _company, _del, _edge, _load, _person

RUNS = """{ ingestRuns(first: 5) { edges { node {
  read written quarantined retracted retractedMissing removed } } } }"""


def test_ingest_runs_count_what_a_delta_withdrew(gql: Executor, graph: Graph, settings: Settings,
                                                 tmp_path: Path) -> None:
    _load(graph, settings, tmp_path / "a.json", "registry-a", _add(_company("co-1", "One Ltd")),
          _add(_person("p-1")), _add(_edge("own-1", "Ownership", "p-1", "co-1")))
    # The company goes (A was its only source) with A's Ownership; a DEL of an unknown id is
    # counted, not an error.
    _load(graph, settings, tmp_path / "a-delta.json", "registry-a", _del("co-1", "Company"),
          _del("nobody", "Company"))
    newest = gql.data(RUNS, Role.OPERATOR)["ingestRuns"]["edges"][0]["node"]
    assert newest == {"read": 2, "written": 0, "quarantined": 0, "retracted": 2,
                      "retractedMissing": 1, "removed": 2}
