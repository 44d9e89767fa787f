"""Whole-database chores: emptying the data (tests, benchmarks, `db clear`)."""

from __future__ import annotations

from graph.db import Graph


def clear_data(graph: Graph) -> None:
    """Delete all data but the migration records, in batches that fit any heap.

    Relationships go first: DETACH DELETE of an exchange-sized supernode would hold all of its
    relationships in one transaction's memory.
    """
    graph.write_autocommit("db/clear_relationships")
    graph.write_autocommit("db/clear")
