"""The light neighbourhood (only ids, names and labels selected) answers what the full one
answers for those fields: resolved clusters (a member named by its canonical entity), tag
names, every edge form and depth.

Story: tests/graph/resolve_scenario.py, with ftm-huione judged the same as gs-actor-huione and
gs-actor-okx (no name, tag name "OKX") the same as ftm-gf-kh ("Golden Fortune Ltd"), which
gets a wallet g1; okx gets a wallet o1.
"""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from graph import investigate
from graph.db import Graph
from graph.investigate import neighbourhood
from tests.api.support import Executor
from tests.graph.resolve_scenario import resolve_scenario

JUDGE = """mutation($a: ID!, $b: ID!) { judgeEntities(a: $a, b: $b, verdict: "same",
  reason: "test") { id } }"""
LIGHT = """query($id: ID!, $depth: Int!, $edges: NeighbourhoodEdges!) {
  neighbourhood(id: $id, depth: $depth, edges: $edges) { partial
    nodes { __typename id name labels } edges { __typename key type startId endId } } }"""
# `sources` is not in the light form: this asks for the full records.
FULL = LIGHT.replace("name labels }", "name labels sources }")


@pytest.fixture
def clusters(gql: Executor, graph: Graph) -> Graph:
    s = resolve_scenario()
    for wallet, owner in [("g1", "ftm-gf-kh"), ("o1", "gs-actor-okx")]:
        s.link("CONTROLLED_BY", s.wallet(wallet), owner)
    s.write(graph)
    for a, b in [("ftm-huione", "gs-actor-huione"), ("gs-actor-okx", "ftm-gf-kh")]:
        gql.data(JUDGE, Role.ANALYST, a=a, b=b)
    return graph


def _light_part(answer: dict[str, Any]) -> dict[str, Any]:
    hood = answer["neighbourhood"]
    return {"neighbourhood": {**hood, "nodes": [
        {k: v for k, v in n.items() if k != "sources"} for n in hood["nodes"]]}}


@pytest.mark.parametrize("edges", ["ALL", "TREE"])
def test_light_and_full_answer_the_same(gql: Executor, clusters: Graph, edges: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    forms: list[bool] = []

    def recorded(*args: Any, **kwargs: Any) -> Any:
        forms.append(kwargs["light"])
        return neighbourhood(*args, **kwargs)

    monkeypatch.setattr(investigate, "neighbourhood", recorded)
    for start in ["ftm-group", "gs-actor-okx", "tron:o1", "tron:h1"]:
        for depth in (1, 2, 3):
            args = {"id": start, "depth": depth, "edges": edges}
            light, full = gql.data(LIGHT, Role.READER, **args), gql.data(FULL, Role.READER, **args)
            assert light == _light_part(full), (start, depth)
    assert forms == [True, False] * 12
    okx = gql.data(LIGHT, Role.READER, id="tron:o1", depth=1, edges=edges)
    assert {n["id"]: n["name"] for n in okx["neighbourhood"]["nodes"]}["gs-actor-okx"] == (
        "Golden Fortune Ltd")


def test_the_light_records_hold_ids_labels_and_names_only(clusters: Graph) -> None:
    full = neighbourhood(clusters, "ftm-group", depth=3)
    light = neighbourhood(clusters, "ftm-group", depth=3, light=True)
    assert [(n.id, n.label, n.labels, n.name) for n in light.nodes] == [
        (n.id, n.label, n.labels, n.name) for n in full.nodes]
    assert [(e.key, e.type, e.start, e.end) for e in light.edges] == [
        (e.key, e.type, e.start, e.end) for e in full.edges]
    assert len(full.nodes) > 5 and any(n.provenance.sources for n in full.nodes)
    assert not any(n.provenance.sources or n.sanctions for n in light.nodes)
    assert not any(e.properties for e in light.edges)
