"""Hand-made graphs for the value-tracing methods; each docstring works out the answers.

Seed wallet S everywhere; USDT has 6 decimals (1 USDT = 1 000 000 base units).
"""

from __future__ import annotations

from tests.graph.scenario import Scenario, day

U = 10**6  # base units of one USDT
BTC = 10**8  # satoshis


def mix_split() -> Scenario:
    """S -m1 3 (01-01)-> M; C -m2 7 clean (01-02)-> M; M -m3 6 (01-03)-> X (of Xco), -m4 4-> Y.

    POISON: M is tainted from m1: X 6, Y 4 (10, more than the 3 sent). HAIRCUT: M is 3/10
    tainted: X 1.8, Y 1.2. FIFO: m3 spends S's 3 then 3 of C's: X 3, Y 0. LIFO: m3 spends 6 of
    C's 7, m4 the last clean 1 and S's 3: X 0, Y 3.
    """
    s = Scenario()
    sd, c, m, x, y = (s.wallet(n) for n in ["S", "C", "M", "X", "Y"])
    s.org("xco", "X Co", "Company")
    s.link("CONTROLLED_BY", x, "xco")
    s.send_all([("m1", sd, m, 3, "2024-01-01"), ("m2", c, m, 7, "2024-01-02"),
                ("m3", m, x, 6, "2024-01-03"), ("m4", m, y, 4, "2024-01-04")])
    return s


def thirds() -> Scenario:
    """S -1 unit-> M, C -2 units-> M, then M -1 unit-> X (base units).

    HAIRCUT: X's share is 1/3 of a unit, floored to 0; the fraction stays with M, which passed
    none of the value on and so holds the 1 unit (attributed, as an endpoint).
    """
    s = Scenario()
    sd, c, m, x = (s.wallet(n) for n in ["S", "C", "M", "X"])
    s.send_all([("r1", sd, m, 0.000001, "2024-01-01"), ("r2", c, m, 0.000002, "2024-01-02"),
                ("r3", m, x, 0.000001, "2024-01-03")])
    return s


def paid_before() -> Scenario:
    """M -b0 5 (01-01)-> Z, then S -b1 5 (01-05)-> M, then M -b2 2 (01-06)-> Z2.

    b0 is older than the seed's money: Z gets nothing (M's unknown prior balance paid it).
    Z2 gets 2 by every method; M still holds 3.
    """
    s = Scenario()
    sd, m, z, z2 = (s.wallet(n) for n in ["S", "M", "Z", "Z2"])
    s.send_all([("b0", m, z, 5, "2024-01-01"), ("b1", sd, m, 5, "2024-01-05"),
                ("b2", m, z2, 2, "2024-01-06")])
    return s


def peel_chain() -> Scenario:
    """S -10-> P1; P1 -1-> E1, -9-> P2; P2 -1-> E2, -8-> P3; P3 -4-> P4 (one day apart each).

    With max_hops 3: P3 is on the last level, so the 4 to P4 is dropped past the hop cap and
    P3 still holds 4; E1 and E2 are endpoints with 1 each: 1 + 1 + 4 + 4 = 10.
    """
    s = Scenario()
    sd, p1, p2, p3, p4, e1, e2 = (s.wallet(n) for n in ["S", "P1", "P2", "P3", "P4", "E1", "E2"])
    s.send_all([("p1", sd, p1, 10, "2024-01-01"), ("p2", p1, e1, 1, "2024-01-02"),
                ("p3", p1, p2, 9, "2024-01-03"), ("p4", p2, e2, 1, "2024-01-04"),
                ("p5", p2, p3, 8, "2024-01-05"), ("p6", p3, p4, 4, "2024-01-06")])
    return s


def round_trip() -> Scenario:
    """S -10-> A; A -4-> S (back to the seed); A -6-> B. Sent 10 = B 6 + returned 4."""
    s = Scenario()
    sd, a, b = (s.wallet(n) for n in ["S", "A", "B"])
    s.send_all([("q1", sd, a, 10, "2024-01-01"), ("q2", a, sd, 4, "2024-01-02"),
                ("q3", a, b, 6, "2024-01-03")])
    return s


