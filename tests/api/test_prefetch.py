"""A parent fetching its children's data in its own statement (graph wallet_records,
neighbourhood records) answers exactly what the per-level DataLoaders answer: records,
transfer pages, their order and cursors, and errors on the field that has them."""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from graph.db import Graph
from graph.investigate import get_entities, neighbourhood, organization_wallets
from graph.investigate.wallet_transfers import TransferFilter, pages_of, wallet_records
from tests.api.support import Executor
from tests.api.test_wallet_pages import SENT_AND_RECEIVED
from tests.graph.scenario import Scenario

USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"  # a valid base58check address, for wallet(address)
ORG = """query($first: Int!, $after: String, $t: Int!, $tAfter: String) {
  entity(id: "o") { ... on Organization { wallets(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name sanctioned clusterId ...Sent } } } } } }
fragment Sent on Wallet { transfers(direction: OUT, first: $t, after: $tAfter) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor direction node { id ts amount amountRaw toId } } } }"""
# The same selection asked twice with different pages: no single page to prefetch, so each
# wallet's transfers come through the DataLoader.
TWO_PAGES = ORG.replace("...Sent", """...Sent
  ... on Wallet { other: transfers(direction: OUT, first: 1) { totalCount } }""")
WALLET = """query($id: ID!, $after: String) { entity(id: $id) { id name ... on Wallet {
  transfers(first: 2, after: $after, oldestFirst: true) { totalCount
    pageInfo { hasNextPage endCursor } edges { cursor direction node { id ts toId } } } } } }"""


@pytest.fixture
def owned(graph: Graph) -> Graph:
    """o controls W, A (sanctioned) and Q (no transfers); B belongs to o's alias, which a
    judgement later merges into o's cluster. USDT (a real address) paid W last."""
    s = Scenario()
    for name in ["W", "A", "B", "Q", USDT]:
        s.wallet(name)
    s.org("o", "Org One", "Company")
    s.org("o-alias", "ORG ONE LTD", "Company")
    s.node(["Sanction"], "OFAC:X:1", authority="OFAC", program="X", listing_id="1")
    s.link("SANCTIONED_BY", "tron:A", "OFAC:X:1")
    for w, owner in [("W", "o"), ("A", "o"), ("Q", "o"), ("B", "o-alias")]:
        s.link("CONTROLLED_BY", f"tron:{w}", owner)
    s.send_all(SENT_AND_RECEIVED)
    s.send("u1", f"tron:{USDT}", "tron:W", 9, "2024-03-10")
    s.write(graph)
    return graph


def _org(gql: Executor, **variables: Any) -> Any:
    return gql.data(ORG, Role.READER, **variables)["entity"]["wallets"]


def test_records_and_pages_equal_the_loaders(owned: Graph) -> None:
    page = TransferFilter(first=2)
    for ids in (["tron:W", "tron:A", "tron:Q", "o", "nobody"], ["tron:W", "tron:W"]):
        got = wallet_records(owned, ids=ids, transfers=page)
        assert got.records == get_entities(owned, ids)
        assert got.transfers == {k: v for k, v in pages_of(owned, ids, page).items()
                                 if k in got.records}
    org = wallet_records(owned, organisation="o", first=2, transfers=page)
    assert org.page == organization_wallets(owned, "o", 2)
    assert org.page is not None and (org.page.wallets, org.page.total) == (
        ("tron:A", "tron:Q"), 3)
    assert org.records == get_entities(owned, ["tron:A", "tron:Q"])
    assert org.transfers == pages_of(owned, ["tron:A", "tron:Q"], page)
    for who in ("nobody", "tron:W"):  # not an organisation: no wallets
        assert wallet_records(owned, organisation=who).page == organization_wallets(owned, who)
    both = wallet_records(owned, ids=["o"], organisation="o", first=2, transfers=page)
    assert (both.page, both.transfers) == (org.page, {**org.transfers, **pages_of(
        owned, ["o"], page)})
    assert both.records == get_entities(owned, ["o", "tron:A", "tron:Q"])


