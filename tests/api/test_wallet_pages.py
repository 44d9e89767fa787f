"""A wallet's transfers (`Wallet.transfers`), an organisation's wallets (`Organization.wallets`)
and the light neighbourhood (`edges: TREE`), over GraphQL on hand-made graphs."""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from graph.db import Graph
from graph.investigate import neighbourhood
from tests.api.support import Executor
from tests.graph.scenario import Scenario

# W sent t1 (03-01, 100 USDT), t3 (03-03, 5 USDT), t5 (03-05, 40 TRX); received t2 (03-02, 70
# USDT from A) and t4 (03-04, 300 USDT from B). X's t6 (A -> B) does not involve W.
SENT_AND_RECEIVED = [("t1", "tron:W", "tron:A", 100, "2024-03-01"),
                     ("t2", "tron:A", "tron:W", 70, "2024-03-02"),
                     ("t3", "tron:W", "tron:B", 5, "2024-03-03"),
                     ("t4", "tron:B", "tron:W", 300, "2024-03-04"),
                     ("t5", "tron:W", "tron:A", 40, "2024-03-05", "TRX"),
                     ("t6", "tron:A", "tron:B", 1, "2024-03-06")]
TRANSFERS = """query($dir: TransferDirection, $first: Int!, $after: String, $min: Float,
  $assets: [String!], $oldest: Boolean! = false, $since: DateTime) {
  entity(id: "tron:W") { ... on Wallet { transfers(direction: $dir, first: $first,
    after: $after, minAmount: $min, assets: $assets, oldestFirst: $oldest, since: $since) {
    totalCount totalIsLowerBound pageInfo { hasNextPage endCursor }
    edges { direction node { id amount amountRaw asset from { id } to { id } } } } } } }"""


@pytest.fixture
def wallets(graph: Graph) -> Graph:
    s = Scenario()
    for name in ["W", "A", "B"]:
        s.wallet(name)
    s.org("o", "Org One", "Company")
    s.org("o-alias", "ORG ONE LTD", "Company")
    for w, owner in [("W", "o"), ("A", "o"), ("B", "o-alias")]:
        s.link("CONTROLLED_BY", f"tron:{w}", owner)
    s.send_all(SENT_AND_RECEIVED)
    s.write(graph)
    return graph


def _page(gql: Executor, **variables: Any) -> Any:
    return gql.data(TRANSFERS, Role.READER, **variables)["entity"]["transfers"]


def _ids(page: Any) -> list[str]:
    return [e["node"]["id"].split(":")[1] for e in page["edges"]]


def test_newest_first_paged_with_direction_and_counterpart(gql: Executor, wallets: Graph) -> None:
    first = _page(gql, first=2)
    assert (_ids(first), first["totalCount"], first["pageInfo"]["hasNextPage"]) == (
        ["t5", "t4"], 5, True)
    assert [e["direction"] for e in first["edges"]] == ["OUT", "IN"]
    assert first["edges"][1]["node"]["from"]["id"] == "tron:B"
    assert first["edges"][1]["node"]["amountRaw"] == "300000000"
    rest = _page(gql, first=10, after=first["pageInfo"]["endCursor"])
    assert (_ids(rest), rest["pageInfo"]["hasNextPage"]) == (["t3", "t2", "t1"], False)


def test_filters(gql: Executor, wallets: Graph) -> None:
    assert _ids(_page(gql, first=10, dir="IN")) == ["t4", "t2"]
    assert _ids(_page(gql, first=10, dir="OUT", oldest=True)) == ["t1", "t3", "t5"]
    assert _ids(_page(gql, first=10, min=50.0, assets=["USDT"])) == ["t4", "t2", "t1"]
    since = _page(gql, first=10, since="2024-03-03T00:00:00Z")
    assert (_ids(since), since["totalCount"]) == (["t5", "t4", "t3"], 3)


