"""HAIRCUT_TIMED exposure through the real schema.

Graph: tests/graph/test_exposure_timed.two_hops (R sanctioned). Timed, 3 hops: A passes 2 of
R's 4 USDT to B, and B's 3 USDT to T carry 2 * 3 // 10 = 0.6 USDT (600 000 base units) of
T's 3 USDT inflow; with 2 hops A lies past the budget, which the answer says (hopCut, moreHops).
"""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.test_exposure_timed import two_hops

EXPOSURE = """query($hops: Int!) {
  exposure(target: "tron:T", maxHops: $hops, method: HAIRCUT_TIMED) {
    method timeTreatment explanation partial hopCut moreHops
    categories { category indirect { asset amount amountRaw share } } } }"""


def sanctioned(result: dict[str, Any]) -> list[dict[str, Any]]:
    (cat,) = [c for c in result["categories"] if c["category"] == "SANCTIONED"]
    rows: list[dict[str, Any]] = cat["indirect"]
    return rows


def test_timed_exposure(gql: Executor, graph: Graph) -> None:
    two_hops().write(graph)
    result = gql.data(EXPOSURE, Role.ANALYST, hops=3)["exposure"]
    assert (result["method"], result["timeTreatment"]) == ("HAIRCUT_TIMED", "TIME_ORDERED")
    assert "Time-ordered" in result["explanation"]
    assert (result["partial"], result["hopCut"], result["moreHops"]) == (False, False, None)
    (row,) = sanctioned(result)
    assert (row["asset"], row["amount"], row["amountRaw"]) == ("USDT", 0.6, "600000")
    assert row["share"] == pytest.approx(0.2)  # of T's 3 USDT inflow
    short = gql.data(EXPOSURE, Role.ANALYST, hops=2)["exposure"]
    assert (short["hopCut"], short["moreHops"]) == (True, 3)
    assert sanctioned(short)[0]["amountRaw"] == "0"
