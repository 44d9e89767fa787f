"""The graphs for the Typologies and Flows panels, on top of the story graph (story.py).

Typology: tests/graph/typology_scenarios.py pig(): V pays D 200, 500, 1200, 3000 USDT (March
2024, escalating), each swept whole to C two hours later: one pig-butchering intake hit; the
near-misses V2..V5 are no hits. C is attributed to Pig Collector Ltd, a subsidiary of Pig
Group: the hit's organisation, rolled up to its group.

Flows (USDT, 6 decimals), Flow Source Group (FS1, and FS2 of its subsidiary Flow Source Pay)
to Flow Sink Ltd (FD1):
  15 Jan FS1 -> FD1 1,234.567891            direct
   3 Mar FS2 -> FX 500.25; 4 Mar FX -> FD1  within 2 hops (lands in March)
  20 Mar FS1 -> FD1 10.000001               direct
So January 1,234.567891 (all direct), February nothing, March 510.250001 (10.000001 direct).
Flow Empty Co has no wallet: flows from it have nothing to measure, and the API says why.

Off-ramp (April 2024), Desk Ltd (OTCDesk) controls DESK; DP1 and DP2 pay it
  USDT (6 decimals)  0.1 + 0.2                                 = 0.3 (300000 base units)
  ETH (18 decimals)  6.000000000000000001 + 5.000000000000000002 = 11.000000000000000003
                     (11000000000000000003 wei, above 2**63; as a float just 11)
"""

from __future__ import annotations

from graph.db import Graph
from tests.browser import story
from tests.graph import typology_scenarios
from tests.graph.scenario import Scenario
from tests.graph.test_typologies_exact import ETH_A, ETH_B, raw_send

COLLECTOR, PIG_GROUP = "org-pig-collector", "org-pig-group"
SRC, SUB, DST, EMPTY = "org-flow-src", "org-flow-sub", "org-flow-dst", "org-flow-empty"
FS1, FS2, FX, FD1 = (f"tron:{a}" for a in ("TFlowSrc01", "TFlowSub02", "TFlowMid03", "TFlowDst04"))
DESK_ORG = "org-desk-ltd"
DP1, DP2, DESK = (f"tron:{a}" for a in ("TDeskPayer01", "TDeskPayer02", "TDeskWallet03"))


def flows() -> Scenario:
    s = Scenario()
    for w in (FS1, FS2, FX, FD1):
        s.wallet(w.removeprefix("tron:"), assets=["USDT"], sources=["test-fixture"])
    s.org(SRC, "Flow Source Group", "Company", sources=["test-fixture"])
    s.org(SUB, "Flow Source Pay", "Company", sources=["test-fixture"])
    s.org(DST, "Flow Sink Ltd", "Company", sources=["test-fixture"])
    s.org(EMPTY, "Flow Empty Co", "Company", sources=["test-fixture"])
    s.link("SUBSIDIARY_OF", SUB, SRC, share=100.0)
    s.link("CONTROLLED_BY", FS1, SRC)
    s.link("CONTROLLED_BY", FS2, SUB)
    s.link("CONTROLLED_BY", FD1, DST)
    s.send_all([("f1", FS1, FD1, 1234.567891, "2024-01-15T10:00"),
                ("f2", FS2, FX, 500.25, "2024-03-03T10:00"),
                ("f3", FX, FD1, 500.25, "2024-03-04T10:00"),
                ("f4", FS1, FD1, 10.000001, "2024-03-20T10:00")])
    return s


def pig() -> Scenario:
    s = typology_scenarios.pig()
    s.org(COLLECTOR, "Pig Collector Ltd", "Company", sources=["test-fixture"])
    s.org(PIG_GROUP, "Pig Group", "Company", sources=["test-fixture"])
    s.link("SUBSIDIARY_OF", COLLECTOR, PIG_GROUP, share=100.0)
    s.link("CONTROLLED_BY", "tron:C", COLLECTOR)
    return s


def desk() -> Scenario:
    s = Scenario()
    for w in (DP1, DP2, DESK):
        s.wallet(w.removeprefix("tron:"), sources=["test-fixture"])
    s.org(DESK_ORG, "Desk Ltd", "OTCDesk", sources=["test-fixture"])
    s.link("CONTROLLED_BY", DESK, DESK_ORG)
    raw_send(s, "dk1", DP1, DESK, 100_000, 6, "USDT", "2024-04-10T10:00")
    raw_send(s, "dk2", DP2, DESK, 200_000, 6, "USDT", "2024-04-11T10:00")
    raw_send(s, "dk3", DP1, DESK, ETH_A, 18, "ETH", "2024-04-12T10:00")
    raw_send(s, "dk4", DP2, DESK, ETH_B, 18, "ETH", "2024-04-13T10:00")
    return s


def write(graph: Graph) -> None:
    story.write(graph)
    pig().write(graph)
    flows().write(graph)
    desk().write(graph)
