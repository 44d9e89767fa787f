"""typologies and typologyHits through the real schema on the hand-made graphs of
tests/graph/typology_scenarios.py (defaults, a scope, roles and refusals)."""

from __future__ import annotations

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph import typology_scenarios as scenarios

CATALOGUE = "{ typologies { name description score parameters { name kind default min max } } }"
HITS = """query($scope: TypologyScopeInput, $params: JSON) {
  typologyHits(name: "spray-and-funnel", scope: $scope, params: $params, first: 5) {
    typology params total partial reason pageInfo { hasNextPage endCursor }
    hits { key score anchorId anchor { id } walletIds detail new firstSeen
      amounts { asset amount transfers amountRaw decimals }
      transfers { tx amount from { id } to { id } }
      organisations { id name kinds groupId groupName walletIds organization { id } } } } }"""
MARCH = {"since": "2024-03-01T00:00:00Z", "until": "2024-03-31T00:00:00Z"}


def test_catalogue_lists_every_typology_with_defaults(gql: Executor) -> None:
    rows = gql.data(CATALOGUE, Role.ANALYST)["typologies"]
    assert [r["name"] for r in rows] == [
        "fan-in", "spray-and-funnel", "peel-chain", "rapid-pass-through", "cross-chain-hop",
        "offramp", "pig-butchering-intake"]
    fan_in = {p["name"]: p for p in rows[0]["parameters"]}
    assert fan_in["min_senders"] == {"name": "min_senders", "kind": "int", "default": 5,
                                     "min": 2.0, "max": 10000.0}
    assert {p["name"]: p["default"] for p in rows[5]["parameters"]}["kinds"] == [
        "Exchange", "OTCDesk", "PaymentProvider", "Marketplace"]


def test_hits_with_defaults_over_a_window(gql: Executor, graph: Graph) -> None:
    s = scenarios.spray()
    s.org("crew", "Crew", "ScamOperation")
    s.org("pay", "Pay Co", "PaymentProvider")
    s.org("grp", "Group", "Company")
    s.link("CONTROLLED_BY", "tron:S", "crew")
    s.link("CONTROLLED_BY", "tron:F", "pay")
    s.link("SUBSIDIARY_OF", "pay", "grp")
    s.write(graph)
    res = gql.data(HITS, Role.ANALYST, scope=MARCH)["typologyHits"]
    assert (res["typology"], res["total"], res["partial"], res["reason"]) == (
        "spray-and-funnel", 1, False, None)
    assert res["params"]["min_fanout"] == 5 and res["pageInfo"]["hasNextPage"] is False
    (hit,) = res["hits"]
    assert (hit["key"], hit["score"], hit["anchor"]) == ("tron:S>tron:F|USDT", 6.0,
                                                         {"id": "tron:S"})
    assert hit["amounts"] == [{"asset": "USDT", "amount": 6000.0, "transfers": 6,
                               "amountRaw": "6000000000", "decimals": 6}]
    assert len(hit["transfers"]) == 12 and hit["detail"]["intermediates"] == 6
    assert (hit["new"], hit["firstSeen"]) == (True, None)
    assert [(o["id"], o["groupId"], o["walletIds"]) for o in hit["organisations"]] == [
        ("crew", "crew", ["tron:S"]), ("pay", "grp", ["tron:F"])]


def test_scope_and_params(gql: Executor, graph: Graph) -> None:
    scenarios.spray().write(graph)
    scoped = gql.data(HITS, Role.ANALYST, scope={"wallet": "tron:G2"},
                      params={"pass_share": 0.899})["typologyHits"]
    assert [h["key"] for h in scoped["hits"]] == ["tron:S2>tron:F2|USDT"]


def test_refusals(gql: Executor, graph: Graph) -> None:
    scenarios.spray().write(graph)
    assert gql.codes(HITS, Role.ANALYST) == ["INVALID_ARGUMENT"]
    result = gql(HITS, Role.ANALYST, scope=MARCH, params={"min_fanout": 0})
    assert "min_fanout=0 is out of range" in result.errors[0].message
    assert gql.codes(HITS, Role.READER, scope=MARCH) == ["FORBIDDEN"]
    assert gql.codes(CATALOGUE, Role.READER) == ["FORBIDDEN"]
