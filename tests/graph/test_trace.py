"""Forward and backward traces on the hand-made graph of scenario.trace_scenario."""

from __future__ import annotations

from datetime import datetime

import pytest

from graph.db import Graph
from graph.investigate import trace
from graph.investigate.types import Direction, TraceParams, TraceResult
from scamgraph.errors import BudgetExceededError, NotFoundError, ValidationError
from tests.graph.scenario import day, trace_scenario


@pytest.fixture
def traced_graph(graph: Graph) -> Graph:
    trace_scenario().write(graph)
    return graph


def run(graph: Graph, **kw: object) -> TraceResult:
    base: dict[str, object] = {"seeds": ("tron:V",), "max_hops": 3, "min_amount": 10.0,
                               "assets": ("USDT",)}
    return trace(graph, TraceParams(**{**base, **kw}))  # type: ignore[arg-type]


def amounts(result: TraceResult) -> dict[str, dict[str, float]]:
    return {o.id: {a.asset: a.amount for a in o.amounts} for o in result.organisations}


def endpoints(result: TraceResult) -> dict[str, dict[str, float]]:
    return {e.wallet_id: {a.asset: a.amount for a in e.amounts} for e in result.unattributed}


def test_time_order_threshold_and_asset_filter(traced_graph: Graph) -> None:
    result = run(traced_graph)
    # t4 (A->D) and t7 (C->E) are earlier than the hop before them; t8 is 5 < 10; t9 is TRX.
    assert amounts(result) == {"pay": {"USDT": 500.0}, "guar": {"USDT": 250.0}}
    assert [o.id for o in result.organisations] == ["pay", "guar"]
    assert endpoints(result) == {"tron:K": {"USDT": 50.0}}
    assert result.paths_explored == 6  # V-A, V-A-B, V-A-C, V-A-B-X1, V-A-B-K, V-A-C-X2
    assert result.open_at_max_hops == 3  # X1, K and X2 are neither stops nor supernodes
    pay = result.organisations[0]
    assert (pay.path_count, pay.min_hops, pay.first_ts, pay.last_ts) == (
        1, 3, day("2024-01-04"), day("2024-01-04"))
    hops = pay.evidence[0].hops
    assert [(h.tx, h.from_id, h.to_id, h.amount) for h in hops] == [
        ("t1", "tron:V", "tron:A", 1000.0), ("t2", "tron:A", "tron:B", 600.0),
        ("t5", "tron:B", "tron:X1", 500.0)]
    assert hops[0].amount_raw == "1000000000"
    assert not result.partial


def test_without_time_order_the_early_hops_count(traced_graph: Graph) -> None:
    result = run(traced_graph, time_ordered=False)
    assert amounts(result) == {"pay": {"USDT": 500.0}, "guar": {"USDT": 250.0},
                               "zorg": {"USDT": 40.0}}
    assert endpoints(result) == {"tron:D": {"USDT": 100.0}, "tron:K": {"USDT": 50.0}}


def test_no_filters_reach_small_and_other_asset_transfers(traced_graph: Graph) -> None:
    result = run(traced_graph, min_amount=None, assets=())
    assert endpoints(result) == {"tron:F": {"TRX": 50.0}, "tron:K": {"USDT": 50.0},
                                 "tron:U": {"USDT": 5.0}}
    assert [e.wallet_id for e in result.unattributed] == ["tron:F", "tron:K", "tron:U"]


def test_rollup_to_the_ultimate_parent_group(traced_graph: Graph) -> None:
    result = run(traced_graph, rollup=True)
    # Pay -> Mid -> Group (SUBSIDIARY_OF); Guarantee -> Group (60 % OWNS); Minor's 30 % is not.
    (group,) = result.organisations
    assert (group.id, group.name, group.group_id, group.group_name) == (
        "group", "Group Holdings", "group", "Group Holdings")
    assert group.members == ("guar", "pay")
    assert {a.asset: a.amount for a in group.amounts} == {"USDT": 750.0}
    assert group.path_count == 2
    assert (group.first_ts, group.last_ts) == (day("2024-01-04"), day("2024-01-05"))


