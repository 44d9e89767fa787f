"""k shortest connections on scenario.paths_scenario, with and without supernodes."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import paths
from graph.investigate.types import PathsResult
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph.scenario import paths_scenario


@pytest.fixture
def connected(graph: Graph) -> Graph:
    paths_scenario().write(graph)
    return graph


def routes(result: PathsResult) -> list[list[str]]:
    return [[n.id for n in p.nodes] for p in result.paths]


def test_supernodes_excluded(connected: Graph) -> None:
    # hub has 6 relationships (> 5); ex1 is an exchange deposit address.
    result = paths(connected, "pp", "co2", max_length=6, k=5, supernode_degree=5)
    assert routes(result) == [
        ["pp", "co3", "co2"],
        ["pp", "co1", "tron:w1", "tron:w3", "tron:w2", "co2"],
    ]
    first = result.paths[0]
    assert [(e.type, e.start, e.end, e.properties["share"]) for e in first.edges] == [
        ("OWNS", "pp", "co3", 100.0), ("OWNS", "co3", "co2", 100.0)]
    assert first.length == 2


def test_supernodes_allowed(connected: Graph) -> None:
    result = paths(connected, "pp", "co2", max_length=6, k=5, exclude_supernodes=False,
                   supernode_degree=5)
    assert [p.length for p in result.paths] == [2, 5, 5, 5]
    middles = sorted(r[3] for r in routes(result)[1:])
    assert middles == ["tron:ex1", "tron:hub", "tron:w3"]
    transfer = result.paths[1].edges[2]
    assert transfer.type == "TRANSFER" and transfer.properties["amount"] == 10.0


def test_k_length_and_types_limit_the_answer(connected: Graph) -> None:
    assert routes(paths(connected, "pp", "co2", max_length=6, k=1)) == [["pp", "co3", "co2"]]
    short = paths(connected, "pp", "co2", max_length=4, k=5, exclude_supernodes=False)
    assert len(short.paths) == 1
    only_money = paths(connected, "pp", "co2", max_length=6, k=5, supernode_degree=5,
                       rel_types=["TRANSFER", "CONTROLLED_BY"])
    assert routes(only_money) == []  # pp reaches Co1 only by OWNS
    assert paths(connected, "pp", "co2", rel_types=["SUBSIDIARY_OF"]).paths == ()


def test_bad_arguments(connected: Graph) -> None:
    with pytest.raises(ValidationError, match="rel_types"):
        paths(connected, "pp", "co2", rel_types=["BOGUS"])
    with pytest.raises(ValidationError, match="max_length=9"):
        paths(connected, "pp", "co2", max_length=9)
    with pytest.raises(ValidationError, match="k=21"):
        paths(connected, "pp", "co2", k=21)
    with pytest.raises(NotFoundError):
        paths(connected, "pp", "nobody")
