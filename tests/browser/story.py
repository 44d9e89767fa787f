"""The graph the browser tests explore, small enough to check every number by hand.

A victim pays 1,000 USDT to a mule (M1) on 1 March 2024. M1 splits it: 300 to a deposit
address of Kestrel Exchange (2 March) and 700 to a second mule M2 (2 March), which pays the
700 into a wallet controlled by Harbor Pay (3 March). Harbor Pay is a subsidiary of Harbor
Group, which FinCEN designated under section 311, which Wen Li (文丽) owns 60% of, and which
operates the Blue Lagoon compound. In May M2 sends 50 USDT to an unattributed wallet: outside
a March time window. All names are invented.
"""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from tests.graph.scenario import Scenario, day

VICTIM = "TVictimWa11et000000000000000000001"
M1 = "TMu1e0ne000000000000000000000000001"
M2 = "TMu1eTwo000000000000000000000000002"
HARBOR_WALLET = "THarborPay00000000000000000000000003"
KESTREL_DEPOSIT = "TKestre1Dep0sit00000000000000000004"
STRAY = "TStray0000000000000000000000000000005"

PROV: dict[str, Any] = {"sources": ["test-fixture"], "first_seen": day("2024-04-01"),
        "last_seen": day("2024-06-01"), "confidence": 0.9}


def build() -> Scenario:
    s = Scenario()
    wallets = [VICTIM, M1, M2, HARBOR_WALLET, KESTREL_DEPOSIT, STRAY]
    for address in wallets:
        s.wallet(address, display=address, assets=["USDT"], **PROV)
    s.org("org-harbor-group", "Harbor Group", "Company", aliases=["Harbor Holdings"], **PROV)
    s.org("org-harbor-pay", "Harbor Pay", "Company", "PaymentProvider", **PROV)
    s.org("org-kestrel", "Kestrel Exchange", "Exchange", **PROV)
    s.person("person-wen-li", "Wen Li", aliases=["文丽"], nationality=["KH"], **PROV)
    s.compound("compound-blue-lagoon", "Blue Lagoon Compound", 11.55, 104.92, country="KH",
               **PROV)
    s.node(["Sanction"], "FinCEN-311:311:harbor", authority="FinCEN-311", program="311",
           listing_id="harbor", listed_on="2024-05-01", name="FinCEN 311 Harbor Group")
    s.link("SANCTIONED_BY", "org-harbor-group", "FinCEN-311:311:harbor")
    s.link("SUBSIDIARY_OF", "org-harbor-pay", "org-harbor-group", share=100.0, **PROV)
    s.link("OWNS", "person-wen-li", "org-harbor-group", share=60.0, **PROV)
    s.link("OPERATES", "org-harbor-group", "compound-blue-lagoon", **PROV)
    s.link("CONTROLLED_BY", f"tron:{HARBOR_WALLET}", "org-harbor-pay", **PROV)
    s.link("DEPOSIT_ADDRESS_OF", f"tron:{KESTREL_DEPOSIT}", "org-kestrel", **PROV)
    s.send("tx1", f"tron:{VICTIM}", f"tron:{M1}", 1000, "2024-03-01T10:00")
    s.send("tx2", f"tron:{M1}", f"tron:{KESTREL_DEPOSIT}", 300, "2024-03-02T09:00")
    s.send("tx3", f"tron:{M1}", f"tron:{M2}", 700, "2024-03-02T11:00")
    s.send("tx4", f"tron:{M2}", f"tron:{HARBOR_WALLET}", 700, "2024-03-03T08:00")
    s.send("tx5", f"tron:{M2}", f"tron:{STRAY}", 50, "2024-05-10T12:00")
    return s


def write(graph: Graph) -> None:
    graph.write_autocommit("db/clear")
    build().write(graph)
