"""A value trace's evidence runs from the seed to the transfer that entered the organisation.

S -r1 5 (01-01)-> A; S -r2 1 (01-02)-> B; A -r3 4 (01-03)-> B; B -r4 3 (01-04)-> X (of Xco);
then S -r5 9 (01-05)-> B, after r4, and C -r6 20 clean (01-02)-> B.

Xco is entered by r4 only. Walking back from r4 at B: the inflows that could fund it are r2
(01-02, 1 of the seed's value), r6 (clean: carries none, so not in the flow) and r3 (01-03, 4
of it, every unit A held being the seed's); r5 is later. The most value is r3, so the route
goes through A, whose only inflow is r1 from the seed: r1, r3, r4 in that order. The amounts
stay the method's (HAIRCUT: B holds 5 tainted of 25 when r4 leaves, so X gets 3 * 5 / 25 =
0.6 USDT); the route is the same for every value method because it follows what carried value.
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate.taint_routes import Routes
from graph.investigate.types import TraceMethod
from tests.graph.scenario import Scenario
from tests.graph.test_taint import run, written

U = 10**6


def routed() -> Scenario:
    s = Scenario()
    sd, a, b, c, x = (s.wallet(n) for n in ["S", "A", "B", "C", "X"])
    s.org("xco", "X Co", "Company")
    s.link("CONTROLLED_BY", x, "xco")
    s.send_all([("r1", sd, a, 5, "2024-01-01"), ("r2", sd, b, 1, "2024-01-02"),
                ("r6", c, b, 20, "2024-01-02"), ("r3", a, b, 4, "2024-01-03"),
                ("r4", b, x, 3, "2024-01-04"), ("r5", sd, b, 9, "2024-01-05")])
    return s


@pytest.mark.parametrize("method", [TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO])
def test_the_evidence_walks_back_to_the_seed(graph: Graph, method: TraceMethod) -> None:
    result = run(written(graph, routed()), method, max_hops=3)
    (xco,) = [o for o in result.organisations if o.id == "xco"]
    (path,) = xco.evidence
    assert [h.transfer_id for h in path.hops] == ["tron:r1:0", "tron:r3:0", "tron:r4:0"]
    assert [(h.from_id, h.to_id) for h in path.hops] == [
        ("tron:S", "tron:A"), ("tron:A", "tron:B"), ("tron:B", "tron:X")]
    if method is TraceMethod.HAIRCUT:
        assert [a.amount_raw for a in xco.amounts] == [str(600_000)]


def carried(tid: str, frm: str, to: str, day: int, units: int) -> tuple[dict[str, object], int]:
    return {"id": tid, "from": frm, "to": to, "ts": day}, units


def test_a_route_stops_at_the_cap_and_never_loops() -> None:
    # B -> A (day 2), A -> B (day 3), then B -> X: back from B, through A, to B again: stop there.
    loop = [carried("t2", "B", "A", 2, 5), carried("t3", "A", "B", 3, 5)]
    entering = carried("e", "B", "X", 4, 5)[0]
    assert [t["id"] for t in Routes(loop, True, 10).route(entering)] == ["t2", "t3", "e"]
    chain = [carried(f"c{i}", f"W{i}", f"W{i + 1}", i, 1) for i in range(20)]
    got = Routes(chain, True, 4).route(carried("e", "W20", "X", 21, 1)[0])
    assert [t["id"] for t in got] == ["c17", "c18", "c19", "e"]


def test_backward_flows_look_for_later_funding() -> None:
    # Read upstream (BACKWARD), the "inflow" that funds a hop is a transfer no earlier than it.
    rows = [carried("early", "S", "A", 1, 9), carried("late", "S", "A", 5, 2)]
    entering = carried("e", "A", "X", 3, 1)[0]
    assert [t["id"] for t in Routes(rows, False, 5).route(entering)] == ["late", "e"]
    assert [t["id"] for t in Routes(rows, True, 5).route(entering)] == ["early", "e"]
