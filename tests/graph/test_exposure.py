"""Exposure shares on scenario.exposure_scenario, worked out by hand for both methods.

USDT inflow of T: 100 (S1) + 200 (M) + 50 (C1) + 150 (R) = 500; TRX inflow: 10 (R).
M's USDT inflow: 30 (S2, sanctioned through its controller) + 90 (Q, scam) + 120 (N) = 240.
N's USDT inflow: 40 (S3, sanctioned) + 40 (R2) = 80.
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import exposure, get_entities
from graph.investigate.types import ExposureMethod, ExposureResult, RiskCategory
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph.scenario import exposure_scenario

S, SC, C = RiskCategory.SANCTIONED, RiskCategory.SCAM, RiskCategory.COMPOUND


@pytest.fixture
def exposed(graph: Graph) -> Graph:
    exposure_scenario().write(graph)
    return graph


def usdt(result: ExposureResult, category: RiskCategory, level: str) -> tuple[float, float | None]:
    (cat,) = [c for c in result.categories if c.category is category]
    (row,) = [r for r in getattr(cat, level) if r.asset == "USDT"]
    # Rounded so hand-worked decimals compare exactly despite float arithmetic.
    return round(row.amount, 9), None if row.share is None else round(row.share, 9)


def test_inputs_are_reported(exposed: Graph) -> None:
    result = exposure(exposed, "tron:T", 2, ExposureMethod.HAIRCUT)
    assert [(a.asset, a.amount, a.transfers) for a in result.inflow] == [
        ("TRX", 10.0, 1), ("USDT", 500.0, 4)]
    assert result.target_wallets == ("tron:T",)
    assert "haircut" in result.explanation.lower()
    trx = [r for c in result.categories for r in c.indirect if r.asset == "TRX"]
    assert [(r.amount, r.share) for r in trx] == [(0.0, 0.0)] * 3


def test_direct_exposure(exposed: Graph) -> None:
    result = exposure(exposed, "tron:T", 1, "ANY_CONTACT")
    assert usdt(result, S, "direct") == (100.0, 0.2)
    assert usdt(result, SC, "direct") == (0.0, 0.0)
    assert usdt(result, C, "direct") == (50.0, 0.1)
    # With one hop, indirect is direct.
    assert usdt(result, S, "indirect") == (100.0, 0.2)
    (sanctioned,) = [c for c in result.categories if c.category is S]
    assert sanctioned.direct_amount == 100.0
    assert sanctioned.direct_share == pytest.approx(100 / 510)  # nominal, across USDT and TRX
    assert sanctioned.direct_sources == ("tron:S1",)


def test_haircut_two_hops(exposed: Graph) -> None:
    result = exposure(exposed, "tron:T", 2, ExposureMethod.HAIRCUT)
    # f(M) sanctioned = 30/240 = 0.125 -> 100 + 200 * 0.125 = 125; scam 90/240 -> 200 * 0.375 = 75.
    assert usdt(result, S, "indirect") == (125.0, 0.25)
    assert usdt(result, SC, "indirect") == (75.0, 0.15)
    assert usdt(result, C, "indirect") == (50.0, 0.1)


def test_haircut_three_hops(exposed: Graph) -> None:
    result = exposure(exposed, "tron:T", 3, ExposureMethod.HAIRCUT)
    # f(N) = 40/80 = 0.5; f(M) = (30 + 120 * 0.5) / 240 = 0.375 -> 100 + 200 * 0.375 = 175.
    assert usdt(result, S, "indirect") == (175.0, 0.35)
    assert usdt(result, SC, "indirect") == (75.0, 0.15)


def test_any_contact(exposed: Graph) -> None:
    result = exposure(exposed, "tron:T", 2, ExposureMethod.ANY_CONTACT)
    # M received from S2 (sanctioned) and Q (scam): its whole 200 counts for both.
    assert usdt(result, S, "indirect") == (300.0, 0.6)
    assert usdt(result, SC, "indirect") == (200.0, 0.4)
    assert usdt(result, C, "indirect") == (50.0, 0.1)
    assert "any contact" in result.explanation.lower()


def test_organisation_target_excludes_internal_transfers(graph: Graph) -> None:
    exposure_scenario(with_second_wallet=True).write(graph)
    result = exposure(graph, "tgt", 1, ExposureMethod.HAIRCUT)
    # T2 -> T (1000) is internal; S1 -> T2 (20) joins: USDT inflow 520, sanctioned 120.
    assert result.target_wallets == ("tron:T", "tron:T2")
    assert [(a.asset, a.amount) for a in result.inflow] == [("TRX", 10.0), ("USDT", 520.0)]
    assert usdt(result, S, "direct") == (120.0, round(120 / 520, 9))


def test_sanctions_summary_on_entities(exposed: Graph) -> None:
    found = get_entities(exposed, ["tron:S1", "tron:S2"])
    assert [(s.authority, s.program) for s in found["tron:S1"].sanctions] == [("OFAC", "CYBER2")]
    assert found["tron:S2"].sanctions == ()  # sanctioned through its controller only


def test_wallet_budget_marks_partial(exposed: Graph) -> None:
    # T's four senders are one level; a budget of one wallet expands only the first.
    result = exposure(exposed, "tron:T", 3, ExposureMethod.HAIRCUT, max_wallets=1)
    assert result.partial
    assert result.reason is not None and "max_wallets=1" in result.reason
    assert usdt(result, S, "direct") == (100.0, 0.2)  # direct exposure needs no expansion


def test_bad_arguments(exposed: Graph) -> None:
    with pytest.raises(ValidationError, match="max_hops=9"):
        exposure(exposed, "tron:T", 9)
    with pytest.raises(ValidationError, match="method"):
        exposure(exposed, "tron:T", 2, "SOMETIMES")
    with pytest.raises(NotFoundError):
        exposure(exposed, "tron:nobody", 2)
