"""A BACKWARD value trace through the real schema: sources of funds, with defaults otherwise.

Graph: tests/graph/taint_back_scenarios.mix_pay (A of A Co sends M 3 USDT, B sends M 7, then
M pays the target T 5); HAIRCUT attributes T's 5 to A 1.5 and B 3.5, which add up to the 5
T received.
"""

from __future__ import annotations

from api.auth import Role
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.taint_back_scenarios import mix_pay

TRACE = """{ trace(seeds: ["tron:T"], direction: BACKWARD, method: HAIRCUT) {
  direction method partial amountSemantics
  organisations { id amounts { asset amountRaw } evidence { hops { fromId toId } } }
  unattributed { walletId amounts { amount amountRaw } }
  wallets { walletId role hops receivedRaw passedOnRaw heldRaw }
  conservation { asset decimals receivedRaw attributedRaw unexplainedRaw returnedToSeedsRaw
    droppedMinAmountRaw droppedHopCapRaw droppedBudgetRaw sentRaw stillHeldRaw } } }"""


def test_backward_haircut_trace(gql: Executor, graph: Graph) -> None:
    mix_pay().write(graph)
    trace = gql.data(TRACE, Role.ANALYST)["trace"]
    assert (trace["direction"], trace["method"], trace["partial"]) == (
        "BACKWARD", "HAIRCUT", False)
    assert trace["amountSemantics"].startswith("BACKWARD")
    assert trace["organisations"] == [{
        "id": "aco", "amounts": [{"asset": "USDT", "amountRaw": "1500000"}],
        "evidence": [{"hops": [{"fromId": "tron:A", "toId": "tron:M"},
                               {"fromId": "tron:M", "toId": "tron:T"}]}]}]
    assert trace["unattributed"] == [
        {"walletId": "tron:B", "amounts": [{"amount": 3.5, "amountRaw": "3500000"}]}]
    assert [tuple(w.values()) for w in trace["wallets"]] == [
        ("tron:M", "intermediate", 1, "5000000", "5000000", "0"),
        ("tron:B", "endpoint", 2, "3500000", "0", "3500000"),
        ("tron:A", "organisation", 2, "1500000", "0", "1500000")]
    assert trace["conservation"] == [{
        "asset": "USDT", "decimals": 6, "receivedRaw": "5000000", "attributedRaw": "5000000",
        "unexplainedRaw": "0", "returnedToSeedsRaw": "0", "droppedMinAmountRaw": "0",
        "droppedHopCapRaw": "0", "droppedBudgetRaw": "0", "sentRaw": "0", "stillHeldRaw": "0"}]
