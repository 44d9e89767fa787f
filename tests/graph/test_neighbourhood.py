"""Neighbourhood expansion on scenario.trace_scenario."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import neighbourhood
from graph.investigate.types import Subgraph
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph.scenario import day, trace_scenario


@pytest.fixture
def traced_graph(graph: Graph) -> Graph:
    trace_scenario().write(graph)
    return graph


def ids(sub: Subgraph) -> set[str]:
    return {n.id for n in sub.nodes}


def test_one_level(traced_graph: Graph) -> None:
    sub = neighbourhood(traced_graph, "tron:A")
    assert ids(sub) == {"tron:A", "tron:V", "tron:B", "tron:C", "tron:D", "tron:F"}
    assert sorted(e.properties["tx"] for e in sub.edges) == ["t1", "t2", "t3", "t4", "t9"]
    assert sub.nodes[0].id == "tron:A" and not sub.partial


def test_types_and_time_window(traced_graph: Graph) -> None:
    sub = neighbourhood(traced_graph, "tron:A", ["TRANSFER"], since=day("2024-01-02"),
                        until=day("2024-01-02T23:59"))
    assert ids(sub) == {"tron:A", "tron:B", "tron:F"}
    corporate = neighbourhood(traced_graph, "tron:X1", ["CONTROLLED_BY", "SUBSIDIARY_OF"], depth=2)
    assert ids(corporate) == {"tron:X1", "pay", "mid"}
    assert {(e.type, e.start, e.end) for e in corporate.edges} == {
        ("CONTROLLED_BY", "tron:X1", "pay"), ("SUBSIDIARY_OF", "pay", "mid")}


def test_supernodes_are_not_expanded_unless_asked(traced_graph: Graph) -> None:
    # The exchange itself is the start (always expanded); its deposit wallet EX is a supernode.
    assert ids(neighbourhood(traced_graph, "exch", depth=2)) == {"exch", "tron:EX"}
    expanded = neighbourhood(traced_graph, "exch", depth=2, expand_supernodes=True)
    assert ids(expanded) == {"exch", "tron:EX", "tron:X1", "tron:Y"}


def test_limit_marks_partial(traced_graph: Graph) -> None:
    sub = neighbourhood(traced_graph, "tron:A", limit=3)
    assert len(sub.nodes) == 3 and sub.partial
    kept = ids(sub)
    assert len(sub.edges) == 2
    assert all(e.start in kept and e.end in kept for e in sub.edges)


def test_bad_arguments(traced_graph: Graph) -> None:
    with pytest.raises(ValidationError, match="depth=4"):
        neighbourhood(traced_graph, "tron:A", depth=4)
    with pytest.raises(ValidationError, match="rel_types"):
        neighbourhood(traced_graph, "tron:A", ["KNOWS"])
    with pytest.raises(NotFoundError):
        neighbourhood(traced_graph, "tron:nobody")
