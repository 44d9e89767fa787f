"""Value-tracing methods on the hand-made graphs of tests/graph/taint_scenarios.py.

Every expected figure is worked out in that file's docstrings; amounts are base units.
Every value trace is also checked for conservation (check below).
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import trace
from graph.investigate.types import TraceMethod, TraceParams, TraceResult
from tests.graph import taint_scenarios as sc
from tests.graph.scenario import Scenario, trace_scenario

U, BTC = sc.U, sc.BTC
H, F, L, P = TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO, TraceMethod.POISON


def run(graph: Graph, method: TraceMethod, seed: str = "tron:S", **kw: object) -> TraceResult:
    result = trace(graph, TraceParams(seeds=(seed,), method=method, **kw))  # type: ignore[arg-type]
    check(result)
    return result


def check(result: TraceResult) -> None:
    """sent = the parts, exactly; the wallets' holdings are the attributed and held parts."""
    if result.method is TraceMethod.POISON:
        assert result.conservation == () and "NOT conserved" in result.amount_semantics
        return
    for c in result.conservation:
        parts = (c.attributed_raw, c.still_held_raw, c.returned_to_seeds_raw,
                 c.dropped_min_amount_raw, c.dropped_hop_cap_raw, c.dropped_budget_raw)
        assert sum(parts) == c.sent_raw
        held = sum(w.held_raw for w in result.wallets if w.asset == c.asset)
        assert held == c.attributed_raw + c.still_held_raw
        for o in result.organisations:
            assert all(int(a.amount_raw or 0) <= c.sent_raw for a in o.amounts
                       if a.asset == c.asset)


def received(result: TraceResult, asset: str = "USDT") -> dict[str, int]:
    return {w.wallet_id: w.received_raw for w in result.wallets if w.asset == asset}


def held(result: TraceResult, asset: str = "USDT") -> dict[str, int]:
    return {w.wallet_id: w.held_raw for w in result.wallets if w.asset == asset}


def conserved(result: TraceResult, asset: str = "USDT") -> tuple[int, ...]:
    (c,) = [c for c in result.conservation if c.asset == asset]
    return (c.sent_raw, c.attributed_raw, c.still_held_raw, c.returned_to_seeds_raw,
            c.dropped_min_amount_raw, c.dropped_hop_cap_raw, c.dropped_budget_raw)


def written(graph: Graph, scenario: Scenario) -> Graph:
    scenario.write(graph)
    return graph


@pytest.mark.parametrize(("method", "to_x", "to_y"), [
    (P, 6 * U, 4 * U), (H, 1_800_000, 1_200_000), (F, 3 * U, 0), (L, 0, 3 * U)])
def test_mixed_then_split(graph: Graph, method: TraceMethod, to_x: int, to_y: int) -> None:
    result = run(written(graph, sc.mix_split()), method)
    got = received(result)
    assert (got.get("tron:X", 0), got.get("tron:Y", 0)) == (to_x, to_y)
    orgs = {o.id: [(a.asset, a.amount_raw) for a in o.amounts] for o in result.organisations}
    assert orgs == ({"xco": [("USDT", str(to_x))]} if to_x else {})
    if method is not P:
        assert conserved(result) == (3 * U, 3 * U, 0, 0, 0, 0, 0)
        assert held(result)["tron:M"] == 0 and received(result)["tron:M"] == 3 * U


def test_haircut_floors_and_the_fraction_stays_with_the_sender(graph: Graph) -> None:
    result = run(written(graph, sc.thirds()), H)
    assert received(result) == {"tron:M": 1}
    assert held(result) == {"tron:M": 1}
    assert conserved(result) == (1, 1, 0, 0, 0, 0, 0)


@pytest.mark.parametrize("method", [P, H, F, L])
def test_money_received_after_a_payment_is_not_in_it(graph: Graph, method: TraceMethod) -> None:
    result = run(written(graph, sc.paid_before()), method)
    assert "tron:Z" not in received(result)
    assert received(result)["tron:Z2"] == 2 * U
    assert [e.wallet_id for e in result.unattributed] == ["tron:Z2"]
    if method is not P:
        assert held(result)["tron:M"] == 3 * U
        assert conserved(result) == (5 * U, 2 * U, 3 * U, 0, 0, 0, 0)


