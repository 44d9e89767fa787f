"""HAIRCUT traces on the generated scenario equal the ground truth's proportional figures.

synth/scenario.add_reaches records, per victim, the exact sum paid to the first organisation
(`direct`) and downstream the victim's proportional share of what each organisation got
(`downstream_haircut`: organisation amount x paid / all victims' payments, to the micro-USDT).
A HAIRCUT trace from the victim alone must find those figures to the cent, and every trace
must conserve its value exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from graph.db import Graph
from graph.investigate.trace import trace
from graph.investigate.types import TraceMethod, TraceParams, TraceResult
from graph.maintenance import clear_data
from scamgraph.settings import Settings
from synth.load import load_scenario

Scenario = tuple[Path, dict[str, Any]]
HOPS = {"pig-butchering": 5, "spray-and-funnel": 3, "btc-peel-chain": 6}
# HAIRCUT floors each transfer's share to the base unit: a few base units per hop and wallet
# at most, far inside a cent (USDT) or 100 satoshis (BTC).
CLOSE = {"USDT": Decimal("0.01"), "BTC": Decimal("0.000001")}


@pytest.fixture(scope="module")
def loaded(session_graph: Graph, settings: Settings, scenario: Scenario) -> Iterator[Graph]:
    clear_data(session_graph)
    load_scenario(session_graph, scenario[0], settings)
    yield session_graph
    clear_data(session_graph)


def found(result: TraceResult) -> dict[str, dict[str, int]]:
    return {o.id: {a.asset: int(a.amount_raw or 0) for a in o.amounts}
            for o in result.organisations}


def expected(truth: dict[str, Any], victim: dict[str, Any], hops: int
             ) -> dict[str, dict[str, tuple[Decimal, int]]]:
    """Per organisation and asset: (amount, decimals), within `hops` of the victim."""
    sections = [victim["direct"], victim["downstream_haircut"]]
    if victim["case"] == "btc-peel-chain":
        sections[1] = peels_within(truth, victim, hops)
    return {gid: {asset: (Decimal(a["amount"]), int(a["decimals"]))
                  for asset, a in v["amounts"].items()}
            for section in sections for gid, v in section.items()}


def peels_within(truth: dict[str, Any], victim: dict[str, Any], hops: int) -> dict[str, Any]:
    """The victim's share of the peels within `hops` (an exchange takes peels 3 hops apart, so
    the truth's per-exchange total is for an unbounded trace)."""
    peel = next(c for c in truth["cases"] if c["id"] == "btc-peel-chain")
    share, out = Decimal(victim["proportional_share"]), {}
    for p in peel["peels"]:
        if p["hop"] + 1 <= hops:  # victim -> start is the first hop
            got = out.setdefault(p["exchange"], Decimal(0))
            out[p["exchange"]] = got + Decimal(p["amount"]["amount"]) * share
    return {gid: {"amounts": {"BTC": {"amount": str(a), "decimals": 8}}}
            for gid, a in out.items()}


def conserved(result: TraceResult) -> None:
    assert result.conservation, "a value trace states its conservation"
    for c in result.conservation:
        assert c.sent_raw == sum((c.attributed_raw, c.still_held_raw, c.returned_to_seeds_raw,
                                  c.dropped_min_amount_raw, c.dropped_hop_cap_raw,
                                  c.dropped_budget_raw))
        held = sum(w.held_raw for w in result.wallets if w.asset == c.asset)
        assert held == c.attributed_raw + c.still_held_raw


def victims(truth: dict[str, Any]) -> list[dict[str, Any]]:
    return [v for v in truth["victims"] if v["case"] in HOPS]


def test_haircut_from_each_victim_equals_the_proportional_truth(
        loaded: Graph, scenario: Scenario) -> None:
    _, truth = scenario
    checked = 0
    for victim in victims(truth):
        hops = HOPS[victim["case"]]
        result = trace(loaded, TraceParams(seeds=(victim["wallet"],), max_hops=hops,
                                           method=TraceMethod.HAIRCUT))
        assert not result.partial
        conserved(result)
        got, want = found(result), expected(truth, victim, hops)
        assert set(got) == set(want), victim["wallet"]
        for gid, amounts in want.items():
            assert got[gid].keys() == amounts.keys(), (victim["wallet"], gid)
            for asset, (value, decimals) in amounts.items():
                amount = Decimal(got[gid][asset]).scaleb(-decimals)
                assert abs(amount - value) < CLOSE[asset], (victim["wallet"], gid, amount, value)
                checked += 1
    assert checked > len(victims(truth))  # downstream organisations were compared too


@pytest.mark.parametrize("method", [TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO])
def test_every_trace_of_a_sample_conserves(loaded: Graph, scenario: Scenario,
                                           method: TraceMethod) -> None:
    _, truth = scenario
    case = next(c for c in truth["cases"] if c["id"] == "pig-butchering")
    first = {v["case"]: v["wallet"] for v in reversed(victims(truth))}
    for seed in [*((w,) for w in first.values()), tuple(case["seeds"])]:
        for hops in (3, 6):
            conserved(trace(loaded, TraceParams(seeds=seed, max_hops=hops, method=method)))
