"""Organisations answer for their group: subsidiaries and majority holdings, worked by hand.

Group G has no wallet of its own. S is SUBSIDIARY_OF G (wallet ws), G OWNS 60 % of M (wallet
wm), G OWNS 40 % of N (wallet wn: a minority, not G's). X (wallet wx) is paid:
ws -g1 100 (01-05)-> wx; wm -g2 30 (02-01)-> wx; wn -g3 7 (02-02)-> wx.
Into the group: v -g4 150 (01-01)-> ws; sw (sanctioned) -g5 50 (01-02)-> wm.
E is an organisation that controls nothing.
"""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import exposure, flows, trace
from graph.investigate.groups import group
from graph.investigate.types import RiskCategory, TraceParams
from scamgraph.errors import NotFoundError
from tests.graph.scenario import Scenario


@pytest.fixture
def grouped(graph: Graph) -> Graph:
    s = Scenario()
    ws, wm, wn, wx, v, sw = (s.wallet(n) for n in ["ws", "wm", "wn", "wx", "v", "sw"])
    for oid, name in [("g", "G Group"), ("s", "S Sub"), ("m", "M Maj"), ("n", "N Min"),
                      ("x", "X Co"), ("e", "E Empty")]:
        s.org(oid, name, "Company")
    s.node(["Sanction"], "OFAC:X:1", authority="OFAC", program="X", listing_id="1")
    s.link("SANCTIONED_BY", sw, "OFAC:X:1")
    s.link("SUBSIDIARY_OF", "s", "g")
    s.link("OWNS", "g", "m", share=60.0)
    s.link("OWNS", "g", "n", share=40.0)
    for w, o in [(ws, "s"), (wm, "m"), (wn, "n"), (wx, "x")]:
        s.link("CONTROLLED_BY", w, o)
    s.send_all([("g1", ws, wx, 100, "2024-01-05"), ("g2", wm, wx, 30, "2024-02-01"),
                ("g3", wn, wx, 7, "2024-02-02"), ("g4", v, ws, 150, "2024-01-01"),
                ("g5", sw, wm, 50, "2024-01-02")])
    s.write(graph)
    return graph


def test_group_lists_members_and_wallets(grouped: Graph) -> None:
    found = group(grouped, "g")
    assert [(m.id, m.depth, m.wallets) for m in found.members] == [
        ("g", 0, ()), ("m", 1, ("tron:wm",)), ("s", 1, ("tron:ws",))]
    assert found.wallets == ("tron:wm", "tron:ws")
    assert found.no_wallet_reason() is None


def test_flows_from_the_group_include_subsidiary_and_majority(grouped: Graph) -> None:
    result = flows(grouped, "g", "x", max_hops=1)
    # g1 (S) in January, g2 (M, 60 %) in February; g3 is N's (40 %): not the group's.
    assert [(b.period, b.amount, b.transfers) for b in result.direct] == [
        ("2024-01", 100.0, 1), ("2024-02", 30.0, 1)]
    assert result.reason is None


def test_flows_from_an_entity_without_wallets_say_so(grouped: Graph) -> None:
    result = flows(grouped, "e", "x", max_hops=2)
    assert result.direct == () and result.within == ()
    assert result.reason is not None and "'e' controls no wallet" in result.reason


def test_exposure_of_the_group(grouped: Graph) -> None:
    result = exposure(grouped, "g", max_hops=1)
    assert result.target_wallets == ("tron:wm", "tron:ws")
    (sanctioned,) = [c for c in result.categories if c.category is RiskCategory.SANCTIONED]
    # Inflow 150 (g4) + 50 (g5) = 200; 50 of it from sw: a quarter.
    assert (sanctioned.direct_amount, sanctioned.direct_share) == (50.0, 0.25)


def test_exposure_of_an_entity_without_wallets_names_it(grouped: Graph) -> None:
    with pytest.raises(NotFoundError, match="'e' controls no wallet"):
        exposure(grouped, "e")


def test_trace_from_the_group_starts_from_its_wallets(grouped: Graph) -> None:
    result = trace(grouped, TraceParams(seeds=("g",), max_hops=1))
    assert result.seed_wallets == ("tron:wm", "tron:ws")
    assert [o.id for o in result.organisations] == ["x"]
    assert {a.amount for a in result.organisations[0].amounts} == {130.0}


def test_trace_from_an_entity_without_wallets_names_it(grouped: Graph) -> None:
    with pytest.raises(NotFoundError, match="'e' controls no wallet"):
        trace(grouped, TraceParams(seeds=("e",), max_hops=1))