def test_prefetched_pages_equal_the_dataloader_pages(gql: Executor, owned: Graph) -> None:
    prefetched = _org(gql, first=10, t=2)
    # The organisation, its wallets, their records and pages: one statement.
    assert gql.last_calls == ["wallet_records"]
    loaded = gql.data(TWO_PAGES, Role.READER, first=10, t=2)["entity"]["wallets"]
    assert gql.last_calls.count("pages_of") == 2  # one batch per page asked
    for edge in loaded["edges"]:
        del edge["node"]["other"]
    assert prefetched == loaded
    nodes = {e["node"]["id"]: e["node"] for e in prefetched["edges"]}
    assert [t["node"]["id"] for t in nodes["tron:W"]["transfers"]["edges"]] == [
        "tron:t5:0", "tron:t3:0"]
    assert nodes["tron:A"]["sanctioned"] and nodes["tron:Q"]["transfers"]["totalCount"] == 0


def test_cursors_continue_across_the_prefetch(gql: Executor, owned: Graph) -> None:
    """The second page of o's wallets, and of W's transfers after the first prefetched page,
    continue where the first stopped."""
    first = _org(gql, first=2, t=2)
    rest = _org(gql, first=2, t=2, after=first["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == [
        "tron:A", "tron:Q", "tron:W"]
    assert (first["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    w = rest["edges"][0]["node"]["transfers"]
    more = _org(gql, first=2, t=2, after=first["pageInfo"]["endCursor"],
                tAfter=w["pageInfo"]["endCursor"])["edges"][0]["node"]["transfers"]
    assert [t["node"]["id"] for t in w["edges"] + more["edges"]] == [
        "tron:t5:0", "tron:t3:0", "tron:t1:0"]
    assert [t["cursor"] for t in more["edges"]] == [more["pageInfo"]["endCursor"]]


def test_a_wallet_and_its_transfers_in_one_round_trip(gql: Executor, owned: Graph) -> None:
    first = gql.data(WALLET, Role.READER, id="tron:W")["entity"]
    assert gql.last_calls == ["wallet_records"]
    assert [e["node"]["id"] for e in first["transfers"]["edges"]] == ["tron:t1:0", "tron:t2:0"]
    assert first["transfers"]["edges"][1]["node"]["ts"] == "2024-03-02T00:00:00+00:00"
    rest = gql.data(WALLET, Role.READER, id="tron:W",
                    after=first["transfers"]["pageInfo"]["endCursor"])["entity"]["transfers"]
    assert [e["node"]["id"] for e in rest["edges"]] == ["tron:t3:0", "tron:t4:0"]
    assert gql.data(WALLET, Role.READER, id="nobody")["entity"] is None
    assert gql.last_calls == ["wallet_records"]  # the absent entity is not asked again
    by_address = gql.data("""query($a: String!) { wallet(chain: "tron", address: $a) { id
      transfers(first: 1) { edges { node { id toId } } } } }""", Role.READER, a=USDT)["wallet"]
    assert gql.last_calls == ["wallet_records"]
    assert by_address["transfers"]["edges"][0]["node"] == {"id": "tron:u1:0", "toId": "tron:W"}


def test_a_bad_child_argument_fails_on_the_child(gql: Executor, owned: Graph) -> None:
    result = gql(WALLET, Role.READER, id="tron:W", after="not-a-cursor")
    assert [e.path for e in result.errors or []] == [["entity", "transfers"]]
    assert result.data == {"entity": None} or result.data["entity"]["id"] == "tron:W"


def test_neighbourhood_records_in_its_own_statement(gql: Executor, owned: Graph) -> None:
    gql.data('mutation { judgeEntities(a: "o", b: "o-alias", verdict: "same") { id } }',
             Role.ANALYST)
    sub = neighbourhood(owned, "o", ["CONTROLLED_BY", "SANCTIONED_BY"], depth=2)
    ids = [n.id for n in sub.nodes]
    assert set(ids) >= {"o", "o-alias", "tron:A", "tron:B", "OFAC:X:1"}
    assert list(sub.nodes) == [get_entities(owned, ids)[i] for i in ids]
    gql.data('{ neighbourhood(id: "o", depth: 2) { nodes { id } edges { key } } }', Role.READER)
    assert gql.last_calls == ["neighbourhood"]
