"""Lookups and structure through the real schema: search, wallet, entity with provenance,
paths, owners, controlledBy, compounds (hand-made graphs of tests/graph/scenario.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from api.auth import Role
from api.schema import build_schema
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Executor
from tests.graph.scenario import Scenario, corporate_scenario, paths_scenario

USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"  # a valid Tron base58check address
ENTITY = """query($id: ID!) { entity(id: $id) { __typename id name labels sources firstSeen
  lastSeen confidence sanctioned sanctions { authority program listingId }
  ... on Organization { kinds aliases country } ... on Wallet { chain address } } }"""


def provenance_scenario() -> Scenario:
    s = Scenario()
    seen = datetime(2024, 3, 1, tzinfo=UTC)
    s.org("huione", "Huione Pay", "PaymentProvider", aliases=["汇旺"], country=["KH"],
          sources=["ofac-sdn"], first_seen=seen, last_seen=seen, confidence=0.9)
    s.node(["Sanction"], "FinCEN-311:311:huione", authority="FinCEN-311", program="311",
           listing_id="huione")
    s.link("SANCTIONED_BY", "huione", "FinCEN-311:311:huione")
    s.wallet(USDT, tags=["hot"])
    s.link("CONTROLLED_BY", f"tron:{USDT}", "huione")
    return s


def test_entity_with_provenance_and_sanctions(gql: Executor, graph: Graph) -> None:
    provenance_scenario().write(graph)
    org = gql.data(ENTITY, Role.READER, id="huione")["entity"]
    assert (org["__typename"], org["name"], org["kinds"], org["aliases"], org["country"]) == (
        "Organization", "Huione Pay", ["PaymentProvider"], ["汇旺"], ["KH"])
    assert (org["sources"], org["confidence"], org["firstSeen"]) == (
        ["ofac-sdn"], 0.9, "2024-03-01T00:00:00+00:00")
    assert org["sanctioned"] is True
    assert org["sanctions"] == [{"authority": "FinCEN-311", "program": "311",
                                 "listingId": "huione"}]
    assert gql.data(ENTITY, Role.READER, id="nobody") == {"entity": None}


def test_wallet_by_chain_and_address(gql: Executor, graph: Graph) -> None:
    provenance_scenario().write(graph)
    query = """query($a: String!) { wallet(chain: "tron", address: $a) {
      id ... on Wallet { chain address tags } } }"""
    assert gql.data(query, Role.READER, a=f" {USDT}")["wallet"] == {
        "id": f"tron:{USDT}", "chain": "tron", "address": USDT, "tags": ["hot"]}
    bad = gql(query, Role.READER, a="TXnotbase58check")
    assert bad.data == {"wallet": None}
    assert bad.errors[0].extensions["code"] == "INVALID_ARGUMENT"


def test_search_pages_with_cursors(gql: Executor, graph: Graph) -> None:
    corporate_scenario().write(graph)
    query = """query($after: String) { search(text: "co", kinds: ["Company"], first: 2,
      after: $after) { edges { cursor node { id name } } pageInfo { endCursor hasNextPage } } }"""
    first = gql.data(query, Role.READER, after=None)["search"]
    assert len(first["edges"]) == 2 and first["pageInfo"]["hasNextPage"] is True
    assert first["edges"][-1]["cursor"] == first["pageInfo"]["endCursor"]
    rest = gql.data(query, Role.READER, after=first["pageInfo"]["endCursor"])["search"]
    names = {e["node"]["name"] for e in first["edges"] + rest["edges"]}
    # Casino Co, Sib Co, Directed Co, Other Co carry the word "Co".
    assert {"Casino Co", "Sib Co", "Directed Co", "Other Co"} <= names
    assert not {e["node"]["id"] for e in first["edges"]} & {e["node"]["id"] for e in rest["edges"]}


def test_owners_with_effective_shares(gql: Executor, graph: Graph) -> None:
    corporate_scenario().write(graph)
    query = """{ owners(company: "co-c") { company { name } partial
      chains { effectiveShare links { ownerId share owner { name } } }
      ultimateOwners { entity { id } effectiveShare chains } } }"""
    owners = gql.data(query, Role.READER)["owners"]
    chains = [([(x["ownerId"], x["share"]) for x in c["links"]], c["effectiveShare"])
              for c in owners["chains"]]
    # R 40 %; H1 60 % x Q 50 % = 30 %; H1 60 % x H2 (unknown) = unknown.
    assert chains == [([("p-r", 40.0)], 40.0), ([("h1", 60.0), ("h2", None)], None),
                      ([("h1", 60.0), ("p-q", 50.0)], 30.0)]
    assert owners["chains"][2]["links"][1]["owner"] == {"name": "Q Person"}
    assert [(u["entity"]["id"], u["effectiveShare"]) for u in owners["ultimateOwners"]] == [
        ("p-r", 40.0), ("p-q", 30.0), ("h2", None)]
    assert owners["company"] == {"name": "Casino Co"} and owners["partial"] is False


def test_controlled_by_and_compounds(gql: Executor, graph: Graph) -> None:
    corporate_scenario().write(graph)
    query = """{ controlledBy(person: "p-q") { person { name }
      companies { entity { id } via depth effectiveShare }
      wallets { wallet { id } controllerId controller { name } }
      compounds { compound { id } hops operators { id } } }
      compounds(linkedTo: "tron:wc", maxHops: 4) { hops compound { id name
        ... on Compound { country province status lat lon } } } }"""
    data = gql.data(query, Role.READER)
    control = data["controlledBy"]
    assert [(c["entity"]["id"], c["via"], c["depth"], c["effectiveShare"])
            for c in control["companies"]] == [
        ("d1", "DIRECTOR_OF", 1, None), ("h1", "OWNS", 1, 50.0),
        ("co-c", "OWNS", 2, 30.0), ("sib", "OWNS", 2, 50.0)]
    assert [(w["wallet"]["id"], w["controller"]["name"]) for w in control["wallets"]] == [
        ("tron:wc", "Casino Co"), ("tron:wd", "Directed Co")]
    assert [(k["compound"]["id"], k["operators"], k["hops"]) for k in control["compounds"]] == [
        ("k2", [{"id": "co-c"}], 3), ("k3", [{"id": "sib"}], 3)]
    # wc -> Casino Co operates K2 (2 links); up to H1 and down to Sib Co, which runs K3 (4).
    k2, k3 = data["compounds"]
    assert (k2["hops"], k3["hops"], k3["compound"]["id"]) == (2, 4, "k3")
    assert k2["compound"] == {"id": "k2", "name": "Compound K2", "country": "KH",
                              "province": "Sihanoukville", "status": "active",
                              "lat": 10.6, "lon": 103.5}


def test_paths_skip_supernodes(graph: Graph, api_settings: Settings) -> None:
    paths_scenario().write(graph)
    query = """{ paths(from: "pp", to: "co2", maxLength: 6, k: 5) { partial from { id }
      paths { length nodes { id } edges { type startId endId properties start { id } } } } }"""
    tight = api_settings.model_copy(update={"supernode_degree": 5})
    result = Executor(build_schema(tight), tight, graph).data(query, Role.READER)["paths"]
    # hub has 6 relationships (> 5) and ex1 is an exchange deposit address: both skipped.
    assert [[n["id"] for n in p["nodes"]] for p in result["paths"]] == [
        ["pp", "co3", "co2"], ["pp", "co1", "tron:w1", "tron:w3", "tron:w2", "co2"]]
    first = result["paths"][0]
    assert [(e["type"], e["startId"], e["endId"], e["properties"]["share"], e["start"]["id"])
            for e in first["edges"]] == [("OWNS", "pp", "co3", 100.0, "pp"),
                                         ("OWNS", "co3", "co2", 100.0, "co3")]
    assert first["length"] == 2 and result["from"] == {"id": "pp"}
