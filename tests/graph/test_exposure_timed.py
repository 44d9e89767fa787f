"""HAIRCUT_TIMED exposure on hand-made graphs, worked out below to the base unit.

R is sanctioned (SANCTIONED_BY) in every graph; C, C1, C2 are clean; target T. USDT has 6
decimals (1 USDT = 1 000 000 base units). A timed payment carries
risky = pool_risky * amount // pool_total of the sender's pool at that moment.
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import exposure, trace
from graph.investigate.supernodes import degree_threshold
from graph.investigate.trace import SUPERNODE_TAGS
from graph.investigate.types import (
    ExposureMethod,
    ExposureResult,
    RiskCategory,
    TimeTreatment,
    TraceMethod,
    TraceParams,
)
from tests.graph.scenario import Scenario
from tests.graph.test_exposure_plans import planned

TIMED, HAIRCUT = ExposureMethod.HAIRCUT_TIMED, ExposureMethod.HAIRCUT


def sanctioned(s: Scenario, wallet: str) -> None:
    s.node(["Sanction"], "OFAC:CYBER2:9", authority="OFAC", program="CYBER2", listing_id="9")
    s.link("SANCTIONED_BY", wallet, "OFAC:CYBER2:9")


def paid_after() -> Scenario:
    """C -10 (01-01)-> M; M -10 (01-02)-> T; R -10 (01-03)-> M, after M paid T.

    Untimed: f(M) = 10/20 -> 10 * 0.5 = 5. Timed: M held 10 clean when it paid: 0.
    """
    s = Scenario()
    r, c, m, t = (s.wallet(n) for n in ["R", "C", "M", "T"])
    sanctioned(s, r)
    s.send_all([("a1", c, m, 10, "2024-01-01"), ("a2", m, t, 10, "2024-01-02"),
                ("a3", r, m, 10, "2024-01-03")])
    return s


def paid_before() -> Scenario:
    """R -1 (01-01)-> M; C -2 (01-02)-> M; M -1 (01-03)-> T; R -5 (01-04)-> M, after the payment.

    Timed: M's pool is 1 risky of 3: 1 000 000 * 1 000 000 // 3 000 000 = 333 333 base units.
    Untimed: f(M) = 6/8 (the later 5 counted) -> 0.75.
    """
    s = Scenario()
    r, c, m, t = (s.wallet(n) for n in ["R", "C", "M", "T"])
    sanctioned(s, r)
    s.send_all([("b1", r, m, 1, "2024-01-01"), ("b2", c, m, 2, "2024-01-02"),
                ("b3", m, t, 1, "2024-01-03"), ("b4", r, m, 5, "2024-01-04")])
    return s


def two_hops(branch: bool = False) -> Scenario:
    """R -4 (01-01)-> A; C1 -6 (01-02)-> A; A -5 (01-03)-> B; C2 -5 (01-04)-> B; B -3 (01-05)-> T;
    A -5 (01-06)-> B, after B paid T.

    Timed (max_hops 3): A's pool 4 risky of 10; A -5-> B carries 4 000 000 * 5 // 10 = 2 USDT.
    B then holds 2 risky of 10 (5 from A, 5 from C2); B -3-> T carries 2 * 3 // 10 = 0.6 USDT =
    600 000 base units. Untimed: f(A) = 0.4; A's 10 into B carry 4 of B's 15 inflow:
    f(B) = 4/15 -> 3 * 4/15 = 0.8. With max_hops 2, A is on the last level (clean): 0.

    With the branch: R -2 (01-02)-> D; D -1 (01-07)-> T carries 1 (D holds only R's 2), so T
    receives 1.6 USDT of R's value in all.
    """
    s = Scenario()
    r, c1, c2, a, b, t = (s.wallet(n) for n in ["R", "C1", "C2", "A", "B", "T"])
    sanctioned(s, r)
    s.send_all([("h1", r, a, 4, "2024-01-01"), ("h2", c1, a, 6, "2024-01-02"),
                ("h3", a, b, 5, "2024-01-03"), ("h4", c2, b, 5, "2024-01-04"),
                ("h5", b, t, 3, "2024-01-05"), ("h6", a, b, 5, "2024-01-06")])
    if branch:
        d = s.wallet("D")
        s.send_all([("h7", r, d, 2, "2024-01-02"), ("h8", d, t, 1, "2024-01-07")])
    return s


def indirect(result: ExposureResult) -> tuple[float, str | None]:
    (cat,) = [c for c in result.categories if c.category is RiskCategory.SANCTIONED]
    (row,) = [r for r in cat.indirect if r.asset == "USDT"]
    return round(row.amount, 9), row.amount_raw


def written(graph: Graph, scenario: Scenario) -> Graph:
    scenario.write(graph)
    return graph


def test_paid_after_is_not_exposure(graph: Graph) -> None:
    written(graph, paid_after())
    assert indirect(exposure(graph, "tron:T", 2, TIMED)) == (0.0, "0")
    assert indirect(exposure(graph, "tron:T", 2, HAIRCUT))[0] == 5.0


def test_paid_before_is_the_proportional_share(graph: Graph) -> None:
    written(graph, paid_before())
    result = exposure(graph, "tron:T", 2, TIMED)
    assert indirect(result) == (0.333333, "333333")
    (cat,) = [c for c in result.categories if c.category is RiskCategory.SANCTIONED]
    assert cat.indirect[0].share == pytest.approx(0.333333)
    assert cat.direct[0].amount == 0.0  # T received nothing from R itself
    assert indirect(exposure(graph, "tron:T", 2, HAIRCUT))[0] == 0.75


def test_two_hops(graph: Graph) -> None:
    written(graph, two_hops())
    assert indirect(exposure(graph, "tron:T", 3, TIMED)) == (0.6, "600000")
    assert indirect(exposure(graph, "tron:T", 3, HAIRCUT))[0] == round(3 * 4 / 15, 9)
    assert indirect(exposure(graph, "tron:T", 2, TIMED)) == (0.0, "0")


def test_hop_budget_is_stated(graph: Graph) -> None:
    written(graph, two_hops())
    short = exposure(graph, "tron:T", 2, TIMED)
    assert (short.hop_cut, short.more_hops, short.partial) == (True, 3, False)
    # With 3 hops the last level is R and C1, which received nothing: nothing lies beyond.
    enough = exposure(graph, "tron:T", 3, TIMED)
    assert (enough.hop_cut, enough.more_hops) == (False, None)


def test_agrees_with_the_forward_haircut_trace(graph: Graph) -> None:
    written(graph, two_hops(branch=True))
    found = trace(graph, TraceParams(seeds=("tron:R",), method=TraceMethod.HAIRCUT, max_hops=3))
    (into_t,) = [w.received_raw for w in found.wallets if w.wallet_id == "tron:T"]
    assert into_t == 1_600_000
    assert indirect(exposure(graph, "tron:T", 3, TIMED)) == (1.6, str(into_t))


def test_every_method_states_its_time_treatment(graph: Graph) -> None:
    written(graph, paid_before())
    for method in ExposureMethod:
        result = exposure(graph, "tron:T", 2, method)
        timed = method is TIMED
        assert result.time_treatment is (
            TimeTreatment.TIME_ORDERED if timed else TimeTreatment.UNORDERED)
        assert ("time order NOT applied" in result.explanation) is not timed
        assert ("Time-ordered" in result.explanation) is timed


@pytest.mark.parametrize(("name", "params"), [
    ("investigations/exposure_ledger",
     {"wallets": ["tron:A"], "targets": ["tron:T"], "max_transfers": 10}),
    ("investigations/exposure_beyond", {"wallets": ["tron:A"], "supernode_tags": SUPERNODE_TAGS,
                                        "supernode_degree": degree_threshold()}),
])
def test_new_queries_find_wallets_by_index(graph: Graph, name: str, params: dict[str, object],
                                           ) -> None:
    # As tests/graph/test_exposure_plans.py: never a scan of the Wallet label.
    ops = planned(graph, name, params)
    assert [op for op in ops if "Scan" in op.split()[0]
            and (":Wallet" in op or "AllNodes" in op)] == []
    assert any(":Entity(id)" in op for op in ops)
