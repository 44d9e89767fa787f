"""The ground truth agrees with the files: re-read every transfer and trace the cases again."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.synth.helpers import Edge, expected_orgs, mini_trace, scaled, transfers

Scenario = tuple[Path, dict[str, Any]]


@pytest.fixture(scope="module")
def edges(scenario: Scenario) -> list[Edge]:
    out, truth = scenario
    return list(transfers(out, truth))


def case(truth: dict[str, Any], case_id: str) -> dict[str, Any]:
    return next(c for c in truth["cases"] if c["id"] == case_id)


def test_counts_match_the_files(scenario: Scenario, edges: list[Edge]) -> None:
    _, truth = scenario
    by_chain = Counter(e.chain for e in edges)
    t = truth["transfers"]
    assert by_chain == {"tron": t["tron"], "ethereum": t["ethereum"], "bitcoin": t["bitcoin"]}
    assert sum(by_chain.values()) == truth["scale"]


@pytest.mark.parametrize("case_id, hops", [("pig-butchering", 6), ("escrow-otc-offramp", 4),
                                           ("spray-and-funnel", 3), ("bridge-hop", 3),
                                           ("btc-peel-chain", 12)])
def test_case_amounts_are_what_a_trace_finds(scenario: Scenario, edges: list[Edge],
                                             case_id: str, hops: int) -> None:
    _, truth = scenario
    c = case(truth, case_id)
    assert mini_trace(edges, truth, c["seeds"], hops) == expected_orgs(c["orgs"])


def test_each_victim_paid_the_planted_escalating_amounts(scenario: Scenario, edges: list[Edge]
                                                         ) -> None:
    _, truth = scenario
    org = {w: v.get("org") for w, v in truth["wallets"].items()}
    assert len(truth["victims"]) == 8 + 4 + 3
    for victim in truth["victims"]:
        [(direct, expected)] = victim["direct"].items()
        paid = [e.raw for e in edges if e.sender == victim["wallet"] and org.get(e.receiver)]
        assert [str(p) for p in paid] == [a["raw"] for a in victim["payments"]]
        assert {o for o in (org.get(e.receiver) for e in edges if e.sender == victim["wallet"])
                } == {direct}
        [(_, amount)] = expected["amounts"].items()
        assert sum(paid) == int(amount["raw"])
        if victim["case"] == "pig-butchering":
            assert all(b > a for a, b in itertools.pairwise(paid)), "escalating"


def test_offramp_chain_adds_up(scenario: Scenario) -> None:
    _, truth = scenario
    pb, off = case(truth, "pig-butchering"), case(truth, "escrow-otc-offramp")
    bridge = case(truth, "bridge-hop")
    total = sum(int(v["paid"]["USDT"]["raw"]) for v in truth["victims"]
                if v["case"] == "pig-butchering")
    orgs = expected_orgs(off["orgs"])
    assert orgs["synth-meridian-guarantee"]["USDT"] == total == expected_orgs(
        pb["orgs"])["gs-actor-synth-lotus-romance"]["USDT"]
    otc = orgs["synth-sunrise-otc"]["USDT"]
    assert otc == total - int(off["marketplace_fee"]["raw"])
    assert orgs["gs-actor-synth-kestrel-exchange"]["USDT"] + orgs[
        "gs-actor-synth-hopswap-bridge"]["USDT"] == otc
    assert int(bridge["in"]["amount"]["raw"]) == orgs["gs-actor-synth-hopswap-bridge"]["USDT"]
    # The bridge keeps 0.1 % (to the cent) and pays out the rest on Ethereum.
    bridged = int(bridge["in"]["amount"]["raw"])
    assert int(bridge["out"]["amount"]["raw"]) == bridged - bridged // 1000 // 10_000 * 10_000
    assert scaled(bridge["out"]["amount"]) > scaled(bridge["in"]["amount"]) * 998 / 1000


def test_peel_chain_conserves_value(scenario: Scenario) -> None:
    _, truth = scenario
    peel = case(truth, "btc-peel-chain")
    start = expected_orgs(peel["orgs"])["gs-actor-synth-lotus-romance"]["BTC"]
    peeled = sum(int(p["amount"]["raw"]) for p in peel["peels"])
    assert len(peel["peels"]) == 10
    assert start == peeled + int(peel["fees"]["raw"]) + int(peel["remainder"]["amount"]["raw"])


def test_exposure_of_the_cash_out_deposit_address(scenario: Scenario, edges: list[Edge]) -> None:
    _, truth = scenario
    target = truth["examples"]["exposure_deposit"]
    [exp] = [x for x in truth["exposure"] if x["wallet"] == target]
    inflow = [e for e in edges if e.receiver == target]
    assert sum(e.raw for e in inflow) == int(exp["inflow"]["raw"])
    otc = {w for w, v in truth["wallets"].items() if v.get("org") == "synth-sunrise-otc"}
    risky = sum(e.raw for e in inflow if e.sender in otc)
    assert risky == int(exp["from_case"]["raw"]) and 0 < risky < int(exp["inflow"]["raw"])


def test_degrees_are_heavy_tailed_with_exchange_supernodes(scenario: Scenario,
                                                           edges: list[Edge]) -> None:
    _, truth = scenario
    degree = Counter[str]()
    for e in edges:
        degree[e.sender] += 1
        degree[e.receiver] += 1
    ranked = [w for w, _ in degree.most_common()]
    hot = {w for w, v in truth["wallets"].items() if v["role"] == "hot-wallet"}
    assert set(ranked[:3]) <= hot
    counts = sorted(degree.values())
    assert counts[len(counts) // 2] <= 2 and counts[-1] > 100 * counts[len(counts) // 2]


def test_one_funder_tops_up_every_spray_wallet_before_it_is_used(scenario: Scenario,
                                                                 edges: list[Edge]) -> None:
    _, truth = scenario
    fees, spray = case(truth, "tron-fee-funding"), case(truth, "spray-and-funnel")
    funded = {e.receiver: e for e in edges if e.sender == fees["funder"]}
    assert {w: str(e.raw) for w, e in funded.items()} == {
        f["wallet"]: f["amount"]["raw"] for f in fees["funded"]}
    assert sum(e.raw for e in funded.values()) == int(fees["total"]["raw"])
    assert set(spray["intermediates"]) < set(funded) and len(funded) == 40
    first_use = {e.receiver: e.ts for e in edges if e.sender == spray["source"]}
    assert all(funded[w].ts < first_use[w] for w in spray["intermediates"])
