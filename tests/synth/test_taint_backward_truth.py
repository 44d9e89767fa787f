"""A BACKWARD HAIRCUT trace on the generated scenario agrees with the ground truth.

Proportional dilution is the same flow read either way: the victim's share of what an
organisation received (the truth's `downstream_haircut`, a forward figure) is the part of the
organisation's receipts that a backward trace from it finds passing through the victim's
wallet. Checked for the pig-butchering victims at the guarantee escrow (3 hops) and the OTC
desk (4 hops), to the cent; each trace conserves. Own module (own load): the forward truth
test stays as fast as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from graph.db import Graph
from graph.investigate.trace import trace
from graph.investigate.types import Direction, TraceMethod, TraceParams
from graph.maintenance import clear_data
from scamgraph.settings import Settings
from synth.load import load_scenario

ORGS = ("synth-meridian-guarantee", "synth-sunrise-otc")


@pytest.fixture(scope="module")
def loaded(session_graph: Graph, settings: Settings,
           scenario: tuple[Path, dict[str, Any]]) -> Iterator[Graph]:
    clear_data(session_graph)
    load_scenario(session_graph, scenario[0], settings)
    yield session_graph
    clear_data(session_graph)


@pytest.mark.parametrize("org", ORGS)
def test_backward_haircut_finds_each_victims_share(
        loaded: Graph, scenario: tuple[Path, dict[str, Any]], org: str) -> None:
    victims = [v for v in scenario[1]["victims"] if v["case"] == "pig-butchering"]
    want = {v["wallet"]: v["downstream_haircut"][org] for v in victims}
    hops = next(iter(want.values()))["min_hops"]
    result = trace(loaded, TraceParams(seeds=(org,), direction=Direction.BACKWARD,
                                       max_hops=hops, method=TraceMethod.HAIRCUT))
    assert not result.partial
    (c,) = result.conservation
    assert c.received_raw == sum((c.attributed_raw, c.unexplained_raw, c.returned_to_seeds_raw,
                                  c.dropped_min_amount_raw, c.dropped_hop_cap_raw,
                                  c.dropped_budget_raw)) > 0
    got = {w.wallet_id: w.received_raw for w in result.wallets if w.asset == "USDT"}
    for wallet, expected in want.items():
        amount = Decimal(got[wallet]).scaleb(-6)
        assert abs(amount - Decimal(expected["amounts"]["USDT"]["amount"])) < Decimal("0.01"), (
            org, wallet, amount, expected)