@pytest.mark.parametrize("method", [H, F, L])
def test_peel_chain_to_the_hop_cap(graph: Graph, method: TraceMethod) -> None:
    result = run(written(graph, sc.peel_chain()), method, max_hops=3)
    assert held(result) == {"tron:P1": 0, "tron:P2": 0, "tron:P3": 4 * U,
                            "tron:E1": U, "tron:E2": U}
    assert conserved(result) == (10 * U, 2 * U, 4 * U, 0, 0, 4 * U, 0)
    assert [(w.wallet_id, w.role, w.hops, w.passed_on_raw) for w in result.wallets][:2] == [
        ("tron:P1", "intermediate", 1, 10 * U), ("tron:P2", "intermediate", 2, 9 * U)]
    # Below min_amount the 1-unit peels are not followed: their value is dropped.
    capped = run(graph, method, max_hops=3, min_amount=2.0)
    assert conserved(capped) == (10 * U, 0, 4 * U, 0, 2 * U, 4 * U, 0)


@pytest.mark.parametrize("method", [H, F, L])
def test_round_trip_back_to_the_seed(graph: Graph, method: TraceMethod) -> None:
    result = run(written(graph, sc.round_trip()), method)
    assert received(result) == {"tron:A": 10 * U, "tron:B": 6 * U}
    assert conserved(result) == (10 * U, 6 * U, 0, 4 * U, 0, 0, 0)


@pytest.mark.parametrize(("method", "trx_to_c", "trx_parts"), [
    (H, 2_500_000, (2_500_000, 2_500_000)), (F, 0, (5 * U, 0)), (L, 5 * U, (5 * U, 0))])
def test_two_assets_keep_separate_pools(graph: Graph, method: TraceMethod, trx_to_c: int,
                                        trx_parts: tuple[int, int]) -> None:
    result = run(written(graph, sc.two_assets()), method)
    assert received(result) == {"tron:A": 10 * U, "tron:B": 4 * U}
    assert received(result, "TRX").get("tron:C", 0) == trx_to_c
    assert conserved(result) == (10 * U, 4 * U, 6 * U, 0, 0, 0, 0)
    assert conserved(result, "TRX") == (5 * U, *trx_parts, 0, 0, 0, 0)


@pytest.mark.parametrize(("method", "to_o4"), [(H, 75_000_000), (F, BTC), (L, 50_000_000)])
def test_utxo_two_inputs_three_outputs(graph: Graph, method: TraceMethod, to_o4: int) -> None:
    result = run(written(graph, sc.utxo()), method, seed="bitcoin:S")
    got = received(result, "BTC")
    assert (got["bitcoin:O1"], got["bitcoin:O2"], got["bitcoin:O3"]) == (
        150_000_000, 112_500_000, 37_500_000)
    assert got.get("bitcoin:O4", 0) == to_o4
    assert conserved(result, "BTC")[:2] == (3 * BTC, 3 * BTC - 150_000_000 + to_o4)


def test_paths_is_the_default_method(graph: Graph) -> None:
    # BACKWARD value traces: tests/graph/test_taint_backward.py.
    written(graph, sc.round_trip())
    paths = trace(graph, TraceParams(seeds=("tron:S",)))
    assert paths.method is TraceMethod.PATHS and paths.conservation == ()


@pytest.mark.parametrize("method", [H, F, L])
def test_trace_scenario_by_value(graph: Graph, method: TraceMethod) -> None:
    # tests/graph/scenario.trace_scenario: V's 1000 reach A; A's t4 is older (clean), A keeps
    # 100; B keeps 45 after t5 500 to Pay, t10 50 to K and t8 5 (< 10: dropped); C keeps 50
    # after t6 250 to Guarantee (t7 is older, W's t13 later and clean); Pay's X1 is on the
    # last level: its t11 400 leaves the region past the hop cap.
    trace_scenario().write(graph)
    result = run(graph, method, seed="tron:V", max_hops=3, min_amount=10.0, assets=("USDT",))
    assert {o.id: o.amounts[0].amount_raw for o in result.organisations} == {
        "pay": str(500 * U), "guar": str(250 * U)}
    assert [(e.wallet_id, e.amounts[0].amount) for e in result.unattributed] == [
        ("tron:K", 50.0)]
    assert held(result) == {"tron:A": 100 * U, "tron:B": 45 * U, "tron:C": 50 * U,
                            "tron:X1": 100 * U, "tron:X2": 250 * U, "tron:K": 50 * U}
    assert conserved(result) == (1000 * U, 400 * U, 195 * U, 0, 5 * U, 400 * U, 0)
    # PATHS on the same graph counts whole transfers: no conservation, Pay 500 either way.
    assert trace(graph, TraceParams(seeds=("tron:V",), min_amount=10.0)).conservation == ()
