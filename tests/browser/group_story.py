"""The money-flow story (flow_story.py) with a second wallet of the scam organisation.

Golden Reef Operation now controls two wallets: PS (5 USDT from the mule PM on 11 March 2024)
and PS2 (3 USDT from PM on 12 March). Grouped and collapsed, the organisation is one node and
PM -> Golden Reef is one summed edge: 2 transfers, 8 USDT. The six transfers on the canvas after
a trace from PV span 4 to 12 March, one bar a day on the timeline.
"""

from __future__ import annotations

from graph.db import Graph
from tests.browser import flow_story as fs
from tests.browser import story
from tests.graph.scenario import Scenario

PS2 = "TScamWa11etTwo0000000000000000000009"
GROUP_SUM = "8"


def build() -> Scenario:
    s = Scenario()
    s.wallet(PS2, display=PS2, assets=["USDT"], **story.PROV)
    s.link("CONTROLLED_BY", f"tron:{PS2}", fs.SCAM_ORG, **story.PROV)
    s.send("ptx6", f"tron:{fs.PM}", f"tron:{PS2}", 3, "2024-03-12T10:00")
    return s


def write(graph: Graph) -> None:
    fs.write(graph)
    build().write(graph)
