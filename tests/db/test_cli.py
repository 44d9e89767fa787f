"""`scamgraph db ...` run as a real subprocess against the session's Neo4j."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from graph.db import Graph
from graph.local import LocalNeo4j
from scamgraph.settings import Settings


def _cli(settings: Settings, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **extra,
        "SCAMGRAPH_HOME": str(settings.home),
        "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
        "SCAMGRAPH_LOCAL_HTTP_PORT": "0",
        "SCAMGRAPH_NEO4J_URI": "",
    }
    cmd = [sys.executable, "-m", "scamgraph", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


def test_status_names_uri_version_edition(settings: Settings, neo4j_server: LocalNeo4j) -> None:
    out = _cli(settings, "db", "status")
    assert out.returncode == 0, out.stderr
    assert f"bolt: bolt://127.0.0.1:{settings.local_bolt_port}" in out.stdout
    assert f"version: {settings.local_neo4j_version}" in out.stdout
    assert "edition: community" in out.stdout


def test_cypher_prints_one_json_object_per_record(settings: Settings, graph: Graph) -> None:
    graph.driver.execute_query(
        "CREATE (:Entity:Wallet {id: 'tron:TA', address: 'TA',"
        " ts: datetime('2024-05-01T10:00:00Z')})"
    )
    query = "UNWIND [1, 2] AS x MATCH (w:Wallet) RETURN x, w, w.ts AS ts"
    out = _cli(settings, "db", "cypher", query)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["x"] for r in rows] == [1, 2]
    assert rows[0]["w"]["labels"] == ["Entity", "Wallet"]
    assert rows[0]["w"]["properties"]["id"] == "tron:TA"
    assert rows[0]["ts"] == "2024-05-01T10:00:00.000000000+00:00"


def test_components_query_names_the_kernel(settings: Settings, neo4j_server: LocalNeo4j) -> None:
    query = "CALL dbms.components() YIELD name, versions, edition RETURN *"
    out = _cli(settings, "db", "cypher", query)
    assert json.loads(out.stdout.splitlines()[0])["name"] == "Neo4j Kernel"


def test_migrate_twice_reports_noop(settings: Settings, graph: Graph) -> None:
    _cli(settings, "db", "migrate")
    out = _cli(settings, "db", "migrate")
    assert out.returncode == 0, out.stderr
    assert "no-op" in out.stdout


def test_cypher_error_is_a_message_not_a_traceback(settings: Settings, graph: Graph) -> None:
    out = _cli(settings, "db", "cypher", "RETURN nonsense(")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "error:" in out.stderr


def test_bad_setting_exits_78_naming_it(settings: Settings) -> None:
    out = _cli(settings, "db", "status", SCAMGRAPH_QUERY_TIMEOUT_S="soon")
    assert out.returncode == 78
    assert "SCAMGRAPH_QUERY_TIMEOUT_S" in out.stderr


def test_db_clear_needs_yes_and_keeps_the_schema(graph: Graph, settings: Settings) -> None:
    graph.write("ingest/source", {"id": "x", "name": "x", "format": "ftm", "url": None})
    refused = _cli(settings, "db", "clear")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert graph.read("db/counts")
    out = _cli(settings, "db", "clear", "--yes")
    assert out.returncode == 0 and out.stdout.strip() == "cleared"
    left = {r["name"]: r["count"] for r in graph.read("db/counts") if r["count"]}
    assert set(left) == {"SchemaMigration"}
