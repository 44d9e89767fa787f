"""A resolved cluster and a value trace for the browser, small enough to work by hand.

Cluster: the ActorPack actor gs-actor-lotus ("Lotus Exchange", actorpack:lotus.yaml) controls
the deposit wallet DEP; the FtM company ftm-lotus ("LOTUS EXCHANGE CO., LTD.", ftm:lotus.json)
is the same firm, judged so. Canonical id: ftm-lotus (not a TagPack actor stub).

Money (USDT, 6 decimals), HAIRCUT from SEED:
  1 Mar SEED -> MIX 3 (tainted 3 of 3);  2 Mar CLEAN -> MIX 7 (MIX: tainted 3 of 10)
  3 Mar MIX -> DEP 4   carries 3 x 4/10     = 1.2   (MIX: tainted 1.8 of 6)
  4 Mar MIX -> END 2.5 carries 1.8 x 2.5/6  = 0.75  (MIX: tainted 1.05 of 3.5)
So sent 3 = attributed 1.95 (1.2 to the Lotus cluster, 0.75 at the endpoint END)
          + still held 1.05 (at MIX) + returned 0 + dropped 0.
"""

from __future__ import annotations

from graph.db import Graph
from graph.resolve.judgements import judge
from tests.browser import story
from tests.graph.scenario import Scenario

SEED, MIX, CLEAN, DEP, END = "TSeedVictim01", "TMixer000002", "TCleanSrc003", "TLotusDep04", \
    "TEndpoint005"
ACTOR, COMPANY = "gs-actor-lotus", "ftm-lotus"
ACTOR_SOURCE, COMPANY_SOURCE = "actorpack:lotus.yaml", "ftm:lotus.json"


def build() -> Scenario:
    s = Scenario()
    for address in (SEED, MIX, CLEAN, DEP, END):
        s.wallet(address, display=address, assets=["USDT"], sources=["test-fixture"])
    s.org(ACTOR, "Lotus Exchange", "Exchange", gs_actor="lotus", country=["KH"],
          sources=[ACTOR_SOURCE])
    s.org(COMPANY, "LOTUS EXCHANGE CO., LTD.", "Company", country=["KH"],
          registration_numbers=["KH-5150"], sources=[COMPANY_SOURCE])
    s.link("CONTROLLED_BY", f"tron:{DEP}", ACTOR, sources=[ACTOR_SOURCE])
    s.send_all([("v1", f"tron:{SEED}", f"tron:{MIX}", 3, "2024-03-01T10:00"),
                ("v2", f"tron:{CLEAN}", f"tron:{MIX}", 7, "2024-03-02T10:00"),
                ("v3", f"tron:{MIX}", f"tron:{DEP}", 4, "2024-03-03T10:00"),
                ("v4", f"tron:{MIX}", f"tron:{END}", 2.5, "2024-03-04T10:00")])
    return s


def write(graph: Graph) -> None:
    """The story graph (so the demo's own examples stay), this case, and the judgement."""
    story.write(graph)
    build().write(graph)
    judge(graph, COMPANY, ACTOR, "same", by="test", reason="same registry entry")
