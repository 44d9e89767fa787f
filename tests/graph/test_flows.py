"""Organisation flows by month on scenario.flows_scenario."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import flows
from graph.investigate.types import FlowBucket
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph.scenario import flows_scenario


@pytest.fixture
def flowing(graph: Graph) -> Graph:
    flows_scenario().write(graph)
    return graph


def rows(buckets: tuple[FlowBucket, ...]) -> list[tuple[str, str, float, int]]:
    return [(b.period, b.asset, b.amount, b.transfers) for b in buckets]


def test_direct_and_two_hops(flowing: Graph) -> None:
    result = flows(flowing, "orga", "orgb", max_hops=2)
    assert rows(result.direct) == [
        ("2024-01", "USDT", 100.0, 1), ("2024-02", "USDT", 50.0, 1), ("2024-03", "TRX", 5.0, 1)]
    # f4 (60) lands once although f3 and f5 both feed it; f7 predates f6; f10 is 3 hops away.
    assert rows(result.within) == [
        ("2024-01", "USDT", 100.0, 1), ("2024-02", "USDT", 110.0, 2), ("2024-03", "TRX", 5.0, 1)]
    assert not result.partial


def test_three_hops(flowing: Graph) -> None:
    result = flows(flowing, "orga", "orgb", max_hops=3, group_by="month")
    assert ("2024-03", "USDT", 9.0, 1) in rows(result.within)
    assert len(result.within) == 4


def test_no_flow_backwards(flowing: Graph) -> None:
    result = flows(flowing, "orgb", "orga", max_hops=3)
    assert (result.direct, result.within) == ((), ())


def test_path_budget_marks_partial(flowing: Graph) -> None:
    result = flows(flowing, "orga", "orgb", max_hops=3, max_paths=1)
    assert result.partial
    assert result.reason is not None and "max_paths" in result.reason


def test_bad_arguments(flowing: Graph) -> None:
    with pytest.raises(ValidationError, match="max_hops=0"):
        flows(flowing, "orga", "orgb", max_hops=0)
    with pytest.raises(ValidationError, match="group_by"):
        flows(flowing, "orga", "orgb", group_by="WEEK")
    with pytest.raises(NotFoundError, match="nobody"):
        flows(flowing, "orga", "nobody")
