"""A typology hit's totals in exact base units (HitAmount.amount_raw), worked by hand.

The off-ramp desk wallet O gets, in March 2024:
  USDT (6 decimals): 0.1 + 0.2  -> 300000 base units; the float sum is 0.30000000000000004.
  ETH (18 decimals): 6.000000000000000001 + 5.000000000000000002
                     -> 11000000000000000003 base units, above 2**63 (a Cypher integer sum
                     would overflow), while the float sum reads 11.0.
  DAI: one transfer loaded without amount_raw -> no exact sum (null), never one made from floats.
Every other typology's hit on its hand-made graph carries the exact sum of what it adds up.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Graph
from graph.investigate.typologies import HitAmount, typology_hits
from tests.graph import typology_scenarios as scenarios
from tests.graph.scenario import Scenario, day
from tests.graph.test_typologies import MARCH

ETH_A, ETH_B = 6 * 10**18 + 1, 5 * 10**18 + 2


def raw_send(s: Scenario, tx: str, a: str, b: str, raw: int | None, decimals: int | None,
             asset: str, when: str) -> None:
    """A transfer given in base units (amount is the float the loaders would store)."""
    amount = None if raw is None or decimals is None else raw / 10**decimals
    s.transfers.append({"from": a, "to": b, "props": {
        "id": f"tron:{tx}:0", "chain": "tron", "tx": tx, "index": 0, "asset": asset,
        "amount": amount if amount is not None else 1.0,
        "amount_raw": None if raw is None else str(raw), "decimals": decimals, "ts": day(when)}})


def desk() -> Scenario:
    s = Scenario()
    s.org("otc", "Desk", "OTCDesk")
    a, b, o = (s.wallet(x) for x in ["A", "B", "O"])
    s.link("CONTROLLED_BY", o, "otc")
    raw_send(s, "u1", a, o, 100_000, 6, "USDT", "2024-03-10")
    raw_send(s, "u2", b, o, 200_000, 6, "USDT", "2024-03-11")
    raw_send(s, "e1", a, o, ETH_A, 18, "ETH", "2024-03-12")
    raw_send(s, "e2", b, o, ETH_B, 18, "ETH", "2024-03-13")
    raw_send(s, "d1", a, o, None, 18, "DAI", "2024-03-14")
    return s


def test_offramp_totals_are_exact_to_the_base_unit(graph: Graph) -> None:
    desk().write(graph)
    hits = {h.key: h for h in typology_hits(graph, "offramp", None, MARCH).hits}
    assert sorted(hits) == ["tron:O|DAI", "tron:O|ETH", "tron:O|USDT"]
    [usdt] = hits["tron:O|USDT"].amounts
    assert usdt.amount == 0.1 + 0.2 != 0.3  # the float sum is off ...
    assert (usdt.amount_raw, usdt.decimals, usdt.transfers) == ("300000", 6, 2)  # ... this is not
    [eth] = hits["tron:O|ETH"].amounts
    assert int(eth.amount_raw or 0) > 2**63
    assert (eth.amount_raw, eth.decimals) == ("11000000000000000003", 18)
    assert eth.amount == 11.0  # the float lost the 3 wei
    [dai] = hits["tron:O|DAI"].amounts
    assert (dai.amount_raw, dai.decimals) == (None, 18)


@pytest.mark.parametrize(("name", "build"), [
    ("fan-in", scenarios.fan_in), ("spray-and-funnel", scenarios.spray),
    ("peel-chain", scenarios.peel), ("rapid-pass-through", scenarios.pass_through),
    ("cross-chain-hop", scenarios.bridge), ("pig-butchering-intake", scenarios.pig),
])
def test_every_typology_sums_base_units(graph: Graph, name: str, build: Any) -> None:
    """The scenarios' transfers carry round(amount * 10**6) base units and decimals 6, so each
    hit's exact total is its float total in micro-units (the sums there are exact floats)."""
    build().write(graph)
    hits = typology_hits(graph, name, None, MARCH).hits
    assert hits
    amounts: list[HitAmount] = [a for h in hits for a in h.amounts]
    assert [(a.amount_raw, a.decimals) for a in amounts] == [
        (str(round(a.amount * 10**6)), 6) for a in amounts]
