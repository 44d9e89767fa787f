"""GraphQL `changes`: the change log through the API (reader role), filters and refusals."""

from __future__ import annotations

from pathlib import Path

from api.auth import Role
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Executor
from tests.changes.test_capture import V1, V2, _write
from tests.ingest.helpers import ingest

CHANGES = """query($kinds: [String!], $first: Int! = 50, $since: DateTime, $source: String) {
  changes(kinds: $kinds, first: $first, since: $since, sourceId: $source) {
    edges { node { at kind entity label field end before after sourceId runId } }
    pageInfo { hasNextPage endCursor } } }"""


def test_changes_newest_first_with_before_after(gql: Executor, graph: Graph,
                                                settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    ingest(graph, settings, "ftm", _write(path, V1), source="watchlist")
    second = ingest(graph, settings, "ftm", _write(path, V2), source="watchlist")
    nodes = [e["node"] for e in gql.data(CHANGES, Role.READER)["changes"]["edges"]]
    assert len(nodes) == 4 and {n["runId"] for n in nodes} == {second.run_id}
    updated = [n for n in nodes if n["kind"] == "updated"]
    assert [(n["entity"], n["field"], n["before"], n["after"]) for n in updated] == [
        ("c-co-a", "name", "Alpha Co", "Alpha Holdings")]
    later = second.started_at.isoformat().replace("+00:00", "Z")
    assert len(gql.data(CHANGES, Role.READER, since=later)["changes"]["edges"]) == 4
    assert gql.data(CHANGES, Role.READER, source="nope")["changes"]["edges"] == []
    assert gql.codes(CHANGES, Role.READER, first=0) == ["INVALID_ARGUMENT"]
    assert gql.codes(CHANGES, Role.READER, kinds=["deleted"]) == ["INVALID_ARGUMENT"]