def test_exchange_is_reached_but_not_expanded(traced_graph: Graph) -> None:
    result = run(traced_graph, max_hops=5)
    assert amounts(result) == {"pay": {"USDT": 500.0}, "exch": {"USDT": 400.0},
                               "guar": {"USDT": 250.0}}
    assert endpoints(result) == {"tron:K": {"USDT": 50.0}}
    assert result.open_at_max_hops == 0  # EX (hop 4) is an exchange wallet: not followed
    expanded = run(traced_graph, max_hops=5, expand_supernodes=True)
    assert endpoints(expanded) == {"tron:Y": {"USDT": 100.0}, "tron:K": {"USDT": 50.0}}


def test_stop_at_kind(traced_graph: Graph) -> None:
    result = run(traced_graph, max_hops=5, stop_at=("PaymentProvider",))
    assert amounts(result) == {"pay": {"USDT": 500.0}, "guar": {"USDT": 250.0}}


def test_supernode_by_degree(traced_graph: Graph) -> None:
    # A has 5 relationships (t1 in; t2, t3, t4, t9 out), B and C have 4: only A is above 4.
    result = run(traced_graph, supernode_degree=4)
    assert amounts(result) == {}
    assert endpoints(result) == {"tron:A": {"USDT": 1000.0}}
    assert amounts(run(traced_graph, supernode_degree=5)) == {
        "pay": {"USDT": 500.0}, "guar": {"USDT": 250.0}}


def test_backward_from_an_organisation(traced_graph: Graph) -> None:
    result = run(traced_graph, seeds=("guar",), direction=Direction.BACKWARD)
    assert result.seed_wallets == ("tron:X2",)
    # X2 <-t6 C <-t3 A <-t1 V; W's t13 reached C after t6 left it.
    assert result.organisations == ()
    assert endpoints(result) == {"tron:V": {"USDT": 1000.0}}
    unordered = run(traced_graph, seeds=("guar",), direction=Direction.BACKWARD,
                    time_ordered=False)
    assert endpoints(unordered) == {"tron:V": {"USDT": 1000.0}, "tron:W": {"USDT": 70.0}}


def test_time_window_naive_times_are_utc(traced_graph: Graph) -> None:
    # Only t1..t3 fall inside 01-01..01-03 (t4 is earlier); naive datetimes are taken as UTC.
    result = run(traced_graph, since=datetime(2024, 1, 1), until=datetime(2024, 1, 3, 23, 59))
    assert result.organisations == ()
    assert endpoints(result) == {"tron:B": {"USDT": 600.0}, "tron:C": {"USDT": 300.0}}
    with pytest.raises(ValidationError, match="since"):
        run(traced_graph, since=day("2024-02-01"), until=day("2024-01-01"))


def test_max_paths_budget_marks_partial(traced_graph: Graph) -> None:
    result = run(traced_graph, max_paths=1)
    assert result.partial
    assert result.reason is not None and "max_paths" in result.reason
    assert result.paths_explored == 3  # one path per hop


def test_hops_over_the_cap_are_refused(traced_graph: Graph) -> None:
    with pytest.raises(ValidationError, match="max_hops=7"):
        run(traced_graph, max_hops=7)
    with pytest.raises(ValidationError, match="stop_at"):
        run(traced_graph, stop_at=("Nope",))
    with pytest.raises(NotFoundError, match="nobody"):
        run(traced_graph, seeds=("tron:nobody",))
    # An organisation without wallets is refused with the reason, not traced from nothing.
    with pytest.raises(NotFoundError, match="'minor' controls no wallet"):
        run(traced_graph, seeds=("minor",))


def test_tiny_timeout(graph: Graph) -> None:
    # A dense graph: 40 wallets, every ordered pair linked; 6-hop enumeration cannot finish in 1 ms.
    graph.driver.execute_query(
        "UNWIND range(0, 39) AS i CREATE (:Entity:Wallet {id: 'tron:d' + i, chain: 'tron'}) "
        "WITH count(*) AS _ MATCH (a:Wallet), (b:Wallet) WHERE a <> b "
        "CREATE (a)-[:TRANSFER {id: a.id + b.id, asset: 'USDT', amount: 1.0, "
        "ts: datetime('2024-01-01T00:00:00Z')}]->(b)", database_=graph.database)
    params = TraceParams(seeds=("tron:d0",), max_hops=6, max_paths=50_000, timeout_s=0.001)
    try:
        result = trace(graph, params)
    except BudgetExceededError as exc:
        assert "time budget" in exc.message
    else:
        assert result.partial
