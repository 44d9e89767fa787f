"""neighbourhood, sources, ingestRuns (operator, paged) and sourceFreshness through the schema."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.scenario import trace_scenario

NOW = datetime.now(UTC).replace(microsecond=0)


def write_runs(graph: Graph) -> None:
    """ofac: a success that ended 2 days ago, then a failure 1 day ago; gs: running; empty."""
    runs = [("ofac-1", "ofac", "succeeded", NOW - timedelta(days=2, minutes=10),
             NOW - timedelta(days=2)),
            ("ofac-2", "ofac", "failed", NOW - timedelta(days=1), NOW - timedelta(days=1)),
            ("gs-1", "gs", "running", NOW - timedelta(hours=1), None)]
    graph.driver.execute_query(
        "UNWIND $sources AS s CREATE (:Source {id: s[0], name: s[1], format: s[2]}) "
        "WITH count(*) AS _ UNWIND $runs AS r MATCH (s:Source {id: r[1]}) "
        "CREATE (:IngestRun {id: r[0], source_id: r[1], status: r[2], started_at: r[3], "
        "ended_at: r[4], read: 10, written: 9, quarantined: 1})-[:FROM_SOURCE]->(s)",
        {"sources": [["ofac", "OFAC SDN", "ofac-sdn-csv"], ["gs", "GraphSense", "tagpack"],
                     ["empty", "Never run", "ftm"]], "runs": [list(r) for r in runs]},
        database_=graph.database)


def test_neighbourhood(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    query = """query($since: DateTime, $until: DateTime) { neighbourhood(id: "tron:A",
      relTypes: ["TRANSFER"], since: $since, until: $until) { partial nodes { id __typename }
      edges { type startId endId properties } } }"""
    whole = gql.data(query, Role.READER, since=None, until=None)["neighbourhood"]
    # A received t1 from V and sent t2 (B), t3 (C), t4 (D), t9 (F).
    assert {n["id"] for n in whole["nodes"]} == {"tron:A", "tron:V", "tron:B", "tron:C",
                                                 "tron:D", "tron:F"}
    assert sorted(e["properties"]["tx"] for e in whole["edges"]) == ["t1", "t2", "t3", "t4", "t9"]
    assert {n["__typename"] for n in whole["nodes"]} == {"Wallet"} and not whole["partial"]
    day2 = gql.data(query, Role.READER, since="2024-01-02T00:00:00Z",
                    until="2024-01-02T23:59:00Z")["neighbourhood"]
    assert {n["id"] for n in day2["nodes"]} == {"tron:A", "tron:B", "tron:F"}


def test_sources_and_freshness(gql: Executor, graph: Graph) -> None:
    write_runs(graph)
    data = gql.data("""{ sources { id name format }
      sourceFreshness { source { id } lastStatus lastSuccessAt ageSeconds } }""", Role.READER)
    assert [s["id"] for s in data["sources"]] == ["empty", "gs", "ofac"]
    fresh = {f["source"]["id"]: f for f in data["sourceFreshness"]}
    assert fresh["ofac"]["lastStatus"] == "failed"
    # Ended two days before NOW, which is fixed when the module is imported: a long run
    # reaches this test minutes later, so the age is bounded by the time elapsed since.
    since_now = (datetime.now(UTC) - NOW).total_seconds()
    assert 2 * 86_400 <= fresh["ofac"]["ageSeconds"] <= 2 * 86_400 + since_now + 60
    assert (fresh["gs"]["lastStatus"], fresh["gs"]["ageSeconds"]) == ("running", None)
    assert (fresh["empty"]["lastStatus"], fresh["empty"]["lastSuccessAt"]) == (None, None)


def test_ingest_runs_paged_for_operators(gql: Executor, graph: Graph) -> None:
    write_runs(graph)
    query = """query($after: String) { ingestRuns(first: 2, after: $after) {
      edges { cursor node { id status read written quarantined endedAt mode } }
      pageInfo { endCursor hasNextPage } } }"""
    assert gql.codes(query, Role.ANALYST, after=None) == ["FORBIDDEN"]
    page = gql.data(query, Role.OPERATOR, after=None)["ingestRuns"]
    assert [e["node"]["id"] for e in page["edges"]] == ["gs-1", "ofac-2"]
    assert page["pageInfo"]["hasNextPage"] is True
    # Continuing after the first edge's cursor gives the second run first.
    after_one = gql.data(query, Role.OPERATOR, after=page["edges"][0]["cursor"])["ingestRuns"]
    assert [e["node"]["id"] for e in after_one["edges"]] == ["ofac-2", "ofac-1"]
    rest = gql.data(query, Role.OPERATOR, after=page["pageInfo"]["endCursor"])["ingestRuns"]
    assert [e["node"] for e in rest["edges"]] == [{
        "id": "ofac-1", "status": "succeeded", "read": 10, "written": 9, "quarantined": 1,
        "endedAt": (NOW - timedelta(days=2)).isoformat(), "mode": "merge"}]
    assert rest["pageInfo"]["hasNextPage"] is False


def test_bad_cursor_is_a_clear_error(gql: Executor, graph: Graph) -> None:
    result = gql('{ ingestRuns(after: "garbage") { pageInfo { hasNextPage } } }', Role.OPERATOR)
    assert result.errors[0].extensions["code"] == "INVALID_ARGUMENT"
    assert "garbage" in result.errors[0].message or "cursor" in result.errors[0].message
