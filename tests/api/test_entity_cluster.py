"""The `Entity` interface's typed cluster fields: clusterId, clusterMemberIds, clusterSources
and clusterMembers, for a member id, for the canonical id, and outside any cluster.

Story (tests/graph/resolve_scenario.py): the ActorPack actor gs-actor-huione (source
actorpack:a.yaml) and the FtM company ftm-huione (ftm:c.json) are judged the same; the
canonical id is ftm-huione (the member that is not a TagPack actor stub). ftm-group stays
alone.
"""

from __future__ import annotations

import pytest

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.resolve_scenario import resolve_scenario

JUDGE = """mutation { judgeEntities(a: "ftm-huione", b: "gs-actor-huione", verdict: "same",
  reason: "same site") { id } }"""
UNDO = 'mutation($id: ID!) { undoJudgement(id: $id, reason: "no") { undoneBy } }'
CLUSTER = """query($id: ID!) { entity(id: $id) {
  id clusterId clusterMemberIds clusterSources
  clusterMembers { __typename id name clusterId sources }
} }"""
MEMBERS = ["ftm-huione", "gs-actor-huione"]
SOURCES = ["actorpack:a.yaml", "ftm:c.json"]
ALONE = {"clusterId": None, "clusterMemberIds": [], "clusterSources": [], "clusterMembers": []}


@pytest.fixture
def case(graph: Graph) -> Graph:
    resolve_scenario().write(graph)
    return graph


def cluster(gql: Executor, id: str) -> dict[str, object]:
    found = gql.data(CLUSTER, Role.READER, id=id)["entity"]
    assert found["id"] == id
    return {k: v for k, v in found.items() if k != "id"}


def test_a_member_id_and_the_canonical_id_answer_with_the_cluster(
        gql: Executor, case: Graph) -> None:
    assert cluster(gql, "gs-actor-huione") == ALONE  # not judged yet
    gql.data(JUDGE, Role.ANALYST)
    members = [
        {"__typename": "Organization", "id": "ftm-huione", "name": "HUIONE GUARANTEE CO., LTD.",
         "clusterId": "ftm-huione", "sources": ["ftm:c.json"]},
        {"__typename": "Organization", "id": "gs-actor-huione", "name": "Huione Guarantee",
         "clusterId": "ftm-huione", "sources": ["actorpack:a.yaml"]},
    ]
    want = {"clusterId": "ftm-huione", "clusterMemberIds": MEMBERS, "clusterSources": SOURCES,
            "clusterMembers": members}
    assert cluster(gql, "gs-actor-huione") == want
    assert cluster(gql, "ftm-huione") == want


def test_outside_a_cluster_the_fields_are_empty(gql: Executor, case: Graph) -> None:
    gql.data(JUDGE, Role.ANALYST)
    assert cluster(gql, "ftm-group") == ALONE
    assert cluster(gql, "tron:h1") == ALONE  # a wallet of a member is not itself a member


def test_search_shows_the_cluster_once_with_its_members(gql: Executor, case: Graph) -> None:
    gql.data(JUDGE, Role.ANALYST)
    edges = gql.data('{ search(text: "Huione Guarantee") { edges { node { id clusterId '
                     "clusterMemberIds } } } }", Role.READER)["search"]["edges"]
    nodes = [e["node"] for e in edges if e["node"]["clusterId"] == "ftm-huione"]
    assert nodes == [{"id": "ftm-huione", "clusterId": "ftm-huione", "clusterMemberIds": MEMBERS}]


def test_undo_empties_the_fields_again(gql: Executor, case: Graph) -> None:
    judged = gql.data(JUDGE, Role.ANALYST)["judgeEntities"]
    gql.data(UNDO, Role.ANALYST, id=judged["id"])
    assert cluster(gql, "gs-actor-huione") == ALONE
    assert cluster(gql, "ftm-huione") == ALONE