def test_an_organisations_wallets_with_its_cluster(gql: Executor, wallets: Graph) -> None:
    query = """query($after: String) { entity(id: "o") { ... on Organization {
      wallets(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id } } } } } }"""
    page = gql.data(query, Role.READER)["entity"]["wallets"]
    assert ([e["node"]["id"] for e in page["edges"]], page["totalCount"]) == (
        ["tron:A", "tron:W"], 2)
    gql.data('mutation { judgeEntities(a: "o", b: "o-alias", verdict: "same") { id } }',
             Role.ANALYST)
    first = gql.data(query, Role.READER)["entity"]["wallets"]
    assert (first["totalCount"], first["pageInfo"]["hasNextPage"]) == (3, True)
    rest = gql.data(query, Role.READER, after=first["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in rest["entity"]["wallets"]["edges"]] == ["tron:W"]


def test_tree_keeps_one_edge_per_reached_node(gql: Executor, wallets: Graph) -> None:
    """Around W at depth 1: A (t1, t2, t5), B (t3, t4) and o (CONTROLLED_BY). ALL returns the
    six relationships found; TREE one per neighbour."""
    full = neighbourhood(wallets, "tron:W", depth=1)
    light = neighbourhood(wallets, "tron:W", depth=1, edges="TREE")
    assert {n.id for n in light.nodes} == {n.id for n in full.nodes} == {
        "tron:W", "tron:A", "tron:B", "o"}
    assert len(full.edges) == 6 and len(light.edges) == len(light.nodes) - 1
    # The lowest key that reaches a neighbour from W: t1 for A, t3 for B.
    keys = {e.key for e in light.edges}
    assert {"tron:t1:0", "tron:t3:0"} <= keys
    data = gql.data('{ neighbourhood(id: "tron:W", edges: TREE) { edges { key } } }',
                    Role.READER)
    assert {e["key"] for e in data["neighbourhood"]["edges"]} == keys


def test_an_organisations_wallets_transfers_in_one_graph_call(gql: Executor,
                                                             wallets: Graph) -> None:
    """o's wallets A and W each list their sent transfers; the wallets, their records and
    their pages come from one statement and equal what each wallet's own query answers."""
    query = """{ entity(id: "o") { ... on Organization { wallets(first: 10) { edges { node {
      id ... on Wallet { transfers(direction: OUT, first: 2) { totalCount
        pageInfo { hasNextPage } edges { node { id to { id } } } } } } } } } } }"""
    edges = gql.data(query, Role.READER)["entity"]["wallets"]["edges"]
    # o's record with its wallets and their transfers, then the counterparts (`to`).
    assert gql.last_calls == ["wallet_records", "get_entities"]
    pages = {e["node"]["id"]: e["node"]["transfers"] for e in edges}
    assert {w: _ids(p) for w, p in pages.items()} == {"tron:A": ["t6", "t2"],
                                                     "tron:W": ["t5", "t3"]}
    assert (pages["tron:W"]["totalCount"], pages["tron:W"]["pageInfo"]["hasNextPage"]) == (3, True)
    alone = gql.data("""{ entity(id: "tron:W") { ... on Wallet { transfers(direction: OUT,
      first: 2) { totalCount pageInfo { hasNextPage } edges { node { id to { id } } } } } } }""",
                     Role.READER)["entity"]["transfers"]
    assert alone == pages["tron:W"]


def test_wallets_reached_by_a_traversal_load_their_transfers_together(
        gql: Executor, wallets: Graph) -> None:
    """Around o: W and A, whose pages nobody fetched beforehand, come through the DataLoader
    in one graph call and answer as each wallet's own query."""
    query = """{ neighbourhood(id: "o") { nodes { id ... on Wallet {
      transfers(first: 2) { totalCount edges { direction node { id } } } } } } }"""
    nodes = {n["id"]: n for n in gql.data(query, Role.READER)["neighbourhood"]["nodes"]}
    assert gql.last_calls.count("pages_of") == 1
    for wallet in ["tron:W", "tron:A"]:
        own = gql.data(f'{{ entity(id: "{wallet}") {{ ... on Wallet {{ transfers(first: 2) {{'
                       ' totalCount edges { direction node { id } } } } } }', Role.READER)
        assert nodes[wallet]["transfers"] == own["entity"]["transfers"]
    assert nodes["tron:W"]["transfers"]["totalCount"] == 5
