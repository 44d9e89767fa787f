"""Parallel transfers for the money-flow view, planted beside the story graph.

A second victim (PV) pays a mule (PM) three times in March 2024: 12.345678, 100.5 and 7 USDT
(119.845678 in all). PM forwards 110 to Kestrel Exchange's deposit address and 5 to a wallet
controlled by "Golden Reef Operation", a ScamOperation. The three PV -> PM transfers are one
route carrying three transfers, drawn as one bundled edge.
"""

from __future__ import annotations

from graph.db import Graph
from tests.browser import story
from tests.graph.scenario import Scenario

PV = "TParVictim0000000000000000000000006"
PM = "TParMu1e00000000000000000000000007"
PS = "TScamWa11et000000000000000000000008"
SCAM_ORG = "org-golden-reef"
# Khmer, Thai, Burmese and Chinese aliases: each needs its own Noto font to draw.
ALIASES = ["ថ្មប៉ប្រះទឹកមាស", "แนวปะการังทองคำ", "ရွှေသန္တာ", "金礁"]
PARALLEL = [("ptx1", 12.345678, "2024-03-04T10:00"), ("ptx2", 100.5, "2024-03-05T10:00"),
            ("ptx3", 7, "2024-03-09T10:00")]
PARALLEL_SUM = "119.845678"


def build() -> Scenario:
    s = Scenario()
    for address in (PV, PM, PS):
        s.wallet(address, display=address, assets=["USDT"], **story.PROV)
    s.org(SCAM_ORG, "Golden Reef Operation", "ScamOperation", aliases=ALIASES, **story.PROV)
    s.link("CONTROLLED_BY", f"tron:{PS}", SCAM_ORG, **story.PROV)
    for tx, amount, when in PARALLEL:
        s.send(tx, f"tron:{PV}", f"tron:{PM}", amount, when)
    s.send("ptx4", f"tron:{PM}", f"tron:{story.KESTREL_DEPOSIT}", 110, "2024-03-10T10:00")
    s.send("ptx5", f"tron:{PM}", f"tron:{PS}", 5, "2024-03-11T10:00")
    return s


def write(graph: Graph) -> None:
    story.write(graph)
    build().write(graph)
