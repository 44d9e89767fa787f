"""Resolution over GraphQL: candidates, judging (analyst role, recorded with the principal),
the member id answering as its cluster, undo, and an organisation's group."""

from __future__ import annotations

import pytest

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.resolve_scenario import resolve_scenario

JUDGE = """mutation($a: ID!, $b: ID!) {
  judgeEntities(a: $a, b: $b, verdict: "same", reason: "same site") { id verdict by reason }
}"""
ENTITY = '{ entity(id: "gs-actor-huione") { name properties sanctions { id } } }'


@pytest.fixture
def case(graph: Graph) -> Graph:
    resolve_scenario().write(graph)
    return graph


def test_candidates_list_the_pair_with_evidence(gql: Executor, case: Graph) -> None:
    data = gql.data("{ resolutionCandidates(minScore: 0.9) { a b score autoRule "
                    "evidence { kind weight } } }", Role.ANALYST)
    pair = next(c for c in data["resolutionCandidates"] if c["b"] == "gs-actor-huione")
    assert (pair["a"], pair["score"], pair["autoRule"]) == ("ftm-huione", 1.0, "NAME_COUNTRY")
    assert [e["kind"] for e in pair["evidence"]] == ["same_name", "same_country", "same_domain"]


def test_a_reader_may_not_judge(gql: Executor, case: Graph) -> None:
    assert gql.codes(JUDGE, Role.READER, a="ftm-huione", b="gs-actor-huione") == ["FORBIDDEN"]


def test_judge_then_undo(gql: Executor, case: Graph) -> None:
    before = gql.data(ENTITY, Role.READER)["entity"]
    judged = gql.data(JUDGE, Role.ANALYST, a="ftm-huione", b="gs-actor-huione")["judgeEntities"]
    assert (judged["verdict"], judged["by"], judged["reason"]) == ("same", "analyst:test",
                                                                   "same site")
    after = gql.data(ENTITY, Role.READER)["entity"]
    assert after["properties"]["cluster_members"] == ["ftm-huione", "gs-actor-huione"]
    assert after["sanctions"] == [{"id": "OFAC:SDN:9"}]
    group = gql.data('{ group(id: "ftm-group") { wallets members { id } reason } }')["group"]
    assert group["wallets"] == ["tron:h1", "tron:h2"]
    assert "gs-actor-huione" in [m["id"] for m in group["members"]]
    gql.data('mutation($id: ID!) { undoJudgement(id: $id, reason: "no") { undoneBy } }',
             Role.ANALYST, id=judged["id"])
    assert gql.data(ENTITY, Role.READER)["entity"] == before
    listed = gql.data("{ judgements { verdict undoneBy undoReason } }", Role.READER)
    assert listed["judgements"] == [{"verdict": "same", "undoneBy": "analyst:test",
                                     "undoReason": "no"}]


ROLLUP = """{ trace(seeds: ["tron:v"], maxHops: 1, rollup: true) {
  organisations { id name memberIds amounts { asset amount }
    members { id clusterMemberIds clusterSources } } } }"""


def test_the_rolled_up_trace_lists_the_cluster_and_its_sources(
        gql: Executor, case: Graph) -> None:
    """v paid 1,500 to h1, a wallet of the ActorPack actor; judged the same as the FtM company,
    it is counted inside the company's group, and the member lists both records' sources."""
    gql.data(JUDGE, Role.ANALYST, a="ftm-huione", b="gs-actor-huione")
    (org,) = gql.data(ROLLUP, Role.ANALYST)["trace"]["organisations"]
    assert (org["id"], org["name"], org["memberIds"]) == ("ftm-group", "Huione Group",
                                                         ["ftm-huione"])
    assert org["amounts"] == [{"asset": "USDT", "amount": 1500.0}]
    (member,) = org["members"]
    assert sorted(member["clusterMemberIds"]) == ["ftm-huione", "gs-actor-huione"]
    assert sorted(member["clusterSources"]) == ["actorpack:a.yaml", "ftm:c.json"]
