"""trace, exposure and flows through the real schema on the hand-made graphs of
tests/graph/scenario.py; every expected number is worked out in that file's docstrings."""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from api.schema import build_schema
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Executor
from tests.graph.scenario import (
    Scenario,
    exposure_scenario,
    flows_scenario,
    trace_scenario,
)

TRACE = """query($rollup: Boolean!) {
  trace(seeds: ["tron:V"], maxHops: 3, minAmount: 10, assets: ["USDT"], rollup: $rollup) {
    direction partial pathsExplored seedWalletIds seedWallets { id }
    organisations { id name kinds pathCount minHops firstTs amounts { asset amount }
      members { id name } organization { name }
      evidence { hops { tx amount amountRaw from { id } to { id ... on Wallet { chain } } } } }
    unattributed { walletId amounts { asset amount } wallet { id } } } }"""


def amounts(rows: list[dict[str, Any]]) -> dict[str, float]:
    return {a["asset"]: a["amount"] for a in rows}


def test_forward_trace(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    trace = gql.data(TRACE, Role.ANALYST, rollup=False)["trace"]
    # t4 and t7 break time order, t8 is below 10, t9 is TRX: Pay gets t5 (500), Guarantee t6 (250).
    assert [(o["id"], amounts(o["amounts"])) for o in trace["organisations"]] == [
        ("pay", {"USDT": 500.0}), ("guar", {"USDT": 250.0})]
    assert (trace["direction"], trace["partial"], trace["pathsExplored"]) == ("FORWARD", False, 6)
    assert trace["seedWallets"] == [{"id": "tron:V"}]
    pay = trace["organisations"][0]
    assert (pay["kinds"], pay["pathCount"], pay["minHops"]) == (["PaymentProvider"], 1, 3)
    assert pay["organization"] == {"name": "Pay Co"} and pay["firstTs"].startswith("2024-01-04")
    hops = pay["evidence"][0]["hops"]
    assert [(h["tx"], h["from"]["id"], h["to"]["id"], h["amount"]) for h in hops] == [
        ("t1", "tron:V", "tron:A", 1000.0), ("t2", "tron:A", "tron:B", 600.0),
        ("t5", "tron:B", "tron:X1", 500.0)]
    assert hops[0]["amountRaw"] == "1000000000" and hops[0]["to"]["chain"] == "tron"
    assert [(e["walletId"], amounts(e["amounts"]), e["wallet"]["id"])
            for e in trace["unattributed"]] == [("tron:K", {"USDT": 50.0}, "tron:K")]


def test_trace_rolls_up_to_the_group(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    (group,) = gql.data(TRACE, Role.ANALYST, rollup=True)["trace"]["organisations"]
    # Pay -> Mid -> Group by SUBSIDIARY_OF; Group owns 60 % of Guarantee: 500 + 250.
    assert (group["id"], group["name"], amounts(group["amounts"])) == (
        "group", "Group Holdings", {"USDT": 750.0})
    assert [m["name"] for m in group["members"]] == ["Guarantee Co", "Pay Co"]
    assert group["pathCount"] == 2


def test_evidence_is_built_only_when_the_query_reads_it(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    # The same evidence asked for through a fragment and an inline fragment; and not at all.
    by_fragment = """query { trace(seeds: ["tron:V"], maxHops: 3, minAmount: 10, assets: ["USDT"])
      { ...Orgs } } fragment Orgs on Trace { organisations { id ... on OrganisationReach {
        evidence { hops { tx } } } } }"""
    [pay, _] = gql.data(by_fragment, Role.ANALYST)["trace"]["organisations"]
    assert [h["tx"] for h in pay["evidence"][0]["hops"]] == ["t1", "t2", "t5"]
    plain = gql.data(TRACE, Role.ANALYST, rollup=False)["trace"]["organisations"]
    without = """query { trace(seeds: ["tron:V"], maxHops: 3, minAmount: 10, assets: ["USDT"])
      { organisations { id pathCount } } }"""
    orgs = gql.data(without, Role.ANALYST)["trace"]["organisations"]
    assert [(o["id"], o["pathCount"]) for o in orgs] == [(o["id"], o["pathCount"]) for o in plain]


def test_trace_entities_load_in_one_batch(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    gql.data(TRACE, Role.ANALYST, rollup=True)
    # One trace, then every from/to/members/organization/wallet lookup in one batch per tick.
    assert gql.last_calls[0] == "trace"
    assert 1 <= gql.last_calls.count("get_entities") <= 3


EXPOSURE = """query($method: ExposureMethod!, $hops: Int!) {
  exposure(target: "tron:T", maxHops: $hops, method: $method) {
    targetWalletIds target { id } targetWallets { id } method maxHops explanation partial
    inflow { asset amount transfers }
    categories { category directShare direct { asset amount share }
      indirect { asset amount share } directSourceIds directSources { id } } } }"""


def usdt(result: dict[str, Any], category: str, level: str) -> tuple[float, float]:
    (cat,) = [c for c in result["categories"] if c["category"] == category]
    (row,) = [r for r in cat[level] if r["asset"] == "USDT"]
    return round(row["amount"], 9), round(row["share"], 9)


def test_exposure_haircut(gql: Executor, graph: Graph) -> None:
    exposure_scenario().write(graph)
    result = gql.data(EXPOSURE, Role.ANALYST, method="HAIRCUT", hops=2)["exposure"]
    assert result["inflow"] == [{"asset": "TRX", "amount": 10.0, "transfers": 1},
                                {"asset": "USDT", "amount": 500.0, "transfers": 4}]
    # Direct: S1 100 of 500 sanctioned, C1 50 compound-linked.
    assert usdt(result, "SANCTIONED", "direct") == (100.0, 0.2)
    assert usdt(result, "COMPOUND", "direct") == (50.0, 0.1)
    # The direct risky senders by category (M only passes scam value on: no direct scam sender).
    senders = {c["category"]: c["directSourceIds"] for c in result["categories"]}
    assert senders == {"SANCTIONED": ["tron:S1"], "SCAM": [], "COMPOUND": ["tron:C1"]}
    assert all([e["id"] for e in c["directSources"]] == c["directSourceIds"]
               for c in result["categories"])
    # Two hops, haircut: M passes on 200 * 30/240 sanctioned and 200 * 90/240 scam.
    assert usdt(result, "SANCTIONED", "indirect") == (125.0, 0.25)
    assert usdt(result, "SCAM", "indirect") == (75.0, 0.15)
    assert result["method"] == "HAIRCUT" and "haircut" in result["explanation"].lower()
    assert result["targetWalletIds"] == ["tron:T"] and result["partial"] is False
    assert result["target"] == {"id": "tron:T"} and result["targetWallets"] == [{"id": "tron:T"}]


def test_exposure_direct_any_contact(gql: Executor, graph: Graph) -> None:
    exposure_scenario().write(graph)
    result = gql.data(EXPOSURE, Role.ANALYST, method="ANY_CONTACT", hops=1)["exposure"]
    assert usdt(result, "SANCTIONED", "indirect") == (100.0, 0.2)  # one hop: indirect = direct
    (sanctioned,) = [c for c in result["categories"] if c["category"] == "SANCTIONED"]
    assert sanctioned["directShare"] == pytest.approx(100 / 510)  # nominal over USDT + TRX


FLOWS = """query($hops: Int!) { flows(from: "orga", to: "orgb", maxHops: $hops) {
  fromId toId from { name } to { name } groupBy partial direct { period asset amount transfers }
  within { period asset amount transfers amountRaw decimals } } }"""


def test_flows_by_month(gql: Executor, graph: Graph) -> None:
    flows_scenario().write(graph)
    flow = gql.data(FLOWS, Role.ANALYST, hops=2)["flows"]
    # Direct: f1 100 in January; f2 50 in February; f11 5 TRX in March.
    assert [(b["period"], b["asset"], b["amount"]) for b in flow["direct"]] == [
        ("2024-01", "USDT", 100.0), ("2024-02", "USDT", 50.0), ("2024-03", "TRX", 5.0)]
    # Within two hops February adds m -> b1 (f4 60) after f3/f5 entered m; f7 precedes f6.
    feb = [b for b in flow["within"] if b["period"] == "2024-02" and b["asset"] == "USDT"]
    assert [(b["amount"], b["transfers"]) for b in feb] == [(110.0, 2)]
    assert [(b["amountRaw"], b["decimals"]) for b in feb] == [("110000000", 6)]
    assert (flow["fromId"], flow["toId"], flow["groupBy"]) == ("orga", "orgb", "MONTH")
    assert (flow["from"], flow["to"]) == ({"name": "Org A"}, {"name": "Org B"})


def test_flow_sums_are_exact_in_base_units(gql: Executor, graph: Graph) -> None:
    s = Scenario()
    a, b = s.wallet("fa"), s.wallet("fb")
    s.org("orga", "Org A", "Company")
    s.org("orgb", "Org B", "OTCDesk")
    s.link("CONTROLLED_BY", a, "orga")
    s.link("CONTROLLED_BY", b, "orgb")
    # 0.1 + 0.2 USDT: the float sum is 0.30000000000000004, the base units exactly 300000.
    s.send_all([("x1", a, b, 0.1, "2024-05-01"), ("x2", a, b, 0.2, "2024-05-02")])
    s.write(graph)
    [may] = gql.data(FLOWS, Role.ANALYST, hops=1)["flows"]["within"]
    assert (may["period"], may["transfers"], may["amountRaw"], may["decimals"]) == (
        "2024-05", 2, "300000", 6)


def test_bad_hops_name_the_limit(gql: Executor, graph: Graph) -> None:
    result = gql("{ flows(from: \"orga\", to: \"orgb\", maxHops: 7) { partial } }", Role.ANALYST)
    (error,) = result.errors
    assert error.extensions["code"] == "INVALID_ARGUMENT"
    # Refused while validating, under the argument's GraphQL name (nothing ran).
    assert error.message == "Query.flows: maxHops=7 is out of range: it must be between 1 and 6"
    assert gql.last_calls == []


def test_max_paths_budget_marks_the_trace_partial(gql: Executor, graph: Graph) -> None:
    trace_scenario().write(graph)
    # With the USDT >= 10 filter every hop-2 candidate (B, C) has a hop 3: one path per hop.
    query = """{ trace(seeds: ["tron:V"], maxHops: 3, maxPaths: 1, minAmount: 10,
      assets: ["USDT"]) { partial reason pathsExplored } }"""
    trace = gql.data(query, Role.ANALYST)["trace"]
    assert trace["partial"] is True and "max_paths" in trace["reason"]
    assert trace["pathsExplored"] == 3


def test_time_budget_is_a_coded_error(api_settings: Settings, graph: Graph) -> None:
    # 40 wallets, every ordered pair linked: a 6-hop enumeration cannot finish in 1 ms.
    graph.driver.execute_query(
        "UNWIND range(0, 39) AS i CREATE (:Entity:Wallet {id: 'tron:d' + i, chain: 'tron'}) "
        "WITH count(*) AS _ MATCH (a:Wallet), (b:Wallet) WHERE a <> b "
        "CREATE (a)-[:TRANSFER {id: a.id + b.id, asset: 'USDT', amount: 1.0, "
        "ts: datetime('2024-01-01T00:00:00Z')}]->(b)", database_=graph.database)
    hurried = Graph(graph.driver, graph.database, timeout_s=0.001)
    run = Executor(build_schema(api_settings), api_settings, hurried)
    result = run('{ trace(seeds: ["tron:d0"], maxHops: 6, maxPaths: 50000) { partial } }',
                 Role.ANALYST)
    if result.errors:
        (error,) = result.errors
        assert error.extensions["code"] == "BUDGET_EXCEEDED"
        assert error.extensions["limit"] == "query_timeout_s"
        assert "time budget" in error.message
    else:
        assert result.data["trace"]["partial"] is True
