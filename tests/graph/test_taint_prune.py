"""The value trace's region is pruned by time (graph/investigate/taint_region.py) without
changing an answer: tests/graph/taint_scenarios.late_short_path works the figures out."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import taint
from graph.investigate.types import TraceMethod, TraceParams
from tests.graph import taint_scenarios as sc
from tests.graph.test_taint import conserved, received, run

U = sc.U
H, F, L = TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO


@pytest.mark.parametrize(("method", "to_q"), [(H, 4 * U), (F, 1 * U), (L, 6 * U)])
def test_the_earliest_arrival_and_the_opening_balance(graph: Graph, method: TraceMethod,
                                                      to_q: int) -> None:
    sc.late_short_path().write(graph)
    result = run(graph, method, max_hops=4)
    got = received(result)
    assert got["tron:Q"] == to_q and "tron:Z" not in got
    assert got["tron:Y"] == 14 * U  # C's 10 and A's 4
    assert {w.wallet_id: w.hops for w in result.wallets}["tron:Y"] == 2
    assert conserved(result)[0] == 20 * U
    # Q is 4 time-respecting links away (S, B, C, Y, Q): at 3 hops its share is past the cap.
    capped = run(graph, method, max_hops=3)
    assert "tron:Q" not in received(capped) and conserved(capped)[5] == to_q


def test_the_ledger_starts_at_each_arrival(graph: Graph) -> None:
    sc.late_short_path().write(graph)
    params = TraceParams(seeds=("tron:S",), method=H, max_hops=4)
    region = taint.fetch_region(graph, params, ["tron:S"])
    # Y's clean past (W's 10 in, 5 out to Z) is one opening balance, not shipped.
    assert region.opening == {("USDT", "tron:Y"): 5 * U}
    assert sorted(t["tx"] for t in region.transfers) == [
        "l1", "l3", "l5", "l6", "l7", "l8"]
    assert region.arrival["tron:Y"] == min(
        t["ms"] for t in region.transfers if t["tx"] == "l5")
