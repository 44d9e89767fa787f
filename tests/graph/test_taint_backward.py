"""BACKWARD value traces (sources of funds) on tests/graph/taint_back_scenarios.py's graphs.

Every expected figure is worked out in that file's docstrings; amounts are base units. Every
conserving trace is checked: received = attributed + unexplained + returned + dropped, the
wallets' held parts are the attributed and unexplained ones, nothing exceeds what was received.
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import trace
from graph.investigate.types import Direction, TraceMethod, TraceParams, TraceResult
from tests.graph import taint_back_scenarios as sc
from tests.graph.scenario import Scenario

U = 10**6
H, F, L, P = TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO, TraceMethod.POISON


def run(graph: Graph, scenario: Scenario | None, method: TraceMethod,
        **kw: object) -> TraceResult:
    if scenario is not None:
        scenario.write(graph)
    result = trace(graph, TraceParams(seeds=("tron:T",), direction=Direction.BACKWARD,
                                      method=method, **kw))  # type: ignore[arg-type]
    check(result)
    return result


def check(result: TraceResult) -> None:
    if result.method is P:
        assert result.conservation == () and "NOT conserved" in result.amount_semantics
        return
    assert result.conservation, "a conserving trace states its conservation"
    for c in result.conservation:
        parts = (c.attributed_raw, c.unexplained_raw, c.returned_to_seeds_raw,
                 c.dropped_min_amount_raw, c.dropped_hop_cap_raw, c.dropped_budget_raw)
        assert sum(parts) == c.received_raw and c.sent_raw == c.still_held_raw == 0
        held = sum(w.held_raw for w in result.wallets if w.asset == c.asset)
        assert held == c.attributed_raw + c.unexplained_raw
        assert all(w.received_raw <= c.received_raw for w in result.wallets
                   if w.asset == c.asset)


def origin(result: TraceResult, asset: str = "USDT") -> dict[str, int]:
    """What starts at each wallet (held: where the walk ended), zeros left out."""
    return {w.wallet_id: w.held_raw for w in result.wallets
            if w.asset == asset and w.held_raw}


def conserved(result: TraceResult, asset: str = "USDT") -> tuple[int, ...]:
    (c,) = [c for c in result.conservation if c.asset == asset]
    return (c.received_raw, c.attributed_raw, c.unexplained_raw, c.returned_to_seeds_raw,
            c.dropped_min_amount_raw, c.dropped_hop_cap_raw, c.dropped_budget_raw)


@pytest.mark.parametrize(("method", "from_a", "from_b"), [
    (H, 1_500_000, 3_500_000), (F, 3 * U, 2 * U), (L, 0, 5 * U), (P, 3 * U, 7 * U)])
def test_two_origins_mixed_then_paid(graph: Graph, method: TraceMethod, from_a: int,
                                     from_b: int) -> None:
    result = run(graph, sc.mix_pay(), method)
    sent = {w.wallet_id: w.received_raw for w in result.wallets}
    assert (sent.get("tron:A", 0), sent.get("tron:B", 0)) == (from_a, from_b)
    orgs = {o.id: [(a.asset, a.amount_raw) for a in o.amounts] for o in result.organisations}
    assert orgs == ({"aco": [("USDT", str(from_a))]} if from_a else {})
    assert "tron:X" not in sent and result.ledger_transfers == 3  # k4 is after T was paid
    if method is not P:
        assert conserved(result) == (5 * U, 5 * U, 0, 0, 0, 0, 0)
        assert next((w.wallet_id, w.role, w.hops, w.received_raw, w.passed_on_raw)
                for w in result.wallets) == ("tron:M", "intermediate", 1, 5 * U, 5 * U)
        assert origin(result) == {k: v for k, v in
                                  {"tron:A": from_a, "tron:B": from_b}.items() if v}
        ends = {e.wallet_id: e.amounts[0].amount_raw for e in result.unattributed}
        assert ends == {"tron:B": str(from_b)} if from_b else ends == {}
        for o in result.organisations:  # the route from the origin, in real direction
            assert [(h.from_id, h.to_id) for e in o.evidence for h in e.hops] == [
                ("tron:A", "tron:M"), ("tron:M", "tron:T")]


@pytest.mark.parametrize("method", [H, F, L])
def test_a_payment_is_not_funded_by_later_receipts(graph: Graph, method: TraceMethod) -> None:
    result = run(graph, sc.paid_first(), method)
    assert origin(result) == {"tron:M": 5 * U, "tron:C": 2 * U, "tron:N": 3 * U}
    assert {w.wallet_id for w in result.wallets} == {"tron:M", "tron:N", "tron:C"}
    assert {w.wallet_id: w.role for w in result.wallets}["tron:M"] == "endpoint"
    # received 10 = M 5 + C 2 attributed + N's 3 unexplained (its balance before the window)
    assert conserved(result) == (10 * U, 7 * U, 3 * U, 0, 0, 0, 0)
    assert result.ledger_transfers == 3  # f2 and g3 came after the payments: not fetched


@pytest.mark.parametrize(("method", "from_c", "from_a"), [
    (H, 3_428_571, 2_571_429), (F, 4 * U, 2 * U), (L, 3 * U, 3 * U)])
def test_what_was_paid_out_before_a_receipt(graph: Graph, method: TraceMethod, from_c: int,
                                            from_a: int) -> None:
    result = run(graph, sc.paid_between(), method)
    assert origin(result) == {"tron:C": from_c, "tron:A": from_a}
    assert conserved(result) == (6 * U, 6 * U, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(("method", "from_a", "from_b"), [
    (H, 1_200_000, 2_800_000), (F, 3 * U, 1 * U), (L, 3 * U, 1 * U)])
def test_units_are_followed_hop_after_hop(graph: Graph, method: TraceMethod, from_a: int,
                                          from_b: int) -> None:
    result = run(graph, sc.two_layers(), method)
    assert origin(result) == {"tron:A": from_a, "tron:B": from_b}
    forward = trace(graph, TraceParams(seeds=("tron:A",), method=method))
    assert {w.wallet_id: w.held_raw for w in forward.wallets}["tron:T"] == from_a


@pytest.mark.parametrize(("method", "usdt", "trx"), [
    (H, (1_500_000, 3_500_000), (2 * U, 3 * U)), (F, (3 * U, 2 * U), (4 * U, 1 * U)),
    (L, (0, 5 * U), (0, 5 * U))])
def test_two_assets_keep_separate_pools(graph: Graph, method: TraceMethod,
                                        usdt: tuple[int, int], trx: tuple[int, int]) -> None:
    result = run(graph, sc.two_assets(), method)
    got, got_trx = origin(result), origin(result, "TRX")
    assert (got.get("tron:A", 0), got.get("tron:B", 0)) == usdt
    assert (got_trx.get("tron:C", 0), got_trx.get("tron:D", 0)) == trx
    assert conserved(result) == (5 * U, 5 * U, 0, 0, 0, 0, 0)
    assert conserved(result, "TRX") == (5 * U, 5 * U, 0, 0, 0, 0, 0)
    only = run(graph, None, method, assets=("TRX",))
    assert [c.asset for c in only.conservation] == ["TRX"] and origin(only, "TRX") == got_trx


@pytest.mark.parametrize(("method", "from_o", "from_f"), [
    (H, 6 * U, 2 * U), (F, 5 * U, 3 * U), (L, 8 * U, 0)])
def test_peel_chain_backwards(graph: Graph, method: TraceMethod, from_o: int,
                              from_f: int) -> None:
    result = run(graph, sc.peel_back(), method)
    assert origin(result) == {k: v for k, v in {"tron:O": from_o, "tron:F": from_f}.items()
                              if v}
    hops = {w.wallet_id: (w.hops, w.received_raw, w.passed_on_raw) for w in result.wallets}
    assert hops["tron:P2"] == (1, 8 * U, 8 * U) and hops["tron:P1"] == (2, from_o, from_o)
    assert "tron:E1" not in hops and "tron:E2" not in hops  # the peels funded nothing of T's
    assert conserved(result) == (8 * U, 8 * U, 0, 0, 0, 0, 0)
    capped = run(graph, None, method, max_hops=2)
    assert conserved(capped) == (8 * U, from_f, 0, 0, 0, from_o, 0)
    # Below min_amount (F's 3 < 3.5) the walk does not follow F's transfer: dropped.
    small = run(graph, None, method, min_amount=3.5)
    assert conserved(small) == (8 * U, from_o, 0, 0, from_f, 0, 0)


@pytest.mark.parametrize(("method", "own", "from_a"), [
    (H, 2 * U, 3 * U), (F, 4 * U, 1 * U), (L, 0, 5 * U)])
def test_the_seeds_own_money_coming_back(graph: Graph, method: TraceMethod, own: int,
                                         from_a: int) -> None:
    result = run(graph, sc.round_trip(), method)
    assert origin(result) == ({"tron:A": from_a} if from_a else {})
    assert conserved(result) == (5 * U, from_a, 0, own, 0, 0, 0)


@pytest.mark.parametrize("method", [H, F, L])
def test_past_a_budget_the_rest_is_dropped_and_partial(graph: Graph,
                                                       method: TraceMethod) -> None:
    # peel_back with room for one wallet: P2 is reached; P1 and F (level 2) are cut off, so
    # all of T's 8 leaves the region before the last level: dropped past a budget.
    result = run(graph, sc.peel_back(), method, max_wallets=1)
    assert result.partial and "max_wallets=1" in (result.reason or "")
    assert conserved(result) == (8 * U, 0, 0, 0, 0, 0, 8 * U)
    assert [(w.wallet_id, w.passed_on_raw) for w in result.wallets] == [("tron:P2", 8 * U)]
