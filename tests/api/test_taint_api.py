"""A value trace through the real schema with defaults: only the method is given.

Graph: tests/graph/taint_scenarios.mix_split (S's 3 USDT mixed with 7 clean at M, then split
6 to X of X Co and 4 to Y); HAIRCUT gives X 1.8 and Y 1.2, which add up to the 3 sent.
"""

from __future__ import annotations

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.taint_scenarios import mix_split

TRACE = """{ trace(seeds: ["tron:S"], method: HAIRCUT) {
  method partial amountSemantics
  organisations { id amounts { asset amount amountRaw } }
  unattributed { walletId amounts { amountRaw } }
  wallets { walletId asset role hops receivedRaw passedOnRaw heldRaw }
  conservation { asset decimals sentRaw attributedRaw stillHeldRaw returnedToSeedsRaw
    droppedMinAmountRaw droppedHopCapRaw droppedBudgetRaw } } }"""


def test_haircut_trace_with_defaults(gql: Executor, graph: Graph) -> None:
    mix_split().write(graph)
    trace = gql.data(TRACE, Role.ANALYST)["trace"]
    assert (trace["method"], trace["partial"]) == ("HAIRCUT", False)
    assert "HAIRCUT" in trace["amountSemantics"]
    assert trace["organisations"] == [
        {"id": "xco", "amounts": [{"asset": "USDT", "amount": 1.8, "amountRaw": "1800000"}]}]
    assert trace["unattributed"] == [{"walletId": "tron:Y", "amounts": [{"amountRaw": "1200000"}]}]
    assert [(w["walletId"], w["role"], w["hops"], w["receivedRaw"], w["passedOnRaw"],
             w["heldRaw"]) for w in trace["wallets"]] == [
        ("tron:M", "intermediate", 1, "3000000", "3000000", "0"),
        ("tron:X", "organisation", 2, "1800000", "0", "1800000"),
        ("tron:Y", "endpoint", 2, "1200000", "0", "1200000")]
    assert trace["conservation"] == [{
        "asset": "USDT", "decimals": 6, "sentRaw": "3000000", "attributedRaw": "3000000",
        "stillHeldRaw": "0", "returnedToSeedsRaw": "0", "droppedMinAmountRaw": "0",
        "droppedHopCapRaw": "0", "droppedBudgetRaw": "0"}]
