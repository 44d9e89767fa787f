"""Whole-database chores: emptying the data (tests, benchmarks, `db clear`)."""

from __future__ import annotations

from graph.db import Graph

# Emptying a graph of 10^7 transfers takes minutes; the per-query budget is for investigations.
CLEAR_TIMEOUT_S = 3600.0


def clear_data(graph: Graph) -> None:
    """Delete all data but the migration records, in batches that fit any heap.

    Relationships go first: DETACH DELETE of an exchange-sized supernode would hold all of its
    relationships in one transaction's memory.
    """
    graph.write_autocommit("db/clear_relationships", timeout_s=CLEAR_TIMEOUT_S)
    graph.write_autocommit("db/clear", timeout_s=CLEAR_TIMEOUT_S)
