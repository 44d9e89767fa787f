"""Schema migrations: applied once, recorded in the graph, edits to applied ones detected."""

from __future__ import annotations

import pytest

from graph import migrate
from graph.db import Graph
from scamgraph.errors import MigrationError


def _reset_schema(graph: Graph) -> None:
    graph.driver.execute_query("MATCH (m:SchemaMigration) DELETE m")


def test_second_run_is_a_noop(graph: Graph) -> None:
    _reset_schema(graph)
    first = migrate.migrate(graph)
    second = migrate.migrate(graph)
    names = [f"{m.version}_{m.name}" for m in migrate.available()]
    assert first.applied == names
    assert second.noop and second.already == names


def test_constraints_and_fulltext_index_exist(graph: Graph) -> None:
    migrate.migrate(graph)
    constraints = {r["name"] for r in graph.driver.execute_query("SHOW CONSTRAINTS").records}
    assert {"entity_id", "wallet_chain_address", "transfer_id"} <= constraints
    rows = graph.driver.execute_query("SHOW FULLTEXT INDEXES YIELD name, state").records
    assert {(r["name"], r["state"]) for r in rows} >= {("entity_text", "ONLINE")}


def test_uniqueness_is_enforced(graph: Graph) -> None:
    migrate.migrate(graph)
    graph.driver.execute_query(
        "CREATE (:Entity:Wallet {id: 'tron:T1', chain: 'tron', address: 'T1'})"
    )
    with pytest.raises(Exception, match="already exists"):
        graph.driver.execute_query("CREATE (:Entity {id: 'tron:T1'})")


def test_edited_migration_is_reported(graph: Graph) -> None:
    migrate.migrate(graph)
    graph.driver.execute_query(
        "MATCH (m:SchemaMigration {version: '0001'}) SET m.checksum = 'something-else'"
    )
    with pytest.raises(MigrationError, match="0001_constraints changed"):
        migrate.migrate(graph)
    _reset_schema(graph)
    migrate.migrate(graph)
