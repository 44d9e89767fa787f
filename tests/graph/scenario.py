"""Hand-made graphs for the investigative-question tests, each written in one query.

Amounts and dates are chosen so that every expected number in the tests can be worked
out by hand; the comments beside each scenario give the story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph

WRITE = """
CALL () {
  UNWIND $nodes AS n
  CREATE (x:$(n.labels)) SET x = n.props
}
CALL () {
  UNWIND $links AS l
  MATCH (a:Entity {id: l.start}), (b:Entity {id: l.end})
  CREATE (a)-[r:$(l.type)]->(b) SET r = l.props
}
CALL () {
  UNWIND $transfers AS t
  MATCH (a:Entity {id: t.from}), (b:Entity {id: t.to})
  CREATE (a)-[r:TRANSFER]->(b) SET r = t.props
}
"""


def day(text: str) -> datetime:
    """A UTC datetime from 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class Scenario:
    """Nodes, links and transfers to write; builders return the id they created."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    transfers: list[dict[str, Any]] = field(default_factory=list)

    def node(self, labels: list[str], id: str, **props: Any) -> str:
        self.nodes.append({"labels": ["Entity", *labels], "props": {"id": id, **props}})
        return id

    def wallet(self, name: str, chain: str = "tron", **props: Any) -> str:
        address = props.pop("address", name)
        return self.node(["Wallet"], f"{chain}:{address}", chain=chain, address=address, **props)

    def org(self, id: str, name: str, *kinds: str, **props: Any) -> str:
        return self.node(["Organization", *kinds], id, name=name, kinds=list(kinds), **props)

    def person(self, id: str, name: str, **props: Any) -> str:
        return self.node(["Person"], id, name=name, **props)

    def compound(self, id: str, name: str, lat: float, lon: float, **props: Any) -> str:
        return self.node(["Compound"], id, name=name, lat=lat, lon=lon, **props)

    def link(self, type: str, start: str, end: str, **props: Any) -> None:
        self.links.append({"type": type, "start": start, "end": end, "props": props})

    def send(self, tx: str, start: str, end: str, amount: float, when: str,
             asset: str = "USDT") -> None:
        """A transfer with id tron:<tx>:0; amount_raw in 6-decimal base units."""
        props = {"id": f"tron:{tx}:0", "chain": "tron", "tx": tx, "index": 0, "asset": asset,
                 "amount": float(amount), "amount_raw": str(round(amount * 10**6)),
                 "decimals": 6, "ts": day(when)}
        self.transfers.append({"from": start, "to": end, "props": props})

    def send_all(self, rows: list[tuple[Any, ...]]) -> None:
        for row in rows:
            self.send(*row)

    def write(self, graph: Graph) -> None:
        graph.driver.execute_query(WRITE, {"nodes": self.nodes, "links": self.links,
                                           "transfers": self.transfers},
                                   database_=graph.database)


def trace_scenario() -> Scenario:
    """Money from victim V through A, B, C to a payment provider and a marketplace of one group.

    V -t1 1000 (01-01)-> A; A -t2 600 (01-02)-> B; A -t3 300 (01-03)-> C;
    A -t4 100 (2023-12-31)-> D (earlier than t1: breaks time order);
    A -t9 50 TRX (01-02)-> F; B -t5 500 (01-04)-> X1 (Pay); B -t8 5 (01-06)-> U;
    B -t10 50 (01-08)-> K; C -t6 250 (01-05)-> X2 (Guarantee);
    C -t7 40 (01-02)-> E (Zorg; earlier than t3: breaks time order);
    X1 -t11 400 (01-07)-> EX (deposit address of Exchange); EX -t12 100 (01-09)-> Y;
    W -t13 70 (01-06)-> C (after t6 left C: not a source of it when time-ordered).
    Pay SUBSIDIARY_OF Mid SUBSIDIARY_OF Group; Group OWNS 60 % of Guarantee;
    Minor OWNS 30 % of Group.
    """
    s = Scenario()
    names = ["V", "A", "B", "C", "D", "E", "F", "U", "K", "Y", "W"]
    v, a, b, c, d, e, f, u, k, y, w = (s.wallet(n) for n in names)
    x1, x2, ex = s.wallet("X1"), s.wallet("X2"), s.wallet("EX")
    s.org("pay", "Pay Co", "PaymentProvider")
    s.org("guar", "Guarantee Co", "Marketplace")
    s.org("mid", "Mid Holding", "Company")
    s.org("group", "Group Holdings", "Company")
    s.org("minor", "Minor Investor", "Company")
    s.org("zorg", "Zorg Ltd", "Company")
    s.org("exch", "Big Exchange", "Exchange")
    s.link("CONTROLLED_BY", x1, "pay")
    s.link("CONTROLLED_BY", x2, "guar")
    s.link("CONTROLLED_BY", e, "zorg")
    s.link("DEPOSIT_ADDRESS_OF", ex, "exch")
    s.link("SUBSIDIARY_OF", "pay", "mid")
    s.link("SUBSIDIARY_OF", "mid", "group")
    s.link("OWNS", "group", "guar", share=60.0)
    s.link("OWNS", "minor", "group", share=30.0)
    rows: list[tuple[Any, ...]] = [
        ("t1", v, a, 1000, "2024-01-01"), ("t2", a, b, 600, "2024-01-02"),
        ("t3", a, c, 300, "2024-01-03"), ("t4", a, d, 100, "2023-12-31"),
        ("t5", b, x1, 500, "2024-01-04"), ("t6", c, x2, 250, "2024-01-05"),
        ("t7", c, e, 40, "2024-01-02"), ("t8", b, u, 5, "2024-01-06"),
        ("t9", a, f, 50, "2024-01-02", "TRX"), ("t10", b, k, 50, "2024-01-08"),
        ("t11", x1, ex, 400, "2024-01-07"), ("t12", ex, y, 100, "2024-01-09"),
        ("t13", w, c, 70, "2024-01-06"),
    ]
    s.send_all(rows)
    return s


def exposure_scenario(with_second_wallet: bool = False) -> Scenario:
    """Inflow of target T (500 USDT, 10 TRX) from sanctioned, scam and compound-linked sources.

    S1 (SANCTIONED_BY) -100-> T; M -200-> T; C1 (OpCo, whose parent operates a compound) -50-> T;
    R -150 USDT and 10 TRX-> T. Into M: S2 (controller sanctioned) 30, Q (category scam) 90,
    N 120. Into N: S3 (SANCTIONED_BY) 40, R2 40. With the second wallet: T and T2 are both
    controlled by Target Org, T2 -1000-> T (internal) and S1 -20-> T2.
    """
    s = Scenario()
    names = ["T", "S1", "S2", "S3", "M", "N", "C1", "R", "R2"]
    t, s1, s2, s3, m, n, c1, r, r2 = (s.wallet(x) for x in names)
    q = s.wallet("Q", categories=["Scam"])  # upper case on purpose: matching ignores case
    s.node(["Sanction"], "OFAC:CYBER2:1", authority="OFAC", program="CYBER2", listing_id="1")
    s.org("sorg", "Sanctioned Org", "Company")
    s.org("opco", "Op Co", "Company")
    s.org("parent", "Parent Group", "Company")
    s.compound("k1", "Compound One", 11.5, 104.9, country="KH")
    s.link("SANCTIONED_BY", s1, "OFAC:CYBER2:1")
    s.link("SANCTIONED_BY", s3, "OFAC:CYBER2:1")
    s.link("SANCTIONED_BY", "sorg", "OFAC:CYBER2:1")
    s.link("CONTROLLED_BY", s2, "sorg")
    s.link("CONTROLLED_BY", c1, "opco")
    s.link("SUBSIDIARY_OF", "opco", "parent")
    s.link("OPERATES", "parent", "k1")
    s.send_all([
        ("e1", s1, t, 100, "2024-02-01"), ("e2", m, t, 200, "2024-02-02"),
        ("e3", c1, t, 50, "2024-02-03"), ("e4", r, t, 150, "2024-02-04"),
        ("e5", r, t, 10, "2024-02-04", "TRX"), ("e6", s2, m, 30, "2024-01-10"),
        ("e7", q, m, 90, "2024-01-11"), ("e8", n, m, 120, "2024-01-12"),
        ("e9", s3, n, 40, "2024-01-05"), ("e10", r2, n, 40, "2024-01-06"),
    ])
    if with_second_wallet:
        t2 = s.wallet("T2")
        s.org("tgt", "Target Org", "Company")
        s.link("CONTROLLED_BY", t, "tgt")
        s.link("CONTROLLED_BY", t2, "tgt")
        s.send_all([("e11", t2, t, 1000, "2024-02-05"), ("e12", s1, t2, 20, "2024-02-06")])
    return s


def flows_scenario() -> Scenario:
    """Organisation A (wallets a1, a2) pays organisation B (wallet b1), directly and through others.

    a1 -f1 100 (01-15)-> b1; a2 -f2 50 (02-03)-> b1; a1 -f3 70 (02-10)-> m; a2 -f5 20 (02-12)-> m;
    m -f4 60 (02-20)-> b1; a2 -f6 30 (03-01)-> n; n -f7 25 (02-25)-> b1 (before f6: not a flow);
    a1 -f8 10 (03-02)-> m2 -f9 10 (03-03)-> m3 -f10 9 (03-04)-> b1; a1 -f11 5 TRX (03-05)-> b1.
    """
    s = Scenario()
    a1, a2, b1, m, n, m2, m3 = (s.wallet(x) for x in ["a1", "a2", "b1", "m", "n", "m2", "m3"])
    s.org("orga", "Org A", "Company")
    s.org("orgb", "Org B", "OTCDesk")
    s.link("CONTROLLED_BY", a1, "orga")
    s.link("CONTROLLED_BY", a2, "orga")
    s.link("CONTROLLED_BY", b1, "orgb")
    s.send_all([
        ("f1", a1, b1, 100, "2024-01-15"), ("f2", a2, b1, 50, "2024-02-03"),
        ("f3", a1, m, 70, "2024-02-10"), ("f5", a2, m, 20, "2024-02-12"),
        ("f4", m, b1, 60, "2024-02-20"), ("f6", a2, n, 30, "2024-03-01"),
        ("f7", n, b1, 25, "2024-02-25"), ("f8", a1, m2, 10, "2024-03-02"),
        ("f9", m2, m3, 10, "2024-03-03"), ("f10", m3, b1, 9, "2024-03-04"),
        ("f11", a1, b1, 5, "2024-03-05", "TRX"),
    ])
    return s


def corporate_scenario() -> Scenario:
    """A small conglomerate: who owns Casino Co, what Q controls, which compounds are linked.

    H1 OWNS 60 % of Casino Co (co-c); person R OWNS 40 % of it. Person Q OWNS 50 % of H1, and
    H2 OWNS the other 50 % with no share recorded. H1 OWNS 100 % of Sib Co. Q is DIRECTOR_OF D1.
    Wallet wc is CONTROLLED_BY Casino Co, wd by D1. Casino Co OPERATES compound K2, Sib Co K3;
    unrelated Other Co OPERATES K4.
    """
    s = Scenario()
    for id, name in [("co-c", "Casino Co"), ("h1", "Holding One"), ("h2", "Holding Two"),
                     ("sib", "Sib Co"), ("d1", "Directed Co"), ("other", "Other Co")]:
        s.org(id, name, "Company")
    s.person("p-q", "Q Person")
    s.person("p-r", "R Person")
    wc, wd = s.wallet("wc"), s.wallet("wd")
    s.compound("k2", "Compound K2", 10.6, 103.5, country=["KH"], province="Sihanoukville",
               status="active")
    s.compound("k3", "Compound K3", 16.7, 98.6, country=["MM"], status="raided")
    s.compound("k4", "Compound K4", 20.3, 100.1, country=["LA"])
    s.link("OWNS", "h1", "co-c", share=60.0)
    s.link("OWNS", "p-r", "co-c", share=40.0)
    s.link("OWNS", "p-q", "h1", share=50.0)
    s.link("OWNS", "h2", "h1")
    s.link("OWNS", "h1", "sib", share=100.0)
    s.link("DIRECTOR_OF", "p-q", "d1", role="director")
    s.link("CONTROLLED_BY", wc, "co-c")
    s.link("CONTROLLED_BY", wd, "d1")
    s.link("OPERATES", "co-c", "k2")
    s.link("OPERATES", "sib", "k3")
    s.link("OPERATES", "other", "k4")
    return s


def paths_scenario() -> Scenario:
    """Person pp reaches Co2 by ownership (2 links) and by money (5 links, three routes).

    pp OWNS Co3 OWNS Co2; pp OWNS Co1; w1 CONTROLLED_BY Co1, w2 CONTROLLED_BY Co2.
    w1 -> w3 -> w2 (plain); w1 -> hub -> w2 (hub also receives from h1..h4: degree 6);
    w1 -> ex1 -> w2 (ex1 is a DEPOSIT_ADDRESS_OF an Exchange).
    """
    s = Scenario()
    s.person("pp", "P Person")
    for id in ["co1", "co2", "co3"]:
        s.org(id, id.upper(), "Company")
    s.org("exch", "Exchange", "Exchange")
    w1, w2, w3, hub, ex1 = (s.wallet(x) for x in ["w1", "w2", "w3", "hub", "ex1"])
    s.link("OWNS", "pp", "co3", share=100.0)
    s.link("OWNS", "co3", "co2", share=100.0)
    s.link("OWNS", "pp", "co1", share=100.0)
    s.link("CONTROLLED_BY", w1, "co1")
    s.link("CONTROLLED_BY", w2, "co2")
    s.link("DEPOSIT_ADDRESS_OF", ex1, "exch")
    s.send_all([("p1", w1, w3, 10, "2024-05-01"), ("p2", w3, w2, 10, "2024-05-02"),
                ("p3", w1, hub, 10, "2024-05-01"), ("p4", hub, w2, 10, "2024-05-02"),
                ("p5", w1, ex1, 10, "2024-05-01"), ("p6", ex1, w2, 10, "2024-05-02")])
    for i in range(1, 5):
        s.send_all([(f"ph{i}", s.wallet(f"h{i}"), hub, 1, "2024-04-01")])
    return s


TRON_ADDRESS = "TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj"  # base58check of 0x41 01 02 .. 14
TRON_HEX = "410102030405060708090a0b0c0d0e0f1011121314"
EVM_ADDRESS = "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"
EVM_DISPLAY = "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"


def search_scenario() -> Scenario:
    """Names, aliases in other scripts, and addresses to search for."""
    s = Scenario()
    s.org("huione", "Huione Guarantee", "Marketplace",
          aliases=["汇旺担保", "Haowang Guarantee", "Хуэйон Гарантия"])
    s.person("prince", "Chen Zhi", aliases=["陈志", "Vincent Chen"])
    s.wallet("tw", address=TRON_ADDRESS, display=TRON_ADDRESS)
    s.wallet("ew", chain="ethereum", address=EVM_ADDRESS, display=EVM_DISPLAY)
    for i in (1, 2, 3):
        s.org(f"alpha-{i}", f"Alpha Pay {i}", "PaymentProvider")
    return s