def two_assets() -> Scenario:
    """W -5 TRX clean (01-01)-> A; S -10 USDT and -5 TRX (01-02)-> A; A -4 USDT-> B, -5 TRX-> C.

    USDT: B 4, A still holds 6. TRX: A holds 5 clean + 5 of S's; HAIRCUT: C 2.5, A still holds
    2.5; FIFO: C 0 (W's older 5 go first), so A passed none of S's TRX on: an endpoint holding
    5 (attributed); LIFO: C 5.
    """
    s = Scenario()
    sd, w, a, b, c = (s.wallet(n) for n in ["S", "W", "A", "B", "C"])
    s.send_all([("a0", w, a, 5, "2024-01-01", "TRX"), ("a1", sd, a, 10, "2024-01-02"),
                ("a2", sd, a, 5, "2024-01-02", "TRX"), ("a3", a, b, 4, "2024-01-03"),
                ("a4", a, c, 5, "2024-01-04", "TRX")])
    return s


def utxo() -> Scenario:
    """Bitcoin tx u1: inputs S 3 BTC and K 1 BTC; outputs O1 2, O2 1.5, O3 0.5 BTC.

    As ingest splits it (each output over the inputs 3:1; edge index = sender * 3 + receiver):
    S->O1 1.5, S->O2 1.125, S->O3 0.375; K->O1 0.5, K->O2 0.375, K->O3 0.125. Then tx u2:
    O1 -1 BTC-> O4. HAIRCUT: O4 gets 1.5/2 of 1 = 0.75; FIFO (S's edge first): 1; LIFO: 0.5.
    """
    s = Scenario()
    sd, k, o1, o2, o3, o4 = (s.wallet(n, chain="bitcoin") for n in
                             ["S", "K", "O1", "O2", "O3", "O4"])
    edges = [(sd, o1, 150_000_000), (sd, o2, 112_500_000), (sd, o3, 37_500_000),
             (k, o1, 50_000_000), (k, o2, 37_500_000), (k, o3, 12_500_000)]
    for i, (a, b, sats) in enumerate(edges):
        _btc(s, "u1", i, a, b, sats, "2024-03-01")
    _btc(s, "u2", 0, o1, o4, 100_000_000, "2024-03-02")
    return s


def late_short_path() -> Scenario:
    """A wallet reached late by a short chain and early by a longer one, with a clean past.

    S -10 (01-05)-> A -4 (01-20)-> Y: Y is 2 links away, but S -10 (01-01)-> B -10 (01-02)-> C
    -10 (01-03)-> Y brings value earlier: Y's earliest arrival is 01-03. Before it, a clean W
    -10 (01-01)-> Y and Y -5 (01-02)-> Z: Y opens with 5 clean. Then Y -6 (01-10)-> Q: Y holds
    5 clean + 10 of S's; HAIRCUT: Q 6 x 10/15 = 4; FIFO: the clean 5, then 1; LIFO: 6.
    """
    s = Scenario()
    sd, a, b, c, y, w, z, q = (s.wallet(n) for n in ["S", "A", "B", "C", "Y", "W", "Z", "Q"])
    s.send_all([("l1", sd, b, 10, "2024-01-01"), ("l2", w, y, 10, "2024-01-01"),
                ("l3", b, c, 10, "2024-01-02"), ("l4", y, z, 5, "2024-01-02"),
                ("l5", c, y, 10, "2024-01-03"), ("l6", sd, a, 10, "2024-01-05"),
                ("l7", y, q, 6, "2024-01-10"), ("l8", a, y, 4, "2024-01-20")])
    return s


def _btc(s: Scenario, tx: str, index: int, a: str, b: str, sats: int, when: str) -> None:
    props = {"id": f"bitcoin:{tx}:{index}", "chain": "bitcoin", "tx": tx, "index": index,
             "asset": "BTC", "amount": sats / BTC, "amount_raw": str(sats), "decimals": 8,
             "ts": day(when)}
    s.transfers.append({"from": a, "to": b, "props": props})
